"""«¿Qué distancia hay hasta la capital?», «¿De qué tamaño es el satélite?», «¿Cuánto llovió?»:
a measure asked by what it measures, not by its unit.

The answer is a figure in a unit of that kind («a 14 kilómetros», «10 por 10 por 34
centímetros», «187 litros por metro cuadrado», «21 grados bajo cero»), which a reader's words
seldom share with the sentence. ``measure_first`` shows first the best sentence of the top
article's leading passages that gives one beside a word of the question (``giving.py``);
``no_measure`` refuses when the sentence shown gives none.
"""

from __future__ import annotations

from qa_bot.answer.asked import MEASURE_NOUNS, asked_noun
from qa_bot.answer.candidates import Scored
from qa_bot.answer.case import Case
from qa_bot.answer.giving import giving_first
from qa_bot.answer.units import gives_unit
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.question import ParsedQuestion, QType

# The verbs that ask one right after «cuánto» («¿Cuánto mide…?», «¿Cuánto llovió?»); not «¿Qué
# unidad se mide…?».
_VERBS: dict[str, str] = {
    **dict.fromkeys("mide miden medira mediran media median".split(), "size"),
    **dict.fromkeys("pesa pesan pesaba pesaban pesara".split(), "weight"),
    **dict.fromkeys("llovio llueve llovera".split(), "rainfall"),
    **dict.fromkeys("ocupa ocupan".split(), "area"),
}
# Adjectives that ask one after «qué tan», «cuán», «cómo de» («¿Qué tan helado amaneció?», «¿Cómo
# de lejos…?»); not «qué tan alta es la fiebre» nor «qué tan rápido mata», which ask other things.
_ADJECTIVES: dict[str, str] = {
    **dict.fromkeys("lejos largo larga profundo profunda ancho ancha".split(), "length"),
    **dict.fromkeys("pesado pesada".split(), "weight"),
    **dict.fromkeys("helado helada frio fria".split(), "degrees"),
}
_WHICH = frozenset("que cual cuanta cuanto".split())
# What each kind is called in a refusal.
_NAMES = {
    "length": "una distancia o una longitud",
    "size": "un tamaño",
    "area": "una superficie",
    "weight": "un peso",
    "rainfall": "cuánto llovió",
    "degrees": "una temperatura",
    "speed": "una velocidad",
}


def asked_measure(question: ParsedQuestion) -> str | None:
    """The kind of measure ``question`` asks by what it measures, or None («¿Por qué se extendió
    tan rápido el fuego?» asks a reason)."""
    if question.qtype is QType.REASON:
        return None
    words = list(question.words)
    for i, word in enumerate(words):
        after = words[i + 1 :]
        if word == "de" and after[:2] in (["que", "tamaño"], ["que", "tamano"]):
            return "size"  # «¿De qué tamaño…?»; not «el tamaño promedio de los hogares»
        noun = asked_noun(after)
        if word in _WHICH and noun in MEASURE_NOUNS and " ".join(after[1:3]) != "de onda":
            return MEASURE_NOUNS[noun]
        verb = [w for w in after[:2] if w != "se"][:1]
        if word == "cuanto" and verb and verb[0] in _VERBS:
            return _VERBS[verb[0]]
        before = words[i - 1] if i else ""
        degree = (word, before) in (("tan", "que"), ("de", "como")) or word == "cuan"
        if degree and after[:1] and after[0] in _ADJECTIVES:
            return _ADJECTIVES[after[0]]
    return None


def measure_first(
    index: SearchIndex, question: ParsedQuestion, scored: list[Scored]
) -> list[Scored]:
    """``scored`` with the sentence that gives the measure asked first (``giving.giving_first``);
    unchanged when no measure is asked."""
    kind = asked_measure(question)
    if kind is None:
        return scored
    return giving_first(index, question, scored, lambda text: gives_unit(text, kind))


def gives_measure(question: ParsedQuestion, shown: str) -> bool:
    """Whether a measure is asked and ``shown`` gives one of its kind."""
    kind = asked_measure(question)
    return kind is not None and gives_unit(shown, kind)


def no_measure(case: Case) -> str | None:
    """A measure asked, and the sentence shown gives none of its kind."""
    kind = asked_measure(case.question)
    if kind is None or gives_unit(case.shown.text, kind):
        return None
    return f"La pregunta pide {_NAMES[kind]} y la frase del artículo que mejor encaja no lo dice."
