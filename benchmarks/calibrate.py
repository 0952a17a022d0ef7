"""Fit the confidence of supported answers to how often they are right (qa_bot/answer/tuning.py
CALIBRATION).

    python benchmarks/calibrate.py [--data ../shared/data]

Asks every question of ../shared/data/noticias (each article its own corpus, as `qa-bot eval`
does; with --xquad, xquad-es-dev.json too). Readers' questions are the target: XQuAD's, written
looking at the paragraph, are right far more often at every confidence (0.95 at 0.9-1.0 against
0.77 on noticias) and SQuAD-es v2's machine-translated ones far less (0.60); fitting on either
miscalibrates news answers (checked on benchmarks/noticias-ciegas).
keeps the supported answers, and pairs each answer's raw confidence (the support mapped to
[0.5, 1], CALIBRATION off) with whether it was right (the top passage holds the answer in its
paragraph; an answer to an unanswerable question is wrong). A monotone fit (pool adjacent
violators) of rightness on raw confidence, read at the middle of each band of 0.1 and floored
at 0.5 (a supported answer is one qa-bot gives), is printed as the CALIBRATION tuple, with the
reliability table before and after. The benchmarks/noticias-ciegas set is left out of the fit and
printed apart, as the held-out check.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from qa_bot.answer import support, tuning
from qa_bot.bot import QABot
from qa_bot.eval.data import read_eval_file, to_article, unique_slugs
from qa_bot.eval.news_data import read_news
from qa_bot.eval.scoring import normalize_answer, right_rank

ROOT = Path(__file__).resolve().parent.parent


def news_pairs(folder: Path) -> list[tuple[float, bool]]:
    out = []
    for item in read_news(folder).articles:
        bot = QABot([item.article])
        for q in item.questions:
            answer = bot.ask(q.question)
            if not answer.supported:
                continue
            top = answer.passages[0]
            right = q.expect is not None and normalize_answer(q.expect) in normalize_answer(
                top.text
            )
            out.append((answer.confidence, right))
    return out


def squad_pairs(path: Path) -> list[tuple[float, bool]]:
    data = read_eval_file(path)
    slugs = unique_slugs([a.title for a in data.articles])
    out = []
    for article, slug in zip(data.articles, slugs, strict=True):
        bot = QABot([to_article(article, slug, data.source)])
        for gold in article.questions:
            answer = bot.ask(gold.question)
            if not answer.supported:
                continue
            paragraph = None if gold.paragraph is None else gold.paragraph + 1
            out.append(
                (
                    answer.confidence,
                    bool(gold.answers) and right_rank(answer, gold, slug, paragraph) == 1,
                )
            )
    return out


def fit(pairs: list[tuple[float, bool]]) -> tuple[tuple[float, float], ...]:
    """Pool adjacent violators on (raw confidence, right): each answer's fitted rightness is its
    block's mean. A knot per band of 0.1, at its middle, holds the mean fitted rightness of the
    band's answers; the ends repeat the first and last; all floored at 0.5."""
    pairs = sorted(pairs)
    blocks: list[list[float]] = []  # [sum of rights, count]
    for _, y in pairs:
        blocks.append([float(y), 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, n = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += n
    fitted = [b[0] / b[1] for b in blocks for _ in range(int(b[1]))]
    knots = []
    for lo in (0.5, 0.6, 0.7, 0.8, 0.9):
        band = [f for (x, _), f in zip(pairs, fitted, strict=True) if lo <= x < lo + 0.1 + 1e-9]
        if band:
            knots.append((round(lo + 0.05, 2), round(max(0.5, sum(band) / len(band)), 2)))
    return ((0.5, knots[0][1]), *knots, (1.0, knots[-1][1]))


def table(pairs: list[tuple[float, bool]], title: str) -> None:
    print(f"\n{title}: {len(pairs)} answers given")
    for lo in (0.5, 0.6, 0.7, 0.8, 0.9):
        hi = lo + 0.1 + (1e-9 if lo == 0.9 else 0)
        band = [r for c, r in pairs if lo <= c < hi]
        if band:
            print(
                f"  {lo:.1f}-{lo + 0.1:.1f}: {len(band):5d} given, {sum(band) / len(band):.2f} right"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--xquad", action="store_true", help="fit on XQuAD too")
    args = parser.parse_args()
    shipped = tuning.CALIBRATION
    support.CALIBRATION = ()  # raw confidences
    dev = news_pairs(args.data / "noticias")
    if args.xquad:
        dev += squad_pairs(args.data / "xquad-es-dev.json")
    held = news_pairs(ROOT / "benchmarks" / "noticias-ciegas")
    calibration = fit(dev)
    print(f"CALIBRATION = {calibration!r}")
    table(dev, "development sets, raw")
    table(held, "noticias-ciegas (held out), raw")
    support.CALIBRATION = calibration
    table([(support.calibrated(c), r) for c, r in dev], "development sets, calibrated")
    table([(support.calibrated(c), r) for c, r in held], "noticias-ciegas, calibrated")
    if calibration != shipped:
        print(f"\n(tuning.py ships {shipped!r})")


if __name__ == "__main__":
    main()
