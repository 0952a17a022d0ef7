"""``qa-bot eval`` on noticias data: a folder, one pair, ``--json``, and bad input as exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE

from qa_bot.eval.report import NewsReport

QUESTIONS = [
    {"q": "¿Cuánto costó la obra?", "expect": "410 millones", "para": 1, "kind": "literal"},
    {"q": "¿Quién es la alcaldesa?", "expect": "Natalia Chueca", "para": 2, "kind": "literal"},
    {"q": "¿Quién ganó el Mundial de 2010?", "expect": None, "para": None, "kind": "offtopic"},
]
DIALOGUE = {
    "article": "01-tranvia",
    "turns": [
        {"q": "¿Quién es la alcaldesa?", "expect": "Natalia Chueca", "para": 2},
        {"q": "¿Y cuánto cobra?", "expect": None, "para": None},
    ],
}


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "noticias"
    folder.mkdir()
    (folder / "01-tranvia.txt").write_text(ARTICLE, encoding="utf-8")
    lines = [json.dumps(q, ensure_ascii=False) for q in QUESTIONS]
    (folder / "01-tranvia.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "conversations.jsonl").write_text(
        json.dumps(DIALOGUE, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return folder


def test_help_names_noticias(run) -> None:  # type: ignore[no-untyped-def]
    # benchmarks/figures.sh measures noticias only when the help says so.
    rc, out, _ = run("eval", "--help")
    assert rc == 0 and "noticias" in out


def test_folder_table(run, news: Path) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run("eval", "--no-progress", str(news))
    assert (rc, err) == (0, "")
    assert out.startswith(
        "noticias (noticias): 1 artículo, 3 preguntas, 2 con respuesta y 1 sin ella; "
        "1 diálogo, 2 turnos\n"
        "Orden de los pasajes: BM25, sin lector semántico.\n"
    )
    assert "| literal " in out and "| ajena al tema (offtopic) " in out
    assert "Diálogos (con los turnos anteriores):" in out
    assert "| 0.9–1.0   |" in out


def test_pair_json(run, news: Path) -> None:  # type: ignore[no-untyped-def]
    rc, out, _ = run("eval", "--json", str(news / "01-tranvia.jsonl"))
    assert rc == 0
    report = NewsReport.model_validate_json(out)
    assert (report.source, report.questions, report.dialogues) == ("01-tranvia.jsonl", 3, None)
    assert report.scores.right is not None and report.scores.right.total == 2
    assert report.scores.refused is not None and report.scores.refused.total == 1
    assert out.count("\n") == 1  # one line
    assert report.semantic is None  # words alone (QA_BOT_SEMANTIC=0 in the tests)


def test_the_report_names_the_semantic_reader_it_used(  # type: ignore[no-untyped-def]
    run, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qa_bot.index import meaning

    # What `eval` reports, not what ranks (the answer layer keeps its own reference).
    monkeypatch.setattr(meaning, "meaning", lambda: object())
    rc, out, _ = run("eval", "--no-progress", str(news / "01-tranvia.jsonl"))
    assert rc == 0
    assert f"Orden de los pasajes: BM25 y el lector semántico {meaning.MODEL_NAME}.\n" in out
    rc, out, _ = run("eval", "--json", str(news / "01-tranvia.jsonl"))
    assert NewsReport.model_validate_json(out).semantic == meaning.MODEL_NAME


def test_pair_with_article_elsewhere(run, news: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = news / "01-tranvia.txt"
    moved = article.rename(tmp_path / "tranvia.txt")
    rc, _, err = run("eval", str(news / "01-tranvia.jsonl"))
    assert rc == 2 and "Falta 01-tranvia.txt junto a" in err
    rc, out, _ = run("eval", str(news / "01-tranvia.jsonl"), "--article", str(moved))
    assert rc == 0 and out.startswith("01-tranvia.jsonl (noticias): 1 artículo, 3 preguntas")


def test_line_that_is_not_json(run, news: Path) -> None:  # type: ignore[no-untyped-def]
    path = news / "01-tranvia.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"q": "¿Y?", nope\n', encoding="utf-8")
    rc, out, err = run("eval", str(news))
    assert (rc, out) == (2, "")
    assert err == (
        f"qa-bot: {path}, línea 4: no es JSON (columna 14); cada línea es "
        '{"q": pregunta, "expect": fragmento o null, "para": párrafo o null, "kind": tipo}.\n'
    )


def test_missing_article(run, news: Path) -> None:  # type: ignore[no-untyped-def]
    (news / "01-tranvia.txt").unlink()
    rc, out, err = run("eval", str(news))
    assert (rc, out) == (2, "")
    assert err == (
        f"qa-bot: Falta 01-tranvia.txt junto a {news / '01-tranvia.jsonl'}: cada archivo de "
        "preguntas va con su noticia.\n"
    )


@pytest.mark.slow
def test_bad_input_exits_2_without_a_traceback(news: Path) -> None:
    (news / "conversations.jsonl").write_text("no es json\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "qa_bot", "eval", str(news)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"qa-bot: {news / 'conversations.jsonl'}, línea 1: no es JSON")
    assert "Traceback" not in done.stderr and done.stdout == ""
