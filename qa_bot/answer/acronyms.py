"""A name given the other way, as an acronym or its expansion: «PP» for «Partido Popular», «UD» for
«Unión Deportiva Portovello», «Partido Popular» for «PP». Read by ``names`` and ``bodies``: a name
the article gives the other way is not absent."""

from __future__ import annotations

from qa_bot.index.protocol import SearchIndex
from qa_bot.text import name_spans
from qa_bot.text.analysis import stem
from qa_bot.text.question import QuestionTerm

_NAME_LINKS = frozenset("de del la las los el y e".split())
# An acronym's expansion is looked for in at most this many passages of the article.
ACRONYM_SCAN = 5000


def is_acronym(word: str) -> bool:
    """Whether ``word`` is written like an acronym: «PP», «UGT», «CESM»."""
    return word.isupper() and word.isalpha() and 2 <= len(word) <= 6


def initials(words: list[str]) -> str:
    """The capitals of a name's words, its linking words left out: «PP» of «Partido Popular»."""
    return "".join(w[0] for w in words if w.lower() not in _NAME_LINKS).upper()


def as_acronym(index: SearchIndex, words: list[QuestionTerm], lo: int, hi: int) -> bool:
    """Whether the article gives the name the other way: «PP» for «Partido Popular» in the
    article (or the start of a longer name: «UD» for «Unión Deportiva Portovello»), or «Partido
    Popular» for «PP»."""
    typed = [t.word or t.lower for t in words]
    if len(typed) == 1 and typed[0].isupper() and 2 <= len(typed[0]) <= 6:
        for k in range(lo, min(hi, lo + ACRONYM_SCAN)):
            text = index.passages[k].text
            for start, end in name_spans.names(text):
                run = text[start:end].split()
                # «UD» in «la Unión Deportiva Portovello»
                if len(run) >= 2 and initials(run).startswith(typed[0]):
                    return True
        return False
    acronym = initials(typed)
    return len(acronym) >= 2 and bool(index.doc_freq_in(stem(acronym.lower()), lo, hi))
