"""The command line: ``qa-bot ask``, ``qa-bot cite`` and ``qa-bot chat``.

``build_parser()`` wires the Spanish parser of ``qa_bot.cli.parser`` to the command functions here;
``main(argv)`` parses, dispatches and is the one place that
turns errors into messages and exit codes:

    0  answered (or, in batch mode, every line read)
    1  no supported answer to the single question asked
    2  usage or input error (missing file, empty article, unknown id, empty question)
    130 interrupted (Ctrl-C)
    141 stdout closed early (``| head``), silently
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys

from qa_bot.answer.refusal import NO_TERMS
from qa_bot.bot import EMPTY_QUESTION, MAX_QUESTION_CHARS, QABot, too_long
from qa_bot.cli.parser import EXIT_USAGE
from qa_bot.cli.parser import build_parser as _build_parser
from qa_bot.cli.shortcuts import expand
from qa_bot.console.lines import clean_text, stdin_lines
from qa_bot.console.progress import TerminalProgress
from qa_bot.console.render import (
    Fragments,
    render_answer,
    render_passage,
    render_passage_list,
    to_ansi,
    use_color,
)
from qa_bot.console.terminal import emit, json_line, stdin_is_terminal, warn, write
from qa_bot.console.wrap import terminal_width, wrap_fragments
from qa_bot.conversation import FOLLOW_NOTE, Conversation
from qa_bot.errors import EmptyQuestionError, QAError, UnknownPassageError
from qa_bot.text.analysis import fold
from qa_bot.text.question_type import QUESTION_WORDS
from qa_bot.text.sanitize import is_blank, sanitize

EXIT_OK = 0
EXIT_UNSUPPORTED = 1
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


def unexpected(exc: Exception) -> str:
    """The one line that reports a bug."""
    what = sanitize(f"{type(exc).__name__}: {exc}", keep_newlines=False)
    return f"error inesperado ({what}); por favor, infórmenos."


def check_index_options(article: str | None, index: str | None, cluster: str | None) -> None:
    """``--cluster`` needs ``--index``, which excludes ``--article``."""
    if cluster is not None and index is None:
        raise QAError("--cluster necesita --index DIR: la carpeta de fragmentos de qa-bot index.")
    if index is not None and article is not None:
        raise QAError("--index y --article no van juntos: los fragmentos ya dicen sus artículos.")


def load_bot(
    article: str | None, cache: bool = True, index: str | None = None, cluster: str | None = None
) -> QABot:
    """The bot over ``article`` (or the bundled one), or over the shards in folder ``index`` (on
    the Ray cluster ``cluster`` if given); warns about encodings, skipped files and the index
    cache, and shows indexing progress on a terminal."""
    check_index_options(article, index, cluster)
    if index is not None:
        return QABot.from_shards(index, cluster)
    progress = TerminalProgress(sys.stderr)
    try:
        bot = QABot.load(article, cache=cache, progress=progress)
    finally:
        progress.finish()
    for notice in bot.notices:
        warn(sanitize(notice, keep_newlines=False))
    return bot


def _bot_of(args: argparse.Namespace) -> QABot:
    return load_bot(
        args.article,
        not args.no_cache,
        getattr(args, "index", None),
        getattr(args, "cluster", None),
    )


def _wrapped(fragments: Fragments) -> Fragments:
    """``fragments`` wrapped at the terminal's width, as the chat wraps them; unwrapped when
    stdout is no terminal."""
    width = terminal_width(sys.stdout)
    return fragments if width is None else wrap_fragments(fragments, width)


def run_batch(bot: QABot, top_k: int, as_json: bool, conversation: bool = False) -> int:
    """Answer one question per line of stdin: one answer per line that has something visible
    (see ``is_blank``), in order. A line that fails is reported on stderr and the batch goes on
    (exit 2 at the end). With ``conversation``, the lines are the turns of a conversation (a
    follow-up is answered with the turns before it) and a blank line starts a new one."""
    color = use_color(sys.stdout)
    first = True
    code = EXIT_OK
    talk = Conversation(bot)
    for number, line in enumerate(stdin_lines(), start=1):
        if is_blank(line):
            talk.reset()
            continue
        question = line.strip()
        if warning := too_long(question):
            warn(f"línea {number}: {warning}")
        try:
            answer = talk.ask(question, top_k) if conversation else bot.ask(question, top_k=top_k)
        except QAError as exc:
            sys.stderr.write(f"qa-bot: línea {number}: {sanitize(str(exc), keep_newlines=False)}\n")
            code = EXIT_USAGE
            continue
        except Exception as exc:  # a bug in one line must not lose the rest of the batch
            sys.stderr.write(f"qa-bot: línea {number}: {unexpected(exc)}\n")
            code = EXIT_USAGE
            continue
        if as_json:
            emit(json_line(answer))
        else:
            shown = sanitize(answer.question, keep_newlines=False)
            if len(question) > MAX_QUESTION_CHARS:
                shown += "…"
            header: Fragments = [("class:title", f"» {shown}\n")]
            if conversation and talk.context is not None:
                header.append(("class:muted", FOLLOW_NOTE))
            emit(("" if first else "\n") + to_ansi(_wrapped(header + render_answer(answer)), color))
        first = False
    if first and code == EXIT_OK:
        raise QAError("La entrada estándar no traía ninguna pregunta (una por línea).")
    return code


def run_ask(args: argparse.Namespace) -> int:
    words: list[str] = getattr(args, "question", [])
    batch = not words or words == ["-"]
    if batch and stdin_is_terminal():
        raise QAError(
            'Falta la pregunta: qa-bot ask "¿Qué cargo tiene Shoigu?" '
            "(o envíe preguntas por la entrada estándar, una por línea)."
        )
    conversation = getattr(args, "conversation", False)
    if conversation and not batch:
        raise QAError(
            "--conversation lee los turnos de la entrada estándar, uno por línea: "
            "qa-bot ask --conversation < dialogo.txt"
        )
    if batch:
        return run_batch(_bot_of(args), args.top_k, args.json, conversation)
    question = clean_text(" ".join(words))
    if is_blank(question):  # only spaces, control characters or escape sequences
        raise EmptyQuestionError(EMPTY_QUESTION)
    bot = _bot_of(args)
    if warning := too_long(question):
        warn(warning)
    answer = bot.ask(question, top_k=args.top_k)
    if args.json:
        emit(json_line(answer))
    else:
        write(_wrapped(render_answer(answer)))
    if answer.reason == NO_TERMS and not args.json and _opens_a_follow_up(question):
        # «¿Y cuándo fue eso?» asked alone: its words are in the question before it
        warn(
            "una pregunta que sigue a otra («¿Y cuándo fue eso?») se responde con las anteriores: "
            "pregúntela en la conversación (qa-bot -a RUTA) o con qa-bot ask --conversation."
        )
    if not answer.supported and args.article is None and getattr(args, "index", None) is None:
        # A new user who forgot -a asked the bundled article about their own.
        warn(
            f"se ha preguntado al artículo incluido ({bot.articles[0].slug}); para otro: "
            'qa-bot ask -a RUTA "pregunta".'
        )
    return EXIT_OK if answer.supported else EXIT_UNSUPPORTED


_FOLLOW_OPENERS = frozenset("y e pero".split())


def _opens_a_follow_up(question: str) -> bool:
    """Whether ``question`` opens as one that follows another: «¿Y cuándo fue eso?»."""
    words = [fold(w.strip("¿?¡!.,;:«»\"'").lower()) for w in question.split()][:2]
    return len(words) == 2 and words[0] in _FOLLOW_OPENERS and words[1] in QUESTION_WORDS


def run_cite(args: argparse.Namespace) -> int:
    bot = _bot_of(args)
    if args.id is None:
        if args.json:
            for p in bot.passages:
                emit(json_line(p))
        else:
            write(_wrapped(render_passage_list(bot.passages)))
        return EXIT_OK
    try:
        passage = bot.cite(clean_text(args.id))
    except UnknownPassageError as exc:
        lister = (
            "qa-bot cite" if args.article is None else f"qa-bot cite -a {shlex.quote(args.article)}"
        )
        raise QAError(f"{exc} `{lister}` lista los pasajes.") from exc
    if args.json:
        emit(json_line(passage))
    else:
        write(_wrapped(render_passage(passage)))
    return EXIT_OK


def run_chat(args: argparse.Namespace) -> int:
    check_index_options(args.article, getattr(args, "index", None), getattr(args, "cluster", None))
    try:
        from qa_bot.repl import app as repl
    except ImportError as exc:
        raise QAError(f"No se puede abrir la conversación: {exc}.") from exc
    return int(
        repl.main(
            args.article,
            cache=not args.no_cache,
            index=getattr(args, "index", None),
            cluster=getattr(args, "cluster", None),
        )
    )


def build_parser() -> argparse.ArgumentParser:
    """The qa-bot parser, wired to this module's command functions."""
    return _build_parser({"ask": run_ask, "cite": run_cite, "chat": run_chat})


def dispatch(argv: list[str] | None) -> int:
    argv = expand(sys.argv[1:] if argv is None else argv, stdin_is_terminal())
    args = build_parser().parse_args(argv)
    if args.command is None:
        # Bare `qa-bot`: a conversation on a terminal, batch answers from a pipe.
        if stdin_is_terminal():
            return run_chat(argparse.Namespace(article=None, no_cache=False))
        return run_ask(
            argparse.Namespace(question=[], article=None, top_k=1, json=False, no_cache=False)
        )
    return int(args.handler(args))


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Run qa-bot with ``argv`` (default: the process's arguments); returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        try:
            code = dispatch(argv)
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            code = exc.code if isinstance(exc.code, int) else EXIT_USAGE
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
        return code
    except QAError as exc:
        sys.stderr.write(f"qa-bot: {sanitize(str(exc), keep_newlines=False)}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # last resort: one line, never a traceback
        sys.stderr.write(f"qa-bot: {unexpected(exc)}\n")
        return EXIT_USAGE
