"""The span finders of text/spans.py on the forms news write hours and sums in."""

from __future__ import annotations

import pytest

from qa_bot.text.spans import dates, hours, money


def _found(finder, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[a:b] for a, b in finder(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La cita será a las diez de la mañana en su sede.", ["a las diez de la mañana"]),
        ("Saldrá a las siete y media de la tarde.", ["a las siete y media de la tarde"]),
        ("El fallo se conoció a las once de la noche.", ["a las once de la noche"]),
        ("Llegaron a las doce en punto.", ["a las doce en punto"]),
        ("El pleno empezó a las doce del mediodía.", ["a las doce del mediodía"]),
        ("Salió a las ocho y veinte de la tarde.", ["a las ocho y veinte de la tarde"]),
        ("Cerró a las nueve menos diez de la noche.", ["a las nueve menos diez de la noche"]),
        ("Llegó a las ocho y cinco de la tarde.", ["a las ocho y cinco de la tarde"]),
        ("Salió a las diez y cuarenta de la mañana.", ["a las diez y cuarenta de la mañana"]),
        ("El tren salió a las 6.12 horas.", ["a las 6.12 horas"]),
        # A number in words without the part of the day counts things.
        ("Las dos centrales salieron por mantenimiento.", []),
        ("Cerraron las once empresas del polígono.", []),
    ],
)
def test_hours(text: str, expected: list[str]) -> None:
    assert _found(hours, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alquilan canoas a 20.000 guaraníes por viaje.", ["20.000 guaraníes por viaje"]),
        ("El expediente costaba 6,4 millones de soles.", ["6,4 millones de soles"]),
        ("Un kilo de papa cuesta 3 soles.", ["3 soles"]),
        ("Le pagaron 300 reales.", ["300 reales"]),
        ("La deuda es de 200 bolívares.", ["200 bolívares"]),
        ("El billete cuesta 3,40 euros.", ["3,40 euros"]),
        # «soles», «reales», «liras» are other words too: money only after digits, and «reales
        # decretos» are decrees.
        ("El Consejo de Ministros aprobó dos reales decretos.", []),
        ("Aprobó 2 reales decretos.", []),
        ("Comieron en un restaurante con dos Soles Repsol.", []),
    ],
)
def test_money(text: str, expected: list[str]) -> None:
    assert _found(money, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Campuzano defenderá su tesis en otoño.", ["en otoño"]),
        ("La tienda abrirá la próxima primavera.", ["la próxima primavera"]),
        ("Llegó a finales del verano de 2024.", ["a finales del verano de 2024"]),
        ("El verano pasado cerró la fábrica.", ["El verano pasado"]),
        ("Volverán a reunirse la semana que viene.", ["la semana que viene"]),
        ("El próximo año habrá elecciones.", ["El próximo año"]),
        ("El ofibús pasará todos los miércoles por el pueblo.", ["todos los miércoles"]),
        ("El mercado abrirá los viernes hasta las diez.", ["los viernes"]),
        ("Cierra cada domingo.", ["cada domingo"]),
        # Names and figures of speech are no time.
        ("La primavera árabe sacudió Túnez.", []),
        ("El invierno demográfico avanza en la comarca.", []),
        ("Lo dijo en el otoño de su carrera.", []),
        ("El Primavera Sound llena Barcelona.", []),
        ("Los Viernes de Dolores llenan la iglesia.", []),
        # A season named as a thing, not as a time.
        ("El calor del verano aprieta en la costa.", []),
        ("Cerraron por las vacaciones de verano.", []),
    ],
)
def test_dates(text: str, expected: list[str]) -> None:
    assert _found(dates, text) == expected
