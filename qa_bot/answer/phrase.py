"""The answer phrase: the shortest span of the shown sentence that answers the question.

The question says what kind of span it wants («¿cuándo?» a date, «¿cuántos?» a number and what it
counts, «¿quién?» a name…); ``text/spans.py`` finds every span of that kind in the sentence, and
the one nearest to the question's own words wins. A span made only of the question's words is no
answer, and a span far from all of them is a guess: both give None, and the sentence stays the
answer.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache

from qa_bot.answer.asked import Want, wanted
from qa_bot.answer.evidence import is_quantity, states_duration, states_quantity
from qa_bot.answer.tuning import PHRASE_MAX_DISTANCE
from qa_bot.models import Hit
from qa_bot.text import spans
from qa_bot.text.analysis import Token, prefix, stopwords, tokens
from qa_bot.text.question import QUESTION_WORDS, ParsedQuestion, QType
from qa_bot.text.sentences import AnalyzedSentence

Span = tuple[int, int]


_AUXILIARIES = frozenset(
    "es son esta estan ha han habia habian fue fueron se va van quiere quieren podria podrian "
    "puede pueden tiene tienen hay sera seran".split()
)
_PLACE_PREPOSITIONS = frozenset("en desde hacia a de por".split())


def _question_words(question: ParsedQuestion) -> tuple[set[str], set[str]]:
    """The question's stems (with synonyms) and 5-letter prefixes of its content words."""
    stems = set(question.stems) | set(question.synonym_of)
    prefixes = set(question.prefixes)
    return stems, prefixes


def _is_question_word(term: str, token: Token, stems: set[str], prefixes: set[str]) -> bool:
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
        Want.DATE: lambda: spans.dates(text) or spans.hours(text),
        Want.HOUR: lambda: spans.hours(text),
        Want.DURATION: lambda: spans.durations(text) or spans.dates(text),
        Want.AGE: lambda: [s for s in spans.durations(text) if "año" in text[s[0] : s[1]]],
        Want.NAME: lambda: spans.names(text),
        Want.TITLE: lambda: spans.quoted(text) or spans.names(text),
        Want.PLACE: lambda: _places(text),
        Want.REASON: lambda: spans.causes(text),
        Want.OBJECT: lambda: [],
    }
    found = finders[want]()
    if want is Want.NAME or (want is Want.TITLE and not spans.quoted(text)):
        found = [s for s in (_trim_name(text, s) for s in found) if s is not None]
    return tuple(found)


def _trim_name(text: str, span: Span) -> Span | None:
    """A name without the capitalized function words that open it ("La Universidad…" ->
    "Universidad…"); None when nothing is left."""
    start, end = span
    lead = spans.leading_words()
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
    for name in spans.names(text):
        trimmed = _trim_name(text, name)
        if trimmed is None:
            continue
        start, end = trimmed
        before = [w for w in words if w.end <= start][-2:]
        if before and before[-1].folded in ("el", "la", "los", "las") and len(before) == 2:
            before = before[:1] if before[0].folded in _PLACE_PREPOSITIONS else []
            if before:
                out.append((before[0].start, end))
            continue
        if before and before[-1].folded in _PLACE_PREPOSITIONS:
            out.append((before[-1].start, end))
    return out


def _distance(span: Span, starts: list[int], ends: list[int]) -> int:
    """Characters between ``span`` and the nearest question word of the sentence, whose
    ``starts`` and ``ends`` are in order (a binary search: a sentence may hold thousands)."""
    after = bisect_left(starts, span[1])  # the words before it start before the span ends
    best = starts[after] - span[1] if after < len(starts) else 10**9
    if after:
        end = ends[after - 1]  # the latest end of those words
        best = min(best, 0 if end > span[0] else span[0] - end)
    return best


def _inside(sentence: AnalyzedSentence, span: Span) -> list[tuple[str, Token]]:
    """The (term, token) pairs of ``sentence`` that start inside ``span``."""
    starts = _starts(sentence)
    return list(sentence.spans[bisect_left(starts, span[0]) : bisect_left(starts, span[1])])


def _starts(sentence: AnalyzedSentence) -> list[int]:
    return [t.start for _, t in sentence.spans]


def kind_spans(
    question: ParsedQuestion, sentence: AnalyzedSentence, want: Want
) -> Iterator[tuple[Span, list[tuple[str, Token]]]]:
    """The spans of ``sentence.text`` of the kind ``want`` that could answer ``question``, each
    with its (term, token) pairs: not made only of the question's words, not a name or a number
    the question itself gives, not a unit when it counts something else."""
    text = sentence.text
    stems, prefixes = _question_words(question)
    counted = _counted(question)
    given = question_numbers(question)
    starts = _starts(sentence)
    for span in _candidates(want, text):
        if span[0] >= span[1]:
            continue
        inside = list(sentence.spans[bisect_left(starts, span[0]) : bisect_left(starts, span[1])])
        new = [t for term, t in inside if not _is_question_word(term, t, stems, prefixes)]
        if want in (Want.NAME, Want.PLACE) and len(new) < len(inside):
            continue  # a name the question gives: "¿Quién es el abogado de Montaner?"
        if want is Want.NAME and not _may_be_name(text, span):
            continue
        if (
            want is Want.NUMBER
            and counted
            and not any(term == counted for term, _ in inside)
            and spans.is_unit(text[span[0] : span[1]])
        ):
            continue  # "tres meses" does not count «¿Cuántas viviendas…?»
        if not new and not any(c.isdigit() for c in text[span[0] : span[1]]):
            continue  # only the question's own words
        if any(t.folded in given for _, t in inside if t.folded[:1].isdigit()):
            continue  # a number the question itself gives ("en 2023")
        yield span, inside


def gives(question: ParsedQuestion, want: Want, sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` gives a datum of the kind ``want`` that ``question`` asks for: an age
    ("39 años") for «¿Qué edad…?», a quantity for «¿Cuántos…?», a date for «¿Cuándo…?»… Always
    true for a reason or an object, which a sentence may give in any words."""
    if want is Want.AGE:
        return states_duration(sentence, question)
    if want is Want.NUMBER and not states_quantity(sentence, question):
        return False
    if want in (Want.OBJECT, Want.REASON):
        return True
    return next(kind_spans(question, sentence, want), None) is not None


def answer_span(question: ParsedQuestion, sentence: AnalyzedSentence) -> Span | None:
    """The span of ``sentence.text`` that answers ``question``, or None when none is found with
    confidence (no span of the kind asked, only the question's own words, or far from them)."""
    want = wanted(question)
    if want is None:
        return None
    text = sentence.text
    stems, prefixes = _question_words(question)
    anchors = [t for term, t in sentence.spans if _is_question_word(term, t, stems, prefixes)]
    anchor_starts = [t.start for t in anchors]
    anchor_ends = [t.end for t in anchors]
    if not anchors:
        return None
    if want is Want.OBJECT:
        return _object(question, sentence, stems, prefixes)
    counted = _counted(question)
    person = question.qtype is QType.PERSON or want is Want.NAME
    best: tuple[int, int, Span] | None = None
    found = list(kind_spans(question, sentence, want))
    asides = _asides(text) if len(found) > 1 else []
    ends = {end for (_, end), _ in found}
    for span, inside in found:
        if asides and _explains(text, span, asides, ends):
            continue
        distance = _distance(span, anchor_starts, anchor_ends)
        # The question's noun beside the count ("¿Cuántos barrios…?" -> "catorce barrios").
        bonus = 1 if counted and any(term == counted for term, _ in inside) else 0
        if person and want is Want.NAME and _person_like(text[span[0] : span[1]]):
            bonus = 1  # "Rui Almada" rather than "Faro de Plata" for «¿Quién…?»
        key = (distance - bonus * PHRASE_MAX_DISTANCE, -(span[1] - span[0]), span)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is None or best[0] > PHRASE_MAX_DISTANCE:
        return None
    return best[2]


_ASIDE_RE = re.compile(r"—([^—–()]*)—|–([^—–()]*)–|\(([^()]*)\)")


def _asides(text: str) -> list[tuple[int, int, int]]:
    """The asides of ``text`` («—…—», «–…–», «(…)»): where each opens, and its content."""
    out = []
    for m in _ASIDE_RE.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        out.append((m.start(), m.start(group), m.end(group)))
    return out


def _explains(text: str, span: Span, asides: list[tuple[int, int, int]], ends: set[int]) -> bool:
    """Whether ``span`` lies in an aside that explains another span right before it: «241 —más
    de tres de cada cuatro— por impago», «241 (el 77 %)»: the figure is the answer, not the aside.
    ``ends`` are where the sentence's spans of the kind asked end."""
    for opens, start, end in asides:
        if start <= span[0] and span[1] <= end:
            before = text[:opens].rstrip()
            return len(before) in ends and opens - len(before) <= 1
    return False


def counts_another(question: ParsedQuestion, sentence: AnalyzedSentence, span: Span) -> bool:
    """Whether the count ``span`` of ``sentence`` names a thing other than the one «¿Cuántos
    X…?» asks about: «24.000 vecinos» for «¿Cuántos trenes…?». Readers often name the thing in
    other words («usuarios» for «pasajeros»), so such an answer is shown, but with less trust."""
    counted = _counted(question)
    if counted is None or wanted(question) is not Want.NUMBER:
        return False
    stems, prefixes = _question_words(question)
    inside = _inside(sentence, span)
    if any(_is_question_word(term, t, stems, prefixes) for term, t in inside):
        return False
    return any(t.folded.isalpha() and not is_quantity(t.folded) for _, t in inside)


def _counted(question: ParsedQuestion) -> str | None:
    """The stem of what «¿Cuántos X…?» or «¿Qué X…?» counts, when it is a question term."""
    words = list(question.tokens)
    for i, word in enumerate(words[:-1]):
        # «¿Cuánto mide…?» asks with a verb: only «cuántos X» and «qué X» name what is counted.
        if word.folded in ("cuantos", "cuantas", "que", "cual"):
            nxt = words[i + 1]
            return next((t.stem for t in question.terms if t.folded == nxt.folded), None)
        if word.folded in QUESTION_WORDS:
            # The question word asks; a later «que» is a relative pronoun: «¿De cuánto fue la
            # subvención que recibió…?» counts nothing.
            return None
    return None


def _may_be_name(text: str, span: Span) -> bool:
    """A single capitalized word is no name when it opens the sentence ("Además") or follows
    «de» or «en» (a place or a department: "consejero de Movilidad")."""
    if " " in text[span[0] : span[1]].strip():
        return True
    before = text[: span[0]].split()
    return bool(before) and before[-1].lower().strip('«“"') not in ("de", "del", "en")


def _person_like(name: str) -> bool:
    """Two to four capitalized words with no «de» between them: a person's name."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _object(
    question: ParsedQuestion, sentence: AnalyzedSentence, stems: set[str], prefixes: set[str]
) -> Span | None:
    """What follows the question's verb in the sentence: «¿Qué consiguieron copiar…?» ->
    "una base de datos de clientes". Only when the sentence has the word right after «qué»."""
    words = list(question.tokens)
    asked = next(
        (words[i + 1] for i, w in enumerate(words[:-1]) if w.folded in ("que", "cual")), None
    )
    first = next((t for t in question.terms if asked and t.folded == asked.folded), None)
    if first is None or asked is None:
        return None
    after = words[words.index(asked) + 1 : words.index(asked) + 2]
    if after and after[0].folded in _AUXILIARIES:
        return None  # «¿Qué consultora está…?»: a noun is asked, not what follows a verb
    run = [
        k
        for k, (term, t) in enumerate(sentence.spans)
        if term == first.stem or prefix(t.folded) == prefix(first.folded)
    ]
    if not run:
        return None
    k = run[0]
    while k + 1 < len(sentence.spans) and _is_question_word(
        *sentence.spans[k + 1], stems, prefixes
    ):
        gap = sentence.text[sentence.spans[k][1].end : sentence.spans[k + 1][1].start]
        if len(gap.split()) > 1:
            break
        k += 1
    span = spans.clause_after(sentence.text, sentence.spans[k][1].end)
    if span is None or sentence.text[span[0] : span[1]].lower().startswith("de "):
        return None
    inside = _inside(sentence, span)
    if not any(not _is_question_word(term, t, stems, prefixes) for term, t in inside):
        return None
    return span


def question_numbers(question: ParsedQuestion) -> set[str]:
    """The numbers written in the question ("¿Cuántos usuarios tuvo en 2023?" -> {"2023"})."""
    return {w for w in question.words if w[:1].isdigit()}


def with_phrase(hit: Hit, question: ParsedQuestion, sentence: AnalyzedSentence) -> Hit:
    """``hit`` with its answer phrase (offsets inside the passage text), when one is found."""
    span = answer_span(question, sentence)
    if span is None:
        return hit
    start, end = sentence.start + span[0], sentence.start + span[1]
    return hit.model_copy(
        update={"answer": hit.text[start:end], "answer_start": start, "answer_end": end}
    )
