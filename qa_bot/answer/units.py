"""Units of measure, by what they measure, and whether a sentence gives a figure in one of a kind.

A figure in a unit of another kind is never the reader's word for the one asked («¿Cuántos metros
cuadrados tiene cada chalé?» is not answered by «165.000 euros cada uno, a 14 kilómetros»); one of
the same kind, or its symbol, is («5 500 000 km2», «1,5 gigatoneladas», «a 14 kilómetros»).
"""

from __future__ import annotations

import re
from functools import cache

from qa_bot.text.analysis import stem
from qa_bot.text.lazy import Lazy
from qa_bot.text.question import ParsedQuestion, QuestionTerm

_SQUARE = r"(?:metros|kil[oó]metros|millas|pies|varas)\s+cuadrad[oa]s"
_CUBIC = r"(?:metros|hect[oó]metros|kil[oó]metros)\s+c[uú]bicos"
_PER_HOUR = r"(?:kil[oó]metros|km|millas|metros)\s*(?:por\s+hora|/\s*h\b|por\s+segundo)|nudos"
_RAINFALL = r"(?:litros|l)\s*(?:por\s+metro\s+cuadrado|/\s*m2|/\s*m²)|mil[ií]metros|mm"
# The units of each kind, as written after a figure; a plural stands for its singular too.
UNITS: dict[str, str] = {
    "length": "metros kilómetros centímetros milímetros millas pies km kms m cm mm",
    # «12 manzanas» (Central America), «40 cuadras» (the River Plate), «fanegas» (Spain)
    "area": "hectáreas acres manzanas cuadras fanegas fanegadas km2 km² m2 m² ha",
    "weight": "kilos kilogramos gramos toneladas libras arrobas quintales kg kgs g t tn",
    "volume": "litros hectolitros m3 m³ hm3 hm³ l",
    "degrees": "grados ºc °c º °",
}
# Kinds also given in the units of another («de 62 por 48 centímetros» is a size).
_ALSO = {"size": ("length", "area")}
# Units of two words, beside those of UNITS.
_EXTRA = {"area": _SQUARE, "volume": _CUBIC}
# Kinds given only in phrases («8 kilómetros por hora», «187 litros por metro cuadrado»).
_PHRASED = {"speed": _PER_HOUR, "rainfall": _RAINFALL}
# A unit asked by name: «¿Cuántos kilómetros…?»; only words, not symbols, and not those whose
# stem is another word's («libras» and «libros», «cuadras» and «cuadros», «manzanas», «pies»).
_NOT_ASKED = frozenset("libras manzanas cuadras pies".split())
_ASKED_KIND = {
    stem(unit): kind
    for kind, units in UNITS.items()
    for unit in units.split()
    if unit.isalpha() and len(unit) > 3 and unit not in _NOT_ASKED
}
# A figure (digits grouped by dots, commas or spaces, or a number word; «mil», «millones de») and,
# right after it, a unit of the kind asked, with a metric prefix («gigatoneladas»).
_NUMBER_WORDS = (
    "un una dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta "
    "cuarenta cincuenta cien medio media"
).replace(" ", "|")
_FIGURE = (
    rf"(?:\d(?:[\d.,]|\s(?=\d))*|\b(?:{_NUMBER_WORDS}))\s*"
    r"(?:(?:mil|millones|millón)\s+(?:de\s+)?)?"
)
_PREFIXES = r"(?:giga|mega|kilo|hecto|deca|deci|centi|mili)?"


def unit_kind(question: ParsedQuestion, term: QuestionTerm) -> str | None:
    """What the unit «¿Cuántos X…?» asks in measures («metros cuadrados» an area), or None when
    X is no unit."""
    kind = _ASKED_KIND.get(term.stem)
    words = list(question.words)
    after = words[words.index(term.folded) + 1 :] if term.folded in words else []
    if kind == "length" and after[:1] in (["cuadrados"], ["cuadradas"]):
        return "area"
    if kind == "length" and after[:1] == ["cubicos"]:
        return "volume"
    return kind


def gives_unit(text: str, kind: str) -> bool:
    """Whether ``text`` gives a figure in a unit of ``kind`` (a key of UNITS, "size", "speed" or
    "rainfall")."""
    return unit_span(text, kind) is not None


def unit_span(text: str, kind: str) -> tuple[int, int] | None:
    """The first figure of ``text`` in a unit of ``kind``, with its unit («18 millas», «62 por 48
    centímetros» from its first figure on), or None."""
    found = [m for k in _ALSO.get(kind, (kind,)) if (m := _pattern(k).search(text))]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    start = _size_start(text, first.start())
    return start, first.end()


_BY_RE = Lazy(r"(\d[\d.,]*\s+por\s+)+$")


def _size_start(text: str, at: int) -> int:
    """Where a size that ends at a figure begins: «10 por 10 por 34 centímetros»."""
    found = _BY_RE.re.search(text[:at])
    return found.start() if found else at


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    if kind in _PHRASED:
        units, plain, extra = _PHRASED[kind], "", ""
    else:
        units = "|".join(
            re.escape(u[:-1]) + "s?" if u.endswith("s") and len(u) > 3 else re.escape(u)
            for u in sorted(UNITS[kind].split(), key=len, reverse=True)
        )
        # «14 kilómetros» is a length, not «14 kilómetros cuadrados» nor «por hora»
        plain = "" if kind != "length" else r"(?!\s+(?:cuadrad|c[uú]bic|por\s+hora))"
        extra = f"|{_EXTRA[kind]}" if kind in _EXTRA else ""
    body = rf"{_FIGURE}(?:{_PREFIXES}(?:{units}){plain}(?!\w){extra})"
    return re.compile(body, re.IGNORECASE)
