"""Shards on Ray beside one process: build, load, per-question latency and memory per shard.

    pip install -e '.[bench,cluster]'
    python benchmarks/cluster.py                                   # 1M passages over 4 shards
    python benchmarks/cluster.py --passages 300000,1000000 --shards 4 --single 200000,300000
    python benchmarks/cluster.py --address CABEZA:6379 ...         # an existing Ray cluster

For each size, ``corpus.py`` writes a corpus (as ``speed.py`` does: the dev data's paragraphs
planted among synthetic ones, seed = size; 200 of their questions are asked) into ``--workdir``
(kept there, and reused by the next run, when given; a temporary folder otherwise).

- One process (``--single``): ``speed_workers.py qa-bot`` twice, as in ``speed.py``: read and index
  into qa-bot's cache, then read and load the saved index; every question answered; peak RSS.
- Shards (``--passages``, ``--shards``): a fresh process builds them (``build_shards``, as
  ``qa-bot index --shards N`` does, in parallel), another starts Ray (a local cluster with every
  core, or ``--address``), one actor per shard (``RayShards.start``: each actor reads its articles
  and its shard file), and answers the same kind of questions through ``QABot``. Memory per shard
  is each actor's process RSS after the questions (and its peak); the caller's RSS holds the
  merged statistics (document frequency of every stem and prefix).

Prints Markdown on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from corpus import DATA, dev_paragraphs, make_corpus
from speed_workers import peak_mb, summary, timed_answers, timed_retrieval

HERE = Path(__file__).resolve().parent
QUESTIONS = 200


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the measured programs, each in a fresh process -------------------------------------------


def worker_build(out: Path, shards: int, corpus: Path) -> dict:
    """Read the corpus's articles and build ``shards`` shards into ``out``."""
    from qa_bot.cli.index_cmd import read_articles
    from qa_bot.index.shards import build_shards

    start = time.perf_counter()
    # One path per article file: qa-bot takes at most 200 MB of text per path.
    articles = read_articles([str(p) for p in sorted(corpus.glob("*.txt"))])
    read = time.perf_counter() - start
    manifest = build_shards(articles, shards, out)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "read": read,
        "index": time.perf_counter() - start - read,
        "passages": manifest["passages"],
        "peak_mb": peak_mb(),
        "worker_peak_mb": children,
        "disk_mb": sum(p.stat().st_size for p in out.iterdir()) / 1e6,
    }


def worker_ask(folder: Path, questions: list[tuple[str, list[str]]], address: str) -> dict:
    """Start Ray and one actor per shard, answer every question, measure the actors."""
    import logging

    import ray

    from qa_bot.bot import QABot

    start = time.perf_counter()
    ray.init(
        address=None if address == "auto" else address,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.ERROR,
    )
    started = time.perf_counter()
    bot = QABot.from_shards(folder, cluster=address)
    loaded = time.perf_counter()
    asked, hits = timed_answers(bot, questions)
    retrieval = timed_retrieval(bot, questions)
    actors = bot.index.shards.actors  # type: ignore[attr-defined]
    processes = ray.get([a.process.remote() for a in actors])
    result = {
        "ray": started - start,
        "load": loaded - started,
        "ask": summary(asked),
        "query": summary(retrieval),
        "top1": hits / len(questions),
        "passages": len(bot.index),
        "actors": processes,
        "nodes": len({p["node"] for p in processes}),
        "caller_mb": peak_mb(),
    }
    ray.shutdown()
    return result


# --- the driver --------------------------------------------------------------------------------


def corpus_of(size: int, workdir: Path, data: Path) -> tuple[Path, Path]:
    """The corpus of ``size`` passages in ``workdir`` (made once) and its questions' file."""
    folder = workdir / f"corpus-{size}"
    questions = workdir / f"preguntas-{size}.json"
    if not questions.is_file():
        log(f"corpus de {size} pasajes…")
        t = time.perf_counter()
        make_corpus(size, folder, seed=size, data=data)
        log(f"  {time.perf_counter() - t:.0f} s")
        # The planted paragraphs are the first ``size`` dev paragraphs, whatever the seed.
        planted = [q for q in dev_paragraphs(data)[1] if q.paragraph < size]
        asked = random.Random(size).sample(planted, min(QUESTIONS, len(planted)))
        questions.write_text(
            json.dumps([(q.text, q.answers) for q in asked], ensure_ascii=False), encoding="utf-8"
        )
    return folder, questions


def run(command: list[str]) -> dict:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"cluster.py: {' '.join(command[:3])}… falló:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def single(size: int, workdir: Path, data: Path) -> dict:
    folder, questions = corpus_of(size, workdir, data)
    store = workdir / f"cache-{size}"
    if store.exists():
        for old in store.iterdir():
            old.unlink()
    store.mkdir(exist_ok=True)
    worker = [sys.executable, str(HERE / "speed_workers.py"), "qa-bot", str(folder)]
    log(f"un proceso, {size} pasajes…")
    first = run([*worker, str(questions), str(store)])
    second = run([*worker, str(questions), str(store)])
    assert not first["warm"] and second["warm"]
    mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    return {"size": size, "mb": mb, "first": first, "second": second}


def sharded(size: int, shards: int, workdir: Path, data: Path, address: str) -> dict:
    folder, questions = corpus_of(size, workdir, data)
    out = workdir / f"fragmentos-{size}-{shards}"
    if out.exists():
        for old in out.iterdir():
            old.unlink()
    me = [sys.executable, str(Path(__file__).resolve())]
    log(f"{shards} fragmentos, {size} pasajes: construir…")
    build = run([*me, "--worker-build", str(out), str(shards), str(folder)])
    log(f"  {build['read'] + build['index']:.0f} s; preguntar…")
    ask = run([*me, "--worker-ask", str(out), str(questions), address])
    mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    return {"size": size, "mb": mb, "shards": shards, "build": build, "ask": ask}


def _passages(size: int) -> str:
    return f"{size:,}".replace(",", " ")


def render(ones: list[dict], many: list[dict]) -> str:
    lines = [
        "| pasajes (texto) | cómo | leer + indexar | cargar | pregunta completa: mediana / p95 | "
        "recuperación: mediana / p95 | top-1 | memoria |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in ones:
        first, second = r["first"], r["second"]
        lines.append(
            f"| {_passages(r['size'])} ({r['mb']:.0f} MB) | un proceso | "
            f"{first['read'] + first['index']:.1f} s | {second['read'] + second['index']:.1f} s | "
            f"{second['ask']['median']:.1f} / {second['ask']['p95']:.1f} ms | "
            f"{second['query']['median']:.2f} / {second['query']['p95']:.2f} ms | "
            f"{second['top1']:.2f} | pico {first['peak_mb']:.0f} MB al indexar, "
            f"{second['peak_mb']:.0f} MB al cargar |"
        )
    for r in many:
        build, ask = r["build"], r["ask"]
        rss = " + ".join(f"{a['rss_mb']:.0f}" for a in ask["actors"])
        lines.append(
            f"| {_passages(r['size'])} ({r['mb']:.0f} MB) | {r['shards']} fragmentos, Ray "
            f"({ask['nodes']} nodo{'s' if ask['nodes'] != 1 else ''}) | "
            f"{build['read']:.0f} + {build['index']:.0f} s | "
            f"{ask['load']:.1f} s (+ {ask['ray']:.1f} s Ray) | "
            f"{ask['ask']['median']:.1f} / {ask['ask']['p95']:.1f} ms | "
            f"{ask['query']['median']:.2f} / {ask['query']['p95']:.2f} ms | {ask['top1']:.2f} | "
            f"actores {rss} MB (pico {max(a['peak_mb'] for a in ask['actors']):.0f}); "
            f"quien pregunta {ask['caller_mb']:.0f} MB; al indexar {build['peak_mb']:.0f} MB "
            f"+ {build['worker_peak_mb']:.0f} MB por proceso; en disco {build['disk_mb']:.0f} MB |"
        )
    return "\n".join(lines) + "\n"


def versions() -> str:
    packages = ("qa-bot", "ray", "numpy")
    found = ", ".join(f"{p} {version(p)}" for p in packages)
    return f"{found}, Python {platform.python_version()}, {os.cpu_count()} CPU"


def sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--worker-build":
        out, shards, corpus = argv[1:]
        print(json.dumps(worker_build(Path(out), int(shards), Path(corpus))))
        return 0
    if argv and argv[0] == "--worker-ask":
        folder, questions_file, address = argv[1:]
        asked = [(q, list(a)) for q, a in json.loads(Path(questions_file).read_text("utf-8"))]
        print(json.dumps(worker_ask(Path(folder), asked, address)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", default="1000000", help="pasajes de los fragmentos (comas)")
    parser.add_argument("--shards", type=int, default=4, help="cuántos fragmentos")
    parser.add_argument("--single", default="200000,300000", help="pasajes en un proceso (comas)")
    parser.add_argument("--address", default="auto", help="clúster de Ray (auto: uno local)")
    parser.add_argument("--workdir", type=Path, help="carpeta de trabajo (se conserva)")
    parser.add_argument("--data", type=Path, default=DATA, help=f"datos (por defecto, {DATA})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="qa-bot-cluster-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        ones = [single(n, workdir, args.data) for n in sizes(args.single)]
        many = [
            sharded(n, args.shards, workdir, args.data, args.address) for n in sizes(args.passages)
        ]
    today = datetime.date.today().isoformat()
    command = " ".join(["python benchmarks/cluster.py", *(argv or [])])
    print(f"# Fragmentos en Ray frente a un proceso ({today})\n\n`{command}` · {versions()}\n")
    print(render(ones, many), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
