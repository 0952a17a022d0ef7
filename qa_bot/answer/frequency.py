"""«¿Cada cuánto pasa el tren?», «¿Con qué frecuencia pasa el banco móvil?»: how often.

The answer is a frequency («cada 15 minutos», «todos los miércoles», «una vez cada quince días»,
«dos veces al mes», «a diario»), which the reader's words seldom share with the sentence:
``frequency_first`` shows first the sentence of the top article's leading passages that gives one
beside a word of the question (``giving.py``), and ``no_frequency`` refuses a sentence that gives
none.
"""

from __future__ import annotations

import re

from qa_bot.answer.candidates import Scored
from qa_bot.answer.case import Case
from qa_bot.answer.giving import giving_first
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.lazy import Lazy
from qa_bot.text.question import ParsedQuestion

NO_FREQUENCY = (
    "La pregunta pide cada cuánto ocurre algo y la frase del artículo que mejor encaja no lo dice."
)
_HOW_OFTEN = frozenset("cuanto cuanta".split())
_COUNT = (
    r"(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta)"
)
_PERIOD = (
    r"(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|quincenas?|mes(?:es)?|años?|lunes|martes|"
    r"mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?|mañanas?|tardes?|noches?|invierno|verano)"
)
_FREQUENCY_RE = Lazy(
    rf"\bcada\s+(?:{_COUNT}\s+)?{_PERIOD}\b"
    rf"|\b(?:todos|todas)\s+los\s+{_PERIOD}\b|\btodas\s+las\s+{_PERIOD}\b"
    rf"|\b{_COUNT}\s+(?:vez|veces)\s+(?:al|a\s+la|por|cada|en\s+el|en\s+la)\b"
    r"|\b(?:a\s+diario|diariamente|semanalmente|mensualmente|anualmente|quincenalmente)\b"
    r"|\b(?:diari[oa]s|semanales|mensuales|anuales)\b"
    r"|\bfrecuencias?\s+de\b"
    # an answer in words, as encyclopedias give it («ocasionalmente», «a menudo»)
    r"|\b(?:a\s+veces|a\s+menudo|ocasionalmente|raramente|rara\s+vez|frecuentemente|"
    r"con\s+frecuencia|habitualmente|regularmente|peri[oó]dicamente|espor[aá]dicamente)\b",
    re.IGNORECASE,
)


def asks_frequency(question: ParsedQuestion) -> bool:
    """Whether ``question`` asks how often: «cada cuánto (tiempo)», «con qué frecuencia»."""
    words = list(question.words)
    return any(
        (w == "cada" and words[i + 1 : i + 2] and words[i + 1] in _HOW_OFTEN)
        or (w == "que" and words[i + 1 : i + 2] == ["frecuencia"])
        for i, w in enumerate(words)
    )


def gives_frequency(text: str) -> bool:
    """Whether ``text`` says how often something happens."""
    return frequency_span(text) is not None


def frequency_span(text: str) -> tuple[int, int] | None:
    """Where ``text`` first says how often («cada 15 minutos», «todos los miércoles»), or None."""
    found = _FREQUENCY_RE.re.search(text)
    return None if found is None else found.span()


def frequency_first(
    index: SearchIndex, question: ParsedQuestion, scored: list[Scored]
) -> list[Scored]:
    """``scored`` with the sentence that gives a frequency first, for a question that asks how
    often; unchanged otherwise."""
    if not asks_frequency(question):
        return scored
    return giving_first(index, question, scored, gives_frequency)


def no_frequency(case: Case) -> str | None:
    """How often asked, and the sentence shown does not say."""
    if not asks_frequency(case.question) or gives_frequency(case.shown.text):
        return None
    return NO_FREQUENCY
