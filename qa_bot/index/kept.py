"""Passages made or fetched on demand, the last KEPT of them kept (``table[i] is table[i]``), and
the analyzed sentences of the last SENTENCE_CACHE passages asked for."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import overload

from qa_bot.models import Passage
from qa_bot.text.sentences import AnalyzedSentence, analyze_sentences

KEPT = 4096
SENTENCE_CACHE = 256


class KeptSentences:
    """The analyzed sentences of the last SENTENCE_CACHE passages asked for."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self._passages = passages
        self._kept: OrderedDict[int, tuple[AnalyzedSentence, ...]] = OrderedDict()

    def __call__(self, i: int) -> tuple[AnalyzedSentence, ...]:
        """The sentences of passage ``i``, analyzed once while they stay kept."""
        kept = self._kept.get(i)
        if kept is None:
            kept = self._kept[i] = analyze_sentences(self._passages[i].text)
            if len(self._kept) > SENTENCE_CACHE:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(i)
        return kept


class KeptPassages(Sequence[Passage]):
    """A sequence of passages that ``_make(i)`` builds when asked for; the last ``KEPT`` asked
    for by index are kept. Subclasses give ``__len__`` and ``_make``."""

    def __init__(self) -> None:
        self._kept: OrderedDict[int, Passage] = OrderedDict()

    def __len__(self) -> int:
        raise NotImplementedError

    def _make(self, i: int) -> Passage:
        raise NotImplementedError

    def _make_many(self, indices: list[int]) -> list[Passage]:
        """Passages ``indices``, made together (a subclass that fetches them from elsewhere
        fetches them in one go); by default one by one."""
        return [self._make(i) for i in indices]

    def prefetch(self, indices: Iterable[int]) -> None:
        """Keep passages ``indices`` that are not kept yet, made together (``_make_many``): the
        reader reads a whole article at once."""
        missing = [i for i in indices if i not in self._kept]
        for i, passage in zip(missing, self._make_many(missing), strict=True):
            self.keep(i, passage)

    def keep(self, i: int, passage: Passage) -> None:
        """Keep ``passage`` as passage ``i`` (the oldest kept one goes past ``KEPT``)."""
        self._kept[i] = passage
        self._kept.move_to_end(i)
        if len(self._kept) > KEPT:
            self._kept.popitem(last=False)

    @overload
    def __getitem__(self, i: int) -> Passage: ...
    @overload
    def __getitem__(self, i: slice) -> list[Passage]: ...
    def __getitem__(self, i: int | slice) -> Passage | list[Passage]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        kept = self._kept.get(i)
        if kept is None:
            kept = self._make(i)
            self.keep(i, kept)
        else:
            self._kept.move_to_end(i)
        return kept
