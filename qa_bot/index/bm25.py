"""BM25 scoring: rank-bm25's BM25Okapi with the always-positive Lucene IDF.

BM25Okapi computes ``idf = ln((N - df + 0.5) / (df + 0.5))`` and floors negative values at
``epsilon * average_idf``. On a small article this is wrong: with N = 2 or 4 a term in half the
passages gets IDF 0, and with N = 7 a term in 4 or more passages is negative; when the average IDF is
itself negative the floor is negative too, so a passage *without* the term outranks one with it
(rank-bm25 issues #29, #39, #43, #50; PRs #26 and #40, unmerged). Lucene's form,
``idf = ln(1 + (N - df + 0.5) / (df + 0.5))``, is positive for every df <= N and keeps the ranking
monotone in term frequency. See ``tests/test_bm25.py``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rank_bm25 import BM25Okapi

K1 = 1.2
B = 0.75


def lucene_idf(n_docs: int, doc_freq: int) -> float:
    """Lucene's BM25 IDF: ln(1 + (N - df + 0.5) / (df + 0.5)), always > 0."""
    return math.log(1.0 + (n_docs - doc_freq + 0.5) / (doc_freq + 0.5))


class LuceneBM25(BM25Okapi):
    """BM25Okapi whose IDF is Lucene's; scores and API are otherwise rank-bm25's own.

    Never pass rank-bm25's ``tokenizer=`` (it opens a process pool it never closes): the corpus is
    given as lists of terms. An empty corpus is refused here (rank-bm25 divides by zero, #36).
    """

    def __init__(
        self, corpus: Sequence[Sequence[str]], k1: float | None = None, b: float | None = None
    ) -> None:
        k1 = K1 if k1 is None else k1
        b = B if b is None else b
        if not corpus:
            raise ValueError("LuceneBM25 needs at least one document")
        self.avgdl: float
        super().__init__(corpus, k1=k1, b=b, epsilon=0.0)
        if self.avgdl == 0:
            # All documents empty: every score is 0; avoid dividing by a zero average length.
            self.avgdl = 1.0

    @classmethod
    def from_stats(
        cls,
        doc_len: list[int],
        doc_freq: dict[str, int],
        k1: float | None = None,
        b: float | None = None,
    ) -> LuceneBM25:
        """The model of a corpus from its statistics alone: document lengths and term document
        frequencies (what rank-bm25's ``_initialize`` computes), without its per-document term
        dicts. IDF, ``avgdl``, ``k1`` and ``b`` are those of ``LuceneBM25(corpus)``; scoring goes
        through ``qa_bot.index.sparse.TermField`` (``get_scores`` needs the dicts it lacks).
        """
        if not doc_len:
            raise ValueError("LuceneBM25 needs at least one document")
        self = cls.__new__(cls)
        self.k1 = K1 if k1 is None else k1
        self.b = B if b is None else b
        self.epsilon = 0.0
        self.tokenizer = None
        self.doc_freqs = []
        self.idf = {}
        self.doc_len = doc_len
        self.corpus_size = len(doc_len)
        self.avgdl = sum(doc_len) / self.corpus_size
        if self.avgdl == 0:
            self.avgdl = 1.0
        self._calc_idf(doc_freq)
        return self

    def _calc_idf(self, nd: dict[str, int]) -> None:
        self.idf = {word: lucene_idf(self.corpus_size, df) for word, df in nd.items()}
        self.average_idf = sum(self.idf.values()) / len(self.idf) if self.idf else 0.0
