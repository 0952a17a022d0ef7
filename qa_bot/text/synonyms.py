"""Spanish synonyms from the LibreOffice thesaurus (``qa_bot/data/sinonimos-es.tsv``, LGPL-2.1).

The table is sorted by the stem of its headwords, so the synonyms of a question word are found by
its stem with one search in the text of the file: nothing is parsed at start-up, and a question
whose words are all in the article never opens it. Built by ``benchmarks/build_synonyms.py``.
"""

from __future__ import annotations

from functools import lru_cache

from qa_bot import data
from qa_bot.text.analysis import stem

TABLE = "sinonimos-es.tsv"


@lru_cache(maxsize=1)
def _table() -> str:
    return "\n" + data.read_text(TABLE)


@lru_cache(maxsize=4096)
def synonyms(term: str) -> tuple[str, ...]:
    """The stems of the synonyms of every headword whose stem is ``term``, the most frequent
    words first, without ``term`` itself ("deten" -> "par", "coger", ..., "captur", ...)."""
    table = _table()
    key = f"\n{term}\t"
    found: dict[str, None] = {}
    at = table.find(key)
    while at >= 0:
        end = table.find("\n", at + 1)
        line = table[at + 1 : end if end >= 0 else len(table)]
        for word in line.rsplit("\t", 1)[-1].split("|"):
            s = stem(word)
            if s != term:
                found.setdefault(s)
        at = end if end >= 0 and table.startswith(key, end) else -1
    return tuple(found)
