"""The shipped synonym table, sinonimos-es.tsv (built by benchmarks/build_synonyms.py)."""

from __future__ import annotations

import unicodedata

import pytest

from qa_bot import data
from qa_bot.text.analysis import stem


def _rows(name: str) -> tuple[list[str], list[list[str]]]:
    lines = data.read_text(name).splitlines()
    header = [line for line in lines if line.startswith("#")]
    return header, [line.split("\t") for line in lines if not line.startswith("#")]


def _is_word(word: str) -> bool:
    return word.isalpha() and word == word.lower() and unicodedata.is_normalized("NFC", word)


@pytest.fixture(scope="module")
def synonyms() -> dict[str, list[str]]:
    _, rows = _rows("sinonimos-es.tsv")
    assert all(len(row) == 3 for row in rows), [row for row in rows if len(row) != 3][:3]
    assert all(key == stem(head) for key, head, _ in rows)
    assert [(key, head) for key, head, _ in rows] == sorted((key, head) for key, head, _ in rows)
    heads = [head for _, head, _ in rows]
    assert len(heads) == len(set(heads)), "a headword has two lines"
    return {head: syns.split("|") for _, head, syns in rows}


def test_synonym_header_and_size() -> None:
    header, _ = _rows("sinonimos-es.tsv")
    assert data.read_text("sinonimos-es.tsv").startswith(
        "# source=mythes-es 7.5.0 th_es_ES_v2.dat licence=LGPL-2.1\n"
    )
    assert len(header) == 2
    assert (data.FOLDER / "sinonimos-es.tsv").stat().st_size < 1_500_000


def test_synonym_lines_are_single_lowercase_words(synonyms: dict[str, list[str]]) -> None:
    for head, syns in synonyms.items():
        assert _is_word(head), head
        assert syns and all(_is_word(s) for s in syns), (head, syns)
        assert head not in syns, head
        assert len(syns) == len(set(syns)) <= 12, (head, syns)


def test_known_synonyms(synonyms: dict[str, list[str]]) -> None:
    assert "parar" in synonyms["detener"]
    assert "adquirir" in synonyms["comprar"]
    assert "morir" in synonyms["fallecer"]
    assert synonyms["aeropuerto"] == ["aeródromo"]
    # The source has no "detenido" or "arrestado" headword.
    assert "detenido" not in synonyms and "arrestado" not in synonyms


def test_antonyms_and_labels_are_dropped(synonyms: dict[str, list[str]]) -> None:
    # Source: "ahorrador" ... "gastador (Antónimo)"; "sopesar" ... "menospreciar (Antónimo)".
    assert "gastador" not in synonyms["ahorrador"]
    assert "menospreciar" not in synonyms["sopesar"]


def test_licence_files() -> None:
    synonyms = data.read_text("LICENSE-sinonimos.txt")
    assert "Marcelo Garrone" in synonyms and "mythes-es" in synonyms
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in synonyms and "Version 2.1" in synonyms
