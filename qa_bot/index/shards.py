"""A corpus split into shards: building them, their manifest, and one shard answering its part.

``qa-bot index --shards N --out DIR`` cuts the corpus into N runs of whole, consecutive articles
(about the same amount of text each), so that the shards laid end to end are the corpus in its own
order: global passage ``i`` is passage ``i - offset`` of its shard, and ties in the ranking break
the same way as in one index. Each shard is a file in the index cache's format
(``cache_file``), with the passage ids of the whole corpus ("slug:p3" even in a shard of one
article); ``manifest.json`` lists every article (slug, path, SHA-256 of its text, shard) and the
analyzer's version and fingerprint, checked when a shard is opened.

``Shard`` is one shard at query time, in this process or in a Ray actor (``qa_bot.cluster``). It
never scores with its own statistics: every call that scores takes the whole corpus's IDF of the
query's terms and its average length, merged by the caller (``sharded.ShardedIndex``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from qa_bot.corpus.articles import read_article
from qa_bot.errors import QAError
from qa_bot.index.cache_file import CacheError, content_key, fingerprint, read_index, write_index
from qa_bot.index.passage_index import PassageIndex, PassageTable
from qa_bot.models import Article, Passage
from qa_bot.text.analysis import ANALYZER_VERSION

MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1


class ShardError(QAError):
    """A shard folder or shard that cannot be used (message in Spanish, says what to do)."""


def shard_file(number: int) -> str:
    """The file name of shard ``number``."""
    return f"shard-{number:03d}.qaidx"


def text_hash(article: Article) -> str:
    """SHA-256 of an article's text as read (what its passages are cut from)."""
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def partition(articles: Sequence[Article], shards: int) -> list[range]:
    """``shards`` runs of consecutive articles with about the same amount of text each; none
    empty."""
    if not 1 <= shards <= len(articles):
        raise ShardError(
            f"No se pueden hacer {shards} fragmentos con {len(articles)} artículos: cada fragmento "
            f"lleva artículos enteros (entre 1 y {len(articles)} fragmentos)."
        )
    sizes = np.cumsum([max(1, len(a.text)) for a in articles])
    cuts = [0]
    for s in range(1, shards):
        cut = int(np.searchsorted(sizes, sizes[-1] * s / shards)) + 1
        # Leave at least one article for each shard still to come, and take one at least.
        cut = min(max(cut, cuts[-1] + 1), len(articles) - (shards - s))
        cuts.append(cut)
    cuts.append(len(articles))
    return [range(a, b) for a, b in pairwise(cuts)]


def _build_one(path: Path, table: PassageTable) -> int:
    """Index one shard's passages and write them to ``path``; how many passages."""
    index = PassageIndex(table)
    write_index(path, index, content_key(table.articles))
    return len(index)


def build_shards(
    articles: Sequence[Article], shards: int, out: Path, workers: int | None = None
) -> dict[str, object]:
    """Write ``shards`` shard files and ``manifest.json`` to ``out``; the manifest.

    Shards are indexed in parallel processes (``workers``, default: one per core up to one per
    shard)."""
    runs = partition(articles, shards)
    whole = PassageTable.split(articles)  # the ids of the whole corpus
    tables = []
    for run in runs:
        rows = np.flatnonzero((whole.article >= run.start) & (whole.article < run.stop))
        lo, hi = int(rows[0]), int(rows[-1]) + 1
        tables.append(
            PassageTable(
                [articles[a] for a in run],
                whole.ids[lo:hi],
                (whole.article[lo:hi] - run.start).astype(np.int32),
                whole.paragraph[lo:hi],
                whole.start[lo:hi],
                whole.end[lo:hi],
            )
        )
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / shard_file(s) for s in range(shards)]
    workers = min(shards, workers or os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            counts = list(pool.map(_build_one, paths, tables))
    else:
        counts = [_build_one(p, t) for p, t in zip(paths, tables, strict=True)]
    manifest: dict[str, object] = {
        "format": MANIFEST_FORMAT,
        "analyzer": ANALYZER_VERSION,
        "fingerprint": fingerprint(),
        "passages": sum(counts),
        "shards": [
            {
                "file": path.name,
                "key": content_key(table.articles),
                "passages": n,
                "articles": len(run),
            }
            for path, table, n, run in zip(paths, tables, counts, runs, strict=True)
        ],
        "articles": [
            {
                "slug": a.slug,
                "path": str(Path(a.path).resolve()),
                "title": a.title,
                "sha256": text_hash(a),
                "shard": s,
            }
            for s, run in enumerate(runs)
            for a in (articles[i] for i in run)
        ],
    }
    tmp = out / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)
    return manifest


def read_manifest(folder: Path) -> dict[str, object]:
    """The manifest of the shard folder ``folder``, checked against this analyzer."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ShardError(
            f"{folder} no es una carpeta de fragmentos (falta {MANIFEST}); créela con "
            "qa-bot index --shards N --out CARPETA ARTÍCULOS…"
        ) from None
    except (OSError, ValueError) as exc:
        raise ShardError(f"No se puede leer {path}: {exc}.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise ShardError(f"{path} no es un manifiesto de fragmentos de esta versión de qa-bot.")
    if manifest.get("fingerprint") != fingerprint():
        raise ShardError(
            f"Los fragmentos de {folder} se hicieron con otra versión del analizador; "
            "vuelva a crearlos con qa-bot index."
        )
    return manifest


def listed_articles(manifest: dict[str, object]) -> list[Article]:
    """The manifest's articles by slug, path and title, without their text (it stays with
    their shard)."""
    listed = manifest["articles"]
    assert isinstance(listed, list)
    return [
        Article.model_construct(slug=a["slug"], path=a["path"], title=a["title"], text="")
        for a in listed
    ]


@dataclass(frozen=True)
class ShardSummary:
    """What the caller merges into the whole corpus's statistics, from one shard."""

    passages: int
    total_len: int
    stem_terms: list[str]
    stem_df: np.ndarray
    prefix_terms: list[str]
    prefix_df: np.ndarray
    plain_stems: dict[str, str]
    article_starts: list[int]


class Shard:
    """One shard of a corpus, answering with the whole corpus's statistics (see module)."""

    def __init__(self, index: PassageIndex) -> None:
        self.index = index

    @classmethod
    def open(cls, folder: Path | str, number: int) -> Shard:
        """Shard ``number`` of the shard folder ``folder``: its articles are read again from
        their paths and must not have changed since they were indexed."""
        folder = Path(folder)
        manifest = read_manifest(folder)
        shards = manifest["shards"]
        assert isinstance(shards, list)
        entry = shards[number]
        listed = manifest["articles"]
        assert isinstance(listed, list)
        articles = []
        for item in (a for a in listed if a["shard"] == number):
            article = read_article(Path(item["path"]), slug=item["slug"])
            if text_hash(article) != item["sha256"]:
                raise ShardError(
                    f"El artículo {item['path']} ha cambiado desde que se indexó; vuelva a crear "
                    f"los fragmentos con qa-bot index."
                )
            articles.append(article)
        try:
            return cls(read_index(folder / entry["file"], articles, entry["key"]))
        except (CacheError, OSError) as exc:
            raise ShardError(
                f"El fragmento {number + 1} ({folder / entry['file']}) no se puede usar ({exc}); "
                "vuelva a crear los fragmentos con qa-bot index."
            ) from exc

    def summary(self) -> ShardSummary:
        """Counts, vocabularies and article boundaries, for the caller to merge."""
        index = self.index
        return ShardSummary(
            passages=len(index),
            total_len=int(index.stems.doc_len.sum(dtype=np.int64)),
            stem_terms=index.stems.terms,
            stem_df=index.stems.df,
            prefix_terms=index.prefixes.terms,
            prefix_df=index.prefixes.df,
            plain_stems=index.plain_stems,
            article_starts=index._articles.starts.tolist(),
        )

    def search(
        self,
        stems: Sequence[str],
        k: int | None,
        boosts: Mapping[str, float] | None,
        idf: Mapping[str, float],
        avgdl: float,
    ) -> tuple[list[tuple[int, float]], list[Passage]]:
        """The shard's best ``k`` passages under the corpus's ``idf`` and ``avgdl``, and those
        passages (the caller shows some and analyzes their sentences)."""
        hits = self.index.stems.under(idf, avgdl).search(stems, k, boosts)
        return hits, [self.index.passages[i] for i, _ in hits]

    def prefix_scores(
        self,
        prefixes: Sequence[str],
        ids: Sequence[int],
        boosts: Mapping[str, float] | None,
        idf: Mapping[str, float],
        avgdl: float,
    ) -> list[float]:
        """Prefix-field BM25 of the shard's passages ``ids`` under the corpus's statistics."""
        return self.index.prefixes.under(idf, avgdl).scores(prefixes, ids, boosts).tolist()

    def doc_freq_in(self, term: str, lo: int, hi: int) -> int:
        return self.index.doc_freq_in(term, lo, hi)

    def prefix_freq_in(self, prefix: str, lo: int, hi: int) -> int:
        return self.index.prefix_freq_in(prefix, lo, hi)

    def passages(self, ids: Sequence[int]) -> list[Passage]:
        return [self.index.passages[i] for i in ids]

    def ids(self) -> list[str]:
        """Every passage id of the shard, in order."""
        table = self.index.passages
        return table.ids if isinstance(table, PassageTable) else [p.id for p in table]
