"""Why qa-bot refuses: the ordered checks, each ``check(case) -> reason | None``.

An answer is refused by the first check that gives a reason, in this order:

1. ``weak_support``: too little of the question is in the article (``support.py``), unless the
   question asks one kind of datum and the sentence shown gives it near the question's words
   (down to TYPED_SUPPORT_THRESHOLD), or the semantic reader finds the passage close to the
   question in meaning (down to MEANT_SUPPORT_THRESHOLD).
2. ``absent_name``: the question names someone or something the article never mentions.
   ``absent_speaker``: it asks what someone said or thinks, and the article never mentions them.
3. ``beyond_topic``: only the article's topic words match (``topic.py``), and the sentence shown
   does not count the thing «¿Cuántos X…?» asks about.
4. ``no_age``: "¿Qué edad tiene X?" and the sentence shown gives no age.
5. ``no_quantity``: "¿Cuántos…?", "¿Cuánto cuesta…?" and the sentence shown gives no number.
   ``no_count_of_asked``: "¿Cuántos X…?", the top passage never names X (nor a synonym of it)
   and the sentence shown has no count to show.
6. ``no_typed_answer``: money or an age asked, and none near the question's words in the sentence.
7. ``no_kind_nearby``: a date, an hour, a span of time, a number or a name asked, and neither the
   sentence shown nor its neighbours give one.
8. ``no_rate``: an amount per unit or per period asked («¿Y cuánto costó cada uno?», «¿Cuánto
   gana al mes…?») and the sentence shown gives none per anything.

Before any of them, ``respond.answer`` refuses a question with no content words (NO_TERMS) and
one that no passage shares a word with (NO_MATCH).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qa_bot.answer.asked import DATUM_STEMS, Want, demands_name, one_kind_asked, wanted
from qa_bot.answer.evidence import states_duration, states_quantity
from qa_bot.answer.kinds import (
    counted_noun,
    counts_another,
    gives,
    gives_count_of_asked,
    kind_spans,
)
from qa_bot.answer.names import absent_names
from qa_bot.answer.phrase import answer_span
from qa_bot.answer.speaker import head, speaker
from qa_bot.answer.support import SUPPORT_THRESHOLD, in_article
from qa_bot.answer.topic import beyond_article
from qa_bot.answer.tuning import (
    COMMON,
    GIVES_WANTS,
    MEANT_CLOSENESS,
    MEANT_SUPPORT_THRESHOLD,
    NEARBY_WANTS,
    REFUSE_WANTS,
    TYPED_SUPPORT_THRESHOLD,
)
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.background import rarity
from qa_bot.text.question import ParsedQuestion, QType
from qa_bot.text.sentences import AnalyzedSentence

NO_TERMS = "La pregunta no contiene palabras con contenido que buscar en el artículo."
NO_MATCH = "Ninguna palabra de la pregunta aparece en el artículo."
WEAK_MATCH = "El artículo no trata lo que pregunta: faltan las palabras clave de la pregunta."
NO_QUANTITY = "La pregunta pide una cantidad y la frase del artículo que mejor encaja no la da."
NO_AGE = "La pregunta pide una edad y la frase del artículo que mejor encaja no da ninguna."


@dataclass(frozen=True, slots=True)
class Case:
    """A candidate answer to judge: ``question``, passage ``top`` of ``index``, its sentence
    ``shown`` and the answer's ``support``."""

    index: SearchIndex
    question: ParsedQuestion
    top: int
    shown: AnalyzedSentence
    support: float
    # A follow-up («¿Y desde cuándo…?») has few words of its own: weak support is the norm, and
    # a datum of the kind asked is no sign that the passage answers it.
    follow_up: bool = False
    # How close the top passage is to the question in meaning (cosine, ``index/meaning.py``),
    # when the semantic reader is in use; else None.
    closeness: float | None = None


def weak_support(case: Case) -> str | None:
    if case.support >= SUPPORT_THRESHOLD:
        return None
    if (
        case.closeness is not None
        and case.support >= MEANT_SUPPORT_THRESHOLD
        and case.closeness >= MEANT_CLOSENESS
    ):
        return None
    if (
        not case.follow_up
        and case.support >= TYPED_SUPPORT_THRESHOLD
        and _gives_what_is_asked(case)
    ):
        return None
    return WEAK_MATCH


def _gives_what_is_asked(case: Case) -> bool:
    """Whether the question asks a datum of one kind (a number, an amount, an age, a date…) and
    the sentence shown gives one that is not the count of another thing: «¿Cuántos críos vieron
    en urgencias?» and «63 niños … en urgencias» share one word, but the kind asked is there."""
    want = one_kind_asked(case.question)
    if want is None or want.value not in GIVES_WANTS:
        return False
    if not _shares_a_topic_word(case.question, case.shown):
        return False  # «¿Cuánto cuesta un kilo de tomates?» and «… costó 180 mil pesos»
    if not gives(case.question, want, case.shown):
        return False
    span = answer_span(case.question, case.shown)
    return span is not None and not counts_another(case.question, case.shown, span)


def _shares_a_topic_word(question: ParsedQuestion, sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` holds a word of ``question`` (or a synonym of it) that is neither one
    that only names the kind of datum asked (``asked.DATUM_STEMS``: «cuesta», «edad», «tarda»)
    nor one too common in Spanish to say what the question is about."""
    held = {term for term, _ in sentence.spans}
    return any(
        t.stem not in DATUM_STEMS
        and rarity(t.stem)
        >= COMMON  # not topic.is_common: a stopword's stem («ser») is common here
        and (t.stem in held or any(s in held for s in t.synonyms))
        for t in question.terms
    )


def absent_name(case: Case) -> str | None:
    missing = absent_names(case.index, case.question, case.top)
    if not missing:
        return None
    return "El artículo no menciona " + ", ".join(f"«{name}»" for name in missing) + "."


def absent_speaker(case: Case) -> str | None:
    """«¿Qué dijo la ministra de Transportes…?» of an article that never mentions a minister."""
    words = speaker(case.question)
    first = head(words)
    if first is None or first.text[:1].isupper():
        return None  # a name («el PP», «Greenpeace»): ``absent_name`` knows acronyms and typos
    term = next((t for t in case.question.terms if t.folded == first.folded), None)
    if term is None:
        return None
    lo, hi = case.index.article_range(case.top)
    if in_article(case.index, term, lo, hi):
        return None
    said = case.question.text[words[0].start : words[-1].end]
    return f"El artículo no menciona «{said}»: no recoge lo que dice."


def beyond_topic(case: Case) -> str | None:
    if one_kind_asked(case.question) is Want.NUMBER and gives_count_of_asked(
        case.question, case.shown
    ):
        return None  # «¿Cuántas tortillerías clausuraron…?» -> «… sellos en 11 tortillerías»
    beyond = beyond_article(case.index, case.question, case.top)
    return None if beyond is None else beyond.reason


def no_age(case: Case) -> str | None:
    if case.question.age and not states_duration(case.shown, case.question):
        return NO_AGE
    return None


def no_quantity(case: Case) -> str | None:
    question = case.question
    if question.age or question.qtype is not QType.NUMBER:
        return None  # an age is checked as an age: "39 años", not any number
    return None if states_quantity(case.shown, question) else NO_QUANTITY


def no_count_of_asked(case: Case) -> str | None:
    """«¿Cuántos socios fueron a la asamblea?» answered by a passage that never says «socios»
    and a sentence with no count to show: the count asked is elsewhere, or nowhere."""
    question = case.question
    if one_kind_asked(question) is not Want.NUMBER:
        return None
    counted = counted_noun(question)
    if counted is None:
        return None
    term = next(t for t in question.terms if t.stem == counted)
    held = {stem for sentence in case.index.sentences(case.top) for stem, _ in sentence.spans}
    if counted in held or any(s in held for s in term.synonyms):
        return None
    if answer_span(question, case.shown) is not None:
        return None
    return f"La pregunta pide cuántos «{term.word or term.lower}» y el pasaje que mejor encaja no habla de ellos."


_WHAT = {
    Want.MONEY: "cuánto cuesta o cuánto dinero",
    Want.AGE: "una edad",
    Want.DATE: "una fecha",
    Want.HOUR: "una hora",
    Want.PERCENT: "un porcentaje",
    Want.NUMBER: "una cantidad",
    Want.NAME: "un nombre",
    Want.PLACE: "un lugar",
    Want.DURATION: "cuánto tiempo",
    Want.TITLE: "un título",
}


_NONE = {
    Want.DATE: "ninguna",
    Want.HOUR: "ninguna",
    Want.NUMBER: "ninguna",
}


def no_typed_answer(case: Case) -> str | None:
    want = wanted(case.question)
    if want is None or want.value not in REFUSE_WANTS:
        return None
    if answer_span(case.question, case.shown) is not None:
        return None
    return (
        f"La pregunta pide {_WHAT.get(want, 'un dato')} y la frase del artículo que mejor "
        "encaja no lo da junto a lo que pregunta."
    )


# Words that place an event in time without a date: «durante el Imperio Romano», «tras la
# votación», «hace 3.500 millones de años», «a mediados del siglo XX», «la era precolombina».
_TIME_CUES = frozenset(
    "durante despues antes tras epoca periodo siglo siglos dinastia comienzo inicio principios "
    "mediados finales ayer anteayer hoy actualmente entonces".split()
)


def _gives_nearby(question: ParsedQuestion, sentence: AnalyzedSentence, want: Want) -> bool:
    """Whether ``sentence`` holds a span of the kind ``want``; for a date, a word that places
    something in time is enough (encyclopedic answers are periods as often as dates). Looser
    than ``kinds.gives``: a neighbour sentence need not state the quantity next to the
    question's words (``no_quantity`` already asked that of the sentence shown)."""
    if next(kind_spans(question, sentence, want), None) is not None:
        return True
    asked = set(question.words)
    return want is Want.DATE and any(
        t.folded in _TIME_CUES and t.folded not in asked for t in sentence.words
    )


def no_kind_nearby(case: Case) -> str | None:
    """A question that asks for a date, an hour, a span of time, a number or (when only a name
    answers it) a name, where neither the sentence shown nor the sentences beside it give one
    of that kind that the question does not already hold: the article talks about what is
    asked, but not that datum («¿Cuándo se verá el recurso?» of an article that only says it
    will be filed)."""
    want = one_kind_asked(case.question)
    if want is None or want.value not in NEARBY_WANTS:
        return None
    if want is Want.NAME and not demands_name(case.question):
        return None
    sentences = case.index.sentences(case.top)
    # The sentence shown is one of its passage's (``respond.rank`` picks it among them).
    at = next((k for k, s in enumerate(sentences) if s.start == case.shown.start), 0)
    nearby = sentences[max(0, at - 1) : at + 2]
    if any(_gives_nearby(case.question, s, want) for s in nearby):
        return None
    return (
        f"La pregunta pide {_WHAT.get(want, 'un dato')} y el artículo no da "
        f"{_NONE.get(want, 'ninguno')} donde habla de lo que pregunta."
    )


# A question that asks an amount per something («¿Cuánto costó cada uno?», «¿Cuánto gana al
# mes…?») and the words that give one in a sentence (folded; «cada» also gives «cada uno»). Not
# «mensual» in the question: «el abono mensual» names a thing, it asks no rate.
_RATES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("cada uno", "cada una", "por unidad", "por persona", "por cabeza"),
        ("cada", "unidad", "unitario", "unitaria", "por persona", "por cabeza", "por habitante"),
    ),
    (
        ("al mes", "por mes"),
        ("al mes", "por mes", "cada mes", "mensual", "mensuales", "mensualmente"),
    ),
    (
        ("al ano", "al año", "por ano", "por año"),
        ("al ano", "al año", "por ano", "por año", "cada ano", "cada año", "anual", "anuales"),
    ),
    (
        ("al dia", "por dia"),
        ("al dia", "por dia", "cada dia", "diario", "diarios", "diaria", "diarias"),
    ),
)


def _says(words: str, cues: tuple[str, ...]) -> bool:
    return any(f" {cue} " in words for cue in cues)


def no_rate(case: Case) -> str | None:
    """«¿Cuánto costó cada uno?», «¿Cuánto gana al mes…?»: an amount per unit, month, year or day
    is asked, and the sentence shown gives none per anything (the price of something else, a
    total)."""
    want = wanted(case.question)
    if want not in (Want.MONEY, Want.NUMBER):
        return None
    asked = " " + " ".join(case.question.words) + " "
    shown = " " + " ".join(t.folded for t in case.shown.words) + " "
    for cues, gives_rate in _RATES:
        if _says(asked, cues) and not _says(shown, gives_rate):
            return (
                "La pregunta pide una cantidad por unidad o por periodo y la frase del artículo "
                "que mejor encaja no la da así."
            )
    return None


CHECKS: tuple[Callable[[Case], str | None], ...] = (
    weak_support,
    absent_name,
    absent_speaker,
    beyond_topic,
    no_age,
    no_quantity,
    no_count_of_asked,
    no_typed_answer,
    no_kind_nearby,
    no_rate,
)


def refusal(case: Case) -> str | None:
    """Why the article does not answer: the first check's reason, or None when it does."""
    for check in CHECKS:
        reason = check(case)
        if reason is not None:
            return reason
    return None
