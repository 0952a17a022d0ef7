"""qa-bot: cited answers to Spanish questions about news articles."""

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
