"""Bad articles through the CLI and the conversation: a one-line Spanish message and exit 2, or a
documented fallback with a one-line warning per file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from qa_bot.corpus import articles as articles
from qa_bot.corpus.articles import MAX_ARTICLE_BYTES, read_corpus
from qa_bot.repl.app import main as repl_main

QUESTION = "¿Con quién viajó la alcaldesa?"
MB = 1024 * 1024
LIMIT_MB = MAX_ARTICLE_BYTES // MB
GOOD = "La alcaldesa viajó en el primer convoy junto a doscientos vecinos.\n\nEl billete costará 1,40 euros.\n"


def sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (and is never read)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        f.truncate(size)
    return path


def file_with(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return make


def missing(folder: Path) -> Path:
    return folder / "no-existe.txt"


def device(folder: Path) -> Path:
    return Path(os.devnull)


def folder_without_articles(folder: Path) -> Path:
    return file_with("f/nota.pdf", b"%PDF-1.4")(folder).parent


def huge_file(folder: Path) -> Path:
    return sparse(folder / "enorme.txt", MAX_ARTICLE_BYTES + 1)


def huge_folder(folder: Path) -> Path:
    for i in range(3):
        sparse(folder / "g" / f"{i}.txt", MAX_ARTICLE_BYTES // 2)
    return folder / "g"


def folder_of_bad_files(folder: Path) -> Path:
    file_with("m/a.txt", b"")(folder)
    return file_with("m/b.txt", b"\x00")(folder).parent


# Each case: a name, how to make the bad path in a folder, the message after "qa-bot: ".
BAD: list[tuple[str, Callable[[Path], Path], str]] = [
    ("missing", missing, "No existe {p}; indique un archivo .txt/.md o una carpeta."),
    ("device", device, "{p} no es un archivo ni una carpeta."),
    ("other-suffix", file_with("nota.pdf", b"%PDF-1.4"), "{p} no es un artículo .txt ni .md."),
    (
        "folder-without-articles",
        folder_without_articles,
        "La carpeta {p} no contiene artículos .txt ni .md.",
    ),
    ("empty", file_with("vacio.txt", b""), "{p} está vacío: no hay texto que consultar."),
    (
        "whitespace",
        file_with("blanco.txt", b" \n\n\t\r\n"),
        "{p} está vacío: no hay texto que consultar.",
    ),
    (
        "binary",
        file_with("foto.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "{p} no es un archivo de texto (contiene bytes nulos).",
    ),
    (
        "utf16",
        file_with("u16.txt", GOOD.encode("utf-16")),
        "{p} está en UTF-16 (contiene bytes nulos); guárdelo como UTF-8.",
    ),
    (
        "neither-utf8-nor-cp1252",
        file_with("raro.txt", b"Texto \x81\x8d roto"),
        "{p} no es texto UTF-8 ni Windows-1252; conviértalo a UTF-8.",
    ),
    (
        "huge-file",
        huge_file,
        f"{{p}} es demasiado grande ({LIMIT_MB + 1} MB; qa-bot consulta hasta {LIMIT_MB} MB de "
        "texto); use un extracto.",
    ),
    (
        "huge-folder",
        huge_folder,
        f"La carpeta {{p}} tiene {3 * LIMIT_MB // 2} MB de artículos; qa-bot consulta hasta "
        f"{LIMIT_MB} MB de texto: elija menos archivos.",
    ),
    (
        "folder-of-bad-files",
        folder_of_bad_files,
        "La carpeta {p} no contiene artículos con texto: {p}/a.txt está vacío: no hay texto que "
        "consultar (y 1 archivo más).",
    ),
]


@pytest.mark.parametrize(
    ("make", "message"), [(m, msg) for _, m, msg in BAD], ids=[n for n, _, _ in BAD]
)
def test_bad_article_is_one_spanish_line_and_exit_2(
    run, tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    path = make(tmp_path)
    for argv in (
        ["ask", "-a", str(path), QUESTION],
        ["ask", "--json", "-a", str(path), QUESTION],
        ["cite", "-a", str(path)],
    ):
        rc, out, err = run(*argv)
        assert (rc, out) == (2, ""), argv
        assert err == "qa-bot: " + message.format(p=path) + "\n"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_article_exit_2(run, tmp_path: Path) -> None:
    path = tmp_path / "privado.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    rc, out, err = run("ask", "-a", str(path), QUESTION)
    assert (rc, out, err) == (2, "", f"qa-bot: No hay permiso para leer {path}.\n")


@pytest.mark.slow
def test_bad_articles_in_a_real_process_are_one_line_without_traceback(tmp_path: Path) -> None:
    for name, make, _ in BAD:
        folder = tmp_path / name
        folder.mkdir()
        path = make(folder)
        done = subprocess.run(
            [sys.executable, "-m", "qa_bot", "ask", "-a", str(path), QUESTION],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
        assert done.returncode == 2, name
        assert done.stdout == b""
        assert done.stderr.startswith(b"qa-bot: ") and done.stderr.count(b"\n") == 1, name


# fallbacks


def test_windows_1252_is_read_with_one_warning(run, tmp_path: Path) -> None:
    path = tmp_path / "antiguo.txt"
    path.write_bytes(GOOD.encode("cp1252"))
    rc, out, err = run("ask", "--json", "-a", str(path), QUESTION)
    assert rc == 0
    assert json.loads(out)["passages"][0]["text"].startswith("La alcaldesa viajó")
    assert err == f"qa-bot: aviso: {path} no está en UTF-8; se ha leído como Windows-1252.\n"


@pytest.mark.parametrize(
    "data",
    [GOOD.encode("utf-8-sig"), GOOD.replace("\n", "\r\n").encode()],
    ids=["utf8-bom", "crlf"],
)
def test_bom_and_crlf_are_read_silently(run, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "nota.txt"
    path.write_bytes(data)
    rc, out, err = run("cite", "p1", "-a", str(path))
    assert (rc, err) == (0, "")
    assert out == (
        "[p1] nota\npárrafo 1 · caracteres 0–66 del artículo\n"
        "La alcaldesa viajó en el primer convoy junto a doscientos vecinos.\n"
    )


def make_mixed_folder(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "noticias"
    folder.mkdir()
    (folder / "buena.txt").write_text(GOOD, encoding="utf-8")
    bad = [folder / "binario.txt", folder / "vacia.md", folder / "sub" / "rota.txt"]
    bad[0].write_bytes(b"\x00\x01\x02")
    bad[1].write_text("\n\n")
    bad[2].parent.mkdir()
    bad[2].write_bytes(b"\x81\x8d")
    (folder / "antigua.txt").write_bytes("El puente costó mucho.\n".encode("cp1252"))
    return folder, bad


def test_folder_with_some_bad_files_answers_and_warns_about_each(run, tmp_path: Path) -> None:
    folder, bad = make_mixed_folder(tmp_path)
    rc, out, err = run("ask", "--json", "-a", str(folder), QUESTION)
    assert rc == 0
    assert json.loads(out)["passages"][0]["id"] == "buena:p1"
    assert err.splitlines() == [
        f"qa-bot: aviso: {folder}/antigua.txt no está en UTF-8; se ha leído como Windows-1252.",
        f"qa-bot: aviso: {bad[0]} no es un archivo de texto (contiene bytes nulos); se omite.",
        f"qa-bot: aviso: {bad[2]} no es texto UTF-8 ni Windows-1252; conviértalo a UTF-8; se omite.",
        f"qa-bot: aviso: {bad[1]} está vacío: no hay texto que consultar; se omite.",
    ]


def test_the_core_reports_skipped_files_as_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, bad = make_mixed_folder(tmp_path)
    corpus = read_corpus(folder)
    assert [a.slug for a in corpus.articles] == ["antigua", "buena"]
    assert [s.path for s in corpus.skipped] == [str(p) for p in (bad[0], bad[2], bad[1])]
    assert capsys.readouterr() == ("", "")  # the core prints nothing
    assert [a.slug for a in articles.load_articles(folder)] == ["antigua", "buena"]


def test_the_conversation_warns_about_skipped_files_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = make_mixed_folder(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"/pasajes\n"), encoding="utf-8"))
    assert repl_main(str(folder)) == 0
    out, err = capsys.readouterr()
    assert "buena:p1" in out
    assert err.count("; se omite.\n") == 3
    assert err.count("\n") == 4


def test_an_empty_article_path_is_not_the_current_folder(run, tmp_path: Path) -> None:
    rc, out, err = run("ask", "-a", "", QUESTION)
    assert (rc, out) == (2, "")
    assert err == (
        "qa-bot: La ruta del artículo está vacía; indique un archivo .txt/.md o una carpeta.\n"
    )


def test_a_project_folder_skips_git_venv_and_build_with_one_notice(run, tmp_path: Path) -> None:
    (tmp_path / "buena.txt").write_text(
        "La alcaldesa inauguró el tranvía nuevo.\n", encoding="utf-8"
    )
    for folder in (".git", ".venv/lib/python3.11/site-packages/hypothesis", "build", "__pycache__"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "README.md").write_text("# Otra cosa\n\nNada.\n", encoding="utf-8")
    rc, out, err = run("cite", "-a", str(tmp_path))
    assert rc == 0
    assert out == "p1  La alcaldesa inauguró el tranvía nuevo.\n"
    assert err == (
        f"qa-bot: aviso: en {tmp_path} se omiten 4 entradas ocultas o de herramientas "
        "(.git, .venv, __pycache__, build).\n"
    )
