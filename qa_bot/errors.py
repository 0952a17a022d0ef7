"""Errors a caller can handle; each message is Spanish and says what to do next."""

from __future__ import annotations


class QAError(Exception):
    """A user-facing error: its message is shown as is."""


class ArticleError(QAError):
    """An article or folder that cannot be loaded."""


class UnknownPassageError(QAError):
    """A citation id that names no passage; ``suggestions``: ids the user may have meant."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class EmptyQuestionError(QAError):
    """A question with no text at all."""
