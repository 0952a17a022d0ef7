"""Peer rankers for the quality benchmark: the same passages as qa-bot, only the ranking differs.

Each peer splits the articles with ``qa_bot.corpus.passages.split_articles`` (so passage ids, paragraphs
and offsets are qa-bot's own), scores every passage with its own BM25 and answers with the ranked
passages. A peer refuses only when its top score is not above 0: no query term matches (or, under
BM25Okapi's IDF, every matched term sits in exactly half the passages or more, the flaw described
in PITFALLS.md; the baseline's rule, "refuse when the top score is 0", counts that as a refusal).
"""

from __future__ import annotations

import bm25s
import numpy as np
import Stemmer
from rank_bm25 import BM25Okapi

from qa_bot.corpus.passages import paragraph_spans, split_articles
from qa_bot.models import Answer, Article, Hit, Passage
from qa_bot.text.analysis import fold, stopwords, tokens

_SNOWBALL = Stemmer.Stemmer("spanish")
_SNOWBALL_STOP = frozenset(fold(w) for w in bm25s.stopwords.STOPWORDS_SPANISH)


class PeerRanker:
    """Ranks qa-bot's passages with a peer's scores; subclasses give tokenize() and scores()."""

    name = ""

    def __init__(self, articles: list[Article]) -> None:
        self.passages = self.split(articles)
        self.build(self.tokenize_corpus([p.text for p in self.passages]))

    def split(self, articles: list[Article]) -> list[Passage]:
        return split_articles(articles)

    def tokenize(self, text: str) -> list[str]:
        raise NotImplementedError

    def tokenize_corpus(self, texts: list[str]) -> list[list[str]]:
        return [self.tokenize(t) for t in texts]

    def build(self, corpus: list[list[str]]) -> None:
        raise NotImplementedError

    def scores(self, query: list[str]) -> np.ndarray:
        raise NotImplementedError

    def ask(self, question: str, top_k: int = 1) -> Answer:
        query = self.tokenize(question)
        scores = self.scores(query) if query else np.zeros(len(self.passages))
        order = np.argsort(-scores, kind="stable")[: max(1, top_k)]
        supported = bool(len(order)) and float(scores[order[0]]) > 0.0
        hits = [self._hit(int(i), float(scores[i])) for i in order] if supported else []
        return Answer(
            question=question,
            supported=supported,
            confidence=1.0 if supported else 0.0,
            passages=hits,
            reason=None if supported else "Ningún término de la pregunta aparece en el artículo.",
        )

    def _hit(self, i: int, score: float) -> Hit:
        return Hit.of(self.passages[i], score=round(score, 4))


class _RankBM25(PeerRanker):
    """rank-bm25's BM25Okapi (its own IDF, epsilon 0.25) over token lists."""

    def build(self, corpus: list[list[str]]) -> None:
        # rank-bm25 divides by the average length: an all-empty corpus would fail (#36).
        self.bm25 = BM25Okapi([doc or [""] for doc in corpus])

    def scores(self, query: list[str]) -> np.ndarray:
        return np.asarray(self.bm25.get_scores(query), dtype=float)


class SpanishBM25(_RankBM25):
    """The baseline: BM25Okapi over fold + qa-bot's stopwords + Snowball (no plural step)."""

    name = "rank-bm25 + analizador español (base)"

    def tokenize(self, text: str) -> list[str]:
        stop = stopwords()
        return [_SNOWBALL.stemWord(t.folded) for t in tokens(text) if t.folded not in stop]


class SplitBM25(_RankBM25):
    """BM25Okapi over lowercased ``str.split()`` tokens (punctuation stays attached)."""

    name = "rank-bm25 + split()"

    def tokenize(self, text: str) -> list[str]:
        return text.lower().split()


class BM25S(PeerRanker):
    """bm25s (Lucene BM25) with its Spanish stopwords and PyStemmer's Spanish Snowball stemmer.

    ``bm25s.tokenize``'s default pattern keeps only words of two or more characters, so numbers
    such as "5" vanish (PITFALLS.md); the peer keeps them, which is worth about +0.005 top-1 on
    both dev files.
    """

    name = "bm25s + stemmer y stopwords es"

    def tokenize(self, text: str) -> list[str]:
        return self.tokenize_corpus([text])[0]

    def tokenize_corpus(self, texts: list[str]) -> list[list[str]]:
        tokenized: list[list[str]] = bm25s.tokenize(
            texts,
            token_pattern=r"(?u)\b\w+\b",
            stopwords="es",
            stemmer=_SNOWBALL,
            return_ids=False,
            show_progress=False,
        )
        return tokenized

    def build(self, corpus: list[list[str]]) -> None:
        self.bm25 = bm25s.BM25()
        self.bm25.index([doc or [""] for doc in corpus], show_progress=False)

    def scores(self, query: list[str]) -> np.ndarray:
        known = [t for t in query if t in self.bm25.vocab_dict and t]
        if not known:
            return np.zeros(len(self.passages))
        return np.asarray(self.bm25.get_scores(known), dtype=float)


class IssueBaseline(SpanishBM25):
    """The baseline as issue 2's figures were measured (found by trying the likely variants).

    Three differences from ``SpanishBM25``: one passage per whole paragraph (never sentence windows), the plain Snowball stop list (313 words, as in bm25s),
    and, in the "another article" setting, each article asked the next article's questions
    (``other_offset=-1`` in ``evaluate_squad``).
    """

    name = "base, como en el issue 2"

    def split(self, articles: list[Article]) -> list[Passage]:
        passages = []
        for article in articles:
            prefix = f"{article.slug}:" if len(articles) > 1 else ""
            for number, (s, e) in enumerate(paragraph_spans(article.text), start=1):
                passages.append(
                    Passage(
                        id=f"{prefix}p{number}",
                        article=article.slug,
                        paragraph=number,
                        start=s,
                        end=e,
                        text=article.text[s:e],
                    )
                )
        return passages

    def tokenize(self, text: str) -> list[str]:
        return [
            _SNOWBALL.stemWord(t.folded) for t in tokens(text) if t.folded not in _SNOWBALL_STOP
        ]


PEERS: tuple[type[PeerRanker], ...] = (SpanishBM25, SplitBM25, BM25S)
