from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from qa_bot.text.analysis import terms
from qa_bot.text.marks import MARKS, UNICODE_VERSION

CLASS = re.compile(f"[{MARKS}]")


def test_every_character_of_the_class_is_a_combining_mark() -> None:
    listed = [c for c in map(chr, range(0x300, sys.maxunicode + 1)) if CLASS.fullmatch(c)]
    assert len(listed) > 2000
    assert all(unicodedata.category(c).startswith("M") for c in listed)


@pytest.mark.skipif(
    unicodedata.unidata_version != UNICODE_VERSION, reason="the class lists another Unicode"
)
def test_the_class_holds_every_combining_mark() -> None:
    missing = [
        f"U+{ord(c):04X}"
        for c in map(chr, range(sys.maxunicode + 1))
        if unicodedata.category(c).startswith("M") and not CLASS.fullmatch(c)
    ]
    assert missing == []


@pytest.mark.parametrize("word", ["canción", "آب", "किताब", "Ελλάδα"])
def test_a_word_gives_the_same_term_decomposed_or_composed(word: str) -> None:
    nfd = unicodedata.normalize("NFD", word)
    assert nfd != word or word == "किताब"
    assert terms(nfd) == terms(word)
