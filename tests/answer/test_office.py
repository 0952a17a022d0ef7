"""The office a «¿Quién…?» question asks the holder of (``answer/office.py``)."""

from __future__ import annotations

import pytest
from conftest import assert_answers, bot_over

from qa_bot.answer.office import names_office, office_asked
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
