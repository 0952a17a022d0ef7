"""How near a span of a sentence is to the question's words there, for the answer phrase
(``phrase.answer_span``): characters to the nearest of them, and the nearness a date loses when
the question's word after it is past a coordinating «y» (the date is the verb before's)."""

from __future__ import annotations

import re
from bisect import bisect_left

from qa_bot.answer.tuning import PHRASE_COORDINATED

Span = tuple[int, int]


def distance_to(span: Span, starts: list[int], ends: list[int]) -> int:
    """Characters between ``span`` and the nearest question word of the sentence, whose
    ``starts`` and ``ends`` are in order (a binary search: a sentence may hold thousands)."""
    after = bisect_left(starts, span[1])  # the words before it start before the span ends
    best = starts[after] - span[1] if after < len(starts) else 10**9
    if after:
        end = ends[after - 1]  # the latest end of those words
        best = min(best, 0 if end > span[0] else span[0] - end)
    return best


# A coordinating word between a span and the question's word after it: «construido en 1931 y
# reformado en 2009» — 1931 is the first verb's.
_COORDINATED_RE = re.compile(r"\s(?:y|e|pero|mientras)\s", re.IGNORECASE)


def before_another_verb(text: str, span: Span, starts: list[int], ends: list[int]) -> int:
    """PHRASE_COORDINATED characters of nearness taken from a date ``span`` when the question
    word nearest to it comes after it, past a coordinating «y», «pero»…: the date belongs to the
    clause before («¿Cuándo lo reformaron?» and «construido en 1931 y reformado … en 2009»). Only
    dates: «treinta y siete epidemias mayores y menores» coordinates no verbs (XQuAD: a count of
    another thing moved past «menores» answered a question asked of another article)."""
    after = bisect_left(starts, span[1])
    if after == len(starts):
        return 0
    if after and span[0] - ends[after - 1] < starts[after] - span[1]:
        return 0  # a question word nearer before it
    return PHRASE_COORDINATED if _COORDINATED_RE.search(text, span[1], starts[after]) else 0
