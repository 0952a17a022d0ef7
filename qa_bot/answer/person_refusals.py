"""The refusal checks on whom an answer names: an age that is someone else's («Julián Recio, de
67 años» for «¿Qué edad tiene Nuria Pascual?»), a person's name for the body asked («¿Qué
empresa…?» → «Tomás Ferrer, de 67 años»). They read who the article names near the passage shown
(``whose_age``, ``mentions``); ``refusal.CHECKS`` runs them among the checks on the kind of datum
asked."""

from __future__ import annotations

from qa_bot.answer.asked import BODY_WORDS, ORGANIZATIONS
from qa_bot.answer.case import Case
from qa_bot.answer.evidence import states_duration
from qa_bot.answer.named import asked_body
from qa_bot.answer.people import person_like
from qa_bot.answer.phrase import answer_span
from qa_bot.answer.roles import PERSON_ROLES, asked_role
from qa_bot.answer.whose_age import a_known_person, of_another
from qa_bot.text import name_spans
from qa_bot.text.analysis import fold, stem
from qa_bot.text.sentences import AnalyzedSentence

NO_AGE = "La pregunta pide una edad y la frase del artículo que mejor encaja no da ninguna."
AGE_OF_ANOTHER = (
    "La pregunta pide la edad de alguien y la frase del artículo que mejor encaja da la de otra "
    "persona."
)


def no_age(case: Case) -> str | None:
    if not case.question.age:
        return None
    if not states_duration(case.shown, case.question):
        return NO_AGE
    lo, passages = _near(case)
    starts = [s.start for s in passages[case.top - lo]]
    shown = starts.index(case.shown.start) if case.shown.start in starts else None
    if shown is not None and of_another(case.question, passages, (case.top - lo, shown)):
        return AGE_OF_ANOTHER  # «Julián Recio, de 67 años» for «¿Qué edad tiene Nuria Pascual?»
    return None


def no_body_named(case: Case) -> str | None:
    """«¿Qué partido gobierna en el Ayuntamiento?», «¿Qué banco le retiró el crédito?»: the name
    of a body is asked, and the sentence shown gives no name of the kind asked near the
    question's words (readers ask these of news that never say: 16 of the 18 in the news sets
    were near-misses), or gives only a person's (``whose_age.a_known_person``)."""
    body = asked_body(case.question)
    if body is None:
        return None
    span = answer_span(case.question, case.shown)
    if span is None:
        names = "sus nombres" if body.endswith("s") else "su nombre"
        return (
            f"La pregunta pide qué «{body}» y la frase del artículo que mejor encaja no da {names}."
        )
    name = case.shown.text[span[0] : span[1]]
    before = case.shown.text[: span[0]].split()[-1:]
    if before and fold(before[0]) in (ORGANIZATIONS | {fold(body)}):
        return None  # «la constructora Ferrer»: the body, though its founder shares the name
    if a_known_person(name, _near(case)[1]) or _named_by_a_common_noun(case.shown.text, span):
        # «¿Qué empresa iba a construir el túnel?» → «Tomás Ferrer, de 67 años»: a person
        return (
            f"La pregunta pide qué «{body}» y la frase del artículo que mejor encaja solo nombra "
            f"a una persona, {name}."
        )
    return None


def _named_by_a_common_noun(text: str, span: tuple[int, int]) -> bool:
    """Whether the name at ``span`` is a person's by the common noun before it: «el ingeniero
    Aurelio Casado», «la jueza María Gil» (two to four capitalized words after «el / la» and a
    lowercase noun that names no body), not «la constructora Ferrer Hermanos» nor «la formación
    Nuevo Rumbo» (``asked.BODY_WORDS``)."""
    before = text[: span[0]].split()[-2:]
    if len(before) != 2 or before[0].lower() not in ("el", "la") or not before[1].islower():
        return False
    noun = fold(before[1])
    return person_like(text[span[0] : span[1]]) and noun not in ORGANIZATIONS | BODY_WORDS


# How many passages either side of the one shown the person checks read: who an article names
# and the roles it gives them are read near the answer, not over a whole book of an article.
NEAR_PASSAGES = 6


def _near(case: Case) -> tuple[int, list[tuple[AnalyzedSentence, ...]]]:
    """The first passage of the ones around the passage shown (in its article), and their
    sentences."""
    lo, hi = case.index.article_range(case.top)
    lo, hi = max(lo, case.top - NEAR_PASSAGES), min(hi, case.top + NEAR_PASSAGES + 1)
    return lo, [case.index.sentences(i) for i in range(lo, hi)]


# «un abogado», «una vecina»: someone the article mentions without naming.
_SOMEONE = frozenset("un una unos unas otro otra su sus".split())
# How far after the office a name may follow it: «un abogado, Luis Arjona,», «un escenario
# "normal"» (a name in quotes).
_NAME_WITHIN = 3


def _named_before(text: str, start: int) -> bool:
    """Whether a capitalized word stands right before the noun at ``start`` in apposition:
    «Luis Arjona, el abogado», «Luis Arjona, abogado de…»."""
    before = text[:start].split()
    if before and before[-1].lower() in ("el", "la", "los", "las"):
        before = before[:-1]
    return bool(before) and before[-1].endswith(",") and before[-1][:1].isupper()


def no_name_given(case: Case) -> str | None:
    """«¿Cómo se llama el abogado…?», «¿Cómo se llama el cabecilla?» of an article that only
    ever says «un abogado explicará…», «envió a prisión al cabecilla»: what is asked is there,
    but never named beside it, after it or before it in apposition («Iván Mora, el cabecilla»)
    (not «¿Quién es…?», answered by a description as often). Definite mentions count too: «el
    cabecilla» the article goes on calling so is no more named (news unanswerable refused 453 →
    458 of 630, no answerable question refused)."""
    role = asked_role(case.question, offices=False)
    if role is None:
        return None
    # Called «el gobernador», «el hospital» and never named: a person or a body, which news
    # name with capitals; not «la propiedad», «los habitantes nativos», which encyclopedic text
    # names in lowercase («primalidad», «aborígenes»: SQuAD-es, 11 more refused wrongly).
    definite = stem(role.lower) in PERSON_ROLES or role.folded in ORGANIZATIONS
    lo, hi = case.index.article_range(case.top)
    found = False
    # the article's passages that hold the office's word, not every passage of a long one
    for k in sorted(k for k, _ in case.index.search([stem(role.lower)]) if lo <= k < hi):
        for sentence in case.index.sentences(k):
            words = sentence.words
            for i, t in enumerate(words):
                if t.folded != role.folded:
                    continue
                found = True
                someone = i > 0 and words[i - 1].folded in _SOMEONE
                if not someone and not definite:
                    return None  # «la propiedad…» of encyclopedic text: named in lowercase
                # «un abogado» is named right after it or not at all; «el mariscal de campo que
                # tenía 38 años, John Elway» anywhere after it in the sentence
                near = words[i + 1 : i + 1 + _NAME_WITHIN] if someone else words[i + 1 :]
                end = near[-1].end if near else t.end
                if (
                    any(w.text[:1].isupper() for w in near)
                    or any(t.end <= a <= end for a, _ in name_spans.quoted(sentence.text))
                    or _named_before(sentence.text, t.start)
                ):
                    return None  # a name beside it («un escenario "normal"», «Gil, el abogado»)
    if not found:
        return None  # ``no_role_named`` says the article lacks the office
    return f"La pregunta pide el nombre de «{role.lower}» y el artículo no lo nombra."
