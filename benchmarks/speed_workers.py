"""The programs ``speed.py`` measures, each run in a fresh process (clean peak memory).

    python benchmarks/speed_workers.py SYSTEM CORPUS QUESTIONS STORE

SYSTEM is ``qa-bot`` or ``bm25s``; CORPUS a folder of articles (``corpus.py``); QUESTIONS a JSON
list of ``[question, [answers...]]``; STORE where the system keeps its index between runs (qa-bot's
cache folder, bm25s's ``save`` folder). The first run with an empty STORE reads, indexes and
answers every question; a second run with the same STORE loads the saved index instead. Prints one
JSON object: wall times (from before the imports), per-question latencies, top-1, peak RSS.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import unicodedata  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from qa_bot.bot import QABot

K = 30


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def right(passage: str, answers: list[str]) -> bool:
    """The passage holds a gold answer (case and accents ignored)."""
    return any(_plain(a) in _plain(passage) for a in answers)


def summary(seconds: list[float]) -> dict[str, float]:
    ms = sorted(1000 * s for s in seconds)
    return {"median": statistics.median(ms), "p95": ms[max(0, round(0.95 * len(ms)) - 1)]}


def peak_mb() -> float:
    """This process's peak RSS (VmHWM: unlike ru_maxrss, it does not inherit the parent's peak
    across fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_answers(bot: QABot, questions: list[tuple[str, list[str]]]) -> tuple[list[float], int]:
    """Seconds each full answer took, and how many first passages held a gold answer."""
    asked, hits = [], 0
    for question, answers in questions:
        t = time.perf_counter()
        answer = bot.ask(question)
        asked.append(time.perf_counter() - t)
        hits += bool(answer.passages) and right(answer.passages[0].text, answers)
    return asked, hits


def timed_retrieval(bot: QABot, questions: list[tuple[str, list[str]]]) -> list[float]:
    """Seconds each question's BM25 candidate search took, without the rest of the answer."""
    try:
        from qa_bot.answer.candidates import CANDIDATES, term_boosts
    except ImportError:  # a tree from before answer/candidates.py (speed_ab.py compares trees)
        from qa_bot.answer.respond import CANDIDATES, term_boosts  # type: ignore[attr-defined,no-redef]
    from qa_bot.text.question import parse_question

    retrieval = []
    for question, _ in questions:
        t = time.perf_counter()
        parsed = parse_question(question, resolve=bot.index.resolve)
        bot.index.search(parsed.stems, CANDIDATES, boosts=term_boosts(parsed))
        retrieval.append(time.perf_counter() - t)
    return retrieval


def run_qa_bot(corpus: Path, questions: list[tuple[str, list[str]]], store: Path) -> dict:
    from qa_bot.bot import QABot
    from qa_bot.corpus.articles import read_corpus
    from qa_bot.index.cache import IndexCache

    warm = any(store.glob("*.qaidx"))
    start = time.perf_counter()
    articles = read_corpus(corpus).articles
    read = time.perf_counter() - start
    bot = QABot(articles, cache=IndexCache(store))
    loaded = time.perf_counter()
    asked, hits = timed_answers(bot, questions)
    total = time.perf_counter() - STARTED
    retrieval = timed_retrieval(bot, questions)
    return {
        "warm": warm,
        "notices": bot.notices,
        "passages": len(bot.index),
        "read": read,
        "index": loaded - start - read,
        "total": total,
        "query": summary(retrieval),
        "ask": summary(asked),
        "top1": hits / len(questions),
        "peak_mb": peak_mb(),
    }


def read_passages(folder: Path) -> list[str]:
    """The passages of a corpus folder as plain strings: paragraphs split on blank lines."""
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        out.extend(p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return out


def run_bm25s(corpus: Path, questions: list[tuple[str, list[str]]], store: Path) -> dict:
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("spanish")
    options = {"token_pattern": r"(?u)\b\w+\b", "stopwords": "es", "stemmer": stemmer}
    warm = (store / "params.index.json").is_file()
    start = time.perf_counter()
    passages = read_passages(corpus)
    read = time.perf_counter() - start
    saving = 0.0
    if warm:
        retriever = bm25s.BM25.load(store, show_progress=False)
    else:
        retriever = bm25s.BM25()
        retriever.index(
            bm25s.tokenize(passages, show_progress=False, **options), show_progress=False
        )
        t = time.perf_counter()
        retriever.save(store, show_progress=False)
        saving = time.perf_counter() - t
    loaded = time.perf_counter()
    latencies, hits = [], 0
    for question, answers in questions:
        t = time.perf_counter()
        tokens = bm25s.tokenize(question, return_ids=False, show_progress=False, **options)[0]
        known = [w for w in tokens if w in retriever.vocab_dict]
        if known:
            ids, _ = retriever.retrieve([known], k=min(K, len(passages)), show_progress=False)
            top = int(ids[0][0])
        else:
            top = -1
        latencies.append(time.perf_counter() - t)
        hits += top >= 0 and right(passages[top], answers)
    return {
        "warm": warm,
        "passages": len(passages),
        "read": read,
        "index": loaded - start - read - saving,
        "total": time.perf_counter() - STARTED - saving,
        "query": summary(latencies),
        "ask": summary(latencies),
        "top1": hits / len(questions),
        "peak_mb": peak_mb(),
    }


def main(argv: list[str]) -> int:
    system, corpus, questions_file, store = argv
    questions = [(q, list(a)) for q, a in json.loads(Path(questions_file).read_text("utf-8"))]
    run = {"qa-bot": run_qa_bot, "bm25s": run_bm25s}[system]
    print(json.dumps(run(Path(corpus), questions, Path(store))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
