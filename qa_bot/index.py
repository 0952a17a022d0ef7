"""The passage index: analyzed passages, an inverted index and BM25 scores.

``search(stems, k)`` scores only the passages that share a term with the query (found through the
inverted index) with rank-bm25's own ``get_batch_scores``; every other passage scores exactly 0 under
BM25, so the ranking equals ``get_scores`` over the whole corpus.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from qa_bot.analysis import prefix, stem, stopwords, tokens
from qa_bot.bm25 import LuceneBM25
from qa_bot.errors import UnknownPassageError
from qa_bot.evidence import AnalyzedSentence, analyze_sentences
from qa_bot.models import Passage


class TermField:
    """One analyzed view of the passages: BM25 (Lucene IDF) plus an inverted index."""

    def __init__(self, docs: list[list[str]]) -> None:
        self.docs = docs
        self.bm25 = LuceneBM25(docs)
        self.postings: dict[str, list[int]] = {}
        for i, doc in enumerate(docs):
            for term in set(doc):
                self.postings.setdefault(term, []).append(i)

    def candidates(self, terms: Sequence[str]) -> list[int]:
        """Documents that contain at least one of ``terms``, in corpus order."""
        found: set[int] = set()
        for t in set(terms):
            found.update(self.postings.get(t, ()))
        return sorted(found)

    def scores(
        self, terms: Sequence[str], ids: list[int], boosts: Mapping[str, float] | None = None
    ) -> np.ndarray:
        """BM25 scores of documents ``ids`` (rank-bm25's get_batch_scores, optionally boosted)."""
        if not ids:
            return np.zeros(0)
        if boosts is None:
            return np.asarray(self.bm25.get_batch_scores(list(terms), ids), dtype=float)
        total = np.zeros(len(ids))
        for term in terms:
            per_term = np.asarray(self.bm25.get_batch_scores([term], ids), dtype=float)
            total += boosts.get(term, 1.0) * per_term
        return total


class PassageIndex:
    """BM25 over passages (stems, and word prefixes), plus lookups by id and by term.

    Two fields are indexed: Snowball stems (precise) and the first ``PREFIX_LEN`` letters of each
    word (a truncation stemmer, which also links derivations Snowball keeps apart:
    investigador/investigación, farmacia/farmacéutico).
    """

    def __init__(self, passages: Sequence[Passage]) -> None:
        if not passages:
            raise ValueError("PassageIndex needs at least one passage")
        self.passages: list[Passage] = list(passages)
        self.doc_terms: list[list[str]] = []
        # An unaccented spelling's stem -> the stem of the accented word the articles use, for
        # questions typed without accents ("buscaria" -> "buscari", but "buscaría" -> "busc").
        self.plain_stems: dict[str, str] = {}
        stop = stopwords()
        prefix_docs: list[list[str]] = []
        for passage in self.passages:
            doc: list[str] = []
            prefixes: list[str] = []
            for token in tokens(passage.text):
                if token.folded in stop:
                    continue
                term = stem(token.lower)
                doc.append(term)
                prefixes.append(prefix(token.folded))
                if token.lower != token.folded:
                    plain = stem(token.folded)
                    if plain != term:
                        self.plain_stems.setdefault(plain, term)
            self.doc_terms.append(doc)
            prefix_docs.append(prefixes)
        self.stems = TermField(self.doc_terms)
        self.prefixes = TermField(prefix_docs)
        self.bm25 = self.stems.bm25
        self.postings = self.stems.postings
        self._by_id = {p.id.lower(): i for i, p in enumerate(self.passages)}
        self._sentences: dict[int, tuple[AnalyzedSentence, ...]] = {}

    def __len__(self) -> int:
        return len(self.passages)

    def doc_freq(self, term: str) -> int:
        """How many passages contain ``term``."""
        return len(self.postings.get(term, ()))

    def idf(self, term: str) -> float:
        """The BM25 (Lucene) IDF of ``term``; 0 when no passage has it."""
        return float(self.bm25.idf.get(term, 0.0))

    def resolve(self, term: str) -> str:
        """The corpus term for a question term typed without accents (itself when known)."""
        if term in self.postings:
            return term
        return self.plain_stems.get(term, term)

    def candidates(self, stems: Sequence[str]) -> list[int]:
        """Passages that contain at least one of ``stems``, in corpus order."""
        return self.stems.candidates(stems)

    def search(
        self,
        stems: Sequence[str],
        k: int | None = None,
        boosts: Mapping[str, float] | None = None,
    ) -> list[tuple[int, float]]:
        """The top ``k`` passages (index, BM25 score) that share a term with ``stems``.

        ``boosts`` multiplies each query term's BM25 contribution (a query-time term weight, as in
        Lucene's ``term^boost``); without it the scores are exactly rank-bm25's.
        """
        ids = self.stems.candidates(stems)
        scores = self.stems.scores(stems, ids, boosts)
        order = np.argsort(-scores, kind="stable")
        if k is not None:
            order = order[:k]
        return [(ids[j], float(scores[j])) for j in order]

    def sentences(self, i: int) -> tuple[AnalyzedSentence, ...]:
        """The analyzed sentences of passage ``i`` (computed once, on first use)."""
        cached = self._sentences.get(i)
        if cached is None:
            cached = self._sentences[i] = analyze_sentences(self.passages[i])
        return cached

    def passage(self, pid: str) -> Passage:
        """The passage with citation id ``pid`` (case-insensitive)."""
        i = self._by_id.get(pid.strip().lower())
        if i is None:
            raise UnknownPassageError(
                f"No existe el pasaje {pid.strip()!r}; `qa-bot cite` lista los pasajes."
            )
        return self.passages[i]
