"""Build qa_bot/data/nombres-es.txt: the stems of the background table that only names make.

A data build step, not part of the runtime. The background table (build_background.py: the 100k
most frequent Spanish words of wordfreq, lowercased) holds names too: «ibercaja», «cartago»,
«portugal», «itaipu». A reader who types one in lowercase («tiene oficina ibercaja en peñafria»)
names something, and when the article never mentions it the question is about something else;
qa-bot tells such a word from a Spanish one by asking whether it is a word of the table
(``answer/names.py``), so the names in it passed for Spanish words.

The Spanish spelling dictionaries of LibreOffice (Santiago Bosio; GPL-3+ or LGPL-3+ or MPL-1.1+),
as shipped by the Debian package `hunspell-es` (`apt-get install hunspell hunspell-es`, version
1:7.5.0-1) write a name only capitalized: they accept «Cartago», not «cartago». This script asks
`hunspell -l` (each regional dictionary: a word of Mexico or Chile is a Spanish word) which of
wordfreq's words no dictionary accepts in lowercase and some accepts capitalized, and writes the
stems that only such words make (a stem that a lowercase word accepted also makes, «navarr» of
«navarra» and «navarro», is a Spanish word's). One stem per line, sorted. A word that no
dictionary knows either way is left out: a brand («ibercaja») as often as a Spanish word the
dictionaries lack («subcontratas», «gasoil», «curritos»), which readers use.

    python benchmarks/build_names.py [--words 100000]
"""

from __future__ import annotations

import argparse
import subprocess
from collections import defaultdict
from pathlib import Path

from wordfreq import top_n_list

from qa_bot.text.analysis import ANALYZER_VERSION, fold, normalize, stem

DATA = Path(__file__).resolve().parent.parent / "qa_bot" / "data"
OUT = DATA / "nombres-es.txt"
DICTIONARIES = Path("/usr/share/hunspell")


def accepted(words: list[str]) -> set[str]:
    """The ``words`` that some Spanish hunspell dictionary accepts as written (one at a time:
    hunspell loads no more than ten together)."""
    dictionaries = sorted({p.stem for p in DICTIONARIES.glob("es_*.dic")})
    if not dictionaries:
        raise SystemExit(
            "build_names.py: no Spanish hunspell dictionary (apt-get install hunspell-es)"
        )
    out: set[str] = set()
    for name in dictionaries:
        run = subprocess.run(
            ["hunspell", "-d", name, "-l"],
            input="\n".join(words),
            capture_output=True,
            text=True,
            check=True,
        )
        out |= set(words) - set(run.stdout.split())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    words = []
    for word in top_n_list("es", args.words):
        lower = normalize(word).lower()
        if fold(lower).replace("ñ", "n").isalpha():
            words.append(lower)
    lowercase = accepted(words)
    capitalized = accepted([w.capitalize() for w in words])
    spanish: dict[str, bool] = defaultdict(bool)
    for word in words:
        name = word not in lowercase and word.capitalize() in capitalized
        for form in {stem(word), stem(fold(word))}:  # typed with accents or without
            spanish[form] |= not name
    names = sorted(s for s, is_spanish in spanish.items() if not is_spanish)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            f"# analyzer={ANALYZER_VERSION} source=wordfreq-es top={args.words} (CC BY-SA 4.0) "
            "minus the words hunspell-es 1:7.5.0-1 accepts in lowercase (GPL-3+/LGPL-3+/MPL-1.1+)\n"
        )
        out.writelines(f"{s}\n" for s in names)
    print(f"{len(names)} of {len(spanish)} stems only names make -> {OUT}")


if __name__ == "__main__":
    main()
