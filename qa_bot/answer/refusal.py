"""Why qa-bot refuses: the ordered checks, each ``check(case) -> reason | None``.

An answer is refused by the first check that gives a reason, in this order (4 to 8, on the kind
of datum asked, are in ``datum_refusals.py``; ``no_age`` and ``no_body_named``, which read whom the
article names, in ``person_refusals.py``):

1. ``weak_support``: too little of the question is in the article (``support.py``), unless the
   question asks one kind of datum and the sentence shown gives it near the question's words
   (down to TYPED_SUPPORT_THRESHOLD), or the semantic reader finds the passage close to the
   question in meaning (at any support: the reader reads the whole of a short article, so the
   passage may share no word with the question).
2. ``absent_name``: the question names someone or something the article never mentions.
   ``absent_speaker``: it asks what someone said or thinks, and the article never mentions them.
3. ``beyond_topic``: only the article's topic words match (``topic.py``).
4. ``no_age``: "¿Qué edad tiene X?" and the sentence shown gives no age, or only someone
   else's (``whose_age.of_another``).
5. ``no_measure``: a measure asked by what it measures («¿Qué distancia…?», «¿Cuánto mide…?»)
   and the sentence shown gives no figure in a unit of its kind (``measures.py``).
   ``no_frequency``: «¿Cada cuánto…?» and the sentence shown does not say how often
   (``frequency.py``).
   ``no_quantity``: "¿Cuántos…?", "¿Cuánto cuesta…?" and the sentence shown gives no number.
   ``no_count_of_asked``: "¿Cuántos X…?", the top passage never names X (nor a synonym of it)
   and the sentence shown has no count to show. ``no_count_in_article``: the article never
   names X and the count shown is of another thing. ``no_count_in_unit``: «¿Cuántos metros…?»
   and the sentence shown gives no figure in a unit of that kind. ``counted_elsewhere``: the
   sentence shown counts another thing, while the article counts X in another passage (all in
   ``count_refusals.py``).
6. ``no_typed_answer``: money or an age asked, and none near the question's words in the sentence.
7. ``no_kind_nearby``: a date, an hour, a span of time, a number or a name asked, and neither the
   sentence shown nor its neighbours give one (for «¿Cuánto tiempo lleva X de…?», the sentence
   shown itself).
   ``no_date_for_the_rest``: "¿Cuándo…?", the sentence shown gives no date and the article
   lacks a word of the question.
8. ``no_rate``: an amount per unit or per period asked («¿Y cuánto costó cada uno?», «¿Cuánto
   gana al mes…?») and the sentence shown gives none per anything.
   ``no_body_named``: «¿Qué partido / banco / consultora…?» and the sentence shown names none.
   ``no_role_named``: «¿Cómo se llama el director…?» (not «¿Quién es…?») and the top passage
   names neither the office nor a synonym of it. ``no_name_given``: the article has the office
   only as «un abogado», never with a name beside it.

Before any of them, ``respond.answer`` refuses a question with no content words (NO_TERMS) and
one that no passage shares a word with (NO_MATCH).
"""

from __future__ import annotations

from collections.abc import Callable

from qa_bot.answer.asked import DATUM_STEMS, one_kind_asked
from qa_bot.answer.case import Case
from qa_bot.answer.count_asked import counts_another
from qa_bot.answer.count_refusals import (
    counted_elsewhere,
    measure_of_another,
    no_count_in_article,
    no_count_in_unit,
    no_count_of_asked,
)
from qa_bot.answer.datum_refusals import (
    no_date_for_the_rest,
    no_kind_nearby,
    no_quantity,
    no_rate,
    no_role_named,
    no_typed_answer,
)
from qa_bot.answer.frequency import no_frequency
from qa_bot.answer.kinds import gives
from qa_bot.answer.measures import asked_measure, gives_measure, no_measure
from qa_bot.answer.names import absent_names
from qa_bot.answer.person_refusals import no_age, no_body_named, no_name_given
from qa_bot.answer.phrase import answer_span
from qa_bot.answer.population import (
    asks_population,
    gives_population,
    main_place,
    no_population,
)
from qa_bot.answer.speaker import head, speaker
from qa_bot.answer.support import SUPPORT_THRESHOLD, in_article
from qa_bot.answer.topic import beyond_article
from qa_bot.answer.tuning import (
    COMMON,
    GIVES_WANTS,
    MEANT_CLOSENESS,
    TYPED_SUPPORT_THRESHOLD,
)
from qa_bot.text.background import rarity
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence

NO_TERMS = "La pregunta no contiene palabras con contenido que buscar en el artículo."
NO_MATCH = "Ninguna palabra de la pregunta aparece en el artículo."
WEAK_MATCH = "El artículo no trata lo que pregunta: faltan las palabras clave de la pregunta."


def weak_support(case: Case) -> str | None:
    if case.support >= SUPPORT_THRESHOLD:
        return None
    if case.closeness is not None and case.closeness >= MEANT_CLOSENESS:
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
    if asks_population(case.question):
        main = main_place(case.index, case.question, case.top)
        return gives_population(case.question, case.shown, case.index.sentences(case.top), main)
    if asked_measure(case.question) is not None:
        return _shares_a_topic_word(case.question, case.shown) and gives_measure(
            case.question, case.shown.text
        )
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
    beyond = beyond_article(case.index, case.question, case.top)
    return None if beyond is None else beyond.reason


CHECKS: tuple[Callable[[Case], str | None], ...] = (
    weak_support,
    absent_name,
    absent_speaker,
    beyond_topic,
    no_age,
    no_measure,
    no_frequency,
    no_quantity,
    no_count_of_asked,
    no_count_in_article,
    no_count_in_unit,
    measure_of_another,
    counted_elsewhere,
    no_population,
    no_typed_answer,
    no_kind_nearby,
    no_date_for_the_rest,
    no_rate,
    no_body_named,
    no_role_named,
    no_name_given,
)


def refusal(case: Case) -> str | None:
    """Why the article does not answer: the first check's reason, or None when it does."""
    for check in CHECKS:
        reason = check(case)
        if reason is not None:
            return reason
    return None
