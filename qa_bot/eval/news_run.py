"""Noticias evaluation: each article its own corpus, scores by kind, dialogues, confidence.

Protocol (``../shared/data/noticias/README.md``, «Cómo se puntúa»). Each article is loaded alone,
as ``qa-bot ask -a NN-slug.txt`` loads it, and asked its questions. Texts are compared folded
(lowercase, no accents) with whitespace collapsed (``normalize_answer``):

- an answerable question is right when the answer is supported and its first passage lies in
  paragraph ``para`` and contains ``expect``; the sentence measure also needs ``expect`` in that
  passage's shown sentence (``Hit.sentence``); a refusal is a miss and a false refusal;
- an unanswerable question (``expect`` null) is right only when refused (``supported`` false).

Dialogue turns are scored the same way, asked through a ``TurnRunner`` that receives the turns
before them: ``ask_in_conversation`` (what ``qa-bot eval`` uses) answers a follow-up with them as
the chat does; ``ask_alone``, the default (for the benchmark's peers), ignores them. The
reliability table counts, among the answers given to the articles' questions, how many were right
in each confidence bucket: an answer to an unanswerable question is never right.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from qa_bot.answer.followup import Turn, context_for
from qa_bot.bot import QABot
from qa_bot.eval.news_data import NewsArticle, NewsQuestion, NewsSet
from qa_bot.eval.report import (
    ConfidenceBucket,
    DialogueScores,
    FailureKind,
    NewsArticleScores,
    NewsFailure,
    NewsReport,
    NewsScores,
    Rate,
)
from qa_bot.eval.run import RANK_DEPTH, Progress, Ranker, RankerFactory
from qa_bot.eval.scoring import answer_phrase, normalize_answer, phrase_holds
from qa_bot.models import Answer

# The README's kinds, answerable first: the order of the report's rows. Other kinds follow.
KINDS = ("paraphrase", "anaphora", "literal", "yesno-or-why", "near", "absent-entity", "offtopic")
# Confidence buckets of 0.1; 0.5 is the confidence at the refusal threshold, so the answers given
# start there (README, «Rechazo»). A lower bucket is shown only if some answer falls in it.
BUCKETS = 10
FIRST_BUCKET = 5


# A turn already asked in a dialogue: what the reader asked and what the bot answered.
Exchange = Turn


class TurnRunner(Protocol):
    """Asks one dialogue turn, given the turns before it in the same dialogue (oldest first)."""

    def __call__(self, ranker: Ranker, previous: Sequence[Exchange], question: str) -> Answer: ...


def ask_alone(ranker: Ranker, previous: Sequence[Exchange], question: str) -> Answer:
    """Each turn on its own, as ``qa-bot ask`` would take it: the previous turns are ignored."""
    return ranker.ask(question, top_k=RANK_DEPTH)


def ask_in_conversation(ranker: Ranker, previous: Sequence[Exchange], question: str) -> Answer:
    """Each turn as the chat asks it: a follow-up with the earlier turns' words
    (``answer.followup``); a ranker that takes no context asks it alone."""
    context = context_for(question, previous)
    if context is None or not isinstance(ranker, QABot):
        return ranker.ask(question, top_k=RANK_DEPTH)
    return ranker.ask(question, top_k=RANK_DEPTH, context=context)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One question asked: its gold, the answer, and whether passage and sentence were right."""

    article: str
    gold: NewsQuestion
    answer: Answer
    right: bool
    sentence: bool
    phrase: bool = False

    @property
    def shown(self) -> bool:
        """Whether the answer shows an answer phrase."""
        return answer_phrase(self.answer) is not None

    @classmethod
    def of(cls, article: str, gold: NewsQuestion, answer: Answer) -> Outcome:
        if gold.expect is None or not answer.supported or not answer.passages:
            return cls(article, gold, answer, False, False)
        top, wanted = answer.passages[0], normalize_answer(gold.expect)
        right = top.paragraph == gold.paragraph and wanted in normalize_answer(top.text)
        sentence = right and wanted in normalize_answer(top.sentence)
        return cls(
            article, gold, answer, right, sentence, right and phrase_holds(answer, gold.expect)
        )

    @property
    def failure(self) -> FailureKind | None:
        if not self.gold.answerable:
            return "not_refused" if self.answer.supported else None
        if self.right:
            return None
        return "miss" if self.answer.supported else "false_refusal"


def news_scores(outcomes: Iterable[Outcome], sentence: bool = True) -> NewsScores:
    """The scores of a group of outcomes; ``sentence`` False leaves the sentence measure out."""
    answerable: list[Outcome] = []
    unanswerable: list[Outcome] = []
    for o in outcomes:
        (answerable if o.gold.answerable else unanswerable).append(o)
    n, m = len(answerable), len(unanswerable)
    phrases = sum(o.phrase for o in answerable)
    shown = sum(o.shown for o in answerable)
    return NewsScores(
        right=Rate.of(sum(o.right for o in answerable), n) if n else None,
        sentence=Rate.of(sum(o.sentence for o in answerable), n) if n and sentence else None,
        false_refusals=Rate.of(sum(not o.answer.supported for o in answerable), n) if n else None,
        refused=Rate.of(sum(not o.answer.supported for o in unanswerable), m) if m else None,
        phrase=Rate.of(phrases, n) if n and sentence else None,
        phrase_shown=(
            Rate.of(phrases, shown + sum(o.shown for o in unanswerable)) if sentence else None
        ),
        phrase_shown_answerable=Rate.of(phrases, shown) if n and sentence else None,
    )


def reliability(outcomes: Iterable[Outcome]) -> list[ConfidenceBucket]:
    """The answers given, by confidence bucket of 0.1 (1.0 goes with 0.9), and how many were
    right; buckets from 0.5 (or the lowest one used) to 1.0, empty ones included."""
    given: list[list[Outcome]] = [[] for _ in range(BUCKETS)]
    for o in outcomes:
        if o.answer.supported:
            given[min(int(o.answer.confidence * BUCKETS + 1e-9), BUCKETS - 1)].append(o)
    first = min([FIRST_BUCKET, *(k for k, b in enumerate(given) if b)])
    return [
        ConfidenceBucket(
            low=k / BUCKETS,
            high=(k + 1) / BUCKETS,
            right=Rate.of(sum(o.right for o in given[k]), len(given[k])),
            mean_confidence=(
                sum(o.answer.confidence for o in given[k]) / len(given[k]) if given[k] else None
            ),
        )
        for k in range(first, BUCKETS)
    ]


def _kind_order(kinds: Iterable[str]) -> list[str]:
    found = set(kinds)
    return [k for k in KINDS if k in found] + sorted(found - set(KINDS))


def _failure(o: Outcome, kind: FailureKind) -> NewsFailure:
    top = o.answer.passages[0] if o.answer.passages else None
    return NewsFailure(
        kind=kind,
        article=o.article,
        id=o.gold.id,
        question=o.gold.question,
        question_kind=o.gold.kind,
        expected=o.gold.expect,
        paragraph=o.gold.paragraph,
        got=top.id if top else None,
        got_paragraph=top.paragraph if top else None,
        confidence=o.answer.confidence,
        reason=None if o.answer.supported else o.answer.reason,
    )


class _Asker:
    """Builds one ranker per article, asks, and reports progress."""

    def __init__(self, ranker: RankerFactory, total: int, progress: Progress | None) -> None:
        self.factory, self.total, self.done, self.progress = ranker, total, 0, progress
        self.rankers: dict[str, Ranker] = {}

    def ranker(self, article: NewsArticle) -> Ranker:
        if article.name not in self.rankers:
            self.rankers[article.name] = self.factory([article.article])
        return self.rankers[article.name]

    def count(self, answer: Answer) -> Answer:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)
        return answer


def evaluate_news(
    data: NewsSet,
    ranker: RankerFactory = QABot,
    progress: Progress | None = None,
    *,
    turn_runner: TurnRunner = ask_alone,
    sentence: bool = True,
) -> NewsReport:
    """Evaluate a ranker on a noticias set (see the module docstring).

    ``turn_runner`` asks the dialogues' turns (default: each alone); ``sentence`` False is for a
    system that does not choose a sentence (the benchmark's peers), whose sentence measure would
    only repeat the passage's."""
    total = sum(len(a.questions) for a in data.articles)
    total += sum(len(d.turns) for d in data.dialogues)
    asker = _Asker(ranker, total, progress)
    by_article: dict[str, list[Outcome]] = {}
    for article in data.articles:
        bot = asker.ranker(article)
        by_article[article.name] = [
            Outcome.of(article.name, gold, asker.count(bot.ask(gold.question, top_k=RANK_DEPTH)))
            for gold in article.questions
        ]
    articles = {a.name: a for a in data.articles}
    turns: list[tuple[int, Outcome]] = []
    for dialogue in data.dialogues:
        bot = asker.ranker(articles[dialogue.article])
        previous: list[Exchange] = []
        for position, gold in enumerate(dialogue.turns):
            answer = asker.count(turn_runner(bot, tuple(previous), gold.question))
            previous.append(Exchange(gold.question, answer))
            turns.append((position, Outcome.of(dialogue.article, gold, answer)))
    outcomes = [o for group in by_article.values() for o in group]
    kinds = _kind_order(o.gold.kind for o in outcomes if o.gold.kind)
    dialogues = None
    if data.dialogues:
        dialogues = DialogueScores(
            dialogues=len(data.dialogues),
            turns=len(turns),
            context=turn_runner is not ask_alone,
            first=news_scores((o for k, o in turns if k == 0), sentence),
            follow_up=news_scores((o for k, o in turns if k > 0), sentence),
            all=news_scores((o for _, o in turns), sentence),
        )
    failures = [
        _failure(o, kind)
        for o in [*outcomes, *(o for _, o in turns)]
        if (kind := o.failure) is not None
    ]
    answerable = sum(o.gold.answerable for o in outcomes)
    return NewsReport(
        source=data.source,
        articles=len(data.articles),
        questions=len(outcomes),
        answerable=answerable,
        unanswerable=len(outcomes) - answerable,
        scores=news_scores(outcomes, sentence),
        by_kind={
            k: news_scores((o for o in outcomes if o.gold.kind == k), sentence) for k in kinds
        },
        per_article=[
            NewsArticleScores(name=name, scores=news_scores(group, sentence))
            for name, group in by_article.items()
        ],
        dialogues=dialogues,
        reliability=reliability(outcomes),
        failures=failures,
    )
