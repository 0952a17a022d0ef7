"""``qa-bot index --shards N --out DIR ARTÍCULOS…``: split a corpus into shards for a cluster.

The shards (``qa_bot.index.shards``) are then asked with ``qa-bot ask|cite|chat --index DIR``, in
this process, or on a Ray cluster with ``--cluster ADDRESS`` (``auto``: a local one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qa_bot.models import Article

EPILOG = """\
ejemplos:
  qa-bot index --shards 3 --out fragmentos/ noticias/
  qa-bot ask --index fragmentos/ "¿Cuánto costó el tranvía?"                 en este proceso
  qa-bot ask --index fragmentos/ --cluster auto "¿Cuánto costó el tranvía?"  un actor de Ray por fragmento
"""


def positive(text: str) -> int:
    """argparse type: a whole number from 1 up (shards, workers)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"«{text}» no vale: necesita un número entero desde 1")
    return value


def read_articles(paths: list[str]) -> list[Article]:
    """The articles of every path, in order; a slug repeated across paths gets "-2", "-3"…"""
    from qa_bot.corpus.articles import read_corpus

    articles: list[Article] = []
    taken: set[str] = set()
    for path in paths:
        for article in read_corpus(path).articles:
            slug, number = article.slug, 1
            while slug in taken:
                number += 1
                slug = f"{article.slug}-{number}"
            taken.add(slug)
            articles.append(
                article if slug == article.slug else article.model_copy(update={"slug": slug})
            )
    return articles


def run_index(args: argparse.Namespace) -> int:
    from qa_bot.errors import QAError
    from qa_bot.index.shards import build_shards

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise QAError(f"--out {out} es un archivo; indique una carpeta para los fragmentos.")
    articles = read_articles(args.articles)
    manifest = build_shards(articles, args.shards, out, workers=args.workers)
    shards = manifest["shards"]
    assert isinstance(shards, list)
    for number, shard in enumerate(shards, start=1):
        sys.stdout.write(
            f"fragmento {number}: {shard['articles']} artículos, {shard['passages']} pasajes "
            f"({shard['file']})\n"
        )
    sys.stdout.write(f"{len(articles)} artículos, {manifest['passages']} pasajes en {args.out}\n")
    return 0


def add_index_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``index`` to qa-bot's subcommands."""
    p = commands.add_parser(
        "index",
        help="divide artículos en fragmentos para un clúster: qa-bot index --shards 3 --out DIR noticias/",
        description="Indexa los artículos en N fragmentos (artículos enteros, en orden) con un "
        "manifiesto: artículo → fragmento, hash de su texto y versión del analizador.",
        epilog=EPILOG,
    )
    p.add_argument("articles", nargs="+", metavar="ARTÍCULOS", help="archivos .txt/.md o carpetas")
    p.add_argument("--shards", type=positive, required=True, metavar="N", help="cuántos fragmentos")
    p.add_argument("--out", required=True, metavar="DIR", help="carpeta de los fragmentos")
    p.add_argument(
        "--workers",
        type=positive,
        default=None,
        metavar="N",
        help="procesos que indexan a la vez (por defecto, uno por núcleo)",
    )
    p.set_defaults(handler=run_index)
