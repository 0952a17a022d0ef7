"""Whether a count is of the thing «¿Cuántos X…?» asks about: the count asked
(``gives_count_of_asked``: «unos 1.200 campesinos», «1.400 vecinos» for «¿Cuánta gente…?») or a
count of another thing (``counts_another``: «24.000 vecinos» for «¿Cuántos trenes…?»), over the
counts ``kinds.kind_spans`` finds."""

from __future__ import annotations

from qa_bot.answer.asked import Want, wanted
from qa_bot.answer.counted import counted_noun
from qa_bot.answer.kinds import is_question_word, kind_spans, question_words, tokens_inside
from qa_bot.answer.people_counts import people_asked
from qa_bot.answer.quantities import is_quantity
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence

Span = tuple[int, int]


def gives_count_of_asked(question: ParsedQuestion, sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` gives a count of the thing «¿Cuántos X…?» asks about, not only of
    another thing nor a bare number («unos 1.200 campesinos», not «11 puntos», for «¿Cuántos
    campesinos…?»)."""
    counted = counted_noun(question)
    text = sentence.text
    people = people_asked(question)  # «1.400 vecinos» for «¿Cuánta gente…?»
    nouns = people[1] if people is not None else frozenset()
    return any(
        (term == counted or token.folded in nouns) and _word_before(text, token.start) not in _PER
        for _, inside in kind_spans(question, sentence, Want.NUMBER)
        for term, token in inside
    )


# «150.000 euros por empresa» counts euros, each for one company.
_PER = frozenset("por cada a".split())


def _word_before(text: str, at: int) -> str:
    """The word before offset ``at`` of ``text``, lowercase, without punctuation."""
    words = text[:at].split()
    return words[-1].strip(".,;:()«»\"'").lower() if words else ""


def counts_another(question: ParsedQuestion, sentence: AnalyzedSentence, span: Span) -> bool:
    """Whether the count ``span`` of ``sentence`` names a thing other than the one «¿Cuántos
    X…?» asks about: «24.000 vecinos» for «¿Cuántos trenes…?». Readers often name the thing in
    other words («usuarios» for «pasajeros»), so such an answer is shown, but with less trust."""
    counted = counted_noun(question)
    if counted is None or wanted(question) is not Want.NUMBER:
        return False
    stems, prefixes = question_words(question)
    inside = tokens_inside(sentence, span)
    if any(is_question_word(term, t, stems, prefixes) for term, t in inside):
        return False
    return any(
        t.folded.isalpha() and not is_quantity(t.folded) and t.folded not in _BOUNDS
        for _, t in inside
    )


# The words that bound a figure («cerca del 40%», «casi el 60%»): no thing counted.
_BOUNDS = frozenset("menos mas cerca alrededor casi apenas hasta torno".split())
