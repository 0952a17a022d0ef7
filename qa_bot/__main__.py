"""``python -m qa_bot`` and the ``qa-bot`` command.

The CLI (and the engine behind it) is imported inside ``run`` with Ctrl-C deferred: a
KeyboardInterrupt raised in the middle of importing pydantic-core (a Rust extension) makes PyO3
panic and print a Rust backtrace, so during the imports SIGINT only records that it arrived, and
``run`` exits 130 quietly once they are done.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from types import FrameType

EXIT_INTERRUPTED = 130


class _DeferredInterrupt:
    """A SIGINT handler that only remembers the signal came."""

    def __init__(self) -> None:
        self.received = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.received = True


def _import_main() -> Callable[[], int] | None:
    """Import the CLI with SIGINT deferred; None if Ctrl-C came meanwhile."""
    deferred = _DeferredInterrupt()
    try:
        previous = signal.signal(signal.SIGINT, deferred)
    except ValueError:  # not the main thread: nothing to defer
        from qa_bot.cli import main

        return main
    try:
        from qa_bot.cli import main
    finally:
        signal.signal(signal.SIGINT, previous)
    return None if deferred.received else main


def run() -> int:
    """Import the CLI and run it; Ctrl-C at any moment exits 130 without a traceback."""
    # qa-bot never calls BLAS; without this, importing numpy starts one OpenBLAS thread per core
    # (~40 ms of a ~250 ms `qa-bot ask`). A value the user set is kept.
    try:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        main = _import_main()
        if main is None:
            return EXIT_INTERRUPTED
        return main()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(run())
