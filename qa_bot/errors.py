"""Errors a caller can handle; each message is Spanish and says what to do next."""

from __future__ import annotations


class QAError(Exception):
    """A user-facing error: its message is shown as is."""


class ArticleError(QAError):
    """An article or folder that cannot be loaded."""


class UnknownPassageError(QAError):
    """A citation id that names no passage (the message suggests the ids it may mean)."""


class EmptyQuestionError(QAError):
    """A question with no text at all."""
