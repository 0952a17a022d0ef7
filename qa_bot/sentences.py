"""Spanish sentence splitting with exact character offsets.

A sentence ends at ``.``, ``!``, ``?``, ``…`` (and closing quotes or brackets after them) when
whitespace follows and the next sentence starts like one (a capital, a digit, ``¿``, ``¡``, a quote
or a dash). A period does not end a sentence after a known abbreviation ("Sr.", "EE. UU.", "etc.")
or a single capital initial ("J. K. Rowling"); "1,5" and "1.500" never contain a break.
"""

from __future__ import annotations

import re

from qa_bot.analysis import fold

# Folded, without the final period. Lower-case abbreviations never end a sentence before a capital
# either ("aprox. Madrid" is rare; "Sr. López" is common).
ABBREVIATIONS = frozenset(
    """
    sr sra srta sres sras dr dra dres lic ing arq prof profa d dna dña ud uds vd vds
    ee uu ee.uu eeuu gral cnel cap tte sgto mons fr sto sta
    etc aprox approx pag pags p pp cap caps vol vols num nro no n art arts inc ltd cia
    av avda c cl pza ctra km kg cm mm min max tel fig figs ed eds trad coord dir
    a.c d.c a.m p.m s.a s.l e.g i.e vs op cit ibid
    ene feb mar abr may jun jul ago sep sept oct nov dic
    """.split()
)

_BREAK_RE = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s)")
_NEXT_START_RE = re.compile(r"\s+[\"'«“‘(\[¿¡—–\-]*[\dA-ZÁÉÍÓÚÑÜ]")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    match = _WORD_BEFORE_RE.search(text, 0, dot)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True
    folded = fold(word).strip(".")
    return folded in ABBREVIATIONS or folded.split(".")[-1] in ABBREVIATIONS


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text[start:end]``, trimmed of whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BREAK_RE.finditer(text, start, end):
        punct = match.group()
        if (
            punct.startswith(".")
            and len(punct.rstrip("\"'»”’)]")) == 1
            and _is_abbreviation(text, match.start())
        ):
            continue
        if not _NEXT_START_RE.match(text, match.end(), end):
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed
