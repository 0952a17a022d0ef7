"""The news questions by kind, XQuAD-es and SQuAD-es v2, answered by another checkout of qa-bot
(``ANTES``, e.g. ``git archive b1b1618 | tar -x -C /tmp/antes``) and by this one, side by side.

    python benchmarks/before_after.py /tmp/antes [--data ../shared/data]

The other checkout answers in its own process (``PYTHONPATH=ANTES python -m qa_bot ask --json``,
one article at a time, each question alone), so it may predate the noticias evaluation; both sets
of answers are scored here with this checkout's rules (``qa_bot.eval.news_run.Outcome``). XQuAD
and SQuAD-es are evaluated by each checkout's own ``qa-bot eval``. Prints markdown tables.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from qa_bot.eval.news_data import read_news
from qa_bot.eval.news_run import Outcome, news_scores
from qa_bot.models import Answer

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("paraphrase", "anaphora", "literal", "yesno-or-why", "near", "absent-entity", "offtopic")
SQUAD_ROWS = re.compile(
    r"^\| (top-1 por artículo|frase con la respuesta|rechazos en falso|de otro artículo, "
    r"rechazadas|sin respuesta, rechazadas)\s*\|\s*([\d.]+)\s*\|\s*([\d/ ]*)\|"
)


def _run(tree: Path | None, args: list[str], stdin: str | None = None) -> str:
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    done = subprocess.run(
        [sys.executable, "-m", "qa_bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=tree or ROOT,
        check=False,
    )
    return done.stdout


def news_outcomes(tree: Path | None, folder: Path) -> list[Outcome]:
    """Every article question of ``folder`` asked alone of ``tree``'s qa-bot, scored here."""
    outcomes = []
    for article in read_news(folder).articles:
        questions = [q.question.replace("\n", " ") for q in article.questions]
        out = _run(tree, ["ask", "--json", "-a", article.article.path, "-"], "\n".join(questions))
        answers = [Answer.model_validate_json(line) for line in out.splitlines() if line.strip()]
        if len(answers) != len(questions):
            raise SystemExit(f"{article.name}: {len(answers)} respuestas a {len(questions)}")
        outcomes += [
            Outcome.of(article.name, gold, answer)
            for gold, answer in zip(article.questions, answers, strict=True)
        ]
    return outcomes


def _rate(value: object) -> str:
    return "—" if value is None else f"{value.count}/{value.total}"  # type: ignore[attr-defined]


def news_table(before: list[Outcome], after: list[Outcome]) -> None:
    print(
        "| tipo | correctas: antes / ahora | frase: antes / ahora | rechazos en falso: antes / "
        "ahora | sin respuesta rechazadas: antes / ahora |"
    )
    print("|---|---:|---:|---:|---:|")
    for kind in (*KINDS, None):
        b = news_scores(o for o in before if kind is None or o.gold.kind == kind)
        a = news_scores(o for o in after if kind is None or o.gold.kind == kind)
        cells = [
            f"{_rate(x)} / {_rate(y)}"
            for x, y in (
                (b.right, a.right),
                (b.sentence, a.sentence),
                (b.false_refusals, a.false_refusals),
                (b.refused, a.refused),
            )
        ]
        print(f"| {kind or 'todas'} | " + " | ".join(cells) + " |")


def squad_rows(tree: Path | None, path: Path) -> dict[str, str]:
    rows = {}
    for line in _run(tree, ["eval", "--no-progress", str(path)]).splitlines():
        m = SQUAD_ROWS.match(line)
        if m and m.group(1) not in rows:
            rows[m.group(1)] = (
                f"{m.group(2)} ({m.group(3).strip()})" if m.group(3).strip() else m.group(2)
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the other checkout (a folder holding qa_bot/)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    # the other checkout runs in its own folder: paths relative to here would not reach the data
    args.data = args.data.resolve()
    before = args.before.resolve()
    for name in ("noticias",):
        folder = args.data / name
        print(f"## {name}: antes ({before}) / ahora\n")
        news_table(news_outcomes(before, folder), news_outcomes(None, folder))
        print()
    for name in ("xquad-es-dev.json", "squad-es-v2-dev.json"):
        b, a = squad_rows(before, args.data / name), squad_rows(None, args.data / name)
        print(f"## {name}: antes / ahora\n")
        print("| medida | antes | ahora |\n|---|---:|---:|")
        for row in a:
            print(f"| {row} | {b.get(row, '—')} | {a[row]} |")
        print()


if __name__ == "__main__":
    main()
