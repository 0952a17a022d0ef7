"""Is a question term found in some words? By its stem, by a synonym, or by its 5-letter prefix.

One function for every place that asks (sentence evidence, support, the topic check), each with
its own credit for the weaker kinds of match (``tuning.py``). Synonyms come from the thesaurus
(``text/synonyms.py``) and only stand in for a question term that the corpus lacks: "¿Cuántos
detenidos hubo?" may then find "capturados", while "detenidos" in the article is matched as it is.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace
from enum import Enum

from qa_bot.answer.tuning import MAX_SYNONYMS
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.analysis import prefix
from qa_bot.text.question import FRAME_WORDS, ParsedQuestion, QuestionTerm
from qa_bot.text.synonyms import synonyms


class Match(Enum):
    """How a question term is found in some words."""

    STEM = "stem"
    SYNONYM = "synonym"
    PREFIX = "prefix"
    NONE = "none"


def match(term: QuestionTerm, stems: Set[str], prefixes: Set[str]) -> Match:
    """How ``term`` is found among words with these ``stems`` and 5-letter ``prefixes``."""
    if term.stem in stems:
        return Match.STEM
    if any(s in stems for s in term.synonyms):
        return Match.SYNONYM
    if prefix(term.folded) in prefixes:
        return Match.PREFIX
    return Match.NONE


def with_synonyms(index: SearchIndex, question: ParsedQuestion) -> ParsedQuestion:
    """``question`` with, for each term that no passage holds, up to MAX_SYNONYMS synonyms that
    some passage does hold (the most frequent words first)."""
    terms = []
    changed = False
    for term in question.terms:
        if term.folded not in FRAME_WORDS and not index.doc_freq(term.stem):
            found = tuple(s for s in synonyms(term.stem) if index.doc_freq(s))[:MAX_SYNONYMS]
            if found:
                term = replace(term, synonyms=found)
                changed = True
        terms.append(term)
    return replace(question, terms=tuple(terms)) if changed else question
