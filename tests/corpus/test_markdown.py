"""Markdown read as a reader sees it, with passage offsets that still point into the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_bot import QABot
from qa_bot.corpus.articles import load_articles
from qa_bot.corpus.markdown import read_markdown
from qa_bot.corpus.passages import split_article
from qa_bot.text.sentences import sentence_spans

MARKDOWN = """\
# El Ayuntamiento peatonaliza la calle Ancha

El **Ayuntamiento** aprobó ayer la [peatonalización](https://ejemplo.es/obras) de *tres* calles \
del centro tras dos años de obras.

- La calle Ancha, la más comercial.
- la plaza Mayor, con sus soportales
- El paseo del `Río`, junto al puente.

> «Es un día histórico», dijo la alcaldesa, Marta Gil.

| Calle | Metros |
|---|---|
| Calle Ancha | 240 |
| Plaza Mayor | 120 |

Las obras costaron 3,2 millones de euros y las pagó la Diputación.
"""

READER = [
    "El Ayuntamiento peatonaliza la calle Ancha",
    "El Ayuntamiento aprobó ayer la peatonalización de tres calles del centro tras dos años de "
    "obras.",
    "• La calle Ancha, la más comercial.\n• la plaza Mayor, con sus soportales.\n"
    "• El paseo del Río, junto al puente.",
    "«Es un día histórico», dijo la alcaldesa, Marta Gil.",
    "• Calle Ancha: 240 metros.\n• Plaza Mayor: 120 metros.",
    "Las obras costaron 3,2 millones de euros y las pagó la Diputación.",
]


@pytest.fixture
def md_path(tmp_path: Path) -> Path:
    path = tmp_path / "calles.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    return path


def test_markdown_is_read_as_a_reader_sees_it(md_path: Path) -> None:
    [article] = load_articles(md_path)
    assert [p.text for p in split_article(article)] == READER
    assert article.title == "El Ayuntamiento peatonaliza la calle Ancha"
    assert "**" not in article.text and "https" not in article.text and "|" not in article.text


def test_markdown_passage_offsets_are_the_blocks_in_the_file(md_path: Path) -> None:
    source = md_path.read_text(encoding="utf-8")
    [article] = load_articles(md_path)
    blocks = [source[p.start : p.end] for p in split_article(article)]
    assert blocks == [block.rstrip("\n") for block in source.split("\n\n")]
    assert blocks[0] == "# El Ayuntamiento peatonaliza la calle Ancha"
    assert blocks[4].startswith("| Calle | Metros |") and blocks[4].endswith("| 120 |")


def test_every_copied_piece_maps_to_the_same_text_in_the_file(md_path: Path) -> None:
    source = md_path.read_text(encoding="utf-8")
    text, source_map, _ = read_markdown(source)
    assert source_map.runs
    for at, file_at, length in source_map.runs:
        assert source[file_at : file_at + length] == text[at : at + length]
    # Part of a block: from its first copied character to the end of its last one.
    start = text.index("peatonalización")
    s, e = source_map.span(start, start + len("peatonalización de tres"))
    assert source[s:e] == "peatonalización](https://ejemplo.es/obras) de *tres"


def test_a_long_markdown_paragraph_is_cut_in_windows_that_map_into_the_file(
    tmp_path: Path,
) -> None:
    sentence = "El **tranvía** recorrió la [avenida](https://x.es) número {} con viajeros."
    body = " ".join(sentence.format(i) for i in range(60))
    path = tmp_path / "largo.md"
    path.write_text(f"# Título\n\n{body}\n", encoding="utf-8")
    source = path.read_text(encoding="utf-8")
    passages = split_article(load_articles(path)[0])
    assert [p.id for p in passages][:3] == ["p1", "p2.1", "p2.2"]
    for passage in passages[1:]:
        shown = source[passage.start : passage.end]
        assert shown.startswith("El **tranvía**"), passage.id
        assert shown.endswith("con viajeros."), passage.id
        assert "**" not in passage.text


def test_each_list_item_and_table_row_is_a_sentence(md_path: Path) -> None:
    bot = QABot.load(md_path, cache=False)
    listing, table = bot.cite("p3").text, bot.cite("p5").text
    assert [listing[s:e] for s, e in sentence_spans(listing)] == [
        "La calle Ancha, la más comercial.",
        "la plaza Mayor, con sus soportales.",
        "El paseo del Río, junto al puente.",
    ]
    assert [table[s:e] for s, e in sentence_spans(table)] == [
        "Calle Ancha: 240 metros.",
        "Plaza Mayor: 120 metros.",
    ]


def test_a_table_row_is_read_with_its_header(md_path: Path) -> None:
    answer = QABot.load(md_path, cache=False).ask("¿Cuánto mide la calle Ancha?")
    assert answer.supported
    assert (answer.passages[0].id, answer.passages[0].sentence) == (
        "p5",
        "Calle Ancha: 240 metros.",
    )


def test_table_cells_read_with_headers_of_words_and_numbers() -> None:
    text, _, _ = read_markdown(
        "| Calle | Metros | Barrio | PIB |\n|---|---|---|---|\n| Ancha | 240 | Centro | |\n"
        "| | 5 | | 1 |\n"
    )
    assert text == "• Ancha: 240 metros, barrio Centro.\n• 5 metros, 1 PIB."


def test_escapes_entities_html_and_images_read_as_a_reader_sees_them() -> None:
    source = (
        "Un \\*asterisco\\*, 3 &amp; 4, <b>negrita</b> ![foto](f.jpg) y fin.\n\n<!-- nota -->\n"
    )
    text, source_map, heading = read_markdown(source)
    assert text == "Un *asterisco*, 3 & 4, negrita  y fin."
    assert heading == ""
    assert source_map.blocks == [(0, len(text), 0, source.index("\n"))]


def test_cite_shows_the_reader_text_and_the_file_span(md_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run("cite", "-a", str(md_path), "p2")
    source = md_path.read_text(encoding="utf-8")
    start = source.index("El **Ayuntamiento**")
    end = source.index("obras.") + len("obras.")
    assert (rc, err) == (0, "")
    assert out == (f"[p2] calles\npárrafo 2 · caracteres {start}–{end} del artículo\n{READER[1]}\n")


def test_the_cache_key_tells_markdown_blocks_from_blank_lines(tmp_path: Path) -> None:
    from qa_bot.index.cache_file import content_key

    (tmp_path / "a.md").write_text("- Uno.\n- Dos.\n", encoding="utf-8")
    [markdown] = load_articles(tmp_path / "a.md")
    plain = markdown.model_copy(update={"source_map": None})
    assert len(split_article(markdown)) == 1 and len(split_article(plain)) == 2
    assert content_key([markdown]) != content_key([plain])


def test_a_front_matter_is_metadata_not_text() -> None:
    source = "---\ntitulo: prueba\nfecha: 2026\n---\n\n# Biblioteca\n\nAbre el lunes.\n"
    text, source_map, heading = read_markdown(source)
    assert (text, heading) == ("Biblioteca\n\nAbre el lunes.", "Biblioteca")
    assert [source[s:e] for _, _, s, e in source_map.blocks] == ["# Biblioteca", "Abre el lunes."]
