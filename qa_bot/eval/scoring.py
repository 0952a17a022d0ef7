"""What counts as right in the evaluation: answer matching, the rank of the right passage, tallies.

Answers are compared folded (case and accents) with whitespace collapsed, on both sides; see
``qa_bot.eval.run`` for the protocol that uses them.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass

from qa_bot.eval.data import GoldQuestion
from qa_bot.eval.report import Rate
from qa_bot.models import Answer
from qa_bot.text.analysis import fold


def normalize_answer(text: str) -> str:
    """Case- and accent-insensitive form for answer matching: folded, whitespace collapsed."""
    return " ".join(fold(text).split())


_ARTICLES_RE = re.compile(r"\b(?:el|la|los|las|un|una|unos|unas)\b")
_PUNCTUATION = frozenset(string.punctuation) | frozenset("¿¡«»“”‘’—–…")


def squad_normalize(text: str) -> str:
    """The official SQuAD v1.1 normalization adapted to Spanish: lowercase, punctuation
    removed, the articles el/la/los/las/un/una/unos/unas removed, whitespace collapsed."""
    text = "".join(c for c in text.lower() if c not in _PUNCTUATION)
    return " ".join(_ARTICLES_RE.sub(" ", text).split())


def squad_scores(prediction: str | None, golds: tuple[str, ...] | list[str]) -> tuple[float, float]:
    """(exact match, F1) of ``prediction`` against the best gold answer, as the official SQuAD
    script computes them; a missing prediction scores 0 on both."""
    if prediction is None or not golds:
        return 0.0, 0.0
    predicted = squad_normalize(prediction)
    exact, best_f1 = 0.0, 0.0
    for gold in golds:
        wanted = squad_normalize(gold)
        exact = max(exact, float(predicted == wanted))
        common = Counter(predicted.split()) & Counter(wanted.split())
        same = sum(common.values())
        if same:
            precision = same / len(predicted.split())
            recall = same / len(wanted.split())
            best_f1 = max(best_f1, 2 * precision * recall / (precision + recall))
    return exact, best_f1


def phrase_holds(answer: Answer, expect: str) -> bool:
    """«Frase exacta»: the top hit's answer phrase holds ``expect`` (normalized) and is at most
    three times as long."""
    if not answer.supported or not answer.passages or answer.passages[0].answer is None:
        return False
    phrase = normalize_answer(answer.passages[0].answer)
    wanted = normalize_answer(expect)
    return wanted in phrase and len(phrase) <= 3 * len(wanted)


def answer_phrase(answer: Answer) -> str | None:
    """The answer phrase a reader is shown, or None (refused, or no phrase)."""
    if not answer.supported or not answer.passages:
        return None
    return answer.passages[0].answer


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
    phrases: int = 0
    exact: float = 0.0
    f1: float = 0.0

    def add(
        self, answer: Answer, rank: int, sentence: bool = False, golds: tuple[str, ...] = ()
    ) -> None:
        """Count one answer; ``sentence``: its top sentence holds the answer (counts at rank 1);
        ``golds``: the gold answers its answer phrase is scored against (SQuAD EM and F1)."""
        phrase = answer_phrase(answer)
        if golds:
            exact, f1 = squad_scores(phrase, golds)
            self.phrases += phrase is not None
            self.exact += exact
            self.f1 += f1
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
