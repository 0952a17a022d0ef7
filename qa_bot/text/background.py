"""How common a stem is in Spanish at large: a background model for weighting question terms.

In a single article BM25's IDF rests on a handful of passages: "utilizar" in one passage of five
weighs as much as "Shoigu". The background table (``qa_bot/data/background-es.tsv``, built by
``benchmarks/build_background.py`` from wordfreq's Spanish list) gives each stem its Zipf frequency
(log10 per billion words; "de" 7.8, "acuerdo" 5.6, "ajedrez" 3.9); a stem absent from the table is
rarer than any in it.
"""

from __future__ import annotations

from functools import lru_cache

from qa_bot import data
from qa_bot.text.analysis import ANALYZER_VERSION

RAREST_ZIPF = 1.5


# A single question looks up ~5 stems: finding them in the raw text (~0.1 ms each) beats parsing
# 44k lines into a dict (~25 ms, a tenth of `qa-bot ask`). Past this many lookups (a batch, an
# evaluation) the whole table is parsed once.
LOOKUPS_BEFORE_PARSING = 64


@lru_cache(maxsize=1)
def _raw_table() -> str:
    """The table file: a header line, then lines "stem<TAB>zipf" (each preceded by a newline)."""
    raw = data.read_text("background-es.tsv")
    if f"analyzer={ANALYZER_VERSION}" not in raw[: raw.find("\n")]:
        raise RuntimeError("background-es.tsv was built for another analyzer version; rebuild it")
    return raw


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
    """Stem -> Zipf frequency, parsed once."""
    raw = _raw_table()
    parts = raw[raw.find("\n") :].split()
    return dict(zip(parts[0::2], map(float, parts[1::2]), strict=True))


@lru_cache(maxsize=LOOKUPS_BEFORE_PARSING)
def _find(stem: str) -> float:
    raw = _raw_table()
    at = raw.find(f"\n{stem}\t")
    if at < 0:
        return RAREST_ZIPF
    start = at + len(stem) + 2
    end = raw.find("\n", start)
    return float(raw[start : end if end >= 0 else len(raw)])


def zipf(stem: str) -> float:
    """The Zipf frequency of ``stem`` in general Spanish (numbers and unknown stems: rare)."""
    if zipf_table.cache_info().currsize or _find.cache_info().misses >= LOOKUPS_BEFORE_PARSING:
        return zipf_table().get(stem, RAREST_ZIPF)
    return _find(stem)


def known(stem: str) -> bool:
    """Whether ``stem`` is in the background table: a word of Spanish at large (so are some
    well-known names, «greenpeace»); a typo or a name of a small place or person is not."""
    return zipf(stem) > RAREST_ZIPF


@lru_cache(maxsize=1)
def _names_raw() -> str:
    """The stems only names make (``benchmarks/build_names.py``): a header line, then one stem
    per line, each preceded by a newline."""
    raw = data.read_text("nombres-es.txt")
    if f"analyzer={ANALYZER_VERSION}" not in raw[: raw.find("\n")]:
        raise RuntimeError("nombres-es.txt was built for another analyzer version; rebuild it")
    return raw + "\n"


def a_spanish_word(stem: str) -> bool:
    """Whether ``stem`` is a word of Spanish at large that not only names make: «ibercaja»,
    «cartago», «portugal» are in the table (wordfreq counts names lowercased), but no Spanish
    dictionary writes them in lowercase."""
    return known(stem) and f"\n{stem}\n" not in _names_raw()


def rarity(stem: str) -> float:
    """How informative a stem is in general Spanish: 0 for the commonest words, up to ~1."""
    return min(1.0, max(0.0, (7.0 - zipf(stem)) / 5.0))
