"""Fields of the index: a vocabulary, sparse term counts, and rank-bm25's BM25 over them.

The model is rank-bm25's (``LuceneBM25``: its IDF, ``avgdl``, ``k1`` and ``b``, built from the
corpus statistics by ``LuceneBM25.from_stats``); only the scoring loop changes. rank-bm25's
``get_scores`` visits every document for every query term (140 ms a query at 100k passages); here
a query term visits only the documents that contain it, and its contribution is computed with the
same float64 operations in the same order as rank-bm25::

    score(d) += idf(t) * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl(d) / avgdl)))

so scores are bitwise equal to ``get_scores`` / ``get_batch_scores`` (a document without any query
term scores exactly 0 in both). See ``tests/test_fastpath.py``.

Two layouts, both plain numpy arrays (no per-document dicts):

- ``TermField``, by term (CSC): ``indptr[t]:indptr[t + 1]`` delimits term ``t``'s documents in
  ``docs`` (increasing) and its frequencies in ``tf``. It searches the whole corpus.
- ``DocField``, by document (CSR): ``rowptr[d]:rowptr[d + 1]`` delimits document ``d``'s term ids
  (increasing) and frequencies. It scores given documents only, and costs no reordering to build.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import TypeVar

import numpy as np

from qa_bot.index.bm25 import LuceneBM25

ROWS_PER_STEP = 4096
STEP = 1 << 20


def count(values: np.ndarray, size: int, weights: np.ndarray | None = None) -> np.ndarray:
    """``np.bincount(values, weights, minlength=size)``, a slice at a time: bincount copies its
    input to int64 (and weights to float64), 8 bytes per posting of a 300k-passage corpus."""
    total = np.zeros(size, dtype=np.int64 if weights is None else np.float64)
    for lo in range(0, len(values), STEP):
        part = None if weights is None else weights[lo : lo + STEP]
        total += np.bincount(values[lo : lo + STEP], weights=part, minlength=size)
    return total


_F = TypeVar("_F", bound="_Field")


def length_norm(doc_len: np.ndarray, avgdl: float, k1: float, b: float) -> np.ndarray:
    """rank-bm25's length normalisation of each document, in its own operation order (see the
    module docstring)."""
    return k1 * ((1 - b) + (b * doc_len) / avgdl)


def _row_indices(rowptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the entries of ``rows`` in a CSR layout, and which of ``rows`` owns each."""
    starts, ends = rowptr[rows], rowptr[rows + 1]
    sizes = ends - starts
    owner = np.repeat(np.arange(len(rows)), sizes)
    first = np.cumsum(sizes) - sizes
    return starts[owner] + (np.arange(int(sizes.sum())) - first[owner]), owner


class _Field:
    """The BM25 model of one field: vocabulary, document frequencies and lengths."""

    def __init__(self, terms: list[str], df: np.ndarray, doc_len: np.ndarray) -> None:
        self.terms = terms
        self.vocab = {t: i for i, t in enumerate(terms)}
        self.df = df
        self.doc_len = doc_len
        self.model = LuceneBM25.from_stats(
            doc_len.tolist(), dict(zip(terms, df.tolist(), strict=True))
        )
        self.idf_values = np.fromiter(
            (self.model.idf[t] for t in terms), dtype=np.float64, count=len(terms)
        )
        self._norm = length_norm(doc_len, self.model.avgdl, self.model.k1, self.model.b)
        self._k1_plus_1 = self.model.k1 + 1
        self._idf_of: Mapping[str, float] | None = None
        self._norm_under: dict[float, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.doc_len)

    def doc_freq(self, term: str) -> int:
        """How many documents contain ``term``."""
        t = self.vocab.get(term)
        return 0 if t is None else int(self.df[t])

    def idf(self, term: str) -> float:
        """The model's IDF of ``term``; 0 when no document has it."""
        t = self.vocab.get(term)
        return 0.0 if t is None else float(self.idf_values[t])

    def under(self: _F, idf: Mapping[str, float], avgdl: float) -> _F:
        """This field scored with a larger corpus's statistics: the ``idf`` of each term to score
        (a query's) and the average document length ``avgdl``, both of the whole corpus. A shard
        scored this way gives each of its documents exactly the score the whole corpus's index
        gives it (Elasticsearch's ``dfs_query_then_fetch``). The arrays are shared, not copied."""
        view = copy.copy(self)
        view._idf_of = idf
        norm = self._norm_under.get(avgdl)
        if norm is None:  # one average per corpus: computed once, not at every query
            norm = self._norm_under[avgdl] = length_norm(
                self.doc_len, avgdl, self.model.k1, self.model.b
            )
        view._norm = norm
        return view

    def _weights(self, t: int, tf: np.ndarray, docs: np.ndarray) -> np.ndarray:
        """BM25 weight of term ``t`` occurring ``tf`` times in each of ``docs``."""
        tf = tf.astype(np.float64)
        idf = self.idf_values[t] if self._idf_of is None else self._idf_of[self.terms[t]]
        return idf * (tf * self._k1_plus_1 / (tf + self._norm[docs]))


class TermField(_Field):
    """A field laid out by term: BM25 search over the whole corpus through the postings."""

    def __init__(
        self,
        terms: list[str],
        indptr: np.ndarray,
        docs: np.ndarray,
        tf: np.ndarray,
        doc_len: np.ndarray,
    ) -> None:
        super().__init__(terms, np.diff(indptr), doc_len)
        self.indptr = indptr
        self.docs = docs
        self.tf = tf

    @classmethod
    def from_rows(
        cls,
        terms: list[str],
        rowptr: np.ndarray,
        term_ids: np.ndarray,
        tf: np.ndarray,
        doc_len: np.ndarray,
    ) -> TermField:
        """The field of a by-document (CSR) layout, laid out by term: a counting sort of
        ``ROWS_PER_STEP`` documents a step, so that each term's documents stay increasing and
        memory is the output plus one step."""
        indptr = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum(count(term_ids, len(terms)), out=indptr[1:])
        docs = np.empty(int(indptr[-1]), dtype=np.int32)
        by_term_tf = np.empty(int(indptr[-1]), dtype=tf.dtype)
        fill = indptr[:-1].copy()
        for first in range(0, len(doc_len), ROWS_PER_STEP):
            last = min(first + ROWS_PER_STEP, len(doc_len))
            lo, hi = rowptr[first], rowptr[last]
            ids = term_ids[lo:hi]
            order = np.argsort(ids, kind="stable")
            sorted_ids = ids[order]
            starts = np.flatnonzero(np.diff(sorted_ids, prepend=-1))
            sizes = np.diff(starts, append=len(sorted_ids))
            where = fill[sorted_ids] + (np.arange(len(sorted_ids)) - np.repeat(starts, sizes))
            row_of = np.repeat(
                np.arange(first, last, dtype=np.int32), np.diff(rowptr[first : last + 1])
            )
            docs[where] = row_of[order]
            by_term_tf[where] = tf[lo:hi][order]
            fill[sorted_ids[starts]] += sizes
        return cls(terms, indptr, docs, by_term_tf, doc_len)

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The documents that contain ``term`` (increasing) and its BM25 weight in each."""
        t = self.vocab.get(term)
        if t is None:
            return np.zeros(0, dtype=np.int32), np.zeros(0)
        docs = self.docs[self.indptr[t] : self.indptr[t + 1]]
        return docs, self._weights(t, self.tf[self.indptr[t] : self.indptr[t + 1]], docs)

    def doc_freq_in(self, term: str, lo: int, hi: int) -> int:
        """How many of documents ``lo .. hi - 1`` contain ``term`` (two binary searches)."""
        t = self.vocab.get(term)
        if t is None:
            return 0
        docs = self.docs[self.indptr[t] : self.indptr[t + 1]]
        return int(np.searchsorted(docs, hi) - np.searchsorted(docs, lo))

    def candidates(self, terms: Sequence[str]) -> list[int]:
        """Documents that contain at least one of ``terms``, in corpus order."""
        return self._candidates(terms).tolist()

    def _candidates(self, terms: Sequence[str]) -> np.ndarray:
        seen = np.zeros(len(self), dtype=bool)
        for term in set(terms):
            t = self.vocab.get(term)
            if t is not None:
                seen[self.docs[self.indptr[t] : self.indptr[t + 1]]] = True
        return np.flatnonzero(seen)

    def scores(
        self, terms: Sequence[str], ids: Sequence[int], boosts: Mapping[str, float] | None = None
    ) -> np.ndarray:
        """BM25 scores of documents ``ids``, equal to rank-bm25's ``get_batch_scores``.

        ``boosts`` multiplies each term's contribution (Lucene's ``term^boost``).
        """
        rows = np.asarray(ids, dtype=np.int64)
        total = np.zeros(len(rows))
        for term in terms:
            docs, weights = self.postings(term)
            if not len(docs) or not len(rows):
                continue
            at = np.minimum(np.searchsorted(docs, rows), len(docs) - 1)
            found = docs[at] == rows
            if boosts is not None:
                weights = boosts.get(term, 1.0) * weights
            total[found] += weights[at[found]]
        return total

    def all_scores(
        self, terms: Sequence[str], boosts: Mapping[str, float] | None = None
    ) -> np.ndarray:
        """Scores of every document, equal to rank-bm25's ``get_scores`` (boosted if given)."""
        total = np.zeros(len(self))
        for term in terms:
            docs, weights = self.postings(term)
            if boosts is not None:
                weights = boosts.get(term, 1.0) * weights
            total[docs] += weights
        return total

    def search(
        self, terms: Sequence[str], k: int | None = None, boosts: Mapping[str, float] | None = None
    ) -> list[tuple[int, float]]:
        """The best ``k`` documents (index, score) that contain a query term, best first.

        Ties keep corpus order, as a stable sort of ``get_scores`` would; only the top ``k`` are
        sorted (``np.partition`` finds the k-th score).
        """
        ids = self._candidates(terms)
        if not len(ids) or (k is not None and k <= 0):
            return []
        scores = self.all_scores(terms, boosts)[ids]
        pick = np.arange(len(ids))
        if k is not None and k < len(ids):
            kth = -np.partition(-scores, k - 1)[k - 1]
            above = np.flatnonzero(scores > kth)
            ties = np.flatnonzero(scores == kth)[: k - len(above)]
            pick = np.sort(np.concatenate([above, ties]))
        order = pick[np.argsort(-scores[pick], kind="stable")]
        return list(zip(ids[order].tolist(), scores[order].tolist(), strict=True))


class DocField(_Field):
    """A field laid out by document: BM25 scores of given documents (re-ranking candidates)."""

    def __init__(
        self,
        terms: list[str],
        rowptr: np.ndarray,
        term_ids: np.ndarray,
        tf: np.ndarray,
        doc_len: np.ndarray,
    ) -> None:
        super().__init__(terms, count(term_ids, len(terms)), doc_len)
        self.rowptr = rowptr
        self.term_ids = term_ids
        self.tf = tf

    def doc_freq_in(self, term: str, lo: int, hi: int) -> int:
        """How many of documents ``lo .. hi - 1`` contain ``term`` (a scan of their rows: a
        document lists each of its terms once)."""
        t = self.vocab.get(term)
        if t is None:
            return 0
        return int(np.count_nonzero(self.term_ids[self.rowptr[lo] : self.rowptr[hi]] == t))

    def scores(
        self, terms: Sequence[str], ids: Sequence[int], boosts: Mapping[str, float] | None = None
    ) -> np.ndarray:
        """BM25 scores of documents ``ids``, equal to rank-bm25's ``get_batch_scores``."""
        rows = np.asarray(ids, dtype=np.int64)
        total = np.zeros(len(rows))
        at, owner = _row_indices(self.rowptr, rows)
        row_terms = self.term_ids[at]
        for term in terms:
            t = self.vocab.get(term)
            if t is None:
                continue
            hit = row_terms == t
            docs = rows[owner[hit]]
            weights = self._weights(t, self.tf[at[hit]], docs)
            if boosts is not None:
                weights = boosts.get(term, 1.0) * weights
            total[owner[hit]] += weights
        return total
