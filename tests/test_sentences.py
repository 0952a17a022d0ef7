"""Spanish sentence splitting: abbreviations, initials, numbers, inverted marks, quotes."""

from __future__ import annotations

import pytest

from qa_bot.sentences import sentence_spans


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Llegó de EE. UU. ayer por la tarde. Luego se fue.",
            ["Llegó de EE. UU. ayer por la tarde.", "Luego se fue."],
        ),
        (
            "Viajó a EE.UU. en mayo. Volvió en junio.",
            ["Viajó a EE.UU. en mayo.", "Volvió en junio."],
        ),
        (
            "El Sr. López habló. Nadie respondió.",
            ["El Sr. López habló.", "Nadie respondió."],
        ),
        (
            "La Dra. Pérez y la Sra. Gil llegaron. Se fueron.",
            ["La Dra. Pérez y la Sra. Gil llegaron.", "Se fueron."],
        ),
        (
            "Costó 1,5 millones de euros. Fue caro.",
            ["Costó 1,5 millones de euros.", "Fue caro."],
        ),
        (
            "Asistieron 1.500 personas. Hubo 2.5 veces más.",
            ["Asistieron 1.500 personas.", "Hubo 2.5 veces más."],
        ),
        ("¿Qué pasa? No lo sé.", ["¿Qué pasa?", "No lo sé."]),
        ("¡Qué sorpresa! ¿Quién lo esperaba?", ["¡Qué sorpresa!", "¿Quién lo esperaba?"]),
        (
            "Lo escribió J. K. Rowling en 1997. Fue un éxito.",
            ["Lo escribió J. K. Rowling en 1997.", "Fue un éxito."],
        ),
        (
            "Dijo: «Vamos a ganar.» Después se fue.",
            ["Dijo: «Vamos a ganar.»", "Después se fue."],
        ),
        (
            "Terminó la reunión. «No habrá acuerdo», dijo el ministro.",
            ["Terminó la reunión.", "«No habrá acuerdo», dijo el ministro."],
        ),
        (
            'Afirmó: "Es el fin." Nadie le creyó.',
            ['Afirmó: "Es el fin."', "Nadie le creyó."],
        ),
        ("Era el año 2020. En 2021 cambió.", ["Era el año 2020.", "En 2021 cambió."]),
        ("Esperó… Nadie vino.", ["Esperó…", "Nadie vino."]),
        ("Trajo sillas, mesas, etc. y se fue.", ["Trajo sillas, mesas, etc. y se fue."]),
        ("Sin punto final", ["Sin punto final"]),
    ],
)
def test_spanish_sentences(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_a_period_before_a_lowercase_word_does_not_break() -> None:
    assert split("Compró pan. y después leche. Volvió.") == [
        "Compró pan. y después leche.",
        "Volvió.",
    ]


def test_spans_are_trimmed_and_map_back() -> None:
    text = "  Primera frase.   Segunda frase.\n\n  Tercera.  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Primera frase.", "Segunda frase.", "Tercera."]


def test_a_window_of_the_text_keeps_offsets_in_the_whole_text() -> None:
    text = "Fuera. Dentro uno. Dentro dos. Fuera también."
    start = text.index("Dentro")
    end = text.index(" Fuera también")
    spans = sentence_spans(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Dentro uno.", "Dentro dos."]
    assert all(start <= s < e <= end for s, e in spans)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert sentence_spans(text) == []
