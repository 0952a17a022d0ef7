"""Is the question answered at all? Support and confidence from background-weighted coverage.

BM25 always ranks *something* first, so the score alone cannot say "the article does not say".
What does say it: how much of the question the article covers, with each question term weighted
by its rarity in Spanish at large (``background.rarity``). "¿Qué opina China sobre el acuerdo?"
shares "acuerdo" with the article, but "opina" and "China", the informative words, are absent.

    passage_cover = rarity-weighted share of question terms found in the top passage
    article_cover = rarity-weighted share found anywhere in the corpus
    support       = (passage_cover + article_cover) / 2

An answer is supported when ``support >= SUPPORT_THRESHOLD``. The threshold was set on the dev
data (see README, "Evaluación") so that about 1.5% of answerable questions are refused; the same
value refuses ~96% of the questions asked of the wrong article.
"""

from __future__ import annotations

from collections.abc import Collection

from qa_bot.background import rarity
from qa_bot.index import PassageIndex
from qa_bot.question import ParsedQuestion

SUPPORT_THRESHOLD = 0.28


def support(index: PassageIndex, question: ParsedQuestion, top_terms: Collection[str]) -> float:
    """Support in [0, 1] for answering ``question`` with a passage whose terms are ``top_terms``."""
    weights = {t: rarity(t) for t in question.stems}
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    in_passage = sum(w for t, w in weights.items() if t in top_terms)
    in_corpus = sum(w for t, w in weights.items() if index.doc_freq(t))
    return (in_passage + in_corpus) / (2 * total)


def confidence(support_value: float) -> float:
    """Map support to a confidence in [0, 1] that crosses 0.5 exactly at the threshold."""
    t = SUPPORT_THRESHOLD
    if support_value < t:
        return round(0.5 * support_value / t, 3)
    return round(0.5 + 0.5 * (support_value - t) / (1 - t), 3)
