"""repl_display: word wrapping keeps every word whole and every style in place."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from prompt_toolkit.utils import get_cwidth

from qa_bot import QABot
from qa_bot.repl.display import STYLE, toolbar, wrap_fragments

WORD = st.text(st.sampled_from("abcñáé漢字"), min_size=1, max_size=12)
SEPARATOR = st.sampled_from([" ", "  ", "\n"])
STYLES = st.sampled_from(["", "class:id", "class:match", "class:sentence"])


@st.composite
def fragments(draw: st.DrawFn) -> list[tuple[str, str]]:
    pieces = draw(st.lists(st.tuples(WORD, SEPARATOR), max_size=30))
    text = "".join(w + s for w, s in pieces)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=5)))
    bounds = [0, *cuts, len(text)]
    return [(draw(STYLES), text[a:b]) for a, b in itertools.pairwise(bounds)]


def plain(frags: list[tuple[str, str]]) -> str:
    return "".join(t for _, t in frags)


@given(fragments(), st.integers(10, 60))
def test_wrapping_keeps_words_and_fits_the_width(frags: list[tuple[str, str]], width: int) -> None:
    wrapped = wrap_fragments(frags, width)
    assert plain(wrapped).split() == plain(frags).split()
    for line in plain(wrapped).split("\n"):
        words = line.split()
        assert get_cwidth(line.rstrip()) <= width or len(words) == 1


@given(fragments(), st.integers(10, 60))
def test_wrapping_keeps_each_word_s_style(frags: list[tuple[str, str]], width: int) -> None:
    def styled_chars(f: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(s, c) for s, t in f for c in t if not c.isspace()]

    assert styled_chars(wrap_fragments(frags, width)) == styled_chars(frags)


def test_short_text_is_left_alone() -> None:
    frags = [("class:id", "[p1]"), ("", " texto  breve\n"), ("class:muted", "fin")]
    assert plain(wrap_fragments(frags, 80)) == plain(frags)


def test_a_long_line_breaks_at_spaces() -> None:
    frags = [("", "una frase algo larga que no cabe")]
    assert plain(wrap_fragments(frags, 12)) == "una frase\nalgo larga\nque no cabe"


def test_toolbar_names_the_article_and_keys(bot: QABot) -> None:
    text = plain(toolbar(bot))
    assert "«El Ayuntamiento de Zaragoza inauguró el lunes la…» · 7 pasajes" in text
    for key in ("/ayuda", "Tab", "Ctrl-D"):
        assert key in text


def test_the_toolbar_fits_any_width_without_a_cut_key(bot: QABot) -> None:
    for width in range(10, 130):
        text = plain(toolbar(bot, width))
        assert get_cwidth(text) <= width, width
        if text:
            assert text.rstrip().endswith("Ctrl-D sale"), width
    at_60 = plain(toolbar(bot, 60))
    assert at_60 == " «El Ayuntami…» · 7 pasajes │ /ayuda comandos · Ctrl-D sale "
    assert plain(toolbar(bot, 200)).count("·") == 3  # wide enough: everything, Tab too


def test_thousands_are_separated_in_counts() -> None:
    from qa_bot.console.render import plural

    assert [plural(n, "pasaje") for n in (1, 7, 1437, 20000, 300000)] == [
        "1 pasaje",
        "7 pasajes",
        "1.437 pasajes",
        "20.000 pasajes",
        "300.000 pasajes",
    ]


def test_style_covers_every_render_class() -> None:
    from qa_bot.console import render as render

    classes = {
        value.removeprefix("class:")
        for name, value in vars(render).items()
        if name.isupper() and isinstance(value, str) and value.startswith("class:")
    }
    assert classes
    assert classes <= {rule for rule, _ in STYLE.style_rules}


def test_the_follow_up_note_never_leaves_a_separator_hanging(bot: QABot) -> None:
    for width in range(10, 120):
        bar = toolbar(bot, width, following=True)
        text = "".join(t for _, t in bar)
        assert get_cwidth(text) <= width, width
        assert not text.rstrip().endswith("│"), (width, text)
        if width >= 60:
            assert "/ayuda" in text or "Ctrl-D" in text, (width, text)  # a key still shown
