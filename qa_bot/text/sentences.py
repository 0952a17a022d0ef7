"""Spanish sentence splitting with exact character offsets.

A sentence ends at ``.``, ``!``, ``?``, ``…`` (and closing quotes or brackets after them) when
whitespace follows and the next sentence starts like one (a capital, a digit, ``¿``, ``¡``, a quote
or a dash). A period does not end a sentence after a known abbreviation ("Sr.", "EE. UU.", "etc.")
or a single capital initial ("J. K. Rowling"); "1,5" and "1.500" never contain a break.

Line breaks inside a paragraph are usually hard wrapping and do not end a sentence, except in the
Markdown an article may be written in: a line that starts a list item ("- ", "* ", "1. ") or a
heading ("# ") starts a new sentence, and a heading line ends one, punctuation or not. A bullet
("• ", as a Markdown list item is read) starts a sentence but is not part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from qa_bot.text.analysis import Token, fold, stem, stopwords, tokens

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
# The line break before a list item or a heading, and the end of a heading line.
_LINE_BREAK_RE = re.compile(
    r"\n(?=[ \t]*(?:[-*+•]|\d{1,3}[.)]|#{1,6})[ \t])|(?m:^[ \t]*#{1,6}[ \t][^\n]*(?=\n))"
)


_WORD_AFTER_RE = re.compile(r"\s+(\w+)")
# Words that open a sentence and never follow an initial in a name: «un plan B. En el…».
_OPENERS = frozenset(
    "el la los las un una unos unas en con para por segun desde tras ante este esta estos estas "
    "ese esa esos esas su sus no sin se lo le al y pero aunque mientras tambien ademas asi "
    "ya hoy ayer".split()
)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    match = _WORD_BEFORE_RE.search(text, 0, dot)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isalpha() and word.isupper():
        # «J. K. Rowling», not «un plan B. En el instituto…»: an initial comes before a name
        following = _WORD_AFTER_RE.match(text, dot + 1)
        return not (following and fold(following.group(1)) in _OPENERS)
    folded = fold(word).strip(".")
    return folded in ABBREVIATIONS or folded.split(".")[-1] in ABBREVIATIONS


def _is_list_number(text: str, start: int, dot: int) -> bool:
    """True when the line holds only a number of 1 to 3 digits before the period at ``dot``."""
    line = text[max(text.rfind("\n", start, dot) + 1, start) : dot].strip()
    return line.isdigit() and len(line) <= 3


def trimmed_spans(
    text: str, spans: Iterable[tuple[int, int]], lead: str = ""
) -> list[tuple[int, int]]:
    """``spans`` of ``text`` without their outer whitespace (nor a leading ``lead`` character,
    such as a list bullet); those left empty are dropped."""
    out = []
    for start, end in spans:
        while start < end and (text[start].isspace() or text[start] in lead):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text[start:end]``, trimmed of whitespace."""
    end = len(text) if end is None else end
    cuts: set[int] = set()
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
        if punct == "." and _is_list_number(text, start, match.start()):
            continue  # "1. Pedir cita": the number of a list item
        cuts.add(match.end())
    if text.find("\n", start, end) != -1:
        cuts.update(m.end() for m in _LINE_BREAK_RE.finditer(text, start, end))
    bounds = [start, *sorted(c for c in cuts if start < c < end), end]
    return trimmed_spans(text, pairwise(bounds), lead="•")


@dataclass(frozen=True, slots=True)
class AnalyzedSentence:
    """A sentence of a passage (offsets inside the passage text) and its analyzed tokens."""

    start: int
    end: int
    text: str
    spans: tuple[tuple[str, Token], ...]
    words: tuple[Token, ...]


def analyze_sentences(passage: str) -> tuple[AnalyzedSentence, ...]:
    """The sentences of the text ``passage`` with their (term, token) pairs and all their words."""
    out = []
    stop = stopwords()
    for start, end in sentence_spans(passage):
        text = passage[start:end]
        words = tuple(tokens(text))  # once: term_spans(text) would tokenize it again
        spans = tuple((stem(t.lower), t) for t in words if t.folded not in stop)
        out.append(AnalyzedSentence(start, end, text, spans, words))
    return tuple(out)
