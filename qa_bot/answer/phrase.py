"""The answer phrase: the shortest span of the shown sentence that answers the question.

The question says what kind of span it wants («¿cuándo?» a date, «¿cuántos?» a number and what it
counts, «¿quién?» a name…); ``kinds.py`` finds every span of that kind in the sentence that could
answer, and the one nearest to the question's own words wins; in a sentence that joins two
statements («…, mientras que…»), the one in the clause that holds the question's rare words counts
as nearer. A span made only of the question's words is no answer, and a span far from all of them
is a guess: both give None, and the sentence stays the answer.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from qa_bot.answer.asked import Want, wanted
from qa_bot.answer.kinds import (
    Span,
    counted_noun,
    is_question_word,
    kind_spans,
    question_words,
    token_starts,
    tokens_inside,
)
from qa_bot.answer.money_asked import PRICE_STEMS
from qa_bot.answer.nearness import before_another_verb, distance_to
from qa_bot.answer.people import person_like
from qa_bot.answer.referring import opens_with_each, opens_with_past_verb
from qa_bot.answer.tuning import PHRASE_CLAUSE_CREDIT, PHRASE_MAX_DISTANCE
from qa_bot.models import Hit
from qa_bot.text import clauses, name_spans
from qa_bot.text.analysis import Token, prefix, stem
from qa_bot.text.background import rarity
from qa_bot.text.question import ParsedQuestion, QType
from qa_bot.text.sentences import AnalyzedSentence

_AUXILIARIES = frozenset(
    "es son esta estan ha han habia habian fue fueron se va van quiere quieren podria podrian "
    "puede pueden tiene tienen hay sera seran".split()
)


def answer_span(question: ParsedQuestion, sentence: AnalyzedSentence) -> Span | None:
    """The span of ``sentence.text`` that answers ``question``, or None when none is found with
    confidence (no span of the kind asked, only the question's own words, or far from them)."""
    want = wanted(question)
    if want is None:
        return None
    text = sentence.text
    stems, prefixes = question_words(question)
    anchors = [t for term, t in sentence.spans if is_question_word(term, t, stems, prefixes)]
    if not anchors and question.age:
        # A sentence that goes on about the one asked («La dirigenta, de 63 años, …»): «¿Cuántos
        # años tiene…?» drops «años» from its words («¿Qué edad…?» finds it as a synonym).
        anchors = [t for _, t in sentence.spans if t.folded in ("años", "anos")]
    if want is Want.AGE:
        # «¿Cuántos años tiene la presidenta?» and «La preside Almudena Barroso, profesora de
        # Lengua en el instituto de la localidad, de 46 años»: an age stands beside the name of
        # the one it is of (``whose_age`` refuses another's).
        anchors += [
            t
            for a, b in name_spans.names(text)
            if person_like(text[a:b])
            for t in sentence.words
            if a <= t.start < b and t not in anchors
        ]
        anchors.sort(key=lambda t: t.start)
    if want is Want.MONEY:
        # «¿Cuánto cobraban por ver la peli?» and «La entrada costó 5 euros»: the sentence's own
        # word of price or pay stands beside the sum as the question's would.
        anchors += [t for term, t in sentence.spans if term in PRICE_STEMS and t not in anchors]
        anchors.sort(key=lambda t: t.start)
    if not anchors and (opens_with_each(sentence) or opens_with_past_verb(sentence)):
        # «Cada una le cuesta ahora 6.500 colones»: «Cada una» stands for what the sentence
        # before it named (the question's words), as «Transfirió 9.200 euros» has the subject
        # of the one before it; not any sentence that refers back («Ella…»).
        anchors = list(sentence.words[:1])
    anchor_starts = [t.start for t in anchors]
    anchor_ends = [t.end for t in anchors]
    if not anchors:
        return None
    if want is Want.OBJECT:
        return _object(question, sentence, stems, prefixes)
    counted = counted_noun(question)
    whole = not _WHOLE_WORDS.isdisjoint(question.words)
    person = question.qtype is QType.PERSON or want is Want.NAME
    # (rank, -length, nearness, span): the rank orders the spans; the nearness (the distance less
    # the bonus, without the clause's credit) says whether the best is near enough to show.
    best: tuple[int, int, int, Span] | None = None
    found = list(kind_spans(question, sentence, want))
    asides = _asides(text) if len(found) > 1 else []
    ends = {end for (_, end), _ in found}
    starts, credits = _clause_credits(sentence, stems, prefixes) if len(found) > 1 else ([], [])
    counting = {
        span for span, inside in found if counted and _counts(text, span, inside, counted, whole)
    }
    first_count = min((end for _, end in counting), default=None)
    for span, _ in found:
        if asides and _explains(text, span, asides, ends):
            continue
        distance = distance_to(span, anchor_starts, anchor_ends)
        # The question's noun beside the count ("¿Cuántos barrios…?" -> "catorce barrios"), or
        # left out after an earlier count of it («31.240 votos, contra los 23.650 de Ledesma»).
        bonus = 1 if span in counting or _elided(text, span, first_count) else 0
        if person and want is Want.NAME and person_like(text[span[0] : span[1]]):
            bonus = 1  # "Rui Almada" rather than "Faro de Plata" for «¿Quién…?»
        near = distance - bonus * PHRASE_MAX_DISTANCE
        credit = _clause_credit(span, starts, credits) if starts else 0
        if want is Want.DATE:
            credit -= before_another_verb(text, span, anchor_starts, anchor_ends)
        key = (near - credit, -(span[1] - span[0]), near, span)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is None or best[2] > PHRASE_MAX_DISTANCE:
        return None
    if want in (Want.NUMBER, Want.MONEY):
        return _with_named_words(best[3], sentence, stems, prefixes)
    return best[3]


# «17 de sus 27 concejales»: the part after it names what it counts; the whole before it.
_PART_OF_RE = re.compile(r"\s+de\s+(?:sus|los|las)\s+[\d.,]+\s+(\w+)")
_WHOLE_RE = re.compile(r"[\d.,]+\s+de\s+(?:sus|los|las)\s+$")


_ELIDED_RE = re.compile(r"\b(?:los|las)\s+$", re.IGNORECASE)


def _elided(text: str, span: Span, first_count: int | None) -> bool:
    """Whether ``span`` is a bare figure whose noun is left out after an article because an
    earlier count in the sentence (the first ends at ``first_count``) names it: «obtuvo 31.240
    votos, contra los 23.650 del postulante oficialista»."""
    figure = text[span[0] : span[1]]
    return (
        first_count is not None
        and first_count <= span[0]
        and figure.replace(".", "").replace(",", "").isdigit()
        and _ELIDED_RE.search(text, max(0, span[0] - 8), span[0]) is not None
    )


# Words that ask the whole of «17 de sus 27 concejales»: «¿Cuántos concejales tiene el pleno?».
_WHOLE_WORDS = frozenset(
    "tiene tienen tenia tenian hay habia total forman forma componen compone suman suma "
    "integran integra conforman conforma dispone disponen cuenta cuentan".split()
)


def _counts(
    text: str, span: Span, inside: list[tuple[str, Token]], counted: str, whole: bool
) -> bool:
    """Whether the figure at ``span`` counts the question's noun ``counted``: the noun beside
    it («catorce barrios»), or after the whole it is part of («17» of «17 de sus 27
    concejales», for «¿Cuántos concejales apoyaron…?»); not the whole itself («27»), unless
    the question asks for the ``whole`` («¿Cuántos concejales tiene el pleno?»)."""
    if whole:
        return any(term == counted for term, _ in inside)
    if _WHOLE_RE.search(text, max(0, span[0] - 40), span[0]):  # bounded: long sentences
        return False
    if any(term == counted for term, _ in inside):
        return True
    part = _PART_OF_RE.match(text, span[1])
    return part is not None and stem(part.group(1).lower()) == counted


# How many of the question's words a figure takes in: «14 médicos residentes».
_NAMED_WORDS = 2
# Endings of the conjugated verbs that may follow a count («llevan», «llegaron», «esperaban»).
_VERB_ENDINGS = ("an", "en", "ó", "aron", "ieron", "aba", "aban", "ía", "ían")


def _with_named_words(
    span: Span, sentence: AnalyzedSentence, stems: set[str], prefixes: set[str]
) -> Span:
    """``span`` with the question's words right after it («14 médicos» + «residentes» for
    «¿Cuántos médicos residentes…?»): the figure says what it counts as the question does. Only
    words one space apart, not function words nor verbs, at most ``_NAMED_WORDS``."""
    text, start, end = sentence.text, span[0], span[1]
    words = sentence.spans
    k = bisect_left(token_starts(sentence), end)
    for term, t in words[k : k + _NAMED_WORDS]:
        if (
            text[end : t.start] != " "
            or not is_question_word(term, t, stems, prefixes)
            or t.lower.endswith(_VERB_ENDINGS)
        ):
            break  # «2.310 pacientes llevan…»: the verb that follows is not what is counted
        end = t.end
    return start, end


# Where a sentence joins two statements, each with its own figures or names: «…, mientras que el
# premio a la mejor dirección recayó en Rui Almada», «…, contra los 23.650 de Héctor Ledesma».
_CLAUSE_RE = re.compile(
    r",\s+(?:mientras\s+que|en\s+tanto\s+que|aunque|pero|contra|frente\s+a|de\s+l[oa]s\s+cuales|"
    r"y\s+(?:el|la|los|las)\s)|;\s",
    re.IGNORECASE,
)


def _clause_credits(
    sentence: AnalyzedSentence, stems: set[str], prefixes: set[str]
) -> tuple[list[int], list[float]]:
    """Where each clause of ``sentence`` starts (split where it joins statements, ``_CLAUSE_RE``)
    and the rarity (background.rarity) of the distinct question words it holds; no clauses for a
    sentence that joins none."""
    starts = [0, *(m.start() for m in _CLAUSE_RE.finditer(sentence.text))]
    if len(starts) < 2:
        return [], []
    words: list[set[str]] = [set() for _ in starts]
    for term, t in sentence.spans:
        if is_question_word(term, t, stems, prefixes):
            words[bisect_right(starts, t.start) - 1].add(term)
    return starts, [sum(rarity(w) for w in ws) for ws in words]


def _clause_credit(span: Span, starts: list[int], credits: list[float]) -> int:
    """PHRASE_CLAUSE_CREDIT characters of nearness per unit of rarity of the question words in
    the clause that holds ``span``: of two figures, the one in the clause that says what is
    asked. The clause's words are counted once per sentence, the span's own among them (leaving
    them out, span by span, gave the same figures on every dev set)."""
    return round(PHRASE_CLAUSE_CREDIT * credits[bisect_right(starts, span[0]) - 1])


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
    while k + 1 < len(sentence.spans) and is_question_word(*sentence.spans[k + 1], stems, prefixes):
        gap = sentence.text[sentence.spans[k][1].end : sentence.spans[k + 1][1].start]
        if len(gap.split()) > 1:
            break
        k += 1
    span = clauses.clause_after(sentence.text, sentence.spans[k][1].end)
    if span is None or sentence.text[span[0] : span[1]].lower().startswith("de "):
        return None
    inside = tokens_inside(sentence, span)
    if not any(not is_question_word(term, t, stems, prefixes) for term, t in inside):
        return None
    return span


def with_phrase(hit: Hit, question: ParsedQuestion, sentence: AnalyzedSentence) -> Hit:
    """``hit`` with its answer phrase (offsets inside the passage text), when one is found."""
    span = answer_span(question, sentence)
    if span is None:
        return hit
    start, end = sentence.start + span[0], sentence.start + span[1]
    return hit.model_copy(
        update={"answer": hit.text[start:end], "answer_start": start, "answer_end": end}
    )
