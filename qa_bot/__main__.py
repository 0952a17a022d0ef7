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

EXIT_INTERRUPTED = 130


def _import_main() -> Callable[[], int] | None:
    """Import the CLI with SIGINT deferred; None if Ctrl-C came meanwhile."""
    received: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    except ValueError:  # not the main thread: nothing to defer, nothing to restore
        previous = None
    try:
        from qa_bot.cli.main import main
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return None if received else main


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
