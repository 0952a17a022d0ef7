"""The refusal checks on the kind of datum asked: an age, a quantity, a date, money, a span of
time, an amount per unit or period (a count of something: ``count_refusals.py``). Each
``check(case) -> reason | None``; ``refusal.CHECKS`` runs them, in order, after the checks on
words and names."""

from __future__ import annotations

from collections.abc import Iterator

from qa_bot.answer.asked import DATUM_STEMS, Want, one_kind_asked, wanted
from qa_bot.answer.case import Case
from qa_bot.answer.evidence import states_quantity
from qa_bot.answer.kinds import asks_year, gives, kind_spans
from qa_bot.answer.measures import asked_measure
from qa_bot.answer.named import demands_name
from qa_bot.answer.people import after_an_office, named_in_full
from qa_bot.answer.phrase import answer_span
from qa_bot.answer.roles import asked_role, asks_person_name
from qa_bot.answer.support import in_article
from qa_bot.answer.tuning import COMMON, NEARBY_WANTS, REFUSE_WANTS
from qa_bot.text.background import rarity
from qa_bot.text.question import QType
from qa_bot.text.sentences import AnalyzedSentence
from qa_bot.text.synonyms import synonyms

NO_QUANTITY = "La pregunta pide una cantidad y la frase del artículo que mejor encaja no la da."


def no_quantity(case: Case) -> str | None:
    question = case.question
    if question.age or question.qtype is not QType.NUMBER:
        return None  # an age is checked as an age: "39 años", not any number
    return None if states_quantity(case.shown, question) else NO_QUANTITY


def no_date_for_the_rest(case: Case) -> str | None:
    """«¿Cuándo terminarán las obras de climatización?» answered by a sentence that gives no
    date, of an article that never says a word of the question (not a name, nor one of the
    commonest; by stem, prefix or synonym): a date beside it dates something else. Not on the
    passage alone: «¿Cuándo circularán los trenes del tranvía…?» is about the whole article."""
    question = case.question
    if wanted(question) is not Want.DATE or gives(question, Want.DATE, case.shown):
        return None
    lo, hi = case.index.article_range(case.top)
    missing = [
        t.lower
        for t in question.terms
        if not t.name
        and t.weight >= 1  # not a word a follow-up inherits from the turns before
        and t.stem not in DATUM_STEMS
        and rarity(t.stem) >= COMMON
        and not in_article(case.index, t, lo, hi)
        and not any(case.index.doc_freq_in(s, lo, hi) for s in t.synonyms)
    ]
    if not missing:
        return None
    words = ", ".join(f"«{w}»" for w in missing)
    return f"La pregunta pide una fecha y el artículo no la da ni habla de {words}."


def no_role_named(case: Case) -> str | None:
    """«¿Cómo se llama el director del hotel?», «¿Cuál es el nombre del ministro que redactó el
    fallo?»: the holder of an office is asked and the top passage names neither the office nor a
    synonym of it (``text/synonyms.py``): the name it shows is someone else's."""
    role = asked_role(case.question)
    # Not «¿Quién es el autor de…?», «¿Quién era el líder…?»: the article may say «escribió»,
    # «dirigidos por» (XQuAD).
    if role is None or case.question.words[0] in ("quien", "quienes"):
        return None
    term = next((t for t in case.question.terms if t.folded == role.folded), None)
    # The thesaurus's synonyms, the same whatever else the folder holds (the corpus's are looked
    # for only when no passage has the word).
    if term is None or case.passage_holds((term.stem, *synonyms(term.stem))):
        return None
    return (
        f"La pregunta busca a «{role.lower}» y el pasaje que mejor encaja no menciona esa palabra "
        "ni un sinónimo."
    )


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


# «lleva» of a span of time: «¿Cuántos años lleva de alcalde?», «¿Cuánto tiempo llevan sin…?».
_LASTING = frozenset("lleva llevan llevaba llevaban".split())
# Words that place an event in time without a date: «durante el Imperio Romano», «tras la
# votación», «hace 3.500 millones de años», «a mediados del siglo XX», «la era precolombina».
_TIME_CUES = frozenset(
    "durante despues antes tras epoca periodo siglo siglos dinastia comienzo inicio principios "
    "mediados finales ayer anteayer hoy actualmente entonces".split()
)

_YEAR_CUES = frozenset("siglo siglos decada dinastia epoca periodo".split())


def _gives_nearby(case: Case, sentence: AnalyzedSentence, want: Want) -> bool:
    """Whether ``sentence`` holds a span of the kind ``want``; for a date, a word that places
    something in time is enough (encyclopedic answers are periods as often as dates); for a
    person's name, a lone capitalized word only in apposition to an office or as the surname of
    someone the article names in full (``people``). Looser than ``kinds.gives``: a neighbour
    sentence need not state the quantity next to the question's words (``no_quantity`` already
    asked that of the sentence shown)."""
    question = case.question
    person = want is Want.NAME and asks_person_name(question)
    for start, end in (span for span, _ in kind_spans(question, sentence, want)):
        words = sentence.text[start:end].split()
        if not person or len(words) > 1 or after_an_office(sentence.text, start):
            return True
        if named_in_full(_texts(case), words[0]):
            return True
    asked = set(question.words)
    # «¿En qué año…?» is no «tras la votación», but may be «en el siglo II a. C.»
    cues = _YEAR_CUES if asks_year(question) else _TIME_CUES
    return want is Want.DATE and any(
        t.folded in cues and t.folded not in asked for t in sentence.words
    )


def _texts(case: Case) -> Iterator[str]:
    """The texts of the passages of the top passage's article (its first 1000: a book pasted
    as one article names its people early enough)."""
    lo, hi = case.index.article_range(case.top)
    return (case.index.passages[k].text for k in range(lo, min(hi, lo + 1000)))


def no_kind_nearby(case: Case) -> str | None:
    """A question that asks for a date, an hour, a span of time, a number or (when only a name
    answers it) a name, where neither the sentence shown nor the sentences beside it give one
    of that kind that the question does not already hold: the article talks about what is
    asked, but not that datum («¿Cuándo se verá el recurso?» of an article that only says it
    will be filed)."""
    want = one_kind_asked(case.question)
    if want is None or want.value not in NEARBY_WANTS:
        return None
    if want is Want.NUMBER and asked_measure(case.question) is not None:
        return None  # «¿A qué velocidad…?»: ``measures.no_measure`` knows its units
    if want is Want.NAME and not demands_name(case.question):
        return None
    sentences = case.index.sentences(case.top)
    # The sentence shown is one of its passage's (``respond.rank`` picks it among them).
    at = next((k for k, s in enumerate(sentences) if s.start == case.shown.start), 0)
    nearby = sentences[max(0, at - 1) : at + 2]
    if want is Want.DURATION and _LASTING & set(case.question.words):
        # «¿Cuánto tiempo lleva Begoña Arrieta de directora?»: a neighbour's span of time is
        # someone else's as often as not; the sentence that names her must give it.
        nearby = (case.shown,)
    if any(_gives_nearby(case, s, want) for s in nearby):
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
        (
            "al ano",
            "al año",
            "por ano",
            "por año",
            "cada ano",
            "cada año",
            "anual",
            "anuales",
            "anualmente",
        ),
    ),
    (
        ("al dia", "por dia"),
        (
            "al dia",
            "por dia",
            "cada dia",
            "diario",
            "diarios",
            "diaria",
            "diarias",
            "diariamente",
            "por jornada",
            "cada jornada",
            "a la jornada",
        ),
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
