"""Whether «N años» in a sentence is someone's age: «Fermín Andújar, de 72 años,», not «en dos
años» (a span of time) nor «una condena, de 12 años» (a sentence); and whether a sentence gives the
age of someone named before it («La dirigenta, de 63 años, …»). The expressions compile on first
use (``lazy.Lazy``): most questions ask no age."""

from __future__ import annotations

import re
from itertools import pairwise

from qa_bot.text.lazy import Lazy
from qa_bot.text.sentences import AnalyzedSentence

Span = tuple[int, int]

# Words before «N años» that make it a span of time, not someone's age: «en dos años», «hace diez
# años», «durante tres años», «un plazo de dos años», «los últimos cinco años», «lleva 19 años
# dando clase».
_SPAN_OF_TIME = frozenset(
    "en hace durante desde tras cada plazo ultimos últimos proximos próximos cumplidos "
    "lleva llevaba llevan llevaban llevo llevamos".split()
)


def an_age_span(text: str, span: Span) -> bool:
    """Whether the span of time ``span`` («N años») may be someone's age: not «en dos años»."""
    if "año" not in text[span[0] : span[1]]:
        return False
    before = text[: span[0]].split()[-2:]
    return not any(w.lower().strip(',;:(«"') in _SPAN_OF_TIME for w in before)


# «Fermín Andújar, de 72 años», «Fermín Andújar (72 años)», «Andújar, jubilado de 72 años»,
# «Tomás Recio, un maestro jubilado de 71 años que…»: a capitalized word, then the age set off by
# a comma or a parenthesis (up to three words between them), and after it a stop or «que».
_AGE_BEFORE_RE = Lazy(r"\b[A-ZÁÉÍÓÚÑ][\w'-]*(?:,(?:\s+[a-záéíóúñü]+){0,3}\s+de|\s+\()\s*$")
_AGE_AFTER_RE = Lazy(r"^(?:\s+de\s+edad)?(?:\s*(?:[,.;)]|$)|\s+que\b)")


def an_age(text: str, span: Span) -> bool:
    """Whether ``span`` is «N años» set off after a name: «Fermín Andújar, de 72 años,», not
    «una condena, de 12 años,» nor «El estadio, de 90 años»."""
    if not text[span[0] : span[1]].rstrip().endswith("años"):
        return False
    before = text[max(0, span[0] - 60) : span[0]]
    return bool(_AGE_BEFORE_RE.re.search(before)) and bool(_AGE_AFTER_RE.re.match(text[span[1] :]))


# «El pozo, de 50 años de antigüedad»: the age of a thing, not of someone.
_OF_A_THING_RE = Lazy(r"\s+de\s+(?:antig|historia|vida|existencia)", re.IGNORECASE)
_YEARS_RE = Lazy(r"\ba[nñ]os\b", re.IGNORECASE)


def thing_age(text: str, end: int) -> bool:
    """Whether the «N años» ending at ``end`` of ``text`` is a thing's age («de antigüedad»)."""
    return _OF_A_THING_RE.re.match(text, end) is not None


# An age as the news states it: «La dirigenta, de 63 años,», «(63 años)», «tiene 63 años».
_STATED_AGE_RE = Lazy(
    r"(?:,\s*de|\(|\btiene|\bcumpl[eií]\w*)\s+\S+(?:\s+y\s+\S+)?\s+años\b", re.IGNORECASE
)
# Words that open a sentence about someone already named («La dirigenta, …», «Su hija, …»).
_OPENERS = frozenset("el la los las un una su sus este esta ese esa aquel aquella".split())


def age_of_someone_named_before(sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` states an age and names no one new, so that the age is of someone
    named before it: «La dirigenta, de 63 años, fue…»; not «Luis Arancibia, jubilado de 78 años,
    …», «La hija de Luis Arancibia, de 30 años, …» nor «Pedro, de 70 años, …» (two capitalized
    words in a row, unless inside a body's name, «la Asociación de Baloncestistas
    Profesionales»; or a single name opening it), nor the age of a thing («de 50 años de
    antigüedad») or a span of time («subió el doble en dos años»)."""
    words = sentence.words
    first = words[0] if words else None
    if (
        first is not None
        and first.text[:1].isupper()
        and first.folded not in _OPENERS
        and sentence.text[first.end : first.end + 1] == ","
    ):
        return False
    if any(thing_age(sentence.text, m.end()) for m in _YEARS_RE.re.finditer(sentence.text)):
        return False
    if not _STATED_AGE_RE.re.search(sentence.text):
        return False
    return not any(
        a.text[:1].isupper()
        and b.text[:1].isupper()
        and not (
            k >= 2 and words[k - 1].folded in ("de", "del") and words[k - 2].text[:1].isupper()
        )
        for k, (a, b) in enumerate(pairwise(words))
    )
