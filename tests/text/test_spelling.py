"""Misspelled names in questions: one typo away from a rare corpus term, and only then."""

from __future__ import annotations

import pytest
from conftest import bot_over

from qa_bot import QABot
from qa_bot.text.analysis import stem
from qa_bot.text.spelling import correct_name, one_typo_away, resolve


def test_one_typo_covers_the_four_edits() -> None:
    near = one_typo_away("gegeen")
    assert "geegen" in near  # neighbours swapped
    assert "gegen" in near  # a letter deleted
    assert "gegeenn" in near  # a letter inserted
    assert "gegean" in near  # a letter replaced
    assert "gegeen" not in near
    assert "ggeene" not in near  # two edits


def test_a_name_is_corrected_and_a_spanish_word_is_not() -> None:
    vocab = {"shoigu", "kremlin", "moned", "gegeen"}
    assert correct_name("shoigo", vocab, lambda t: 1) == "shoigu"
    assert correct_name("kremlim", vocab, lambda t: 1) == "kremlin"
    assert correct_name("geegen", vocab, lambda t: 1) == "gegeen"
    # "moneda" is Spanish: absent from the article, it must stay absent (and be refused).
    assert correct_name(stem("monedas"), vocab, lambda t: 1) is None
    assert correct_name("zzzzzzzz", vocab, lambda t: 1) is None
    assert correct_name("shog", {"shoigu", "shag"}, lambda t: 1) is None  # too short to guess
    assert correct_name("12345", {"12346"}, lambda t: 1) is None  # numbers are not names


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("espcialista", "especialista"), ("havitantes", "habitantes"), ("enzma", "enzima")],
)
def test_a_common_word_misspelled_is_read_as_the_articles(typed: str, meant: str) -> None:
    vocab = {stem(meant), stem("moneda")}
    assert resolve(stem(typed), typed, vocab, {}, lambda t: 1) == stem(meant)
    # A Spanish word the article lacks is not "corrected" into one it has.
    assert resolve(stem("monedas"), "monedas", {stem("moneda") + "x"}, {}, lambda t: 1) == stem(
        "monedas"
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("kiosko", "kiosco"), ("quiosco", "kiosco"), ("okupas", "ocupas"), ("biquini", "bikini")],
)
def test_the_sound_of_k_spelled_otherwise_is_the_articles_word(typed: str, meant: str) -> None:
    # Real words, so no typo: «kiosko» is read as the article's «kiosco» all the same.
    vocab = {stem(meant)}
    assert resolve(stem(typed), typed, vocab, {}, lambda t: 1) == stem(meant)
    # «casa» is not the brand «Kasa» an article names: only a «k» or a «qu» typed is respelled
    assert resolve(stem("casa"), "casa", {stem("kasa")}, {}, lambda t: 1) == stem("casa")


def test_a_short_word_misspelled_by_its_sound_is_the_articles_commoner_word() -> None:
    # «lus» is too short for a typo, but «luz» sounds the same and is far commoner
    assert resolve(stem("lus"), "lus", {stem("luz")}, {}, lambda t: 1) == stem("luz")
    # «casa» is not the article's «caza»: the word typed is the commoner one
    assert resolve(stem("casa"), "casa", {stem("caza")}, {}, lambda t: 1) == stem("casa")


def test_a_kiosk_typed_with_k_finds_the_articles_kiosco() -> None:
    bot = bot_over(
        "Frente a la playa, doña Carmen mantiene abierto el kiosco de frituras que fundó su "
        "esposo. Antes vendía los fines de semana unos 900 dólares en alcapurrias.",
        "El municipio ha habilitado una línea telefónica para reportar acumulaciones de algas.",
    )
    answer = bot.ask("cuanto vendia el kiosko los fines de semana")
    assert answer.supported, answer.reason
    assert "900 dólares" in answer.passages[0].sentence


def test_among_several_names_the_commonest_in_the_corpus_wins() -> None:
    df = {"marin": 1, "marlin": 5}
    assert correct_name("marrin", set(df), df.__getitem__) == "marlin"


@pytest.fixture(scope="module")
def bundled() -> QABot:
    return QABot.load(cache=False)


@pytest.mark.parametrize(
    ("typo", "right"),
    [
        ("¿Qué cargo tiene Shoigo?", "¿Qué cargo tiene Shoigu?"),
        ("¿Qué dice el Kremlim?", "¿Qué dice el Kremlin?"),
        ("que cargo tiene shoigo", "¿Qué cargo tiene Shoigu?"),
    ],
)
def test_a_misspelled_name_gets_the_same_answer(bundled: QABot, typo: str, right: str) -> None:
    wrong, good = bundled.ask(typo), bundled.ask(right)
    assert wrong.supported and good.supported
    assert wrong.passages[0].id == good.passages[0].id
    assert wrong.passages[0].sentence == good.passages[0].sentence


def test_a_misspelled_name_whose_accent_keeps_its_stem_is_read_as_the_articles() -> None:
    # «Bescós» keeps its whole stem (the accent stops Snowball); «bescos» and the typo «bezcos»
    # lose their «-os». The index maps the unaccented stem back to the article's term.
    bot = bot_over("Laura Bescós, dependienta de 31 años, sale de cuentas el 14 de agosto.")
    answer = bot.ask("cuando sale de cuentas laura bezcos")
    assert answer.supported, answer.reason
    assert "14 de agosto" in answer.passages[0].sentence
