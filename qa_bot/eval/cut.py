"""The «sin su párrafo» setting of the SQuAD evaluation: each answerable question asked of its own
article without the paragraph that answers it, when no other paragraph holds a gold answer. These
questions share the article's topic and many of its words, like a reader's question about what the
article does not say; the right reply is a refusal.
"""

from __future__ import annotations

from qa_bot.eval.data import EvalArticle, GoldQuestion, to_article
from qa_bot.eval.scoring import normalize_answer
from qa_bot.models import Article


def cut_paragraph_questions(article: EvalArticle) -> dict[int, list[GoldQuestion]]:
    """Paragraph index -> its answerable questions whose answers the other paragraphs lack."""
    out: dict[int, list[GoldQuestion]] = {}
    if len(article.paragraphs) < 2:
        return out
    for gold in article.questions:
        if not gold.answerable or gold.paragraph is None:
            continue
        rest = normalize_answer(
            " ".join(p for k, p in enumerate(article.paragraphs) if k != gold.paragraph)
        )
        if not any(normalize_answer(a) in rest for a in gold.answers):
            out.setdefault(gold.paragraph, []).append(gold)
    return out


def without_paragraph(article: EvalArticle, paragraph: int, slug: str, source: str) -> Article:
    """``article`` as an Article without its paragraph ``paragraph`` (0-based)."""
    rest = tuple(p for k, p in enumerate(article.paragraphs) if k != paragraph)
    return to_article(article.model_copy(update={"paragraphs": rest}), slug, source)
