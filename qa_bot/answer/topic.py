"""Topic words: a question that matches only what the whole article is about.

A word found in at least two thirds of its article's passages ("Corea" in 5 of the 7 passages of
the bundled article) says what the article is about. It matches every question on that topic, so
it is no evidence that the article answers *this* question. "¿Cuál es la población de Corea del
Norte?" matches "Corea" and "Norte" everywhere and "población" nowhere: the article talks about
North Korea but never about its population, and the rarity-weighted support (``support.py``),
which counts rare names like "Corea" heavily, would answer it with a passage about something else.

``beyond_article`` catches that case: the question has words besides its topic words, and the
article uses none of them (not by stem, not by the 5-letter prefix). Words that only frame a
question ("tipo", "nombre", "forma") and the commonest words of Spanish ("hace", "tiene")
don't count as either. Articles of fewer than
``MIN_PASSAGES`` passages have no topic words (two passages out of two say nothing). In a corpus of
several articles the shares are taken inside the article of the top passage.

Measured (README, "Evaluación"): with the "¿cuántos…?" check, it refuses 16 of the 28 questions
of ``benchmarks/mismo-tema.jsonl`` about what the bundled article never says (none before), and
31 more XQuAD questions asked without their paragraph; it costs 3 right XQuAD answers, paraphrases
whose only word in common with the article is its topic («¿Qué dijo el IPCC que estaba
equivocado?» for "el IPCC ha reconocido que la fecha es incorrecta").
"""

from __future__ import annotations

from dataclasses import dataclass

from qa_bot.answer.asked import MEASURE_STEMS
from qa_bot.answer.support import in_article
from qa_bot.answer.tuning import COMMON, MIN_PASSAGES, TOPIC_SHARE
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.analysis import stopword_stems
from qa_bot.text.background import rarity
from qa_bot.text.question import FRAME_WORDS, ParsedQuestion


@dataclass(frozen=True, slots=True)
class BeyondArticle:
    """A question whose words beyond the article's topic are all absent from the article."""

    topic: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def reason(self) -> str:
        """The refusal's reason, in Spanish, naming the words the article lacks."""
        missing = ", ".join(f"«{w}»" for w in self.missing)
        topic = ", ".join(f"«{w}»" for w in self.topic)
        return (
            f"El artículo no menciona {missing}: solo coincide con la pregunta en palabras que "
            f"usa en casi todos sus pasajes ({topic})."
        )


def _common(stem: str) -> bool:
    """Whether ``stem`` is one of the commonest of Spanish (and not merely a stopword's stem)."""
    return rarity(stem) < COMMON and stem not in stopword_stems()


def is_topic_word(doc_freq: int, passages: int) -> bool:
    """Whether a word in ``doc_freq`` of an article's ``passages`` names the article's topic."""
    share, of = TOPIC_SHARE
    return passages >= MIN_PASSAGES and of * doc_freq >= share * passages


def beyond_article(index: SearchIndex, question: ParsedQuestion, top: int) -> BeyondArticle | None:
    """The topic words and the missing words of ``question``, when every word of it that is not
    a topic word of passage ``top``'s article is absent from that article; else None."""
    lo, hi = index.article_range(top)
    topic: list[str] = []
    missing: list[str] = []
    for term in question.terms:  # one per stem
        if term.folded in FRAME_WORDS or _common(term.stem) or term.stem in MEASURE_STEMS:
            continue  # «¿De qué tamaño…?»: «tamaño» names the datum asked, not a topic
        doc_freq = index.doc_freq_in(term.stem, lo, hi)
        if is_topic_word(doc_freq, hi - lo):
            topic.append(term.lower)
        elif in_article(index, term, lo, hi):
            return None
        else:
            missing.append(term.lower)
    if not topic or not missing:
        return None
    return BeyondArticle(tuple(topic), tuple(missing))
