"""Question words typed as in a chat (``text/chat.py``)."""

from __future__ import annotations

import pytest

from qa_bot.text.chat import spelled_out
from qa_bot.text.question import QType, parse_question


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("q dia es la consulta", "qué dia es la consulta"),
        ("¿Q dia es?", "¿qué dia es?"),
        ("xq cerraron el puente", "por qué cerraron el puente"),
        ("dnd es la concentracion", "dónde es la concentracion"),
        ("a q hora sale", "a qué hora sale"),
        # a capital inside the question, or a letter stuck to figures, is something else
        ("la linea Q del metro", "la linea Q del metro"),
        ("cobran Q40 semanales", "cobran Q40 semanales"),
    ],
)
def test_chat_forms_are_spelled_out(typed: str, meant: str) -> None:
    assert spelled_out(typed) == meant


def test_a_chat_question_word_asks_and_is_no_search_term() -> None:
    parsed = parse_question("q dia es la consulta popular")
    assert parsed.qtype is QType.DATE
    assert "q" not in parsed.stems
    assert parse_question("xq cerraron el puente").qtype is QType.REASON
    assert parse_question("dnd es la concentracion").qtype is QType.PLACE
