"""Indexing progress for the faces: one line on stderr, redrawn in place, only when it helps.

Nothing is drawn unless the stream is a terminal, and nothing before ``DELAY`` seconds have passed
(the bundled article is indexed in milliseconds). ``finish()`` erases the line. No prompt-toolkit:
this runs on the single-shot path of ``qa-bot ask``.
"""

from __future__ import annotations

import time
from typing import TextIO

from qa_bot.console.render import thousands

DELAY = 0.5


class TerminalProgress:
    """A ``progress(done, total)`` callback that draws "indexando N/M pasajes" on a terminal."""

    def __init__(self, stream: TextIO, delay: float = DELAY) -> None:
        self.stream = stream
        self.delay = delay
        self.started = time.monotonic()
        self.drawn = False
        try:
            self.enabled = stream.isatty()
        except (AttributeError, ValueError):
            self.enabled = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or time.monotonic() - self.started < self.delay:
            return
        percent = 100 * done // max(total, 1)
        count = f"{thousands(done)}/{thousands(total)}"
        self.stream.write(f"\rqa-bot: indexando {count} pasajes ({percent} %)…")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        """Erase the progress line, if one was drawn."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
