"""What both faces (the CLI and the REPL) share about the terminal: whole-line output with Ctrl-C
held back, JSON lines safe to show, warnings on stderr, and whether a stream is a terminal."""

from __future__ import annotations

import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from pydantic import BaseModel

from qa_bot.console.render import Fragments, to_ansi, use_color

# JSON strings keep these raw under model_dump_json; escaping them keeps the same data but puts no
# C1 control or bidi override on a terminal that shows the JSON.
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@contextmanager
def sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back until the block is done (it is delivered right after)."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:  # Windows
        yield
        return
    previous = mask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, previous)


# Output is written and flushed in pieces no larger than this. One large write to a pipe whose
# reader leaves half way returns a short count, not an error, and CPython's buffered writer does
# not always report it: `qa-bot cite | head -1` then exited 0. With small pieces, the piece after
# the reader has gone fails with EPIPE, and every command exits 141 the same way.
WRITE_CHUNK = 8192


def emit(text: str) -> None:
    """Write whole lines to stdout and flush them, with Ctrl-C held back meanwhile: output cut
    short by Ctrl-C or by a reader that leaves still ends with a whole line."""
    with sigint_held():
        for start in range(0, len(text), WRITE_CHUNK):
            sys.stdout.write(text[start : start + WRITE_CHUNK])
            sys.stdout.flush()


def write(fragments: Fragments) -> None:
    """Print fragments on stdout, coloured only when it is a terminal that wants colour."""
    emit(to_ansi(fragments, use_color(sys.stdout)))


def json_line(model: BaseModel) -> str:
    """A pydantic model as one JSON line with no raw C1 or bidi control characters."""
    text = model.model_dump_json()
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def warn(message: str) -> None:
    sys.stderr.write(f"qa-bot: aviso: {message}\n")


def is_terminal(stream: TextIO | None) -> bool:
    """Whether ``stream`` is an open terminal."""
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # closed
        return False


def stdin_is_terminal() -> bool:
    return is_terminal(sys.stdin)


def stderr_is_terminal() -> bool:
    return is_terminal(sys.stderr)
