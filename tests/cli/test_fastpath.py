"""The fast path ranks exactly like rank-bm25: bitwise-equal scores, the same order, the same terms."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import qa_bot.index.indexing
import qa_bot.index.kept
import qa_bot.index.passage_index
import qa_bot.index.sparse
from qa_bot.corpus.passages import split_articles
from qa_bot.index.bm25 import LuceneBM25
from qa_bot.index.indexing import analyze_corpus, words
from qa_bot.index.passage_index import PassageIndex, PassageTable
from qa_bot.models import Article, Passage
from qa_bot.text.analysis import prefix, stem, stopwords, terms, tokens

WORDS = (
    "guerra paz acuerdo gobierno gobiernos ciudad ciudades tranvía obra alcaldesa ministro armas "
    "misiles frontera elecciones presupuesto hospital escuela puerto río montaña mercado precio "
    "euros empresa huelga tribunal juez policía incendio lluvia canción película premio equipo "
    "año años años niño niños buscaría buscaria Rusia RUSIA Zaragoza 1,5 2024 410 ñandú "
    "el la de que en los las un una por con para del al y no más"
).split()


def passages(n: int, seed: int, length: tuple[int, int] = (0, 25)) -> list[Passage]:
    rng = random.Random(seed)
    weights = [1 / (r + 1) for r in range(len(WORDS))]
    out = []
    for i in range(n):
        text = " ".join(rng.choices(WORDS, weights=weights, k=rng.randint(*length)))
        out.append(Passage(id=f"p{i + 1}", article="a", paragraph=i + 1, start=0, end=0, text=text))
    return out


def index_of(texts: list[str]) -> PassageIndex:
    return PassageIndex(
        [
            Passage(id=f"p{i}", article="a", paragraph=i, start=0, end=0, text=t)
            for i, t in enumerate(texts, 1)
        ]
    )


def reference_prefixes(text: str) -> list[str]:
    stop = stopwords()
    return [prefix(t.folded) for t in tokens(text) if t.folded not in stop]


def queries(seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    pool = [*sorted({stem(w.lower()) for w in WORDS}), "zzz", "inexistente"]
    return [rng.choices(pool, k=rng.randint(1, 6)) for _ in range(25)]  # duplicates included


CORPORA = [(2, 1), (4, 2), (7, 3), (20, 4), (300, 5)]


@pytest.fixture(scope="module", params=CORPORA, ids=[f"n{n}" for n, _ in CORPORA])
def corpus(request: pytest.FixtureRequest) -> tuple[PassageIndex, LuceneBM25]:
    n, seed = request.param
    index = PassageIndex(passages(n, seed))
    return index, LuceneBM25([terms(p.text) for p in index.passages])


def test_the_model_from_statistics_is_rank_bm25s(corpus: tuple[PassageIndex, LuceneBM25]) -> None:
    index, full = corpus
    model = index.stems.model
    assert (model.k1, model.b, model.epsilon) == (full.k1, full.b, full.epsilon)
    assert model.corpus_size == full.corpus_size
    assert model.avgdl == full.avgdl
    assert model.doc_len == full.doc_len
    assert model.idf == full.idf


def test_scores_are_bitwise_equal_to_get_scores(corpus: tuple[PassageIndex, LuceneBM25]) -> None:
    index, full = corpus
    for query in queries(len(index)):
        assert np.array_equal(index.stems.all_scores(query), full.get_scores(query))


def test_search_is_a_stable_sort_of_get_scores(corpus: tuple[PassageIndex, LuceneBM25]) -> None:
    index, full = corpus
    for query in queries(len(index) + 1):
        scores = full.get_scores(query)
        expected = [int(i) for i in np.argsort(-scores, kind="stable") if scores[i] > 0]
        for k in (1, 3, 10, None):
            got = index.search(query, k)
            assert [i for i, _ in got] == expected[:k]
            assert [s for _, s in got] == [scores[i] for i in expected[:k]]


def test_boosts_weight_each_terms_get_batch_scores(corpus: tuple[PassageIndex, LuceneBM25]) -> None:
    index, full = corpus
    rng = random.Random(len(index))
    for query in queries(len(index) + 2):
        boosts = {t: rng.choice([0.5, 1.0, 2.7]) for t in query}
        ids = list(range(len(index)))
        expected = np.zeros(len(ids))
        for term in query:
            expected += boosts[term] * np.asarray(full.get_batch_scores([term], ids))
        assert np.array_equal(index.stems.all_scores(query, boosts), expected)
        assert np.array_equal(index.stems.scores(query, ids, boosts), expected)
        top = index.search(query, 5, boosts)
        assert [s for _, s in top] == sorted((s for s in expected if s > 0), reverse=True)[:5]


def test_prefix_scores_equal_get_batch_scores(corpus: tuple[PassageIndex, LuceneBM25]) -> None:
    index, _ = corpus
    full = LuceneBM25([reference_prefixes(p.text) for p in index.passages])
    rng = random.Random(7)
    pool = [*sorted({prefix(t) for doc in full.doc_freqs for t in doc}), "zzzzz"]
    for _ in range(20):
        query = rng.choices(pool, k=rng.randint(1, 4))
        ids = rng.choices(range(len(index)), k=rng.randint(0, 12))  # repeats included
        expected = np.asarray(full.get_batch_scores(query, ids)) if ids else np.zeros(0)
        assert np.array_equal(index.prefixes.scores(query, ids), expected)
        assert np.array_equal(index.stems.scores([], ids), np.zeros(len(ids)))


def test_ties_keep_corpus_order_at_the_cut() -> None:
    texts = ["paz", "guerra y paz", "guerra", "guerra y paz", "guerra y paz", "guerra guerra"]
    index = index_of([*texts, "guerra y paz"])
    query = terms("guerra paz")
    full = index.bm25.get_scores(query)
    expected = [int(i) for i in np.argsort(-full, kind="stable")]
    for k in range(1, len(index) + 1):
        assert [i for i, _ in index.search(query, k)] == expected[:k]


def stem_counts(index: PassageIndex, doc: int) -> Counter[str]:
    """Passage ``doc``'s stems and frequencies, read back from the by-term layout."""
    field = index.stems
    term_of = np.repeat(np.arange(len(field.terms)), np.diff(field.indptr))
    return Counter(
        {field.terms[term_of[j]]: int(field.tf[j]) for j in np.flatnonzero(field.docs == doc)}
    )


def prefix_counts(index: PassageIndex, doc: int) -> Counter[str]:
    """Passage ``doc``'s prefixes and frequencies, read back from the by-document layout."""
    field = index.prefixes
    lo, hi = field.rowptr[doc], field.rowptr[doc + 1]
    pairs = zip(field.term_ids[lo:hi].tolist(), field.tf[lo:hi].tolist(), strict=True)
    return Counter({field.terms[t]: f for t, f in pairs})


def test_fast_analysis_gives_the_analyzers_terms() -> None:
    texts = [
        "El Gobierno buscaría  apoyo; los gobiernos, NO. Años: 1,5 y 2.024 — ñandú.",
        "Canción\u0301 decompuesta: cancio\u0301n, CANCIO\u0301N y el niño.",  # NFD accents
        "de la que y",  # stopwords only: an empty passage
        "Rusia RUSIA rusia rusía Zaragoza_2024 x²",
    ]
    index = index_of(texts)
    for i, text in enumerate(texts):
        assert index.doc_terms[i] == terms(text)
        assert stem_counts(index, i) == Counter(terms(text))
        assert prefix_counts(index, i) == Counter(reference_prefixes(text))
    assert int(index.stems.doc_len[2]) == 0


def test_unaccented_stems_map_to_the_first_accented_spelling() -> None:
    texts = ["Buscaría ayuda.", "Buscaria es un apellido; canción y cancion.", "Caminó."]
    plain: dict[str, str] = {}
    for text in texts:  # the analyzer token by token, as the index did before the fast path
        for token in tokens(text):
            if token.folded in stopwords():
                continue
            term = stem(token.lower)
            if token.lower != token.folded and stem(token.folded) != term:
                plain.setdefault(stem(token.folded), term)
    assert index_of(texts).plain_stems == plain


def test_a_passage_may_hold_the_chunk_separator(monkeypatch: pytest.MonkeyPatch) -> None:
    separator = qa_bot.index.indexing._SEPARATOR
    texts = [
        "Uno dos.",
        f"El símbolo {separator} y {separator}{separator} son palabras.",
        "Tres cuatro.",
        "Cinco.",
        f"Otra vez {separator}.",
    ]
    monkeypatch.setattr(qa_bot.index.indexing, "CHUNK", 2)  # chunks with and without it
    index = index_of(texts)
    for i, text in enumerate(texts):
        assert stem_counts(index, i) == Counter(terms(text))
        assert prefix_counts(index, i) == Counter(reference_prefixes(text))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_words_are_the_analyzers_tokens(text: str) -> None:
    assert words(text) == [t.text for t in tokens(text)]


def test_chunks_and_steps_do_not_change_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    plist = passages(57, seed=11)
    whole = PassageIndex(plist)
    monkeypatch.setattr(qa_bot.index.indexing, "CHUNK", 5)
    monkeypatch.setattr(qa_bot.index.sparse, "ROWS_PER_STEP", 3)
    steps = []
    chunked = PassageIndex(plist, progress=lambda done, total: steps.append((done, total)))
    assert steps[-1] == (57, 57) and len(steps) == 12
    assert chunked.stems.terms == whole.stems.terms
    for name in ("indptr", "docs", "tf", "doc_len"):
        assert np.array_equal(getattr(chunked.stems, name), getattr(whole.stems, name))
    for name in ("rowptr", "term_ids", "tf"):
        assert np.array_equal(getattr(chunked.prefixes, name), getattr(whole.prefixes, name))


def test_a_term_repeated_past_65535_times_keeps_its_frequency() -> None:
    text = "gato " * 70_000 + "perro"
    index = PassageIndex(
        [
            Passage(id="p1", article="a", paragraph=1, start=0, end=0, text=text),
            Passage(id="p2", article="a", paragraph=2, start=0, end=0, text="perro y gato"),
        ]
    )
    assert index.stems.tf.dtype == np.uint32
    assert int(index.stems.tf.max()) == 70_000
    query = [stem("gato")]
    assert np.array_equal(index.stems.all_scores(query), index.bm25.get_scores(query))


def test_the_passage_table_has_split_articles_passages() -> None:
    long = " ".join(f"Frase número {i} del párrafo largo." for i in range(200))
    articles = [
        Article(slug="uno", path="uno.txt", title="uno", text=f"Primero.\n\n{long}\n\nÚltimo."),
        Article(slug="dos", path="dos.txt", title="dos", text="A.\nB.\nC."),
    ]
    for chosen in (articles[:1], articles):
        table = PassageTable.split(chosen)
        assert list(table) == split_articles(chosen)
        assert table[1] is table[1]
        assert table[-1] == table[len(table) - 1]
        assert table[1:3] == split_articles(chosen)[1:3]
        assert list(table.texts()) == [p.text for p in split_articles(chosen)]
        with pytest.raises(IndexError):
            table[len(table)]


def test_analyzing_nothing_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        analyze_corpus([], 0)


def test_the_passage_table_keeps_only_recent_passages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qa_bot.index.kept, "KEPT", 2)
    article = Article(slug="a", path="a.txt", title="a", text="Uno.\n\nDos.\n\nTres.\n\nCuatro.")
    table = PassageTable.split([article])
    assert [p.text for p in table] == ["Uno.", "Dos.", "Tres.", "Cuatro."]
    assert len(table._kept) == 0  # listing keeps nothing
    first = table[0]
    assert table[0] is first and table[1] is table[1]
    table[2]
    assert table[0] is not first and table[0] == first  # made again once it fell out


SINGLE_SHOT = """
import sys
from qa_bot.cli.main import main
code = main(sys.argv[1:])
heavy = ("prompt_toolkit", "qa_bot.repl.app", "qa_bot.eval.run", "qa_bot.eval.data",
         "qa_bot.index.cache_file", "markdown_it", "qa_bot.corpus.markdown", "ray",
         "qa_bot.index.sharded", "qa_bot.index.shards", "qa_bot.cluster")
from qa_bot import models
# Human output never validates nor serializes: no model should have built its pydantic schema.
built = [m.__name__ for m in (models.Passage, models.Article, models.Hit, models.Answer)
         if m.__pydantic_complete__]
print(code, [m for m in heavy if m in sys.modules], built)
"""


@pytest.mark.slow
@pytest.mark.parametrize("command", [["ask", "¿Qué cargo tiene Shoigu?"], ["cite", "p4"]])
def test_single_shot_commands_import_only_what_they_need(command: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SINGLE_SHOT, *command], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "0 [] []"


@pytest.mark.slow
def test_the_markdown_parser_is_imported_only_for_a_markdown_article(tmp_path: Path) -> None:
    article = tmp_path / "nota.md"
    article.write_text("# Nota\n\nEl **tranvía** costó 410 millones.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SINGLE_SHOT, "ask", "-a", str(article), "¿Cuánto costó el tranvía?"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines()[-1] == "0 ['markdown_it', 'qa_bot.corpus.markdown'] []"
