"""Names a question gives that its article never mentions: «¿Qué opina China…?» of an article
without China. A name misspelled by one letter, or given the other way as an acronym («PP» for
«Partido Popular»), is not absent. ``refusal.absent_name`` refuses on them."""

from __future__ import annotations

from qa_bot.answer.support import in_article
from qa_bot.answer.tuning import NAME_RARITY
from qa_bot.index.protocol import SearchIndex
from qa_bot.text import spans
from qa_bot.text.analysis import stem
from qa_bot.text.background import rarity
from qa_bot.text.question import ParsedQuestion, QuestionTerm
from qa_bot.text.spelling import MIN_LENGTH, one_typo_away


def absent_names(index: SearchIndex, question: ParsedQuestion, top: int) -> list[str]:
    """The names of ``question`` (capitalized words inside it) that passage ``top``'s article
    never uses, by stem or 5-letter prefix, nor as an acronym or its expansion ("PP" for
    "Partido Popular"): "¿Qué opina China…?" of an article without China."""
    lo, hi = index.article_range(top)
    names: dict[int, list[QuestionTerm]] = {}
    for term in question.terms:
        if term.name:
            names.setdefault(term.name_at, []).append(term)
    missing = []
    for words in names.values():
        absent = [
            t
            for t in words
            if not in_article(index, t, lo, hi)
            # "Celeron" for "Céloron", "Primier" for "Premier": a name misspelled is not absent.
            and not (
                len(t.folded) >= MIN_LENGTH
                and any(index.doc_freq_in(stem(c), lo, hi) for c in one_typo_away(t.folded))
            )
        ]
        # A name is missing when none of it is in the article, or a rare word of it is not:
        # "Colegio de Arquitectos" without "arquitectos"; not "Oriente Medio" with "medio".
        # Short words ("Lor" for "Lord", "WW") are too often abbreviations to decide alone.
        rare = [t for t in absent if len(t.folded) >= MIN_LENGTH and rarity(t.stem) >= NAME_RARITY]
        if (len(absent) == len(words) or rare) and not _as_acronym(index, words, lo, hi):
            missing.append(" ".join(t.word or t.lower for t in words))
    return missing


_NAME_LINKS = frozenset("de del la las los el y e".split())
# An acronym's expansion is looked for in at most this many passages of the article.
ACRONYM_SCAN = 5000


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _NAME_LINKS).upper()


def _as_acronym(index: SearchIndex, words: list[QuestionTerm], lo: int, hi: int) -> bool:
    """Whether the article gives the name the other way: «PP» for «Partido Popular» in the
    article, or «Partido Popular» for «PP»."""
    typed = [t.word or t.lower for t in words]
    if len(typed) == 1 and typed[0].isupper() and 2 <= len(typed[0]) <= 6:
        for k in range(lo, min(hi, lo + ACRONYM_SCAN)):
            text = index.passages[k].text
            for start, end in spans.names(text):
                run = text[start:end].split()
                if len(run) >= 2 and _initials(run) == typed[0]:
                    return True
        return False
    acronym = _initials(typed)
    return len(acronym) >= 2 and bool(index.doc_freq_in(stem(acronym.lower()), lo, hi))
