"""What kind of answer a question asks for: a date, an amount of money, a name, an age… (``Want``),
read from its question word and the noun after «qué»/«cuál» («¿Qué empresa…?» a name,
«¿Qué porcentaje…?» a percentage). The answer phrase looks for a span of that kind, and the
refusal checks ask whether the sentence shown has one.
"""

from __future__ import annotations

from enum import Enum

from qa_bot.answer.money_asked import MONEY_STEMS, PRICE_AFTER_CUANTO, asks_money
from qa_bot.answer.roles import COPULA, asks_naming, asks_person_name
from qa_bot.text.analysis import stem
from qa_bot.text.question import QUESTION_WORDS, ParsedQuestion, QType


class Want(Enum):
    """The kind of span a question asks for."""

    NUMBER = "number"
    PERCENT = "percent"
    MONEY = "money"
    DATE = "date"
    HOUR = "hour"
    DURATION = "duration"
    AGE = "age"
    NAME = "name"
    TITLE = "title"
    PLACE = "place"
    REASON = "reason"
    OBJECT = "object"


# The noun after «qué»/«cuál es el» that says what «¿Qué X…?» asks for.
NOUN_WANTS: dict[str, Want] = {
    **dict.fromkeys("porcentaje proporcion tasa parte interes".split(), Want.PERCENT),
    **dict.fromkeys(
        "precio sueldo salario multa indemnizacion rescate coste costo importe dinero "
        "presupuesto inversion deuda alquiler renta dotacion".split(),
        Want.MONEY,
    ),
    **dict.fromkeys(
        "cantidad numero cifra capacidad nota puntuacion poblacion superficie extension altura "
        "temperatura velocidad distancia peso".split(),
        Want.NUMBER,
    ),
    **dict.fromkeys("plazo pena condena".split(), Want.DURATION),
    **dict.fromkeys("hora".split(), Want.HOUR),
    **dict.fromkeys("fecha dia".split(), Want.DATE),
    **dict.fromkeys(
        "empresa compania grupo partido equipo club universidad institucion organizacion "
        "banco marca entidad asociacion sindicato organismo ministerio constructora "
        "aseguradora consultora promotora distribuidora operadora aerolinea naviera editorial "
        "fundacion cooperativa federacion patronal multinacional fabricante laboratorio "
        # places with a proper name that readers ask for («¿En qué hospital…?», «¿En qué
        # periódico trabaja…?»): news that never say it name none near (noticias near-misses)
        "hospital clinica colegio instituto escuela museo periodico diario hotel teatro estadio "
        "aeropuerto".split(),
        Want.NAME,
    ),
    **dict.fromkeys(
        "pelicula libro novela obra documental cancion serie disco album cinta filme".split(),
        Want.TITLE,
    ),
}
# «¿Qué sindicatos convocaron…?», «¿Qué universidades participan…?»: their names, as the singular
# asks one. Not the plurals that ask kinds as often («¿Qué grupos…?», «¿Qué escuelas…?» →
# «grupos religiosos», «escuelas independientes»).
NOUN_WANTS |= dict.fromkeys(
    (
        "empresas companias sindicatos clubes universidades bancos partidos marcas aseguradoras "
        "consultoras constructoras promotoras distribuidoras operadoras aerolineas navieras "
        "editoriales fundaciones cooperativas federaciones multinacionales fabricantes "
        "laboratorios hoteles periodicos"
    ).split(),
    Want.NAME,
) | dict.fromkeys("peliculas libros novelas documentales canciones discos".split(), Want.TITLE)
# The kinds a noun after a singular «cuánto/cuánta» may ask instead of a count.
_KINDS_AFTER_CUANTO = frozenset((Want.DURATION, Want.MONEY, Want.PERCENT))
# The nouns of the bodies «¿Qué X…?» asks the name of (folded): «¿Quién fue el equipo…?» may be
# answered by «los Broncos».
ORGANIZATIONS = frozenset(k for k, v in NOUN_WANTS.items() if v is Want.NAME)
# Besides ORGANIZATIONS, the words that head or introduce the name of a body or a place, not a
# person's: «el Ayuntamiento de…», «la Universidad…», «la formación Nuevo Rumbo», «la revista
# Nature», «la calle…» (folded).
BODY_WORDS = frozenset(
    "ayuntamiento gobierno ministerio consejeria consejo junta tribunal audiencia corte comision "
    "agencia direccion secretaria servicio centro plaza calle avenida parque rio provincia firma "
    "cadena revista plataforma sociedad consorcio fondo red formacion agrupacion coalicion "
    "candidatura lista alianza".split()
)
# The stems of the words that only say which kind of datum is asked («¿Cuánto cuesta…?», «¿Qué
# edad…?», «¿Cuánto tarda…?»): a sentence that shares only these with a question is not about it.
DATUM_STEMS = (
    MONEY_STEMS
    | PRICE_AFTER_CUANTO
    | frozenset(
        stem(w)
        for w in (
            "edad años año tarda tardan tardó dura duran duró demora demoran demoró tiempo plazo "
            "hora horas fecha día "
            "días mide miden medía pesa pesan pesaba cantidad número cifra total "
            # units named in words; not «libras», «cuadras», «pies»: «libros», «cuadros», «a pie»
            "kilómetros metros centímetros milímetros kilos kilogramos gramos toneladas litros "
            "hectáreas"
        ).split()
    )
)
# The nouns that ask a measure right after «qué», «cuál es la», «a qué», «cuánta» («¿Qué
# distancia hay…?», «¿A qué velocidad iban…?»), folded, and its kind (``units.UNITS``, or
# "size"; ``measures.asked_measure``). Not anywhere in the question: «el gráfico de temperatura»
# or «los cambios en la lluvia» name a topic, they ask no measure.
MEASURE_NOUNS: dict[str, str] = {
    **dict.fromkeys("distancia longitud altura profundidad anchura".split(), "length"),
    "dimensiones": "size",
    **dict.fromkeys("extension superficie".split(), "area"),
    **dict.fromkeys("temperatura temperaturas".split(), "degrees"),
    "velocidad": "speed",
    "lluvia": "rainfall",
}
# Those nouns and «tamaño» only say what kind of datum is asked: an article that gives the
# measure need not say them.
MEASURE_STEMS = frozenset(stem(w) for w in (*MEASURE_NOUNS, "tamaño"))
DATUM_STEMS |= MEASURE_STEMS
_TYPE_WANTS = {
    QType.DATE: Want.DATE,
    QType.DURATION: Want.DURATION,
    QType.NUMBER: Want.NUMBER,
    QType.PERSON: Want.NAME,
    QType.PLACE: Want.PLACE,
    QType.REASON: Want.REASON,
    # "¿Cómo empezó…?" is answered by what it started from: "a raíz de la denuncia…".
    QType.MANNER: Want.REASON,
}


def asked_noun(after: list[str]) -> str:
    """The noun «qué»/«cuál» asks about, past a copula and an article: «¿Cuál es la empresa…?»
    -> "empresa" (folded words after the question word)."""
    rest = [w for w in after if w not in COPULA and w not in ("el", "la")]
    return rest[0] if rest else ""


def wanted(question: ParsedQuestion) -> Want | None:
    """What kind of span answers ``question``, or None when no kind is clear."""
    words = list(question.words)
    if question.age:
        return Want.AGE
    for i, word in enumerate(words):
        if asks_naming(words, i):
            return Want.NAME
        if word in ("quien", "quienes") and i and words[i - 1] in ("con", "para", "contra"):
            return None  # «¿Con quién viajó la alcaldesa?»: the company, not the subject
        # «¿Cuánto plazo…?», «¿Cuánta pena…?»: the noun says the kind, not a count.
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in ("cuanto", "cuanta") and NOUN_WANTS.get(after) in _KINDS_AFTER_CUANTO:
            return NOUN_WANTS[after]
        if word in ("que", "cual", "cuales"):
            noun = asked_noun(words[i + 1 :])
            if noun in NOUN_WANTS:
                return NOUN_WANTS[noun]
            if question.qtype is QType.OTHER and words[i + 1 : i + 2] and noun == words[i + 1]:
                return Want.OBJECT
            break
    if question.qtype is QType.DEFINITION and words[:1] in (["quien"], ["quienes"]):
        # "¿Quién fue elegido…?" asks for a name; "¿Quién es Shoigu?" for a description, but
        # "¿Quién es la concejala de Vivienda?" for the person who holds the office.
        participle = len(words) > 2 and words[2].endswith(("ado", "ada", "ido", "ida"))
        return Want.NAME if participle or asks_person_name(question) else None
    want = _TYPE_WANTS.get(question.qtype)
    if want is Want.NUMBER and asks_money(question):
        return Want.MONEY
    if want is Want.NUMBER and "porcentaje" in words:
        return Want.PERCENT
    return want


ASKED_DETERMINERS = frozenset("el la los las su sus".split())
QUESTION_PREPOSITIONS = frozenset("a de en con por para desde hasta sobre entre".split())


_SECOND_QUESTION = frozenset(
    "cuando donde adonde quien quienes cuanto cuanta cuantos cuantas cual cuales".split()
)


def one_kind_asked(question: ParsedQuestion) -> Want | None:
    """``wanted(question)``, or None when the question asks two things («¿Cuándo circularán los
    trenes y cuánto costará el billete?»): a sentence may answer one and not the other; or when
    its «cuando» opens a clause instead of asking."""
    words = list(question.words)
    if any(
        w in _SECOND_QUESTION and words[i - 1] in ("y", "e", "o")
        for i, w in enumerate(words)
        if i > 1
    ):
        return None
    want = wanted(question)
    if want is Want.DATE and not _asks_when(question):
        return None
    return want


_TIME_PREPOSITIONS = frozenset("desde hasta para y e".split())
# Interrogatives keep their accent; «que», «como» are also relative words and conjunctions.
ACCENTED_QUESTION_WORDS = frozenset(
    "qué cuál cuáles quién quiénes cuánto cuánta cuántos cuántas dónde adónde cómo".split()
)


def _asks_when(question: ParsedQuestion) -> bool:
    """Whether a date is asked by «cuándo» («¿Cuándo…?», «¿Desde cuándo…?», «¿Y cuándo…?») or by
    another question word («¿Qué día…?»), not by a «cuando» that opens a clause («Cuando se
    requiere mucho tiempo…, ¿qué caso…?», «…puede ocurrir cuando la gente…»)."""
    tokens = list(question.tokens)
    first = next((k for k, t in enumerate(tokens) if t.folded in QUESTION_WORDS), None)
    if first is None or tokens[first].folded != "cuando":
        return True
    if first > 0 and tokens[first - 1].folded not in _TIME_PREPOSITIONS:
        return False
    return not any(t.lower in ACCENTED_QUESTION_WORDS for t in tokens[first + 1 :])
