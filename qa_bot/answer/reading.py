"""What the semantic reader (``index/meaning.py``, the ``semantic`` extra) adds to the words:
it re-ranks the best candidates by how close each is to the question in meaning, and it vouches
for an answer whose words barely support it when its passage is close to the question
(``refusal.weak_support``). Without the extra both leave everything as the words decided."""

from __future__ import annotations

from dataclasses import replace

from qa_bot.answer.candidates import Scored
from qa_bot.answer.tuning import (
    MEANING_CANDIDATES,
    MEANING_SCALE,
    MEANING_WEIGHT,
    MEANT_SUPPORT_THRESHOLD,
    SUPPORT_THRESHOLD,
)
from qa_bot.index.meaning import meaning
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.question import ParsedQuestion


def by_meaning(index: SearchIndex, question: ParsedQuestion, scored: list[Scored]) -> list[Scored]:
    """``scored`` (best first) with the MEANING_CANDIDATES best re-ranked by how close each
    passage is to the question in meaning (``index/meaning.py``, the ``semantic`` extra): each
    loses MEANING_WEIGHT per MEANING_SCALE of cosine below the closest one. Unchanged without the
    extra, and for a follow-up, whose own words say too little for the encoder."""
    reader = meaning()
    if reader is None or len(scored) < 2 or any(t.weight < 1 for t in question.terms):
        return scored
    head = scored[:MEANING_CANDIDATES]
    similarity = reader.similarities(question.text, [index.passages[s.index].text for s in head])
    closest = float(similarity.max())
    lifted = [
        replace(s, score=s.score - MEANING_WEIGHT * (closest - float(c)) / MEANING_SCALE)
        for s, c in zip(head, similarity, strict=True)
    ]
    lifted.sort(key=lambda s: -s.score)
    return lifted + scored[MEANING_CANDIDATES:]


def closeness(
    index: SearchIndex, question: ParsedQuestion, top: int, support_value: float, follow_up: bool
) -> float | None:
    """How close passage ``top`` is to ``question`` in meaning, when the reader is in use and the
    answer's support is weak enough for it to matter (a follow-up's own words say too little)."""
    if follow_up or not MEANT_SUPPORT_THRESHOLD <= support_value < SUPPORT_THRESHOLD:
        return None
    reader = meaning()
    if reader is None:
        return None
    return float(reader.similarities(question.text, [index.passages[top].text])[0])
