"""Whose age a sentence gives, and the sentence that gives the age a question asks.

News state an age beside the person («Quiroga, de 41 años»), beside a role that stands for
someone named before («… de la cineasta, de 36 años», «…», declaró el regidor, de 52 años) or in
an apposition («Ramiro Funes, un jubilado de 74 años»). A reader asks it by name or by role
(«¿Qué edad tiene la nueva intendenta?», when the article says «Quiroga, la nueva intendenta,»).
``age_sentence`` finds, among an article's passages, the sentence that gives the age of the one
asked, which ``respond.rank`` shows first; ``of_another`` tells when a sentence gives only someone
else's («Julián Recio, de 67 años» for «¿Qué edad tiene Nuria Pascual?»), which
``datum_refusals.no_age`` refuses. By the shape of the text (``mentions.py``), with no list of
names nor of roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from qa_bot.answer.ages import an_age_span, thing_age
from qa_bot.answer.mentions import (
    CLAUSE,
    Person,
    appositions,
    capitalized,
    comma_at,
    known_names,
    may_be_person,
    name_runs,
    person_at,
    role_before,
)
from qa_bot.answer.roles import PERSON_ROLES
from qa_bot.text import spans
from qa_bot.text.analysis import stem, stopwords
from qa_bot.text.lazy import Lazy
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence, analyze_sentences

# What sets off an age after the one it is of: «, de 41 años», «(41 años)», «, jubilado de 74
# años», «, fontanero jubilado de 67 años», «tiene 41 años».
_MARKER_RE = Lazy(
    r"(?:,\s*(?:(?:un|una)\s+)?(?:[a-záéíóúñü]+\s+){0,2}de|\(|\b(?:tiene|tenía|cumpl\w+))\s*$"
)
# «Una niña de 11 años, Carla Mendiluce»: the age in an apposition before the name.
_NAMED_AFTER_RE = Lazy(r"\b(?:un|una)\s+[a-záéíóúñü]+\s+de\s*$", re.IGNORECASE)
# The verbs after which «¿Qué edad tiene X?» names X (folded).
_AGE_VERBS = frozenset("tiene tienen tenia tenian tendra cumple cumplio cumplira".split())


def _statements(sentence: AnalyzedSentence) -> Iterable[tuple[int, int]]:
    """Each age ``sentence`` states of someone, as the index of the token after that one's words
    and the index of the first token after the age: «Quiroga, de 41 años» → (1, 5); «Una niña
    de 11 años, Carla Mendiluce» → (0, 5)."""
    text = sentence.text
    for span in spans.durations(text):
        if not an_age_span(text, span) or not text[span[0] : span[1]].rstrip().endswith("años"):
            continue
        marker = _MARKER_RE.re.search(text[: span[0]]) or _NAMED_AFTER_RE.re.search(text[: span[0]])
        if marker is None or thing_age(text, span[1]):
            continue
        end = sum(1 for w in sentence.words if w.end <= marker.start())
        yield end, sum(1 for w in sentence.words if w.end <= span[1])


def _named_after(sentence: AnalyzedSentence, after: int, known: set[str]) -> tuple[int, int] | None:
    """The one named right after an age and a comma: «Una niña de 11 años, Carla Mendiluce»."""
    if not comma_at(sentence, after):
        return None
    return next((r for r in name_runs(sentence, known) if r[0] == after), None)


def _resolve(
    sentences: Sequence[AnalyzedSentence],
    at: int,
    where: tuple[int, int],
    known: set[str],
    people: dict[str, Person],
) -> Person | None:
    """Whom the words of sentence ``at`` before an age name (``where``: the token after them and
    the token after the age): a name («Quiroga, de 41 años»), someone of a name's («El hijo de
    Rosa Vidal, de 12 años» is the son), or a role that stands for the one an apposition gives it
    or, failing that, the one named last before it, when only one fits its gender («la cineasta»
    after «… Llaneza …», not after «el cineasta Alonso Mendieta»; nobody when two names of no
    known gender do)."""
    sentence = sentences[at]
    end, after = where
    named = _named_after(sentence, after, known)
    if named is not None:
        return person_at(sentence, named, people)
    for run in name_runs(sentence, known):
        if run[1] == end:
            kin = _kin_before(sentence, run[0])
            return Person((), kin) if kin else person_at(sentence, run, people)
    roles, gender = role_before(sentence, end)
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
            for r in name_runs(sentences[k], known)
            if (k < at or r[1] <= end - len(roles)) and may_be_person(sentences[k], r)
        ]
        if not runs:
            continue
        found = [person_at(sentences[k], run, people) for run in runs]
        same = [p for p in found if p.gender == gender]
        fits = same or [p for p in found if p.gender is None]
        if len(same) == 1 or (not same and len(fits) == 1):
            return Person(fits[-1].name, fits[-1].roles | roles, gender)
        return None
    return None


# The bonds that make «el hijo de Rosa Vidal» someone else than Rosa Vidal (folded).
_KIN = frozenset(
    "hijo hija hijos hijas padre madre padres marido esposo esposa mujer hermano hermana nieto "
    "nieta abuelo abuela sobrino sobrina novio novia pareja".split()
)


def _kin_before(sentence: AnalyzedSentence, start: int) -> frozenset[str]:
    """The stem of the bond before the name at token ``start`` («El hijo de Rosa Vidal» → {hij}),
    or nothing."""
    words = sentence.words
    if start >= 2 and words[start - 1].folded in ("de", "del") and words[start - 2].folded in _KIN:
        return frozenset({stem(words[start - 2].lower)})
    return frozenset()


def asked(question: ParsedQuestion, known: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The one «¿Qué edad tiene X?» asks about: the folded words of a name, or the stems of a
    role when X is a role («la nueva intendenta»; «el hijo de Sandra Villalobos» is the son)."""
    tokens = question.tokens
    at = next((k for k, t in enumerate(tokens) if t.folded in _AGE_VERBS), None)
    if at is None:
        return frozenset(), frozenset()
    head = []
    for t in tokens[at + 1 :]:
        if t.folded in CLAUSE:
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
            for where in _statements(sentence):
                person = _resolve(sentences, at, where, known, people)
                if person is None:
                    continue
                if (names and names & set(person.name)) or (roles and roles & person.roles):
                    return p, at
    return None


def _kin(question: ParsedQuestion, known: set[str]) -> frozenset[str]:
    """The names after «de» in a question asked by role: «carla» of «¿Cuántos años tiene el padre
    de Carla?» (the father is asked, not her)."""
    tokens = question.tokens
    at = next((k for k, t in enumerate(tokens) if t.folded in _AGE_VERBS), None)
    if at is None:
        return frozenset()
    after = [t.folded for t in tokens[at + 1 :]]
    if "de" not in after and "del" not in after:
        return frozenset()
    cut = min(after.index(w) for w in ("de", "del") if w in after)
    return frozenset(w for w in after[cut:] if w in known)


def of_another(
    question: ParsedQuestion, passages: Sequence[Sequence[AnalyzedSentence]], shown: tuple[int, int]
) -> bool:
    """Whether each age that the sentence at ``shown`` (passage, sentence positions) states is of
    someone the question does not ask about: «Julián Recio, fontanero jubilado de 67 años» for
    «¿Qué edad tiene Nuria Pascual?»; «Una niña de 11 años, Carla Mendiluce» for «¿Cuántos años
    tiene el padre de Carla?». False when it cannot tell whose an age is."""
    every = [s for p in passages for s in p]
    known = known_names(every)
    names, _roles = asked(question, known)
    kin = frozenset() if names else _kin(question, known)
    if not names and not kin:
        return False
    people = appositions(every, known)
    sentences = passages[shown[0]]
    persons = [
        _resolve(sentences, shown[1], where, known, people)
        for where in _statements(sentences[shown[1]])
    ]
    if not persons or any(p is None for p in persons):
        return False
    if names:
        return not any(names & set(p.name) for p in persons if p is not None)
    return all(kin & set(p.name) for p in persons if p is not None)


_PERSON_ROLE_STEMS = frozenset(stem(w) for w in PERSON_ROLES)


def a_known_person(name: str, passages: Sequence[Sequence[AnalyzedSentence]]) -> bool:
    """Whether the article shows that ``name`` names a person: a role set beside it («El jefe
    regional del MOPC, Arsenio Recalde») or an age after it («Tomás Ferrer, de 67 años»). Not
    «Limpiezas Herrera» beside «Gregorio Herrera»: every word of ``name`` must be of the person's."""
    words = {w.folded for s in analyze_sentences(name) for w in s.words if capitalized(w)}
    if not words:
        return False
    every = [s for p in passages for s in p]
    known = known_names(every)
    people = appositions(every, known)
    if any(_PERSON_ROLE_STEMS & p.roles and words <= set(p.name) for p in people.values()):
        return True  # an office or a bond, not «la empresa Limpiezas Herrera», «la revista Nature»
    for sentence in every:
        ends = {end for end, _after in _statements(sentence)}
        for run in name_runs(sentence, known):
            if run[1] in ends and words <= set(person_at(sentence, run, people).name):
                return True
    return False
