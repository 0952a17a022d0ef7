"""Noticias evaluation on a hand-made article: every count, by kind, article, turn and confidence.

``Scripted`` answers each question exactly as the table below says (paragraph, sentence,
confidence, or a refusal), so every expected figure can be worked out by hand and does not move
when qa-bot's retrieval is tuned.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from conftest import ARTICLE

from qa_bot.corpus.passages import split_articles
from qa_bot.eval.news_data import NewsQuestion, read_news
from qa_bot.eval.news_run import Exchange, Outcome, evaluate_news, reliability
from qa_bot.eval.report import NewsReport, NewsScores, Rate
from qa_bot.eval.table import render_news_comparison, render_news_report
from qa_bot.models import Answer, Article, Hit
from qa_bot.text.sentences import sentence_spans


class Reply(NamedTuple):
    """What ``Scripted`` answers: paragraph and 0-based sentence of its first hit, confidence;
    paragraph None is a refusal."""

    paragraph: int | None
    sentence: int = 0
    confidence: float = 0.9


def q(question: str, expect: str | None, para: int | None, kind: str) -> dict[str, Any]:
    return {"q": question, "expect": expect, "para": para, "kind": kind}


# The conftest article: p1 tram opened, 410 millones, three years; p2 the mayor, doscientos vecinos;
# p3 frequencies and the ticket (1,40 euros); p4 Acciona; p5 ecologists; p6 the opposition; p7 2026.
QUESTIONS: list[tuple[dict[str, Any], Reply]] = [
    # right, sentence right.
    (q("¿Cuánto costó la obra?", "410 millones", 1, "literal"), Reply(1, 1, 1.0)),
    # right, sentence right.
    (q("¿Quién es la alcaldesa?", "Natalia Chueca", 2, "literal"), Reply(2, 0, 0.85)),
    # p1 holds "euros" too, but the answer is in p3: a miss.
    (q("¿En qué moneda se paga el billete?", "euros", 3, "literal"), Reply(1, 1, 0.8)),
    # right passage, but the sentence shown is the ticket's: passage only.
    (q("cada cuanto pasan por la noche", "cada doce minutos", 3, "paraphrase"), Reply(3, 1, 0.75)),
    # wrong paragraph: a miss.
    (q("cuantos empleados hubo", "novecientos trabajadores", 4, "paraphrase"), Reply(7, 0, 0.65)),
    # refused: a false refusal.
    (q("cuanto vale el bilete", "1,40 euros", 3, "paraphrase"), Reply(None)),
    # right passage; the sentence shown (the convoy) does not say it.
    (q("¿Y qué dijo de la línea?", "reducirá a la mitad", 2, "anaphora"), Reply(2, 0, 0.55)),
    # right, sentence right.
    (
        q("¿Por qué lo celebran?", "retirará de la circulación", 5, "yesno-or-why"),
        Reply(5, 0, 0.92),
    ),
    # answered: wrong.
    (q("¿Cuánto cobra la alcaldesa?", None, None, "near"), Reply(2, 0, 0.6)),
    # refused: right.
    (q("¿Cuántas paradas tiene la línea?", None, None, "near"), Reply(None)),
    # answered: wrong.
    (q("¿Qué opina el Gobierno de Aragón?", None, None, "absent-entity"), Reply(6, 0, 0.7)),
    # refused: right.
    (q("¿Quién ganó el Mundial de 2010?", None, None, "offtopic"), Reply(None)),
]
DIALOGUES: list[list[tuple[dict[str, Any], Reply]]] = [
    [
        # the same question as above: the same reply.
        (
            {"q": "¿Quién es la alcaldesa?", "expect": "Natalia Chueca", "para": 2},
            Reply(2, 0, 0.85),
        ),
        # a follow-up refused: a false refusal.
        ({"q": "¿Y con quién viajó?", "expect": "doscientos vecinos", "para": 2}, Reply(None)),
        # a follow-up the article does not answer, answered: wrong.
        ({"q": "¿Y cuánto cobra?", "expect": None, "para": None}, Reply(2, 0, 0.6)),
    ],
    [
        ({"q": "¿Cuánto costó la obra?", "expect": "410 millones", "para": 1}, Reply(1, 1, 1.0)),
        # right; "La obra duró tres años y costó..." is the sentence shown.
        ({"q": "¿Y cuánto duró?", "expect": "tres años", "para": 1}, Reply(1, 1, 0.9)),
        # refused: right.
        ({"q": "¿Y quién la pagó?", "expect": None, "para": None}, Reply(None)),
    ],
]
SCRIPT: dict[str, Reply] = {}
for _row, _reply in [*QUESTIONS, *(turn for d in DIALOGUES for turn in d)]:
    # A question asked twice (alone and as a first turn) gets the same reply.
    assert SCRIPT.setdefault(_row["q"], _reply) == _reply, _row["q"]


class Scripted:
    """Answers from ``SCRIPT``: the first passage of the paragraph, with the sentence given."""

    def __init__(self, articles: list[Article]) -> None:
        self.passages = split_articles(articles)

    def ask(self, question: str, top_k: int = 1) -> Answer:
        reply = SCRIPT[question]
        if reply.paragraph is None:
            return Answer(
                question=question,
                supported=False,
                confidence=0.2,
                passages=[],
                reason="El artículo no responde.",
            )
        passage = next(p for p in self.passages if p.paragraph == reply.paragraph)
        span = sentence_spans(passage.text)[reply.sentence]
        hit = Hit.of(passage, score=1.0, sentence=span)
        return Answer(
            question=question, supported=True, confidence=reply.confidence, passages=[hit]
        )


def write_lines(path: Path, rows: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A noticias folder: 01-tranvia.txt, its 12 questions, and two dialogues on it."""
    folder = tmp_path / "noticias"
    folder.mkdir()
    (folder / "01-tranvia.txt").write_text(ARTICLE, encoding="utf-8")
    write_lines(folder / "01-tranvia.jsonl", [d for d, _ in QUESTIONS])
    write_lines(
        folder / "conversations.jsonl",
        [{"article": "01-tranvia", "turns": [t for t, _ in d]} for d in DIALOGUES],
    )
    (folder / "README.md").write_text("# No es una noticia\n", encoding="utf-8")
    return folder


@pytest.fixture
def report(news: Path) -> NewsReport:
    return evaluate_news(read_news(news), Scripted)


def scores(
    right: Rate | None, sentence: Rate | None, false: Rate | None, refused: Rate | None
) -> NewsScores:
    return NewsScores(right=right, sentence=sentence, false_refusals=false, refused=refused)


def core(s: NewsScores) -> NewsScores:
    """The scores without the answer-phrase measures (tested on their own)."""
    return s.model_copy(
        update={"phrase": None, "phrase_shown": None, "phrase_shown_answerable": None}
    )


def test_totals(report: NewsReport) -> None:
    assert (report.source, report.format, report.articles) == ("noticias", "noticias", 1)
    assert (report.questions, report.answerable, report.unanswerable) == (12, 8, 4)
    assert core(report.scores) == scores(Rate.of(5, 8), Rate.of(3, 8), Rate.of(1, 8), Rate.of(2, 4))


def test_by_kind_in_the_readme_order(report: NewsReport) -> None:
    assert {k: core(v) for k, v in report.by_kind.items()} == {
        "paraphrase": scores(Rate.of(1, 3), Rate.of(0, 3), Rate.of(1, 3), None),
        "anaphora": scores(Rate.of(1, 1), Rate.of(0, 1), Rate.of(0, 1), None),
        "literal": scores(Rate.of(2, 3), Rate.of(2, 3), Rate.of(0, 3), None),
        "yesno-or-why": scores(Rate.of(1, 1), Rate.of(1, 1), Rate.of(0, 1), None),
        "near": scores(None, None, None, Rate.of(1, 2)),
        "absent-entity": scores(None, None, None, Rate.of(0, 1)),
        "offtopic": scores(None, None, None, Rate.of(1, 1)),
    }
    assert list(report.by_kind) == [
        "paraphrase",
        "anaphora",
        "literal",
        "yesno-or-why",
        "near",
        "absent-entity",
        "offtopic",
    ]


def test_per_article(report: NewsReport) -> None:
    assert [(a.name, a.scores) for a in report.per_article] == [("01-tranvia", report.scores)]


def test_dialogue_turns_first_and_follow_up(report: NewsReport) -> None:
    d = report.dialogues
    assert d is not None
    assert (d.dialogues, d.turns, d.context) == (2, 6, False)
    assert core(d.first) == scores(Rate.of(2, 2), Rate.of(2, 2), Rate.of(0, 2), None)
    assert core(d.follow_up) == scores(Rate.of(1, 2), Rate.of(1, 2), Rate.of(1, 2), Rate.of(1, 2))
    assert core(d.all) == scores(Rate.of(3, 4), Rate.of(3, 4), Rate.of(1, 4), Rate.of(1, 2))


def test_reliability_buckets(report: NewsReport) -> None:
    rows = [(b.low, b.high, b.right) for b in report.reliability]
    assert rows == [
        (0.5, 0.6, Rate.of(1, 1)),  # 0.55 anaphora: right
        (0.6, 0.7, Rate.of(0, 2)),  # 0.65 wrong paragraph, 0.6 near answered
        (0.7, 0.8, Rate.of(1, 2)),  # 0.75 right passage, 0.7 absent entity answered
        (0.8, 0.9, Rate.of(1, 2)),  # 0.85 right, 0.8 (the lower edge) the euros of p1
        (0.9, 1.0, Rate.of(2, 2)),  # 1.0 (in the last bucket), 0.92
    ]
    assert report.reliability[-1].mean_confidence == pytest.approx(0.96)


def test_reliability_shows_low_buckets_only_when_used() -> None:
    gold = NewsQuestion(id="x", question="x", expect="y", paragraph=1, kind="literal")

    def outcome(confidence: float, right: bool, supported: bool = True) -> Outcome:
        answer = Answer(question="x", supported=supported, confidence=confidence, passages=[])
        return Outcome("a", gold, answer, right, right)

    refused = outcome(0.1, False, supported=False)
    buckets = reliability([outcome(0.3, False), outcome(0.95, True), refused])
    assert [(b.low, b.right, b.mean_confidence) for b in buckets] == [
        (0.3, Rate.of(0, 1), 0.3),
        (0.4, Rate.of(0, 0), None),
        (0.5, Rate.of(0, 0), None),
        (0.6, Rate.of(0, 0), None),
        (0.7, Rate.of(0, 0), None),
        (0.8, Rate.of(0, 0), None),
        (0.9, Rate.of(1, 1), 0.95),
    ]
    assert [b.low for b in reliability([])] == [0.5, 0.6, 0.7, 0.8, 0.9]


def test_failures(report: NewsReport) -> None:
    failures = [(f.kind, f.id, f.question_kind, f.got, f.paragraph) for f in report.failures]
    assert failures == [
        ("miss", "01-tranvia:3", "literal", "p1", 3),
        ("miss", "01-tranvia:5", "paraphrase", "p7", 4),
        ("false_refusal", "01-tranvia:6", "paraphrase", None, 3),
        ("not_refused", "01-tranvia:9", "near", "p2", None),
        ("not_refused", "01-tranvia:11", "absent-entity", "p6", None),
        ("false_refusal", "conversations:1.2", None, None, 2),
        ("not_refused", "conversations:1.3", None, "p2", None),
    ]
    # A false refusal says why it refused; the other failures were answered.
    assert [f.reason for f in report.failures if f.kind == "false_refusal"] == [
        "El artículo no responde."
    ] * 2
    assert all(f.reason is None for f in report.failures if f.kind != "false_refusal")


def test_a_turn_runner_receives_the_previous_turns(news: Path) -> None:
    seen: list[tuple[str, list[str], list[bool]]] = []

    def with_context(ranker: Any, previous: Sequence[Exchange], question: str) -> Answer:
        seen.append(
            (question, [e.question for e in previous], [e.answer.supported for e in previous])
        )
        return ranker.ask(question, top_k=1)

    report = evaluate_news(read_news(news), Scripted, turn_runner=with_context)
    assert seen[:3] == [
        ("¿Quién es la alcaldesa?", [], []),
        ("¿Y con quién viajó?", ["¿Quién es la alcaldesa?"], [True]),
        ("¿Y cuánto cobra?", ["¿Quién es la alcaldesa?", "¿Y con quién viajó?"], [True, False]),
    ]
    assert seen[3] == ("¿Cuánto costó la obra?", [], [])  # a new dialogue starts afresh
    assert report.dialogues is not None and report.dialogues.context


def test_each_article_is_its_own_corpus_built_once(news: Path) -> None:
    built: list[list[str]] = []

    def factory(articles: list[Article]) -> Scripted:
        built.append([a.slug for a in articles])
        return Scripted(articles)

    second = news / "02-otra.txt"
    second.write_text(ARTICLE, encoding="utf-8")
    write_lines(news / "02-otra.jsonl", [d for d, _ in QUESTIONS[:2]])
    report = evaluate_news(read_news(news), factory)
    assert built == [["01-tranvia"], ["02-otra"]]
    assert [a.name for a in report.per_article] == ["01-tranvia", "02-otra"]
    assert report.per_article[1].scores.right == Rate.of(2, 2)
    assert report.scores.right == Rate.of(7, 10)


def test_progress_counts_questions_and_turns(news: Path) -> None:
    calls: list[tuple[int, int]] = []
    evaluate_news(read_news(news), Scripted, lambda done, total: calls.append((done, total)))
    assert calls == [(i, 18) for i in range(1, 19)]


def test_without_sentence(news: Path) -> None:
    report = evaluate_news(read_news(news), Scripted, sentence=False)
    assert report.scores.sentence is None
    assert all(s.sentence is None for s in report.by_kind.values())
    assert report.dialogues is not None and report.dialogues.all.sentence is None
    assert report.scores.right == Rate.of(5, 8)


def test_one_pair(news: Path) -> None:
    report = evaluate_news(read_news(news / "01-tranvia.jsonl"), Scripted)
    assert (report.source, report.questions, report.dialogues) == ("01-tranvia.jsonl", 12, None)
    assert report.scores.right == Rate.of(5, 8)


def test_report_table(report: NewsReport) -> None:
    text = render_news_report(report)
    assert text.startswith(
        "noticias (noticias): 1 artículo, 12 preguntas, 8 con respuesta y 4 sin ella; "
        "2 diálogos, 6 turnos\n"
    )
    for row in [
        "| paráfrasis (paraphrase)         | 0.333 (1/3) |            0.000 (0/3) |  0.000 (0/3) |                        — (0/0) |       0.333 (1/3) |                         — |",
        "| literal                         | 0.667 (2/3) |            0.667 (2/3) |  0.000 (0/3) |                        — (0/0) |       0.000 (0/3) |                         — |",
        "| pide un dato que no da (near)   |           — |                      — |            — |                        — (0/0) |                 — |               0.500 (1/2) |",
        "| todas                           | 0.625 (5/8) |            0.375 (3/8) |  0.000 (0/8) |                        — (0/0) |       0.125 (1/8) |               0.500 (2/4) |",
        "Diálogos (cada turno solo, sin los anteriores):",
        "| turnos siguientes | 0.500 (1/2) |            0.500 (1/2) |  0.000 (0/2) |                        — (0/0) |       0.500 (1/2) |               0.500 (1/2) |",
        "| 0.6–0.7   |                2 |         0 |      0.000 |           0.625 |",
    ]:
        assert row in text, row
    assert "| artículo" not in text  # one article: its row would repeat «todas»


def test_comparison_table(report: NewsReport, news: Path) -> None:
    peer = evaluate_news(read_news(news), Scripted, sentence=False)
    lines = render_news_comparison([("qa-bot", report), ("otro", peer)]).splitlines()
    assert lines[0] == "| medida                                 | qa-bot | otro |"
    cells = {line.split("|")[1].strip(): line.split("|")[2:4] for line in lines[2:]}
    assert [c.strip() for c in cells["con respuesta, correctas"]] == ["5/8", "5/8"]
    assert [c.strip() for c in cells["frase con la respuesta"]] == ["3/8", "—"]
    assert [c.strip() for c in cells["· ajena al tema (offtopic)"]] == ["1/1", "1/1"]
    assert [c.strip() for c in cells["diálogos: sin respuesta, rechazados"]] == ["1/2", "1/2"]
    assert render_news_comparison([]) == ""
