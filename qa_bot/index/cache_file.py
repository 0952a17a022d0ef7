"""The cache file: one built index as a ZIP of ``meta.json`` and ``.npy`` arrays, checked on read.

A file is a ZIP archive (stored, not compressed) of ``meta.json`` and numpy ``.npy`` arrays, read
with ``allow_pickle=False``: opening a cache file can never run code. Before it is used it is
checked: the ZIP's CRC-32 of every member, the content hash, every array's dtype and shape, offsets
against the articles, and counts against each other (term frequencies add up to the document
lengths). ``meta.json``'s ``fingerprint`` names what the terms depend on besides the text
(``ANALYZER_VERSION``, the file format, the stopword list, the analyzer's source, PyStemmer's and
Unicode's versions): a file with another fingerprint is stale.

Writes are atomic: the file is written under a temporary name in the same folder (mode 0600) and
renamed over the final name (``os.replace``), so a reader sees a whole old file or a whole new one,
and several processes writing the same corpus at once all succeed (the last rename wins; every
candidate is complete and equal). No fsync: a file cut short by a crash fails its CRC and is
rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import Stemmer

from qa_bot import data
from qa_bot.index.indexing import AnalyzedCorpus
from qa_bot.index.passage_index import PassageIndex, PassageTable
from qa_bot.index.sparse import STEP, DocField, TermField, count
from qa_bot.models import Article
from qa_bot.text.analysis import ANALYZER_VERSION

FORMAT = 1
SUFFIX = ".qaidx"
_TMP_PREFIX = ".tmp-"
_STALE_TMP_SECONDS = 3600
# The modules whose code decides the cached terms and passages, by module name: moving one keeps
# its name here or fails loudly at import of this list, never silently changes the key.
_SOURCES = (
    "qa_bot.text.analysis",
    "qa_bot.text.sentences",
    "qa_bot.index.indexing",
    "qa_bot.corpus.passages",
)
_TF = (np.dtype("<u2"), np.dtype("<u4"))


class CacheError(Exception):
    """A cache file that cannot be used; ``stale`` when it was written by another analyzer."""

    def __init__(self, reason: str, stale: bool = False) -> None:
        super().__init__(reason)
        self.stale = stale


def fingerprint() -> str:
    """What the cached terms depend on besides the text: analyzer, its data and its code."""
    h = hashlib.sha256(f"{FORMAT}\0{ANALYZER_VERSION}\0".encode())
    h.update(f"{Stemmer.version()}\0{unicodedata.unidata_version}\0".encode())
    h.update(data.read_bytes("stopwords-es.txt"))
    for name in _SOURCES:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None, name
        h.update(name.encode() + b"\0" + Path(spec.origin).read_bytes())
    return h.hexdigest()


def content_key(articles: Sequence[Article]) -> str:
    """SHA-256 of the articles' slugs and texts, in order (passage ids depend on both), and of a
    Markdown article's paragraphs (its blocks, not its blank lines, make them)."""
    h = hashlib.sha256(b"qa-bot corpus\0")
    for article in articles:
        text = article.text.encode("utf-8", "surrogatepass")
        h.update(f"{article.slug}\0{len(text)}\0".encode())
        h.update(text)
        if article.source_map is not None:
            blocks = [(s, e) for s, e, _, _ in article.source_map.blocks]
            h.update(f"\0markdown\0{blocks}\0".encode())
    return h.hexdigest()


def _strings(values: Sequence[str]) -> np.ndarray:
    return np.frombuffer("\n".join(values).encode("utf-8"), dtype=np.uint8)


def _unstrings(blob: np.ndarray, count: int, what: str) -> list[str]:
    values = blob.tobytes().decode("utf-8").split("\n") if count else []
    if len(values) != count:
        raise CacheError(f"{what}: {len(values)} en vez de {count}")
    return values


def _arrays(index: PassageIndex) -> dict[str, np.ndarray]:
    table, stems, prefixes = index.passages, index.stems, index.prefixes
    assert isinstance(table, PassageTable)
    return {
        "ids": _strings(table.ids),
        "article": table.article,
        "paragraph": table.paragraph,
        "start": table.start,
        "end": table.end,
        "doc_len": stems.doc_len,
        "stem_terms": _strings(stems.terms),
        "stem_indptr": stems.indptr,
        "stem_docs": stems.docs,
        "stem_tf": stems.tf,
        "prefix_terms": _strings(prefixes.terms),
        "prefix_rowptr": prefixes.rowptr,
        "prefix_term_ids": prefixes.term_ids,
        "prefix_tf": prefixes.tf,
        "plain_keys": _strings(list(index.plain_stems)),
        "plain_values": _strings(list(index.plain_stems.values())),
    }


def write_index(path: Path, index: PassageIndex, key: str) -> None:
    """Write ``index`` to ``path`` atomically (temporary file in the same folder, then rename)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    _remove_stale_temporaries(path.parent)
    meta = {
        "format": FORMAT,
        "fingerprint": fingerprint(),
        "analyzer": ANALYZER_VERSION,
        "key": key,
        "passages": len(index),
        "articles": len(index.passages.articles),  # type: ignore[attr-defined]
        "stem_terms": len(index.stems.terms),
        "prefix_terms": len(index.prefixes.terms),
        "plain_stems": len(index.plain_stems),
    }
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP_PREFIX, suffix=SUFFIX)
    try:
        with os.fdopen(fd, "wb") as f, zipfile.ZipFile(f, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr("meta.json", json.dumps(meta))
            for name, array in _arrays(index).items():
                with zf.open(f"{name}.npy", "w", force_zip64=True) as member:
                    np.lib.format.write_array(
                        member, np.ascontiguousarray(array), allow_pickle=False
                    )
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def mark_used(path: Path) -> None:
    """Refresh ``path``'s modification time: ``prune`` removes the least recently used first."""
    with contextlib.suppress(OSError):  # read-only cache, or removed meanwhile: no matter
        os.utime(path)


def prune(folder: Path, keep: Path, max_files: int, max_bytes: int) -> None:
    """Remove the least recently used index files of ``folder`` beyond ``max_files`` files or
    ``max_bytes`` bytes in all; ``keep`` always stays. Files removed by another process meanwhile
    are skipped; a reader that opened one first still reads it (POSIX unlink)."""
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        if path.name.startswith(_TMP_PREFIX):
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        found.append((path == keep, info.st_mtime, info.st_size, path))
    found.sort(key=lambda f: (f[0], f[1]), reverse=True)  # ``keep`` first, then newest
    files = total = 0
    for _, _, size, path in found:
        files += 1
        total += size
        if path != keep and (files > max_files or total > max_bytes):
            with contextlib.suppress(OSError):  # gone already, or not ours to remove
                path.unlink()
            files -= 1
            total -= size


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a process that died while writing (older than an hour)."""
    now = time.time()
    for tmp in folder.glob(f"{_TMP_PREFIX}*{SUFFIX}"):
        try:
            if now - tmp.stat().st_mtime > _STALE_TMP_SECONDS:
                tmp.unlink()
        except OSError:
            pass


def _array(
    zf: zipfile.ZipFile, name: str, dtypes: Sequence[np.dtype], size: int | None
) -> np.ndarray:
    with zf.open(f"{name}.npy") as member:
        array = np.lib.format.read_array(member, allow_pickle=False)
        member.read()  # reach the end of the member, where zipfile checks its CRC-32
    if array.ndim != 1 or array.dtype not in dtypes:
        raise CacheError(f"{name}: tipo {array.dtype} y forma {array.shape} inesperados")
    if size is not None and len(array) != size:
        raise CacheError(f"{name}: {len(array)} valores en vez de {size}")
    return array


def _check(ok: bool, reason: str) -> None:
    if not ok:
        raise CacheError(reason)


def _check_layout(ptr: np.ndarray, minor: np.ndarray, minor_limit: int, tf: np.ndarray) -> None:
    """``ptr``/``minor`` form a valid CSR (or CSC): bounds, and increasing inside each row."""
    _check(ptr[0] == 0 and ptr[-1] == len(minor) and len(tf) == len(minor), "punteros y datos")
    _check(bool(np.all(np.diff(ptr) >= 0)), "punteros no crecientes")
    if not len(minor):
        return
    _check(int(minor.min()) >= 0 and int(minor.max()) < minor_limit, "índices fuera de rango")
    _check(int(tf.min()) >= 1, "frecuencias nulas")
    starts = ptr[:-1]  # sorted: checked above
    for lo in range(0, len(minor), STEP):  # a slice at a time: bounded temporaries
        falls = np.flatnonzero(np.diff(minor[lo : lo + STEP + 1]) <= 0) + lo + 1
        at = np.minimum(np.searchsorted(starts, falls), len(starts) - 1)
        _check(bool(np.all(starts[at] == falls)), "índices desordenados")


def read_index(path: Path, articles: Sequence[Article], key: str) -> PassageIndex:
    """The index cached at ``path`` for ``articles``; raises CacheError when it cannot be used."""
    try:
        with zipfile.ZipFile(path) as zf:
            meta = json.loads(zf.read("meta.json"))
            if not isinstance(meta, dict):
                raise CacheError("meta.json no es un objeto")
            if meta.get("format") != FORMAT or meta.get("fingerprint") != fingerprint():
                raise CacheError("escrito por otra versión del analizador", stale=True)
            _check(meta.get("key") == key, "no corresponde a estos artículos")
            _check(meta.get("articles") == len(articles), "número de artículos")
            return _read_arrays(zf, meta, articles)
    except (CacheError, FileNotFoundError):
        raise
    except Exception as exc:  # any other failure to read it: a damaged file, rebuilt
        raise CacheError(f"{type(exc).__name__}: {exc}") from exc


def _read_arrays(
    zf: zipfile.ZipFile, meta: dict[str, object], articles: Sequence[Article]
) -> PassageIndex:
    n = meta["passages"]
    n_stems, n_prefixes, n_plain = meta["stem_terms"], meta["prefix_terms"], meta["plain_stems"]
    _check(
        all(isinstance(v, int) and v >= 0 for v in (n, n_stems, n_prefixes, n_plain)), "meta.json"
    )
    assert isinstance(n, int) and isinstance(n_stems, int)
    assert isinstance(n_prefixes, int) and isinstance(n_plain, int)
    _check(n > 0, "sin pasajes")

    def strings(name: str, count: int) -> list[str]:
        return _unstrings(_array(zf, name, (np.dtype("u1"),), None), count, name)

    ids = strings("ids", n)
    article = _array(zf, "article", (np.dtype("<i4"),), n)
    paragraph = _array(zf, "paragraph", (np.dtype("<i4"),), n)
    start = _array(zf, "start", (np.dtype("<i8"),), n)
    end = _array(zf, "end", (np.dtype("<i8"),), n)
    _check(int(article.min()) >= 0 and int(article.max()) < len(articles), "artículos")
    lengths = np.array([len(a.text) for a in articles], dtype=np.int64)[article]
    _check(bool(np.all((start >= 0) & (start <= end) & (end <= lengths))), "posiciones")
    _check(bool(np.all(paragraph >= 1)), "párrafos")

    doc_len = _array(zf, "doc_len", (np.dtype("<i4"),), n)
    stem_terms = strings("stem_terms", n_stems)
    indptr = _array(zf, "stem_indptr", (np.dtype("<i8"),), n_stems + 1)
    docs = _array(zf, "stem_docs", (np.dtype("<i4"),), None)
    stem_tf = _array(zf, "stem_tf", _TF, len(docs))
    _check_layout(indptr, docs, n, stem_tf)
    _check(np.array_equal(count(docs, n, weights=stem_tf), doc_len), "longitudes")

    prefix_terms = strings("prefix_terms", n_prefixes)
    rowptr = _array(zf, "prefix_rowptr", (np.dtype("<i8"),), n + 1)
    term_ids = _array(zf, "prefix_term_ids", (np.dtype("<i4"),), None)
    prefix_tf = _array(zf, "prefix_tf", _TF, len(term_ids))
    _check_layout(rowptr, term_ids, n_prefixes, prefix_tf)
    filled = np.flatnonzero(np.diff(rowptr) > 0)
    sums = np.zeros(n, dtype=np.int64)
    if len(filled):  # each segment runs from a filled row to the next one: that row's terms
        sums[filled] = np.add.reduceat(prefix_tf, rowptr[filled], dtype=np.int64)
    _check(np.array_equal(sums, doc_len), "longitudes")
    _check(len(set(stem_terms)) == n_stems and len(set(prefix_terms)) == n_prefixes, "términos")

    plain = dict(zip(strings("plain_keys", n_plain), strings("plain_values", n_plain), strict=True))
    table = PassageTable(articles, ids, article, paragraph, start, end)
    analyzed = AnalyzedCorpus(
        stems=TermField(stem_terms, indptr, docs, stem_tf, doc_len),
        prefixes=DocField(prefix_terms, rowptr, term_ids, prefix_tf, doc_len),
        plain_stems=plain,
    )
    return PassageIndex(table, analyzed)
