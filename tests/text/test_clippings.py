"""Short forms readers type («km», «peli», «la muni», «el ayto»): read as the article's full word
when the article spells it out, left alone when the article uses the short form itself or none of
its full forms."""

from __future__ import annotations

import pytest
from conftest import bot_over

from qa_bot.text.analysis import stem
from qa_bot.text.clippings import unclipped

_CINEMA = (
    "La cooperativa reabrió el sábado el cine Lux de Navalcastaño, cerrado desde 2019.",
    "Para ver una película en una sala, los vecinos tenían que conducir 54 kilómetros hasta "
    "la capital de la provincia.",
    "El Ayuntamiento cedió el local por 30 años a cambio de un alquiler de 300 euros al año.",
    "La entrada costó 5 euros el día del estreno y se vendieron las 180 butacas.",
    "La cooperativa necesita unos 180 espectadores cada fin de semana para cubrir gastos.",
)


def test_a_short_form_stands_for_the_first_full_form_the_corpus_holds() -> None:
    vocab = {stem("kilómetros"), stem("municipio"), stem("polideportivo")}
    assert unclipped("km", vocab, {}) == stem("kilómetros")
    # «muni» is «municipalidad» in Peru and «municipio» in Spain: the one the article says
    assert unclipped("muni", vocab, {}) == stem("municipio")
    # «el poli» is the sports hall when the article has no police in it
    assert unclipped("poli", vocab, {}) == stem("polideportivo")
    assert unclipped("peli", vocab, {}) is None  # no film in this corpus: still missing
    assert unclipped("casa", vocab, {}) is None  # not a short form


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("cuantos km hay que hacer para ver una peli", "54 kilómetros"),
        ("cuanto cobra el ayto por el local", "300 euros"),
        ("cuanta gente necesitan cada finde", "180 espectadores"),
    ],
)
def test_questions_with_short_forms_find_the_articles_words(question: str, shown: str) -> None:
    answer = bot_over(*_CINEMA).ask(question)
    assert answer.supported, answer.reason
    assert shown in answer.passages[0].sentence


def test_an_article_that_uses_the_short_form_keeps_it() -> None:
    bot = bot_over(
        "La carrera popular tiene un recorrido de 10 km por el casco antiguo.",
        "El alcalde entregó los premios a los 20 primeros kilómetros de la vuelta ciclista.",
        "La inscripción cuesta 12 euros.",
    )
    answer = bot.ask("cuantos km tiene la carrera")
    assert answer.supported
    assert "10 km" in answer.passages[0].sentence


def test_a_unit_alone_does_not_make_another_articles_question_answered() -> None:
    # «km» now finds «kilómetros», but a unit only says what kind of figure is asked, as
    # «euros» does: an article that shares nothing else with the question still refuses it.
    bot = bot_over(
        "El instituto de Llanovera abrirá en septiembre un curso de mantenimiento eólico.",
        "«Subir a 80 metros con viento de 50 kilómetros por hora no se aprende en un libro», "
        "dijo el director del centro.",
        "El curso tiene 30 plazas y recibió 463 solicitudes.",
    )
    assert not bot.ask("cuantos km hay de puerto maragüe a manta").supported
