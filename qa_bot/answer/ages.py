"""Whether «N años» in a sentence is someone's age: «Fermín Andújar, de 72 años,», not «en dos
años» (a span of time) nor «una condena, de 12 años» (a sentence)."""

from __future__ import annotations

import re

Span = tuple[int, int]

# Words before «N años» that make it a span of time, not someone's age: «en dos años», «hace diez
# años», «durante tres años», «un plazo de dos años», «los últimos cinco años».
_SPAN_OF_TIME = frozenset(
    "en hace durante desde tras cada plazo ultimos últimos proximos próximos cumplidos".split()
)


def an_age_span(text: str, span: Span) -> bool:
    """Whether the span of time ``span`` («N años») may be someone's age: not «en dos años»."""
    if "año" not in text[span[0] : span[1]]:
        return False
    before = text[: span[0]].split()[-2:]
    return not any(w.lower().strip(',;:(«"') in _SPAN_OF_TIME for w in before)


# «Fermín Andújar, de 72 años», «Fermín Andújar (72 años)», «Andújar, jubilado de 72 años»: a
# capitalized word, then the age set off by a comma or a parenthesis.
_AGE_BEFORE_RE = re.compile(r"\b[A-ZÁÉÍÓÚÑ][\w'-]*(?:,(?:\s+[a-záéíóúñü]+)?\s+de|\s+\()\s*$")
_AGE_AFTER_RE = re.compile(r"^(?:\s+de\s+edad)?\s*(?:[,.;)]|$)")


def an_age(text: str, span: Span) -> bool:
    """Whether ``span`` is «N años» set off after a name: «Fermín Andújar, de 72 años,», not
    «una condena, de 12 años,» nor «El estadio, de 90 años»."""
    if not text[span[0] : span[1]].rstrip().endswith("años"):
        return False
    before = text[max(0, span[0] - 60) : span[0]]
    return bool(_AGE_BEFORE_RE.search(before)) and bool(_AGE_AFTER_RE.match(text[span[1] :]))
