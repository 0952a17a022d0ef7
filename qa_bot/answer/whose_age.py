"""Whose age a sentence gives, and the sentence that gives the age a question asks.

News state an age beside the person («Quiroga, de 41 años»), beside a role that stands for
someone named before («… de la cineasta, de 36 años», «…», declaró el regidor, de 52 años) or in
an apposition («Ramiro Funes, un jubilado de 74 años»). A reader asks it by name or by role
(«¿Qué edad tiene la nueva intendenta?», when the article says «Quiroga, la nueva intendenta,»).
``age_sentence`` finds, among an article's passages, the sentence that gives the age of the one
asked: ``respond.rank`` shows it when the best sentence gives no age. By the shape of the text,
with no list of names nor of roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from qa_bot.answer.ages import an_age_span
from qa_bot.answer.followup import DETERMINERS
from qa_bot.answer.people import ONE_WORD_PLACE
from qa_bot.text import spans
from qa_bot.text.analysis import Token, stem, stopwords
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence

# A role's determiner and its gender: «la cineasta» is not «el cineasta».
_GENDER = {"el": "m", "del": "m", "al": "m", "la": "f", "un": "m", "una": "f", "su": None}
_DEFINITE = frozenset(("el", "del", "al", "la"))
_PARTICLES = frozenset("de del la las los y van von".split())
# What sets off an age after the one it is of: «, de 41 años», «(41 años)», «, jubilado de 74
# años», «tiene 41 años».
_MARKER_RE = re.compile(
    r"(?:,\s*(?:(?:un|una)\s+)?(?:[a-záéíóúñü]+\s+)?de|\(|\b(?:tiene|tenía|cumpl\w+))\s*$"
)
# «El pozo, de 50 años de antigüedad»: the age of a thing.
_OF_A_THING_RE = re.compile(r"\s+de\s+(?:antig|historia|vida|existencia)", re.IGNORECASE)
# The verbs after which «¿Qué edad tiene X?» names X (folded).
_AGE_VERBS = frozenset("tiene tienen tenia tenian tendra cumple cumplio cumplira".split())


@dataclass(frozen=True, slots=True)
class Person:
    """Someone an age is of: the folded words of a name, and the stems of the roles given them."""

    name: tuple[str, ...] = ()
    roles: frozenset[str] = field(default_factory=frozenset)
    gender: str | None = None


def _capitalized(token: Token) -> bool:
    return token.text[:1].isupper() and token.folded not in stopwords()


def _name_runs(sentence: AnalyzedSentence, known: set[str]) -> list[tuple[int, int]]:
    """The token ranges of the names in ``sentence``: capitalized words, with particles inside
    («Íñigo de la Serna»); a sentence's first word only when the article capitalizes it
    elsewhere too (``known``): «Quiroga, la nueva…», not «Tercero quedó…»."""
    words = sentence.words
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        if _capitalized(words[k]) and (k > 0 or words[k].folded in known):
            end = k + 1
            while end < len(words) and not _gap(sentence, end - 1, end).strip():
                if _capitalized(words[end]):
                    end += 1
                elif (
                    words[end].folded in _PARTICLES
                    and end + 1 < len(words)
                    and _capitalized(words[end + 1])
                    and not _gap(sentence, end, end + 1).strip()
                ):
                    end += 2
                else:
                    break
            runs.append((k, end))
            k = end
        else:
            k += 1
    return runs


def known_names(sentences: Iterable[AnalyzedSentence]) -> set[str]:
    """The folded words an article capitalizes inside a sentence: its names."""
    return {w.folded for s in sentences for w in s.words[1:] if _capitalized(w)}


def _role_before(sentence: AnalyzedSentence, end: int) -> tuple[frozenset[str], str | None]:
    """The lowercase words of a noun phrase ending at token ``end`` that a determiner opens, and
    its gender («la nueva intendenta» → {nuev, intendent}, "f"; «Su hija» → {hij}, None), or
    nothing."""
    words = sentence.words
    for k in range(end - 1, max(-1, end - 4), -1):
        w = words[k]
        if w.folded in _GENDER and (w.text.islower() or k == 0):
            roles = [x for x in words[k + 1 : end] if x.text.islower()]
            if (
                roles
                and len(roles) == end - k - 1
                and not any(x.folded in stopwords() for x in roles)
            ):
                return frozenset(stem(x.lower) for x in roles), _GENDER[w.folded]
            return frozenset(), None
        if not w.text.islower() or w.folded in stopwords():
            break
    return frozenset(), None


def _gap(sentence: AnalyzedSentence, a: int, b: int) -> str:
    """The text between tokens ``a`` and ``b`` of ``sentence`` (``a`` before ``b``)."""
    words = sentence.words
    return sentence.text[words[a].end : words[b].start]


def appositions(sentences: Iterable[AnalyzedSentence], known: set[str]) -> dict[str, Person]:
    """Each surname of the article with the roles set beside it: «la abogada Valeria Quiroga»,
    «Quiroga, la nueva intendenta,», «El alcalde, Ignacio Berrocal,»."""
    people: dict[str, Person] = {}
    for sentence in sentences:
        words = sentence.words
        for start, end in _name_runs(sentence, known):
            found = [_role_before(sentence, start - 1 if _comma_at(sentence, start) else start)]
            if end < len(words) and _comma_at(sentence, end):  # «Quiroga, la nueva intendenta,»
                k = end + 1
                while (
                    k < len(words)
                    and words[k].text.islower()
                    and not _gap(sentence, k - 1, k).strip()
                    and words[k].folded not in _CLAUSE
                ):
                    k += 1
                found.append(_role_before(sentence, k))
            surname = words[end - 1].folded
            for roles, gender in found:
                if roles:
                    old = people.get(surname, Person((surname,)))
                    people[surname] = Person(old.name, old.roles | roles, old.gender or gender)
    return people


_CLAUSE = frozenset(("de", "del", "que", "y", "con", "en"))


def _comma_at(sentence: AnalyzedSentence, k: int) -> bool:
    """Whether only a comma stands between token ``k - 1`` and token ``k``."""
    return k > 0 and _gap(sentence, k - 1, k).strip() == ","


def _statements(sentence: AnalyzedSentence) -> Iterable[tuple[tuple[int, int], int]]:
    """Each age ``sentence`` states set off after the one it is of, with the index of the token
    after that one's words: «Quiroga, de 41 años» → the span of «41 años» and 1."""
    text = sentence.text
    for span in spans.durations(text):
        if not an_age_span(text, span) or not text[span[0] : span[1]].rstrip().endswith("años"):
            continue
        marker = _MARKER_RE.search(text[: span[0]])
        if marker is None or _OF_A_THING_RE.match(text, span[1]):
            continue
        end = sum(1 for w in sentence.words if w.end <= marker.start())
        yield span, end


def _resolve(
    sentences: Sequence[AnalyzedSentence],
    at: int,
    end: int,
    known: set[str],
    people: dict[str, Person],
) -> Person | None:
    """Whom the words of sentence ``at`` ending at token ``end`` name: a name, or a role that
    stands for the one an apposition gives it or, failing that, the last one named before it with
    no other gender («la cineasta» after «… Llaneza …», not after «el cineasta Alonso Mendieta»)."""
    sentence = sentences[at]
    for _start, stop in _name_runs(sentence, known):
        if stop == end:
            surname = sentence.words[stop - 1].folded
            return people.get(surname, Person((surname,)))
    roles, gender = _role_before(sentence, end)
    if not roles:
        return None
    if gender is None:
        return Person((), roles)  # «Su hija, de 26 años»: someone of the one before, not them
    holders = {p.name for p in people.values() if roles & p.roles and p.gender == gender}
    if len(holders) == 1:
        name = holders.pop()
        return people[name[-1]]
    for k in range(at, -1, -1):
        runs = [
            r
            for r in _name_runs(sentences[k], known)
            if (k < at or r[1] <= end - len(roles)) and _a_person(sentences[k], r)
        ]
        for _start, stop in reversed(runs):
            surname = sentences[k].words[stop - 1].folded
            person = people.get(surname, Person((surname,)))
            if person.gender in (None, gender):
                return Person(person.name, person.roles | roles, gender)
    return None


def _a_person(sentence: AnalyzedSentence, run: tuple[int, int]) -> bool:
    """Whether the name at token range ``run`` may be a person's: not «la Consejería», «del
    Tesoro», «hasta Neiva»; «la de Felícita Huamán» is."""
    start, stop = run
    before = sentence.words[start - 1].folded if start else ""
    if before in DETERMINERS:
        return False
    return stop - start > 1 or before not in ONE_WORD_PLACE


def asked(question: ParsedQuestion, known: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The one «¿Qué edad tiene X?» asks about: the folded words of a name, or the stems of a
    role when X is a role («la nueva intendenta»; «el hijo de Sandra Villalobos» is the son)."""
    tokens = question.tokens
    at = next((k for k, t in enumerate(tokens) if t.folded in _AGE_VERBS), None)
    if at is None:
        return frozenset(), frozenset()
    head = []
    for t in tokens[at + 1 :]:
        if t.folded in _CLAUSE:
            break
        if t.folded not in stopwords():
            head.append(t)
    names = frozenset(t.folded for t in head if t.folded in known)
    if names:
        return names, frozenset()
    return frozenset(), frozenset(stem(t.lower) for t in head)


def age_sentence(
    question: ParsedQuestion, passages: Sequence[Sequence[AnalyzedSentence]]
) -> tuple[int, int] | None:
    """The first sentence of ``passages`` (an article's, best first) that gives the age of the one
    ``question`` asks about: (passage, sentence) positions, or None."""
    every = [s for p in passages for s in p]
    known = known_names(every)
    names, roles = asked(question, known)
    if not names and not roles:
        return None
    people = appositions(every, known)
    for p, sentences in enumerate(passages):
        for at, sentence in enumerate(sentences):
            for _span, end in _statements(sentence):
                person = _resolve(sentences, at, end, known, people)
                if person is None:
                    continue
                if (names and names & set(person.name)) or (roles and roles & person.roles):
                    return p, at
    return None
