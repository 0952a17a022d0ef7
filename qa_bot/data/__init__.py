"""Data files shipped inside the package: the stopword list, the background frequency table, the
thesaurus of synonyms and the stems only names make (``nombres-es.txt``, built by
``benchmarks/build_names.py`` from wordfreq, CC BY-SA 4.0, and the hunspell-es dictionaries).

They are read next to this file. ``importlib.resources`` would also read them from a zip, but
importing it costs ~8 ms (``tempfile``, ``shutil``, ``random``) on every ``qa-bot ask``.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def read_bytes(name: str) -> bytes:
    """The bytes of data file ``name``."""
    return (FOLDER / name).read_bytes()


def read_text(name: str) -> str:
    """The text of data file ``name`` (UTF-8)."""
    return (FOLDER / name).read_text(encoding="utf-8")
