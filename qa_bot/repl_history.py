"""Where the REPL keeps its history, and a file history that never takes the session down.

prompt-toolkit's ``FileHistory`` neither expands ``~`` nor creates the parent folder, creates the file
with the umask's mode, raises from ``store_string`` when the disk or the folder goes away, and grows
without bound. Here the folder is created private, the file is not writable by others, a failure
is said once (in Spanish) and the session goes on, and a large file is trimmed to its newest entries.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from prompt_toolkit.history import FileHistory, History, InMemoryHistory

HISTORY_LIMIT = 1000
COMPACT_BYTES = 256 * 1024

Warn = Callable[[str], None]


def warn_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def default_history_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_STATE_HOME/qa-bot/history``, or ``~/.local/state/qa-bot/history``."""
    env = os.environ if environ is None else environ
    state = env.get("XDG_STATE_HOME", "")
    # The XDG base directory spec says a relative path there is invalid and must be ignored.
    base = Path(state) if os.path.isabs(state) else Path.home() / ".local" / "state"
    return base / "qa-bot" / "history"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


class SessionHistory(FileHistory):
    """A ``FileHistory`` that stops writing, and leaves one notice, when its file fails.

    The failure happens inside prompt-toolkit (on Enter, while the prompt is still drawn), where
    printing would garble the screen; the REPL shows ``take_notice()`` after the prompt instead.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path
        self.failed = False
        self._notice: str | None = None

    def take_notice(self) -> str | None:
        """The failure message, once; None when there is nothing (more) to say."""
        notice, self._notice = self._notice, None
        return notice

    def load_history_strings(self) -> Iterable[str]:
        try:
            strings = list(super().load_history_strings())
        except OSError as exc:
            self._fail(exc)
            return []
        return strings[:HISTORY_LIMIT]

    def store_string(self, string: str) -> None:
        if self.failed:
            return
        try:
            super().store_string(string)
        except OSError as exc:
            self._fail(exc)

    def _fail(self, exc: OSError) -> None:
        if not self.failed:
            self.failed = True
            self._notice = (
                f"Aviso: no se puede guardar el historial en {self.path} ({_reason(exc)}); "
                "esta sesión no lo guardará."
            )


def compact(path: Path, keep: int) -> None:
    """Rewrite the history file with only its ``keep`` newest entries (atomically, mode 0600)."""
    newest_first = list(FileHistory(str(path)).load_history_strings())[:keep]
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        for entry in reversed(newest_first):
            f.write("\n# qa-bot\n" + "".join(f"+{line}\n" for line in entry.split("\n")))
    os.replace(tmp, path)


def open_history(path: Path, warn: Warn = warn_stderr) -> History:
    """The session history in ``path``; an in-memory one (after one warning) if it cannot be used."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600))
        st = path.stat()
        if st.st_mode & 0o022:
            # Others could plant lines that a later Up-arrow and Enter would run.
            path.chmod(stat.S_IMODE(st.st_mode) & ~0o022)
        if st.st_size > COMPACT_BYTES:
            compact(path, HISTORY_LIMIT)
    except OSError as exc:
        warn(
            f"qa-bot: aviso: no se puede usar el historial {path} ({_reason(exc)}); "
            "esta sesión no lo guardará."
        )
        return InMemoryHistory()
    return SessionHistory(path)
