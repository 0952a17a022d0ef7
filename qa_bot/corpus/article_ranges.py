"""Where each article's passages lie in an index: counts inside one article of a folder.

Passages are indexed article by article, so an article is a range ``lo .. hi - 1`` of passage
positions. Questions are judged against the article of the passage they cite (``support``,
``topic``): a word found only in another file of the folder does not support an answer.
"""

from __future__ import annotations

import numpy as np


class ArticleRanges:
    """The passage range of each article, from the article number of every passage."""

    def __init__(self, owner: np.ndarray) -> None:
        change = np.flatnonzero(owner[1:] != owner[:-1]) + 1
        if len(change) + 1 != len(np.unique(owner)):
            raise ValueError("PassageIndex needs each article's passages next to each other")
        self.starts = np.concatenate(([0], change, [len(owner)])).astype(np.int64)

    def __len__(self) -> int:
        """How many articles."""
        return len(self.starts) - 1

    def of(self, i: int) -> tuple[int, int]:
        """The passages ``lo .. hi - 1`` of the article that passage ``i`` comes from."""
        k = int(np.searchsorted(self.starts, i, side="right")) - 1
        return int(self.starts[k]), int(self.starts[k + 1])
