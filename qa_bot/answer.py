"""Question -> best-supported passage, its supporting sentence, a confidence, or a refusal."""

from __future__ import annotations

from dataclasses import dataclass

from qa_bot.analysis import term_spans
from qa_bot.index import PassageIndex
from qa_bot.models import Answer, Hit, Passage
from qa_bot.question import ParsedQuestion, parse_question
from qa_bot.sentences import sentence_spans

CANDIDATES = 30


@dataclass(frozen=True, slots=True)
class SentenceEvidence:
    """How well one sentence of a passage matches the question."""

    start: int
    end: int
    matched: frozenset[str]
    score: float


def sentence_evidence(
    passage: Passage, question: ParsedQuestion, weights: dict[str, float]
) -> list[SentenceEvidence]:
    wanted = set(question.stems)
    out = []
    for s, e in sentence_spans(passage.text):
        matched = frozenset(t for t, _ in term_spans(passage.text[s:e]) if t in wanted)
        out.append(SentenceEvidence(s, e, matched, sum(weights.get(t, 0.0) for t in matched)))
    return out


def matched_words(passage: Passage, stems: set[str]) -> list[str]:
    seen: list[str] = []
    for t, token in term_spans(passage.text):
        if t in stems and token.text not in seen:
            seen.append(token.text)
    return seen


def answer(index: PassageIndex, question: str, top_k: int = 1) -> Answer:
    parsed = parse_question(question)
    ranked = index.search(parsed.stems, CANDIDATES)
    weights = {t: index.idf(t) for t in parsed.stems}
    hits: list[Hit] = []
    for i, score in ranked[: max(top_k, 1)]:
        p = index.passages[i]
        ev = sentence_evidence(p, parsed, weights)
        best = max(ev, key=lambda e: e.score)
        hits.append(
            Hit(
                id=p.id,
                article=p.article,
                paragraph=p.paragraph,
                start=p.start,
                end=p.end,
                text=p.text,
                score=round(score, 4),
                sentence=p.text[best.start : best.end],
                sentence_start=best.start,
                sentence_end=best.end,
                matched_terms=matched_words(p, set(parsed.stems)),
            )
        )
    supported = bool(hits)
    return Answer(
        question=question, supported=supported, confidence=1.0 if supported else 0.0, passages=hits
    )
