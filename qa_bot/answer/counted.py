"""What a question counts: «¿Cuántos X…?» and «¿Qué número de X…?», and the figures that count
nothing of it (a share, a clock time). ``kinds.kind_spans`` keeps a number only when it may count
what is asked."""

from __future__ import annotations

from qa_bot.answer.roles import COPULA
from qa_bot.text.analysis import prefix, stem
from qa_bot.text.lazy import Lazy
from qa_bot.text.question import QUESTION_WORDS, ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence

Span = tuple[int, int]


def counted_noun(question: ParsedQuestion) -> str | None:
    """The stem of what «¿Cuántos X…?» or «¿Qué X…?» counts, when it is a question term."""
    words = list(question.tokens)
    for i, word in enumerate(words[:-1]):
        # «¿Cuánto mide…?» asks with a verb: only «cuántos X», «qué X» and «cuánta gente» name
        # what is counted («¿Cuánta agua…?» measures).
        if word.folded in ("cuantos", "cuantas", "que", "cual") or (
            word.folded == "cuanta" and words[i + 1].folded == "gente"
        ):
            nxt = words[i + 1]
            return next((t.stem for t in question.terms if t.folded == nxt.folded), None)
        if word.folded in QUESTION_WORDS:
            # The question word asks; a later «que» is a relative pronoun: «¿De cuánto fue la
            # subvención que recibió…?» counts nothing.
            return None
    return None


def asks_how_many(question: ParsedQuestion) -> bool:
    """Whether ``question`` asks «¿Cuántos / cuántas…?»."""
    return any(w in ("cuantos", "cuantas") for w in question.words)


_HOUR_RE = Lazy(r"\d{1,2}[.:]\d{2}")
_SHARE_AFTER_RE = Lazy(r"\s*(?:%|por\s+ciento)")


def share_or_hour(sentence: AnalyzedSentence, span: Span, counted: str) -> bool:
    """Whether ``span`` is a percentage or a clock time that does not name the thing counted
    right after it: «el 80% del territorio», «entre las 18.10 y las 18.30» count no «¿Cuántos
    mosquitos…?»; «un 12% de clientela» counts clients."""
    text = sentence.text
    figure = text[span[0] : span[1]].strip()
    share = figure.endswith(("%", "por ciento")) or _SHARE_AFTER_RE.re.match(text, span[1])
    if not (share or _HOUR_RE.re.fullmatch(figure)):
        return False
    after = [(term, t) for term, t in sentence.spans if t.start >= span[1]][:3]
    return not any(term == counted or prefix(t.folded) == prefix(counted) for term, t in after)


_COPULA_AND_ARTICLES = COPULA | {"el", "la", "los", "las"}


def measured(question: ParsedQuestion) -> tuple[str, set[str]] | None:
    """For «¿Qué capacidad/cantidad/número… ?», the asked noun's stem and the stems of the words
    right after it (past «de»: «¿Qué número de votos…?» counts votes); None otherwise."""
    words = list(question.tokens)
    for i, word in enumerate(words[:-1]):
        # «qué» asks when accented or first; «De los equipos para los que jugó…» is a relative.
        if word.folded in ("que", "cual") and (word.lower in ("qué", "cuál") or i == 0):
            # past a copula and an article: «¿Cuál fue el número de víctimas…?»
            j = i + 1
            while j < len(words) - 1 and words[j].folded in _COPULA_AND_ARTICLES:
                j += 1
            asked = stem(words[j].lower)
            of = words[j + 1 : j + 3]  # «número de votos»
            after = {stem(of[1].lower)} if len(of) == 2 and of[0].folded in ("de", "del") else set()
            return asked, after
        if word.folded in QUESTION_WORDS:
            return None
    return None
