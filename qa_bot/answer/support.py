"""Is the question answered at all? Support and confidence from background-weighted coverage.

BM25 always ranks *something* first, so the score alone cannot say "the article does not say".
What does say it: how much of the question the article covers, with each question term weighted
by its rarity in Spanish at large (``background.rarity``). "¿Qué opina China sobre el acuerdo?"
shares "acuerdo" with the article, but "opina" and "China", the informative words, are absent.

    sentence_cover = rarity-weighted share of question terms in the sentence shown as support
    passage_cover  = the same share in the whole top passage
    article_cover  = the same share anywhere in the top passage's article
    support        = (sentence_cover + PASSAGE_WEIGHT * passage_cover + article_cover)
                     / (2 + PASSAGE_WEIGHT)

The sentence counts because the answer is shown in it: a passage that gathers the question's words
from several sentences (a question asked of the wrong article, or of a paragraph that was cut)
covers more of the question than any one of its sentences does.

A term is found by its stem; failing that, a word with the same 5-letter prefix ("división" for
"divisional", "reconstruido" for "reconstrucción") finds it for PREFIX_CREDIT of its weight: the
word family is there, but a shared prefix is weaker evidence than a shared stem ("presidente" and
"presión" share one). A lowercase word of the question found in the top passage only inside a
name of several capitalized words («río» in «Universidad de Río Cuarto») does not count there,
unless the question has another word of that name. An answer is supported when
``support >= SUPPORT_THRESHOLD``. The weights
and the threshold were set on the dev data (see README, "Evaluación"): about 1% of answerable
questions are refused, and ~97% of the questions asked of the wrong article.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import numpy as np

from qa_bot.answer.asked import DATUM_STEMS
from qa_bot.answer.holders import offices_held
from qa_bot.answer.matching import Match, match
from qa_bot.answer.people_counts import people_asked, people_counted
from qa_bot.answer.roles import PERSON_ROLES
from qa_bot.answer.speaker import asks_words
from qa_bot.answer.tuning import (
    CALIBRATION,
    PASSAGE_WEIGHT,
    PREFIX_CREDIT,
    REFUSED_CONFIDENCE,
    SUPPORT_THRESHOLD,
    SYNONYM_CREDIT,
    UNHELD_RARITY,
)
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.analysis import prefix, stem
from qa_bot.text.background import rarity
from qa_bot.text.question import TIME_UNITS, ParsedQuestion, QuestionTerm
from qa_bot.text.sentences import AnalyzedSentence

# A synonym is support only where it completes a question the article otherwise holds (see
# ``support``); credited always, "¿Qué opinan los pingüinos del acuerdo?" was answered ("creen"
# for "opinan", beside "acuerdo"), and XQuAD questions asked of another article were refused less
# (0.954, not 0.977).
CREDIT = {
    Match.STEM: 1.0,
    Match.SYNONYM: SYNONYM_CREDIT,
    Match.PREFIX: PREFIX_CREDIT,
    Match.NONE: 0.0,
}


def _found(term: QuestionTerm, stems: set[str], prefixes: set[str], synonyms: bool) -> float:
    """The credit of ``term`` among words with these ``stems`` and ``prefixes``."""
    found = match(term, stems, prefixes)
    if found is Match.SYNONYM and not synonyms:
        found = match(replace(term, synonyms=()), stems, prefixes)
    return CREDIT[found]


def in_article(index: SearchIndex, term: QuestionTerm, lo: int, hi: int) -> float:
    """The credit of ``term`` in passages ``lo .. hi - 1`` (an article): 1 by stem, PREFIX_CREDIT
    by its 5-letter prefix, else 0. Not by a synonym: some synonym of a missing word is found in
    almost any article (XQuAD questions asked of another article: 0.954 refused instead of 0.977)."""
    if index.doc_freq_in(term.stem, lo, hi):
        return 1.0
    return PREFIX_CREDIT if index.prefix_freq_in(prefix(term.folded), lo, hi) else 0.0


def _words(sentences: tuple[AnalyzedSentence, ...]) -> tuple[set[str], set[str]]:
    """The stems and the 5-letter prefixes of the words of ``sentences``."""
    spans = [span for sentence in sentences for span in sentence.spans]
    return {term for term, _ in spans}, {prefix(tok.folded) for _, tok in spans}


def support(
    index: SearchIndex, question: ParsedQuestion, top: int, shown: AnalyzedSentence
) -> float:
    """Support in [0, 1] for answering ``question`` with sentence ``shown`` of passage ``top``."""
    terms = {t.stem: t for t in reversed(question.terms)}  # one per stem, the first spelling
    weights = {stem: rarity(stem) for stem in terms}
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    sentence_words = _words((shown,))
    passage_words = _words(index.sentences(top))
    lo, hi = index.article_range(top)  # with several articles, the top passage's article
    in_article_ = {t: in_article(index, term, lo, hi) for t, term in terms.items()}
    people, counted_in = _people_counted(question, index.sentences(top), shown)
    # «Montaner» for «el exalcalde» the article named him by
    held_in = (
        offices_held(index, question, (shown,), lo, hi),
        offices_held(index, question, index.sentences(top), lo, hi),
    )
    if people is not None and counted_in[1]:
        in_article_[people] = 1.0
    # A synonym completes a question the article otherwise holds: when a word of the question is
    # nowhere in the article (nor any synonym of it), the question may be about something else
    # ("¿Qué opinan los pingüinos del acuerdo?" must not pass on "creen" for "opinan").
    # One word common in Spanish may be missing (UNHELD_RARITY: «irse», «tan»), but not one who is
    # asked about («vecinos», «ministro»: another subject) nor a name or a number. And there must
    # be something to complete: a question found only through a synonym («¿Y qué matrícula
    # tenía?» through «dirige», a synonym of «matricular») is not held, unless its words only
    # name the datum asked («¿Qué edad tiene?» and «52 años»).
    unheld = [
        t
        for t, term in terms.items()
        if not (in_article_[t] or any(index.doc_freq_in(s, lo, hi) for s in term.synonyms))
    ]
    # held by a word that says what the question is about: not only by «año», «cuánto cuesta»,
    # nor «el año pasado», which frame any question («¿Quién ganó la liga el año pasado?»)
    frame = DATUM_STEMS | _time_frame(question)
    held = any(v for t, v in in_article_.items() if t not in frame) or all(
        t in DATUM_STEMS for t in terms
    )
    synonyms = held and (not unheld or (len(unheld) == 1 and _phrasing(terms[unheld[0]], question)))
    asked = set(question.words)
    in_sentence = in_passage = in_corpus = 0.0
    for term in terms.values():
        weight = weights[term.stem]
        in_corpus += weight * in_article_[term.stem]
        if _only_in_names(term, index.sentences(top), asked):
            continue  # «río» of «¿Cuál es el río más largo…?» in «Universidad de Río Cuarto»
        counted = counted_in if term.stem == people else (False, False)
        in_sentence += weight * max(
            _found(term, *sentence_words, synonyms),
            counted[0],
            SYNONYM_CREDIT * (term.stem in held_in[0]),
        )
        in_passage += weight * max(
            _found(term, *passage_words, synonyms),
            counted[1],
            SYNONYM_CREDIT * (term.stem in held_in[1]),
        )
    covered = in_sentence + PASSAGE_WEIGHT * in_passage + in_corpus
    return covered / ((2 + PASSAGE_WEIGHT) * total)


# «el año pasado», «la semana que viene», «el mes próximo»: when, not what, a question asks.
_TIME_ADJECTIVES = frozenset("pasado pasada proximo proxima siguiente anterior".split())


def _time_frame(question: ParsedQuestion) -> frozenset[str]:
    """The stems of the words that place a question in time beside a time noun («pasado» of «el
    año pasado»)."""
    words = question.words
    return frozenset(
        stem(b) for a, b in pairwise(words) if a in TIME_UNITS and b in _TIME_ADJECTIVES
    )


def _people_counted(
    question: ParsedQuestion, passage: tuple[AnalyzedSentence, ...], shown: AnalyzedSentence
) -> tuple[str | None, tuple[bool, bool]]:
    """For «¿Cuánta gente…?», «¿Cuántas personas…?»: the stem asked and whether the sentence
    shown and its passage count people («1.400 vecinos»), which says the «gente» asked
    (``people_counts.people_counted``); else (None, (False, False))."""
    asked = people_asked(question)
    if asked is None:
        return None, (False, False)
    people, nouns = asked
    return people, (
        bool(people_counted(shown, nouns)),
        any(people_counted(s, nouns) for s in passage),
    )


def _phrasing(term: QuestionTerm, question: ParsedQuestion) -> bool:
    """Whether ``term``, missing from the article, may be the reader's own phrasing: a word this
    common in Spanish (UNHELD_RARITY), not a name, a number, someone («vecinos», «ministro»), nor
    in a question that asks someone's words («¿que opina china del acuerdo?»)."""
    return (
        rarity(term.stem) < UNHELD_RARITY
        and not term.name
        and not term.stem[:1].isdigit()
        and term.stem not in PERSON_ROLES
        and not asks_words(question)
    )


def _only_in_names(
    term: QuestionTerm, sentences: tuple[AnalyzedSentence, ...], asked: set[str]
) -> bool:
    """Whether a lowercase word of the question is in these sentences only as part of a name of
    several capitalized words whose other words the question lacks: «río» in «Río Cuarto» for
    «¿Cuál es el río más largo del mundo?». Not when the question names it («la guardia civil»
    for «Guardia Civil») or the word is also used on its own («el río»)."""
    if term.name:
        return False
    stems = {term.stem, *term.synonyms}  # «universo» for «mundo» is no «Universidad» either
    found = False
    for sentence in sentences:
        words = sentence.words
        for k, t in enumerate(words):
            if t.folded != term.folded and stem(t.lower) not in stems:
                continue
            name = [
                w
                for w in (words[k - 1] if k else None, words[k + 1] if k + 1 < len(words) else None)
                if w is not None and w.text[:1].isupper()
            ]
            if not t.text[:1].isupper() or not name:
                return False
            if any(w.folded in asked for w in name):
                return False
            found = True
    return found


def refused_confidence(support_value: float) -> float:
    """The confidence of an answer refused by a check other than the support threshold: below
    0.5 like every refusal, and lower the less support it had."""
    return round(REFUSED_CONFIDENCE * confidence(support_value), 3)


def confidence(support_value: float, given: bool = False) -> float:
    """Map support to a confidence in [0, 1] that crosses 0.5 exactly at the threshold; above
    it, how often answers of that support were right on the dev sets (``calibrated``). An answer
    ``given`` below the threshold (``refusal.weak_support``: the kind of datum asked is there)
    has the lowest confidence of a given answer: on the news sets such answers were right 4
    times in 5."""
    t = SUPPORT_THRESHOLD
    if support_value < t:
        return lowest_confidence() if given else round(0.5 * support_value / t, 3)
    return calibrated(round(0.5 + 0.5 * (support_value - t) / (1 - t), 3))


def lowest_confidence() -> float:
    """The confidence of the least supported answer given (at the threshold)."""
    return calibrated(0.5)


def calibrated(raw: float) -> float:
    """``raw`` (a supported answer's confidence, 0.5 to 1) read through CALIBRATION: linear
    between its knots; ``raw`` itself when CALIBRATION is empty."""
    if not CALIBRATION:
        return raw
    xs = [x for x, _ in CALIBRATION]
    ys = [y for _, y in CALIBRATION]
    return round(float(np.interp(raw, xs, ys)), 3)
