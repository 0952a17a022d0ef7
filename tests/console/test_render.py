"""render: fragments for answers and passages, plain and coloured text, when to colour."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa_bot.console.render import (
    REFUSAL_TEXT,
    REFUSAL_TEXT_SEVERAL,
    highlight,
    opening_words,
    render_answer,
    render_hit_text,
    render_passage,
    render_passage_list,
    to_ansi,
    use_color,
)
from qa_bot.models import Answer, Hit, Passage

STYLES = {
    "",
    "class:id",
    "class:sentence",
    "class:match",
    "class:muted",
    "class:refusal",
    "class:title",
    "class:confidence",
}

TEXT = "Rusia busca armas. El ministro Shoigu visitó Corea del Norte en 2023. RUSIA calla."


def make_hit(
    text: str = TEXT, start: int = 19, end: int = 69, terms: list[str] | None = None, **kw: object
) -> Hit:
    fields: dict[str, object] = {
        "id": "p4",
        "article": "rusia",
        "paragraph": 4,
        "start": 100,
        "end": 100 + len(text),
        "text": text,
        "score": 1.5,
        "sentence": text[start:end],
        "sentence_start": start,
        "sentence_end": end,
        "matched_terms": ["Shoigu", "Rusia"] if terms is None else terms,
    }
    fields.update(kw)
    return Hit(**fields)  # type: ignore[arg-type]


def make_answer(hits: list[Hit], supported: bool = True, reason: str | None = None) -> Answer:
    return Answer(
        question="¿Quién visitó Corea del Norte?",
        supported=supported,
        confidence=0.87 if supported else 0.1,
        passages=hits,
        reason=reason,
    )


def styled(fragments: list[tuple[str, str]], style: str) -> list[str]:
    return [text for s, text in fragments if s == style]


def test_supported_answer_header_sentence_and_text() -> None:
    out = to_ansi(render_answer(make_answer([make_hit()])), color=False)
    sentence = TEXT[19:69]
    rest = "Rusia busca armas. … RUSIA calla."
    assert out == f"[p4] rusia, párrafo 4 · confianza 87 %\n→ {sentence}\n{rest}\n"


def test_a_one_sentence_passage_is_not_repeated() -> None:
    one = "El ministro Shoigu visitó Corea del Norte."
    hit = make_hit(text=one, start=0, end=len(one))
    out = to_ansi(render_answer(make_answer([hit])), color=False)
    assert out == f"[p4] rusia, párrafo 4 · confianza 87 %\n→ {one}\n"


def test_the_answer_line_is_styled_as_the_sentence_with_matches() -> None:
    fragments = render_answer(make_answer([make_hit()]))
    line = fragments[5 : fragments.index(("", "\n"), 5) + 1]
    assert line[0] == ("class:sentence", "→ ")
    assert ("class:match", "Shoigu") in line


def test_sentence_is_emphasised_and_terms_highlighted() -> None:
    fragments = render_hit_text(make_hit())
    assert "".join(t for _, t in fragments) == TEXT
    assert styled(fragments, "class:sentence") == [
        "El ministro ",
        " visitó Corea del Norte en 2023.",
    ]
    # Whole words, whatever the case: "Rusia" and "RUSIA" both match, in and out of the sentence.
    assert styled(fragments, "class:match") == ["Rusia", "Shoigu", "RUSIA"]


def test_matching_ignores_accents_but_not_enye_and_needs_whole_words() -> None:
    fragments = highlight(
        "Canción de la cancion; un año, no un ano; armas y arma.", ["CANCIÓN", "año", "arma"]
    )
    assert styled(fragments, "class:match") == ["Canción", "cancion", "año", "arma"]


def test_later_hits_show_score_not_confidence() -> None:
    second = make_hit(id="p2", paragraph=2, score=0.5)
    out = to_ansi(render_answer(make_answer([make_hit(), second])), color=False)
    assert out.split("\n")[4] == "[p2] rusia, párrafo 2 · puntuación 33 % de la primera"
    assert out.count("confianza") == 1


def test_folder_ids_do_not_repeat_the_article() -> None:
    hit = make_hit(id="rusia:p4")
    out = to_ansi(render_answer(make_answer([hit])), color=False)
    assert out.startswith("[rusia:p4] párrafo 4 · confianza 87 %\n")


def test_refusal_with_reason_and_nearest_passage() -> None:
    answer = make_answer([make_hit()], supported=False, reason="Ningún pasaje menciona a Picasso.")
    fragments = render_answer(answer)
    assert styled(fragments, "class:refusal") == [REFUSAL_TEXT]
    assert to_ansi(fragments, color=False) == (
        "El artículo no responde a esta pregunta.\n"
        "Ningún pasaje menciona a Picasso.\n"
        "El pasaje más cercano es p4, pero no basta para responder.\n"
    )


def test_bare_refusal() -> None:
    out = to_ansi(render_answer(make_answer([], supported=False)), color=False)
    assert out == "El artículo no responde a esta pregunta.\n"


def test_untrusted_text_is_sanitized() -> None:
    evil = "Hola \x1b]0;título\x07mundo\x1b[2J \u202eoculto\x9b31m."
    hit = make_hit(text=evil, start=0, end=len(evil), terms=["mundo"])
    answer = make_answer([hit], supported=False, reason="motivo\x1b[31m")
    for fragments in (render_answer(make_answer([hit])), render_answer(answer)):
        joined = "".join(t for _, t in fragments)
        assert not set(joined) & {"\x1b", "\x07", "\x9b", "\u202e"}
    assert "".join(t for _, t in render_hit_text(hit)) == "Hola mundo oculto."


def test_every_style_is_a_known_class() -> None:
    passage = Passage(id="p1", article="a", paragraph=1, start=0, end=5, text="Texto")
    for fragments in (
        render_answer(make_answer([make_hit(), make_hit(id="p5")])),
        render_answer(make_answer([make_hit()], supported=False, reason="x")),
        render_passage(passage),
        render_passage_list([passage]),
    ):
        assert {s for s, _ in fragments} <= STYLES


def test_render_passage() -> None:
    passage = Passage(
        id="p4",
        article="rusia-corea-del-norte",
        paragraph=4,
        start=960,
        end=1333,
        text="Sergei Shoigu…",
    )
    # The article's slug, as `ask` names it (not «rusia corea del norte»).
    assert to_ansi(render_passage(passage), color=False) == (
        "[p4] rusia-corea-del-norte\npárrafo 4 · caracteres 960–1333 del artículo\nSergei Shoigu…\n"
    )
    # In a folder the id names the article already.
    several = passage.model_copy(update={"id": "rusia-corea-del-norte:p4"})
    assert to_ansi(render_passage(several), color=False).startswith("[rusia-corea-del-norte:p4]\n")


def test_render_passage_list_aligns_ids_and_cuts_long_text() -> None:
    long = "Palabra " * 30
    passages = [
        Passage(id="p9", article="a", paragraph=9, start=0, end=5, text="Corto\nde dos líneas"),
        Passage(id="p10.2", article="a", paragraph=10, start=0, end=len(long), text=long),
    ]
    lines = to_ansi(render_passage_list(passages), color=False).splitlines()
    assert lines[0] == "p9     Corto de dos líneas"
    assert lines[1].startswith("p10.2  Palabra Palabra")
    assert lines[1].endswith("Palabra…")
    assert len(lines) == 2


def test_opening_words_cut_at_a_word() -> None:
    assert opening_words("uno dos tres cuatro", limit=10) == "uno dos…"
    assert opening_words("uno, dos", limit=100) == "uno, dos"


def test_to_ansi_colours_only_when_asked() -> None:
    fragments = render_answer(make_answer([make_hit()]))
    plain = to_ansi(fragments, color=False)
    coloured = to_ansi(fragments, color=True)
    assert "\x1b" not in plain
    assert "\x1b[1;33mShoigu\x1b[0m" in coloured
    assert "\x1b[1;36m[p4]\x1b[0m" in coloured
    # Stripping the SGR codes gives back the plain text.
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


class FakeStream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        super().isatty()  # raises ValueError once closed, like a real stream
        return self.tty


@pytest.mark.parametrize(
    ("tty", "env", "expected"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),  # https://no-color.org: only a non-empty value counts
        (True, {"TERM": "dumb"}, False),
    ],
)
def test_use_color(
    monkeypatch: pytest.MonkeyPatch, tty: bool, env: dict[str, str], expected: bool
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert use_color(FakeStream(tty)) is expected


def test_use_color_on_a_closed_or_odd_stream() -> None:
    closed = FakeStream(True)
    closed.close()
    assert use_color(closed) is False
    assert use_color(object()) is False  # type: ignore[arg-type]


@given(
    text=st.text(max_size=200),
    cut=st.tuples(st.integers(0, 200), st.integers(0, 200)),
    terms=st.lists(st.text(min_size=1, max_size=8), max_size=3),
)
def test_any_hit_renders_safely(text: str, cut: tuple[int, int], terms: list[str]) -> None:
    start, end = sorted(cut)
    hit = make_hit(text=text, start=min(start, len(text)), end=min(end, len(text)), terms=terms)
    joined = "".join(t for _, t in render_answer(make_answer([hit])))
    assert "\x1b" not in joined
    assert not any("\x80" <= c <= "\x9f" for c in joined)


def test_a_refusal_over_several_articles_speaks_of_them_all() -> None:
    nearest = make_hit(id="tranvia:p2")
    out = to_ansi(render_answer(make_answer([nearest], supported=False)), color=False)
    assert out.startswith(REFUSAL_TEXT_SEVERAL)
    out = to_ansi(render_answer(make_answer([make_hit()], supported=False)), color=False)
    assert out.startswith(REFUSAL_TEXT)


def test_a_refusal_reads_as_an_answer_not_as_an_error() -> None:
    from qa_bot.repl.display import STYLE

    refusal = to_ansi(render_answer(make_answer([], supported=False, reason="x")), color=True)
    assert refusal.startswith(f"\x1b[1m{REFUSAL_TEXT}\x1b[0m")
    assert "31" not in refusal  # no red: that is for errors
    styles = dict(STYLE.style_rules)
    assert "red" not in styles["refusal"] and "red" in styles["error"]


def test_the_answer_phrase_comes_first_then_citation_sentence_and_the_rest() -> None:
    start = TEXT.index("2023")
    hit = make_hit(answer="en 2023", answer_start=start - 3, answer_end=start + 4)
    out = to_ansi(render_answer(make_answer([hit])), color=False)
    assert out == (
        "→ en 2023\n"
        "[p4] rusia, párrafo 4 · confianza 87 %\n"
        "El ministro Shoigu visitó Corea del Norte en 2023.\n"
        "Rusia busca armas. … RUSIA calla.\n"
    )
    # On a terminal the phrase is bold, and only the phrase's line is.
    coloured = to_ansi(render_answer(make_answer([hit])), color=True)
    assert coloured.startswith("\x1b[1m→ en 2023\x1b[0m\n")
