"""Question -> best-supported passage, its supporting sentence, a confidence, or a refusal."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from qa_bot.answer.ages import age_of_someone_named_before
from qa_bot.answer.asked import Want, one_kind_asked, wanted
from qa_bot.answer.candidates import (
    Scored,
    normalized,
    scored_passage,
    term_boosts,
    term_weights,
    unique_candidates,
)
from qa_bot.answer.case import Case
from qa_bot.answer.count_asked import counts_another, gives_count_of_asked
from qa_bot.answer.counted import counted_noun
from qa_bot.answer.datum_phrase import with_datum_phrase
from qa_bot.answer.evidence import SentenceEvidence, sentence_evidence
from qa_bot.answer.followup import Context, judged, prefer_previous
from qa_bot.answer.frequency import frequency_first
from qa_bot.answer.kinds import gives
from qa_bot.answer.matching import with_synonyms
from qa_bot.answer.measures import measure_first
from qa_bot.answer.office import holder_first
from qa_bot.answer.phrase import with_phrase
from qa_bot.answer.population import population_first
from qa_bot.answer.reading import by_meaning, closeness
from qa_bot.answer.referring import goes_on, opens_with_each
from qa_bot.answer.refusal import NO_MATCH, NO_TERMS, refusal
from qa_bot.answer.roles import asks_person_name
from qa_bot.answer.subject import about_subject
from qa_bot.answer.support import (
    confidence,
    lowest_confidence,
    refused_confidence,
    support,
)
from qa_bot.answer.tuning import (
    GIVES_ASKED_RATIO,
    GIVES_BONUS,
    GIVES_WANTS,
    PREFIX_WEIGHT,
    SENTENCE_WEIGHT,
    SYNONYM_BOOST,
)
from qa_bot.answer.whose_age import age_sentence, of_another
from qa_bot.index.protocol import SearchIndex
from qa_bot.models import Answer, Hit, Passage
from qa_bot.text.analysis import term_spans
from qa_bot.text.question import ParsedQuestion, parse_question
from qa_bot.text.sanitize import sanitize
from qa_bot.text.sentences import AnalyzedSentence


def rank(index: SearchIndex, question: ParsedQuestion) -> list[Scored]:
    """Candidates from BM25 on stems and on prefixes, re-ranked with their best sentence."""
    boosts = term_boosts(question)
    for synonym, term in question.synonym_of.items():
        boosts.setdefault(synonym, SYNONYM_BOOST * boosts[term])
    ranked = unique_candidates(index, list(boosts), boosts)
    if not ranked:
        return []
    ids = [i for i, _ in ranked]
    stem_scores = normalized(np.array([score for _, score in ranked]))
    prefix_scores = normalized(index.prefixes.scores(question.prefixes, ids))
    weights = term_weights(index, question)
    lexical = (stem_scores + PREFIX_WEIGHT * prefix_scores) / (1 + PREFIX_WEIGHT)
    scored = [
        scored_passage(index, question, weights, i, bm25, float(lexical[j]))
        for j, (i, bm25) in enumerate(ranked)
    ]
    scored.sort(key=lambda s: -s.score)
    scored = by_meaning(index, question, scored)
    asked = one_kind_asked(question)
    # A name only when an office asks for its holder («¿Quién es la concejala de Vivienda?»):
    # any capitalized word gives «¿Quién…?» one.
    person = asked is Want.NAME and asks_person_name(question)
    if asked is not None and (asked.value in GIVES_WANTS or person):
        scored = _typed(index, question, asked, scored)
    if question.age and scored:
        scored = _whose_age(index, question, scored)
    scored = measure_first(index, question, population_first(index, question, scored))
    scored = frequency_first(index, question, scored)
    return holder_first(index, question, scored)


def _whose_age(index: SearchIndex, question: ParsedQuestion, scored: list[Scored]) -> list[Scored]:
    """``scored`` with, first, the sentence of the top article that gives the age of the one
    «¿Qué edad tiene X?» asks about (``whose_age.age_sentence``: «Quiroga, la nueva intendenta»
    and «Quiroga, de 41 años»); failing that, when the best sentence gives only someone else's
    age («Silvia Olmedo, administrativa de 39 años» for «¿Qué edad tienen los hijos de Silvia
    Olmedo?»), the next sentence of its passage that gives an age of no one else («Madre de dos
    niños de 4 y 7 años»)."""
    lo, hi = index.article_range(scored[0].index)
    article = [s for s in scored if lo <= s.index < hi]
    passages = [index.sentences(s.index) for s in article]
    found = age_sentence(question, passages)
    if found is None:
        starts = [s.start for s in passages[0]]
        if scored[0].sentence.start not in starts:
            return scored
        top = starts.index(scored[0].sentence.start)
        if not of_another(question, passages, (0, top)):
            return scored
        found = next(
            (
                (0, k)
                for k, s in enumerate(passages[0])
                if k != top
                and gives(question, Want.AGE, s)
                and not of_another(question, passages, (0, k))
            ),
            None,
        )
        if found is None:
            return scored
    chosen = article[found[0]]
    sentences = passages[found[0]]
    weights = term_weights(index, question)
    best = sentence_evidence(sentences, question, weights)[found[1]]
    first = replace(chosen, best=best, sentence=sentences[found[1]], score=scored[0].score)
    return [first, *(s for s in scored if s is not chosen)]


def _typed(
    index: SearchIndex, question: ParsedQuestion, want: Want, scored: list[Scored]
) -> list[Scored]:
    """``scored`` (best first) re-ranked for a question that asks a kind of datum (a number, a
    date, an age…): a sentence nearly as good that gives it is shown instead of the best one,
    which does not (the refusal checks would refuse the latter), and a passage whose sentence
    gives it gains GIVES_BONUS. Showing another sentence only lowers a score, so the passages
    that could not reach the best one even with the bonus are left as they are (the costly
    span finders run on a few candidates, not on all of them)."""
    out: list[Scored] = []
    leader = float("-inf")
    counted = want is Want.NUMBER and counted_noun(question) is not None
    weights = term_weights(index, question)
    for k, candidate in enumerate(scored):
        if candidate.score + GIVES_BONUS < leader:
            out.extend(scored[k:])
            break
        best, sentence = candidate.best, candidate.sentence
        given = gives(question, want, sentence)
        if not given or (counted and not gives_count_of_asked(question, sentence)):
            sentences = index.sentences(candidate.index)
            giving = [
                (e, s)
                for e, s in zip(
                    sentence_evidence(sentences, question, weights), sentences, strict=True
                )
                # a word of the question, not only the number's type bonus; for an age, also
                # a sentence that goes on about the one before («La dirigenta, de 63 años, …»)
                if (
                    e.matched
                    or (want is Want.AGE and _goes_on_about(e, s))
                    or _each_of(e, s)
                    or (want is not Want.NUMBER and e.coverage > 0 and goes_on(s))
                )
                and gives(question, want, s)
                # «¿Cuántos campesinos…?»: «unos 1.200 campesinos», not «11 puntos»
                and (not (counted and given) or gives_count_of_asked(question, s))
            ]
            if giving:
                alternative = max(giving, key=lambda pair: pair[0].score)
                if alternative[0].score >= GIVES_ASKED_RATIO * best.score:
                    best, sentence = alternative
                    given = True
        score = (
            candidate.score
            - SENTENCE_WEIGHT * (candidate.best.score - best.score)
            + (GIVES_BONUS if given else 0.0)
        )
        out.append(replace(candidate, best=best, sentence=sentence, score=score))
        leader = max(leader, score)
    out.sort(key=lambda s: -s.score)
    return out


def _each_of(evidence: SentenceEvidence, sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` opens «Cada uno / una» of what the one before it spoke of and so
    inherits its words («… que lleve pacas de heno a la zona. Cada una le cuesta 6.500 colones»)."""
    return evidence.coverage > 0 and opens_with_each(sentence)


def _goes_on_about(evidence: SentenceEvidence, sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` inherits the question's words from the sentence before it and gives
    the age of the one it spoke of (``ages.age_of_someone_named_before``)."""
    return evidence.coverage > 0 and age_of_someone_named_before(sentence)


def matched_words(passage: Passage, stems: set[str]) -> list[str]:
    """The distinct words of ``passage`` whose term is one of ``stems``, in order."""
    seen: list[str] = []
    for term, token in term_spans(passage.text):
        if term in stems and token.text not in seen:
            seen.append(token.text)
    return seen


def _hit(passage: Passage, scored: Scored, stems: set[str]) -> Hit:
    best = scored.best
    return Hit.of(
        passage,
        score=round(scored.score, 4),
        sentence=(best.start, best.end),
        matched_terms=matched_words(passage, stems),
    )


# The kinds of datum an answer shows as a phrase of the sentence (not a reason, not an object).
_SHOWN_WANTS = frozenset(w.value for w in Want) - {Want.REASON.value, Want.OBJECT.value}


def _phrase_trust(question: ParsedQuestion, sentence: AnalyzedSentence, hit: Hit) -> float:
    """The most confidence an answer's phrase allows: that of the least supported answers when
    the count it gives names another thing than the one asked («24.000 vecinos» for «¿Cuántos
    trenes…?»: on the news sets such answers were right 12 times in 21, against 35 in 42 when
    the count names the thing asked), or when a kind of datum is asked and no phrase of that kind
    is shown (right about one time in five); else 1."""
    if hit.answer_start is None or hit.answer_end is None:
        want = wanted(question)
        return lowest_confidence() if want is not None and want.value in _SHOWN_WANTS else 1.0
    offset = sentence.start
    span = (hit.answer_start - offset, hit.answer_end - offset)
    return lowest_confidence() if counts_another(question, sentence, span) else 1.0


def _refused(question: str, reason: str) -> Answer:
    """A refusal before any passage is looked at."""
    return Answer.model_construct(
        question=question, supported=False, confidence=0.0, passages=[], reason=reason
    )


def answer(
    index: SearchIndex, question: str, top_k: int = 1, context: Context | None = None
) -> Answer:
    """Answer ``question`` from ``index``: the best passages, or a refusal. A follow-up's
    ``context`` (``answer/followup.py``) adds the conversation's words at a lower weight."""
    # Escape sequences must not become search terms ("\x1b[31m" -> "31m"); the Answer keeps the
    # question as it was asked.
    clean = sanitize(question, keep_newlines=False)
    parsed = parse_question(clean, resolve=index.resolve)
    named = context is not None and context.subject is not None and about_subject(parsed)
    if named and context is not None:
        # «¿Y cuántos años tiene?» after «Julieta Arredondo»: asked as if it named her, wherever
        # the article gives it (not only in the previous answer's passage).
        parsed = parse_question(f"{clean} {context.subject}", resolve=index.resolve)
    if not parsed.stems and context is None:
        return _refused(question, NO_TERMS)
    # Follow-up hook: the context's words help find the passage; the question's own words, when
    # it has any, decide whether the passage answers it.
    own = with_synonyms(index, parsed)
    if context is not None:
        parsed = with_synonyms(index, context.extend(parsed, index.resolve))
    else:
        parsed = own
    judge = judged(context, own, parsed)
    scored = prefer_previous(
        None if named else context,
        rank(index, parsed),
        lambda s: index.passages[s.index].id,
        lambda s: s.score,
        lambda s: len(s.best.matched & set(own.stems)),
    )
    if not parsed.stems:
        return _refused(question, NO_TERMS)
    if not scored:
        return _refused(question, NO_MATCH)
    stems = set(parsed.stems) | set(parsed.synonym_of)
    hits = [_hit(index.passages[s.index], s, stems) for s in scored[:top_k]]
    top = scored[0]
    value = support(index, judge, top.index, top.sentence)
    reason = refusal(
        Case(
            index,
            judge,
            top.index,
            top.sentence,
            value,
            context is not None,
            closeness(index, judge, top.index, value, context is not None),
        )
    )
    trust = confidence(value, given=True) if reason is None else refused_confidence(value)
    if reason is None:
        hits[0] = with_datum_phrase(with_phrase(hits[0], judge, top.sentence), judge, top.sentence)
        trust = min(trust, _phrase_trust(judge, top.sentence, hits[0]))
    return Answer.model_construct(
        question=question,
        supported=reason is None,
        confidence=trust,
        passages=hits,
        reason=reason,
    )
