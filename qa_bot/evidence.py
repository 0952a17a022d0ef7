"""Sentence-level evidence: which sentence of a passage supports the question, and how well.

A passage can rank high on BM25 because it repeats one common question word; the answer usually sits
in one sentence that matches *most* of the question. For each sentence (with its neighbours for a
little context) we measure the IDF-weighted share of the question's terms it contains, whether the
question's word pairs appear close together (proximity), and whether it holds the kind of answer
the question asks for (a year for "¿cuándo?", a number for "¿cuántos?", a name for "¿quién?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from qa_bot.analysis import Token, term_spans
from qa_bot.models import Passage
from qa_bot.question import ParsedQuestion, QType
from qa_bot.sentences import sentence_spans

PAIR_WINDOW = 3
PAIR_BONUS = 0.3
TYPE_BONUS = 0.3

_YEAR_RE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_NUMBER_RE = re.compile(r"\d")
_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre"
).split()
_DATE_WORDS = frozenset([*_MONTHS, "siglo", "siglos", "decada", "lunes", "martes", "miercoles"])
_DURATION_WORDS = frozenset(
    "segundos minutos horas dias semanas meses anos decadas siglos ano mes dia semana hora siglo "
    "decada medio media".split()
)
_NUMBER_WORDS = frozenset(
    "uno una dos tres cuatro cinco seis siete ocho nueve diez once doce veinte treinta cuarenta "
    "cincuenta cien ciento cientos mil miles millon millones docena docenas mitad tercio cuarto "
    "porcentaje".split()
)
_CAUSE_WORDS = frozenset("porque debido causa causado causo ya que razon motivo gracias".split())


@dataclass(frozen=True, slots=True)
class SentenceEvidence:
    """How well one sentence of a passage supports the question."""

    start: int
    end: int
    matched: frozenset[str]
    coverage: float
    pairs: float
    typed: bool

    @property
    def score(self) -> float:
        return self.coverage + PAIR_BONUS * self.pairs + (TYPE_BONUS if self.typed else 0.0)


def _has_answer_type(tokens: list[Token], qtype: QType, question_words: set[str]) -> bool:
    """Whether the sentence holds a candidate answer of the type the question asks for."""
    new = [t for t in tokens if t.folded not in question_words]
    if qtype is QType.DATE:
        return any(_YEAR_RE.fullmatch(t.folded) or t.folded in _DATE_WORDS for t in new)
    if qtype is QType.DURATION:
        has_unit = any(t.folded in _DURATION_WORDS for t in new)
        has_qty = any(_NUMBER_RE.search(t.folded) or t.folded in _NUMBER_WORDS for t in new)
        return has_unit and has_qty
    if qtype is QType.NUMBER:
        return any(_NUMBER_RE.search(t.folded) or t.folded in _NUMBER_WORDS for t in new)
    if qtype in (QType.PERSON, QType.PLACE):
        return any(t.text[:1].isupper() for t in new[1:])
    if qtype is QType.REASON:
        return any(t.folded in _CAUSE_WORDS for t in new)
    return False


def _pairs(positions: list[tuple[int, str]], question: ParsedQuestion) -> float:
    """Share of adjacent question-term pairs that occur within PAIR_WINDOW words of each other."""
    order = question.stems
    if len(order) < 2:
        return 0.0
    where: dict[str, list[int]] = {}
    for pos, term in positions:
        where.setdefault(term, []).append(pos)
    hits = 0
    for a, b in pairwise(order):
        pa, pb = where.get(a), where.get(b)
        if pa and pb and any(abs(x - y) <= PAIR_WINDOW for x in pa for y in pb):
            hits += 1
    return hits / (len(order) - 1)


@dataclass(frozen=True, slots=True)
class AnalyzedSentence:
    """A sentence of a passage (offsets inside the passage text) and its analyzed tokens."""

    start: int
    end: int
    spans: tuple[tuple[str, Token], ...]


def analyze_sentences(passage: Passage) -> tuple[AnalyzedSentence, ...]:
    """The sentences of ``passage`` with their (term, token) pairs."""
    return tuple(
        AnalyzedSentence(start, end, tuple(term_spans(passage.text[start:end])))
        for start, end in sentence_spans(passage.text)
    )


def sentence_evidence(
    sentences: tuple[AnalyzedSentence, ...], question: ParsedQuestion, weights: dict[str, float]
) -> list[SentenceEvidence]:
    """Evidence for every sentence, in order."""
    wanted = set(question.stems)
    total = sum(weights.get(t, 0.0) for t in wanted) or 1.0
    question_words = {t.folded for t in question.terms}
    out: list[SentenceEvidence] = []
    for sentence in sentences:
        start, end, spans = sentence.start, sentence.end, sentence.spans
        positions = [(i, term) for i, (term, _) in enumerate(spans) if term in wanted]
        matched = frozenset(term for _, term in positions)
        coverage = sum(weights.get(t, 0.0) for t in matched) / total
        typed = _has_answer_type([tok for _, tok in spans], question.qtype, question_words)
        out.append(
            SentenceEvidence(start, end, matched, coverage, _pairs(positions, question), typed)
        )
    return out
