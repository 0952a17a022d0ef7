"""The index of a corpus split into shards, answering exactly as one index over the same corpus.

``ShardedIndex`` implements ``SearchIndex`` over a ``ShardGroup``: shards in this process
(``LocalShards``) or Ray actors (``qa_bot.cluster.RayShards``). The caller holds the merged
statistics, as Elasticsearch's ``dfs_query_then_fetch`` does: N, the total length (so the
average), and the document frequency of every stem and prefix (summed over the shards), plus the
unaccented-stem map. A query sends the whole corpus's IDF of its terms and the average length to
every shard, so each passage gets the score one index gives it, bit for bit (same float64
operations, same order: ``sparse._Field.under``); the shards' top ``k`` lists, merged by score
and then by global passage number, are one index's top ``k`` (ties in corpus order, as there).

Shards hold whole articles, so every per-article count (``doc_freq_in``, ``prefix_freq_in``) is
answered by one shard; a term no shard has is answered here without asking any. Every result
depends on every shard: a shard that does not answer fails the question
(``ShardUnavailableError``), it never gives a partial ranking.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from qa_bot.corpus.citation import Citations
from qa_bot.index.bm25 import lucene_idf
from qa_bot.index.kept import KeptPassages, KeptSentences
from qa_bot.index.shards import Shard, ShardSummary, read_manifest
from qa_bot.models import Passage
from qa_bot.text.sentences import AnalyzedSentence
from qa_bot.text.spelling import resolve

LIST_BATCH = 2000


class ShardGroup(Protocol):
    """Shards that run ``Shard``'s methods: ``call_all`` asks every shard at once."""

    def __len__(self) -> int: ...
    def call(self, shard: int, method: str, *args: Any) -> Any: ...
    def call_all(self, method: str, args: Sequence[tuple[Any, ...]]) -> list[Any]: ...


class LocalShards:
    """Shards as plain objects in this process (the reference for the cluster, and for tests)."""

    def __init__(self, shards: Sequence[Shard]) -> None:
        self.shards = list(shards)

    @classmethod
    def open(cls, folder: Path | str) -> LocalShards:
        """Every shard of the shard folder ``folder``."""
        shards = read_manifest(Path(folder))["shards"]
        assert isinstance(shards, list)
        return cls([Shard.open(folder, s) for s in range(len(shards))])

    def __len__(self) -> int:
        return len(self.shards)

    def call(self, shard: int, method: str, *args: Any) -> Any:
        return getattr(self.shards[shard], method)(*args)

    def call_all(self, method: str, args: Sequence[tuple[Any, ...]]) -> list[Any]:
        return [getattr(s, method)(*a) for s, a in zip(self.shards, args, strict=True)]


def average_length(total: int, n: int) -> float:
    """The corpus's average document length, as ``LuceneBM25.from_stats`` computes it."""
    avgdl = total / n
    return 1.0 if avgdl == 0 else avgdl


class _Merged:
    """One field's document frequencies, summed over the shards."""

    def __init__(self, fields: Sequence[tuple[list[str], np.ndarray]]) -> None:
        self.df: dict[str, int] = {}
        for terms, df in fields:
            for term, count in zip(terms, df.tolist(), strict=True):
                self.df[term] = self.df.get(term, 0) + count


class ShardedPassages(KeptPassages):
    """Every passage of the corpus, fetched from its shard when asked for (the last ``KEPT``
    are kept)."""

    def __init__(self, index: ShardedIndex) -> None:
        super().__init__()
        self._index = index

    def __len__(self) -> int:
        return len(self._index)

    def _make(self, i: int) -> Passage:
        s, local = self._index.locate(i)
        return self._index.shards.call(s, "passages", [local])[0]

    def _make_many(self, indices: list[int]) -> list[Passage]:
        """Passages ``indices``, one call to each shard that holds some of them."""
        by_shard: dict[int, list[tuple[int, int]]] = {}
        for k, i in enumerate(indices):
            s, local = self._index.locate(i)
            by_shard.setdefault(s, []).append((k, local))
        out: list[Passage | None] = [None] * len(indices)
        for s, wanted in by_shard.items():
            fetched = self._index.shards.call(s, "passages", [local for _, local in wanted])
            for (k, _), passage in zip(wanted, fetched, strict=True):
                out[k] = passage
        return [p for p in out if p is not None]

    def __iter__(self) -> Iterator[Passage]:
        """Every passage in order, ``LIST_BATCH`` at a time from each shard (none kept)."""
        for s, n in enumerate(self._index.sizes):
            for lo in range(0, n, LIST_BATCH):
                yield from self._index.shards.call(
                    s, "passages", list(range(lo, min(n, lo + LIST_BATCH)))
                )


class _ShardedPrefixes:
    """The prefix field of every shard, scored under the corpus's statistics."""

    def __init__(self, index: ShardedIndex) -> None:
        self._index = index

    def scores(
        self, terms: Sequence[str], ids: Sequence[int], boosts: Mapping[str, float] | None = None
    ) -> np.ndarray:
        index = self._index
        idf = index.query_idf(index.prefix_df, terms)
        where = [index.locate(i) for i in ids]
        wanted: list[list[int]] = [[] for _ in range(len(index.shards))]
        for s, local in where:
            wanted[s].append(local)
        asked = [s for s, w in enumerate(wanted) if w]
        args = [(terms, wanted[s], boosts, idf, index.avgdl) for s in asked]
        results = dict(
            zip(asked, _call_some(index.shards, "prefix_scores", asked, args), strict=True)
        )
        taken = dict.fromkeys(asked, 0)
        out = np.zeros(len(ids))
        for j, (s, _) in enumerate(where):
            out[j] = results[s][taken[s]]
            taken[s] += 1
        return out


def _call_some(
    shards: ShardGroup, method: str, which: Sequence[int], args: Sequence[tuple[Any, ...]]
) -> list[Any]:
    """``method`` on the shards ``which`` (all at once when that is every shard)."""
    if len(which) == len(shards):
        return shards.call_all(method, args)
    return [shards.call(s, method, *a) for s, a in zip(which, args, strict=True)]


class ShardedIndex:
    """``SearchIndex`` over the shards of ``shards`` (see the module docstring)."""

    def __init__(self, shards: ShardGroup) -> None:
        self.shards = shards
        summaries: list[ShardSummary] = shards.call_all("summary", [()] * len(shards))
        self.sizes = [s.passages for s in summaries]
        self.offsets = np.concatenate(([0], np.cumsum(self.sizes))).astype(np.int64)
        self._len = int(self.offsets[-1])
        self.avgdl = average_length(sum(s.total_len for s in summaries), self._len)
        self.stem_df = _Merged([(s.stem_terms, s.stem_df) for s in summaries]).df
        self.prefix_df = _Merged([(s.prefix_terms, s.prefix_df) for s in summaries]).df
        self.plain_stems: dict[str, str] = {}
        for s in summaries:  # first in corpus order wins, as in one index
            for plain, term in s.plain_stems.items():
                self.plain_stems.setdefault(plain, term)
        starts = [0]
        for number, summary in enumerate(summaries):
            starts += [int(self.offsets[number]) + x for x in summary.article_starts[1:]]
        self.article_starts = np.array(starts, dtype=np.int64)
        self.passages = ShardedPassages(self)
        self.prefixes = _ShardedPrefixes(self)
        self._sentences = KeptSentences(self.passages)

    def __len__(self) -> int:
        return self._len

    def locate(self, i: int) -> tuple[int, int]:
        """The shard of global passage ``i`` and its number there."""
        s = int(np.searchsorted(self.offsets, i, side="right")) - 1
        return s, i - int(self.offsets[s])

    def query_idf(self, df: Mapping[str, int], terms: Sequence[str]) -> dict[str, float]:
        """The corpus's IDF of each of ``terms`` some shard has (as ``LuceneBM25`` computes it)."""
        return {t: lucene_idf(self._len, df[t]) for t in set(terms) if t in df}

    def doc_freq(self, term: str) -> int:
        return self.stem_df.get(term, 0)

    def idf(self, term: str) -> float:
        df = self.stem_df.get(term, 0)
        return lucene_idf(self._len, df) if df else 0.0

    def article_range(self, i: int) -> tuple[int, int]:
        k = int(np.searchsorted(self.article_starts, i, side="right")) - 1
        return int(self.article_starts[k]), int(self.article_starts[k + 1])

    def _in_article(self, method: str, value: str, lo: int, hi: int) -> int:
        s, local = self.locate(lo)
        return int(self.shards.call(s, method, value, local, local + (hi - lo)))

    def doc_freq_in(self, term: str, lo: int, hi: int) -> int:
        if not self.stem_df.get(term) or (lo == 0 and hi == self._len):
            return self.stem_df.get(term, 0)
        return self._in_article("doc_freq_in", term, lo, hi)

    def prefix_freq_in(self, prefix: str, lo: int, hi: int) -> int:
        if not self.prefix_df.get(prefix) or (lo == 0 and hi == self._len):
            return self.prefix_df.get(prefix, 0)
        return self._in_article("prefix_freq_in", prefix, lo, hi)

    def resolve(self, term: str, folded: str = "") -> str:
        return resolve(term, folded, self.stem_df, self.plain_stems, self.doc_freq)

    def search(
        self,
        stems: Sequence[str],
        k: int | None = None,
        boosts: Mapping[str, float] | None = None,
    ) -> list[tuple[int, float]]:
        """Every shard's top ``k`` under the corpus's statistics, merged: one index's top ``k``."""
        if k is not None and k <= 0:
            return []
        idf = self.query_idf(self.stem_df, stems)
        if not idf:
            return []
        args = [(list(stems), k, boosts, idf, self.avgdl)] * len(self.shards)
        merged: list[tuple[float, int, Passage]] = []
        for s, (hits, passages) in enumerate(self.shards.call_all("search", args)):
            offset = int(self.offsets[s])
            merged += [
                (-score, offset + i, p) for (i, score), p in zip(hits, passages, strict=True)
            ]
        merged.sort(key=lambda m: (m[0], m[1]))
        best = merged if k is None else merged[:k]
        for _, i, p in reversed(best):
            self.passages.keep(i, p)
        return [(i, -negative) for negative, i, _ in best]

    def sentences(self, i: int) -> tuple[AnalyzedSentence, ...]:
        return self._sentences(i)

    @cached_property
    def _citations(self) -> Citations:
        ids = [pid for part in self.shards.call_all("ids", [()] * len(self.shards)) for pid in part]
        only = self.passages[0].article if len(self.article_starts) == 2 else None
        return Citations(ids, only)

    def passage(self, pid: str) -> Passage:
        return self.passages[self._citations.find(pid)]

    def suggest(self, pid: str, limit: int = 3) -> tuple[str, ...]:
        return self._citations.suggest(pid, limit)
