"""Loading articles: a file, a folder, the bundled article; encodings and refusals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qa_bot.corpus import articles as articles_module
from qa_bot.corpus.articles import bundled_article_path, load_articles, read_corpus
from qa_bot.errors import ArticleError, QAError

TEXT = "La canción del año.\n\nEl señor Muñoz cobró 5 € por la pingüinera.\n"


def test_bundled_article() -> None:
    [art] = load_articles()
    assert art.slug == "rusia-corea-del-norte"
    assert art.encoding == "utf-8"
    assert Path(art.path) == bundled_article_path()
    assert "Corea del Norte" in art.text
    # Named by its first line, cut short, not by its file name.
    assert art.title == "Rusia se encuentra en una situación complicada…"


def test_utf8_file_is_read_exactly(tmp_path: Path) -> None:
    path = tmp_path / "mi_articulo.txt"
    path.write_text(TEXT, encoding="utf-8")
    [art] = load_articles(path)
    assert art.text == TEXT
    assert (art.slug, art.title, art.encoding) == ("mi-articulo", "La canción del año.", "utf-8")


def test_path_may_be_a_string(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert load_articles(str(path))[0].text == TEXT


def test_uppercase_suffix_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "NOTA.MD"
    path.write_text(TEXT, encoding="utf-8")
    assert load_articles(path)[0].slug == "nota"


def test_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_text(TEXT, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    [art] = load_articles(path)
    assert art.text == TEXT
    assert art.encoding == "utf-8"


def test_crlf_line_endings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    [art] = load_articles(path)
    assert art.text == TEXT.replace("\n", "\r\n")


def test_windows_1252_falls_back_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "antiguo.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    [art] = load_articles(path)
    assert art.text == TEXT
    assert art.encoding == "cp1252"


def test_bytes_that_are_neither_utf8_nor_cp1252_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "raro.txt"
    path.write_bytes(b"Texto \x81\x8d roto")
    with pytest.raises(ArticleError, match="UTF-8"):
        load_articles(path)


@pytest.mark.parametrize(
    "data", [b"Texto\x00con nulos", "Texto en UTF-16".encode("utf-16")], ids=["nul", "utf16"]
)
def test_nul_bytes_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "binario.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match="bytes nulos"):
        load_articles(path)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\r\n", b"\xef\xbb\xbf\n"])
def test_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "vacio.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match="vacío"):
        load_articles(path)


def test_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="No existe"):
        load_articles(tmp_path / "no-hay.txt")


def test_other_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "articulo.pdf"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"\.txt"):
        load_articles(path)


def test_too_large_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles_module, "MAX_ARTICLE_BYTES", 10)
    path = tmp_path / "grande.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(ArticleError, match="demasiado grande"):
        load_articles(path)


def test_errors_are_user_facing_qa_errors() -> None:
    assert issubclass(ArticleError, QAError)


def test_folder_is_read_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Bravo.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Alfa.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Charlie.", encoding="utf-8")
    (tmp_path / "ignorado.pdf").write_text("No.", encoding="utf-8")
    first = load_articles(tmp_path)
    assert [(a.slug, a.text) for a in first] == [
        ("a", "Alfa."),
        ("b", "Bravo."),
        ("sub-c", "Charlie."),
    ]
    assert load_articles(tmp_path) == first


def test_folder_skips_an_empty_file_among_others(tmp_path: Path) -> None:
    (tmp_path / "bueno.txt").write_text("Texto.", encoding="utf-8")
    (tmp_path / "vacio.txt").write_text("", encoding="utf-8")
    assert [a.slug for a in load_articles(tmp_path)] == ["bueno"]


def test_folder_with_a_single_bad_file_reports_that_file(tmp_path: Path) -> None:
    (tmp_path / "vacio.txt").write_text("", encoding="utf-8")
    with pytest.raises(ArticleError, match="vacío"):
        load_articles(tmp_path)


def test_folder_of_only_empty_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "uno.txt").write_text("", encoding="utf-8")
    (tmp_path / "dos.txt").write_text(" \n", encoding="utf-8")
    with pytest.raises(ArticleError, match="con texto"):
        load_articles(tmp_path)


def test_folder_without_articles_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notas.pdf").write_text("No.", encoding="utf-8")
    with pytest.raises(ArticleError, match="no contiene"):
        load_articles(tmp_path)


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_folder_reports_a_broken_link_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "bueno.txt").write_text("Texto.", encoding="utf-8")
    (tmp_path / "roto.txt").symlink_to(tmp_path / "borrado.txt")
    corpus = read_corpus(tmp_path)
    assert [a.slug for a in corpus.articles] == ["bueno"]
    assert [s.path for s in corpus.skipped] == [str(tmp_path / "roto.txt")]
    assert "no existe" in corpus.skipped[0].message


def make_project(root: Path) -> Path:
    """A project folder: one article, and copies of it where tools and version control keep
    theirs."""
    (root / "noticias").mkdir(parents=True)
    (root / "noticias" / "nota.txt").write_text(TEXT, encoding="utf-8")
    for folder in (".git", ".venv/lib/python3.11/site-packages/x", "build/lib", "node_modules/y"):
        (root / folder).mkdir(parents=True)
        (root / folder / "copia.md").write_text(TEXT, encoding="utf-8")
    (root / ".borrador.md").write_text(TEXT, encoding="utf-8")
    (root / ".gitignore").write_text("build/\n", encoding="utf-8")
    return root


def test_a_folder_skips_hidden_entries_and_tool_folders(tmp_path: Path) -> None:
    corpus = read_corpus(make_project(tmp_path))
    assert [a.slug for a in corpus.articles] == ["noticias-nota"]
    assert corpus.ignored is not None
    assert corpus.ignored.names == [".borrador.md", ".git", ".venv", "build", "node_modules"]
    assert articles_module.load_notices(corpus.articles, corpus.skipped, corpus.ignored) == [
        f"en {tmp_path} se omiten 5 entradas ocultas o de herramientas "
        "(.borrador.md, .git, .venv, build y 1 más)."
    ]


def test_a_folder_with_articles_only_in_tool_folders_says_what_it_left_out(
    tmp_path: Path,
) -> None:
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "nota.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        read_corpus(tmp_path)
    assert str(caught.value) == (
        f"La carpeta {tmp_path} no contiene artículos .txt ni .md; "
        "se omite 1 entrada oculta o de herramientas (dist)."
    )


def test_a_hidden_or_tool_folder_named_itself_is_read(tmp_path: Path) -> None:
    (tmp_path / ".notas").mkdir()
    (tmp_path / ".notas" / "nota.txt").write_text(TEXT, encoding="utf-8")
    corpus = read_corpus(tmp_path / ".notas")
    assert ([a.slug for a in corpus.articles], corpus.ignored) == (["nota"], None)


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_a_link_loop_in_a_folder_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "nota.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a" / "bucle").symlink_to(tmp_path)
    assert [a.slug for a in read_corpus(tmp_path).articles] == ["a-nota"]
