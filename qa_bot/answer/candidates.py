"""The candidate passages of a question: BM25 on its stems (rarer words weigh more), each passage
counted once however many copies of it the corpus holds, and the score each candidate carries."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa_bot.answer.evidence import SentenceEvidence, sentence_evidence
from qa_bot.answer.tuning import (
    BOOST_BASE,
    BOOST_RARITY,
    CANDIDATES,
    MAX_CANDIDATES,
    SENTENCE_WEIGHT,
)
from qa_bot.index.bm25 import lucene_idf
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.background import rarity
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate passage with its BM25 score, best sentence and final score."""

    index: int
    bm25: float
    best: SentenceEvidence
    sentence: AnalyzedSentence
    score: float


def scored_passage(
    index: SearchIndex,
    question: ParsedQuestion,
    weights: dict[str, float],
    i: int,
    bm25: float,
    lexical: float,
) -> Scored:
    """Passage ``i`` as a candidate: its best sentence for ``question`` and its score, the
    passage's ``lexical`` score (BM25 on stems and prefixes, 0 to 1) plus SENTENCE_WEIGHT times
    its best sentence's evidence."""
    sentences = index.sentences(i)
    evidence = zip(sentence_evidence(sentences, question, weights), sentences, strict=True)
    best, sentence = max(evidence, key=lambda pair: pair[0].score)
    return Scored(i, bm25, best, sentence, lexical + SENTENCE_WEIGHT * best.score)


def term_weights(index: SearchIndex, question: ParsedQuestion) -> dict[str, float]:
    """Weight of each question term for sentence coverage: its corpus IDF (times its weight in
    the question: less for a word a follow-up inherits)."""
    n = len(index)
    return {t: lucene_idf(n, index.doc_freq(t)) * question.weight(t) for t in question.stems}


def term_boosts(question: ParsedQuestion) -> dict[str, float]:
    """Query-time boost of each question term: rarer words in general Spanish weigh more."""
    return {t: (BOOST_BASE + BOOST_RARITY * rarity(t)) * question.weight(t) for t in question.stems}


def normalized(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else values


def same_text(text: str) -> str:
    """``text`` with its runs of white space as one space: two passages with the same words in
    the same order are copies of one (an agency story in two files, an article pasted twice)."""
    return " ".join(text.split())


def unique_candidates(
    index: SearchIndex, stems: list[str], boosts: dict[str, float]
) -> list[tuple[int, float]]:
    """The CANDIDATES best passages for ``stems``, a passage whose text repeats a better one's
    counted once (an agency story in two files, an article pasted twice): thirty copies of one
    paragraph must not push the answer out of the candidates. More are fetched while copies
    were dropped, up to MAX_CANDIDATES."""
    k = CANDIDATES
    while True:
        ranked = index.search(stems, k, boosts=boosts)
        seen: set[str] = set()
        unique = []
        for i, score in ranked:
            text = same_text(index.passages[i].text)
            if text not in seen:
                seen.add(text)
                unique.append((i, score))
        if len(unique) >= CANDIDATES or len(ranked) < k or k >= MAX_CANDIDATES:
            return unique[:CANDIDATES]
        k *= 4
