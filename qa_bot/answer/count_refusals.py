"""The refusal checks on a count asked, «¿Cuántos X…?»: the passage or the article that never
talks of X. ``refusal.CHECKS`` runs them with the other checks on the kind of datum asked
(``datum_refusals.py``)."""

from __future__ import annotations

from qa_bot.answer.asked import Want, one_kind_asked
from qa_bot.answer.bodies import article_passages
from qa_bot.answer.case import Case
from qa_bot.answer.count_asked import counts_another, gives_count_of_asked
from qa_bot.answer.counted import counted_noun
from qa_bot.answer.people_counts import PEOPLE_SLANG
from qa_bot.answer.phrase import answer_span
from qa_bot.answer.population import asks_population
from qa_bot.answer.support import in_article
from qa_bot.answer.units import gives_unit, unit_kind
from qa_bot.text.analysis import stem
from qa_bot.text.lazy import Lazy
from qa_bot.text.question import ParsedQuestion, QuestionTerm


def no_count_of_asked(case: Case) -> str | None:
    """«¿Cuántos socios fueron a la asamblea?» answered by a passage that never says «socios»
    and a sentence with no count to show: the count asked is elsewhere, or nowhere."""
    question = case.question
    found = _how_many(question)
    if found is None:
        return None
    asked, term = found
    if term.folded in PEOPLE_SLANG:
        return None
    # The synonyms the corpus holds (``matching.with_synonyms``): the whole thesaurus refuses
    # fewer near-misses («trabajadores», «plazas» find a loose sense in the passage).
    if case.passage_holds((term.stem, *term.synonyms)):
        return None
    if answer_span(question, case.shown) is not None:
        return None
    return (
        f"La pregunta pide {asked} «{term.lower}» y el pasaje que mejor encaja no habla de "
        f"{_them(asked)}."
    )


# Nouns that any count of people or of things may answer: «¿Cuántas personas protestaron?» is
# answered by «un centenar de profesionales».
_ANY_COUNT = frozenset("personas gente cosas veces".split()) | PEOPLE_SLANG


def no_count_in_article(case: Case) -> str | None:
    """«¿Cuántos habitantes tiene Navalcastaño?» of an article that never says «habitantes» (nor a
    synonym, nor a word of its family), answered by a count of something else («unas 23.000
    personas» in the area around it): the article does not talk about what is counted. When the
    article names it, a count of another thing may still be the reader's word for it and is only
    shown with less trust (``count_asked.counts_another``)."""
    found = _counted(case)
    if found is None:
        return None
    asked, term = found
    lo, hi = case.index.article_range(case.top)
    if in_article(case.index, term, lo, hi) or any(
        case.index.doc_freq_in(s, lo, hi) for s in term.synonyms
    ):
        return None
    if not _shows_another_count(case):
        return None
    return f"La pregunta pide {asked} «{term.lower}» y el artículo no habla de {_them(asked)}."


def counted_elsewhere(case: Case) -> str | None:
    """«¿Cuántos alumnos tiene el colegio Los Almendros?» answered by a count of another thing
    («Los tres centros afectados…») in a sentence that never says «alumnos», while the article
    does count alumnos elsewhere (of another school): the count asked is not where the question's
    other words are. Without that count elsewhere, the count shown may be the reader's word for
    the thing («usuarios» for «pasajeros») and is only shown with less trust; when the passage
    cited counts it in another sentence, the answer is in the passage cited."""
    question = case.question
    found = _counted(case)
    if found is None:
        return None
    asked, term = found
    if unit_kind(question, term) is not None:
        return None  # a measure: ``no_count_in_unit`` knows its other units («gigatoneladas»)
    held = {stem for stem, _ in case.shown.spans}
    if term.stem in held or any(s in held for s in term.synonyms):
        return None
    if not _shows_another_count(case):
        return None

    def counts_it(i: int) -> bool:
        return any(gives_count_of_asked(question, s) for s in case.index.sentences(i))

    lo, hi = case.index.article_range(case.top)
    # Only a passage that says X may count X: the article's richest in it (a book pasted as one
    # article is not read whole).
    saying = article_passages(case.index, [term.stem], lo, hi)
    if counts_it(case.top) or not any(counts_it(i) for i in saying if i != case.top):
        return None  # the passage cited counts it, or the article nowhere does
    return (
        f"La pregunta pide {asked} «{term.lower}» y la frase del artículo que mejor encaja "
        "cuenta otra cosa."
    )


# A figure, its unit or none, and what it measures: «2.100 hectáreas de pinar», «640 de robledal»,
# «1,5 gigatoneladas de dióxido de carbono».
_MEASURED_RE = Lazy(
    r"\d[\d.,]*(?:\s+(?:mil|millones))?(?:\s+\w+)?\s+de\s+"
    r"(?:(?:la|las|los|el|su|sus|este|esta|estos|estas|nuestro|nuestra)\s+)?(\w+(?:\s+\w+){0,2})"
)


def measure_of_another(case: Case) -> str | None:
    """«¿Cuántas hectáreas de olivar se quemaron?» and «unas 2.100 hectáreas de pinar y 640 de
    robledal, además de cultivos de cereal y olivar»: the sentence names what is asked and
    measures only other things."""
    found = _how_many(case.question)
    if found is None or unit_kind(case.question, found[1]) is None:
        return None
    asked, unit = found
    words = list(case.question.words)
    at = words.index(unit.folded) if unit.folded in words else -1
    of = words[at + 1 : at + 3] if at >= 0 else []
    if len(of) < 2 or of[0] not in ("de", "del"):
        return None
    thing = next((t for t in case.question.terms if t.folded == of[1]), None)
    if thing is None:
        return None
    text = case.shown.text
    # what each figure measures, in up to three words: «dióxido de carbono» measures carbon
    measured = [
        {stem(w) for w in m.group(1).lower().split()} for m in _MEASURED_RE.re.finditer(text)
    ]
    said = {term for term, _ in case.shown.spans}
    if not measured or any(thing.stem in m for m in measured) or thing.stem not in said:
        return None
    return (
        f"La pregunta pide {asked} «{unit.lower}» de «{thing.lower}» y la frase del artículo que "
        "mejor encaja las da de otra cosa."
    )


def no_count_in_unit(case: Case) -> str | None:
    """«¿Cuántos metros…?» and the sentence shown gives no figure in a unit of length (of area
    for «metros cuadrados»…)."""
    found = _how_many(case.question)
    kind = None if found is None else unit_kind(case.question, found[1])
    if found is None or kind is None or gives_unit(case.shown.text, kind):
        return None
    asked, term = found
    return (
        f"La pregunta pide {asked} «{term.lower}» y la frase del artículo que mejor encaja no da "
        f"ninguna cifra en {term.lower}."
    )


def _counted(case: Case) -> tuple[str, QuestionTerm] | None:
    """``_how_many`` of a question asked on its own («¿Cuántos X…?»), when X is not a word that
    any count may answer (``_ANY_COUNT``)."""
    found = None if case.follow_up else _how_many(case.question)
    return None if found is None or found[1].folded in _ANY_COUNT else found


def _shows_another_count(case: Case) -> bool:
    """Whether the sentence shown answers with a count of another thing (``count_asked.counts_another``)."""
    span = answer_span(case.question, case.shown)
    return span is not None and counts_another(case.question, case.shown, span)


def _how_many(question: ParsedQuestion) -> tuple[str, QuestionTerm] | None:
    """«cuántos» or «cuántas» and the term of what «¿Cuántos X…?» counts, or None when the
    question asks no count of a thing («¿Qué velocidad alcanza…?» asks a measure) or asks a
    place's population by its «vecinos» («¿Cuántos vecinos tiene Castrovega?», answered by
    «9.400 habitantes»: ``population.no_population`` checks it)."""
    if one_kind_asked(question) is not Want.NUMBER:
        return None
    asked, counted = _cuantos(question), counted_noun(question)
    if asked is None or counted is None:
        return None
    if asks_population(question) and counted in _NEIGHBOURS:
        return None
    return asked, next(t for t in question.terms if t.stem == counted)


# «¿Cuántos vecinos tiene…?» asks a population, which articles give in «habitantes».
_NEIGHBOURS = frozenset(("vecin",))


def _them(asked: str) -> str:
    return "ellas" if asked == "cuántas" else "ellos"


def _cuantos(question: ParsedQuestion) -> str | None:
    """«cuántos» or «cuántas», as the question counts (with the accent it may lack), or None."""
    words = question.words
    return next(
        (
            {"cuantos": "cuántos", "cuantas": "cuántas"}[w]
            for w in words
            if w in ("cuantos", "cuantas")
        ),
        None,
    )
