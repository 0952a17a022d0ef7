"""PassageIndex: candidate search equals full BM25, boosts, unaccented questions, lookups by id."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from qa_bot import QABot
from qa_bot.errors import UnknownPassageError
from qa_bot.index.bm25 import lucene_idf
from qa_bot.index.passage_index import PassageIndex
from qa_bot.models import Article, Passage
from qa_bot.text.analysis import fold, stem, terms

VOCABULARY = (
    "guerra paz acuerdo gobierno ciudad tranvía obra alcaldesa ministro defensa armas drones "
    "misiles frontera elecciones presupuesto hospital escuela puerto río montaña mercado precio "
    "euros empresa trabajadores huelga sindicato tribunal juez sentencia policía incendio lluvia "
    "sequía cosecha turismo museo concierto canción película premio equipo partido liga gol "
    "entrenador estadio calle barrio vecinos alquiler vivienda banco crédito deuda inflación "
    "exportaciones petróleo gas energía solar viento carbón nuclear satélite cohete investigación "
    "universidad estudiantes profesor examen libro autor novela periódico radio televisión"
).split()
FILLER = "el la de que en los las un una por con para del al y".split()


def make_passages(n: int, seed: int) -> list[Passage]:
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(VOCABULARY))]  # Zipf-like: varied df
    passages = []
    for i in range(n):
        words = rng.choices(VOCABULARY, weights=weights, k=rng.randint(5, 30))
        words += rng.choices(FILLER, k=rng.randint(0, 10))
        rng.shuffle(words)
        text = " ".join(words).capitalize() + "."
        passages.append(
            Passage(id=f"p{i + 1}", article="gen", paragraph=i + 1, start=0, end=0, text=text)
        )
    return passages


@pytest.fixture(scope="module")
def big() -> PassageIndex:
    return PassageIndex(make_passages(300, seed=7))


QUERIES = [
    " ".join(random.Random(q).sample(VOCABULARY, random.Random(q + 100).randint(1, 4)))
    for q in range(40)
] + ["guerra", "canción del verano", "autor de la novela", "inflación y deuda del banco"]


@pytest.mark.parametrize("query", QUERIES)
def test_search_ranks_like_get_scores_over_the_whole_corpus(big: PassageIndex, query: str) -> None:
    stems = terms(query)
    full = np.asarray(big.bm25.get_scores(stems))
    results = big.search(stems)
    positive = [i for i in np.argsort(-full, kind="stable") if full[i] > 0]
    assert [i for i, _ in results] == positive
    assert [s for _, s in results] == pytest.approx(full[positive].tolist())
    if positive:
        assert results[0][0] == int(np.argmax(full))


def test_search_k_keeps_the_best(big: PassageIndex) -> None:
    stems = terms("gobierno y ciudad")
    everything = big.search(stems)
    assert len(everything) > 5
    assert big.search(stems, k=5) == everything[:5]


def test_boosts_weight_each_term(big: PassageIndex) -> None:
    stems = terms("guerra museo")
    plain = dict(big.search(stems))
    assert dict(big.search(stems, boosts={s: 1.0 for s in stems})) == pytest.approx(plain)
    g, m = stems
    boosted = dict(big.search(stems, boosts={g: 3.0}))
    per_g = np.asarray(big.bm25.get_scores([g]))
    per_m = np.asarray(big.bm25.get_scores([m]))
    assert boosted.keys() == plain.keys()
    for i, score in boosted.items():
        assert score == pytest.approx(3.0 * per_g[i] + per_m[i])


def test_no_shared_term_means_no_results(big: PassageIndex) -> None:
    assert big.search(terms("ajedrez")) == []
    assert big.search([]) == []


def test_doc_freq_and_idf(big: PassageIndex) -> None:
    term = stem("guerra")
    df = sum(term in doc for doc in big.doc_terms)
    assert 0 < df < len(big)
    assert big.doc_freq(term) == df
    assert big.idf(term) == pytest.approx(lucene_idf(len(big), df))
    assert big.doc_freq("zzz") == 0 and big.idf("zzz") == 0.0


def test_candidates_are_exactly_the_passages_with_a_term(big: PassageIndex) -> None:
    stems = terms("museo satélite")
    expected = [i for i, doc in enumerate(big.doc_terms) if set(stems) & set(doc)]
    assert big.candidates(stems) == expected


def test_stopwords_are_not_indexed(big: PassageIndex) -> None:
    assert all("de" not in doc and "la" not in doc for doc in big.doc_terms)


def test_empty_index_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        PassageIndex([])


def one_passage_index(text: str) -> PassageIndex:
    return PassageIndex([Passage(id="p1", article="a", paragraph=1, start=0, end=0, text=text)])


def test_resolve_maps_an_unaccented_spelling_to_the_corpus_term() -> None:
    index = one_passage_index("Rusia buscaría el apoyo de la Unión Soviética.")
    assert stem("buscaria") != stem("buscaría")
    assert index.resolve(stem("buscaria")) == stem("buscaría")
    assert index.resolve(stem("buscaría")) == stem("buscaría")
    assert index.resolve("zzz") == "zzz"


def test_resolve_prefers_a_term_the_corpus_has() -> None:
    index = one_passage_index("Buscaría ayuda. Buscaria es un apellido.")
    assert index.resolve(stem("buscaria")) == stem("buscaria")


def test_passage_lookup_ignores_case_and_spaces(bot: QABot) -> None:
    index = bot.index
    assert index.passage("p3").id == "p3"
    assert index.passage(" P3 ") is index.passage("p3")
    assert bot.cite("P7").text.startswith("El consorcio")


@pytest.mark.parametrize("pid", ["p0", "p8", "3", "p1.1"])
def test_unknown_passage_is_a_spanish_error(bot: QABot, pid: str) -> None:
    with pytest.raises(UnknownPassageError, match="No existe el pasaje"):
        bot.index.passage(pid)


@pytest.mark.parametrize(
    ("typed", "meant"), [("4", "p4"), ("04", "p4"), ("p04", "p4"), ("pp4", "p4")]
)
def test_a_bare_number_or_a_near_id_suggests_the_passage(
    bot: QABot, typed: str, meant: str
) -> None:
    assert bot.index.suggest(typed) == (meant,)
    with pytest.raises(UnknownPassageError, match=re.escape(f"«{typed}». ¿Quería decir {meant}?")):
        bot.cite(typed)


@pytest.mark.parametrize("typed", ["p8", "8", "p12", "p0"])
def test_a_paragraph_number_past_the_article_says_which_there_are(bot: QABot, typed: str) -> None:
    # «p8» of p1..p7 is no likelier a slip for «p1» than for «p7»: no guess, the range.
    assert bot.index.suggest(typed) == ()
    with pytest.raises(UnknownPassageError, match=re.escape("Los pasajes van de p1 a p7.")):
        bot.cite(typed)


def test_one_article_accepts_an_id_with_its_own_slug(bot: QABot) -> None:
    passage = bot.cite("tranvia-zaragoza:p4")
    assert passage.id == "p4"
    assert passage.text == bot.cite("p4").text
    assert bot.cite(" Tranvia-Zaragoza:P4 ").id == "p4"
    assert bot.index.suggest("tranvia-zaragoza:4") == ("p4",)
    with pytest.raises(UnknownPassageError, match="«otro:p4»"):
        bot.cite("otro:p4")


def index_of(*slugs: str) -> PassageIndex:
    """An index over one two-paragraph article per slug (ids ``slug:p1``, ``slug:p2``)."""
    return PassageIndex.from_articles(
        [Article(slug=s, path=f"{s}.txt", title=s, text=f"Uno de {s}.\n\nDos.\n") for s in slugs]
    )


def test_several_articles_need_the_slug_in_the_id() -> None:
    index = index_of("puerto", "tranvia")
    assert index.passage("tranvia:p2").article == "tranvia"
    with pytest.raises(UnknownPassageError, match=re.escape("puerto:p2 o tranvia:p2?")):
        index.passage("p2")
    assert index.suggest("2") == ("puerto:p2", "tranvia:p2")
    assert index.suggest("tranvia:2") == ("tranvia:p2",)


def test_a_slug_ending_suggests_every_article_whose_slug_ends_so() -> None:
    index = index_of("a-nota", "anota", "b-nota", "notas", "c-nota", "d-nota")
    assert index.suggest("nota:p1") == ("a-nota:p1", "b-nota:p1", "c-nota:p1")
    assert index.suggest("Nota:1") == ("a-nota:p1", "b-nota:p1", "c-nota:p1")
    with pytest.raises(
        UnknownPassageError, match=re.escape("¿Quería decir a-nota:p2 o b-nota:p2?")
    ):
        index_of("a-nota", "b-nota").passage("nota:p2")


def test_a_slug_start_or_an_accent_still_suggests_the_article() -> None:
    index = index_of("tranvia-valladolid", "betis-temporada", "sequia-almeria")
    assert index.suggest("tranvia:p2") == ("tranvia-valladolid:p2",)
    assert index.suggest("tranvía:p2") == ("tranvia-valladolid:p2",)
    assert index.suggest("almeria:2") == ("sequia-almeria:p2",)
    assert index.suggest(":p2") == index.suggest("p2")
    assert index.suggest("valla:p2") == ()  # a piece of a word is not a word
    with pytest.raises(UnknownPassageError, match=re.escape(", betis-temporada:p1 o sequia")):
        index.passage("p1")


def test_brackets_and_an_empty_id() -> None:
    index = index_of("puerto", "tranvia")
    assert index.passage("[tranvia:p2]").article == "tranvia"
    assert index.passage(" [ TRANVIA:P2 ] ").article == "tranvia"
    for empty in ["", "  ", "[]"]:
        with pytest.raises(UnknownPassageError, match="está vacío"):
            index.passage(empty)


def test_sentences_are_computed_once_with_offsets_in_the_passage(bot: QABot) -> None:
    index = bot.index
    first = index.sentences(0)
    assert index.sentences(0) is first
    text = index.passages[0].text
    assert [s.text for s in first] == [
        "El Ayuntamiento de Zaragoza inauguró el lunes la segunda línea del tranvía, que une el "
        "barrio de Las Fuentes con el campus universitario.",
        "La obra duró tres años y costó 410 millones de euros.",
    ]
    for s in first:
        assert text[s.start : s.end] == s.text


def test_article_ranges_and_counts_inside_an_article() -> None:
    articles = [
        Article(slug=s, title=s, path=f"{s}.txt", text="\n\n".join(p))
        for s, p in [
            ("a", ["Guerra y paz.", "La guerra sigue.", "Un acuerdo de paz."]),
            ("b", ["El tranvía nuevo.", "La guerra del tranvía."]),
        ]
    ]
    index = PassageIndex.from_articles(articles)
    assert [index.article_range(i) for i in range(5)] == [(0, 3)] * 3 + [(3, 5)] * 2
    guerra, paz = stem("guerra"), stem("paz")
    assert index.doc_freq_in(guerra, 0, 3) == 2
    assert index.doc_freq_in(guerra, 3, 5) == 1
    assert index.doc_freq_in(paz, 3, 5) == 0
    assert index.doc_freq_in(guerra, 0, 5) == index.doc_freq(guerra) == 3
    assert index.prefix_freq_in("tranv", 0, 3) == 0
    assert index.prefix_freq_in("tranv", 3, 5) == 2
    assert index.doc_freq_in("zzz", 0, 5) == 0


@pytest.mark.parametrize("seed", range(5))
def test_counts_inside_a_range_equal_a_scan(big: PassageIndex, seed: int) -> None:
    rng = random.Random(seed)
    lo = rng.randrange(0, 250)
    hi = rng.randrange(lo + 1, 301)
    for word in rng.sample(VOCABULARY, 10):
        t = stem(word)
        scan = sum(t in big.doc_terms[i] for i in range(lo, hi))
        assert big.doc_freq_in(t, lo, hi) == scan
        pre = word[:5].translate(str.maketrans("áéíóú", "aeiou"))
        scan = sum(
            any(
                w.translate(str.maketrans("áéíóú", "aeiou")).startswith(pre)
                for w in big.passages[i].text.lower().strip(".").split()
            )
            for i in range(lo, hi)
        )
        assert big.prefix_freq_in(pre, lo, hi) == scan


def test_resolve_finds_the_stem_changed_form_of_an_ir_verb() -> None:
    index = one_passage_index("Las autoridades han advertido a Corea y le han pedido calma.")

    def resolve(word: str) -> str:
        return index.resolve(stem(word), fold(word))

    assert resolve("advirtió") == stem("advertido")
    assert resolve("pidió") == stem("pedido")
    assert resolve("pidieron") == stem("pedido")
    assert resolve("advirtio") == stem("advertido")  # typed without its accent
    assert resolve("pidio") == stem("pedido")
    assert resolve("corea") == stem("corea")
    assert resolve("zumbido") == stem("zumbido")


def test_a_noun_is_not_taken_for_a_stem_changed_verb() -> None:
    index = one_passage_index("Creen que el vino del fondo se dejó en la mesa.")
    for word in ["crías", "vino", "fundaron", "mudó"]:
        assert index.resolve(stem(word), fold(word)) == stem(word), word


def test_passages_of_an_article_must_be_next_to_each_other() -> None:
    def passage(i: int, article: str) -> Passage:
        return Passage(
            id=f"{article}:p{i}", article=article, paragraph=i, start=0, end=0, text="Paz."
        )

    PassageIndex([passage(1, "a"), passage(2, "a"), passage(1, "b")])  # contiguous: fine
    with pytest.raises(ValueError, match="next to each other"):
        PassageIndex([passage(1, "a"), passage(1, "b"), passage(2, "a")])


def test_an_id_that_holds_the_slug_is_found_as_typed() -> None:
    index = PassageIndex(
        [Passage(id="rusia:p1", article="rusia", paragraph=1, start=0, end=0, text="Paz.")]
    )
    assert index.passage("rusia:p1").id == "rusia:p1"
    assert index.passage("RUSIA:P1").id == "rusia:p1"


def test_a_huge_number_as_an_id_gets_no_traceback() -> None:
    index = PassageIndex(make_passages(3, seed=1))
    assert index.suggest("0003") == ("p3",)
    assert index.suggest("9" * 5000) == ()
    with pytest.raises(UnknownPassageError) as error:
        index.passage("9" * 5000)
    assert f"«{'9' * 40}…»" in str(error.value) and len(str(error.value)) < 200
