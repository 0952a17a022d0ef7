"""What the semantic reader (``index/meaning.py``, the ``semantic`` extra) adds to the words:
it re-ranks the best candidates (and, when the words explain little, the rest of the best
candidate's article) by how close each is to the question in meaning, and it vouches
for an answer whose words barely support it when its passage is close to the question
(``refusal.weak_support``). Without the extra both leave everything as the words decided."""

from __future__ import annotations

from dataclasses import replace

from qa_bot.answer.candidates import Scored, same_text, scored_passage, term_weights
from qa_bot.answer.tuning import (
    MEANING_ARTICLE,
    MEANING_CANDIDATES,
    MEANING_GAIN,
    MEANING_SCALE,
    MEANING_WEIGHT,
    READ_ARTICLE_BELOW,
    SUPPORT_THRESHOLD,
)
from qa_bot.index.meaning import meaning
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.question import ParsedQuestion


def by_meaning(index: SearchIndex, question: ParsedQuestion, scored: list[Scored]) -> list[Scored]:
    """``scored`` (best first) with the MEANING_CANDIDATES best re-ranked by how close each
    passage is to the question in meaning (``index/meaning.py``, the ``semantic`` extra): each
    loses ``_weight`` (more when the words explain little of the question) per MEANING_SCALE of
    cosine below the closest one. When no sentence of those holds READ_ARTICLE_BELOW of the
    question's words, the reader also reads the rest of the best candidate's article (at most
    MEANING_ARTICLE passages): a paraphrase may share no word with the paragraph that answers it
    («¿Qué tanto desempleo hay en la zona?» for «una tasa de paro del 14,2%»). The passages it did
    not read stay below those it did. Unchanged without the extra, and for a follow-up, whose own
    words say too little for the encoder."""
    reader = meaning()
    if reader is None or not scored or any(t.weight < 1 for t in question.terms):
        return scored
    head = scored[:MEANING_CANDIDATES]
    if _coverage(head) < READ_ARTICLE_BELOW:
        head = head + _rest_of_article(index, question, scored)
    if len(head) < 2:
        return scored
    similarity = reader.similarities(question.text, [index.passages[s.index].text for s in head])
    closest = float(similarity.max())
    weight = _weight(head)
    lifted = [
        replace(s, score=s.score - weight * (closest - float(c)) / MEANING_SCALE)
        for s, c in zip(head, similarity, strict=True)
    ]
    lifted.sort(key=lambda s: -s.score)
    read = {s.index for s in head}
    floor = lifted[-1].score
    return lifted + [replace(s, score=min(s.score, floor)) for s in scored if s.index not in read]


def _coverage(head: list[Scored]) -> float:
    """The largest share of the question's words that a sentence of ``head`` holds (0 to 1)."""
    return min(1.0, max(s.best.coverage for s in head))


def _weight(head: list[Scored]) -> float:
    """How much the reader weighs: MEANING_WEIGHT when a candidate's sentence holds all of the
    question's words, up to 1 + MEANING_GAIN times that when none holds any (the words explain
    little of the question, so they say less about which passage answers it)."""
    return MEANING_WEIGHT * (1.0 + MEANING_GAIN * (1.0 - _coverage(head)))


def _rest_of_article(
    index: SearchIndex, question: ParsedQuestion, scored: list[Scored]
) -> list[Scored]:
    """The passages of the best candidate's article that are not among the MEANING_CANDIDATES
    best, as candidates (those the words did not find score by their sentences alone), each text
    once (``candidates.same_text``); none when the article is longer than MEANING_ARTICLE passages
    (encoding costs ~50 ms a passage, in every process that has not read it yet)."""
    lo, hi = index.article_range(scored[0].index)
    if hi - lo > MEANING_ARTICLE:
        return []
    prefetch = getattr(index.passages, "prefetch", None)
    if prefetch is not None:
        prefetch(range(lo, hi))  # a sharded index fetches them in one call per shard
    seen = {same_text(index.passages[s.index].text) for s in scored[:MEANING_CANDIDATES]}
    found = {s.index: s for s in scored[MEANING_CANDIDATES:] if lo <= s.index < hi}
    weights = term_weights(index, question)
    rest = []
    for i in range(lo, hi):
        text = same_text(index.passages[i].text)
        if text in seen:
            continue  # a copy of a passage already read
        seen.add(text)
        rest.append(
            found[i] if i in found else scored_passage(index, question, weights, i, 0.0, 0.0)
        )
    return rest


def closeness(
    index: SearchIndex, question: ParsedQuestion, top: int, support_value: float, follow_up: bool
) -> float | None:
    """How close passage ``top`` is to ``question`` in meaning, when the reader is in use and the
    answer's support is weak enough for it to matter (a follow-up's own words say too little)."""
    if follow_up or support_value >= SUPPORT_THRESHOLD:
        return None
    reader = meaning()
    if reader is None:
        return None
    return float(reader.similarities(question.text, [index.passages[top].text])[0])
