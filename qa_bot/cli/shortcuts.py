"""The shortcuts a user tries before reading the help, turned into the commands they mean.

    qa-bot "¿Qué cargo tiene Shoigu?"     ->  qa-bot ask "¿Qué cargo tiene Shoigu?"
    qa-bot -a articulo.txt                ->  qa-bot chat -a articulo.txt  (ask from a pipe)
    qa-bot -a articulo.txt "¿...?"        ->  qa-bot ask -a articulo.txt "¿...?"
    qa-bot -a articulo.txt cite p4        ->  qa-bot cite -a articulo.txt p4

A first word that looks like a mistyped command («aks», «cita») or an article's path
(«articulo.txt») is not asked as a question: it is an error that says what to type.
"""

from __future__ import annotations

import difflib
import os
import shlex
from collections.abc import Sequence

from qa_bot.errors import QAError

COMMANDS = ("ask", "cite", "chat", "eval", "index")
# Spanish names a user may try for a command.
SPANISH = {"pregunta": "ask", "preguntar": "ask", "cita": "cite", "citar": "cite", "charla": "chat"}
TOP_LEVEL = ("-h", "--help", "--version")
_WITH_VALUE = ("--article", "--top-k")
_SHORT_WITH_VALUE = ("-a", "-k")
# Options that only `ask` takes: with them and no question, the shortcut is a batch `ask`.
_ASK_ONLY = ("--json", "--top-k", "-k")


def _takes_value(arg: str) -> bool:
    """Whether ``arg`` is an option whose value is the next word (``-a``, ``--art``)."""
    if arg in _SHORT_WITH_VALUE:
        return True
    return (
        arg.startswith("--")
        and "=" not in arg
        and any(len(arg) > 2 and option.startswith(arg) for option in _WITH_VALUE)
    )


def _words(argv: Sequence[str]) -> list[int]:
    """Positions of the words of ``argv`` that are not options nor option values."""
    out: list[int] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            out += range(i + 1, len(argv))
            break
        if arg.startswith("-") and arg != "-":
            i += 2 if _takes_value(arg) else 1
            continue
        out.append(i)
        i += 1
    return out


def _looks_like_a_command(word: str) -> str | None:
    """The command a lone word probably meant («aks» -> ask, «cita» -> cite), or None."""
    folded = word.strip().lower()
    if not folded.isalpha():
        return None
    if folded in SPANISH:
        return SPANISH[folded]
    near = difflib.get_close_matches(folded, COMMANDS, n=1, cutoff=0.6)
    return near[0] if near else None


def _looks_like_a_path(word: str) -> bool:
    """An article's path typed where a question goes: one word, .txt/.md or an existing path."""
    if len(word.split()) != 1 or "?" in word:
        return False
    return word.lower().endswith((".txt", ".md")) or (os.sep in word and os.path.exists(word))


def expand(argv: Sequence[str], interactive: bool) -> list[str]:
    """``argv`` with a shortcut spelled out as the command it means; ``interactive`` is whether
    stdin is a terminal (then options alone open the conversation). Raises QAError for a first
    word that looks like a mistyped command."""
    argv = list(argv)
    if not argv or argv[0] in COMMANDS or argv[0] in TOP_LEVEL:
        return argv
    words = _words(argv)
    command = next((i for i in words if argv[i] in COMMANDS), None)
    if command is not None and command == words[0]:  # options before the command
        return [argv[command], *argv[:command], *argv[command + 1 :]]
    if not words:
        ask_only = any(a.split("=")[0] in _ASK_ONLY or a.startswith("-k") for a in argv)
        return ["chat" if interactive and not ask_only else "ask", *argv]
    first = argv[words[0]]
    if _looks_like_a_path(first):
        path = shlex.quote(first)
        raise QAError(
            f"«{first}» parece un artículo, no una pregunta: qa-bot -a {path} abre la "
            f'conversación sobre él y qa-bot -a {path} "¿…?" le hace una pregunta.'
        )
    meant = _looks_like_a_command(first)
    if meant is not None:
        raise QAError(
            f"«{first}» no es una orden de qa-bot; ¿quería decir «qa-bot {meant}»? "
            "Las órdenes son ask, cite, chat, eval e index; una pregunta va entre comillas: "
            'qa-bot "¿Qué cargo tiene Shoigu?".'
        )
    return ["ask", *argv]
