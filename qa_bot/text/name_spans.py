"""Spans of names and quotations in a sentence: runs of capitalized words («Universidad Nacional de
Córdoba») and the text between quotation marks. The patterns compile on first use
(``lazy.Lazy``)."""

from __future__ import annotations

from functools import lru_cache

from qa_bot.text.lazy import Lazy
from qa_bot.text.spans import UPPER

# Capitalized words, joined by nothing or by "de", "del", "de la", "y": "Universidad Nacional de
# Córdoba", "Fernando Aguirre".
_NAME_RE = Lazy(
    rf"[{UPPER}][\w'’.-]*(?:\s+(?:(?:de|del|de\s+la|de\s+los|de\s+las|y|e)\s+)?[{UPPER}][\w'’-]*)*"
)
_QUOTED_RE = Lazy(r"«([^»]{2,120})»|“([^”]{2,120})”|\"([^\"]{2,120})\"")


def names(text: str) -> list[tuple[int, int]]:
    """Runs of capitalized words ("Universidad Nacional de Córdoba"), trailing dots dropped."""
    out = []
    for m in _NAME_RE.re.finditer(text):
        start, end = m.span()
        while end > start and text[end - 1] in ".-’'":
            end -= 1
        out.append((start, end))
    return out


def quoted(text: str) -> list[tuple[int, int]]:
    """The text inside «…», “…” or "…" (without the marks)."""
    return [m.span(m.lastindex or 0) for m in _QUOTED_RE.re.finditer(text)]


@lru_cache(maxsize=1)
def leading_words() -> frozenset[str]:
    """Capitalized words that open a sentence without being a name ("La", "Según", "Con")."""
    return frozenset(
        "el la los las un una unos unas en con para por según segun de del desde tras ante "
        "entre sin sobre hasta y o pero si su sus este esta estos estas ese esa al lo".split()
    )
