"""sanitize: escape sequences and control characters go, Spanish typography stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa_bot.text.sanitize import sanitize


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("\x1b[31mrojo\x1b[0m", "rojo"),  # CSI colour
        ("a\x1b[2J\x1b[Hb", "ab"),  # clear screen, cursor home
        ("\x1b]0;título falso\x07texto", "texto"),  # OSC window title, BEL-terminated
        ("\x1b]52;c;aG9sYQ==\x1b\\texto", "texto"),  # OSC 52 clipboard write, ST-terminated
        ("\x1b]8;;http://malo.example\x1b\\enlace\x1b]8;;\x1b\\", "enlace"),  # OSC 8 link
        ("\x9b31mC1\x9b0m", "C1"),  # 8-bit CSI
        ("\x9d0;t\x9c", ""),  # 8-bit OSC ... ST
        ("timbre\x07", "timbre"),  # BEL
        ("re\x08\x08escrito", "reescrito"),  # backspace
        ("nulo\x00", "nulo"),
        ("del\x7f", "del"),
        ("\x85\x8e\x9f", ""),  # other C1 controls
        ("abc\u202eFED\u202c", "abcFED"),  # right-to-left override
        ("\u2066aislado\u2069\u200f", "aislado"),  # isolates and RLM
        ("línea\r\notra", "línea\notra"),
    ],
)
def test_removes_escapes_and_controls(dirty: str, clean: str) -> None:
    assert sanitize(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "1.500\u00a0euros",  # no-break space
        "inter\u00adnacional",  # soft hyphen
        "10\u2009%",  # thin space
        "«España» — año, niño, pingüino, ÑANDÚ",
        "¿Qué? ¡Sí! 🇪🇸 👍🏽",
        "columna\tcolumna\nfila",
    ],
)
def test_keeps_spanish_text(text: str) -> None:
    assert sanitize(text) == text


def test_newlines_can_be_flattened() -> None:
    assert sanitize("uno\ndos\r\ntres", keep_newlines=False) == "uno dos tres"


UNSAFE = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]} | set(
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@given(st.text())
def test_output_never_has_unsafe_characters(text: str) -> None:
    assert not UNSAFE & set(sanitize(text))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Zl", "Zp", "Cs"))))
def test_text_without_controls_is_unchanged(text: str) -> None:
    assert sanitize(text) == text
