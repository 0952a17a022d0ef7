"""How often a news article answers the questions written for other news articles.

    python benchmarks/other_news.py [--data ../shared/data] [--next 3]

Every article of the news sets (``../shared/data/noticias`` and ``benchmarks/noticias-ciegas*``,
in that order) is asked, one at a time, every question of the ``--next`` articles after it
(cyclically, across sets). The article does not answer them, so the right reply is a refusal:
this is XQuAD's «de otro artículo» for readers' questions, where articles on different topics
still share the words of local news («ayuntamiento», «vecinos», «euros»). Prints, by the kind of
the question in its own article, how many were asked and how many were answered (not refused),
and a sample of the answered ones. ``QA_BOT_SEMANTIC=0`` ranks by words alone.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from qa_bot.bot import QABot
from qa_bot.eval.news_data import read_folder
from qa_bot.text.sanitize import sanitize

ROOT = Path(__file__).resolve().parent


def _blind_order(path: Path) -> int:
    """noticias-ciegas is the first blind set, noticias-ciegas-N the N-th."""
    found = re.search(r"-(\d+)$", path.name)
    return int(found.group(1)) if found else 1


def news_folders(data: Path) -> list[Path]:
    blind = sorted(ROOT.glob("noticias-ciegas*"), key=_blind_order)
    return [data / "noticias", *blind]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "data")
    parser.add_argument("--next", type=int, default=3, help="how many following articles ask")
    parser.add_argument(
        "--sample",
        type=int,
        default=10,
        help="answered questions to show, spread over the articles",
    )
    args = parser.parse_args()
    articles = [a for folder in news_folders(args.data) for a in read_folder(folder).articles]
    asked: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    shown: list[str] = []
    for i, article in enumerate(articles):
        bot = QABot([article.article])
        for k in range(1, args.next + 1):
            other = articles[(i + k) % len(articles)]
            for gold in other.questions:
                asked[gold.kind] += 1
                answer = bot.ask(gold.question)
                if answer.supported:
                    answered[gold.kind] += 1
                    said = [gold.question, answer.passages[0].sentence[:80] + "…"]
                    cells = [sanitize(c, keep_newlines=False).replace("|", "/") for c in said]
                    shown.append(f"| {article.name} | {cells[0]} | {cells[1]} |")
    print(f"{len(articles)} noticias; cada una, ante las preguntas de las {args.next} siguientes.")
    print()
    print("| tipo (en su noticia) | preguntadas | respondidas | rechazadas |")
    print("|---|---:|---:|---:|")
    for kind in sorted(asked, key=lambda k: -asked[k]):
        share = 1 - answered[kind] / asked[kind]
        print(f"| {kind} | {asked[kind]} | {answered[kind]} | {share:.3f} |")
    total, given = sum(asked.values()), sum(answered.values())
    print(f"| todas | {total} | {given} | {1 - given / total:.3f} |")
    if shown and args.sample > 0:
        step = max(1, len(shown) // args.sample)  # spread over the articles
        print()
        print("| noticia | pregunta de otra | frase mostrada |")
        print("|---|---|---|")
        print("\n".join(shown[::step][: args.sample]))


if __name__ == "__main__":
    main()
