"""Evaluation: readers, the protocol's metrics on hand-made files, tables, and ``qa-bot eval``.

The metrics are checked with ``WordOverlap`` (and ``SentenceOverlap`` for the sentence metric),
fake rankers whose answers can be worked out by hand, so the expected values do not move when
qa-bot's retrieval is tuned.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import pytest

from qa_bot import QABot
from qa_bot.cli.eval_cmd import add_eval_parser, run_eval
from qa_bot.corpus.passages import split_article, split_articles
from qa_bot.errors import QAError
from qa_bot.eval.cut import cut_paragraph_questions
from qa_bot.eval.data import read_eval_file, to_article, unique_slugs
from qa_bot.eval.report import EvalReport, Rate
from qa_bot.eval.run import evaluate_file, evaluate_squad
from qa_bot.eval.scoring import normalize_answer
from qa_bot.eval.table import render_comparison, render_report
from qa_bot.models import Answer, Article, Hit
from qa_bot.text.sentences import sentence_spans

FAKE_STOP = {"cuándo", "cuántos", "cómo", "dónde", "quién", "tiene"}


def content_words(text: str) -> set[str]:
    """The fake's terms: lowercase words of 4+ characters, minus a few question words."""
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 4 and w not in FAKE_STOP}


class WordOverlap:
    """Ranks qa-bot's passages by how many question words they contain; refuses when none does.

    Ties keep passage order (stable sort), so every answer below can be worked out by hand.
    """

    def __init__(self, articles: list[Article]) -> None:
        self.passages = split_articles(articles)

    def ask(self, question: str, top_k: int = 1) -> Answer:
        words = content_words(question)
        scored = [(len(words & content_words(p.text)), p) for p in self.passages]
        ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: -s[0])[:top_k]
        hits = [Hit.of(p, score=float(score)) for score, p in ranked]
        return Answer(
            question=question, supported=bool(hits), confidence=float(bool(hits)), passages=hits
        )


class SentenceOverlap(WordOverlap):
    """WordOverlap whose hits highlight the sentence with the most question words (first on ties).

    ``WordOverlap``'s sentence is the whole passage, so its sentence metric always equals top-1.
    """

    def ask(self, question: str, top_k: int = 1) -> Answer:
        answer = super().ask(question, top_k)
        words = content_words(question)
        hits = [self._with_sentence(hit, words) for hit in answer.passages]
        return answer.model_copy(update={"passages": hits})

    @staticmethod
    def _with_sentence(hit: Hit, words: set[str]) -> Hit:
        start, end = max(
            sentence_spans(hit.text),
            key=lambda span: len(words & content_words(hit.text[span[0] : span[1]])),
        )
        update = {"sentence": hit.text[start:end], "sentence_start": start, "sentence_end": end}
        return hit.model_copy(update=update)


def qa(qid: str, question: str, *answers: str) -> dict[str, Any]:
    return {"id": qid, "question": question, "answers": [{"text": a} for a in answers]}


# Three articles of two paragraphs. For each question, what WordOverlap returns of its own article
# (per article), of all three (pooled), and of the next article (puerto -> rio -> torneo -> puerto).
PUERTO = {
    "title": "Puerto",
    "paragraphs": [
        {
            # XQuAD's contexts start with a BOM.
            "context": "\ufeffEl puerto de Valparaíso exporta cobre desde 1850.",
            "qas": [
                # right; pooled right; rio refuses.
                qa("1.1", "¿En qué año empezó el puerto a exportar cobre?", "1850"),
                # right: accent-insensitive; pooled right; rio refuses.
                qa("1.3", "¿Qué puerto exporta cobre?", "Valparaiso"),
            ],
        },
        {
            "context": "La ciudad tiene un clima templado y lluvioso.",
            # right: case-insensitive; pooled right; rio refuses.
            "qas": [qa("1.2", "¿Cómo es el clima de la ciudad?", "TEMPLADO")],
        },
    ],
}
RIO = {
    "title": "Río",
    "paragraphs": [
        {
            "context": "El río Ebro nace en Fontibre, en Cantabria, y fue navegable hasta 1850.",
            "qas": [
                # right; pooled right; torneo refuses.
                qa("2.2", "¿Dónde nace el Ebro?", "Fontibre"),
                # right (hasta, ebro); pooled: puerto's p1 wins (exporta, cobre, puerto): it is
                # paragraph 1 and contains "1850", but of another article, so a miss.
                qa("2.5", "¿Hasta cuándo exporta cobre el puerto del Ebro?", "1850"),
            ],
        },
        {
            "context": "Desemboca en el Mediterráneo y forma un gran delta.",
            "qas": [
                # right; pooled right (2 words here, 1 in torneo's p2); torneo answers ("final").
                qa("2.1", "¿En qué mar desemboca el delta al final?", "el  Mediterráneo"),
                # top passage in the gold paragraph without the answer text: a miss at every rank.
                qa("2.3", "¿Qué forma el río en su desembocadura?", "un estuario"),
                # p1 first (delta, ebro, nace, cantabria: 3 words), the gold p2 second: rank 2.
                qa("2.4", "¿Qué delta tiene el Ebro que nace en Cantabria?", "delta"),
            ],
        },
    ],
}
TORNEO = {
    "title": "Torneo",
    "paragraphs": [
        {
            "context": "El torneo reunió a doce jugadores en Linares.",
            # right; pooled right; puerto refuses.
            "qas": [qa("3.1", "¿Cuántos jugadores reunió el torneo?", "doce")],
        },
        {
            "context": "Ganó el campeón vigente tras una final muy reñida.",
            # no word in common anywhere: a false refusal, pooled refused, puerto refuses.
            "qas": [qa("3.2", "¿Qué premio recibió el ganador?", "el campeón vigente")],
        },
    ],
}


# One article of two paragraphs of two sentences, for the sentence metric with SentenceOverlap.
MUSEO = {
    "title": "Museo",
    "paragraphs": [
        {
            "context": "El museo abrió sus puertas en 1901. "
            "Su colección reúne cuadros de Goya y de Velázquez.",
            "qas": [
                # p1, sentence 1 (abrió, museo): right, and the sentence holds "1901".
                qa("4.1", "¿En qué año abrió el museo?", "1901"),
                # p1 (museo, abrió, puertas), sentence 1 again: right passage, but the sentence
                # lacks "Goya": top-1 only.
                qa("4.2", "¿Qué pintor tiene el museo que abrió sus puertas?", "Goya"),
                # p1, sentence 2 (cuadros, reúne, colección): right, and "Velázquez" matches
                # the gold answer without its accent and in capitals.
                qa("4.3", "¿Qué cuadros reúne su colección?", "VELAZQUEZ"),
                # p2 first (cuadros, negros, quinta, sordo: 4 words, p1 has 2), whose first
                # sentence holds "Goya": a miss, so the sentence does not count either.
                qa(
                    "4.4",
                    "¿Qué pintor de los cuadros negros de la Quinta del Sordo tiene la colección?",
                    "Goya",
                ),
                # no word in common: refused.
                qa("4.5", "¿Quién dirige hoy la institución?", "el patronato"),
            ],
        },
        {
            "context": "Goya pintó sus cuadros negros en la Quinta del Sordo. "
            "Hoy se ven en otra sala.",
            "qas": [],
        },
    ],
}


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def squad_v1(tmp_path: Path) -> Path:
    return write_json(tmp_path / "v1.json", {"version": "1.1", "data": [PUERTO, RIO, TORNEO]})


@pytest.fixture
def squad_v2(tmp_path: Path) -> Path:
    data = json.loads(json.dumps([PUERTO, RIO, TORNEO]))
    for article in data:
        for paragraph in article["paragraphs"]:
            for q in paragraph["qas"]:
                q["is_impossible"] = False
    # Refused: no word of it in puerto.
    data[0]["paragraphs"][1]["qas"].append(
        {"id": "1.4", "question": "¿Qué opina el alcalde?", "answers": [], "is_impossible": True}
    )
    # Not refused: torneo's p1 has "jugadores" and "torneo".
    data[2]["paragraphs"][0]["qas"].append(
        {
            "id": "3.3",
            "question": "¿Cuántos jugadores se retiraron del torneo?",
            "answers": [],
            "plausible_answers": [{"text": "doce", "answer_start": 27}],
            "is_impossible": True,
        }
    )
    return write_json(tmp_path / "v2.json", {"version": "v2.0", "data": data})


def test_squad_v1_metrics(squad_v1: Path) -> None:
    report = evaluate_file(squad_v1, WordOverlap)
    assert (report.format, report.articles, report.questions) == ("squad-v1.1", 3, 10)
    assert (report.answerable, report.unanswerable) == (10, 0)
    assert report.top1 == Rate.of(7, 10)
    assert report.pooled_top1 == Rate.of(6, 10)
    assert report.recall_at_3 == Rate.of(8, 10)
    assert report.mrr == pytest.approx((7 + 1 / 2) / 10)
    assert report.false_refusals == Rate.of(1, 10)
    assert report.other_article_refused == Rate.of(9, 10)
    assert report.unanswerable_refused is None


def test_per_article_results_and_failures(squad_v1: Path) -> None:
    report = evaluate_file(squad_v1, WordOverlap)
    rows = {a.slug: a for a in report.per_article}
    assert list(rows) == ["puerto", "rio", "torneo"]
    assert rows["puerto"].top1 == Rate.of(3, 3)
    assert rows["rio"].top1 == Rate.of(3, 5)
    assert rows["torneo"].false_refusals == Rate.of(1, 2)
    assert [rows[s].other_article_refused for s in rows] == [
        Rate.of(3, 3),
        Rate.of(4, 5),
        Rate.of(2, 2),
    ]
    failures = [(f.kind, f.id, f.paragraph, f.got, f.got_paragraph) for f in report.failures]
    assert failures == [
        ("miss", "2.3", 2, "p2", 2),
        ("miss", "2.4", 2, "p1", 1),
        ("false_refusal", "3.2", 2, None, None),
    ]


class Explaining(WordOverlap):
    """WordOverlap whose refusals say why."""

    def ask(self, question: str, top_k: int = 1) -> Answer:
        answer = WordOverlap.ask(self, question, top_k)
        return answer if answer.supported else answer.model_copy(update={"reason": "sin palabras"})


def test_a_false_refusal_keeps_its_reason(squad_v1: Path) -> None:
    report = evaluate_file(squad_v1, Explaining)
    reasons = [(f.kind, f.reason) for f in report.failures]
    assert reasons == [("miss", None), ("miss", None), ("false_refusal", "sin palabras")]


def test_squad_v2_refusals_of_impossible_questions(squad_v2: Path) -> None:
    report = evaluate_file(squad_v2, WordOverlap)
    assert (report.format, report.questions, report.answerable) == ("squad-v2.0", 12, 10)
    assert report.unanswerable_refused == Rate.of(1, 2)
    # Impossible questions are asked of their own article only: the other settings are unchanged.
    assert report.top1 == Rate.of(7, 10)
    assert report.pooled_top1 == Rate.of(6, 10)
    assert report.other_article_refused == Rate.of(9, 10)
    rows = {a.slug: a.unanswerable_refused for a in report.per_article}
    assert rows == {"puerto": Rate.of(1, 1), "rio": None, "torneo": Rate.of(0, 1)}
    assert ("not_refused", "3.3") in [(f.kind, f.id) for f in report.failures]


def test_progress_counts_every_question_asked(squad_v2: Path) -> None:
    calls: list[tuple[int, int]] = []
    evaluate_file(squad_v2, WordOverlap, progress=lambda done, total: calls.append((done, total)))
    # 12 of their own article, 10 answerable of the next one, 10 pooled, 10 with their paragraph
    # cut (no answer of these appears in another paragraph).
    assert calls == [(i, 42) for i in range(1, 43)]


def test_other_offset_chooses_the_article_asked(squad_v1: Path) -> None:
    asked: list[tuple[str, str]] = []

    class Recorder(WordOverlap):
        def __init__(self, articles: list[Article]) -> None:
            super().__init__(articles)
            self.corpus = "+".join(a.slug for a in articles)

        def ask(self, question: str, top_k: int = 1) -> Answer:
            asked.append((question, self.corpus))
            return super().ask(question, top_k)

    data = read_eval_file(squad_v1)
    first_of_torneo = "¿Cuántos jugadores reunió el torneo?"
    for offset, other in [(1, "puerto"), (-1, "rio"), (2, "rio")]:
        asked.clear()
        evaluate_squad(data, Recorder, other_offset=offset)
        corpora = [corpus for question, corpus in asked if question == first_of_torneo]
        # Its own article twice: whole, and without the paragraph that answers it.
        assert sorted(corpora) == sorted(["torneo", "torneo", other, "puerto+rio+torneo"])
    asked.clear()
    report = evaluate_squad(data, Recorder, other_offset=3)
    assert report.other_article_refused is None
    assert len(asked) == 30


def test_one_article_has_no_other_article_setting(tmp_path: Path) -> None:
    path = write_json(tmp_path / "one.json", {"data": [PUERTO]})
    report = evaluate_file(path, WordOverlap)
    assert report.other_article_refused is None
    assert report.top1 == report.pooled_top1 == Rate.of(3, 3)


def test_cut_paragraph_setting(squad_v1: Path) -> None:
    texts: dict[str, list[str]] = {}

    class Recorder(WordOverlap):
        def __init__(self, articles: list[Article]) -> None:
            super().__init__(articles)
            self.texts = [a.text for a in articles]

        def ask(self, question: str, top_k: int = 1) -> Answer:
            texts.setdefault(question, []).append("+".join(self.texts))
            return super().ask(question, top_k)

    report = evaluate_file(squad_v1, Recorder)
    # Every question is asked; only 2.4 (delta, ebro, nace, cantabria) still finds words of its
    # own in the other paragraph of its article.
    assert report.cut_paragraph_refused == Rate.of(9, 10)
    paragraphs = {
        a["title"]: [p["context"].lstrip("\ufeff") for p in a["paragraphs"]]
        for a in (PUERTO, RIO, TORNEO)
    }
    whole = {title: "\n\n".join(ps) for title, ps in paragraphs.items()}
    # Its own article, the next one, all three, and its own without the paragraph that answers it.
    assert sorted(texts["¿Dónde nace el Ebro?"]) == sorted(
        [whole["Río"], whole["Torneo"], "+".join(whole.values()), paragraphs["Río"][1]]
    )


def test_cut_paragraph_questions_skip_answers_found_elsewhere(museo: Path) -> None:
    (article,) = read_eval_file(museo).articles
    by_paragraph = cut_paragraph_questions(article)
    # "Goya" (4.2, 4.4) is also in the second paragraph: the cut article would still say it.
    assert {k: [q.id for q in qs] for k, qs in by_paragraph.items()} == {0: ["4.1", "4.3", "4.5"]}


def test_one_paragraph_has_no_cut_paragraph_setting(tmp_path: Path) -> None:
    article = {"title": "Uno", "paragraphs": [PUERTO["paragraphs"][0]]}
    report = evaluate_file(write_json(tmp_path / "uno.json", {"data": [article]}), WordOverlap)
    assert report.cut_paragraph_refused is None
    assert report.top1 == Rate.of(2, 2)


def test_refused_answer_is_a_miss_even_with_passages(squad_v1: Path) -> None:
    class RefusesWithPassages(WordOverlap):
        def ask(self, question: str, top_k: int = 1) -> Answer:
            return super().ask(question, top_k).model_copy(update={"supported": False})

    report = evaluate_file(squad_v1, RefusesWithPassages)
    assert report.top1 == report.recall_at_3 == report.pooled_top1 == Rate.of(0, 10)
    assert report.mrr == 0.0
    assert report.false_refusals == Rate.of(10, 10)


@pytest.fixture
def museo(tmp_path: Path) -> Path:
    return write_json(tmp_path / "museo.json", {"version": "1.1", "data": [MUSEO]})


def test_sentence_top1_needs_the_right_passage_and_the_answer_in_its_sentence(
    museo: Path,
) -> None:
    report = evaluate_file(museo, SentenceOverlap)
    assert report.top1 == Rate.of(3, 5)  # 4.1, 4.2, 4.3
    assert report.sentence_top1 == Rate.of(2, 5)  # 4.1, 4.3 (folded)
    assert report.false_refusals == Rate.of(1, 5)
    assert report.per_article[0].sentence_top1 == Rate.of(2, 5)


def test_sentence_top1_equals_top1_when_the_sentence_is_the_passage(museo: Path) -> None:
    report = evaluate_file(museo, WordOverlap)
    assert report.sentence_top1 == report.top1 == Rate.of(3, 5)


def test_refused_answer_has_no_sentence_even_with_passages(museo: Path) -> None:
    class RefusesWithSentences(SentenceOverlap):
        def ask(self, question: str, top_k: int = 1) -> Answer:
            return super().ask(question, top_k).model_copy(update={"supported": False})

    report = evaluate_file(museo, RefusesWithSentences)
    assert report.top1 == report.sentence_top1 == Rate.of(0, 5)


def test_seed_sentence_top1(seed_files: tuple[Path, Path]) -> None:
    seed, article = seed_files
    assert evaluate_file(seed, SentenceOverlap, article=article).sentence_top1 == Rate.of(2, 3)


def test_reader_cleans_contexts(tmp_path: Path) -> None:
    article = {"title": "X", "paragraphs": [{"context": "\ufeffUna línea\ny otra.", "qas": []}]}
    path = write_json(tmp_path / "x.json", {"data": [article, TORNEO]})
    data = read_eval_file(path)
    assert data.articles[0].paragraphs == ("Una línea y otra.",)
    # One paragraph, one line: not split in two by the line break.
    assert len(split_article(to_article(data.articles[0], "x", "x.json"))) == 1


def test_articles_keep_gold_paragraph_numbers(tmp_path: Path) -> None:
    """Hit.paragraph of every passage is the gold index + 1, also for sentence windows."""
    long = " ".join(f"La frase número {i} del párrafo largo habla de Zaragoza." for i in range(60))
    article = {
        "title": "Largo",
        "paragraphs": [{"context": c, "qas": []} for c in ("Uno.", long, "Tres.\n\nNo.")],
    }
    data = read_eval_file(write_json(tmp_path / "l.json", {"data": [article, TORNEO]}))
    passages = split_article(to_article(data.articles[0], "largo", "l.json"))
    assert {p.paragraph for p in passages} == {1, 2, 3}
    assert len([p for p in passages if p.paragraph == 2]) > 1
    assert all(p.text in data.articles[0].paragraphs[p.paragraph - 1] for p in passages)


def test_pooled_ids_tell_articles_apart(squad_v1: Path) -> None:
    data = read_eval_file(squad_v1)
    assert unique_slugs(["Río", "rio", "Río"]) == ["rio", "rio-2", "rio-3"]
    slugs = unique_slugs([a.title for a in data.articles])
    articles = [to_article(a, s, "v1.json") for a, s in zip(data.articles, slugs, strict=True)]
    ids = [p.id for p in QABot(articles).passages]
    assert ids[:2] == ["puerto:p1", "puerto:p2"]
    assert len(set(ids)) == 6


def test_normalize_answer() -> None:
    assert normalize_answer("  El\u00a0MEDITERRÁNEO\n") == "el mediterraneo"
    assert normalize_answer("Año") == "año"


SEED_ARTICLE = (
    "El puerto de Valparaíso exporta cobre desde 1850.\n"
    "La ciudad tiene un clima templado y lluvioso.\n"
)
SEED = [
    {"q": "¿Qué exporta el puerto?", "expect": "exporta COBRE"},  # p1: right
    {"q": "¿Cómo es el clima?", "expect": "clima templado"},  # p2: right
    {"q": "¿Qué clima hace en el puerto de Valparaíso?", "expect": "clima templado"},  # rank 2
    {"q": "¿Quién pintó la Mona Lisa?", "expect": None},  # refused
    {"q": "¿Llueve en la ciudad?", "expect": None},  # p2 answers: not refused
]


@pytest.fixture
def seed_files(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "puerto.txt"
    article.write_text(SEED_ARTICLE, encoding="utf-8")
    seed = tmp_path / "seed.jsonl"
    lines = [json.dumps(s, ensure_ascii=False) for s in SEED]
    seed.write_text("\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:]) + "\n", encoding="utf-8")
    return seed, article


def test_seed_jsonl(seed_files: tuple[Path, Path]) -> None:
    seed, article = seed_files
    report = evaluate_file(seed, WordOverlap, article=article)
    assert (report.format, report.questions, report.answerable, report.unanswerable) == (
        "jsonl",
        5,
        3,
        2,
    )
    assert report.top1 == Rate.of(2, 3)
    assert report.recall_at_3 == Rate.of(3, 3)
    assert report.mrr == pytest.approx(2.5 / 3)
    assert report.false_refusals == Rate.of(0, 3)
    assert report.unanswerable_refused == Rate.of(1, 2)
    assert report.pooled_top1 is None and report.other_article_refused is None
    assert [(f.kind, f.id, f.got) for f in report.failures] == [
        ("miss", "3", "p1"),
        ("not_refused", "6", "p2"),
    ]


def test_seed_jsonl_detected_without_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text('{"q": "¿Qué exporta?", "expect": "cobre"}\n', encoding="utf-8")
    assert read_eval_file(path).format == "jsonl"


def test_seed_defaults_to_the_bundled_article(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"q": "¿Qué busca Rusia?", "expect": null}\n', encoding="utf-8")
    seen: list[str] = []

    def factory(articles: list[Article]) -> WordOverlap:
        seen.extend(a.slug for a in articles)
        return WordOverlap(articles)

    report = evaluate_file(path, factory)
    assert seen == ["rusia-corea-del-norte"]
    assert (report.articles, report.unanswerable) == (1, 1)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nada.json", None, "No existe"),
        ("vacio.json", "", "está vacío"),
        ("texto.json", "hola", "no es JSON válido"),
        ("lista.json", "[1, 2]", "no tiene la forma de un archivo SQuAD"),
        ("sin-data.json", '{"version": "1.1"}', "no tiene la forma de un archivo SQuAD"),
        ("sin-preguntas.json", '{"data": []}', "no contiene preguntas"),
        (
            "sin-pregunta.json",
            '{"data": [{"paragraphs": [{"context": "x", "qas": [{"answers": []}]}]}]}',
            "data.0.paragraphs.0.qas.0.question",
        ),
        (
            "contexto-vacio.json",
            '{"data": [{"title": "T", "paragraphs": [{"context": " ", "qas": []}]}]}',
            "está vacío",
        ),
        ("semilla.jsonl", '{"q": "¿Qué?"}\n', "línea 1"),
        ("semilla2.jsonl", '{"q": "¿Qué?", "expect": null}\n[1]\n', "línea 2"),
        ("semilla3.jsonl", "\n\n", "está vacío"),
    ],
)
def test_bad_input_is_a_qa_error(
    tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(QAError, match=re.escape(message)):
        evaluate_file(path, WordOverlap)


def test_not_utf8_and_folder_are_qa_errors(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"data": "ñ"}'.encode("latin-1"))
    with pytest.raises(QAError, match="no es texto UTF-8"):
        read_eval_file(path)
    with pytest.raises(QAError, match="es una carpeta"):
        read_eval_file(tmp_path)


def test_article_option_only_for_seed_files(squad_v1: Path, tmp_path: Path) -> None:
    with pytest.raises(QAError, match="solo se indica con preguntas JSONL"):
        evaluate_file(squad_v1, WordOverlap, article=tmp_path)


def test_report_table_shows_the_numbers(squad_v2: Path) -> None:
    text = render_report(evaluate_file(squad_v2, WordOverlap))
    assert text.startswith("v2.json (SQuAD v2.0): 3 artículos, 12 preguntas, 10 con respuesta")
    for row in [
        "| top-1 por artículo           | 0.700 |     7/10 |",
        "| frase con la respuesta       | 0.700 |     7/10 |",
        "| top-1 conjunto               | 0.600 |     6/10 |",
        "| MRR@10                       | 0.750 |          |",
        "| recall@3                     | 0.800 |     8/10 |",
        "| rechazos en falso            | 0.100 |     1/10 |",
        "| de otro artículo, rechazadas | 0.900 |     9/10 |",
        "| sin respuesta, rechazadas    | 0.500 |      1/2 |",
    ]:
        assert row in text
    assert "| Río      | 0.600 (3/5) |            0.600 (3/5) |" in text


def test_report_header_counts_one_question_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "una.jsonl"
    path.write_text('{"q": "¿Qué busca Rusia?", "expect": null}\n', encoding="utf-8")
    text = render_report(evaluate_file(path, WordOverlap))
    assert text.startswith(
        "una.jsonl (preguntas JSONL): 1 artículo, 1 pregunta, 0 con respuesta y 1 sin ella\n"
    )


def test_comparison_table(squad_v1: Path, squad_v2: Path) -> None:
    v1 = evaluate_file(squad_v1, WordOverlap)
    # As benchmarks/quality.py shows a peer that chooses no sentence.
    v2 = evaluate_file(squad_v2, WordOverlap).model_copy(update={"sentence_top1": None})
    text = render_comparison([("palabras", v1), ("otro", v2)])
    lines = text.splitlines()
    assert lines[0].startswith(
        "| sistema  | top-1 por artículo | frase con la respuesta | top-1 conjunto | MRR@10 |"
    )
    assert lines[0].endswith("| sin respuesta, rechazadas | sin su párrafo, rechazadas |")
    cells = [[cell.strip() for cell in line.split("|")[1:-1]] for line in lines[2:]]
    assert cells[0] == [
        "palabras",
        *("0.700", "0.700", "0.600", "0.750", "0.800", "0.100", "0.900"),
        "—",
        "0.900",
    ]
    assert cells[1][:4] == ["otro", "0.700", "—", "0.600"]
    assert cells[1][-2:] == ["0.500", "0.900"]
    assert render_comparison([]) == ""


def test_table_cells_are_sanitized(tmp_path: Path) -> None:
    evil = dict(PUERTO, title="Mal|\x1b]0;titulo\x07vado\nX")
    report = evaluate_file(write_json(tmp_path / "e.json", {"data": [evil, RIO]}), WordOverlap)
    text = render_report(report)
    assert "\x1b" not in text and "\x07" not in text
    assert "| Mal\\|vado X |" in text


def eval_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="qa-bot")
    add_eval_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["eval", *argv])


def test_run_eval_json(seed_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    seed, article = seed_files
    args = eval_args(str(seed), "--json", "--article", str(article))
    assert args.handler is run_eval
    assert run_eval(args) == 0
    out, err = capsys.readouterr()
    report = EvalReport.model_validate_json(out)
    assert (report.source, report.questions, report.answerable) == ("seed.jsonl", 5, 3)
    fields = json.loads(out)
    assert {"top1", "sentence_top1", "pooled_top1", "recall_at_3"} <= fields.keys()
    assert fields["sentence_top1"]["total"] == 3
    assert err == ""  # stderr is not a terminal: no progress bar


def test_run_eval_table(squad_v1: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_eval(eval_args(str(squad_v1), "--no-progress")) == 0
    out = capsys.readouterr().out
    assert out.startswith("v1.json (SQuAD v1.1): 3 artículos, 10 preguntas\n")
    assert "| Torneo   | 0.500 (1/2) |" in out


def test_run_eval_bad_file_raises(tmp_path: Path) -> None:
    with pytest.raises(QAError, match="No existe"):
        run_eval(eval_args(str(tmp_path / "no.json")))


def test_seed_questions_about_another_article_are_an_error(tmp_path: Path) -> None:
    questions = tmp_path / "otras.jsonl"
    questions.write_text(
        '{"q": "¿Cuánto costó el tranvía?", "expect": "410 millones"}\n'
        '{"q": "¿Quién pintó la Mona Lisa?", "expect": null}\n',
        encoding="utf-8",
    )
    with pytest.raises(QAError, match="¿falta --article\\?"):
        evaluate_file(questions)  # asked of the bundled article, which says nothing of trams
