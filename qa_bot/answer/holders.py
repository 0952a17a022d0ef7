"""Who holds an office, by the surname the article calls them. A news story names someone once by
office and name («al exalcalde de San Vicente de la Vega Eduardo Montaner», «su directora, Yaiza
Hernández») and then by the surname alone («El tribunal considera probado que Montaner…»): a
passage that names «Montaner» speaks of the «exalcalde» a reader asks about («¿Cuánto dinero cobró
el exalcalde en sobornos?») though it never says the word. ``support`` credits the office there.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from qa_bot.answer.bodies import article_passages
from qa_bot.answer.people import NAME_PARTICLES, PLACE_PREPOSITIONS
from qa_bot.answer.roles import PERSON_ROLES
from qa_bot.index.protocol import SearchIndex
from qa_bot.text import name_spans
from qa_bot.text.analysis import fold
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence

# How far after the office its holder's name may come, in characters: «el exalcalde de San
# Vicente de la Vega Eduardo Montaner», «el administrador de la agencia, Ayoze Cabrera Medina».
_AFTER_WITHIN = 45
# What comes before a place rather than a person («el alcalde de Puerto Carey»).
_BEFORE_PLACE = PLACE_PREPOSITIONS | {"del", "con"}


def office_of(stem_: str) -> bool:
    """Whether a question's stem names an office or a bond, or a former one («exalcalde»)."""
    return stem_ in PERSON_ROLES or (stem_.startswith("ex") and stem_[2:] in PERSON_ROLES)


def _tail(words: list[str]) -> list[str]:
    """The capitalized words that end a name, past its last particle («Vega Eduardo Montaner» of
    «San Vicente de la Vega Eduardo Montaner»)."""
    tail: list[str] = []
    for word in reversed(words):
        if word.lower() in NAME_PARTICLES or not word[:1].isupper():
            break
        tail.insert(0, word)
    return tail


def _surname_after(text: str, end: int) -> str | None:
    """The surname of the person named shortly after an office ending at ``end``: two or more
    capitalized words, not a place after a preposition («el alcalde de Puerto Carey, Wilfredo
    Santiago Colón» → «Colón»); behind a place, three («…de la Vega Eduardo Montaner»)."""
    for start, stop in name_spans.names(text):
        if start < end:
            continue
        between = text[end:start]
        if start - end > _AFTER_WITHIN or any(mark in between for mark in '.;:«»"()'):
            return None
        words = text[start:stop].split()
        tail = _tail(words)
        before = between.split()[-1:]
        placed = bool(before) and before[0].lower() in _BEFORE_PLACE
        if len(tail) >= (3 if placed or len(tail) < len(words) else 2):
            return tail[-1]
    return None


def _surname_before(text: str, start: int) -> str | None:
    """The surname of the person named right before an office in apposition: «Montaner,
    exalcalde de…», «Montaner, el exalcalde…»."""
    before = text[:start].rstrip()
    for word in ("el", "la"):
        if before.lower().endswith(" " + word):
            before = before[: -len(word)].rstrip()
    if not before.endswith(","):
        return None
    words = before[:-1].split()
    return words[-1] if words and words[-1][:1].isupper() and len(words) > 1 else None


# The surnames found per index and (office, article): the support asks for them again with each
# question about the same article; forgotten with the index.
_FOUND: WeakKeyDictionary[SearchIndex, dict[tuple[str, int, int], frozenset[str]]] = (
    WeakKeyDictionary()
)


def holder_surnames(index: SearchIndex, office: str, lo: int, hi: int) -> frozenset[str]:
    """The surnames (folded) the article (passages ``lo .. hi - 1``) gives beside the office
    ``office`` (a stem); remembered, as the support asks it again for each question."""
    known = _FOUND.setdefault(index, {})
    key = (office, lo, hi)
    if key not in known:
        known[key] = _surnames(index, office, lo, hi)
    return known[key]


def _surnames(index: SearchIndex, office: str, lo: int, hi: int) -> frozenset[str]:
    found = set()
    for k in article_passages(index, [office], lo, hi):
        for sentence in index.sentences(k):
            for term, token in sentence.spans:
                if term != office:
                    continue
                name = _surname_after(sentence.text, token.end) or _surname_before(
                    sentence.text, token.start
                )
                if name is not None and len(name) > 2:
                    found.add(fold(name.lower()))
    return frozenset(found)


def offices_held(
    index: SearchIndex,
    question: ParsedQuestion,
    sentences: tuple[AnalyzedSentence, ...],
    lo: int,
    hi: int,
) -> set[str]:
    """The question's offices (stems) that ``sentences`` do not say but whose holder they name by
    the surname the article (passages ``lo .. hi - 1``) gives them."""
    if not sentences:
        return set()
    said = {term for s in sentences for term, _ in s.spans}
    folded = {t.folded for s in sentences for t in s.words}
    return {
        t.stem
        for t in question.terms
        if office_of(t.stem)
        and t.stem not in said
        and holder_surnames(index, t.stem, lo, hi) & folded
    }
