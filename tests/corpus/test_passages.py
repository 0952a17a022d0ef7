"""Passages: both paragraph layouts, exact offsets, sentence windows, stable ids, folders."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from qa_bot.corpus.articles import load_articles
from qa_bot.corpus.passages import (
    MAX_PASSAGE_CHARS,
    WINDOW_CHARS,
    paragraph_spans,
    slugify,
    split_article,
    split_articles,
)
from qa_bot.models import Article, Passage
from qa_bot.text.sentences import sentence_spans


def article(text: str, slug: str = "prueba") -> Article:
    return Article(slug=slug, path=f"{slug}.txt", title=slug, text=text)


def assert_well_formed(art: Article, passages: list[Passage]) -> None:
    """Offsets map back, ids are unique, and every passage lies inside its own paragraph."""
    paragraphs = paragraph_spans(art.text)
    assert len({p.id for p in passages}) == len(passages)
    assert {p.paragraph for p in passages} == set(range(1, len(paragraphs) + 1))
    for p in passages:
        assert art.text[p.start : p.end] == p.text
        assert p.text == p.text.strip() and p.text
        start, end = paragraphs[p.paragraph - 1]
        assert start <= p.start < p.end <= end
        assert p.article == art.slug


def long_paragraph(n_sentences: int = 60) -> str:
    return " ".join(
        f"La frase número {i} del párrafo largo habla del Sr. Gómez y de EE. UU. sin parar."
        for i in range(1, n_sentences + 1)
    )


BLANK_LINES = "Primer párrafo, línea uno.\nSigue el primero.\n\nSegundo párrafo.\n\n\nTercero.\n"
ONE_PER_LINE = "Primer párrafo.\nSegundo párrafo.\n\tTercer párrafo.  \n"


def test_paragraph_spans_blank_line_layout() -> None:
    spans = paragraph_spans(BLANK_LINES)
    assert [BLANK_LINES[s:e] for s, e in spans] == [
        "Primer párrafo, línea uno.\nSigue el primero.",
        "Segundo párrafo.",
        "Tercero.",
    ]


def test_paragraph_spans_one_per_line_layout() -> None:
    spans = paragraph_spans(ONE_PER_LINE)
    assert [ONE_PER_LINE[s:e] for s, e in spans] == [
        "Primer párrafo.",
        "Segundo párrafo.",
        "Tercer párrafo.",
    ]


def test_a_line_of_spaces_separates_paragraphs() -> None:
    text = "Uno.\n \t \nDos.\nSigue dos."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["Uno.", "Dos.\nSigue dos."]


@pytest.mark.parametrize("text", [BLANK_LINES, ONE_PER_LINE])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_offsets_are_exact_on_both_layouts(text: str, newline: str) -> None:
    art = article(text.replace("\n", newline))
    passages = split_article(art)
    assert [p.id for p in passages] == ["p1", "p2", "p3"]
    assert_well_formed(art, passages)
    assert not any(p.text.endswith("\r") for p in passages)


def test_crlf_blank_lines_split_like_lf() -> None:
    crlf = split_article(article(BLANK_LINES.replace("\n", "\r\n")))
    lf = split_article(article(BLANK_LINES))
    assert [p.text.replace("\r\n", "\n") for p in crlf] == [p.text for p in lf]


def test_fixture_article_is_seven_passages(article_path: Path) -> None:
    [art] = load_articles(article_path)
    passages = split_article(art)
    assert [p.id for p in passages] == [f"p{i}" for i in range(1, 8)]
    assert_well_formed(art, passages)
    assert passages[1].text.startswith("La alcaldesa, Natalia Chueca")


def test_bundled_article_one_paragraph_per_line() -> None:
    [art] = load_articles()
    passages = split_article(art)
    lines = [line.strip() for line in art.text.splitlines() if line.strip()]
    assert [p.text for p in passages] == lines
    assert [p.id for p in passages] == [f"p{i}" for i in range(1, len(lines) + 1)]
    assert_well_formed(art, passages)


def test_bom_file_offsets_point_into_the_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "con-bom.txt"
    path.write_text(BLANK_LINES.replace("\n", "\r\n"), encoding="utf-8-sig")
    [art] = load_articles(path)
    passages = split_article(art)
    assert passages[0].text.startswith("Primer párrafo")
    assert passages[0].start == 0
    assert_well_formed(art, passages)


def test_long_paragraph_becomes_sentence_windows() -> None:
    middle = long_paragraph()
    assert len(middle) > MAX_PASSAGE_CHARS
    text = f"Introducción breve.\n\n{middle}\n\nConclusión breve."
    art = article(text)
    passages = split_article(art)
    assert_well_formed(art, passages)
    windows = [p for p in passages if p.paragraph == 2]
    assert len(windows) >= 3
    assert [p.id for p in windows] == [f"p2.{i}" for i in range(1, len(windows) + 1)]
    assert [p.id for p in passages if p.paragraph != 2] == ["p1", "p3"]

    start, end = paragraph_spans(text)[1]
    sentences = sentence_spans(text, start, end)
    assert len(sentences) == 60
    starts = {s for s, _ in sentences}
    ends = {e for _, e in sentences}
    for w in windows:
        assert w.start in starts and w.end in ends  # whole sentences only
        assert len(w.text) <= max(WINDOW_CHARS, max(e - s for s, e in sentences))
    # Every sentence of the paragraph is inside some window; windows run in order and overlap.
    for s, e in sentences:
        assert any(w.start <= s and e <= w.end for w in windows)
    assert windows[0].start == start and windows[-1].end == end
    for a, b in pairwise(windows):
        assert a.start < b.start < a.end < b.end


def test_a_paragraph_at_the_limit_stays_whole() -> None:
    sentence = "Una frase corta de relleno. "
    body = (sentence * (MAX_PASSAGE_CHARS // len(sentence) + 1))[:MAX_PASSAGE_CHARS].strip()
    passages = split_article(article(f"Antes.\n\n{body}\n\nDespués."))
    assert [p.id for p in passages] == ["p1", "p2", "p3"]
    assert passages[1].text == body


def test_ids_are_stable_across_loads(tmp_path: Path) -> None:
    path = tmp_path / "art.txt"
    path.write_text(f"Uno.\n\n{long_paragraph()}\n\nTres.\n", encoding="utf-8")
    first = split_articles(load_articles(path))
    second = split_articles(load_articles(path))
    assert first == second
    assert [p.id for p in first][:2] == ["p1", "p2.1"]


def test_editing_one_paragraph_keeps_the_other_ids_and_texts() -> None:
    paragraphs = ["Primero.", "Segundo original.", "Tercero.", "Cuarto."]
    before = split_article(article("\n\n".join(paragraphs)))
    paragraphs[1] = "Segundo, ahora reescrito y bastante más largo que antes."
    after = split_article(article("\n\n".join(paragraphs)))
    assert [p.id for p in after] == [p.id for p in before] == ["p1", "p2", "p3", "p4"]
    for b, a in zip(before, after, strict=True):
        if b.id != "p2":
            assert (a.id, a.text) == (b.id, b.text)


def test_a_paragraph_growing_into_windows_keeps_the_other_ids() -> None:
    before = split_article(article("Primero.\n\nSegundo.\n\nTercero."))
    after = split_article(article(f"Primero.\n\n{long_paragraph()}\n\nTercero."))
    assert [p.id for p in before] == ["p1", "p2", "p3"]
    assert after[0].id == "p1" and after[-1].id == "p3"
    assert (after[0].text, after[-1].text) == ("Primero.", "Tercero.")


def test_one_article_has_bare_ids_several_have_slug_prefixes() -> None:
    one = split_articles([article("A.\n\nB.", slug="uno")])
    assert [p.id for p in one] == ["p1", "p2"]
    many = split_articles([article("A.\n\nB.", slug="uno"), article("C.", slug="dos")])
    assert [p.id for p in many] == ["uno:p1", "uno:p2", "dos:p1"]
    assert [p.article for p in many] == ["uno", "uno", "dos"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Rusia y Corea", "rusia-y-corea"),
        ("Canción del año", "cancion-del-ano"),
        ("  __Nº 5__ ", "no-5"),
        ("¿¡!?", "articulo"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_folder_ids_are_prefixed_by_slugs(tmp_path: Path) -> None:
    (tmp_path / "Rusia y Corea.txt").write_text("Uno.\n\nDos.", encoding="utf-8")
    (tmp_path / "otro.md").write_text("Tres.", encoding="utf-8")
    passages = split_articles(load_articles(tmp_path))
    assert sorted(p.id for p in passages) == ["otro:p1", "rusia-y-corea:p1", "rusia-y-corea:p2"]
    for p in passages:
        assert p.id == f"{p.article}:p{p.paragraph}"


def test_folder_duplicate_stems_get_unique_slugs(tmp_path: Path) -> None:
    (tmp_path / "nota.txt").write_text("Texto uno.", encoding="utf-8")
    (tmp_path / "nota.md").write_text("Texto dos.", encoding="utf-8")
    (tmp_path / "Nota.TXT").write_text("Texto tres.", encoding="utf-8")
    articles = load_articles(tmp_path)
    slugs = [a.slug for a in articles]
    assert len(set(slugs)) == 3
    assert all(s.startswith("nota") for s in slugs)
    ids = [p.id for p in split_articles(articles)]
    assert len(set(ids)) == len(ids) == 3


def test_folder_slugs_unique_when_a_stem_looks_like_a_numbered_duplicate(tmp_path: Path) -> None:
    for name in ("a-2.txt", "a.md", "a.txt"):
        (tmp_path / name).write_text(f"Texto de {name}.", encoding="utf-8")
    ids = [p.id for p in split_articles(load_articles(tmp_path))]
    assert len(set(ids)) == len(ids)
