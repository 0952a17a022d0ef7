from __future__ import annotations

from qa_bot.text.analysis import stem
from qa_bot.text.synonyms import synonyms


def test_a_word_finds_its_synonyms_by_stem_most_frequent_first() -> None:
    found = synonyms(stem("obreros"))
    assert stem("trabajadores") in found
    assert stem("obreros") not in found
    assert found.index(stem("trabajadores")) < found.index(stem("jornaleros"))


def test_every_headword_of_a_stem_contributes() -> None:
    # "urbe" has one headword; "automóviles" and "automóvil" share a stem.
    assert stem("ciudad") in synonyms(stem("urbe"))
    assert stem("coche") in synonyms(stem("automóviles"))


def test_a_word_outside_the_thesaurus_has_none() -> None:
    assert synonyms(stem("ciclistas")) == ()
    assert synonyms("zzzz") == ()
