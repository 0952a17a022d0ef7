"""Questions that only a proper name answers: «¿Cómo se llama el concejal…?», «¿Qué empresa…?»,
and the body whose name «¿Qué partido / banco / consultora…?» asks."""

from __future__ import annotations

from qa_bot.answer.asked import (
    ACCENTED_QUESTION_WORDS,
    ASKED_DETERMINERS,
    NOUN_WANTS,
    ORGANIZATIONS,
    QUESTION_PREPOSITIONS,
    Want,
    asked_noun,
)
from qa_bot.answer.people import PLACE_PREPOSITIONS
from qa_bot.answer.roles import asks_naming
from qa_bot.text.analysis import Token, fold
from qa_bot.text.question import ParsedQuestion


def demands_name(question: ParsedQuestion) -> bool:
    """Whether only a proper name answers ``question``: «¿Cómo se llama el concejal…?»,
    «¿Qué empresa…?», «¿Cuál es la empresa que…?». Not «¿Quién…?» («un farmacéutico», «los
    bizantinos»), nor «¿Cómo se llama cuando…?» or «¿Qué grupo de científicos…?», which ask for a
    kind of thing as often, nor a relative «que» («Nombre una forma en la que la organización…»)."""
    words = list(question.words)
    tokens = list(question.tokens)
    # A follow-up opens with «y»: «¿Y de qué partido es?»
    lead = 1 if words[:1] in (["y"], ["e"]) else 0
    for i, word in enumerate(words):
        if asks_naming(words, i):
            return words[i + 3 : i + 4] != [] and words[i + 3] in ASKED_DETERMINERS
        if word in ("que", "cual", "cuales"):
            asks = (
                tokens[i].lower in ACCENTED_QUESTION_WORDS
                or i == lead
                or (i == lead + 1 and words[lead] in QUESTION_PREPOSITIONS)
            )
            noun = asked_noun(words[i + 1 :])
            return asks and NOUN_WANTS.get(noun) is Want.NAME and not _of_a_kind(tokens, noun)
    return False


def asked_body(question: ParsedQuestion) -> str | None:
    """The body «¿Qué partido…?», «¿Qué banco…?», «¿De qué consultora…?» asks the name of (the noun
    as the question writes it, lowercase), or None: not «¿Cómo se llama…?», which may ask a
    term («la doctrina de Gandhi»), nor a choice between names the question gives («¿Qué equipo
    ganó entre los Broncos y los Steelers?»)."""
    words = list(question.words)
    if not demands_name(question) or ("entre" in words and "y" in words):
        return None
    for i, word in enumerate(words):
        if word in ("que", "cual", "cuales"):
            noun = asked_noun(words[i + 1 :])
            if noun in ORGANIZATIONS:
                token = next((t for t in question.tokens if t.folded == noun), None)
                return token.lower if token is not None else noun
            return None
    return None


def _of_a_kind(tokens: list[Token], noun: str) -> bool:
    """Whether the asked noun is followed by «de» and a common noun: «¿Qué grupo de científicos…?»
    asks for a kind of group, «¿Qué empresa de Singapur…?» for a company's name."""
    at = next((k for k, t in enumerate(tokens) if t.folded == noun), None)
    if at is None or at + 2 >= len(tokens) or tokens[at + 1].folded not in ("de", "del"):
        return False
    return not tokens[at + 2].text[:1].isupper()


# The offices of a government whose «de» names a portfolio («el diputado de Vías y Obras», «la
# concejala de Vivienda», «el ministro de Interior»), not the body someone leads or speaks for
# («el portavoz del Partido Popular», «el director del Hospital Clínico»).
PORTFOLIO_OFFICES = frozenset(
    "consejero consejera concejal concejala diputado diputada ministro ministra delegado "
    "delegada".split()
)


# The heads of a public administration's names: «el Departamento de Sanidad», «el Ayuntamiento»,
# «las Cortes regionales» are no party, company or bank, whatever else the sentence says.
_PUBLIC_HEADS = frozenset(
    "departamento consejeria ministerio ayuntamiento gobierno junta diputacion servicio "
    "direccion secretaria subsecretaria tribunal juzgado audiencia fiscalia policia guardia "
    "ejercito armada cortes parlamento congreso senado asamblea".split()
)


def a_public_body(text: str, span: tuple[int, int], body: str) -> bool:
    """Whether the name at ``span`` is a public administration's («Departamento de Sanidad»)
    while the question asks another kind of body (``body``, folded: «partido», «empresa»)."""
    words = text[span[0] : span[1]].split()
    return bool(words) and body not in _PUBLIC_HEADS and fold(words[0].lower()) in _PUBLIC_HEADS


def portfolio_or_province(text: str, span: tuple[int, int]) -> bool:
    """Whether the name at ``span`` is an office's portfolio («el diputado de Vías y Obras», «la
    concejala de Vivienda») or a province in brackets after a town («en Almarcén (Toledo)»): not
    the party, the company or the bank a question asks for. Not a name with a body's word in it
    («del Partido Popular»), nor one in brackets after a person («Juan Pérez (Vox)»), nor an
    acronym («(UGT)», «(Cs)»)."""
    name = text[span[0] : span[1]].strip()
    words = name.split()
    if not words or any(fold(w.lower()) in ORGANIZATIONS for w in words):
        return False
    if any(any(c.isupper() for c in w[1:]) for w in words):
        return False  # an acronym: «UGT», «Cs», «PSdeG»
    before = text[: span[0]].split()[-2:]
    if len(before) == 2 and before[1] == "de" and fold(before[0].lower()) in PORTFOLIO_OFFICES:
        return True
    bracketed = text[span[0] - 1 : span[0]] == "(" and text[span[1] : span[1] + 1] == ")"
    town = text[: span[0] - 1].split()[-2:]
    return (
        bracketed
        and len(town) == 2
        and town[0].lower() in PLACE_PREPOSITIONS  # «en Almarcén (Toledo)»
        and town[1][:1].isupper()
    )
