"""``qa-bot index --shards N --out DIR`` and the ``--index`` / ``--cluster`` options, in process:
output, manifest, and every bad argument a Spanish line on stderr with exit 2, no traceback."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import sys
from pathlib import Path

import pytest

from qa_bot.corpus.articles import read_article
from qa_bot.index.shards import MANIFEST, shard_file

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "¿Cuánto costó el tranvía?"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three articles (benchmarks/articulos) in a folder of their own."""
    noticias = tmp_path / "noticias"
    noticias.mkdir()
    for article in sorted((ROOT / "benchmarks/articulos").glob("*.txt")):
        shutil.copy(article, noticias / article.name)
    return noticias


@pytest.fixture
def shards(run, folder: Path, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / "fragmentos"
    rc, _, err = run("index", "--shards", "2", "--out", str(out), str(folder))
    assert (rc, err) == (0, "")
    return out


def usage_error(rc: int, out: str, err: str, *words: str) -> None:
    """Exit 2, nothing on stdout, one Spanish line on stderr holding ``words``."""
    assert rc == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("qa-bot"), err
    assert "Traceback" not in err
    for word in words:
        assert word in err


def test_index_prints_each_shard_and_the_total(run, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "fragmentos"
    rc, stdout, err = run(
        "index", "--shards", "2", "--out", str(out), str(folder), "--workers", "1"
    )
    assert (rc, err) == (0, "")
    lines = stdout.splitlines()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    for number, (line, shard) in enumerate(zip(lines, manifest["shards"], strict=False)):
        assert line == (
            f"fragmento {number + 1}: {shard['articles']} artículos, {shard['passages']} pasajes "
            f"({shard_file(number)})"
        )
    assert lines[2:] == [f"3 artículos, {manifest['passages']} pasajes en {out}"]
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, shard_file(0), shard_file(1)]


def test_the_manifest_lists_every_article_with_its_hash_and_shard(
    shards: Path, folder: Path
) -> None:
    manifest = json.loads((shards / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["format"] == 1
    assert manifest["analyzer"] and manifest["fingerprint"]
    assert [s["file"] for s in manifest["shards"]] == [shard_file(0), shard_file(1)]
    assert sum(s["articles"] for s in manifest["shards"]) == 3
    assert sum(s["passages"] for s in manifest["shards"]) == manifest["passages"]
    listed = manifest["articles"]
    assert [a["slug"] for a in listed] == sorted(p.stem for p in folder.glob("*.txt"))
    assert [a["shard"] for a in listed] == sorted(a["shard"] for a in listed)  # whole, in order
    assert {a["shard"] for a in listed} == {0, 1}
    for article in listed:
        path = Path(article["path"])
        assert path.is_absolute() and path.parent == folder.resolve()
        text = read_article(path).text
        assert article["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_ask_and_cite_over_the_shards_print_what_the_folder_prints(
    run, shards: Path, folder: Path
) -> None:
    for command in (
        ["ask", QUESTION],
        ["ask", "--json", QUESTION],
        ["cite", "tranvia-valladolid:p2"],
    ):
        expected = run(*command[:1], "--article", str(folder), "--no-cache", *command[1:])
        assert run(*command[:1], "--index", str(shards), *command[1:]) == expected
        assert expected[0] in (0, 1) and expected[1]  # an answer or a refusal, never an error


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--shards", "2"], ["faltan argumentos: --out"]),
        (["--out", "{out}"], ["faltan argumentos: --shards"]),
        (["--shards", "0", "--out", "{out}"], ["--shards", "«0» no vale"]),
        (["--shards", "-3", "--out", "{out}"], ["--shards", "«-3» no vale"]),
        (["--shards", "dos", "--out", "{out}"], ["--shards", "«dos» no vale"]),
        (["--shards", "2", "--workers", "0", "--out", "{out}"], ["--workers", "«0» no vale"]),
        (["--shards", "4", "--out", "{out}"], ["4 fragmentos con 3 artículos", "entre 1 y 3"]),
        (["--shards", "2", "--out", "{file}"], ["es un archivo"]),
    ],
)
def test_bad_index_arguments_are_one_spanish_line_and_exit_2(
    run, folder: Path, tmp_path: Path, arguments: list[str], words: list[str]
) -> None:
    afile = tmp_path / "un-archivo"
    afile.write_text("x")
    out = tmp_path / "fragmentos"
    argv = [a.format(out=out, file=afile) for a in arguments]
    usage_error(*run("index", *argv, str(folder)), *words)
    assert not (out / MANIFEST).exists()


def test_index_without_articles_or_with_a_missing_path_exits_2(run, tmp_path: Path) -> None:
    out = str(tmp_path / "fragmentos")
    usage_error(*run("index", "--shards", "2", "--out", out), "ARTÍCULOS")
    usage_error(*run("index", "--shards", "2", "--out", out, str(tmp_path / "no-hay")), "No existe")


def test_an_article_changed_after_indexing_is_a_spanish_error(
    run, shards: Path, folder: Path
) -> None:
    edited = folder / "sequia-almeria.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\n\nUn párrafo nuevo.\n", encoding="utf-8"
    )
    usage_error(
        *run("ask", "--index", str(shards), QUESTION),
        "ha cambiado desde que se indexó",
        "qa-bot index",
    )
    usage_error(*run("cite", "--index", str(shards), "sequia-almeria:p1"), "ha cambiado")


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("command", [["ask", QUESTION], ["cite", "p1"], ["chat"]])
def test_index_and_cluster_option_errors_exit_2(
    run, shards: Path, folder: Path, tmp_path: Path, command: list[str]
) -> None:
    name, rest = command[0], command[1:]
    usage_error(*run(name, "--cluster", "auto", *rest), "--cluster necesita --index")
    usage_error(
        *run(name, "--index", str(shards), "--article", str(folder), *rest),
        "--index y --article no van juntos",
    )
    usage_error(*run(name, "--index", str(folder), *rest), "no es una carpeta de fragmentos")
    usage_error(
        *run(name, "--index", str(tmp_path / "no-hay"), *rest), "no es una carpeta de fragmentos"
    )


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("cabeza", ["HOST:PUERTO", "«cabeza»"]),
        ("10.0.0.5:", ["HOST:PUERTO"]),
        ("10.0.0.5:puerto", ["HOST:PUERTO"]),
        ("", ["HOST:PUERTO"]),
        (
            "127.0.0.1:{port}",
            ["No se puede conectar con el clúster de Ray en 127.0.0.1:", "ray start --head"],
        ),
    ],
)
def test_a_bad_cluster_address_is_a_spanish_error(
    run, shards: Path, address: str, words: list[str]
) -> None:
    pytest.importorskip("ray")
    address = address.format(port=closed_port())
    usage_error(*run("ask", "--index", str(shards), "--cluster", address, QUESTION), *words)


def test_cluster_without_ray_says_how_to_install_it(
    run, shards: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails, as without the extra
    for module in [m for m in sys.modules if m.startswith("qa_bot.cluster")]:
        monkeypatch.delitem(sys.modules, module)
    usage_error(
        *run("ask", "--index", str(shards), "--cluster", "auto", QUESTION),
        "pip install 'qa-bot[cluster]'",
    )
