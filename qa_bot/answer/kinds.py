"""The spans of a sentence of the kind a question asks for: a date for «¿cuándo?», a number and
what it counts for «¿cuántos?», a name for «¿quién?»… (``text/spans.py`` finds them; here they are
kept only when they could answer: not made of the question's own words, not a number the question
gives, not a unit when another thing is counted). The answer phrase (``phrase.py``) picks the
nearest of them, the refusal checks ask whether a sentence has any (``gives``), and the ranking
prefers the passages whose sentence does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise

from qa_bot.answer.ages import an_age, an_age_span
from qa_bot.answer.asked import ORGANIZATIONS, Want
from qa_bot.answer.counted import asks_how_many, counted_noun, measured, share_or_hour
from qa_bot.answer.evidence import states_duration, states_quantity
from qa_bot.answer.named import a_public_body, asked_body, portfolio_or_province
from qa_bot.answer.people import PLACE_PREPOSITIONS, a_person, a_thing
from qa_bot.answer.quantities import is_quantity
from qa_bot.answer.roles import asks_person_name
from qa_bot.text import clauses, name_spans, spans
from qa_bot.text.analysis import Token, fold, prefix, stopwords, tokens
from qa_bot.text.lazy import Lazy
from qa_bot.text.question import ParsedQuestion, QType
from qa_bot.text.sentences import AnalyzedSentence

Span = tuple[int, int]


def question_words(question: ParsedQuestion) -> tuple[set[str], set[str]]:
    """The question's stems (with synonyms) and 5-letter prefixes of its content words."""
    stems = set(question.stems) | set(question.synonym_of)
    prefixes = set(question.prefixes)
    return stems, prefixes


def is_question_word(term: str, token: Token, stems: set[str], prefixes: set[str]) -> bool:
    return term in stems or (len(token.folded) >= 5 and prefix(token.folded) in prefixes)


@lru_cache(maxsize=4096)
def _candidates(want: Want, text: str) -> tuple[Span, ...]:
    """The spans of ``text`` of the kind ``want`` (cached: ranking asks of the same sentences
    again for every candidate passage and the refusal checks)."""
    stop = stopwords()
    finders: dict[Want, Callable[[], list[Span]]] = {
        Want.PERCENT: lambda: spans.percents(text),
        Want.MONEY: lambda: spans.money(text) + spans.scaled(text),
        Want.NUMBER: lambda: spans.percents(text) + spans.amounts(text) + spans.counts(text, stop),
        Want.DATE: lambda: spans.dates(text) or spans.hours(text, stop),
        Want.HOUR: lambda: spans.hours(text, stop),
        Want.DURATION: lambda: spans.durations(text) or spans.dates(text),
        Want.AGE: lambda: [s for s in spans.durations(text) if an_age_span(text, s)],
        Want.NAME: lambda: name_spans.names(text),
        Want.TITLE: lambda: name_spans.quoted(text) or name_spans.names(text),
        Want.PLACE: lambda: _places(text),
        Want.REASON: lambda: clauses.causes(text),
        Want.OBJECT: lambda: [],
    }
    found = finders[want]()
    if want is Want.NAME or (want is Want.TITLE and not name_spans.quoted(text)):
        found = [s for s in (_trim_name(text, s) for s in found) if s is not None]
    return tuple(found)


def _trim_name(text: str, span: Span) -> Span | None:
    """A name without the capitalized function words that open it ("La Universidad…" ->
    "Universidad…"); None when nothing is left."""
    start, end = span
    lead = name_spans.leading_words()
    for token in tokens(text[start:end]):
        if token.folded not in lead:
            break
        start = span[0] + token.end
    start = len(text) - len(text[start:].lstrip())
    return (start, end) if start < end else None


def _places(text: str) -> list[Span]:
    """Names after a place preposition, with it: "en la Universidad Nacional de Córdoba"."""
    out = []
    words = list(tokens(text))
    for name in name_spans.names(text):
        trimmed = _trim_name(text, name)
        if trimmed is None:
            continue
        start, end = trimmed
        before = [w for w in words if w.end <= start][-2:]
        if before and before[-1].folded in ("el", "la", "los", "las") and len(before) == 2:
            before = before[:1] if before[0].folded in PLACE_PREPOSITIONS else []
            if before:
                out.append((before[0].start, end))
            continue
        if before and before[-1].folded in PLACE_PREPOSITIONS:
            if before[-1].folded == "de" and _after_a_title(text, before[-1].start):
                continue  # «Tierra de nadie», de Tomás Echeverría: its author, not a place
            out.append((before[-1].start, end))
    return out


def _after_a_title(text: str, at: int) -> bool:
    """Whether ``text`` closes a quoted title and a comma right before ``at`` («…», de …): not
    «El festival «Sonorama» de Aranda de Duero», where «de» says where."""
    before = text[:at].rstrip()
    return before.endswith(",") and before[:-1].rstrip().endswith(("»", '"', "”"))


def tokens_inside(sentence: AnalyzedSentence, span: Span) -> list[tuple[str, Token]]:
    """The (term, token) pairs of ``sentence`` that start inside ``span``."""
    starts = token_starts(sentence)
    return list(sentence.spans[bisect_left(starts, span[0]) : bisect_left(starts, span[1])])


def token_starts(sentence: AnalyzedSentence) -> list[int]:
    return [t.start for _, t in sentence.spans]


def kind_spans(
    question: ParsedQuestion, sentence: AnalyzedSentence, want: Want
) -> Iterator[tuple[Span, list[tuple[str, Token]]]]:
    """The spans of ``sentence.text`` of the kind ``want`` that could answer ``question``, each
    with its (term, token) pairs: not made only of the question's words, not a name or a number
    the question itself gives, not a unit when it counts something else."""
    text = sentence.text
    stems, prefixes = question_words(question)
    counted = counted_noun(question)
    given = question_numbers(question)
    starts = token_starts(sentence)
    person = want is Want.NAME and asks_person_name(question)
    who = (
        want is Want.NAME
        and question.qtype is QType.PERSON
        and not any(w in ORGANIZATIONS for w in question.words)  # «¿Quién fue el equipo…?»
    )
    subject = measured(question) if want is Want.NUMBER else None
    how_many = want is Want.NUMBER and counted is not None and asks_how_many(question)
    years_asked = "anos" in question.words or "años" in question.words
    year = want is Want.DATE and asks_year(question)
    # How long something takes is a span of time, never a date («¿Cuánto tiempo lleva…?» may be
    # answered «desde 2019», «¿Cuánto duró la peste?» «de 1500 a 1850»).
    lasting = want is Want.DURATION and any(t.stem in _LASTING for t in question.terms)
    # «¿En qué hospital…?» is answered by «el Hospital San Rafael»: the noun asked may be in it.
    body = fold(asked_body(question) or "") if want is Want.NAME else None
    for span in _candidates(want, text):
        if span[0] >= span[1]:
            continue
        inside = list(sentence.spans[bisect_left(starts, span[0]) : bisect_left(starts, span[1])])
        new = [
            t
            for term, t in inside
            if not is_question_word(term, t, stems, prefixes) or t.folded == body
        ]
        if want in (Want.NAME, Want.PLACE) and len(new) < len(inside):
            continue  # a name the question gives: "¿Quién es el abogado de Montaner?"
        if body and (portfolio_or_province(text, span) or a_public_body(text, span, body)):
            continue  # «¿De qué partido es…?» is no «diputado de Vías y Obras», «Almarcén (Toledo)»
        if want is Want.NAME and not _may_be_name(text, span):
            continue
        if who and a_thing(text, span):
            continue  # «¿Quién es la concejala…?» is no «al Gobierno», «la Universidad»
        if person and not a_person(text, span):
            continue  # «¿Cómo se llama el gobernador…?» is no «El Cedral» nor «Primera Sala»
        if (
            want is Want.NUMBER
            and counted
            and not any(term == counted for term, _ in inside)
            and spans.is_unit(text[span[0] : span[1]])
        ):
            continue  # "tres meses" does not count «¿Cuántas viviendas…?»
        if how_many and counted is not None and share_or_hour(sentence, span, counted):
            continue  # «el 80%», «las 18.30» count no «¿Cuántos mosquitos…?»
        if want is Want.NUMBER and not years_asked and an_age(text, span):
            continue  # «Fermín Andújar, de 72 años,» tells his age, not «¿Cuánto ha dado…?»
        if want is Want.DURATION and an_age(text, span):
            continue  # nor how long «¿Cuántos años fue maestro?»
        if subject and _counts_the_subject(inside, subject, stems, prefixes):
            continue  # «seis convoyes» for «¿Qué capacidad tienen los convoyes?»
        if not new and not any(c.isdigit() for c in text[span[0] : span[1]]):
            continue  # only the question's own words
        if any(t.folded in given for _, t in inside if t.folded[:1].isdigit()):
            continue  # a number the question itself gives ("en 2023")
        if year and not _YEAR_IN_RE.re.search(text[span[0] : span[1]]):
            continue  # «¿En qué año se fundó…?» is no «este lunes»
        if lasting and span not in spans.durations(text):
            continue  # «¿Cuánto tarda el autobús?» is no «a partir de septiembre»
        yield span, inside


def _counts_the_subject(
    inside: list[tuple[str, Token]],
    subject: tuple[str, set[str]],
    stems: set[str],
    prefixes: set[str],
) -> bool:
    """Whether a count names only the question's own subject, neither the asked noun nor the
    words after it: «seis convoyes» for «¿Qué capacidad tienen los convoyes?»."""
    asked, after = subject
    nouns = [(term, t) for term, t in inside if t.folded.isalpha() and not is_quantity(t.folded)]
    return bool(nouns) and all(
        is_question_word(term, t, stems, prefixes) and term != asked and term not in after
        for term, t in nouns
    )


# The stems of taking time: «¿Cuánto tarda / se demoró…?».
_LASTING = frozenset(("tard", "demor"))
# What a year asked may be: «en 1987», «el año pasado», «hace tres años», «en los años 70», «a
# finales de la década», «en el siglo XV».
_YEAR_IN_RE = Lazy(r"\b(?:1\d{3}|20\d{2}|años?|anos?|décadas?|decadas?|siglos?)\b", re.IGNORECASE)


def asks_year(question: ParsedQuestion) -> bool:
    """«¿En qué año…?», «¿De qué año es…?»: a year, not any date."""
    words = question.words
    return any(a in ("que", "cual") and b in ("año", "ano") for a, b in pairwise(words))


def gives(question: ParsedQuestion, want: Want, sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` gives a datum of the kind ``want`` that ``question`` asks for: an age
    ("39 años") for «¿Qué edad…?», a quantity for «¿Cuántos…?», a date for «¿Cuándo…?»… Always
    true for a reason or an object, which a sentence may give in any words."""
    if want is Want.AGE:
        # «desde hace 19 años» is a span of time, no age (``ages.an_age_span``)
        return (
            states_duration(sentence, question)
            and next(kind_spans(question, sentence, want), None) is not None
        )
    if want is Want.NUMBER and not states_quantity(sentence, question):
        return False
    if want in (Want.OBJECT, Want.REASON):
        return True
    return next(kind_spans(question, sentence, want), None) is not None


def _may_be_name(text: str, span: Span) -> bool:
    """A single capitalized word is no name when it opens the sentence ("Además") or a quote that
    goes on after it («No podíamos esperar», «—Sí, claro»; not the quoted name «Aquarius») or
    follows «de» or «en» (a place or a department: "consejero de Movilidad")."""
    if " " in text[span[0] : span[1]].strip():
        return True
    before = text[: span[0]].split()
    if not before:
        return False
    word = before[-1].lower().strip(_OPENERS)
    if not word:  # right after «, —, (…: a name only when the quote closes after it
        return text[span[1] : span[1] + 1] in _CLOSERS
    return word not in ("de", "del", "en")


# What opens and closes a quote or an aside, or a spoken line («—No…», «¡Basta!»).
_OPENERS = "«“‘‹„\"'—–(¡¿"
_CLOSERS = frozenset("»”’›\"')")


def question_numbers(question: ParsedQuestion) -> set[str]:
    """The numbers written in the question ("¿Cuántos usuarios tuvo en 2023?" -> {"2023"})."""
    return {w for w in question.words if w[:1].isdigit()}
