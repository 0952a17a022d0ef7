"""«¿Cuánta gente vive en X?»: the sentence that gives X's inhabitants is shown, and a question
whose place the article gives no population of is refused, not answered with another count."""

from __future__ import annotations

import pytest
from conftest import bot_over

from qa_bot.answer.population import NO_POPULATION, asks_population
from qa_bot.text.question import parse_question

_TOWN = (
    "El paritorio del hospital de Barbanera cerrará este verano por falta de ginecólogos.",
    "El año pasado nacieron en Barbanera 287 niños, frente a los más de 400 de hace una década. "
    "El hospital atiende a buena parte de los 19.400 habitantes de la comarca.",
    "El alcalde de Barbanera, Joaquín Ballarín, ofrecerá una vivienda gratuita a los "
    "especialistas que acepten una plaza. La localidad tiene 8.300 vecinos.",
    "Las embarazadas de la zona tendrán que dar a luz en Huesca, a 68 kilómetros.",
    "La plataforma vecinal ha recogido 11.600 firmas contra el cierre del paritorio.",
    "El sindicato médico pide contratos más largos para atraer a los residentes.",
)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("cuanta gente vive en barbanera", True),
        ("¿Cuántos habitantes tiene Barbanera?", True),
        ("cuantos vecinos tiene el pueblo", True),
        ("cuantas personas viven en huancollo", True),
        ("cuanta gente habia en la cena", False),  # who came, not who lives there
        ("cuantos pobladores quedaron incomunicados", False),
        ("¿Qué porcentaje de la población es protestante?", False),
    ],
)
def test_what_asks_a_population(question: str, asks: bool) -> None:
    assert asks_population(parse_question(question)) is asks


def test_the_places_inhabitants_are_shown_not_another_count() -> None:
    answer = bot_over(*_TOWN).ask("cuanta gente vive en barbanera")
    assert answer.supported, answer.reason
    # Not «287 niños» (births) nor «19.400 habitantes de la comarca» (another place).
    assert "8.300 vecinos" in answer.passages[0].sentence


def test_no_population_of_the_place_asked_is_refused() -> None:
    article = [_TOWN[0], "En Huancollo han muerto unas 3.400 alpacas por las heladas."]
    answer = bot_over(*article).ask("cuantas personas viven en huancollo")
    assert not answer.supported
    assert answer.reason == NO_POPULATION
    # Another town's inhabitants are no answer either.
    other = bot_over(_TOWN[0], "Valdemoriel, de 1.315 habitantes, es la cabecera de la comarca.")
    refused = other.ask("cuantos habitantes tiene barbanera")
    assert not refused.supported
    assert refused.reason == NO_POPULATION


def test_the_municipality_whose_sentence_names_something_else_is_the_place_asked() -> None:
    # «El municipio» is the town the passage speaks of, though the sentence names a housing
    # estate; a sentence that names another place without saying «el municipio» is not.
    answer = bot_over(
        "Un juzgado de Salamanca condena a la promotora a pagar 2,36 millones a los vecinos.",
        "El alcalde de Villaldea del Tormes, Tomás Hernández, tramitará la licencia de obras. "
        "El municipio, de 2.700 habitantes, casi duplicó su población gracias a "
        "urbanizaciones como Los Almendros.",
        "Las casas se levantaron sobre arcillas expansivas junto al arroyo.",
    ).ask("cuanta gente vive en villaldea")
    assert answer.supported, answer.reason
    assert "2.700 habitantes" in answer.passages[0].sentence
    other = bot_over(
        "El alcalde de Villaldea del Tormes, Tomás Hernández, tramitará la licencia de obras. "
        "Salamanca, de 144.000 habitantes, está a 14 kilómetros.",
        "Las casas se levantaron sobre arcillas expansivas junto al arroyo.",
    ).ask("cuanta gente vive en villaldea")
    assert not other.supported
    assert other.reason == NO_POPULATION


_GUAYAPE = (
    "En Santa María del Guayape, un municipio de unos 14.000 habitantes en el departamento de "
    "Olancho, casi no quedan muchachos para jugar la liga de fútbol.",
    "Las misas del domingo se llenan de abuelas: casi 40 de cada 100 niños viven sin su papá.",
    "En el pueblo, la gente que se queda vive del café y de lo que mandan del norte.",
    "El club Real Guayape, fundado en 1978, se retiró de la liga regional en julio.",
    "La cooperativa pagó en el semestre remesas por valor de 96 millones de lempiras.",
    "El corte de café paga ahora de 200 a 320 lempiras por día.",
)


def test_the_readers_town_is_the_articles_municipality_though_they_share_no_word() -> None:
    # «el pueblo» names no place: the article's «un municipio de unos 14.000 habitantes» is its
    # population, though that passage holds no word of the question (BM25 never ranks it) and
    # the passage that does gives no figure.
    answer = bot_over(*_GUAYAPE).ask("cuanta gente vive en el pueblo")
    assert answer.supported, answer.reason
    assert "14.000 habitantes" in answer.passages[0].sentence
    assert answer.passages[0].answer == "unos 14.000 habitantes"  # the figure, not whose it is
    # Another place's population is still no answer to it.
    other = bot_over(
        *_GUAYAPE[1:], "Los 19.400 habitantes de la comarca de Olancho dependen del café."
    )
    refused = other.ask("cuanta gente vive en el pueblo")
    assert not refused.supported


@pytest.mark.parametrize("question", ["cuanta gente vive alli", "¿Cuánta gente vive ahí?"])
def test_a_readers_alli_is_the_articles_place(question: str) -> None:
    answer = bot_over(*_GUAYAPE).ask(question)
    assert answer.supported, answer.reason
    assert answer.passages[0].answer == "unos 14.000 habitantes"


_FACTORY = (
    "La multinacional Kessler Pack cerrará la planta de Envases Duriel en Castrovega.",
    "La factoría abrió sus puertas en 1987 y es el mayor empleador de este municipio de 9.400 "
    "habitantes.",
    "La Asociación de Empresarios de Castrovega calcula que se perderán otros 150 empleos.",
    "«No vamos a permitir que Castrovega se convierta en un pueblo dormitorio», dijo el alcalde.",
    "Los 212 trabajadores de la planta y muchos vecinos se concentraron ayer ante la fábrica.",
    "La población de Castrovega ha caído un 8% en la última década.",
)


def test_this_municipality_is_the_place_the_article_is_about() -> None:
    # «este municipio» of a passage that never names it is Castrovega, which most passages name;
    # «vecinos» asked, «habitantes» given.
    answer = bot_over(*_FACTORY).ask("¿Cuántos vecinos tiene Castrovega?")
    assert answer.supported, answer.reason
    assert "9.400 habitantes" in answer.passages[0].sentence
    # a town the article names once is not what «este municipio» speaks of
    other = bot_over(*_FACTORY[:5], "Los camiones salen cada día hacia Burgos.")
    refused = other.ask("¿Cuántos habitantes tiene Burgos?")
    assert not refused.supported
