"""Sentence evidence: which sentence of a passage supports the question."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_bot import QABot
from qa_bot.evidence import analyze_sentences, sentence_evidence
from qa_bot.models import Passage
from qa_bot.question import parse_question


def _bot(tmp_path: Path, text: str) -> QABot:
    path = tmp_path / "nota.txt"
    path.write_text(text, encoding="utf-8")
    return QABot.load(path)


def _passage(text: str) -> Passage:
    return Passage(id="p1", article="a", paragraph=1, start=0, end=len(text), text=text)


def test_a_word_of_the_same_family_counts_in_the_sentence(tmp_path: Path) -> None:
    # "reconstruido" and "reconstrucción" stem differently but share their first letters; the
    # second sentence is the one about rebuilding, though both name the port and a year.
    bot = _bot(
        tmp_path,
        "El puerto fue destruido por una tormenta en 1950. "
        "La reconstrucción del puerto terminó en 1964 con fondos del gobierno.\n",
    )
    hit = bot.ask("¿Cuándo fue reconstruido el puerto?").passages[0]
    assert hit.sentence.startswith("La reconstrucción del puerto")


def test_an_exact_match_is_not_taken_by_another_question_word() -> None:
    # "presidente" and "presión" share "presi": the sentence names the president, not a pressure.
    question = parse_question("¿Qué presión sufrió el presidente?")
    sentences = analyze_sentences(_passage("El presidente habló ayer."))
    weights = dict.fromkeys(question.stems, 1.0)
    (evidence,) = sentence_evidence(sentences, question, weights)
    assert len(evidence.matched) == 1
    assert evidence.coverage < 1.0


def test_the_sentence_with_more_of_the_question_wins() -> None:
    question = parse_question("¿Qué ciudad visitó el ministro de Defensa?")
    text = "El ministro llegó tarde. El ministro de Defensa visitó Pyongyang en julio."
    sentences = analyze_sentences(_passage(text))
    weights = dict.fromkeys(question.stems, 1.0)
    first, second = sentence_evidence(sentences, question, weights)
    assert second.score > first.score
    assert second.coverage > first.coverage


def test_a_word_of_the_same_family_half_supports_the_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qa_bot import support as support_module

    bot = _bot(tmp_path, "Los Broncos ganaron la final divisional de 2015 ante los Steelers.\n")
    index = bot.index

    def value(question: str) -> float:
        return support_module.support(index, parse_question(question, resolve=index.resolve), 0)

    family = "¿A quién ganaron los Broncos en la división?"  # "división" ~ "divisional"
    absent = "¿A quién ganaron los Broncos en la liga?"
    with_credit, absent_with_credit = value(family), value(absent)
    monkeypatch.setattr(support_module, "PREFIX_CREDIT", 0.0)
    assert value(family) < with_credit
    assert value(absent) == absent_with_credit  # "liga" shares no prefix: nothing to credit
    monkeypatch.setattr(support_module, "PREFIX_CREDIT", 1.0)
    assert value(family) > with_credit
    assert 0.0 < with_credit < 1.0
