"""Build qa_bot/data/background-es.tsv: how common each Spanish stem is in general text.

A data build step, not part of the runtime: it needs the `bench` extra (wordfreq, whose data is
CC BY-SA 4.0, by Robyn Speer et al.; see https://github.com/rspeer/wordfreq). For the N most
frequent Spanish words it stems each word with qa-bot's own analyzer, adds up the
frequencies of the words that share a stem, and writes `stem<TAB>zipf` (zipf = log10 of the
frequency per billion words). Rerun it whenever the analyzer changes (ANALYZER_VERSION).

    python benchmarks/build_background.py [--words 100000]
"""

from __future__ import annotations

import argparse
import math
from collections import defaultdict
from pathlib import Path

from wordfreq import top_n_list, word_frequency

from qa_bot.text.analysis import ANALYZER_VERSION, fold, normalize, stem

OUT = Path(__file__).resolve().parent.parent / "qa_bot" / "data" / "background-es.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    totals: dict[str, float] = defaultdict(float)
    for word in top_n_list("es", args.words):
        lower = normalize(word).lower()
        if not fold(lower).replace("ñ", "n").isalnum():
            continue
        totals[stem(lower)] += word_frequency(word, "es")
    rows = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            f"# analyzer={ANALYZER_VERSION} source=wordfreq-es top={args.words} (CC BY-SA 4.0)\n"
        )
        for term, freq in rows:
            out.write(f"{term}\t{math.log10(freq * 1e9):.2f}\n")
    print(f"{len(rows)} stems -> {OUT}")


if __name__ == "__main__":
    main()
