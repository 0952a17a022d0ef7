"""Bad evaluation files get Spanish messages, never pydantic's or json's English."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_bot.errors import QAError
from qa_bot.eval.data import read_eval_file

ENGLISH = ("Field required", "Expecting", "Invalid JSON", "Extra inputs", "Input should")


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("sin-expect.jsonl", '{"q": "x"}\n', "falta «expect»"),
        ("no-json.jsonl", "hola\n", "no es JSON"),
        ("sobra.jsonl", '{"q": "x", "expect": null, "otra": 1}\n', "sobra el campo «otra»"),
        ("roto.json", "{x\n", "no es JSON válido (línea 1, columna 2)"),
        ("squad.json", '{"data": [{"title": 1}]}', "no tiene la forma de un archivo SQuAD"),
    ],
)
def test_a_bad_file_is_described_in_spanish(
    tmp_path: Path, name: str, text: str, said: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QAError) as caught:
        read_eval_file(path)
    message = str(caught.value)
    assert said in message
    assert not any(word in message for word in ENGLISH), message
