"""Files qa-bot writes: only the REPL history, private, rewritten atomically, read as data; several
qa-bot processes at once on the same new article all succeed."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.history import FileHistory

from qa_bot.models import Answer
from qa_bot.repl import history as repl_history
from qa_bot.repl.history import SessionHistory, compact, open_history

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask: whatever qa-bot creates must still be private."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def stored(path: Path, entries: list[str]) -> None:
    history = FileHistory(str(path))
    for entry in entries:
        history.store_string(entry)


def test_history_is_private_even_with_umask_0(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "estado" / "qa-bot" / "history"
    history = open_history(path)
    assert isinstance(history, SessionHistory)
    history.append_string("¿Quién inauguró el tranvía?")
    assert (mode(path.parent), mode(path)) == (0o700, 0o600)


def test_history_recreated_mid_session_is_still_private(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "history"
    history = open_history(path)
    path.unlink()  # e.g. the user cleared it while the session was open
    history.append_string("¿Cuánto costó la obra?")
    assert mode(path) == 0o600
    assert list(FileHistory(str(path)).load_history_strings()) == ["¿Cuánto costó la obra?"]


def test_compaction_writes_a_temporary_file_then_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    path = tmp_path / "history"
    stored(path, [f"pregunta {i}" for i in range(10)])
    before = path.read_bytes()
    calls: list[tuple[str, str]] = []

    def failing_replace(src: str, dst: str) -> None:
        calls.append((os.fspath(src), os.fspath(dst)))
        assert mode(Path(src)) == 0o600
        raise OSError(28, "No queda espacio en el dispositivo")

    monkeypatch.setattr(repl_history.os, "replace", failing_replace)
    with pytest.raises(OSError):
        compact(path, keep=3)
    assert calls and calls[0][1] == os.fspath(path)
    assert Path(calls[0][0]).parent == tmp_path
    assert path.read_bytes() == before  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history"]  # no temporary file left
    monkeypatch.undo()
    compact(path, keep=3)
    assert mode(path) == 0o600
    assert list(FileHistory(str(path)).load_history_strings()) == [
        "pregunta 9",
        "pregunta 8",
        "pregunta 7",
    ]


def test_concurrent_compactions_never_fail(tmp_path: Path) -> None:
    path = tmp_path / "history"
    stored(path, [f"pregunta {i}" for i in range(200)])
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                compact(path, keep=100)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(list(FileHistory(str(path)).load_history_strings())) == 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history"]


def test_history_is_read_as_text_never_run(tmp_path: Path) -> None:
    planted = tmp_path / "PLANTADO"
    lines = [
        f"__import__('pathlib').Path({str(planted)!r}).touch()",
        f"$(touch {planted})",
        f"`touch {planted}`",
    ]
    path = tmp_path / "history"
    stored(path, lines)
    history = open_history(path)
    assert list(history.load_history_strings()) == lines[::-1]
    assert not planted.exists()


def test_qa_bot_never_evaluates_or_unpickles_what_it_reads() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "qa_bot").glob("*.py"))
    for pattern in (r"\beval\(", r"\bexec\(", r"\bpickle\b", r"\bmarshal\b", r"\bshelve\b"):
        assert not re.search(pattern, source), pattern


@pytest.mark.slow
def test_qa_bot_writes_no_file_but_the_history(tmp_path: Path, article_path: Path) -> None:
    home = tmp_path / "home"
    work = tmp_path / "trabajo"
    home.mkdir()
    work.mkdir()
    article = work / "nota.txt"
    article.write_text(article_path.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "XDG_STATE_HOME": str(home / "estado")}
    env.pop("XDG_CACHE_HOME", None)
    for args, stdin in (
        (["ask", "-a", "nota.txt", "¿Con quién viajó la alcaldesa?"], None),
        (["ask", "--json", "-a", "nota.txt"], b"\xc2\xbfQu\xc3\xa9?\n"),
        (["cite", "-a", "nota.txt"], None),
        (["chat", "-a", "nota.txt"], b"/cita p1\n"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "qa_bot", *args],
            cwd=work,
            env=env,
            input=stdin,
            stdin=subprocess.DEVNULL if stdin is None else None,
            capture_output=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
    assert list(home.iterdir()) == []
    assert sorted(p.name for p in work.iterdir()) == ["nota.txt"]


@pytest.mark.slow
def test_four_processes_at_once_on_a_new_article(tmp_path: Path, article_path: Path) -> None:
    article = tmp_path / "nueva.txt"
    article.write_text(article_path.read_text(encoding="utf-8"), encoding="utf-8")
    questions = ["¿Con quién viajó la alcaldesa?", "¿Cuánto costó la obra?"] * 2
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "qa_bot", "ask", "--json", "-a", str(article), q],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=tmp_path,
        )
        for q in questions
    ]
    for proc, question in zip(procs, questions, strict=True):
        out, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, 1), err
        assert err == b""
        answer = Answer.model_validate_json(out)
        assert answer.question == question
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nueva.txt"]
