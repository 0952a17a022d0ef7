"""Word wrapping of styled fragments at a terminal's width, for ``ask`` and the chat alike.

This module imports nothing from prompt-toolkit: it is on the fast ``ask`` path. Widths are
terminal cells (a CJK character or an emoji takes two, a combining mark none).
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from itertools import groupby
from typing import TextIO

from qa_bot.console.render import Fragments

_PIECE_RE = re.compile(r"\n| +|[^ \n]+")


def cell_width(text: str) -> int:
    """The columns ``text`` takes on a terminal."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _kind(piece: tuple[str, str]) -> str:
    text = piece[1]
    return "newline" if text == "\n" else "spaces" if text.startswith(" ") else "word"


def wrap_fragments(fragments: Fragments, width: int) -> Fragments:
    """``fragments`` with spaces turned into line breaks so no word is split at ``width``.

    A word may span fragments (a highlighted stem, an id glued to a bracket); a word longer than a
    line is left to the terminal.
    """
    pieces = [(style, p) for style, text in fragments for p in _PIECE_RE.findall(text)]
    out: Fragments = []
    column = 0
    pending: Fragments = []  # spaces not yet written: dropped at a line break
    for kind, group in groupby(pieces, key=_kind):
        run = list(group)
        if kind == "newline":
            out += run
            column, pending = 0, []
        elif kind == "spaces":
            pending = run
        else:
            spaces = sum(len(text) for _, text in pending)
            size = sum(cell_width(text) for _, text in run)
            if column and column + spaces + size > width:
                out.append(("", "\n"))
                column = 0
            else:
                out += pending
                column += spaces
            pending = []
            out += run
            column += size
    return out + pending


def terminal_width(stream: TextIO) -> int | None:
    """The width to wrap output to ``stream`` at: its terminal's columns, or None when it is no
    terminal (a pipe or a file keeps one line per paragraph)."""
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return max(shutil.get_terminal_size().columns, 20)
