"""What counts as right in the evaluation: answer matching, the rank of the right passage, tallies.

Answers are compared folded (case and accents) with whitespace collapsed, on both sides; see
``qa_bot.eval.run`` for the protocol that uses them.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa_bot.eval.data import GoldQuestion
from qa_bot.eval.report import Rate
from qa_bot.models import Answer
from qa_bot.text.analysis import fold


def normalize_answer(text: str) -> str:
    """Case- and accent-insensitive form for answer matching: folded, whitespace collapsed."""
    return " ".join(fold(text).split())


def sentence_holds_answer(answer: Answer, gold: GoldQuestion) -> bool:
    """Whether the top hit's supporting sentence contains a gold answer (as ``right_rank`` folds).

    Only the sentence is checked: callers pair it with ``right_rank(...) == 1`` for the passage.
    """
    if not answer.supported or not answer.passages:
        return False
    sentence = normalize_answer(answer.passages[0].sentence)
    return any(normalize_answer(a) in sentence for a in gold.answers)


def right_rank(answer: Answer, gold: GoldQuestion, slug: str | None, paragraph: int | None) -> int:
    """1-based rank of the first right passage of a supported answer; 0 when there is none.

    A passage is right when it contains a gold answer and, if given, comes from article ``slug``
    and 1-based paragraph ``paragraph``.
    """
    if not answer.supported:
        return 0
    wanted = [normalize_answer(a) for a in gold.answers]
    for rank, hit in enumerate(answer.passages, start=1):
        if slug is not None and hit.article != slug:
            continue
        if paragraph is not None and hit.paragraph != paragraph:
            continue
        text = normalize_answer(hit.text)
        if any(w in text for w in wanted):
            return rank
    return 0


@dataclass(slots=True)
class Tally:
    """Counts for one setting of the evaluation."""

    asked: int = 0
    refused: int = 0
    right: int = 0
    top3: int = 0
    reciprocal: float = 0.0
    sentence: int = 0

    def add(self, answer: Answer, rank: int, sentence: bool = False) -> None:
        """Count one answer; ``sentence``: its top sentence holds the answer (counts at rank 1)."""
        self.asked += 1
        self.refused += not answer.supported
        self.right += rank == 1
        self.sentence += rank == 1 and sentence
        self.top3 += 0 < rank <= 3
        self.reciprocal += 1.0 / rank if rank else 0.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f) + getattr(other, f) for f in self.__slots__))

    def refusals(self) -> Rate | None:
        """Refused out of asked; None when nothing was asked."""
        return Rate.of(self.refused, self.asked) if self.asked else None
