"""Spanish sentence splitting: abbreviations, initials, numbers, inverted marks, quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_bot import QABot
from qa_bot.text.sentences import sentence_spans


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
        # a capital letter is no initial before a word that opens a sentence
        (
            "Algunos centros ya buscan un plan B. En el IES Punta del Tabaibal votaron.",
            ["Algunos centros ya buscan un plan B.", "En el IES Punta del Tabaibal votaron."],
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


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La ley:\n- Limita los alquileres.\n- Crea 50.000 pisos públicos\n* Sube el IVA",
            [
                "La ley:",
                "- Limita los alquileres.",
                "- Crea 50.000 pisos públicos",
                "* Sube el IVA",
            ],
        ),
        (
            "Pasos:\n1. Pedir cita\n2) Llevar el DNI",
            ["Pasos:", "1. Pedir cita", "2) Llevar el DNI"],
        ),
        (
            "# La nueva ley\nEl Congreso la aprobó ayer.",
            ["# La nueva ley", "El Congreso la aprobó ayer."],
        ),
    ],
)
def test_markdown_list_items_and_headings_are_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_hard_wrapped_lines_stay_one_sentence() -> None:
    text = "El ministro de Defensa visitó\nPyongyang en julio, según - dijo - la\nagencia oficial."
    assert sentences(text) == [text]


def test_a_markdown_list_item_is_the_supporting_sentence(tmp_path: Path) -> None:
    path = tmp_path / "ley.md"
    path.write_text(
        "# La ley de vivienda\n\nLa ley aprobada ayer:\n- Limita los alquileres en zonas tensionadas.\n"
        "- Crea 50.000 pisos públicos hasta 2030.\n- Sube los impuestos a las viviendas vacías.\n",
        encoding="utf-8",
    )
    hit = QABot.load(path).ask("¿Cuántos pisos públicos crea la ley?").passages[0]
    # Read as a reader sees it: the item, without its bullet.
    assert hit.sentence == "Crea 50.000 pisos públicos hasta 2030."
