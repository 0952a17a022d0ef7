"""The REPL's commands and its per-line dispatcher: a line in, styled fragments out.

Nothing here touches a terminal or imports prompt-toolkit, so the interactive session and the plain
stdin loop share it, and tests call ``handle_line`` directly.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from qa_bot.bot import MAX_TOP_K, QABot, too_long
from qa_bot.console.render import (
    MUTED,
    TITLE,
    Fragments,
    plural,
    render_answer,
    render_passage,
    render_passage_list,
)
from qa_bot.conversation import FOLLOW_NOTE, Conversation
from qa_bot.errors import QAError, UnknownPassageError
from qa_bot.repl.smalltalk import Talk, small_talk
from qa_bot.text.sanitize import is_blank, sanitize

ERROR = "class:error"
COMMAND = "class:command"
MAX_TOP = MAX_TOP_K
ECHO_CHARS = 40


@dataclass
class ReplState:
    """What a session remembers between lines."""

    bot: QABot
    top_k: int = 1
    done: bool = False
    conversation: Conversation = field(init=False)

    def __post_init__(self) -> None:
        self.conversation = Conversation(self.bot)

    @property
    def following(self) -> bool:
        """Whether the last question was answered as a follow-up of the previous ones."""
        return self.conversation.context is not None


@dataclass(frozen=True)
class Reply:
    """The output of one line; ``error`` replies go to stderr in the plain loop, and so does a
    ``notice`` (a warning about the line, such as ``bot.LONG_QUESTION``)."""

    fragments: Fragments
    error: bool = False
    notice: str | None = None


Handler = Callable[[ReplState, str], Reply]


class Command(NamedTuple):
    """A REPL command: what it does, its one-line Spanish description, its argument (if any)."""

    handler: Handler
    description: str
    argument: str = ""


def _echo(text: str) -> str:
    """User text safe to repeat back: no controls, one line, not too long."""
    flat = " ".join(sanitize(text, keep_newlines=False).split())
    return flat if len(flat) <= ECHO_CHARS else flat[: ECHO_CHARS - 1] + "…"


def _error(*pieces: tuple[str, str]) -> Reply:
    return Reply([*pieces, ("", "\n")], error=True)


def _not_found(message: str, typed: str, known: list[str], lister: str, what: str) -> Reply:
    """An error for a name nobody knows, with the closest known name if there is a close one."""
    near = difflib.get_close_matches(typed.lower(), known, n=1, cutoff=0.75)
    return _error(
        (ERROR, message),
        ("", f"¿Quería decir {near[0]}? " if near else ""),
        (COMMAND, lister),
        ("", f" lista {what}."),
    )


def describe_articles(bot: QABot) -> str:
    """The loaded article(s) in a few words: «title», or how many articles."""
    if len(bot.articles) == 1:
        return f"«{sanitize(bot.articles[0].title, keep_newlines=False)}»"
    return plural(len(bot.articles), "artículo")


def _which(bot: QABot) -> str:
    return "el artículo" if len(bot.articles) == 1 else "los artículos"


def greeting(bot: QABot) -> Fragments:
    """The first thing a session shows: what is loaded and how to get help."""
    return [
        (TITLE, "qa-bot"),
        ("", " · "),
        (TITLE, describe_articles(bot)),
        (MUTED, f" · {plural(len(bot.passages), 'pasaje')}"),
        ("", "\n"),
        ("", f"Haga una pregunta sobre {_which(bot)} en español. "),
        (COMMAND, "/ayuda"),
        ("", " muestra los comandos; "),
        (COMMAND, "Ctrl-D"),
        ("", " sale.\n"),
    ]


def show_help(state: ReplState, arg: str) -> Reply:
    aliases_of: dict[str, list[str]] = {}
    for alias, name in ALIASES.items():
        aliases_of.setdefault(name, []).append(alias)
    width = max(len(f"{name} {cmd.argument}") for name, cmd in COMMANDS.items())
    out: Fragments = [("", "Escriba una pregunta y pulse Intro, o uno de estos comandos:\n")]
    for name, cmd in COMMANDS.items():
        usage = f"{name} {cmd.argument}".rstrip()
        out += [("", "  "), (COMMAND, usage.ljust(width)), ("", "  " + cmd.description)]
        if aliases_of.get(name):
            out.append((MUTED, f" (también {', '.join(aliases_of[name])})"))
        out.append(("", "\n"))
    out.append(
        (MUTED, "Tab completa comandos e ids; ↑ recorre el historial; Ctrl-C borra la línea.\n")
    )
    return Reply(out)


def cite(state: ReplState, arg: str) -> Reply:
    pid = arg.strip()
    if not pid:
        return _error((ERROR, "Falta el id del pasaje: "), (COMMAND, "/cita p1"))
    try:
        passage = state.bot.cite(pid)
    except UnknownPassageError as exc:
        return _error((ERROR, f"{exc} "), (COMMAND, "/pasajes"), ("", " lista los ids."))
    return Reply(render_passage(passage))


def list_passages(state: ReplState, arg: str) -> Reply:
    return Reply(render_passage_list(state.bot.passages))


def set_top(state: ReplState, arg: str) -> Reply:
    value = arg.strip()
    if not value:
        return Reply([("", f"Cada respuesta muestra hasta {plural(state.top_k, 'pasaje')}.\n")])
    if not value.isdigit() or not 1 <= int(value) <= MAX_TOP:
        return _error(
            (ERROR, f"«{_echo(value)}» no vale: "),
            (COMMAND, "/top N"),
            ("", f" necesita un número entre 1 y {MAX_TOP}."),
        )
    state.top_k = int(value)
    return Reply(
        [("", f"De acuerdo: cada respuesta mostrará hasta {plural(state.top_k, 'pasaje')}.\n")]
    )


def start_afresh(state: ReplState, arg: str) -> Reply:
    state.conversation.reset()
    return Reply([("", "Conversación nueva: la próxima pregunta no se une a las anteriores.\n")])


def quit_session(state: ReplState, arg: str) -> Reply:
    state.done = True
    return Reply([(MUTED, "Hasta pronto.\n")])


COMMANDS: dict[str, Command] = {
    "/ayuda": Command(show_help, "muestra esta ayuda"),
    "/cita": Command(cite, "muestra el pasaje completo con ese id", "ID"),
    "/pasajes": Command(list_passages, "lista los pasajes con su id"),
    "/top": Command(set_top, f"muestra hasta N pasajes por respuesta (1–{MAX_TOP})", "N"),
    "/nueva": Command(start_afresh, "empieza de nuevo: olvida las preguntas anteriores"),
    "/salir": Command(quit_session, "termina la sesión"),
}
ALIASES: dict[str, str] = {
    "/help": "/ayuda",
    "/cite": "/cita",
    "/passages": "/pasajes",
    "/new": "/nueva",
    "/quit": "/salir",
    "/exit": "/salir",
}


def run_command(state: ReplState, line: str) -> Reply:
    """Run the ``/command arg`` in ``line``; an unknown one gets a hint, never an exception."""
    word, _, arg = line.strip().partition(" ")
    name = word.lower()
    name = ALIASES.get(name, name)
    command = COMMANDS.get(name)
    if command is None:
        message = f"No conozco el comando «{_echo(word)}». "
        return _not_found(message, name, [*COMMANDS, *ALIASES], "/ayuda", "los comandos")
    return command.handler(state, arg)


HINT: Fragments = [
    ("", "Pregúnteme algo sobre el artículo, por ejemplo «¿De qué trata el artículo?»; "),
    (COMMAND, "/ayuda"),
    ("", " muestra los comandos.\n"),
]


def summary(state: ReplState) -> Reply:
    """«¿De qué trata el artículo?»: each article's first paragraph, with its citation."""
    out: Fragments = []
    for article in state.bot.articles:
        first = next(p for p in state.bot.passages if p.article == article.slug)
        if out:
            out.append(("", "\n"))
        out += [(MUTED, "El primer párrafo lo resume:\n"), *render_passage(first)]
    return Reply(out)


def talk(state: ReplState, kind: Talk) -> Reply:
    """The reply to small talk (``smalltalk.py``)."""
    if kind is Talk.GREETING:
        return Reply([("", "¡Hola! "), *HINT])
    if kind is Talk.THANKS:
        return Reply([("", "De nada. "), *HINT])
    if kind is Talk.SUMMARY:
        return summary(state)
    return COMMANDS["/ayuda" if kind is Talk.HELP else "/salir"].handler(state, "")


def _follow_note(state: ReplState) -> Fragments:
    """A muted line before a follow-up's answer: it was joined to the previous question."""
    if not state.following:
        return []
    return [(MUTED, FOLLOW_NOTE.replace(")", "; /nueva empieza de nuevo)"))]


def handle_line(state: ReplState, line: str) -> Reply | None:
    """The reply to one line: a command's output, small talk, an answer, or an error; None for a
    line with nothing visible (spaces, control characters, escape sequences). A question that
    follows the previous ones («¿Y cuándo?») is answered with them (``conversation.py``)."""
    if is_blank(line):
        return None
    text = line.strip()
    try:
        if text.startswith("/"):
            return run_command(state, text)
        if (kind := small_talk(text)) is not None:
            return talk(state, kind)
        answer = state.conversation.ask(text, top_k=state.top_k)
        return Reply([*_follow_note(state), *render_answer(answer)], notice=too_long(text))
    except QAError as exc:
        return _error((ERROR, sanitize(str(exc), keep_newlines=False)))
