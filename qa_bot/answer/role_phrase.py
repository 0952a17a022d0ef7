"""The answer phrase of someone's office asked: «¿Qué cargo tiene Shoigu?» is answered by the
apposition beside the name in the sentence shown, «Sergei Shoigu, el ministro de Defensa ruso,» or
«el ministro de Defensa ruso, Sergei Shoigu», not by the whole sentence."""

from __future__ import annotations

import re

from qa_bot.text.analysis import stem
from qa_bot.text.lazy import Lazy
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence

# The nouns that ask someone's office after «qué» or «cuál es el» (folded).
_OFFICE_NOUNS = frozenset("cargo puesto profesion oficio".split())
_DETERMINERS = r"(?:el|la|los|las|un|una|su)"
# After the name: «, el ministro de Defensa ruso,» up to the next comma or the sentence's end.
_AFTER_RE = Lazy(rf",\s+({_DETERMINERS}\s+[^,.;:«»()]+?)\s*(?=[,.;:]|$)", re.IGNORECASE)
# Before the name: «…, el ministro de Defensa ruso, Sergei Shoigu», «Lo anunció la presidenta del
# comité, Marta Iglesias»: from the first determiner after the comma (or the start) before it.
_BEFORE_RE = Lazy(rf"(?:^|,)[^,.;:]*?\b({_DETERMINERS}\s+[^,.;:«»()]+?),\s*$", re.IGNORECASE)


def asks_office(question: ParsedQuestion) -> bool:
    """Whether ``question`` asks someone's office: «¿Qué cargo tiene…?», «¿Cuál es el puesto
    de…?», «¿A qué se dedica…?»."""
    words = question.words
    for i, word in enumerate(words):
        rest = [w for w in words[i + 1 : i + 4] if w not in ("es", "era", "el", "la")]
        if word in ("que", "cual") and rest[:1] and rest[0] in _OFFICE_NOUNS:
            return True
    return "dedica" in words and "que" in words


def office_span(question: ParsedQuestion, sentence: AnalyzedSentence) -> tuple[int, int] | None:
    """The apposition beside a name the question gives, in ``sentence``, or None."""
    named = {t.stem for t in question.terms}
    words = sentence.words
    for k, token in enumerate(words):
        if not token.text[:1].isupper() or stem(token.lower) not in named:
            continue
        first, last = k, k  # the run of capitalized words around it: «Sergei Shoigu»
        while first > 0 and words[first - 1].text[:1].isupper():
            first -= 1
        while last + 1 < len(words) and words[last + 1].text[:1].isupper():
            last += 1
        # «la presidenta del comité, Marta Iglesias, tras…»: the name is the apposition, and
        # what follows it is the rest of the sentence.
        before = _BEFORE_RE.re.search(sentence.text[: words[first].start])
        if before is not None:
            return before.span(1)
        after = _AFTER_RE.re.match(sentence.text, words[last].end)
        if after is not None:
            return after.span(1)
    return None
