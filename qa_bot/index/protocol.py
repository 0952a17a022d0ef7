"""What the answer path asks of an index: one interface for one machine and for shards.

``PassageIndex`` (one process) and ``ShardedIndex`` (shards in this process or on a Ray cluster)
both implement ``SearchIndex``; ``qa_bot.answer`` only ever sees this interface. Passage numbers
are global: ``0 .. len(index) - 1`` in corpus order, one article's passages next to each other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np

from qa_bot.models import Passage
from qa_bot.text.sentences import AnalyzedSentence


class PrefixScores(Protocol):
    """BM25 of the word-prefix field, for given passages (re-ranking candidates)."""

    def scores(
        self, terms: Sequence[str], ids: Sequence[int], boosts: Mapping[str, float] | None = None
    ) -> np.ndarray: ...


class SearchIndex(Protocol):
    """BM25 search over passages and the look-ups the answer path makes (see module docstring)."""

    @property
    def passages(self) -> Sequence[Passage]: ...
    @property
    def prefixes(self) -> PrefixScores: ...
    def __len__(self) -> int: ...
    def doc_freq(self, term: str) -> int: ...
    def idf(self, term: str) -> float: ...
    def doc_freq_in(self, term: str, lo: int, hi: int) -> int: ...
    def prefix_freq_in(self, prefix: str, lo: int, hi: int) -> int: ...
    def resolve(self, term: str, folded: str = "") -> str: ...
    def search(
        self,
        stems: Sequence[str],
        k: int | None = None,
        boosts: Mapping[str, float] | None = None,
    ) -> list[tuple[int, float]]: ...
    def sentences(self, i: int) -> tuple[AnalyzedSentence, ...]: ...
    def article_range(self, i: int) -> tuple[int, int]: ...
    def passage(self, pid: str) -> Passage: ...
    def suggest(self, pid: str, limit: int = 3) -> tuple[str, ...]: ...
