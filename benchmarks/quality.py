"""Answer quality of qa-bot beside rank-bm25 and bm25s on the dev data, in one run.

    pip install -e '.[bench]'
    python benchmarks/quality.py [--data ../shared/data]

Runs ``qa_bot.eval.run`` (the protocol of ``qa-bot eval``) on ``xquad-es-dev.json`` and
``squad-es-v2-dev.json`` for qa-bot and its peers (``benchmarks/peers.py``: the same passages,
another ranking), checks the baseline against the figures of issue 2, and runs qa-bot on
``seed_dev.jsonl`` and on ``benchmarks/mismo-tema.jsonl`` (questions written for this project on the
bundled article's topic, 28 of them about what it never says) and on the three articles of
``benchmarks/articulos/`` (written for this project, with their own questions). On the noticias
sets (``noticias/``, readers' questions on news by kind, and ``benchmarks/noticias-ciegas/``,
written blind and kept for testing) all systems are compared by kind. Prints Markdown
on stdout; timings go to stderr. The data files are read where
they are, never copied.

The peers choose no supporting sentence (their ``Hit.sentence`` is the whole passage), so their
"frase con la respuesta" would only repeat their top-1: the table shows «—» for them instead.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import sys
import time
from collections.abc import Callable
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

from peers import PEERS, IssueBaseline, SpanishBM25

from qa_bot.bot import QABot
from qa_bot.eval.data import read_eval_file
from qa_bot.eval.news_data import read_news
from qa_bot.eval.news_run import evaluate_news
from qa_bot.eval.report import EvalReport, NewsReport, Rate
from qa_bot.eval.run import RankerFactory, evaluate_file, evaluate_squad
from qa_bot.eval.table import (
    describe,
    describe_news,
    markdown_table,
    render_comparison,
    render_news_comparison,
    render_report,
)

DATASETS = ("xquad-es-dev.json", "squad-es-v2-dev.json")
SEED = "seed_dev.jsonl"
NEWS = "noticias"
# Four more news articles, written blind (without running qa-bot): a held-out set, never tuned on.
BLIND_NEWS = Path(__file__).resolve().parent / "noticias-ciegas"
SAME_TOPIC = Path(__file__).resolve().parent / "mismo-tema.jsonl"
# Articles written for the project, each with 15 answerable questions and 12 it does not answer.
NEW_ARTICLES = sorted((Path(__file__).resolve().parent / "articulos").glob("*.txt"))
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SYSTEMS: list[tuple[str, RankerFactory]] = [("qa-bot", QABot), *((p.name, p) for p in PEERS)]
# Issue 2, "How good": the baseline on xquad-es-dev.json.
T = TypeVar("T")
FAILURE_KINDS = {
    "miss": "pasaje equivocado",
    "false_refusal": "rechazada",
    "not_refused": "no rechazada",
}
ISSUE_BASELINE = {"top1": 0.922, "pooled": 0.912, "false": 0.002, "other": 0.495}


def timed(label: str, run: Callable[[], T]) -> T:
    """``run()``, with its wall time on stderr."""
    start = time.perf_counter()
    result = run()
    print(f"{label}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return result


def without_sentence(report: EvalReport) -> EvalReport:
    """``report`` with no sentence figure, for a system whose sentence is its whole passage."""
    return report.model_copy(update={"sentence_top1": None})


def compare(path: Path) -> str:
    """The comparison table of every system on one SQuAD file, with its heading."""
    data = read_eval_file(path)
    rows: list[tuple[str, EvalReport]] = []
    for name, factory in SYSTEMS:
        report = timed(f"{path.name} · {name}", partial(evaluate_squad, data, factory))
        rows.append((name, without_sentence(report) if factory in PEERS else report))
    return f"## {describe(rows[0][1])}\n\n{render_comparison(rows)}"


def compare_news(path: Path) -> str:
    """Every system on a noticias folder, by kind; the peers choose no sentence."""
    data = read_news(path)
    rows: list[tuple[str, NewsReport]] = []
    for name, factory in SYSTEMS:
        run = partial(evaluate_news, data, factory, sentence=factory not in PEERS)
        rows.append((name, timed(f"{path.name} · {name}", run)))
    return f"## {describe_news(rows[0][1])}\n\n{render_news_comparison(rows)}"


def _rate(value: Rate | None) -> str:
    return "—" if value is None or value.rate is None else f"{value.rate:.3f}"


def check_baseline(path: Path) -> str:
    """The baseline under our protocol and as issue 2 measured it, beside the issue's figures."""
    data = read_eval_file(path)
    ours = timed("baseline (protocol)", lambda: evaluate_squad(data, SpanishBM25))
    issue = timed(
        "baseline (issue 2)", lambda: evaluate_squad(data, IssueBaseline, other_offset=-1)
    )
    header = [
        "línea base en " + path.name,
        "top-1 por artículo",
        "top-1 conjunto",
        "rechazos en falso",
        "de otro artículo, rechazadas",
    ]
    rows = [["cifras del issue 2", *(f"{v:.3f}" for v in ISSUE_BASELINE.values())]]
    for label, r in (
        ("medida como en el issue 2 (*)", issue),
        ("medida con este protocolo", ours),
    ):
        rows.append(
            [
                label,
                _rate(r.top1),
                _rate(r.pooled_top1),
                _rate(r.false_refusals),
                _rate(r.other_article_refused),
            ]
        )
    return (
        "## Validación del protocolo\n\n"
        + markdown_table(header, rows)
        + "\n\n(*) Un pasaje por párrafo entero, la lista de palabras vacías Snowball de 313 "
        "palabras, y cada artículo recibe las preguntas del artículo siguiente. Este protocolo, "
        "igual para todos los sistemas, usa los pasajes de qa-bot (párrafos enteros hasta 2500 "
        "caracteres: todos los de estos datos), sus palabras vacías, y hace las preguntas de cada "
        "artículo al siguiente.\n"
    )


def seed(path: Path, article: Path | None = None) -> str:
    """qa-bot on JSONL questions about ``article`` (default: the bundled one): every answerable
    one right, every other one refused?"""
    report = timed(path.name, lambda: evaluate_file(path, article=article))
    all_right = report.top1.count == report.top1.total
    refused = report.unanswerable_refused
    all_refused = refused is None or refused.count == refused.total
    lines = [
        f"## qa-bot en {render_report(report, per_article=False)}",
        f"- Todas las preguntas con respuesta, correctas: {'sí' if all_right else 'no'} "
        f"({report.top1.count}/{report.top1.total}).",
        f"- Todas las preguntas sin respuesta, rechazadas: {'sí' if all_refused else 'no'} "
        f"({refused.count}/{refused.total})."
        if refused
        else "",
    ]
    for f in report.failures:
        got = f" (primer pasaje: {f.got})" if f.got else ""
        lines.append(f"  - {FAILURE_KINDS[f.kind]}: {f.question}{got}")
    return "\n".join(line for line in lines if line) + "\n"


def versions() -> str:
    packages = ("qa-bot", "rank-bm25", "bm25s", "PyStemmer", "pydantic")
    found = ", ".join(f"{p} {version(p)}" for p in packages)
    return f"{found}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"data folder (default: {DEFAULT_DATA})"
    )
    args = parser.parse_args(argv)
    missing = [n for n in (*DATASETS, SEED) if not (args.data / n).is_file()]
    missing += [] if (args.data / NEWS).is_dir() else [f"{NEWS}/"]
    if missing:
        print(f"quality.py: faltan en {args.data}: {', '.join(missing)}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    sections = [
        f"# Calidad de las respuestas: qa-bot y otros BM25 ({datetime.date.today().isoformat()})\n\n"
        f"`python benchmarks/quality.py` · {versions()}\n"
    ]
    sections += [compare(args.data / name) for name in DATASETS]
    sections += [compare_news(args.data / NEWS), compare_news(BLIND_NEWS)]
    sections.append(check_baseline(args.data / DATASETS[0]))
    sections.append(seed(args.data / SEED))
    sections.append(seed(SAME_TOPIC))
    sections += [seed(a.with_suffix(".jsonl"), a) for a in NEW_ARTICLES]
    print("\n".join(sections), end="")
    print(f"total: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
