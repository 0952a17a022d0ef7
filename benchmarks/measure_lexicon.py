"""What the synonym and lemma tables could bring on the news dev set (a measurement, no qa-bot change).

For the answerable `paraphrase` and `anaphora` questions of ../shared/data/noticias/, take each
question content word (not a stopword, question word or number) whose stem is absent from the article, and
ask whether a table links it to a word of the article:

- synonyms: the synonyms of every headword with the question word's stem (sinonimos-es.tsv);
  also through the word's lemma (lemas-es.tsv), and with the whole thesaurus uncapped (--source);
- lemmas: the question word's lemma-table key (its lemma, or itself) against the keys of the
  article words, by stem: `detención` -> detener meets `detuvieron` -> detener.

A question counts as (a) when a linked word is in the answer sentence (the sentence of paragraph
`para` that contains `expect`), else (b) when it is elsewhere in the article only.

    python benchmarks/measure_lexicon.py [--data ../shared/data/noticias] [--source th_es_ES_v2.dat]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path

try:
    from qa_bot.analysis import fold, stem, stopwords, tokens
except ImportError:  # the modules are moving into subfolders
    from qa_bot.text.analysis import fold, stem, stopwords, tokens  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "qa_bot" / "data"
KINDS = ("paraphrase", "anaphora")
# Question words that are not stopwords: "cuánto" would otherwise reach precio/coste/valor.
INTERROGATIVES = frozenset("cuanto cuanta cuantos cuantas cuando quien quienes cuales".split())
_SENTENCE_END = re.compile(r"(?<=[.!?…»])\s+")


def read_table(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as rows:
        return [row.rstrip("\n").split("\t") for row in rows if not row.startswith("#")]


def synonyms_by_stem(rows: list[list[str]]) -> dict[str, set[str]]:
    """headword stem -> the stems of the synonyms of all headwords with that stem."""
    out: dict[str, set[str]] = {}
    for head, syns in rows:
        out.setdefault(stem(head), set()).update(stem(s) for s in syns.split("|"))
    return out


def content_words(text: str) -> list[tuple[str, str]]:
    """(lowercase word, stem) of the non-stopword, non-number words of ``text``."""
    stop = stopwords() | INTERROGATIVES
    return [
        (t.lower, stem(t.lower))
        for t in tokens(text)
        if t.folded not in stop and not t.lower[:1].isdigit()
    ]


def answer_sentence(paragraph: str, expect: str) -> str:
    key = fold(expect)
    for sentence in _SENTENCE_END.split(paragraph):
        if key in fold(sentence):
            return sentence
    return paragraph


def questions(folder: Path):
    """(article text, paragraphs, question dict) of the answerable paraphrase/anaphora questions."""
    for path in sorted(folder.glob("[0-9][0-9]-*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        for line in path.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            if q["kind"] in KINDS and q["expect"] is not None:
                yield path.stem, text, paragraphs, q


def measure(
    folder: Path,
    name: str,
    link: Callable[[str, str], set[str]],
    key: Callable[[str, str], str] | None = None,
) -> tuple[int, int, int, list[str]]:
    """(questions, (a) answer sentence, (b) elsewhere only, examples).

    ``link(word, stem)`` gives the stems a question word reaches; ``key`` (lemma mode) maps an
    article word to the stem it is compared under (default: its stem)."""
    total = in_sentence = elsewhere = 0
    examples: list[str] = []
    for slug, text, paragraphs, q in questions(folder):
        total += 1
        article = content_words(text)
        sentence = content_words(answer_sentence(paragraphs[q["para"] - 1], q["expect"]))
        article_stems = {s for _, s in article}
        mapped = (
            (lambda words: {key(w, s) for w, s in words})
            if key
            else (lambda words: {s for _, s in words})
        )
        art_keys, sent_keys = mapped(article), mapped(sentence)
        hits_a, hits_b = [], []
        for word, word_stem in content_words(q["q"]):
            if word_stem in article_stems:
                continue
            reached = link(word, word_stem)
            found_a = reached & sent_keys
            found_b = (reached & art_keys) - sent_keys
            if found_a:
                hits_a.append(f"{word}->{'/'.join(sorted(found_a))}")
            elif found_b:
                hits_b.append(f"{word}->{'/'.join(sorted(found_b))}")
        if hits_a:
            in_sentence += 1
        elif hits_b:
            elsewhere += 1
        if hits_a or hits_b:
            where = "(a)" if hits_a else "(b)"
            examples.append(f"{name} {where} {slug[:2]} «{q['q']}» {', '.join(hits_a or hits_b)}")
    return total, in_sentence, elsewhere, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/noticias")
    parser.add_argument("--source", type=Path, help="also the uncapped thesaurus (mythes .dat)")
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args()
    syn = synonyms_by_stem(read_table("sinonimos-es.tsv"))
    lemma_of = dict(read_table("lemas-es.tsv"))

    def lemma_key(word: str, word_stem: str) -> str:
        return stem(lemma_of[word]) if word in lemma_of else word_stem

    runs: list[tuple[str, Callable[[str, str], set[str]], Callable[[str, str], str] | None]] = [
        ("synonyms", lambda w, s: syn.get(s, set()), None),
        ("synonyms+lemma", lambda w, s: syn.get(s, set()) | syn.get(lemma_key(w, s), set()), None),
        ("lemmas", lambda w, s: {lemma_key(w, s)}, lemma_key),
    ]
    if args.source:
        import build_synonyms as bs

        full = synonyms_by_stem(
            [
                [h, "|".join(w)]
                for h, w in bs.synonym_lists(bs.read_thesaurus(args.source), None).items()
            ]
        )
        runs.append(("synonyms-uncapped", lambda w, s: full.get(s, set()), None))
    shown: list[str] = []
    for name, link, key in runs:
        total, a, b, examples = measure(args.data, name, link, key)
        print(f"{name:18} {total} questions: (a) answer sentence {a}, (b) elsewhere only {b}")
        shown += examples
    print("\n".join(shown[: args.examples * 3]))


if __name__ == "__main__":
    main()
