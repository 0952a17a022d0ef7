"""The span finders of text/spans.py on the forms news write hours, sums and dates in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qa_bot.text.spans import dates, hours, money

Finder = Callable[[str], list[tuple[int, int]]]


@pytest.mark.parametrize(
    ("finder", "text", "expected"),
    [
        # hours
        (hours, "La cita será a las diez de la mañana en su sede.", ["a las diez de la mañana"]),
        (hours, "Saldrá a las siete y media de la tarde.", ["a las siete y media de la tarde"]),
        (hours, "El fallo se conoció a las once de la noche.", ["a las once de la noche"]),
        (hours, "Llegaron a las doce en punto.", ["a las doce en punto"]),
        (hours, "El pleno empezó a las doce del mediodía.", ["a las doce del mediodía"]),
        (hours, "Salió a las ocho y veinte de la tarde.", ["a las ocho y veinte de la tarde"]),
        (
            hours,
            "Cerró a las nueve menos diez de la noche.",
            ["a las nueve menos diez de la noche"],
        ),
        (hours, "Llegó a las ocho y cinco de la tarde.", ["a las ocho y cinco de la tarde"]),
        (
            hours,
            "Salió a las diez y cuarenta de la mañana.",
            ["a las diez y cuarenta de la mañana"],
        ),
        (hours, "El tren salió a las 6.12 horas.", ["a las 6.12 horas"]),
        # A number in words without the part of the day counts things.
        (hours, "Las dos centrales salieron por mantenimiento.", []),
        (hours, "Cerraron las once empresas del polígono.", []),
        # money
        (money, "Alquilan canoas a 20.000 guaraníes por viaje.", ["20.000 guaraníes por viaje"]),
        (money, "El expediente costaba 6,4 millones de soles.", ["6,4 millones de soles"]),
        (money, "Un kilo de papa cuesta 3 soles.", ["3 soles"]),
        (money, "Le pagaron 300 reales.", ["300 reales"]),
        (money, "La deuda es de 200 bolívares.", ["200 bolívares"]),
        (money, "El billete cuesta 3,40 euros.", ["3,40 euros"]),
        # A currency's sign before the figures, as Latin American news writes it.
        (money, "El boleto pasará a costar $ 64 desde abril.", ["$ 64"]),
        (money, "La deuda ronda los US$ 30 millones.", ["US$ 30 millones"]),
        (money, "El relleno privado cobra Q385 por tonelada.", ["Q385 por tonelada"]),
        (money, "El pasaje cuesta S/ 20 y la carga ₡6.500.", ["S/ 20", "₡6.500"]),
        (money, "Recibió cerca de $ 3 millones de pesos.", ["cerca de $ 3 millones de pesos"]),
        (money, "Las ventas del Q1 de 2024 subieron.", []),  # a quarter, not quetzales
        # «soles», «reales», «liras» are other words too: money only after digits, and «reales
        # decretos» are decrees.
        (money, "El Consejo de Ministros aprobó dos reales decretos.", []),
        (money, "Aprobó 2 reales decretos.", []),
        (money, "Comieron en un restaurante con dos Soles Repsol.", []),
        # Bolivia's, Nicaragua's and Panama's currencies are demonyms or a city too: after digits.
        (money, "Venden el diésel a 10 bolivianos el litro.", ["10 bolivianos el litro"]),
        (money, "Miles de bolivianos salieron a la calle.", []),
        (
            money,
            "El pasaje sube a 25 córdobas y la multa a 300 balboas.",
            ["25 córdobas", "300 balboas"],
        ),
        (money, "Viajó de Córdoba a Sevilla.", []),
        # dates
        (dates, "Campuzano defenderá su tesis en otoño.", ["en otoño"]),
        (dates, "La tienda abrirá la próxima primavera.", ["la próxima primavera"]),
        (dates, "Llegó a finales del verano de 2024.", ["a finales del verano de 2024"]),
        (dates, "El verano pasado cerró la fábrica.", ["El verano pasado"]),
        (dates, "Volverán a reunirse la semana que viene.", ["la semana que viene"]),
        (dates, "El próximo año habrá elecciones.", ["El próximo año"]),
        (dates, "El ofibús pasará todos los miércoles por el pueblo.", ["todos los miércoles"]),
        (dates, "El mercado abrirá los viernes hasta las diez.", ["los viernes"]),
        (dates, "Cierra cada domingo.", ["cada domingo"]),
        # Names and figures of speech are no time.
        (dates, "La primavera árabe sacudió Túnez.", []),
        (dates, "El invierno demográfico avanza en la comarca.", []),
        (dates, "Lo dijo en el otoño de su carrera.", []),
        (dates, "El Primavera Sound llena Barcelona.", []),
        (dates, "Los Viernes de Dolores llenan la iglesia.", []),
        # A season named as a thing, not as a time.
        (dates, "El calor del verano aprieta en la costa.", []),
        (dates, "Cerraron por las vacaciones de verano.", []),
    ],
)
def test_spans(finder: Finder, text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in finder(text)] == expected
