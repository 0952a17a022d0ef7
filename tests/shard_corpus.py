"""A corpus of 12 articles and 200 questions for the shard tests: the noticias dev articles (when
../shared/data is there), benchmarks/articulos and the bundled article, with their questions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTICIAS = ROOT.parent / "shared" / "data" / "noticias"
QUESTIONS = 200


def sources() -> list[tuple[Path, Path]]:
    """(article, questions) pairs; the bundled article's questions are mismo-tema.jsonl."""
    pairs = [(p, p.with_suffix(".jsonl")) for p in sorted(NOTICIAS.glob("0*.txt"))]
    pairs += [
        (p, p.with_suffix(".jsonl")) for p in sorted((ROOT / "benchmarks/articulos").glob("*.txt"))
    ]
    pairs.append(
        (ROOT / "passages/rusia-corea-del-norte.txt", ROOT / "benchmarks/mismo-tema.jsonl")
    )
    return pairs


def write_corpus(folder: Path) -> list[str]:
    """Copy the articles to ``folder``; the first ``QUESTIONS`` questions, repeated if short."""
    folder.mkdir(parents=True, exist_ok=True)
    questions = []
    for article, asked in sources():
        shutil.copy(article, folder / article.name)
        questions += [json.loads(line)["q"] for line in asked.read_text().splitlines() if line]
    while len(questions) < QUESTIONS:  # without the dev data: the same questions, asked again
        questions += questions
    return questions[:QUESTIONS]
