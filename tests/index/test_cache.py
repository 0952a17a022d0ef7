"""The index cache: round trip, damaged and stale files rebuilt with a notice, concurrent writers,
file modes, and ``--no-cache``."""

from __future__ import annotations

import json
import os
import random
import stat
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

import qa_bot.index.cache_file
import qa_bot.index.passage_index
from qa_bot.bot import QABot
from qa_bot.cli.main import main
from qa_bot.console.progress import TerminalProgress
from qa_bot.index.cache import MIN_CHARS, IndexCache, default_root
from qa_bot.index.cache_file import SUFFIX, content_key, fingerprint, read_index
from qa_bot.paths import shown_cache_root

WORDS = (
    "gobierno ministro acuerdo frontera puerto ciudad alcaldesa tranvía obras vecinos hospital "
    "escuela presupuesto huelga tribunal juez sentencia incendio lluvia cosecha museo canción "
    "premio equipo estadio barrio alquiler vivienda banco deuda inflación petróleo energía "
    "satélite universidad estudiantes profesor libro novela periódico radio televisión Zaragoza "
    "Rusia Corea Shoigu 2024 1,5 el la de que en los las un una por con para del"
).split()
QUESTIONS = ["¿Qué dijo el ministro del acuerdo?", "¿Cuánto costó el tranvía?", "¿Quién es Shoigu?"]


def article_text(paragraphs: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        sentence = " ".join(rng.choices(WORDS, k=rng.randint(8, 40)))
        out.append(sentence[0].upper() + sentence[1:] + ".")
    return "\n\n".join(out) + "\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "noticias"
    folder.mkdir()
    for n in range(3):
        (folder / f"articulo-{n}.txt").write_text(article_text(40, seed=n), encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> IndexCache:
    return IndexCache(tmp_path / "cache", min_chars=0)


def cache_file(cache: IndexCache) -> Path:
    (path,) = cache.root.glob(f"*{SUFFIX}")
    return path


def answers(bot: QABot) -> list[str]:
    return [bot.ask(q, top_k=3).model_dump_json() for q in QUESTIONS]


def no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any analysis fail: what follows must come from the cache."""

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the index was built instead of read from the cache")

    monkeypatch.setattr(qa_bot.index.passage_index, "analyze_corpus", fail)


def test_a_cached_index_equals_a_fresh_build(
    corpus: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = QABot.load(corpus, cache=False)
    first = QABot.load(corpus, cache=cache)
    assert first.notices == [] and cache_file(cache).is_file()
    no_build(monkeypatch)
    cached = QABot.load(corpus, cache=cache)
    assert cached.notices == []
    assert list(cached.passages) == list(fresh.passages)
    assert answers(cached) == answers(fresh)
    f, c = fresh.index, cached.index
    assert c.stems.terms == f.stems.terms and c.prefixes.terms == f.prefixes.terms
    assert c.plain_stems == f.plain_stems
    for name in ("indptr", "docs", "tf", "doc_len"):
        assert np.array_equal(getattr(c.stems, name), getattr(f.stems, name))
        assert getattr(c.stems, name).dtype == getattr(f.stems, name).dtype
    for name in ("rowptr", "term_ids", "tf"):
        assert np.array_equal(getattr(c.prefixes, name), getattr(f.prefixes, name))
    assert c.stems.model.idf == f.stems.model.idf
    assert cached.cite("articulo-1:p7") == fresh.cite("articulo-1:p7")


def test_the_cache_is_keyed_by_the_content(corpus: Path, cache: IndexCache) -> None:
    QABot.load(corpus, cache=cache)
    before = cache_file(cache)
    path = corpus / "articulo-2.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nUn párrafo nuevo.\n", encoding="utf-8")
    bot = QABot.load(corpus, cache=cache)
    assert bot.notices == []
    assert before.is_file()
    assert {p.name for p in cache.root.glob(f"*{SUFFIX}")} == {
        before.name,
        f"{content_key(bot.articles)}{SUFFIX}",
    }
    assert bot.passages[-1].text == "Un párrafo nuevo."


def rewrite(path: Path, change: dict[str, bytes | None]) -> None:
    """Rewrite the cache ZIP at ``path`` with some members replaced (or removed when None)."""
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    for name, data in change.items():
        if data is None:
            members.pop(name)
        else:
            members[name] = data
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def npy(array: np.ndarray) -> bytes:
    import io

    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    return buffer.getvalue()


def meta_with(path: Path, **values: object) -> bytes:
    with zipfile.ZipFile(path) as zf:
        meta = json.loads(zf.read("meta.json"))
    meta.update(values)
    return json.dumps(meta).encode()


DAMAGE = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "empty": lambda p: p.write_bytes(b""),
    "garbage json": lambda p: rewrite(p, {"meta.json": b"{no es json"}),
    "json list": lambda p: rewrite(p, {"meta.json": b"[1, 2]"}),
    "wrong hash": lambda p: rewrite(p, {"meta.json": meta_with(p, key="0" * 64)}),
    "missing array": lambda p: rewrite(p, {"stem_docs.npy": None}),
    "wrong dtype": lambda p: rewrite(p, {"doc_len.npy": npy(np.zeros(3, dtype=np.float64))}),
    "pickled objects": lambda p: rewrite(
        p, {"stem_docs.npy": npy(np.array([{}, []], dtype=object))}
    ),
    "out of range": lambda p: rewrite(
        p, {"stem_docs.npy": npy(np.full(_size(p, "stem_docs"), 10**6, dtype=np.int32))}
    ),
    "counts disagree": lambda p: rewrite(
        p, {"stem_tf.npy": npy(np.ones(_size(p, "stem_docs"), dtype=np.uint16) * 2)}
    ),
    "flipped byte": lambda p: _flip_a_data_byte(p),
}


def _size(path: Path, name: str) -> int:
    with zipfile.ZipFile(path) as zf, zf.open(f"{name}.npy") as f:
        return len(np.lib.format.read_array(f, allow_pickle=False))


def _flip_a_data_byte(path: Path) -> None:
    """Flip one byte inside the postings' data: only the CRC-32 can tell."""
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo("stem_docs.npy").header_offset
    data = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack("<HH", data[offset + 26 : offset + 30])
    data[offset + 30 + name_len + extra_len + 500] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_cache_is_rebuilt_with_a_notice(
    corpus: Path, cache: IndexCache, damage: str
) -> None:
    fresh = QABot.load(corpus, cache=cache)
    DAMAGE[damage](cache_file(cache))
    rebuilt = QABot.load(corpus, cache=cache)
    assert len(rebuilt.notices) == 1
    assert rebuilt.notices[0].startswith("el índice guardado de estos artículos estaba dañado (")
    assert rebuilt.notices[0].endswith("; se ha reconstruido.")
    if damage == "flipped byte":
        assert "Bad CRC-32" in rebuilt.notices[0]
    assert answers(rebuilt) == answers(fresh)
    assert QABot.load(corpus, cache=cache).notices == []  # the rebuilt file is whole again


def test_a_cache_from_another_analyzer_is_rebuilt_with_a_notice(
    corpus: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    QABot.load(corpus, cache=cache)
    monkeypatch.setattr(qa_bot.index.cache_file, "ANALYZER_VERSION", "es-99")
    assert (
        fingerprint()
        != json.loads(zipfile.ZipFile(cache_file(cache)).read("meta.json"))["fingerprint"]
    )
    bot = QABot.load(corpus, cache=cache)
    assert bot.notices == [
        "el índice guardado de estos artículos era de otra versión de qa-bot; se ha reconstruido."
    ]
    assert QABot.load(corpus, cache=cache).notices == []


def test_read_index_refuses_another_corpus(corpus: Path, cache: IndexCache) -> None:
    bot = QABot.load(corpus, cache=cache)
    with pytest.raises(qa_bot.index.cache_file.CacheError, match="no corresponde"):
        read_index(cache_file(cache), bot.articles, "f" * 64)


def test_small_corpora_are_not_cached(corpus: Path, tmp_path: Path) -> None:
    cache = IndexCache(tmp_path / "cache")
    assert cache.min_chars == MIN_CHARS > sum(p.stat().st_size for p in corpus.iterdir())
    QABot.load(corpus, cache=cache)
    assert not cache.root.exists()


def test_cache_files_are_private(corpus: Path, cache: IndexCache) -> None:
    QABot.load(corpus, cache=cache)
    assert stat.S_IMODE(cache.root.stat().st_mode) == 0o700
    for path in cache.root.iterdir():
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & (stat.S_IWGRP | stat.S_IWOTH) == 0, oct(mode)


def test_an_unwritable_cache_is_a_notice_not_an_error(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "no-es-carpeta"
    blocker.write_text("x")
    bot = QABot.load(corpus, cache=IndexCache(blocker / "qa-bot", min_chars=0))
    assert len(bot.notices) == 1 and "no se ha podido guardar el índice" in bot.notices[0]
    assert bot.ask(QUESTIONS[0]).passages


WORKER = """
import sys
from pathlib import Path
from qa_bot.bot import QABot
from qa_bot.index.cache import IndexCache
bot = QABot.load(sys.argv[1], cache=IndexCache(Path(sys.argv[2]), min_chars=0))
print(bot.notices, bot.ask(sys.argv[3]).passages[0].id)
"""


@pytest.mark.slow
def test_concurrent_builds_all_succeed_and_leave_one_valid_cache(
    corpus: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [sys.executable, "-c", WORKER, str(corpus), str(cache.root), QUESTIONS[0]]
    runs = [
        subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)
    ]
    outputs = [(run.communicate(timeout=120), run.returncode) for run in runs]
    assert [code for _, code in outputs] == [0, 0, 0, 0], outputs
    assert len({out for (out, _), _ in outputs}) == 1
    assert outputs[0][0][0].decode().startswith("[] ")
    assert [p.name for p in cache.root.iterdir()] == [cache_file(cache).name]  # no temporaries
    no_build(monkeypatch)
    assert QABot.load(corpus, cache=cache).notices == []


def test_default_root_follows_xdg() -> None:
    home = Path.home()
    assert default_root({}) == home / ".cache" / "qa-bot"
    assert default_root({"XDG_CACHE_HOME": "/var/tmp/c"}) == Path("/var/tmp/c/qa-bot")
    assert default_root({"XDG_CACHE_HOME": "relativa"}) == home / ".cache" / "qa-bot"


def test_the_help_names_the_cache_folder_in_use(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert shown_cache_root({}) == "~/.cache/qa-bot"
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/tmp/c")
    monkeypatch.setenv("COLUMNS", "200")  # argparse would wrap the path at its hyphen
    assert main(["ask", "--help"]) == 0
    assert "(/var/tmp/c/qa-bot)" in " ".join(capsys.readouterr().out.split())


@pytest.fixture
def big_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An article over MIN_CHARS, and XDG_CACHE_HOME pointing into tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = tmp_path / "largo.txt"
    path.write_text(article_text(MIN_CHARS // 120, seed=5), encoding="utf-8")
    assert len(path.read_text(encoding="utf-8")) > MIN_CHARS
    return path


def test_cli_no_cache_writes_nothing(big_article: Path, tmp_path: Path) -> None:
    for command in (["ask", QUESTIONS[0]], ["cite", "p3"]):
        assert main([*command, "--no-cache", "--article", str(big_article)]) in (0, 1)
    assert not (tmp_path / "xdg").exists()
    assert main(["cite", "p3", "--article", str(big_article)]) == 0
    assert len(list((tmp_path / "xdg" / "qa-bot").glob(f"*{SUFFIX}"))) == 1


def test_cli_reports_a_rebuilt_cache_on_stderr_in_spanish(
    big_article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", "p3", "--article", str(big_article)]) == 0
    (path,) = (tmp_path / "xdg" / "qa-bot").glob(f"*{SUFFIX}")
    path.write_bytes(b"PK basura")
    capsys.readouterr()
    assert main(["cite", "p3", "--article", str(big_article)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("qa-bot: aviso: el índice guardado de estos artículos estaba dañado (")
    assert err.endswith("se ha reconstruido.\n")


class FakeTerminal:
    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.text = ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_progress_is_drawn_only_on_a_terminal_and_erased() -> None:
    for tty in (True, False):
        stream = FakeTerminal(tty)
        progress = TerminalProgress(stream, delay=0)  # type: ignore[arg-type]
        progress(2000, 100_000)
        progress(100_000, 100_000)
        progress.finish()
        if tty:
            assert stream.text == (
                "\rqa-bot: indexando 2.000/100.000 pasajes (2 %)…"
                "\rqa-bot: indexando 100.000/100.000 pasajes (100 %)…\r\x1b[K"
            )
        else:
            assert stream.text == ""


def test_progress_waits_a_moment_before_drawing() -> None:
    stream = FakeTerminal(True)
    progress = TerminalProgress(stream)  # type: ignore[arg-type]
    progress(1, 7)
    progress.finish()
    assert stream.text == ""


def test_cache_files_are_never_world_readable_by_umask(corpus: Path, cache: IndexCache) -> None:
    old = os.umask(0)
    try:
        QABot.load(corpus, cache=cache)
    finally:
        os.umask(old)
    assert stat.S_IMODE(cache_file(cache).stat().st_mode) == 0o600


def _three_corpora(tmp_path: Path) -> list[Path]:
    folders = []
    for n in range(3):
        folder = tmp_path / f"corpus-{n}"
        folder.mkdir()
        (folder / "nota.txt").write_text(article_text(30, seed=10 + n), encoding="utf-8")
        folders.append(folder)
    return folders


def _age(path: Path, seconds: float) -> None:
    then = path.stat().st_mtime - seconds
    os.utime(path, (then, then))


def test_the_cache_keeps_only_the_most_recently_used_indexes(tmp_path: Path) -> None:
    cache = IndexCache(tmp_path / "cache", min_chars=0, max_files=2)
    first, second, third = _three_corpora(tmp_path)
    QABot.load(first, cache=cache)
    (first_file,) = cache.root.glob(f"*{SUFFIX}")
    _age(first_file, 300)
    QABot.load(second, cache=cache)
    (second_file,) = set(cache.root.glob(f"*{SUFFIX}")) - {first_file}
    _age(second_file, 200)
    QABot.load(first, cache=cache)  # a hit: the first index is used again, so it is recent now
    QABot.load(third, cache=cache)
    kept = set(cache.root.glob(f"*{SUFFIX}"))
    assert len(kept) == 2
    assert first_file in kept and second_file not in kept


def test_the_cache_stays_under_its_size_but_keeps_the_new_index(tmp_path: Path) -> None:
    cache = IndexCache(tmp_path / "cache", min_chars=0, max_bytes=1)
    for folder in _three_corpora(tmp_path):
        bot = QABot.load(folder, cache=cache)
        (only,) = cache.root.glob(f"*{SUFFIX}")  # each new one replaces the others
        assert read_index(only, bot.articles, content_key(bot.articles)) is not None
