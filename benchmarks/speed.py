"""Speed and scale: qa-bot beside bm25s on synthetic Spanish corpora, and qa-bot's start-up time.

    pip install -e '.[bench]'
    python benchmarks/speed.py                      # 1k, 10k and 100k passages (~3 min)
    python benchmarks/speed.py --sizes 1000,300000  # any sizes (300k: ~5 min more)

For each size, ``corpus.py`` writes a corpus to a temporary folder (the dev data's paragraphs
planted among synthetic ones; 200 of their questions are asked). Each system then runs twice in a
fresh process (``speed_workers.py``): a first run with an empty store (read, index, answer every
question) and a second run that loads the index saved by the first (qa-bot's cache, bm25s's
``save``). Peak memory is each process's maximum RSS.

Start-up: ``qa-bot ask`` and ``qa-bot cite`` on the bundled article against
``python -c "import rank_bm25, pydantic"``, interleaved runs, medians. Python's bytecode cache is
on (in a temporary folder), as for an installed package.

Prints Markdown on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from corpus import DATA, make_corpus

HERE = Path(__file__).resolve().parent
SYSTEMS = ("qa-bot", "bm25s")
QUESTIONS = 200


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_worker(system: str, corpus: Path, questions: Path, store: Path) -> dict:
    command = [sys.executable, str(HERE / "speed_workers.py"), system, str(corpus)]
    done = subprocess.run(
        [*command, str(questions), str(store)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"speed.py: {system} falló:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def measure_size(size: int, data: Path, workdir: Path) -> dict[str, dict[str, dict]]:
    """First and second run of every system on a corpus of ``size`` passages."""
    folder = workdir / f"corpus-{size}"
    log(f"corpus de {size} pasajes…")
    planted = make_corpus(size, folder, seed=size, data=data)
    rng = random.Random(size)
    asked = rng.sample(planted, min(QUESTIONS, len(planted)))
    questions = workdir / f"preguntas-{size}.json"
    questions.write_text(json.dumps([(q.text, q.answers) for q in asked], ensure_ascii=False))
    results: dict[str, dict[str, dict]] = {}
    for system in SYSTEMS:
        store = workdir / f"{system}-{size}"
        store.mkdir()
        first = run_worker(system, folder, questions, store)
        second = run_worker(system, folder, questions, store)
        assert not first["warm"] and second["warm"], (system, first, second)
        results[system] = {"first": first, "second": second}
        log(f"  {system}: {first['total']:.1f} s, luego {second['total']:.1f} s")
    results["corpus"] = {"mb": sum(p.stat().st_size for p in folder.iterdir()) / 1e6}
    return results


def startup(runs: int) -> list[tuple[str, float]]:
    """Median wall time of each start-up command, runs interleaved (a noisy machine)."""
    script = Path(sys.executable).with_name("qa-bot")
    qa_bot = [str(script)] if script.is_file() else [sys.executable, "-m", "qa_bot"]
    commands = {
        'python -c "import rank_bm25, pydantic"': [
            sys.executable,
            "-c",
            "import rank_bm25, pydantic",
        ],
        'qa-bot ask "¿Qué cargo tiene Shoigu?"': [*qa_bot, "ask", "¿Qué cargo tiene Shoigu?"],
        'qa-bot ask --json "¿Qué cargo tiene Shoigu?"': [
            *qa_bot,
            "ask",
            "--json",
            "¿Qué cargo tiene Shoigu?",
        ],
        "qa-bot cite p4": [*qa_bot, "cite", "p4"],
    }
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as pycache:
        env["PYTHONPYCACHEPREFIX"] = pycache
        for round_ in range(runs + 2):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, env=env, capture_output=True, check=False)
                if round_ >= 2:  # two warm-up rounds fill the bytecode and disk caches
                    times[name].append(time.perf_counter() - start)
    return [(name, statistics.median(t)) for name, t in times.items()]


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}×" if theirs else "—"


def _passages(size: int) -> str:
    return f"{size:,}".replace(",", " ")


def _row(size: int, mb: float, system: str, first: dict, second: dict) -> str:
    cells = [
        f"{_passages(size)} ({mb:.0f} MB)",
        system,
        f"{first['read'] + first['index']:.2f} s",
        f"{second['read'] + second['index']:.2f} s",
        f"{first['total']:.1f} s",
        f"{second['total']:.1f} s",
        f"{first['query']['median']:.2f} / {first['query']['p95']:.2f} ms",
        f"{first['ask']['median']:.2f} / {first['ask']['p95']:.2f} ms",
        f"{first['top1']:.2f}",
        f"{first['peak_mb']:.0f} / {second['peak_mb']:.0f} MB",
    ]
    return "| " + " | ".join(cells) + " |"


def render(sizes: dict[int, dict[str, dict[str, dict]]], boot: list[tuple[str, float]]) -> str:
    lines = [
        "| pasajes (texto) | sistema | leer + indexar | leer + cargar el índice guardado | "
        "1.ª ejecución | 2.ª ejecución | consulta: mediana / p95 | pregunta completa: mediana / "
        "p95 | top-1 | memoria pico 1.ª / 2.ª |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size, result in sizes.items():
        for system in SYSTEMS:
            runs = result[system]
            lines.append(_row(size, result["corpus"]["mb"], system, runs["first"], runs["second"]))
    lines += ["", "qa-bot frente a bm25s (objetivo a 100 000 pasajes):", ""]
    for size, result in sizes.items():
        ours, theirs = result["qa-bot"], result["bm25s"]
        checks = [
            ("consulta", ours["first"]["query"]["median"], theirs["first"]["query"]["median"], 1),
            ("1.ª ejecución", ours["first"]["total"], theirs["first"]["total"], 1.5),
            (
                "2.ª ejecución frente a la 1.ª de bm25s",
                ours["second"]["total"],
                theirs["first"]["total"],
                0.5,
            ),
            ("memoria pico", ours["first"]["peak_mb"], theirs["first"]["peak_mb"], 1),
        ]
        lines.append(
            f"- {_passages(size)} pasajes: "
            + "; ".join(f"{name} {_ratio(a, b)} (≤ {goal})" for name, a, b, goal in checks)
        )
    base = boot[0][1]
    lines += ["", "| orden (artículo incluido) | mediana | relación |", "|---|---|---|"]
    lines += [f"| `{name}` | {1000 * t:.0f} ms | {t / base:.2f}× |" for name, t in boot]
    return "\n".join(lines) + "\n"


def versions() -> str:
    packages = ("qa-bot", "rank-bm25", "bm25s", "numpy", "PyStemmer", "pydantic")
    found = ", ".join(f"{p} {version(p)}" for p in packages)
    return f"{found}, Python {platform.python_version()}, {os.cpu_count()} CPU"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="pasajes, separados por comas")
    parser.add_argument("--startup-runs", type=int, default=20, help="ejecuciones de arranque")
    parser.add_argument("--data", type=Path, default=DATA, help=f"datos (por defecto, {DATA})")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results = {}
    with tempfile.TemporaryDirectory(prefix="qa-bot-speed-") as tmp:
        for size in sizes:
            results[size] = measure_size(size, args.data, Path(tmp))
    log("arranque…")
    boot = startup(args.startup_runs)
    today = datetime.date.today().isoformat()
    print(
        f"# Velocidad: qa-bot y bm25s ({today})\n\n`python benchmarks/speed.py --sizes {args.sizes}` · {versions()}\n"
    )
    print(render(results, boot), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
