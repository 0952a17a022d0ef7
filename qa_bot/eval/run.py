"""SQuAD-format and seed-question evaluation: top-1 (pooled, sentence), MRR, recall@3, refusals.

Protocol (see ``../shared/data/README.md``): each SQuAD article becomes one Article whose text is its
paragraphs separated by a blank line, and each question is asked of its own article. The top passage
is right when it lies inside the gold paragraph (``Hit.paragraph`` is 1-based), contains one of the
gold answers (folded and with whitespace collapsed on both sides) and the answer is supported: a
refused answerable question is a miss and a false refusal. The settings:

- per article: top-1, recall@3 and MRR over the top ``RANK_DEPTH`` passages (a refusal ranks
  nothing, so it scores 0 in all three), false refusals, and sentence top-1: the share of
  answerable questions whose top passage is right *and* whose top hit's ``sentence`` (the span a
  reader is shown highlighted) contains a gold answer, folded the same way. Top-1 alone rewards a
  right passage whose highlighted sentence misses the answer, and that sentence is what users and
  judges check. A gold answer that spans two sentences can never count there; that is accepted,
  since no single highlighted sentence could show it either;
- pooled: all articles in one corpus; the top passage must also come from the question's article;
- another article: each article's answerable questions asked of the next article in file order
  (cyclically), where the right reply is a refusal;
- unanswerable (SQuAD v2.0 ``is_impossible``, seed ``expect: null``): asked of their own article,
  where the right reply is a refusal;
- paragraph cut: each answerable question asked of its own article without its gold paragraph,
  when no gold answer appears (folded) in the rest of the article, where the right reply is a
  refusal. These questions share the article's topic and many of its words, like the questions
  a reader asks about what an article does not say; another article shares neither.

The engine is pluggable: a ``RankerFactory`` builds, from a list of articles, anything with
``ask(question, top_k) -> Answer``. ``QABot`` itself is one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from qa_bot.bot import QABot
from qa_bot.corpus.articles import load_articles
from qa_bot.errors import QAError
from qa_bot.eval.cut import cut_paragraph_questions, without_paragraph
from qa_bot.eval.data import (
    EvalSet,
    GoldQuestion,
    read_eval_file,
    to_article,
    unique_slugs,
)
from qa_bot.eval.report import ArticleResult, EvalReport, Failure, FailureKind, Rate
from qa_bot.eval.scoring import Tally, normalize_answer, right_rank, sentence_holds_answer
from qa_bot.models import Answer, Article

RANK_DEPTH = 10


class Ranker(Protocol):
    """What the evaluation asks questions of."""

    def ask(self, question: str, top_k: int = ...) -> Answer: ...


RankerFactory = Callable[[list[Article]], Ranker]
Progress = Callable[[int, int], None]


def _gold_paragraph(gold: GoldQuestion) -> int | None:
    """The 1-based gold paragraph (what ``Hit.paragraph`` counts), or None for seed questions."""
    return None if gold.paragraph is None else gold.paragraph + 1


def _failure(
    kind: FailureKind,
    slug: str,
    gold: GoldQuestion,
    answer: Answer,
) -> Failure:
    top = answer.passages[0] if answer.passages else None
    return Failure(
        kind=kind,
        article=slug,
        id=gold.id,
        question=gold.question,
        expected=list(gold.answers),
        paragraph=_gold_paragraph(gold),
        got=top.id if top else None,
        got_paragraph=top.paragraph if top else None,
        reason=None if answer.supported else answer.reason,
    )


class _Run:
    """Asks questions, keeps the tallies and failures, and reports progress."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress
        self.failures: list[Failure] = []

    def ask(self, ranker: Ranker, question: str) -> Answer:
        answer = ranker.ask(question, top_k=RANK_DEPTH)
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)
        return answer

    def own(
        self, ranker: Ranker, slug: str, questions: Sequence[GoldQuestion]
    ) -> tuple[Tally, Tally]:
        """Ask an article its own questions: (answerable tally, unanswerable tally)."""
        answerable, unanswerable = Tally(), Tally()
        for gold in questions:
            answer = self.ask(ranker, gold.question)
            if not gold.answerable:
                unanswerable.add(answer, 0)
                if answer.supported:
                    self.failures.append(_failure("not_refused", slug, gold, answer))
                continue
            rank = right_rank(answer, gold, None, _gold_paragraph(gold))
            answerable.add(answer, rank, sentence_holds_answer(answer, gold), gold.answers)
            if rank != 1:
                kind: FailureKind = "miss" if answer.supported else "false_refusal"
                self.failures.append(_failure(kind, slug, gold, answer))
        return answerable, unanswerable


def _report(
    data: EvalSet,
    articles: int,
    own: Tally,
    unanswerable: Tally,
    pooled: Tally | None,
    other: Tally | None,
    per_article: list[ArticleResult],
    failures: list[Failure],
    cut: Tally | None = None,
) -> EvalReport:
    return EvalReport(
        source=Path(data.source).name,
        format=data.format,
        articles=articles,
        questions=own.asked + unanswerable.asked,
        answerable=own.asked,
        unanswerable=unanswerable.asked,
        depth=RANK_DEPTH,
        top1=Rate.of(own.right, own.asked),
        sentence_top1=Rate.of(own.sentence, own.asked),
        pooled_top1=Rate.of(pooled.right, pooled.asked) if pooled else None,
        mrr=own.reciprocal / own.asked if own.asked else None,
        recall_at_3=Rate.of(own.top3, own.asked),
        false_refusals=Rate.of(own.refused, own.asked),
        other_article_refused=other.refusals() if other else None,
        unanswerable_refused=unanswerable.refusals(),
        cut_paragraph_refused=cut.refusals() if cut else None,
        phrases=Rate.of(own.phrases, own.asked),
        exact_match=own.exact / own.asked if own.asked else None,
        f1=own.f1 / own.asked if own.asked else None,
        exact_match_phrased=own.exact / own.phrases if own.phrases else None,
        f1_phrased=own.f1 / own.phrases if own.phrases else None,
        per_article=per_article,
        failures=failures,
    )


def evaluate_squad(
    data: EvalSet,
    ranker: RankerFactory = QABot,
    progress: Progress | None = None,
    *,
    other_offset: int = 1,
) -> EvalReport:
    """Evaluate a ranker on a SQuAD EvalSet in all settings (see the module docstring).

    In the "another article" setting, article i's answerable questions are asked of article
    ``i + other_offset`` (cyclically; the protocol is 1, the next article).
    """
    titles = [a.title for a in data.articles]
    slugs = unique_slugs(titles)
    articles = [to_article(a, s, data.source) for a, s in zip(data.articles, slugs, strict=True)]
    n = len(articles)
    answerable = [[q for q in a.questions if q.answerable] for a in data.articles]
    n_answerable = sum(len(qs) for qs in answerable)
    cross = other_offset % n != 0
    cuts = [cut_paragraph_questions(a) for a in data.articles]
    n_cut = sum(len(qs) for c in cuts for qs in c.values())
    total = sum(len(a.questions) for a in data.articles) + n_answerable * (2 if cross else 1)
    run = _Run(total + n_cut, progress)
    own_tallies, unanswerable_tallies, other_tallies = [], [], [Tally() for _ in articles]
    for i, article in enumerate(articles):
        bot = ranker([article])
        own, unanswerable = run.own(bot, article.slug, data.articles[i].questions)
        own_tallies.append(own)
        unanswerable_tallies.append(unanswerable)
        if cross:
            asker = (i - other_offset) % n
            for gold in answerable[asker]:
                other_tallies[asker].add(run.ask(bot, gold.question), 0)
    cut = Tally()
    for i, (gold_article, by_paragraph) in enumerate(zip(data.articles, cuts, strict=True)):
        for paragraph, questions in by_paragraph.items():
            bot = ranker([without_paragraph(gold_article, paragraph, slugs[i], data.source)])
            for gold in questions:
                cut.add(run.ask(bot, gold.question), 0)
    pooled_bot = ranker(articles)
    pooled = Tally()
    for slug, questions in zip(slugs, answerable, strict=True):
        for gold in questions:
            answer = run.ask(pooled_bot, gold.question)
            pooled.add(answer, right_rank(answer, gold, slug, _gold_paragraph(gold)))
    per_article = [
        ArticleResult(
            slug=article.slug,
            title=article.title,
            top1=Rate.of(own.right, own.asked),
            sentence_top1=Rate.of(own.sentence, own.asked),
            false_refusals=Rate.of(own.refused, own.asked),
            other_article_refused=other.refusals() if cross else None,
            unanswerable_refused=unanswerable.refusals(),
        )
        for article, own, unanswerable, other in zip(
            articles, own_tallies, unanswerable_tallies, other_tallies, strict=True
        )
    ]
    return _report(
        data,
        n,
        sum(own_tallies, Tally()),
        sum(unanswerable_tallies, Tally()),
        pooled,
        sum(other_tallies, Tally()) if cross else None,
        per_article,
        run.failures,
        cut,
    )


def evaluate_seed(
    data: EvalSet,
    articles: list[Article],
    ranker: RankerFactory = QABot,
    progress: Progress | None = None,
) -> EvalReport:
    """Evaluate seed questions against ``articles``: the top passage must contain ``expect``.

    Raises QAError when no expected answer occurs in the articles at all: the questions are
    about another article (a forgotten ``--article``), and every figure would be 0."""
    expected = [a for q in data.questions if q.answerable for a in q.answers]
    texts = [normalize_answer(a.text) for a in articles]
    if expected and not any(normalize_answer(e) in t for e in expected for t in texts):
        where = f"el artículo «{articles[0].title}»" if len(articles) == 1 else "los artículos"
        raise QAError(
            f"Ninguna de las respuestas esperadas de {Path(data.source).name} aparece en "
            f"{where}: ¿falta --article?"
        )
    run = _Run(len(data.questions), progress)
    bot = ranker(articles)
    slug = articles[0].slug if len(articles) == 1 else "*"
    own, unanswerable = run.own(bot, slug, data.questions)
    return _report(data, len(articles), own, unanswerable, None, None, [], run.failures)


def evaluate(
    data: EvalSet,
    ranker: RankerFactory = QABot,
    article: Path | str | None = None,
    progress: Progress | None = None,
) -> EvalReport:
    """Evaluate a read file; seed (JSONL) questions go to ``article`` (default: bundled)."""
    if data.format == "jsonl":
        return evaluate_seed(data, load_articles(article), ranker, progress)
    if article is not None:
        raise QAError(
            "Un archivo SQuAD trae sus propios artículos: el artículo solo se indica con "
            "preguntas JSONL."
        )
    return evaluate_squad(data, ranker, progress)


def evaluate_file(
    path: Path | str,
    ranker: RankerFactory = QABot,
    article: Path | str | None = None,
    progress: Progress | None = None,
) -> EvalReport:
    """Read and evaluate one file (see ``evaluate``)."""
    return evaluate(read_eval_file(path), ranker, article, progress)
