"""SQuAD exact match and F1 of the answer phrase, on a tiny SQuAD file worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa_bot.corpus.passages import split_articles
from qa_bot.eval.report import Rate
from qa_bot.eval.run import evaluate_file
from qa_bot.eval.scoring import squad_normalize, squad_scores
from qa_bot.eval.table import render_report
from qa_bot.models import Answer, Article, Hit

CONTEXT = "El pintor nació en La Coruña. Murió en el año 1631. Pintó bodegones."
# question -> (gold answer, the phrase the scripted system shows)
SCRIPT: dict[str, tuple[str, str | None]] = {
    "¿Dónde nació el pintor?": ("La Coruña", "coruña"),  # EM 1 once normalized, F1 1
    "¿Cuándo murió?": ("en el año 1631", "1631"),  # EM 0, F1 2·1·(1/3)/(4/3) = 0.5
    "¿Qué pintó?": ("bodegones", None),  # no phrase: 0 and 0
}


class Scripted:
    """Answers every question with the first passage and the phrase of ``SCRIPT``."""

    def __init__(self, articles: list[Article]) -> None:
        self.passage = split_articles(articles)[0]

    def ask(self, question: str, top_k: int = 1) -> Answer:
        hit = Hit.of(self.passage, 1.0)
        phrase = SCRIPT[question][1]
        if phrase is not None:
            start = self.passage.text.lower().index(phrase)
            hit = hit.model_copy(
                update={"answer": phrase, "answer_start": start, "answer_end": start + len(phrase)}
            )
        return Answer(question=question, supported=True, confidence=0.9, passages=[hit])


@pytest.fixture
def tiny_squad(tmp_path: Path) -> Path:
    qas = [
        {"id": str(i), "question": q, "answers": [{"text": a, "answer_start": CONTEXT.index(a)}]}
        for i, (q, (a, _)) in enumerate(SCRIPT.items())
    ]
    data = {
        "version": "1.1",
        "data": [{"title": "Pintor", "paragraphs": [{"context": CONTEXT, "qas": qas}]}],
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_normalization_is_the_official_one_in_spanish() -> None:
    assert squad_normalize("  ¡Los  Bodegones, de La Coruña!  ") == "bodegones de coruña"
    assert squad_normalize("Unas «tres» veces") == "tres veces"


def test_exact_match_and_f1_take_the_best_gold() -> None:
    assert squad_scores("coruña", ["La Coruña"]) == (1.0, 1.0)
    assert squad_scores("1631", ["en el año 1631"]) == (0.0, 0.5)
    assert squad_scores("1631", ["en el año 1631", "1631"]) == (1.0, 1.0)
    assert squad_scores(None, ["1631"]) == (0.0, 0.0)


def test_eval_reports_exact_match_and_f1_of_the_phrase(tiny_squad: Path) -> None:
    report = evaluate_file(tiny_squad, Scripted)
    assert report.phrases == Rate.of(2, 3)
    assert report.exact_match == pytest.approx(1 / 3)
    assert report.f1 == pytest.approx(0.5)
    assert report.exact_match_phrased == pytest.approx(0.5)
    assert report.f1_phrased == pytest.approx(0.75)
    table = render_report(report)
    assert "| frase: F1 (todas)" in table and "| frase: F1 (con frase)" in table
    assert json.loads(report.model_dump_json())["f1"] == pytest.approx(0.5)
