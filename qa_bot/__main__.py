"""``python -m qa_bot`` and the ``qa-bot`` command.

The CLI (and the engine behind it) is imported inside ``run`` so that a Ctrl-C while Python is
still loading numpy and pydantic exits with 130 quietly instead of a traceback.
"""

from __future__ import annotations

import os

EXIT_INTERRUPTED = 130


def run() -> int:
    """Import the CLI and run it; Ctrl-C at any moment exits 130 without a traceback."""
    # qa-bot never calls BLAS; without this, importing numpy starts one OpenBLAS thread per core
    # (~40 ms of a ~250 ms `qa-bot ask`). A value the user set is kept.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        from qa_bot.cli import main

        return main()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(run())
