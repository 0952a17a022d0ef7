"""A measure asked by what it measures («¿Qué distancia…?», «¿De qué tamaño…?», «¿Cuánto
llovió?»): the sentence that gives a figure in a unit of that kind is shown, and a sentence that
gives none is refused."""

from __future__ import annotations

import pytest
from conftest import assert_refused, bot_over

from qa_bot.answer.measures import asked_measure
from qa_bot.answer.units import gives_unit, unit_kind
from qa_bot.text.question import parse_question


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("a que distancia de la orilla los asaltaron", "length"),
        ("¿Qué distancia hay hasta la capital?", "length"),
        ("de que tamaño es el satelite", "size"),
        ("cuanto mide el puente", "size"),
        ("cuanto llovio en esos dos dias", "rainfall"),
        ("que tan helado amanecio el martes", "degrees"),
        ("¿A qué velocidad iban los terópodos?", "speed"),
        ("cuanto ocupa la zona", "area"),
        ("¿Cuánto pesa el satélite?", "weight"),
        # a topic, not a measure asked
        ("¿Cuándo se publicó el gráfico de temperatura del hemisferio norte?", None),
        ("¿Qué unidad se mide para determinar la complejidad?", None),
        ("¿Cuál era el tamaño promedio de los hogares?", None),
        ("¿Qué tan rápido mata la peste?", None),
        ("¿A qué longitud de onda llegan las bandas?", None),
        ("¿Por qué se extendió tan rápido el fuego?", None),
    ],
)
def test_what_asks_a_measure(question: str, kind: str | None) -> None:
    assert asked_measure(parse_question(question)) == kind


@pytest.mark.parametrize(
    ("text", "kind", "gives"),
    [
        ("Esta cuenca abarca 5 500 000 km2 de selva", "area", True),
        ("una parcela de 3,2 hectáreas", "area", True),
        ("a 14 kilómetros de Salamanca", "area", False),  # a length is no area
        ("a 14 kilómetros de Salamanca", "length", True),
        ("a un kilómetro del río", "length", True),
        ("caminaban a unos 8 kilómetros por hora", "speed", True),
        ("caminaban a unos 8 kilómetros por hora", "length", False),
        ("cayeron 187 litros por metro cuadrado", "rainfall", True),
        ("de 62 por 48 centímetros", "size", True),
        ("el Amazonas absorbe 1,5 gigatoneladas de carbono", "weight", True),
        ("entregó dos toneladas de ayuda", "weight", True),
        ("se vendieron por 165.000 euros", "length", False),
        ("a 21 grados bajo cero", "degrees", True),
    ],
)
def test_a_figure_in_a_unit_of_the_kind(text: str, kind: str, gives: bool) -> None:
    assert gives_unit(text, kind) is gives


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("cuantos metros mide el puente", "length"),
        ("cuantos metros cuadrados tiene cada chalet", "area"),
        ("cuantas toneladas de ayuda entregaron", "weight"),
        # «cuadros» and «libros» share their stems with «cuadras» and «libras»: no units
        ("cuantos cuadros se robaron del museo", None),
        ("cuantos libros vendio la editorial", None),
    ],
)
def test_a_unit_asked_by_name(question: str, kind: str | None) -> None:
    parsed = parse_question(question)
    assert unit_kind(parsed, parsed.terms[0]) == kind


_ASSAULT = (
    "Los 412 socios de la cooperativa de Puerto Maragüe paralizaron la flota durante 72 horas.",
    "Los pescadores denuncian que los piratas les han robado 31 motores fuera de borda este año. "
    "El último asalto ocurrió la madrugada del sábado, a unas 18 millas de la costa.",
    "El capitán de puerto reconoció que los medios son limitados y pidió a los pescadores que "
    "salgan en grupo.",
    "Los asaltos se repiten cerca de la orilla desde marzo: los piratas asaltaron cuatro "
    "lanchas y exigen 40 dólares a la semana a cada embarcación.",
)


def test_the_sentence_that_gives_the_measure_is_shown() -> None:
    answer = bot_over(*_ASSAULT).ask("a que distancia de la orilla los asaltaron")
    assert answer.supported, answer.reason
    assert "18 millas" in answer.passages[0].sentence
    # the answer phrase is the figure with its unit, not a bare number
    assert answer.passages[0].answer == "18 millas"


def test_a_size_is_shown_whole() -> None:
    answer = bot_over(
        "La Universidad de Almenara lanzó el martes su primer satélite, el Alcaraván-1.",
        "El satélite, de 10 por 10 por 34 centímetros y 3,9 kilos, tomará fotografías.",
        "El rector anunció un máster de ingeniería espacial para el curso que viene.",
    ).ask("de que tamaño es el satelite")
    assert answer.supported, answer.reason
    assert answer.passages[0].answer == "10 por 10 por 34 centímetros"


def test_a_sentence_with_no_measure_of_the_kind_is_refused() -> None:
    bot = bot_over(
        "La Diputación cerró el lunes al tráfico el puente de Valderrosa sobre el río Almenar.",
        "El puente, inaugurado en 1927, soporta a diario el paso de unos 2.400 vehículos.",
        "Los vecinos de la otra orilla tendrán que dar un rodeo por la carretera nacional.",
    )
    # 1927 and 2.400 vehículos are figures, but no length
    assert_refused(bot.ask("cuanto mide el puente de valderrosa"), "pide un tamaño")
