"""The conversation: a prompt-toolkit session on a terminal, a plain line loop otherwise.

``main`` picks one: with a terminal on both ends, ``build_session`` + ``run_repl`` (history,
auto-suggest, completion, toolbar, colour); with stdin or stdout redirected, ``run_plain`` reads
lines directly, without prompt-toolkit, and writes plain text. Both hand every line to
``repl_commands.handle_line``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from prompt_toolkit import PromptSession
from prompt_toolkit.application import get_app
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output

from qa_bot.bot import MAX_QUESTION_CHARS, QABot
from qa_bot.console.lines import stdin_lines
from qa_bot.console.render import MUTED, TITLE, Fragments, opening_words, to_ansi
from qa_bot.console.terminal import is_terminal
from qa_bot.errors import QAError
from qa_bot.repl.commands import (
    ALIASES,
    COMMANDS,
    ERROR,
    ReplState,
    Reply,
    greeting,
    handle_line,
)
from qa_bot.repl.display import STYLE, show, toolbar
from qa_bot.repl.history import (
    MemoryHistory,
    SessionHistory,
    Warn,
    default_history_path,
    open_history,
    warn_stderr,
)
from qa_bot.repl.keys import session_bindings
from qa_bot.text.sanitize import is_blank, sanitize

PROMPT: Fragments = [("class:prompt", "pregunta> ")]
GOODBYE: Fragments = [(MUTED, "Hasta pronto.\n")]


class ReplCompleter(Completer):
    """Completes command names after ``/``, and passage ids after ``/cita ``."""

    def __init__(self, bot: QABot) -> None:
        self.passages = [
            (sanitize(p.id, keep_newlines=False), opening_words(p.text, 40)) for p in bot.passages
        ]

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterator[Completion]:
        text = document.text_before_cursor.lstrip()
        if not text.startswith("/"):
            return
        word, space, arg = text.partition(" ")
        if not space:
            yield from self._commands(word)
        elif ALIASES.get(word.lower(), word.lower()) == "/cita" and " " not in arg.strip():
            prefix = arg.strip()
            for pid, opening in self.passages:
                if pid.lower().startswith(prefix.lower()):
                    yield Completion(pid, -len(prefix), display_meta=opening)

    def _commands(self, word: str) -> Iterator[Completion]:
        prefix = word.lower()
        names = [n for n in COMMANDS if n.startswith(prefix)]
        # Aliases only when no Spanish name fits, so "/" lists each command once.
        names = names or [a for a in ALIASES if a.startswith(prefix)]
        for name in names:
            command = COMMANDS[ALIASES.get(name, name)]
            yield Completion(name, -len(word), display_meta=command.description)


def build_session(
    history_path: Path | None,
    bot: QABot,
    *,
    input: Input | None = None,
    output: Output | None = None,
    warn: Warn = warn_stderr,
    state: ReplState | None = None,
) -> PromptSession[str]:
    """A prompt session over ``bot``; history in ``history_path`` (None: kept in memory only).
    With the conversation's ``state``, the toolbar says when a follow-up used the previous
    question."""
    history = MemoryHistory() if history_path is None else open_history(history_path, warn)

    def bottom_toolbar() -> FormattedText:
        following = state is not None and state.following
        return FormattedText(toolbar(bot, get_app().output.get_size().columns, following))

    return PromptSession(
        message=FormattedText(PROMPT),
        history=history,
        auto_suggest=AutoSuggestFromHistory(),
        completer=ReplCompleter(bot),
        complete_while_typing=True,
        bottom_toolbar=bottom_toolbar,
        key_bindings=session_bindings(),
        style=STYLE,
        include_default_pygments_style=False,
        input=input,
        output=output,
    )


def unexpected(exc: Exception) -> Reply:
    """A bug in one line must not end the conversation: say so and go on."""
    what = sanitize(f"{type(exc).__name__}: {exc}", keep_newlines=False)
    return Reply([(ERROR, f"Error inesperado ({what}); la conversación sigue.\n")], error=True)


def answer_lines(state: ReplState, text: str, out: Output) -> None:
    """Answer what was sent at the prompt: each line a question or a command, in order; with
    several lines (a paste), each answer is headed by its line."""
    lines = [line for line in text.split("\n") if not is_blank(line)]
    for line in lines:
        if state.done:
            break
        if len(lines) > 1:
            show(out, [(TITLE, f"» {_shown_question(line)}\n")])
        try:
            reply = handle_line(state, line)
        except KeyboardInterrupt:  # back to the prompt: the rest of a paste is dropped too
            break
        except Exception as exc:
            reply = unexpected(exc)
        if reply is not None:
            if reply.notice:
                show(out, [(ERROR, f"Aviso: {reply.notice}"), ("", "\n")])
            show(out, [*reply.fragments, ("", "\n")])


def run_repl(
    bot: QABot, session: PromptSession[str], out: Output, state: ReplState | None = None
) -> int:
    """The interactive loop: Ctrl-C clears the line, Ctrl-D or /salir ends it (status 0)."""
    state = state or ReplState(bot)
    show(out, [*greeting(bot), ("", "\n")])
    while not state.done:
        try:
            text = session.prompt()
        except KeyboardInterrupt:
            continue
        except EOFError:
            show(out, GOODBYE)
            break
        if isinstance(session.history, SessionHistory) and (
            notice := session.history.take_notice()
        ):
            show(out, [(ERROR, sanitize(notice, keep_newlines=False)), ("", "\n")])
        answer_lines(state, text, out)
    return 0


def _shown_question(line: str) -> str:
    """A question as echoed before its answer: one clean line, cut where the bot cuts it."""
    question = line.strip()
    shown = sanitize(question[:MAX_QUESTION_CHARS], keep_newlines=False)
    return shown + "…" if len(question) > MAX_QUESTION_CHARS else shown


PLAIN_HINT = (
    "qa-bot: la salida no es un terminal; escriba una pregunta por línea (Ctrl-D termina) y las "
    "respuestas irán a la salida."
)


def run_plain(bot: QABot, lines: Iterable[str], out: TextIO, err: TextIO) -> int:
    """One plain reply per line read: no prompt, no colour, errors on ``err``."""
    state = ReplState(bot)
    first = True
    for line in lines:
        try:
            reply = handle_line(state, line)
        except Exception as exc:
            reply = unexpected(exc)
        if reply is None:
            continue
        if reply.notice:
            err.write(f"qa-bot: aviso: {reply.notice}\n")
            err.flush()
        if reply.error:
            err.write(to_ansi(reply.fragments, color=False))
            err.flush()
        else:
            fragments = reply.fragments
            if not line.lstrip().startswith("/"):
                fragments = [(TITLE, f"» {_shown_question(line)}\n"), *fragments]
            out.write(("" if first else "\n") + to_ansi(fragments, color=False))
            out.flush()
            first = False
        if state.done:
            break
    return 0


def main(
    article_path: str | None = None,
    cache: bool = True,
    index: str | None = None,
    cluster: str | None = None,
) -> int:
    """Talk about the article at ``article_path`` (default: the bundled one), or about the shards
    in folder ``index`` (on the Ray cluster ``cluster`` if given); the exit status.
    ``cache=False`` neither reads nor writes the index cache."""
    try:
        if index is not None:
            bot = QABot.from_shards(index, cluster)
        else:
            bot = QABot.load(article_path, cache=cache)
    except QAError as exc:
        print(f"qa-bot: {sanitize(str(exc), keep_newlines=False)}", file=sys.stderr)
        return 2
    for notice in bot.notices:
        warn_stderr(f"qa-bot: aviso: {sanitize(notice, keep_newlines=False)}")
    if is_terminal(sys.stdin) and is_terminal(sys.stdout):
        state = ReplState(bot)
        session = build_session(default_history_path(), bot, state=state)
        return run_repl(bot, session, session.app.output, state)
    if is_terminal(sys.stdin):  # typing, but the answers go to a pipe or a file
        warn_stderr(PLAIN_HINT)
    return run_plain(bot, stdin_lines(), sys.stdout, sys.stderr)
