"""«¿Cada cuánto pasa el tren?»: the sentence that says how often is shown, and one that does not
is refused; «cada» frames the question, it is no word to match."""

from __future__ import annotations

import pytest
from conftest import assert_refused, bot_over

from qa_bot.answer.frequency import NO_FREQUENCY, asks_frequency, gives_frequency
from qa_bot.text.question import parse_question


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("cada cuanto pasa un tren", True),
        ("¿Cada cuánto tiempo se revisan los pantanos?", True),
        ("¿Con qué frecuencia pasa el autobús?", True),
        ("¿Y cuánto costó cada uno?", False),
        ("¿Cuántas veces se ha interrumpido el servicio?", False),
    ],
)
def test_what_asks_how_often(question: str, asks: bool) -> None:
    assert asks_frequency(parse_question(question)) is asks


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("Los trenes circularán cada 15 minutos.", True),
        ("La furgoneta parará en la plaza todos los miércoles.", True),
        ("Se revisan una vez cada quince días.", True),
        ("El técnico viene dos veces al mes.", True),
        ("El Doctor Who viaja ocasionalmente solo.", True),
        ("Los seis convoyes tienen capacidad para 380 viajeros cada uno.", False),
        ("El billete costará 3,40 euros.", False),
    ],
)
def test_what_says_how_often(text: str, gives: bool) -> None:
    assert gives_frequency(text) is gives


def test_cada_is_no_word_of_the_question() -> None:
    assert "cad" not in parse_question("cada cuanto pasa un tren").stems


_TRAIN = (
    "El primer tren entre la estación central y el aeropuerto salió el lunes con 300 viajeros.",
    "Los trenes circularán cada 15 minutos entre las 5.30 y las 23.45.",
    "La asociación de usuarios critica que el tren no pase por el barrio de Las Huertas, por "
    "donde pasa la mitad de los viajeros de la línea.",
    "Los seis convoyes tienen capacidad para 380 viajeros cada uno.",
)


def test_the_sentence_that_says_how_often_is_shown() -> None:
    answer = bot_over(*_TRAIN).ask("cada cuanto pasa un tren")
    assert answer.supported, answer.reason
    assert "cada 15 minutos" in answer.passages[0].sentence
    assert answer.passages[0].answer == "cada 15 minutos"  # not the span of time «15 minutos»


def test_a_sentence_that_does_not_say_how_often_is_refused() -> None:
    bot = bot_over(_TRAIN[0], _TRAIN[2], _TRAIN[3])
    assert_refused(bot.ask("cada cuanto pasa un tren"), NO_FREQUENCY)
