"""Data files shipped inside the package: the stopword list and the background frequency table.

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
