"""The answer phrase of someone's office asked («¿Qué cargo tiene Shoigu?»): the apposition beside
the name in the sentence shown (``answer/role_phrase.py``)."""

from __future__ import annotations

import pytest
from conftest import bot_over

from qa_bot.answer.role_phrase import asks_office, office_span
from qa_bot.text.question import parse_question
from qa_bot.text.sentences import analyze_sentences


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("¿Qué cargo tiene Shoigu?", True),
        ("¿Cuál es el puesto de Marta Iglesias?", True),
        ("¿A qué se dedica Tomás Recio?", True),
        ("¿Qué cargos se le imputan?", False),
        ("¿Quién es Shoigu?", False),
    ],
)
def test_what_asks_an_office(question: str, asks: bool) -> None:
    assert asks_office(parse_question(question)) is asks


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        (
            "¿Qué cargo tiene Shoigu?",
            "Sergei Shoigu, el ministro de Defensa ruso, visitó Corea del Norte.",
            "el ministro de Defensa ruso",
        ),
        (
            "¿A qué se dedica Tomás Recio?",
            "Las vio en abril Tomás Recio, un maestro jubilado de 71 años.",
            "un maestro jubilado de 71 años",
        ),
        (
            "¿Qué cargo ocupa Marta Iglesias?",
            "Lo anunció la presidenta del comité, Marta Iglesias, tras la reunión.",
            "la presidenta del comité",
        ),
        (
            "¿Qué cargo tiene Ana Ruiz?",
            "Según la secretaria general de la federación, Ana Ruiz, el paro sigue.",
            "la secretaria general de la federación",
        ),
        # A name with no apposition beside it gives none.
        ("¿Qué cargo tiene Shoigu?", "Shoigu visitó Pyongyang en julio.", None),
    ],
)
def test_the_apposition_beside_the_name(question: str, sentence: str, expected: str | None) -> None:
    analyzed = analyze_sentences(sentence)[0]
    span = office_span(parse_question(question), analyzed)
    assert (None if span is None else sentence[span[0] : span[1]]) == expected


def test_the_office_is_the_answer_shown() -> None:
    answer = bot_over(
        "Sergei Shoigu, el ministro de Defensa ruso, visitó Corea del Norte en julio.",
        "El Kremlin no ha confirmado el acuerdo de suministro de munición.",
    ).ask("¿Qué cargo tiene Shoigu?")
    assert answer.supported, answer.reason
    assert answer.passages[0].answer == "el ministro de Defensa ruso"
