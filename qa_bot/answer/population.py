"""«¿Cuánta gente vive en X?», «¿Cuántos habitantes tiene X?»: a place's population.

Readers ask it of almost any local story, and a count of something else is at hand in all of
them («han matado a unas 3.400 alpacas en el distrito de Huancollo», «nacieron en Barbanera 287
niños»). The answer is a count of inhabitants («un pueblo de 830 habitantes», «sus 1.700
habitantes», «La localidad tiene 8.300 vecinos», «una población de 12.000 personas») said where
the article speaks of the place asked: ``population_first`` shows such a sentence first, and
``no_population`` refuses when the sentence shown gives none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from itertools import islice

from qa_bot.answer.asked import DATUM_STEMS
from qa_bot.answer.candidates import Scored, scored_passage, term_weights
from qa_bot.answer.case import Case
from qa_bot.answer.evidence import sentence_evidence
from qa_bot.answer.people_counts import INHABITANTS, LIVE
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.analysis import fold, stem
from qa_bot.text.lazy import Lazy
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence

NO_POPULATION = "La pregunta pide cuántos habitantes tiene un lugar y el artículo no lo dice."

_HOW_MANY = frozenset("cuantos cuantas cuanta cuanto".split())
# Who a place's population is made of, as a question asks it and as an article gives it
# (``people_counts.INHABITANTS``); how a question says they live there (``people_counts.LIVE``):
# «cuanta gente vive en…», «¿Cuántos habitantes tiene…?», not «¿Cuántos pobladores quedaron
# incomunicados?» nor «cuanta gente habia en la cena».
_PEOPLE = frozenset("gente personas vecinos vecinas".split())
_HAVE = frozenset("tiene tenia hay habia cuenta".split())
# The words that only ask for the population: the others name the place.
_ASKING = _HOW_MANY | INHABITANTS | _PEOPLE | LIVE | _HAVE
# What may bound a population before its figure: «unos 14.000», «más de 2.000», «apenas 300».
_ABOUT = r"(?:(?:unos|unas|m[aá]s\s+de|cerca\s+de|casi|alrededor\s+de|apenas|solo)\s+)?"
# The words that name a place without naming it: a reader's «el pueblo» is the article's «el
# municipio» or «la localidad».
_PLACE_NOUNS = (
    "municipio pueblo localidad ciudad villa aldea comuna distrito parroquia cantón concejo isla "
    "barrio pedanía caserío"
).split()
# A figure and, at most one word after it, who lives there; or «una población de» a figure.
# What follows may say whose population it is: «los 19.400 habitantes de la comarca».
_POPULATION_RE = Lazy(
    rf"(?P<figure>{_ABOUT}\d[\d.,]*(?:\s+(?:mil|millones(?:\s+de)?))?\s+(?:\w+\s+)?"
    r"(?:habitantes|pobladores|residentes|vecinos|vecinas|almas|empadronados)\b"
    rf"|poblaci[oó]n\s+de\s+{_ABOUT}\d[\d.,]*)"
    r"(?:\s+(?:de|del)\s+(?:(?:la|las|los|el)\s+)?(?P<of>\w+))?"
)
# «5 millones de personas» is a population where the sentence says they live there.
_PERSONS_RE = Lazy(
    r"\d[\d.,]*(?:\s+(?:mil|millones))?(?:\s+de)?\s+personas"
    r"(?:\s+(?:de|del|en)\s+(?:(?:la|las|los|el)\s+)?(?P<of>\w+))?"
)
_LIVING_RE = Lazy(r"\b(?:viv[eíi]|habit[aá])", re.IGNORECASE)
# «El municipio, de 2.700 habitantes, …», «La localidad tiene 8.300 vecinos»: the figure is of the
# place the passage speaks of, whatever else the sentence names («urbanizaciones como Los
# Almendros»).
_THE_PLACE_RE = Lazy(
    r"\b(?:el|la|este|esta)\s+(?:"
    + "|".join(sorted({*_PLACE_NOUNS, *map(fold, _PLACE_NOUNS)}))
    + r")\b,?\s+(?:de|con|tiene|ten[ií]a|cuenta\s+con|suma|supera|ronda|roza)\s+"
    + _ABOUT
    + r"\d",
    re.IGNORECASE,
)
# «Salamanca, de 144.000 habitantes, …»: the name before the figure says whose it is.
_NAMED_PLACE_RE = Lazy(
    rf"\b([A-ZÁÉÍÓÚÑ]\w+),?\s+(?:de|con)\s+{_ABOUT}"
    r"\d[\d.,]*(?:\s+(?:mil|millones(?:\s+de)?))?\s+(?:habitantes|pobladores|residentes|vecinos|almas)"
)


# A reader's «allí» is the place the article speaks of, as «el pueblo» is.
_THERE = "allí ahí allá aquí acá".split()


@cache
def _generic_places() -> frozenset[str]:
    """The stems of ``_PLACE_NOUNS`` and of ``_THERE``."""
    return frozenset(stem(fold(w)) for w in (*_PLACE_NOUNS, *_THERE))


# Passages of the top article looked at for a sentence that gives the population.
POPULATION_CANDIDATES = 10


def asks_population(question: ParsedQuestion) -> bool:
    """Whether ``question`` asks how many people live somewhere: «¿Cuántos habitantes tiene…?»,
    «cuanta gente vive en…». Not «población», which is asked of in many ways («¿Qué porcentaje
    de la población…?»): on SQuAD-es such questions lost 8 right answers."""
    words = set(question.words)
    how_many = bool(words & _HOW_MANY)
    if how_many and words & INHABITANTS and words & (LIVE | _HAVE):
        return True
    # «cuanta gente hay» asks who came; «cuantos vecinos tiene» who lives there
    living = LIVE | (_HAVE if "vecinos" in words else frozenset())
    return bool(how_many and words & _PEOPLE and words & living)


def _place_asked(question: ParsedQuestion) -> set[str]:
    """The stems of the question's words that name the place (not those of asking)."""
    return {t.stem for t in question.terms if t.folded not in _ASKING and t.stem not in DATUM_STEMS}


# The share of an article's passages that name its main place: «Castrovega» in most of them.
MAIN_PLACE_SHARE = 1 / 3


def main_place(index: SearchIndex, question: ParsedQuestion, top: int) -> bool:
    """Whether the place asked is what the article of passage ``top`` is about: named in at
    least MAIN_PLACE_SHARE of its passages (and two), so that its «este municipio» is that
    place."""
    place = _place_asked(question)
    lo, hi = index.article_range(top)
    least = max(2, MAIN_PLACE_SHARE * (hi - lo))
    return bool(place) and all(index.doc_freq_in(s, lo, hi) >= least for s in place)


def gives_population(
    question: ParsedQuestion,
    sentence: AnalyzedSentence,
    passage: tuple[AnalyzedSentence, ...],
    main: bool = False,
) -> bool:
    """Whether ``sentence`` (of ``passage``) gives a population where it speaks of the place
    asked: not of another («los 1.200 habitantes de la margen izquierda»), and it names a word
    of the question that is not one of asking (the place, «el distrito»), or it names no place
    at all («La localidad tiene 8.300 vecinos.») and its passage does, or it gives that of «este
    municipio» and the place asked is the article's ``main`` one («el mayor empleador de este
    municipio de 9.400 habitantes» in a story about Castrovega)."""
    place = _place_asked(question)
    found = [m.group("of") for m in _POPULATION_RE.re.finditer(sentence.text)]
    if _LIVING_RE.re.search(sentence.text):  # «se cree que vivían 5 millones de personas»
        found += [m.group("of") for m in _PERSONS_RE.re.finditer(sentence.text)]
    # «de la comarca» of «cuanta gente vive en barbanera» is another place's population
    if not any(of is None or stem(of.lower()) in place for of in found):
        return False
    named_places = [m.group(1) for m in _NAMED_PLACE_RE.re.finditer(sentence.text)]
    if len(named_places) == len(found) and not any(stem(n.lower()) in place for n in named_places):
        return False
    if not place:
        return True
    held = {term for term, _ in sentence.spans}
    if held & place or (place <= _generic_places() and held & _generic_places()):
        return True  # «cuanta gente vive en el pueblo» and «un municipio de unos 14.000 habitantes»
    the_place = _THE_PLACE_RE.re.search(sentence.text) is not None
    if main and the_place:
        return True
    named = any(token.text[:1].isupper() for token in sentence.words[1:])
    if named and not the_place:
        return False
    return any(term in place for s in passage for term, _ in s.spans)


def population_span(text: str) -> tuple[int, int] | None:
    """The first population ``text`` gives («14.000 habitantes», «población de 12.000»), without
    whose it is, or None."""
    found = _POPULATION_RE.re.search(text)
    return None if found is None else found.span("figure")


def population_first(
    index: SearchIndex, question: ParsedQuestion, scored: list[Scored]
) -> list[Scored]:
    """``scored`` with, first, the best of its first POPULATION_CANDIDATES passages of the top
    article that has a sentence giving the population asked (``gives_population``), shown with
    that sentence; unchanged when the question asks no population or no such passage is there."""
    if not scored or not asks_population(question):
        return scored
    top = scored[0]
    lo, hi = index.article_range(top.index)
    candidates = [s for s in scored if lo <= s.index < hi][:POPULATION_CANDIDATES]
    # A passage that shares no word with the question («un municipio de unos 14.000 habitantes»
    # for «cuanta gente vive en el pueblo») is not among them: the article's first others follow.
    ranked = {s.index for s in scored}
    weights = term_weights(index, question)
    unranked = (k for k in range(lo, hi) if k not in ranked)
    candidates += [
        scored_passage(index, question, weights, k, 0.0, 0.0)
        for k in islice(unranked, POPULATION_CANDIDATES)
    ]
    main = main_place(index, question, top.index)
    for candidate in candidates:
        sentences = index.sentences(candidate.index)
        for k, sentence in enumerate(sentences):
            if not gives_population(question, sentence, sentences, main):
                continue
            if candidate is top and sentence.start == top.sentence.start:
                return scored
            best = sentence_evidence(sentences, question, weights)[k]
            first = replace(candidate, best=best, sentence=sentence, score=top.score)
            return [first, *(s for s in scored if s is not candidate)]
    return scored


def no_population(case: Case) -> str | None:
    """A population asked, and the sentence shown gives none of the place asked."""
    if not asks_population(case.question):
        return None
    passage = case.index.sentences(case.top)
    main = main_place(case.index, case.question, case.top)
    return None if gives_population(case.question, case.shown, passage, main) else NO_POPULATION
