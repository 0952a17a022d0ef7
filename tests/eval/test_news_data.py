"""Reading the noticias format: folders, one pair, dialogues, and bad input as Spanish QAErrors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ARTICLE

from qa_bot.errors import QAError
from qa_bot.eval.news_data import is_news, read_news

QUESTION = {"q": "¿Cuánto costó la obra?", "expect": "410 Millones", "para": 1, "kind": "literal"}
REFUSE = {"q": "¿Quién ganó el Mundial?", "expect": None, "para": None, "kind": "offtopic"}


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A noticias folder with one article (01-tranvia) and its two questions."""
    root = tmp_path / "noticias"
    root.mkdir()
    (root / "01-tranvia.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "01-tranvia.jsonl").write_text(
        f"{line(**QUESTION)}\n\n{line(**REFUSE)}\n", encoding="utf-8"
    )
    return root


def test_folder(folder: Path) -> None:
    data = read_news(folder)
    assert (data.source, data.dialogues) == ("noticias", ())
    (article,) = data.articles
    assert (article.name, article.article.slug) == ("01-tranvia", "01-tranvia")
    assert article.article.text == ARTICLE
    first, second = article.questions
    assert (first.id, first.question, first.expect, first.paragraph, first.kind) == (
        "01-tranvia:1",
        "¿Cuánto costó la obra?",
        "410 Millones",
        1,
        "literal",
    )
    assert first.answerable and not second.answerable
    assert (second.id, second.paragraph, second.kind) == ("01-tranvia:3", None, "offtopic")


def test_dialogues(folder: Path) -> None:
    turns = [
        {"q": "¿Quién es la alcaldesa?", "expect": "Natalia Chueca", "para": 2},
        {"q": "¿Y cuánto cobra?", "expect": None, "para": None},
    ]
    (folder / "conversations.jsonl").write_text(
        line(article="01-tranvia", turns=turns) + "\n", encoding="utf-8"
    )
    (dialogue,) = read_news(folder).dialogues
    assert (dialogue.id, dialogue.article) == ("conversations:1", "01-tranvia")
    assert [(t.id, t.expect, t.paragraph, t.kind) for t in dialogue.turns] == [
        ("conversations:1.1", "Natalia Chueca", 2, None),
        ("conversations:1.2", None, None, None),
    ]


def test_one_pair_and_its_article(folder: Path, tmp_path: Path) -> None:
    data = read_news(folder / "01-tranvia.jsonl")
    assert (data.source, len(data.articles[0].questions)) == ("01-tranvia.jsonl", 2)
    elsewhere = tmp_path / "otra" / "tranvia.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text(ARTICLE, encoding="utf-8")
    (folder / "01-tranvia.txt").unlink()
    data = read_news(folder / "01-tranvia.jsonl", article=elsewhere)
    assert data.articles[0].name == "tranvia"


def test_is_news(folder: Path, tmp_path: Path) -> None:
    seed = tmp_path / "seed.jsonl"
    seed.write_text('{"q": "¿Qué?", "expect": null}\n', encoding="utf-8")
    squad = tmp_path / "squad.json"
    squad.write_text('{"data": []}', encoding="utf-8")
    broken = tmp_path / "roto.jsonl"
    broken.write_text("no es json\n", encoding="utf-8")
    assert is_news(folder) and is_news(folder / "01-tranvia.jsonl")
    assert not any(is_news(p) for p in (seed, squad, broken, tmp_path / "no-existe.jsonl"))


def bad(folder: Path, text: str) -> None:
    (folder / "01-tranvia.jsonl").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f'{line(**QUESTION)}\n{{"q": "hola", nope\n', "01-tranvia.jsonl, línea 2: no es JSON"),
        ("[1, 2]\n", "línea 1: se esperaba un objeto"),
        (line(q="¿Qué?", expect=None, para=None) + "\n", "línea 1: falta «kind»"),
        (line(**QUESTION, nota="x") + "\n", "línea 1: sobra el campo «nota»"),
        (line(**{**QUESTION, "para": 0}) + "\n", "línea 1: «para» no es válido"),
        (line(**{**QUESTION, "para": 2}) + "\n", "«410 Millones» no está en el párrafo 2 de"),
        (line(**{**QUESTION, "para": 9}) + "\n", "tiene 7 párrafos; no hay párrafo 9"),
        (line(**{**QUESTION, "para": None}) + "\n", "línea 1: falta «para»"),
        (line(**{**REFUSE, "para": 3}) + "\n", "«para» debe ser null cuando «expect» es null"),
        (line(**{**QUESTION, "expect": " "}) + "\n", "«expect» está vacío"),
        ("\n \n", "01-tranvia.jsonl está vacío"),
    ],
)
def test_bad_question_lines(folder: Path, text: str, message: str) -> None:
    bad(folder, text)
    with pytest.raises(QAError, match=re.escape(message)):
        read_news(folder)


def test_not_utf8(folder: Path) -> None:
    (folder / "01-tranvia.jsonl").write_bytes('{"q": "¿Qué año?"}'.encode("latin-1"))
    with pytest.raises(QAError, match="no es texto UTF-8"):
        read_news(folder)


@pytest.mark.parametrize(
    ("dialogue", "message"),
    [
        (line(article="99-otra", turns=[QUESTION]), "línea 1: no hay noticia «99-otra»"),
        (line(article="01-tranvia", turns=[]), "línea 1: «turns» no es válido"),
        (
            line(article="01-tranvia", turns=[{"q": "¿Y?", "expect": "Chueca", "para": 1}]),
            "línea 1, turno 1: «Chueca» no está en el párrafo 1",
        ),
        ("{", "conversations.jsonl, línea 1: no es JSON"),
    ],
)
def test_bad_dialogues(folder: Path, dialogue: str, message: str) -> None:
    (folder / "conversations.jsonl").write_text(dialogue + "\n", encoding="utf-8")
    with pytest.raises(QAError, match=re.escape(message)):
        read_news(folder)


def test_missing_article(folder: Path) -> None:
    (folder / "01-tranvia.txt").unlink()
    with pytest.raises(QAError, match=re.escape("Falta 01-tranvia.txt junto a")) as folder_error:
        read_news(folder)
    assert "--article" not in str(folder_error.value)
    with pytest.raises(QAError, match="indíquela con --article"):
        read_news(folder / "01-tranvia.jsonl")
    with pytest.raises(QAError, match="No existe el artículo"):
        read_news(folder / "01-tranvia.jsonl", article=folder / "no.txt")


def test_other_bad_paths(folder: Path, tmp_path: Path) -> None:
    empty = tmp_path / "vacia"
    empty.mkdir()
    (empty / "conversations.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(QAError, match="no contiene preguntas"):
        read_news(empty)
    with pytest.raises(QAError, match=r"son diálogos .* indique la carpeta"):
        read_news(empty / "conversations.jsonl")
    with pytest.raises(QAError, match="--article solo se indica con un archivo"):
        read_news(folder, article=folder / "01-tranvia.txt")
    with pytest.raises(QAError, match="No existe"):
        read_news(tmp_path / "nada")
