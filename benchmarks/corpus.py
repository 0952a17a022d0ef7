"""Synthetic Spanish corpora of any size for the speed benchmark, built at run time.

The dev data (``squad-es-v2-dev.json`` and ``xquad-es-dev.json`` in ``../shared/data``) holds only
~700 paragraphs (0.6 MB), so a corpus of 100k passages is made like this, with a fixed seed:

- every dev paragraph is planted once, unchanged, at a random place (so its questions have their
  answer in the corpus, and top-1 can be checked at scale);
- every other passage is 2-6 sentences drawn from the dev paragraphs, with each word replaced, with
  probability ``REPLACE``, by a word drawn from wordfreq's Spanish frequency list (ranks
  ``SKIP_TOP`` to 300k, Zipf-weighted). That keeps Spanish syntax and grows the vocabulary like
  real news (Heaps' law): ~100k passages have ~55 MB of text and a few hundred thousand words.

The corpus is written to a folder (one article file per ``PER_FILE`` passages, paragraphs separated
by a blank line), outside the repository; nothing from the data files is copied into the repo.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa_bot.text.sentences import sentence_spans

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DEV_FILES = ("squad-es-v2-dev.json", "xquad-es-dev.json")
PER_FILE = 100
REPLACE = 0.3
SKIP_TOP = 300
VOCABULARY = 300_000
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Question:
    """A dev question whose paragraph is planted in the corpus, with its gold answers."""

    text: str
    answers: tuple[str, ...]
    paragraph: int


def dev_paragraphs(data: Path = DATA) -> tuple[list[str], list[Question]]:
    """The dev paragraphs (one line each) and their answerable questions, in file order."""
    paragraphs: list[str] = []
    questions: list[Question] = []
    seen: set[str] = set()
    for name in DEV_FILES:
        raw = json.loads((data / name).read_text(encoding="utf-8"))
        for article in raw["data"]:
            for paragraph in article["paragraphs"]:
                context = " ".join(paragraph["context"].split())
                if context in seen:
                    continue
                seen.add(context)
                paragraphs.append(context)
                for qa in paragraph["qas"]:
                    answers = tuple(a["text"] for a in qa.get("answers", ()) if a["text"].strip())
                    if answers and not qa.get("is_impossible", False):
                        questions.append(
                            Question(qa["question"].strip(), answers, len(paragraphs) - 1)
                        )
    return paragraphs, questions


def _replacement_words(rng: np.random.Generator, size: int) -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    words = [w for w in top_n_list("es", VOCABULARY)[SKIP_TOP:] if w.isalpha()]
    weights = np.array([10 ** zipf_frequency(w, "es") for w in words])
    picks = rng.choice(len(words), size=size, p=weights / weights.sum())
    return [words[i] for i in picks]


def make_corpus(n_passages: int, folder: Path, seed: int = 0, data: Path = DATA) -> list[Question]:
    """Write a corpus of ``n_passages`` passages into ``folder``; returns the questions whose
    paragraph was planted in it."""
    rng = random.Random(seed)
    paragraphs, questions = dev_paragraphs(data)
    sentences = [p[s:e] for p in paragraphs for s, e in sentence_spans(p)]
    planted = paragraphs[:n_passages]
    synthetic = n_passages - len(planted)
    words = iter(_replacement_words(np.random.default_rng(seed), max(1, synthetic * 30)))

    def replace(match: re.Match[str]) -> str:
        if rng.random() >= REPLACE:
            return match.group()
        word = next(words, match.group())
        return word.capitalize() if match.group()[0].isupper() else word

    texts = list(planted)
    for _ in range(synthetic):
        target = rng.randint(200, 650)
        parts: list[str] = []
        while sum(map(len, parts)) < target or len(parts) < 2:
            parts.append(rng.choice(sentences))
            if len(parts) == 6:
                break
        texts.append(_WORD_RE.sub(replace, " ".join(parts)))
    rng.shuffle(texts)
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(0, len(texts), PER_FILE):
        name = folder / f"articulo-{f // PER_FILE:05d}.txt"
        name.write_text("\n\n".join(texts[f : f + PER_FILE]) + "\n", encoding="utf-8")
    return [q for q in questions if q.paragraph < len(planted)]
