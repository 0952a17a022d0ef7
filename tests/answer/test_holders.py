"""Who holds an office, by the surname the article calls them (``answer/holders.py``)."""

from __future__ import annotations

import pytest
from conftest import bot_over

from qa_bot.answer.holders import holder_surnames, offices_held
from qa_bot.text.analysis import stem
from qa_bot.text.question import parse_question

CONDENA = (
    "La Audiencia Provincial condenó este viernes a seis años de prisión al exalcalde de San "
    "Vicente de la Vega Eduardo Montaner por los delitos de prevaricación y cohecho.",
    "El tribunal considera probado que Montaner amañó dos concursos públicos a cambio de pagos "
    "que sumaron al menos 340.000 euros. Parte de ese dinero se destinó a reformar un chalé.",
    "La empresa adjudicataria despidió a doce trabajadores tras perder el contrato de limpieza "
    "de las calles del municipio.",
)


@pytest.mark.parametrize(
    ("sentence", "office", "surname"),
    [
        (CONDENA[0], "exalcalde", "montaner"),  # behind a place: three capitalized words
        (
            "El alcalde de Puerto Carey, Wilfredo Santiago Colón, firmó la orden.",
            "alcalde",
            "colon",
        ),
        ("Su directora, Yaiza Hernández, llamó a la aerolínea.", "directora", "hernandez"),
        ("Según Lacasa, el capitán del equipo, la red cayó.", "capitán", "lacasa"),
        ("Ayer, el capitán del equipo lo explicó en rueda de prensa.", "capitán", None),
        # a place after the office is no holder
        ("El alcalde de Puerto Carey firmó la orden ejecutiva.", "alcalde", None),
        ("La directora del Hospital Central dimitió ayer.", "directora", None),
    ],
)
def test_the_surname_an_article_gives_beside_an_office(
    sentence: str, office: str, surname: str | None
) -> None:
    bot = bot_over(sentence)
    found = holder_surnames(bot.index, stem(office), 0, len(bot.index))
    assert found == ({surname} if surname else set())


def test_a_passage_that_names_the_holder_by_surname_holds_the_office() -> None:
    bot = bot_over(*CONDENA)
    question = parse_question("¿Cuánto dinero cobró el exalcalde en sobornos?")
    index = bot.index
    assert offices_held(index, question, index.sentences(1), 0, len(index)) == {"exalcald"}
    # the passage that says «exalcalde» itself, or names nobody, is not credited by a surname
    assert offices_held(index, question, index.sentences(0), 0, len(index)) == set()
    assert offices_held(index, question, index.sentences(2), 0, len(index)) == set()


def test_a_question_about_an_office_is_answered_where_the_surname_stands_for_it() -> None:
    # Before: refused, the passage with the sum never says «exalcalde».
    answer = bot_over(*CONDENA).ask("¿Cuánto dinero cobró el exalcalde en sobornos?")
    assert answer.supported, answer.reason
    assert "340.000 euros" in answer.passages[0].sentence
