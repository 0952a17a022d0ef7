"""Clauses of Spanish text that answer a question: what a cause word introduces («porque no
caducan») and what follows a verb («¿Qué propone el PP?» -> «bonificar el IBI…»). Each runs to the
next comma or clause break, at most ``MAX_CLAUSE_WORDS`` words; a comma or a period inside a number
(«80.000 pesos») ends nothing.
"""

from __future__ import annotations

import re

from qa_bot.text.lazy import Lazy

# "porque" and "por" stay in the phrase ("porque no caducan"); the other cues introduce it.
_CAUSE_RE = Lazy(
    r"\b(?P<keep>porque|a\s+ra[ií]z\s+de|por\s+(?=(?:el|la|los|las|un|una|su|sus)\s))"
    r"|\b(?:ya\s+que|puesto\s+que|dado\s+que|debido\s+a|a\s+causa\s+de|gracias\s+a"
    r"|se\s+deb(?:e|en|i[oó]|ieron|[ií]a|[ií]an)\s+(?:(?:sobre\s+todo|principalmente|en\s+parte)\s+)?a)\s+",
    re.I,
)
# A comma or a period ends a clause, but not inside a number («80.000 pesos», «2,5 millones»).
_CLAUSE_END_RE = Lazy(r"[,.](?!\d)|[;:»”\"()—]|\s(?:y|pero|aunque|mientras)\s")
MAX_CLAUSE_WORDS = 14


_OBJECT_END_RE = Lazy(r"[,.](?!\d)|[;:»”\"()—]|\s(?:que|pero|aunque|mientras|según)\s")


# A short aside between a verb and what it says: «propone, en cambio, bonificar…».
_ASIDE_AFTER_VERB_RE = Lazy(r"\s*,\s*(?:\w+\s+){0,2}\w+\s*,\s*")
# What opens the object itself: a completive «que» («reclamó que el límite…»), a quotation mark.
_OBJECT_OPENING_RE = Lazy(r"\s*(?:que\s+|[«“\"]\s*)")


def clause_after(text: str, start: int) -> tuple[int, int] | None:
    """The words from ``start`` to the next comma or clause break, at most ``MAX_CLAUSE_WORDS``;
    past a short aside after the verb, and with the «que» or opening quotation mark that starts
    the object («reclamó que el límite se extienda…», «pidió «usar todas las herramientas»»)."""
    aside = _ASIDE_AFTER_VERB_RE.re.match(text, start)
    if aside:
        start = aside.end()
    opening = _OBJECT_OPENING_RE.re.match(text, start)
    if opening:
        quoted = opening.group().strip() in '«“"'
        start = opening.end() if quoted else start
        stop = _OBJECT_END_RE.re.search(text, start if quoted else opening.end())
    else:
        stop = _OBJECT_END_RE.re.search(text, start)
    end = stop.start() if stop else len(text)
    words = list(re.finditer(r"\S+", text[start:end]))
    if not words or len(words) > MAX_CLAUSE_WORDS:
        return None
    return start + words[0].start(), start + words[-1].end()


def causes(text: str) -> list[tuple[int, int]]:
    """The clause a cause word introduces, to the next comma or clause break, at most
    ``MAX_CLAUSE_WORDS`` words: "porque no caducan", "[debido a] la aparición de un acuífero"."""
    out = []
    for m in _CAUSE_RE.re.finditer(text):
        start = m.start() if m.group("keep") else m.end()
        stop = _CLAUSE_END_RE.re.search(text, m.end())
        end = stop.start() if stop else len(text)
        words = list(re.finditer(r"\S+", text[start:end]))
        if len(words) > MAX_CLAUSE_WORDS:
            end = start + words[MAX_CLAUSE_WORDS - 1].end()
        end = len(text[:end].rstrip())
        if end - start > len(m.group()) + 1:
            out.append((start, end))
    return out
