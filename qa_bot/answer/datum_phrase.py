"""The answer phrase of a measure, a frequency, a population or an office asked: the figure with
its unit («18 millas», «10 por 10 por 34 centímetros»), the frequency («cada 15 minutos», «todos los
miércoles»), the inhabitants («14.000 habitantes» for «cuanta gente vive en el pueblo») or the
apposition beside a name («el ministro de Defensa ruso» for «¿Qué cargo tiene Shoigu?»), where
the general span finder (``phrase.answer_span``) sees only a number or a span of time («15
minutos»)."""

from __future__ import annotations

from qa_bot.answer.frequency import asks_frequency, frequency_span
from qa_bot.answer.measures import asked_measure
from qa_bot.answer.population import asks_population, population_span
from qa_bot.answer.role_phrase import asks_office, office_span
from qa_bot.answer.units import unit_span
from qa_bot.models import Hit
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence


def with_datum_phrase(hit: Hit, question: ParsedQuestion, sentence: AnalyzedSentence) -> Hit:
    """``hit`` with the measure or the frequency ``question`` asks as its answer phrase, when
    ``sentence`` (the one shown) gives one; unchanged otherwise."""
    kind = asked_measure(question)
    if kind is not None:
        span = unit_span(sentence.text, kind)
    elif asks_frequency(question):
        span = frequency_span(sentence.text)
    elif asks_population(question):
        span = population_span(sentence.text)
    elif asks_office(question):
        span = office_span(question, sentence)
    else:
        return hit
    if span is None:
        return hit
    start, end = sentence.start + span[0], sentence.start + span[1]
    return hit.model_copy(
        update={"answer": hit.text[start:end], "answer_start": start, "answer_end": end}
    )
