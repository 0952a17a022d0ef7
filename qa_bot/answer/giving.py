"""Show first a sentence that gives the kind of datum asked, when the best passage's does not.

Readers name a datum by what it is («¿Qué distancia…?», «¿Cada cuánto pasa…?») in words the
answer's sentence seldom shares, so BM25 may rank first a passage that speaks of the question's
words but does not give the datum. ``giving_first`` looks in the top article's leading passages
for the best sentence that gives it beside a word of the question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from qa_bot.answer.candidates import Scored, term_weights
from qa_bot.answer.evidence import sentence_evidence
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.question import ParsedQuestion

# Passages of the top article looked at for a sentence that gives the datum.
GIVING_CANDIDATES = 5


def giving_first(
    index: SearchIndex,
    question: ParsedQuestion,
    scored: list[Scored],
    gives: Callable[[str], bool],
) -> list[Scored]:
    """``scored`` with, first, the best sentence of its first GIVING_CANDIDATES passages of the
    top article whose text ``gives`` the datum beside a word of the question (in the top passage,
    when it holds a word of the question, any sentence); unchanged when the top sentence gives it
    or no such sentence is there."""
    if not scored:
        return scored
    top = scored[0]
    about = bool(top.best.matched)  # the top passage speaks of the question's words
    if about and gives(top.sentence.text):
        return scored
    lo, hi = index.article_range(top.index)
    weights = term_weights(index, question)
    for candidate in [s for s in scored if lo <= s.index < hi][:GIVING_CANDIDATES]:
        sentences = index.sentences(candidate.index)
        giving = [
            (e, s)
            for e, s in zip(sentence_evidence(sentences, question, weights), sentences, strict=True)
            if (e.matched or (candidate is top and about)) and gives(s.text)
        ]
        if giving:
            best, sentence = max(giving, key=lambda pair: pair[0].score)
            first = replace(candidate, best=best, sentence=sentence, score=top.score)
            return [first, *(s for s in scored if s is not candidate)]
    return scored
