"""A candidate answer as the refusal checks see it (``refusal.py``, ``datum_refusals.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from qa_bot.index.protocol import SearchIndex
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence


@dataclass(frozen=True, slots=True)
class Case:
    """A candidate answer to judge: ``question``, passage ``top`` of ``index``, its sentence
    ``shown`` and the answer's ``support``."""

    index: SearchIndex
    question: ParsedQuestion
    top: int
    shown: AnalyzedSentence
    support: float
    # A follow-up («¿Y desde cuándo…?») has few words of its own: weak support is the norm, and
    # a datum of the kind asked is no sign that the passage answers it.
    follow_up: bool = False
    # How close the top passage is to the question in meaning (cosine, ``index/meaning.py``),
    # when the semantic reader is in use; else None.
    closeness: float | None = None

    def passage_holds(self, stems: tuple[str, ...]) -> bool:
        """Whether the top passage holds a word of one of ``stems``."""
        held = {stem for sentence in self.index.sentences(self.top) for stem, _ in sentence.spans}
        return any(s in held for s in stems)
