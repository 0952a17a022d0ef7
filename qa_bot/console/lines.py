"""Text coming in from outside: argv words and stdin lines, as valid Unicode, in bounded pieces.

Invalid UTF-8 becomes U+FFFD instead of stopping a batch, and a line longer than ``MAX_LINE_BYTES``
(``qa-bot ask < /dev/zero``) is cut there and the rest of it skipped, so memory stays bounded
whatever arrives. Questions are cut much shorter later (``qa_bot.bot.MAX_QUESTION_CHARS``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import BinaryIO

MAX_LINE_BYTES = 1024 * 1024


def clean_text(text: str) -> str:
    """Text from argv as valid Unicode: undecodable bytes and lone surrogates become U+FFFD."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no undecodable byte produced
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def read_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[bytes]:
    """The lines of ``stream``, each cut to ``limit`` bytes (the rest of a longer line is read
    and dropped); a last line without a newline is included."""
    while line := stream.readline(limit):
        rest = line
        while len(rest) == limit and not rest.endswith(b"\n"):
            rest = stream.readline(limit)
        yield line


def stdin_lines() -> Iterator[str]:
    """The lines of ``sys.stdin``, bounded and decoded leniently."""
    stdin = sys.stdin
    if stdin is None:
        return
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (tests, embedding)
        for line in stdin:
            yield clean_text(line[:MAX_LINE_BYTES])
        return
    for raw in read_lines(buffer):
        yield raw.decode("utf-8", "replace")
