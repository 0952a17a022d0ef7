"""Regular expressions compiled on first use, for the span finders and the checks that read
sentences (``spans.py``, ``clauses.py``, ``answer/kinds.py``…)."""

from __future__ import annotations

import re


class Lazy:
    """A regular expression compiled on first use: a question pays only for the kinds of span
    it looks for (compiling them all costs ~12 ms of ``qa-bot ask``'s cold start)."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def re(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled
