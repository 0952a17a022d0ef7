"""Spanish analysis: NFC, tokens with offsets, folding (never ñ), stopwords, plurals and stems."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest

from qa_bot.text.analysis import (
    ANALYZER_VERSION,
    fold,
    normalize,
    singular,
    stem,
    stem_changes,
    stopwords,
    term_spans,
    terms,
    tokens,
)
from qa_bot.text.background import rarity, zipf, zipf_table

NFC = unicodedata.normalize("NFC", "canción")
NFD = unicodedata.normalize("NFD", "canción")


def test_normalize_composes_decomposed_accents() -> None:
    assert NFD != NFC and len(NFD) == len(NFC) + 1
    assert normalize(NFD) == NFC


def test_nfc_and_nfd_give_the_same_terms() -> None:
    assert terms(f"La {NFD} del verano") == terms(f"La {NFC} del verano") == ["cancion", "veran"]


def test_a_decomposed_word_is_one_token_spanning_its_marks() -> None:
    text = f"una {NFD} nueva"
    [_, word, _] = list(tokens(text))
    assert word.text == NFD
    assert (word.lower, word.folded) == (NFC, "cancion")
    assert text[word.start : word.end] == NFD


@pytest.mark.parametrize("form", ["canción", "Canción", "CANCIÓN", "cancion", "CANCION", NFD])
def test_case_and_accents_reach_the_same_term(form: str) -> None:
    assert terms(form) == ["cancion"]


def test_fold_lowercases_and_drops_accents_and_diaeresis() -> None:
    assert fold("Canción") == "cancion"
    assert fold("PINGÜINO") == "pinguino"
    assert fold("Ámbito Éxito Índice Órgano Último") == "ambito exito indice organo ultimo"


def test_fold_never_touches_enye() -> None:
    assert fold("año") == "año"
    assert fold("AÑO") == "año"
    assert fold("Ñandú") == "ñandu"
    assert fold("año") != fold("ano")
    assert terms("año") != terms("ano")


def test_tokens_carry_exact_offsets() -> None:
    text = "¿«Qué» pasó—en EE.UU.—con_el 1,5%?"
    found = list(tokens(text))
    assert [t.text for t in found] == ["Qué", "pasó", "en", "EE", "UU", "con", "el", "1,5"]
    for t in found:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("costó 1,5 millones", "1,5"),
        ("unos 1.500 soldados", "1.500"),
        ("subió un 2,5%.", "2,5"),
        ("en 3.000.000,50 euros", "3.000.000,50"),
    ],
)
def test_a_decimal_number_stays_one_token_and_one_term(text: str, number: str) -> None:
    assert number in [t.text for t in tokens(text)]
    assert number in terms(text)


def test_a_number_is_not_stemmed() -> None:
    assert stem("1950") == "1950"
    assert terms("entre 1950 y 1953") == ["1950", "1953"]


@pytest.mark.parametrize(
    ("singular_form", "plural_form"),
    [
        ("gobierno", "gobiernos"),
        ("ciudad", "ciudades"),
        ("voz", "voces"),
        ("país", "países"),
        ("arma", "armas"),
        ("misil", "misiles"),
        ("dron", "drones"),
        ("año", "años"),
        ("mes", "meses"),
    ],
)
def test_stemming_conflates_singular_and_plural(singular_form: str, plural_form: str) -> None:
    assert terms(singular_form) == terms(plural_form)


def test_singular_step() -> None:
    assert singular("voces") == "voz"
    assert singular("ciudades") == "ciudad"
    assert singular("gobiernos") == "gobierno"
    # Words that only look plural are left alone.
    assert singular("crisis") == "crisis"
    assert singular("virus") == "virus"
    assert singular("mes") == "mes"


def test_verb_forms_that_need_accents_share_a_term() -> None:
    # Snowball strips "aría" only with the accent, so the stem is taken before folding.
    assert terms("buscaría") == terms("busca") == terms("BUSCARÍA")
    assert terms("buscaría") != terms("buscaria")


def test_stemming_ignores_case() -> None:
    assert terms("MADRID") == terms("Madrid") == terms("madrid")
    assert terms("GOBIERNOS") == terms("gobierno")


@pytest.mark.parametrize("word", ["de", "la", "que", "el", "los", "en", "y", "por", "DE", "Qué"])
def test_function_words_are_stopwords(word: str) -> None:
    assert terms(word) == []


@pytest.mark.parametrize(
    "word", ["no", "ni", "sin", "contra", "Estados", "estado", "sentido", "dijo", "ayer", "mayor"]
)
def test_meaningful_words_are_not_stopwords(word: str) -> None:
    assert fold(word) not in stopwords()
    assert len(terms(word)) == 1


def test_negation_survives_analysis() -> None:
    assert terms("no hubo acuerdo") != terms("hubo acuerdo")
    assert terms("con armas") != terms("sin armas")


def test_stopwords_exclusions_match_the_list_header() -> None:
    raw = resources.files("qa_bot.data").joinpath("stopwords-es.txt").read_text(encoding="utf-8")
    header = " ".join(line for line in raw.splitlines() if line.startswith("#"))
    for word in ("no", "ni", "sin", "contra", "estado(s)", "sentido"):
        assert word in header
    listed = {line.strip() for line in raw.splitlines() if line.strip() and line[0] != "#"}
    assert {"no", "ni", "sin", "contra", "estado", "estados", "sentido"}.isdisjoint(listed)
    assert {"de", "la", "que", "el", "y"} <= listed


def test_stopwords_are_folded() -> None:
    assert all(w == fold(w) for w in stopwords())
    assert "que" in stopwords() and "qué" not in stopwords()


def test_question_words_are_not_content_terms_but_comer_is() -> None:
    assert terms("¿Cómo?") == []
    assert terms("como") == []
    assert terms("comer") == ["com"]
    assert terms("¿Cómo se cocina la comida?") == [stem("cocina"), stem("comida")]


def test_term_spans_pair_each_term_with_its_source_word() -> None:
    text = "Los gobiernos de Rusia y Corea del Norte"
    pairs = list(term_spans(text))
    assert [term for term, _ in pairs] == terms(text)
    assert [tok.text for _, tok in pairs] == ["gobiernos", "Rusia", "Corea", "Norte"]
    for _, tok in pairs:
        assert text[tok.start : tok.end] == tok.text


def test_terms_keep_order_and_duplicates() -> None:
    assert terms("armas, más armas y armas") == [stem("armas")] * 3


def test_background_table_matches_the_analyzer_version() -> None:
    raw = resources.files("qa_bot.data").joinpath("background-es.tsv").read_text(encoding="utf-8")
    header = raw.split("\n", 1)[0]
    assert header.startswith("#")
    assert f"analyzer={ANALYZER_VERSION}" in header.split()


def test_background_keys_are_this_analyzers_terms() -> None:
    table = zipf_table()
    for word in ("acuerdo", "gobiernos", "ciudades", "buscaría", "canción", "países"):
        assert stem(word) in table, word


def test_rarity_orders_common_and_rare_words() -> None:
    assert zipf("de") > zipf(stem("acuerdo")) > zipf(stem("ajedrez"))
    assert rarity("de") == 0.0
    assert 0.0 < rarity(stem("acuerdo")) < rarity(stem("ajedrez")) <= 1.0
    assert rarity("zzqxv") == 1.0


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("advirtió", "advertido"),
        ("advirtio", "advertido"),
        ("pidieron", "pedido"),
        ("murió", "morir"),
        ("siguió", "seguido"),
        ("durmiendo", "dormido"),
    ],
)
def test_stem_changes_of_ir_verbs(word: str, other: str) -> None:
    assert stem(other) in stem_changes(stem(word), fold(word))


@pytest.mark.parametrize("word", ["crías", "vino", "premio", "1991", "pide", "fue"])
def test_no_stem_change_outside_those_verb_forms(word: str) -> None:
    assert stem_changes(stem(word), fold(word)) == []
