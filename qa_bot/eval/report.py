"""Evaluation results: the JSON contract of ``qa-bot eval --json`` and of the benchmarks."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FailureKind = Literal["miss", "false_refusal", "not_refused"]


class Rate(BaseModel):
    """A count out of a total; ``rate`` is None when the total is 0."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    count: int
    total: int
    rate: float | None

    @classmethod
    def of(cls, count: int, total: int) -> Rate:
        return cls(count=count, total=total, rate=count / total if total else None)


class Failure(BaseModel):
    """A question the system got wrong in the per-article setting."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: FailureKind
    article: str
    id: str
    question: str
    expected: list[str]
    paragraph: int | None = Field(description="1-based gold paragraph; None for seed questions.")
    got: str | None = Field(description="Id of the top passage returned, if any.")
    got_paragraph: int | None
    reason: str | None = Field(
        default=None, description="Why the answer was refused (a false refusal), or None."
    )


class ArticleResult(BaseModel):
    """One article's share of the per-article setting."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: str
    title: str
    top1: Rate
    sentence_top1: Rate
    false_refusals: Rate
    other_article_refused: Rate | None
    unanswerable_refused: Rate | None


class EvalReport(BaseModel):
    """The metrics of one evaluation file for one system."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    format: Literal["squad-v1.1", "squad-v2.0", "jsonl"]
    semantic: str | None = Field(
        default=None,
        description="The semantic reader that re-ranked the candidates (the `semantic` extra), "
        "or None: words alone.",
    )
    articles: int
    questions: int
    answerable: int
    unanswerable: int
    depth: int = Field(description="Passages requested per question (MRR is MRR@depth).")
    top1: Rate = Field(description="Per-article top-1 over the answerable questions.")
    sentence_top1: Rate | None = Field(
        description="Per-article top-1 answers whose top hit's sentence also contains the "
        "answer; None for a system that does not choose a sentence (the benchmark's peers)."
    )
    pooled_top1: Rate | None = Field(description="Top-1 with all articles in one corpus.")
    mrr: float | None
    recall_at_3: Rate
    false_refusals: Rate
    other_article_refused: Rate | None = Field(
        description="Answerable questions asked of the next article that were refused."
    )
    unanswerable_refused: Rate | None
    cut_paragraph_refused: Rate | None = Field(
        default=None,
        description="Answerable questions asked of their article without the paragraph that "
        "answers them (when the answer appears nowhere else in it) that were refused.",
    )
    phrases: Rate | None = Field(
        default=None, description="Answerable questions whose answer shows an answer phrase."
    )
    exact_match: float | None = Field(
        default=None,
        description="SQuAD exact match (0-1) of the answer phrase over all answerable questions "
        "(no phrase, or a refusal, scores 0).",
    )
    f1: float | None = Field(default=None, description="SQuAD F1 (0-1), like exact_match.")
    exact_match_phrased: float | None = Field(
        default=None, description="SQuAD exact match over the questions that show a phrase."
    )
    f1_phrased: float | None = Field(
        default=None, description="SQuAD F1 over the questions that show a phrase."
    )
    per_article: list[ArticleResult]
    failures: list[Failure]


class NewsScores(BaseModel):
    """The noticias scores of a group of questions (all, one kind, one article, some turns)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    right: Rate | None = Field(
        description="Answerable questions whose first passage lies in paragraph ``para`` and "
        "holds ``expect``; None when the group has none."
    )
    sentence: Rate | None = Field(
        description="Of the answerable, right ones whose shown sentence also holds ``expect``; "
        "None without answerable questions or for a system that does not choose a sentence."
    )
    false_refusals: Rate | None = Field(description="Answerable questions refused.")
    refused: Rate | None = Field(description="Unanswerable questions refused (the right reply).")
    phrase: Rate | None = Field(
        default=None,
        description="«Frase exacta»: answerable, right ones whose answer phrase holds ``expect`` "
        "and is at most three times its length, out of the answerable.",
    )
    phrase_shown: Rate | None = Field(
        default=None,
        description="Right answer phrases out of the answers that show one (all questions: a "
        "phrase shown for an unanswerable question is never right).",
    )
    phrase_shown_answerable: Rate | None = Field(
        default=None,
        description="Right answer phrases out of the answerable questions that show one.",
    )


class NewsArticleScores(BaseModel):
    """One article's row of the noticias report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(description="The article's file stem.")
    scores: NewsScores


class DialogueScores(BaseModel):
    """The dialogues' turns, scored like questions; ``follow_up`` are the turns after the first."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dialogues: int
    turns: int
    context: bool = Field(
        description="Whether each turn was asked with the previous ones (False: asked alone)."
    )
    first: NewsScores
    follow_up: NewsScores
    all: NewsScores


class ConfidenceBucket(BaseModel):
    """The answers given (not refused) with confidence in [low, high), and how many were right."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: float
    high: float = Field(description="Exclusive, except 1.0.")
    right: Rate = Field(description="Right answers out of the answers given in the bucket.")
    mean_confidence: float | None


class NewsFailure(BaseModel):
    """A question or turn of the noticias set that the system got wrong."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: FailureKind
    article: str
    id: str
    question: str
    question_kind: str | None
    expected: str | None
    paragraph: int | None
    got: str | None = Field(description="Id of the first passage cited, if any.")
    got_paragraph: int | None
    confidence: float
    reason: str | None = Field(
        default=None, description="Why the answer was refused (a false refusal), or None."
    )


class NewsReport(BaseModel):
    """The noticias evaluation of one system: ``qa-bot eval --json`` on a noticias folder."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    format: Literal["noticias"] = "noticias"
    semantic: str | None = Field(
        default=None,
        description="The semantic reader that re-ranked the candidates (the `semantic` extra), "
        "or None: words alone.",
    )
    articles: int
    questions: int
    answerable: int
    unanswerable: int
    scores: NewsScores
    by_kind: dict[str, NewsScores] = Field(description="Answerable kinds first, in README order.")
    per_article: list[NewsArticleScores]
    dialogues: DialogueScores | None
    reliability: list[ConfidenceBucket] = Field(
        description="The articles' questions answered, by confidence (0.5-0.6, ..., 0.9-1.0)."
    )
    failures: list[NewsFailure]
