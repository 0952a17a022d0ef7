"""Words and figures that state a quantity: what answers «¿Cuántos…?» on its own («410»,
«doscientos», «varios»), read by the sentence evidence (``evidence.py``), the counts of people
(``people_counts.py``) and the kinds of datum (``kinds.py``)."""

from __future__ import annotations

import re

_DIGIT_RE = re.compile(r"\d")
NUMBER_WORDS = frozenset(
    "uno una dos tres cuatro cinco seis siete ocho nueve diez once doce veinte treinta cuarenta "
    "cincuenta cien ciento cientos mil miles millon millones docena docenas mitad tercio cuarto "
    "medio "
    "porcentaje".split()
)
# What can answer "¿cuántos…?" on its own. Not "una" (an article far more often than a count),
# "medio" ("en medio de") nor "cuarto" (a room as often as a fourth).
_QUANTITY_WORDS = (NUMBER_WORDS - {"una", "medio", "cuarto"}) | frozenset(
    "cero trece catorce quince sesenta setenta ochenta noventa quinientos decena decenas "
    "centenar centenares millar millares billon billones varios varias numerosos numerosas "
    "ningun ninguno ninguna pocos pocas muchos muchas cantidad".split()
)
# Compound numerals: dieciséis, veintitrés, doscientos, setecientas (folded).
_COMPOUND_NUMBER_RE = re.compile(r"(?:dieci|veinti)\w+|\w+cient[oa]s")


def is_quantity(word: str) -> bool:
    """Whether folded ``word`` states a quantity: a figure, a number word, a compound numeral."""
    return bool(
        _DIGIT_RE.search(word) or word in _QUANTITY_WORDS or _COMPOUND_NUMBER_RE.fullmatch(word)
    )
