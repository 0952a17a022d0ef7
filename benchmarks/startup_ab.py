"""Cold start of `qa-bot ask` for two source trees, interleaved so that load on the machine hits
both alike: `python benchmarks/startup_ab.py ANTES DESPUÉS [--runs 20]`, where each folder holds a
`qa_bot` package (e.g. `git archive main qa_bot | tar -x -C /tmp/antes`). Prints the medians in ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ARTICLE = Path(__file__).resolve().parents[1] / "passages" / "rusia-corea-del-norte.txt"
QUESTION = "¿Quién es el ministro de Defensa ruso?"


def cold_ask(**env: str) -> float:
    """Milliseconds of one `qa-bot ask` on the bundled article, in a new process with ``env``
    added to this one's environment; a run that fails stops the benchmark."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "qa_bot", "ask", "-a", str(ARTICLE), QUESTION],
        env={**os.environ, **env},
        capture_output=True,
        check=True,
    )
    return (time.perf_counter() - start) * 1000


def once(tree: str) -> float:
    return cold_ask(PYTHONPATH=tree)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    times: dict[str, list[float]] = {args.before: [], args.after: []}
    for _ in range(args.runs):
        for tree in times:
            times[tree].append(once(tree))
    for tree, values in times.items():
        print(f"{tree}: mediana {statistics.median(values):.0f} ms")


if __name__ == "__main__":
    main()
