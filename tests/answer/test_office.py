"""The office a «¿Quién…?» question asks the holder of (``answer/office.py``)."""

from __future__ import annotations

import pytest
from conftest import assert_answers, bot_over

from qa_bot.answer.office import names_office, office_asked, offices_asked
from qa_bot.text.question import parse_question
from qa_bot.text.sentences import analyze_sentences


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("¿Quién es el abogado de Eduardo Montaner?", "abogado"),
        ("¿Y quién es su entrenador?", "entrenador"),
        ("¿Quién quedó finalista del premio Ciudad de Arlanza?", "finalista"),
        ("¿Cómo se llama la rectora de la universidad?", "rectora"),
        # encyclopedic «fue / era» asks more than an office's holder; «ganó» names no office
        ("¿Quién fue el investigador más influyente?", None),
        ("¿Quién ganó el premio?", None),
    ],
)
def test_the_office_asked(question: str, office: str | None) -> None:
    assert office_asked(parse_question(question)) == office


def test_an_office_is_named_in_its_gender() -> None:
    sentence = analyze_sentences("«Es inocente», sostiene su abogado, Ignacio Berrocal.")[0]
    assert names_office(sentence, "abogado")
    assert not names_office(sentence, "abogada")


_TRIAL = (
    "La Audiencia Provincial de Valdoria condenó este viernes a seis años de prisión al "
    "exalcalde de San Vicente Eduardo Montaner por prevaricación y cohecho.",
    "El tribunal considera probado que Montaner amañó dos concursos públicos de limpieza.",
    "«Mi cliente no se ha llevado un euro; la condena se basa en conjeturas», declaró su "
    "abogado, Luis Arjona, que recurrirá ante el Supremo.",
    "La alcaldesa, Nuria Salgado, celebró la sentencia.",
)


def test_the_holder_of_the_office_comes_before_the_lead_that_names_the_other_one() -> None:
    answer = bot_over(*_TRIAL).ask("¿Quién es el abogado de Eduardo Montaner?")
    assert_answers(answer, "Luis Arjona")


@pytest.mark.parametrize(
    ("question", "offices"),
    [
        # «¿Quién preside / dirige / entrena / defiende…?» asks who holds the office of the verb.
        ("quien entrena a Meseret Alemu", ("entrenador", "entrenadora")),
        ("¿Quién preside el jurado?", ("presidente", "presidenta")),
        ("¿Quién defiende a Mónica Prats?", ("abogado", "abogada", "defensor", "defensora")),
        ("¿Quién es el abogado de Eduardo Montaner?", ("abogado",)),
        # a verb that is no office's
        ("¿Quién ganó el premio?", ()),
    ],
)
def test_the_offices_of_a_verb(question: str, offices: tuple[str, ...]) -> None:
    assert offices_asked(parse_question(question)) == offices


_RACE = (
    "En la categoría femenina se impuso la etíope Meseret Alemu, que cruzó la meta con un "
    "tiempo de 2:29:10, récord de la prueba; Meseret Alemu ya ganó en Sevilla.",
    "La organización contó 4.100 corredores inscritos en la maratón de Ribadela.",
    "La atleta se entrena en Italia desde hace tres años: su entrenador, Marco Fassetti, cree "
    "que puede bajar de 2:25 en la maratón.",
    "El ayuntamiento destinó 180.000 euros a la organización de la prueba.",
)


def test_who_does_what_an_office_does_is_its_holder() -> None:
    # The lead names the athlete twice; the passage that names her coach answers «¿Quién la
    # entrena?».
    answer = bot_over(*_RACE).ask("quien entrena a Meseret Alemu")
    assert_answers(answer, "Marco Fassetti")


def test_the_sentence_of_the_best_passage_that_names_the_office_shows_its_holder() -> None:
    # The lead names the school; the next sentence, its director («Su directora»): the name
    # shown is hers, not the island's in brackets. Other passages speak of directors too.
    bot = bot_over(
        "La alarma saltó el 17 de febrero en el IES Punta del Tabaibal, en la Villa de Tajinaste "
        "(Gran Canaria). Su directora, Yaiza Hernández, llamó a la aerolínea para cambiar el "
        "nombre de un alumno y le contestaron que no existía ninguna reserva.",
        "La consejera de Educación, Milagros Peña, se reunió el jueves con los directores de los "
        "23 centros y les pidió que no vuelvan a contratar viajes sin un técnico.",
        "Algunos centros ya buscan un plan B. En el IES Punta del Tabaibal, los 64 alumnos "
        "afectados votaron el lunes entre cancelar el viaje o cambiar Roma por La Gomera.",
        "La Asociación de Directores de Secundaria de Canarias ha pedido a la Consejería un "
        "protocolo que obligue a contratar solo con agencias inscritas.",
    )
    assert_answers(bot.ask("¿Quién es la directora del IES Punta del Tabaibal?"), "Yaiza Hernández")
