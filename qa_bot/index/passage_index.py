"""The passage index: analyzed passages, postings and BM25 scores, from 7 passages to 300k.

Two fields are indexed (``qa_bot.index.sparse.TermField``, rank-bm25's BM25 with Lucene's IDF): Snowball
stems (precise) and the first ``PREFIX_LEN`` letters of each word (a truncation stemmer, which also
links derivations Snowball keeps apart: investigador/investigación, farmacia/farmacéutico).

``search(stems, k)`` scores only the passages that share a term with the query, through the
postings; every other passage scores exactly 0 under BM25, so the ranking equals a stable sort of
``BM25Okapi.get_scores`` over the whole corpus. Nothing is kept per passage but offsets and
counts: a passage (``PassageTable``), its terms (``doc_terms``) and its sentences are made again
from the article's text when they are needed.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import overload

import numpy as np

from qa_bot.corpus.article_ranges import ArticleRanges
from qa_bot.corpus.citation import Citations
from qa_bot.corpus.passages import corpus_spans, make_passage
from qa_bot.index.bm25 import LuceneBM25
from qa_bot.index.indexing import AnalyzedCorpus, Progress, analyze_corpus
from qa_bot.index.kept import KeptPassages, KeptSentences
from qa_bot.models import Article, Passage
from qa_bot.text.analysis import terms
from qa_bot.text.sentences import AnalyzedSentence
from qa_bot.text.spelling import resolve


class PassageTable(KeptPassages):
    """The passages of some articles, made on demand from their offsets (the same passages as
    ``passages.split_articles``, without a copy of their text).

    The last ``KEPT`` passages asked for by index are kept, so ``table[i] is table[i]``.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        ids: list[str],
        article: np.ndarray,
        paragraph: np.ndarray,
        start: np.ndarray,
        end: np.ndarray,
    ) -> None:
        self.articles = list(articles)
        self.ids = ids
        self.article = article
        self.paragraph = paragraph
        self.start = start
        self.end = end
        super().__init__()

    @classmethod
    def split(cls, articles: Sequence[Article]) -> PassageTable:
        """The passages of ``articles``."""
        ids: list[str] = []
        columns = [array("q") for _ in range(4)]
        for a, pid, *numbers in corpus_spans(articles):
            ids.append(pid)
            for column, value in zip(columns, (a, *numbers), strict=True):
                column.append(value)
        article, paragraph, start, end = (np.frombuffer(c, dtype=np.int64) for c in columns)
        return cls(articles, ids, article.astype(np.int32), paragraph.astype(np.int32), start, end)

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Passage]:
        """Every passage in order; those not asked for before are not kept (listing 100k
        passages should not hold 100k objects)."""
        for i in range(len(self)):
            yield self._kept.get(i) or self._make(i)

    def _make(self, i: int) -> Passage:
        article = self.articles[int(self.article[i])]
        return make_passage(
            article, self.ids[i], int(self.paragraph[i]), int(self.start[i]), int(self.end[i])
        )

    def text(self, i: int) -> str:
        """The text of passage ``i``."""
        return self.articles[int(self.article[i])].text[int(self.start[i]) : int(self.end[i])]

    def texts(self) -> Iterator[str]:
        """Every passage's text, in order."""
        texts = [a.text for a in self.articles]
        for a, s, e in zip(
            self.article.tolist(), self.start.tolist(), self.end.tolist(), strict=True
        ):
            yield texts[a][s:e]


class DocTerms(Sequence[list[str]]):
    """Each passage's index terms, in text order (``analysis.terms``), analyzed when asked for."""

    def __init__(self, text_of: Callable[[int], str], count: int) -> None:
        self._text_of = text_of
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> list[str]: ...
    @overload
    def __getitem__(self, i: slice) -> list[list[str]]: ...
    def __getitem__(self, i: int | slice) -> list[str] | list[list[str]]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not -self._count <= i < self._count:
            raise IndexError(i)
        return terms(self._text_of(i % self._count))


class PassageIndex:
    """BM25 over passages (stems, and word prefixes), plus lookups by id and by term.

    The passages of one article must be next to each other (as ``PassageTable.split`` makes
    them): counts inside an article (``doc_freq_in``) take its range of passages."""

    def __init__(
        self,
        passages: Sequence[Passage],
        analyzed: AnalyzedCorpus | None = None,
        progress: Progress | None = None,
    ) -> None:
        if not len(passages):
            raise ValueError("PassageIndex needs at least one passage")
        self.passages = passages
        text_of: Callable[[int], str]
        if isinstance(passages, PassageTable):
            text_of, texts = passages.text, passages.texts()
        else:
            text_of, texts = (lambda i: passages[i].text), (p.text for p in passages)
        if analyzed is None:
            analyzed = analyze_corpus(texts, len(passages), progress)
        self.stems = analyzed.stems
        self.prefixes = analyzed.prefixes
        # An unaccented spelling's stem -> the stem of the accented word the articles use, for
        # questions typed without accents ("buscaria" -> "buscari", but "buscaría" -> "busc").
        self.plain_stems = analyzed.plain_stems
        self.doc_terms = DocTerms(text_of, len(passages))
        self._sentences = KeptSentences(self.passages)
        if not isinstance(passages, PassageTable):
            _ = self._articles  # fails now, not at the first question, if interleaved

    @classmethod
    def from_articles(
        cls, articles: Sequence[Article], progress: Progress | None = None
    ) -> PassageIndex:
        """The index of every passage of ``articles`` (see ``passages.split_articles``)."""
        return cls(PassageTable.split(articles), progress=progress)

    def __len__(self) -> int:
        return len(self.passages)

    @cached_property
    def bm25(self) -> LuceneBM25:
        """rank-bm25's own model over every passage's stems, built on first use (the reference
        the fast path is checked against; answering never needs it)."""
        return LuceneBM25(list(self.doc_terms))

    @cached_property
    def _ids(self) -> list[str]:
        if isinstance(self.passages, PassageTable):
            return self.passages.ids
        return [p.id for p in self.passages]

    def doc_freq(self, term: str) -> int:
        """How many passages contain ``term``."""
        return self.stems.doc_freq(term)

    def idf(self, term: str) -> float:
        """The BM25 (Lucene) IDF of ``term``; 0 when no passage has it."""
        return self.stems.idf(term)

    @cached_property
    def _articles(self) -> ArticleRanges:
        if isinstance(self.passages, PassageTable):
            return ArticleRanges(self.passages.article)
        numbers: dict[str, int] = {}
        return ArticleRanges(
            np.array([numbers.setdefault(p.article, len(numbers)) for p in self.passages])
        )

    def article_range(self, i: int) -> tuple[int, int]:
        """The passages ``lo .. hi - 1`` of the article that passage ``i`` comes from."""
        return self._articles.of(i)

    def doc_freq_in(self, term: str, lo: int, hi: int) -> int:
        """How many of passages ``lo .. hi - 1`` contain stem ``term``."""
        if lo == 0 and hi == len(self):
            return self.doc_freq(term)
        return self.stems.doc_freq_in(term, lo, hi)

    def prefix_freq_in(self, prefix: str, lo: int, hi: int) -> int:
        """How many of passages ``lo .. hi - 1`` contain a word that starts with ``prefix``.

        The prefix field is laid out by passage, so this scans rows: those of the range, or,
        when the range is most of the corpus, those outside it (a folder of one huge article and
        a note scans the note)."""
        n = len(self)
        total = self.prefixes.doc_freq(prefix)
        if total == 0 or (lo == 0 and hi == n):
            return total
        if 2 * (hi - lo) <= n:
            return self.prefixes.doc_freq_in(prefix, lo, hi)
        outside = self.prefixes.doc_freq_in(prefix, 0, lo) + self.prefixes.doc_freq_in(
            prefix, hi, n
        )
        return total - outside

    def resolve(self, term: str, folded: str = "") -> str:
        """The corpus term for question term ``term`` from the word ``folded`` (see
        ``spelling.resolve``: accents, -ir stem changes, misspelled names)."""
        return resolve(term, folded, self.stems.vocab, self.plain_stems, self.doc_freq)

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
        return self.stems.search(stems, k, boosts)

    def sentences(self, i: int) -> tuple[AnalyzedSentence, ...]:
        """The analyzed sentences of passage ``i`` (the last ``SENTENCE_CACHE`` are kept)."""
        return self._sentences(i)

    @cached_property
    def _citations(self) -> Citations:
        """The ids, for lookups of ids as users type them (``qa_bot.corpus.citation``)."""
        only = self.passages[0].article if len(self._articles) == 1 else None
        return Citations(self._ids, only)

    def passage(self, pid: str) -> Passage:
        """The passage with citation id ``pid`` as typed (see ``Citations.find``); raises
        UnknownPassageError with a Spanish message that suggests the ids it may mean."""
        return self.passages[self._citations.find(pid)]

    def suggest(self, pid: str, limit: int = 3) -> tuple[str, ...]:
        """Ids close to an unknown ``pid`` (see ``Citations.suggest``)."""
        return self._citations.suggest(pid, limit)
