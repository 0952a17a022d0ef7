"""repl_history: where the history lives, its permissions, and failing without ending the session."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from prompt_toolkit.history import FileHistory, InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from qa_bot import QABot
from qa_bot.repl import history as repl_history
from qa_bot.repl.app import build_session, run_repl
from qa_bot.repl.history import SessionHistory, compact, default_history_path, open_history


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def warnings() -> list[str]:
    return []


def test_history_path_follows_xdg_state_home(tmp_path: Path) -> None:
    env = {"XDG_STATE_HOME": str(tmp_path), "HOME": "/nowhere"}
    assert default_history_path(env) == tmp_path / "qa-bot" / "history"


@pytest.mark.parametrize("state", [None, "", "relativa/estado"])
def test_history_path_defaults_to_local_state(
    state: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    env = {} if state is None else {"XDG_STATE_HOME": state}
    assert default_history_path(env) == tmp_path / ".local" / "state" / "qa-bot" / "history"


def test_open_history_creates_a_private_folder_and_file(
    tmp_path: Path, warnings: list[str]
) -> None:
    path = tmp_path / "estado" / "qa-bot" / "history"
    history = open_history(path, warnings.append)
    assert isinstance(history, SessionHistory)
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600
    history.append_string("¿Quién inauguró el tranvía?")
    assert "+¿Quién inauguró el tranvía?\n" in path.read_text(encoding="utf-8")
    assert warnings == []


def test_open_history_removes_write_permission_for_others(
    tmp_path: Path, warnings: list[str]
) -> None:
    path = tmp_path / "history"
    path.write_text("")
    path.chmod(0o666)
    open_history(path, warnings.append)
    assert mode(path) == 0o644


def test_unusable_history_warns_once_and_keeps_it_in_memory(
    tmp_path: Path, warnings: list[str], bot: QABot
) -> None:
    blocker = tmp_path / "estado"
    blocker.write_text("un archivo, no una carpeta")
    session = build_session(blocker / "qa-bot" / "history", bot, warn=warnings.append)
    assert isinstance(session.history, InMemoryHistory)
    assert len(warnings) == 1
    assert warnings[0].startswith("qa-bot: aviso: no se puede usar el historial ")
    assert warnings[0].endswith("esta sesión no lo guardará.")


def test_history_that_stops_being_writable_leaves_one_notice(
    tmp_path: Path, warnings: list[str]
) -> None:
    folder = tmp_path / "qa-bot"
    history = open_history(folder / "history", warnings.append)
    assert isinstance(history, SessionHistory)
    assert history.take_notice() is None
    (folder / "history").unlink()
    folder.rmdir()
    history.append_string("primera")
    history.append_string("segunda")
    notice = history.take_notice()
    assert notice is not None and notice.startswith("Aviso: no se puede guardar el historial en ")
    assert history.take_notice() is None
    assert warnings == []
    assert history.get_strings() == ["primera", "segunda"]


def test_the_session_shows_the_notice_once_and_goes_on(tmp_path: Path, bot: QABot) -> None:
    folder = tmp_path / "qa-bot"
    buf = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text("/cita p1\n/cita p2\n/salir\n")
        session = build_session(folder / "history", bot, input=inp, output=DummyOutput())
        (folder / "history").unlink()
        folder.rmdir()
        assert run_repl(bot, session, PlainTextOutput(buf)) == 0
    shown = buf.getvalue()
    assert shown.count("Aviso: no se puede guardar el historial") == 1
    assert "[p2]" in shown


def test_history_loads_what_earlier_sessions_stored(tmp_path: Path) -> None:
    path = tmp_path / "history"
    FileHistory(str(path)).store_string("¿Cuánto costó la obra?")
    history = open_history(path)
    assert list(history.load_history_strings()) == ["¿Cuánto costó la obra?"]


def test_compact_keeps_the_newest_entries(tmp_path: Path) -> None:
    path = tmp_path / "history"
    old = FileHistory(str(path))
    for i in range(10):
        old.store_string(f"pregunta {i}\ncon dos líneas" if i == 9 else f"pregunta {i}")
    compact(path, keep=3)
    assert mode(path) == 0o600
    assert list(FileHistory(str(path)).load_history_strings()) == [
        "pregunta 9\ncon dos líneas",
        "pregunta 8",
        "pregunta 7",
    ]


def test_a_large_history_is_compacted_when_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repl_history, "COMPACT_BYTES", 100)
    monkeypatch.setattr(repl_history, "HISTORY_LIMIT", 2)
    path = tmp_path / "history"
    old = FileHistory(str(path))
    for i in range(20):
        old.store_string(f"pregunta {i}")
    history = open_history(path)
    assert list(history.load_history_strings()) == ["pregunta 19", "pregunta 18"]
    assert path.read_text(encoding="utf-8").count("+pregunta") == 2


@pytest.mark.parametrize("on_disk", [True, False])
def test_blank_lines_are_not_kept_in_the_history(tmp_path: Path, bot: QABot, on_disk: bool) -> None:
    path = tmp_path / "history"
    with create_pipe_input() as inp:
        inp.send_text("   \n/cita p1\n \n/salir\n")
        session = build_session(path if on_disk else None, bot, input=inp, output=DummyOutput())
        assert run_repl(bot, session, DummyOutput()) == 0
    assert session.history.get_strings() == ["/cita p1", "/salir"]
    if on_disk:
        assert list(open_history(path).load_history_strings()) == ["/salir", "/cita p1"]
        assert "+ " not in path.read_text(encoding="utf-8")


def test_blank_entries_stored_earlier_are_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "history"
    old = FileHistory(str(path))
    for entry in ["primera", "   ", "segunda", " "]:
        old.store_string(entry)
    assert list(open_history(path).load_history_strings()) == ["segunda", "primera"]
