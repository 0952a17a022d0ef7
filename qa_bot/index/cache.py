"""A persistent cache of built indexes, so that a large corpus is analyzed once.

Where: ``$XDG_CACHE_HOME/qa-bot`` (default ``~/.cache/qa-bot``; the folder is made with mode 0700),
one file per corpus named by the SHA-256 of its content (every article's slug and text, in order);
``qa_bot.index.cache_file`` writes and checks the files. A damaged file, or one written by another
analyzer, is rebuilt; the caller gets a Spanish notice to show, never an exception (the core does
not print).

The folder is bounded: after each write, the least recently used files (a cache hit refreshes a
file's modification time) are removed until at most ``MAX_FILES`` files and ``MAX_BYTES`` bytes
remain; the file just written always stays. Editing an article of a large folder writes a new
index under a new name, so without this every edit would leave a whole index behind.

A corpus under ``MIN_CHARS`` characters is not cached: it is built in less time (~80 ms at 200k
characters) than a cache file is checked, read and its modules imported, and the cache is not
littered with every small article (see README, "Velocidad y escala").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qa_bot.index.indexing import Progress
from qa_bot.index.passage_index import PassageIndex
from qa_bot.models import Article
from qa_bot.paths import default_root

MIN_CHARS = 200_000
MAX_FILES = 32
MAX_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class IndexCache:
    """Where built indexes are kept, and from what size a corpus is worth keeping."""

    root: Path
    min_chars: int = MIN_CHARS
    max_files: int = MAX_FILES
    max_bytes: int = MAX_BYTES

    @classmethod
    def default(cls) -> IndexCache:
        return cls(default_root())

    def load(
        self, articles: Sequence[Article], progress: Progress | None = None
    ) -> tuple[PassageIndex, list[str]]:
        """The index of ``articles``, from the cache when it holds a valid one, else built (and
        stored); with the Spanish notices a face should show (damaged or stale cache, no write)."""
        if sum(len(a.text) for a in articles) < self.min_chars:
            return PassageIndex.from_articles(articles, progress), []
        # Imported here: a small corpus (the bundled article) never pays for zipfile and hashlib.
        from qa_bot.index.cache_file import (
            SUFFIX,
            CacheError,
            content_key,
            mark_used,
            prune,
            read_index,
            write_index,
        )

        key = content_key(articles)
        path = self.root / f"{key}{SUFFIX}"
        notices: list[str] = []
        try:
            if path.is_file():
                index = read_index(path, articles, key)
                mark_used(path)
                return index, notices
        except FileNotFoundError:  # removed by another process since is_file()
            pass
        except CacheError as exc:
            what = "era de otra versión de qa-bot" if exc.stale else f"estaba dañado ({exc})"
            notices.append(f"el índice guardado de estos artículos {what}; se ha reconstruido.")
        index = PassageIndex.from_articles(articles, progress)
        try:
            write_index(path, index, key)
            prune(self.root, keep=path, max_files=self.max_files, max_bytes=self.max_bytes)
        except OSError as exc:
            notices.append(
                f"no se ha podido guardar el índice en {self.root} ({exc.strerror or exc}); "
                "la próxima vez se volverá a construir."
            )
        return index, notices
