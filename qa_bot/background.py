"""How common a stem is in Spanish at large: a background model for weighting question terms.

In a single article BM25's IDF rests on a handful of passages: "utilizar" in one passage of five
weighs as much as "Shoigu". The background table (``qa_bot/data/background-es.tsv``, built by
``benchmarks/build_background.py`` from wordfreq's Spanish list) gives each stem its Zipf frequency
(log10 per billion words; "de" 7.8, "acuerdo" 5.6, "ajedrez" 3.9); a stem absent from the table is
rarer than any in it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from qa_bot.analysis import ANALYZER_VERSION

RAREST_ZIPF = 1.5


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
    """Stem -> Zipf frequency, loaded once."""
    raw = resources.files("qa_bot.data").joinpath("background-es.tsv").read_text(encoding="utf-8")
    lines = raw.splitlines()
    if not lines or f"analyzer={ANALYZER_VERSION}" not in lines[0]:
        raise RuntimeError("background-es.tsv was built for another analyzer version; rebuild it")
    table: dict[str, float] = {}
    for line in lines[1:]:
        term, _, value = line.partition("\t")
        table[term] = float(value)
    return table


def zipf(stem: str) -> float:
    """The Zipf frequency of ``stem`` in general Spanish (numbers and unknown stems: rare)."""
    return zipf_table().get(stem, RAREST_ZIPF)


def rarity(stem: str) -> float:
    """How informative a stem is in general Spanish: 0 for the commonest words, up to ~1."""
    return min(1.0, max(0.0, (7.0 - zipf(stem)) / 5.0))
