"""Question words as readers type them in a chat: «q dia es la consulta», «xq cerraron el
puente», «dnd es la concentración». Spelled out before a question is parsed, so that «q» asks
what «qué» asks instead of being searched for as a word."""

from __future__ import annotations

import re

# Whole words, lowercase as typed (folded: no accents to drop).
CHAT_WORDS = {
    "q": "qué",
    "xq": "por qué",
    "pq": "por qué",
    "porq": "por qué",
    "xk": "por qué",
    "pk": "por qué",
    "cdo": "cuándo",
    "qdo": "cuándo",
    "dnd": "dónde",
    "dnde": "dónde",
    "tb": "también",
    "tmb": "también",
    "tbn": "también",
    "xa": "para",
}
# As typed in lowercase, or capitalized at the start («Q dia es…»); not «Q» inside a name.
_CHAT_RE = re.compile(
    r"(?<![\w.,])("
    + "|".join(sorted(CHAT_WORDS, key=len, reverse=True))
    + r")(?![\w.,])|^\W*("
    + "|".join(w.capitalize() for w in sorted(CHAT_WORDS, key=len, reverse=True))
    + r")(?![\w.,])"
)


def spelled_out(question: str) -> str:
    """``question`` with the chat forms of its words spelled out («q» → «qué»)."""

    def spelled(match: re.Match[str]) -> str:
        typed = match.group(1) or match.group(2)
        start = match.start(1) if match.group(1) else match.start(2)
        return match.group(0)[: start - match.start()] + CHAT_WORDS[typed.lower()]

    return _CHAT_RE.sub(spelled, question)
