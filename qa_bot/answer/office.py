"""The office a «¿Quién…?» question asks the holder of, and the candidate that names it:
«¿Quién es el abogado de Eduardo Montaner?» asks «abogado», «¿Quién quedó finalista…?»
«finalista». When the best candidate's sentence does not name the office, one of the next few
whose sentence names it and a person comes first: «…», declaró su abogado, Luis Arjona, rather
than the lead that names Montaner; «La finalista fue … Julieta Arredondo» rather than the winner.
"""

from __future__ import annotations

from dataclasses import replace

from qa_bot.answer.asked import Want
from qa_bot.answer.candidates import Scored, term_weights
from qa_bot.answer.evidence import sentence_evidence
from qa_bot.answer.kinds import gives
from qa_bot.answer.roles import HOLDER_OFFICES, asked_role, holder_verb
from qa_bot.answer.tuning import HOLDER_RATIO
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.analysis import PREFIX_LEN, prefix, stem
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence

# «¿Quién quedó / resultó finalista?»: the verbs of a result, whose noun is the office (folded).
_RESULT_VERBS = frozenset("quedo quedaron resulto resultaron salio".split())
# «¿Quién fue / era el investigador más influyente…?» of encyclopedic text asks more than an
# office's holder (SQuAD-es v2 top-1 1421 → 1420 with them).
_PAST = frozenset("fue fueron era eran".split())
# How many candidates after the best one may name the office instead.
_NEXT = 3


def office_asked(question: ParsedQuestion) -> str | None:
    """The office whose holder ``question`` asks (folded), or None."""
    words = question.words
    role = asked_role(question)
    if role is not None:
        return None if _PAST & set(words[:3]) else role.folded
    if len(words) > 2 and words[0] in ("quien", "quienes") and words[1] in _RESULT_VERBS:
        rest = [w for w in words[2:] if w not in ("el", "la", "los", "las")]
        return rest[0] if rest else None
    return None


def offices_asked(question: ParsedQuestion) -> tuple[str, ...]:
    """The offices whose holder ``question`` asks: ``office_asked``, or those of the verb of
    «¿Quién preside / dirige / entrena…?» (``roles.HOLDER_OFFICES``)."""
    office = office_asked(question)
    if office is not None:
        return (office,)
    verb = holder_verb(question)
    return () if verb is None else HOLDER_OFFICES.get(stem(verb.lower), ())


def names_office(sentence: AnalyzedSentence, office: str) -> bool:
    """Whether ``sentence`` names ``office``, by its stem or its prefix, in the same gender
    («abogado» is not «abogada»)."""
    term, start = stem(office), prefix(office)
    return any(
        (found == term or (len(t.folded) >= PREFIX_LEN and prefix(t.folded) == start))
        and t.folded[-1:] == office[-1:]
        for found, t in sentence.spans
    )


def holder_first(
    index: SearchIndex, question: ParsedQuestion, scored: list[Scored]
) -> list[Scored]:
    """``scored`` with, first, the candidate among the best and the next few whose passage has a
    sentence that names the office asked and gives a person, shown with that sentence, when the
    best one's sentence does not name it and that candidate scores at least HOLDER_RATIO of the
    best: «…», declaró su abogado, Luis Arjona; and within a passage, «La alarma saltó en el IES
    Punta del Tabaibal… Su directora, Yaiza Hernández, llamó…» shows the second sentence for
    «¿Quién es la directora del IES Punta del Tabaibal?»."""
    offices = offices_asked(question)
    if not offices or not scored or _names_any(scored[0].sentence, offices):
        return scored
    weights = term_weights(index, question)
    for k, candidate in enumerate(scored[: _NEXT + 1]):
        if k and candidate.score < HOLDER_RATIO * scored[0].score:
            continue
        found = _holder_sentence(index, question, offices, candidate, weights)
        if found is not None:
            return [found, *scored[:k], *scored[k + 1 :]]
    return scored


def _holder_sentence(
    index: SearchIndex,
    question: ParsedQuestion,
    offices: tuple[str, ...],
    candidate: Scored,
    weights: dict[str, float],
) -> Scored | None:
    """``candidate`` shown with the sentence of its passage that names the office and gives a
    person (its own, if it does), or None."""
    if _names_any(candidate.sentence, offices):
        return candidate if gives(question, Want.NAME, candidate.sentence) else None
    sentences = index.sentences(candidate.index)
    evidence = sentence_evidence(sentences, question, weights)
    for e, sentence in zip(evidence, sentences, strict=True):
        if (
            e.coverage > 0
            and _names_any(sentence, offices)
            and gives(question, Want.NAME, sentence)
        ):
            return replace(candidate, best=e, sentence=sentence)
    return None


def _names_any(sentence: AnalyzedSentence, offices: tuple[str, ...]) -> bool:
    return any(names_office(sentence, office) for office in offices)
