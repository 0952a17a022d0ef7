"""A follow-up about the one the previous answer named: «¿Quién quedó finalista?» → «Julieta
Arredondo» → «¿Y cuántos años tiene?» asks her age; «¿Y a qué se dedica?», «¿Y de qué partido
es?», «¿Y qué dijo?» ask about her too. ``respond.answer`` reads such a question as if it named
her («¿Y cuántos años tiene Julieta Arredondo?»): her name finds the passage and decides whether
it answers.
"""

from __future__ import annotations

from qa_bot.answer.asked import DATUM_STEMS
from qa_bot.answer.named import asked_body
from qa_bot.answer.speaker import asks_words
from qa_bot.text.question import ParsedQuestion

# The verbs a question about someone ends with when it does not name them (folded).
_ENDS = frozenset("es era fue tiene tenia tenian cumple dedica dedicaba dedico".split())


def about_subject(question: ParsedQuestion) -> bool:
    """Whether ``question`` asks something of someone it does not name, and nothing else: an age
    («y cuantos años tiene»), what they do («¿Y a qué se dedica?»), the body they belong to
    («¿Y de qué partido es?»), what they said («¿Y qué dijo?»). Not «¿Qué edad tiene su hijo?» nor
    «¿Y la ganadora, cuántos años tiene?», which name whom they ask about."""
    words = question.words
    if any(t.name for t in question.terms) or not words:
        return False
    if asks_words(question) and len(question.terms) == 1:
        return True  # «¿Y qué dijo?», «y que opina»: nothing but the verb of saying
    if words[-1] not in _ENDS:
        return False
    body = asked_body(question)
    # «¿Y la ganadora, cuántos años tiene?» names whom it asks about: a word of its own
    own = [t for t in question.terms if t.stem not in DATUM_STEMS and t.folded != body]
    if any(not t.folded.startswith("dedic") for t in own):
        return False
    return question.age or words[-1].startswith("dedic") or body is not None
