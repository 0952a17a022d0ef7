"""Per-question time of two qa-bot source trees on one corpus, side by side.

    git archive b1a2efe qa_bot | tar -x -C /tmp/antes
    git archive HEAD qa_bot | tar -x -C /tmp/ahora
    python benchmarks/speed_ab.py /tmp/antes /tmp/ahora [--size 100000] [--rounds 2]

``corpus.py`` writes one synthetic corpus of ``--size`` passages (the dev data's paragraphs planted
among synthetic ones) and 200 of its questions; then, round after round, each tree runs
``speed_workers.py qa-bot`` twice in a fresh process (a first run that indexes and a second that
loads the saved index), by words alone (``QA_BOT_SEMANTIC=0``), from a folder where neither tree
shadows the other. Prints one Markdown row per run: the median and p95 of a whole answer, in ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import DATA, make_corpus

HERE = Path(__file__).resolve().parent
QUESTIONS = 200


def run(tree: Path, corpus: Path, questions: Path, store: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree), "QA_BOT_SEMANTIC": "0"}
    worker = [sys.executable, str(HERE / "speed_workers.py"), "qa-bot"]
    done = subprocess.run(
        [*worker, str(corpus), str(questions), str(store)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"speed_ab.py: {tree} falló:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs=2, type=Path, help="two folders, each with a qa_bot package")
    parser.add_argument("--size", type=int, default=100_000, help="passages")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "corpus"
        planted = make_corpus(args.size, folder, seed=args.size, data=args.data)
        asked = random.Random(args.size).sample(planted, min(QUESTIONS, len(planted)))
        questions = Path(work) / "preguntas.json"
        questions.write_text(json.dumps([(q.text, q.answers) for q in asked], ensure_ascii=False))
        print("| árbol | ronda | ejecución | respuesta: mediana | p95 |")
        print("|---|---:|---|---:|---:|")
        for round_ in range(1, args.rounds + 1):
            for k, tree in enumerate(args.trees):
                store = Path(work) / f"store-{k}-{round_}"
                store.mkdir()
                for phase in ("primera", "segunda"):
                    ask = run(tree, folder, questions, store)["ask"]
                    print(
                        f"| {tree} | {round_} | {phase} | {ask['median']:.2f} ms "
                        f"| {ask['p95']:.2f} ms |",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
