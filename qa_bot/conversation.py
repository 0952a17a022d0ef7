"""A conversation with the bot: each question asked with the turns before it.

``Conversation.ask`` decides with ``answer.followup.context_for`` whether a question is a
follow-up («¿Y cuándo fue eso?») and, if so, answers it with the earlier questions' words at a
lower weight; ``context`` says whether the last question used them (the chat's toolbar shows it).
``reset`` starts afresh (the chat's ``/nueva``, a blank line in ``ask --conversation``).
"""

from __future__ import annotations

from qa_bot.answer.followup import MAX_CHAIN, Context, Turn, context_for
from qa_bot.bot import MAX_QUESTION_CHARS, QABot
from qa_bot.models import Answer

# Shown before a follow-up's answer (chat and `ask --conversation`).
FOLLOW_NOTE = "(respondida con la pregunta anterior)\n"
# A chain of follow-ups leans on at most MAX_CHAIN questions, and the passage of the last answer.
KEPT_TURNS = MAX_CHAIN + 1


class Conversation:
    """The turns of one conversation with ``bot``, newest last."""

    def __init__(self, bot: QABot) -> None:
        self.bot = bot
        self.turns: list[Turn] = []
        self.context: Context | None = None

    def ask(self, question: str, top_k: int = 1) -> Answer:
        """Answer ``question``, as a follow-up of the previous turns when it is one."""
        self.context = context_for(question[:MAX_QUESTION_CHARS], self.turns)
        answer = self.bot.ask(question, top_k=top_k, context=self.context)
        self.turns = [*self.turns, Turn(question[:MAX_QUESTION_CHARS], answer)][-KEPT_TURNS:]
        return answer

    def reset(self) -> None:
        """Forget the turns: the next question stands alone."""
        self.turns = []
        self.context = None
