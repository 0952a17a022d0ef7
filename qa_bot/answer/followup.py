"""Follow-up questions: does a question lean on the ones before it, and with which words?

«¿Quién preside la Asociación de Propietarios?» → «¿Y desde cuándo ocupa el cargo?»: the second
question names nothing; its subject is the first one's. A question is a follow-up when, after a
previous turn, it

- starts with «Y» (or «e», «pero», «entonces», «también»): «¿Y en Madrid?», «y cuántos fueron…»;
- has a personal pronoun, a demonstrative or a possessive (él, ella, eso, este, esa, su, sus…), or
  a clitic right after its question word («¿Quién la preside?»);
- or has few content words, no name, and no article before one of them: «¿Cuánto costó?» and
  «¿Qué nota sacó?» lean on the previous turn, «¿Cuándo se inauguró la línea?» names what it asks
  about. Each question of the three news sets asked right after the one before it in its file:
  31 → 15 of 375 taken for follow-ups; the dialogues' follow-ups unchanged.

A follow-up is answered with the previous turn's question words (and, when that turn was itself a
follow-up, the words it inherited) at ``CONTEXT_WEIGHT`` of their weight: they find the passage,
while the question's own words, when it has any, decide whether that passage answers it (see
``respond.answer``). The previous answer's passage is preferred when the follow-up matches it
(``prefers``). Everything here is pure: the turns in, a ``Context`` or None out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import NamedTuple, TypeVar

from qa_bot.answer.asked import BODY_WORDS, ORGANIZATIONS
from qa_bot.answer.tuning import CONTEXT_WEIGHT, OLDER_DECAY, PREFER_MARGIN
from qa_bot.models import Answer
from qa_bot.text.analysis import fold, tokens
from qa_bot.text.question import NAME_LINKS, QUESTION_WORDS, ParsedQuestion, QType, parse_question

# How many earlier questions a chain of follow-ups may lean on.
MAX_CHAIN = 3
# At most this many content words (and no name) make a question a follow-up by itself.
FEW_WORDS = 2

LEADING = frozenset("y e pero entonces tambien ademas".split())
# On lowercase words with their accents: «él» is a pronoun, «el» an article.
PRONOUNS = frozenset(
    "él ella ellos ellas ello eso esto aquello este esta estos estas ese esa esos esas aquel "
    "aquella aquellos aquellas su sus suyo suya suyos suyas".split()
)
CLITICS = frozenset("lo la los las le les".split())
# Before a content word, these make it the question's own subject or object.
DETERMINERS = frozenset("el la los las del al".split())
# Verbs that only frame a question («¿Qué van a hacer?», «¿Qué pasó?»): they say nothing of
# whether a passage answers a follow-up (folded).
LIGHT_VERBS = frozenset(
    "hacer hace hacen hizo hicieron hara haran haria va van iba iban ir fue fueron pasa paso "
    "pasara ocurre ocurrio sucede sucedio".split()
)


class Turn(NamedTuple):
    """A turn already asked: the question and the answer it got."""

    question: str
    answer: Answer


@dataclass(frozen=True, slots=True)
class Context:
    """What a follow-up inherits: earlier questions (newest first) and the previous passage."""

    questions: tuple[str, ...]
    passage: str | None = None
    weight: float = CONTEXT_WEIGHT
    # The person the latest answer of the chain named («Julieta Arredondo» for «¿Quién quedó
    # finalista?»): whom «¿Y cuántos años tiene?» asks about (``subject.about_subject``).
    subject: str | None = None

    def extend(
        self, question: ParsedQuestion, resolve: Callable[[str, str], str] | None = None
    ) -> ParsedQuestion:
        """``question`` with the earlier questions' words it lacks, each at a lower weight; a
        question without a question word («¿Y en Madrid?») asks what the previous one asked."""
        terms = list(question.terms)
        seen = {t.stem for t in terms}
        qtype = question.qtype
        asks = any(w in QUESTION_WORDS for w in question.words)
        for age, text in enumerate(self.questions):
            earlier = parse_question(text, resolve=resolve)
            if not asks and qtype is QType.OTHER:
                qtype = earlier.qtype
            weight = self.weight * OLDER_DECAY**age
            for term in earlier.terms:
                if term.stem not in seen:
                    seen.add(term.stem)
                    terms.append(replace(term, weight=weight, name_at=-1))
        return replace(question, qtype=qtype, terms=tuple(terms))


T = TypeVar("T")


def judged(
    context: Context | None, own: ParsedQuestion, extended: ParsedQuestion
) -> ParsedQuestion:
    """The question whose words decide whether a passage answers: the follow-up's own words, or,
    when it has none but framing verbs («y qué van a hacer?»), the words it inherits too."""
    if context is None:
        return own
    if any(t.folded not in LIGHT_VERBS for t in own.terms):
        return own
    return extended


def prefer_previous(
    context: Context | None,
    ranked: list[T],
    passage_id: Callable[[T], str],
    score: Callable[[T], float],
    matched: Callable[[T], int],
) -> list[T]:
    """``ranked`` with the previous answer's passage first when it scores within
    ``PREFER_MARGIN`` of the best and holds as many of the follow-up's own words (``matched``)
    as the best does: «¿Quién la preside?» stays in the paragraph that named the association."""
    if context is None or context.passage is None or not ranked:
        return ranked
    best = score(ranked[0])
    for k, candidate in enumerate(ranked[1:], start=1):
        if passage_id(candidate) == context.passage:
            if score(candidate) >= PREFER_MARGIN * best and matched(candidate) >= matched(
                ranked[0]
            ):
                return [candidate, *ranked[:k], *ranked[k + 1 :]]
            break
    return ranked


def is_follow_up(question: str) -> bool:
    """Whether ``question`` leans on an earlier one (module docstring), said of its text alone."""
    words = list(tokens(question))
    if not words:
        return False
    if words[0].folded in LEADING:
        return True
    lowers = [w.lower for w in words]
    if any(w in PRONOUNS for w in lowers) or lowers[-1] == "el":  # «¿quién es el?», unaccented
        return True
    for first, second in pairwise(words):
        if first.folded in QUESTION_WORDS and second.folded in CLITICS:
            return True
        if first.folded not in QUESTION_WORDS:
            break
    parsed = parse_question(question)
    if len(parsed.terms) > FEW_WORDS or any(t.name for t in parsed.terms):
        return False
    # «¿Cuándo se inauguró la línea?» names what it asks about: it stands alone.
    content = {t.folded for t in parsed.terms}
    return not any(
        first.folded in DETERMINERS and second.folded in content
        for first, second in pairwise(words)
    )


def context_for(question: str, previous: Sequence[Turn]) -> Context | None:
    """The context ``question`` is answered with after the ``previous`` turns (oldest first), or
    None when it stands alone (or is the first)."""
    if not previous or not is_follow_up(question):
        return None
    questions: list[str] = []
    k = len(previous) - 1
    while k >= 0 and len(questions) < MAX_CHAIN:
        questions.append(previous[k].question)
        if not (k and is_follow_up(previous[k].question)):
            break
        k -= 1
    passage = next(
        (
            t.answer.passages[0].id
            for t in reversed(previous)
            if t.answer.supported and t.answer.passages
        ),
        None,
    )
    subject = next(
        (name for t in reversed(previous[-len(questions) :]) if (name := _person_named(t.answer))),
        None,
    )
    return Context(tuple(questions), passage, subject=subject)


def _person_named(answer: Answer) -> str | None:
    """The answer's phrase when it names a person: two to five words, capitalized but for
    particles inside («Julieta Arredondo», «Íñigo de la Serna»)."""
    if not answer.supported or not answer.passages:
        return None
    phrase = answer.passages[0].answer
    words = (phrase or "").split()
    if not 2 <= len(words) <= 5 or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return None
    if fold(words[0]) in ORGANIZATIONS | BODY_WORDS:
        return None  # «Universidad Politécnica de Almenara» is nobody
    return phrase if all(w[:1].isupper() or w in NAME_LINKS for w in words) else None
