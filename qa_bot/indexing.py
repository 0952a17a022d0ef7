"""Analyze a whole corpus fast: passages -> the two term fields and the unaccented-stem map.

The terms are exactly those of ``qa_bot.analysis`` (``terms(text)`` for stems; ``prefix`` of the
folded word for prefixes), but each distinct word is analyzed once: a passage becomes a list of
words (one regex call), every word is looked up in a dict, and counting is done by numpy a chunk of
passages at a time. At 100k passages that is ~10x faster than analyzing token by token, and memory
stays bounded by a chunk.

A text with a combining mark (U+0300-U+036F, decomposed accents) is tokenized by
``analysis.tokens`` itself; any other text by ``_WORDS_RE``, which then finds the same tokens (the
combining-mark branch of the analyzer's pattern can never match).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain, islice

import numpy as np

from qa_bot.analysis import fold, normalize, prefix, stem, stopwords, tokens
from qa_bot.sparse import DocField, TermField

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` (passages) while a corpus is analyzed."""

CHUNK = 2000
_WORDS_RE = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+")
_COMBINING_RE = re.compile("[\u0300-\u036f]")


def words(text: str) -> list[str]:
    """The token texts of ``text``, as ``analysis.tokens`` finds them."""
    if _COMBINING_RE.search(text):
        return [t.text for t in tokens(text)]
    return _WORDS_RE.findall(text)


@dataclass(frozen=True)
class AnalyzedCorpus:
    """The two term fields of a corpus and its unaccented-stem map (see ``PassageIndex``)."""

    stems: TermField
    prefixes: DocField
    plain_stems: dict[str, str]


class _Rows:
    """One field's postings, document by document (CSR), as the chunks are analyzed."""

    def __init__(self) -> None:
        self.term_ids = array("i")
        self.tf = array("H")
        self.sizes: list[np.ndarray] = []

    def add(self, doc: np.ndarray, term: np.ndarray, n_docs: int) -> None:
        """Count the (document, term) pairs of a chunk of ``n_docs`` documents."""
        pairs, tf = np.unique((doc.astype(np.int64) << 32) | term, return_counts=True)
        if self.tf.typecode == "H" and tf.max(initial=0) >= 2**16:
            self.tf = array("I", self.tf)
        self.term_ids.frombytes((pairs & 0xFFFFFFFF).astype(np.int32).view(np.uint8))
        self.tf.frombytes(
            tf.astype(np.uint16 if self.tf.itemsize == 2 else np.uint32).view(np.uint8)
        )
        self.sizes.append(np.bincount(pairs >> 32, minlength=n_docs))

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``rowptr``, term ids and frequencies."""
        rowptr = np.zeros(sum(map(len, self.sizes)) + 1, dtype=np.int64)
        np.cumsum(np.concatenate(self.sizes), out=rowptr[1:])
        tf_type = np.uint16 if self.tf.itemsize == 2 else np.uint32
        return rowptr, np.frombuffer(self.term_ids, np.int32), np.frombuffer(self.tf, tf_type)


class _Analyzer:
    """Each distinct word seen so far -> its stem id and prefix id (-1 for a stopword), and the
    two fields' postings of the chunks analyzed so far."""

    def __init__(self) -> None:
        self.word_id: dict[str, int] = {}
        self.stem_of = array("i")
        self.prefix_of = array("i")
        self.stems: dict[str, int] = {}
        self.prefixes: dict[str, int] = {}
        self.plain_stems: dict[str, str] = {}
        self.stop = stopwords()
        self.stem_rows = _Rows()
        self.prefix_rows = _Rows()
        self.lengths: list[np.ndarray] = []

    def add_word(self, word: str) -> None:
        """Analyze a new word, as ``PassageIndex`` analyzes each token, in corpus order."""
        self.word_id[word] = len(self.stem_of)
        lower = normalize(word).lower()
        folded = fold(word)
        if folded in self.stop:
            self.stem_of.append(-1)
            self.prefix_of.append(-1)
            return
        term = stem(lower)
        self.stem_of.append(self.stems.setdefault(term, len(self.stems)))
        self.prefix_of.append(self.prefixes.setdefault(prefix(folded), len(self.prefixes)))
        if lower != folded:
            plain = stem(folded)
            if plain != term:
                self.plain_stems.setdefault(plain, term)

    def add_chunk(self, chunk: list[list[str]]) -> None:
        """Count the terms of a chunk of passages, each given as its list of words."""
        flat = list(chain.from_iterable(chunk))
        for word in [w for w in dict.fromkeys(flat) if w not in self.word_id]:
            self.add_word(word)
        wid = np.fromiter(map(self.word_id.__getitem__, flat), dtype=np.int32, count=len(flat))
        stem_ids = np.frombuffer(self.stem_of, dtype=np.int32)[wid]
        prefix_ids = np.frombuffer(self.prefix_of, dtype=np.int32)[wid]
        doc = np.repeat(np.arange(len(chunk), dtype=np.int32), [len(c) for c in chunk])
        keep = stem_ids >= 0
        doc, stem_ids, prefix_ids = doc[keep], stem_ids[keep], prefix_ids[keep]
        self.lengths.append(np.bincount(doc, minlength=len(chunk)).astype(np.int32))
        self.stem_rows.add(doc, stem_ids, len(chunk))
        self.prefix_rows.add(doc, prefix_ids, len(chunk))


def analyze_corpus(
    texts: Iterable[str], total: int, progress: Progress | None = None
) -> AnalyzedCorpus:
    """Analyze ``total`` passage texts into the stem and prefix fields."""
    analyzer = _Analyzer()
    done = 0
    it = iter(texts)
    while chunk := [words(t) for t in islice(it, CHUNK)]:
        analyzer.add_chunk(chunk)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    if done == 0:
        raise ValueError("PassageIndex needs at least one passage")
    doc_len = np.concatenate(analyzer.lengths)
    stem_terms, stem_rows = list(analyzer.stems), analyzer.stem_rows
    prefix_terms, prefix_rows = list(analyzer.prefixes), analyzer.prefix_rows
    plain_stems = analyzer.plain_stems
    del analyzer  # the word table is the largest part of the analysis; free it first
    stems = TermField.from_rows(stem_terms, *stem_rows.arrays(), doc_len)
    del stem_rows
    prefixes = DocField(prefix_terms, *prefix_rows.arrays(), doc_len)
    return AnalyzedCorpus(stems, prefixes, plain_stems)
