"""qa-bot: cited answers to Spanish questions about news articles.

The public names are imported on first use (PEP 562), so that ``import qa_bot`` — and the
``qa-bot`` command's entry point — costs nothing until the engine is needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qa_bot.bot import QABot
    from qa_bot.errors import ArticleError, EmptyQuestionError, QAError, UnknownPassageError
    from qa_bot.models import Answer, Article, Hit, Passage

__all__ = [
    "Answer",
    "Article",
    "ArticleError",
    "EmptyQuestionError",
    "Hit",
    "Passage",
    "QABot",
    "QAError",
    "UnknownPassageError",
]
__version__ = "0.1.0"

_HOMES = {
    "QABot": "qa_bot.bot",
    "ArticleError": "qa_bot.errors",
    "EmptyQuestionError": "qa_bot.errors",
    "QAError": "qa_bot.errors",
    "UnknownPassageError": "qa_bot.errors",
    "Answer": "qa_bot.models",
    "Article": "qa_bot.models",
    "Hit": "qa_bot.models",
    "Passage": "qa_bot.models",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'qa_bot' has no attribute {name!r}")
    return getattr(import_module(home), name)
