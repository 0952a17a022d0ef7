"""Build qa_bot/data/sinonimos-es.tsv: single-word Spanish synonyms from the LibreOffice thesaurus.

A data build step, not part of the runtime. The source is the Spanish MyThes thesaurus of
LibreOffice/OpenOffice.org (Marcelo Garrone; LGPL-2.1), as shipped by the Debian package
`mythes-es` (`apt-get install mythes-es`, version 1:7.5.0-1, file th_es_ES_v2.dat, ISO-8859-1).
Its format: a line `headword|N`, then N sense lines `-|syn|syn|...` or `(pos)|syn|...`.

What the file keeps, per headword (lowercased, NFC, one line `stem<TAB>headword<TAB>syn1|syn2|...`,
sorted by qa-bot's stem of the headword so that qa-bot finds every headword of a question word's
stem without loading the table: see qa_bot/text/synonyms.py):

- single-word headwords and synonyms only (letters only: no spaces, hyphens or digits);
- a label is stripped from its word ("cuentecilla (NoRAE)" -> cuentecilla, "abatir (fig.)" ->
  abatir), except "(Antónimo)": that item is an antonym and is dropped;
- only headwords whose qa-bot stem is in qa_bot/data/background-es.tsv (the stems of wordfreq's
  100k most frequent Spanish words): the whole thesaurus makes a 1.7 MB file, and a headword
  rarer than that (ababa, abacera, ...) will hardly ever be a question word (--all keeps them);
- the headword is left out of its own list, duplicates are dropped, senses keep their order
  (first sense first), and the list is capped at --cap words (default 12); see --order below.

The relation is written as the source has it (not symmetrized). The script also prints how often
it is symmetric: of the pairs a->b where b is a headword too, how many have b->a.

Note: the source lists a headword's senses sorted alphabetically by their first word, so
"first sense first" is not "main sense first" (detener's arrestar/capturar sense is its 7th, cut
by the cap). --order frequency keeps the most frequent synonyms instead (wordfreq, `bench` extra):
same size, and on the news dev set 18 instead of 13 questions whose answer sentence holds a
synonym (benchmarks/measure_lexicon.py).

    python benchmarks/build_synonyms.py [/usr/share/mythes/th_es_ES_v2.dat] [--cap 12] [--all]
                                        [--order source|frequency]
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

from qa_bot.text.analysis import ANALYZER_VERSION, stem

DEFAULT_SOURCE = Path("/usr/share/mythes/th_es_ES_v2.dat")
DATA = Path(__file__).resolve().parent.parent / "qa_bot" / "data"
OUT = DATA / "sinonimos-es.tsv"
HEADER = (
    "# source=mythes-es 7.5.0 th_es_ES_v2.dat licence=LGPL-2.1\n"
    "# modified by benchmarks/build_synonyms.py (see LICENSE-sinonimos.txt); "
    f"analyzer={ANALYZER_VERSION}"
)

ENCODINGS = {"ISO8859-1": "latin-1"}
_LABEL = re.compile(r"\s*\(([^)]*)\)\s*")


def _word(item: str) -> str | None:
    """The lowercase NFC single word of a thesaurus item, or None (antonym, multiword, other)."""
    labels = _LABEL.findall(item)
    # "(Antónimo)" arrives mangled ("Antï¿½nimo": a UTF-8 replacement character inside a Latin-1
    # file), so only its start is matched.
    if any(label.lower().startswith("ant") for label in labels):
        return None
    word = unicodedata.normalize("NFC", _LABEL.sub(" ", item).strip()).lower()
    return word if word.isalpha() else None


def read_thesaurus(path: Path) -> dict[str, list[list[str]]]:
    """headword -> its senses, each a list of single-word synonyms in source order."""
    raw = path.read_bytes()
    encoding = raw.split(b"\n", 1)[0].decode("ascii").strip()  # "ISO8859-1"
    lines = raw.decode(ENCODINGS.get(encoding, encoding)).splitlines()
    entries: dict[str, list[list[str]]] = {}
    i = 1  # line 0 names the encoding
    while i < len(lines):
        head, _, count = lines[i].rpartition("|")
        senses = [line.split("|")[1:] for line in lines[i + 1 : i + 1 + int(count)]]
        i += 1 + int(count)
        word = _word(head)
        if word is None:
            continue
        kept = [[w for w in map(_word, sense) if w] for sense in senses]
        entries.setdefault(word, []).extend(kept)
    return entries


def synonym_lists(
    entries: dict[str, list[list[str]]], cap: int | None, order: str = "source"
) -> dict[str, list[str]]:
    """headword -> deduplicated synonyms without the headword, at most cap: first sense first
    (order="source"), or the most frequent Spanish words first (order="frequency", wordfreq)."""
    if order == "frequency":
        from wordfreq import zipf_frequency
    out: dict[str, list[str]] = {}
    for head, senses in entries.items():
        seen: dict[str, None] = {}
        for sense in senses:
            for word in sense:
                if word != head:
                    seen.setdefault(word)
        words = list(seen)
        if order == "frequency":
            words.sort(key=lambda w: -zipf_frequency(w, "es"))
        words = words[:cap]
        if words:
            out[head] = words
    return out


def background_stems() -> set[str]:
    """The stems listed in qa_bot/data/background-es.tsv."""
    with (DATA / "background-es.tsv").open(encoding="utf-8") as rows:
        return {row.split("\t", 1)[0] for row in rows if not row.startswith("#")}


def symmetry(lists: dict[str, list[str]]) -> tuple[int, int]:
    """(pairs a->b whose b is a headword, those of them with b->a too)."""
    sets = {head: set(words) for head, words in lists.items()}
    both = total = 0
    for head, words in sets.items():
        for word in words:
            if word in sets:
                total += 1
                both += head in sets[word]
    return total, both


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--cap", type=int, default=12)
    parser.add_argument("--all", action="store_true", help="keep rare headwords too")
    parser.add_argument(
        "--order",
        choices=("source", "frequency"),
        default="frequency",
        help="which synonyms the cap keeps: the first senses', or the most frequent",
    )
    args = parser.parse_args()
    entries = read_thesaurus(args.source)
    lists = synonym_lists(entries, args.cap, args.order)
    if not args.all:
        common = background_stems()
        rare = [head for head in lists if stem(head) not in common]
        print(
            f"{len(rare)} headwords whose stem is not in background-es.tsv dropped, e.g. "
            + ", ".join(rare[:: max(1, len(rare) // 8)][:8])
        )
        for head in rare:
            del lists[head]
    with OUT.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER + "\n")
        for key, head in sorted((stem(head), head) for head in lists):
            out.write(f"{key}\t{head}\t{'|'.join(lists[head])}\n")
    pairs = sum(len(words) for words in lists.values())
    print(f"{len(lists)} headwords, {pairs} pairs, {OUT.stat().st_size} bytes -> {OUT}")
    for label, rel in (("source", synonym_lists(entries, None)), ("file", lists)):
        total, both = symmetry(rel)
        print(
            f"symmetry ({label}): {both}/{total} pairs a->b with b a headword have b->a "
            f"({both / total:.1%})"
        )


if __name__ == "__main__":
    main()
