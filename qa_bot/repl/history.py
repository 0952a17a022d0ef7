"""Where the REPL keeps its history, and a file history that never takes the session down.

prompt-toolkit's ``FileHistory`` neither expands ``~`` nor creates the parent folder, creates the file
with the umask's mode, raises from ``store_string`` when the disk or the folder goes away, and grows
without bound. Here the folder is created private, the file is not writable by others (even when it
is created again mid-session), each entry is appended in one write so that sessions running at once
do not interleave, a failure is said once (in Spanish) and the session goes on, and a large file is
trimmed to its newest entries through a temporary file and an atomic rename. The file is only ever
parsed as text lines. A line with nothing visible (only spaces) is kept neither on disk nor in memory.
"""

from __future__ import annotations

import datetime
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from prompt_toolkit.history import FileHistory, History, InMemoryHistory

from qa_bot.text.sanitize import is_blank

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


class SkipsBlankLines(History):
    """Leaves out lines with nothing visible (``is_blank``): prompt-toolkit stores any non-empty
    line, so a line of spaces would come back on Up-arrow."""

    def append_string(self, string: str) -> None:
        if not is_blank(string):
            super().append_string(string)


class MemoryHistory(SkipsBlankLines, InMemoryHistory):
    """The history of a session that keeps none on disk."""


class SessionHistory(SkipsBlankLines, FileHistory):
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
        # Entries with nothing visible, stored by earlier versions, are not brought back.
        return [s for s in strings if not is_blank(s)][:HISTORY_LIMIT]

    def store_string(self, string: str) -> None:
        if self.failed:
            return
        try:
            append_entry(self.path, string)
        except OSError as exc:
            self._fail(exc)

    def _fail(self, exc: OSError) -> None:
        if not self.failed:
            self.failed = True
            self._notice = (
                f"Aviso: no se puede guardar el historial en {self.path} ({_reason(exc)}); "
                "esta sesión no lo guardará."
            )


def _entry(string: str, stamp: str) -> bytes:
    """One history entry in ``FileHistory``'s format: a comment line, then ``+`` lines."""
    text = f"\n# {stamp}\n" + "".join(f"+{line}\n" for line in string.split("\n"))
    return text.encode("utf-8", "replace")  # a lone surrogate must not lose the entry


def append_entry(path: Path, string: str) -> None:
    """Append one entry in a single write, creating the file with mode 0600 if it is gone."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, _entry(string, str(datetime.datetime.now())))
    finally:
        os.close(fd)


def compact(path: Path, keep: int) -> None:
    """Rewrite the history file with only its ``keep`` newest entries: written to a private
    temporary file in the same folder, synced, then renamed over the old one (atomic), so a crash
    or a full disk leaves either the old file or the new one, never half of one."""
    newest_first = list(FileHistory(str(path)).load_history_strings())[:keep]
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(b"".join(_entry(entry, "qa-bot") for entry in reversed(newest_first)))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
        return MemoryHistory()
    return SessionHistory(path)
