"""The command line: ``qa-bot ask``, ``qa-bot cite`` and ``qa-bot chat``.

``build_parser()`` builds the Spanish argparse parser, one small ``add_*_parser`` function per
subcommand (each sets its ``handler``); ``main(argv)`` parses, dispatches and is the one place that
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
import re
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pydantic import BaseModel

from qa_bot import __version__
from qa_bot.bot import EMPTY_QUESTION, MAX_QUESTION_CHARS, QABot
from qa_bot.errors import EmptyQuestionError, QAError
from qa_bot.eval_cli import add_eval_parser
from qa_bot.lines import clean_text, stdin_lines
from qa_bot.progress import TerminalProgress
from qa_bot.render import (
    Fragments,
    render_answer,
    render_passage,
    render_passage_list,
    to_ansi,
    use_color,
)
from qa_bot.sanitize import is_blank, sanitize

EXIT_OK = 0
EXIT_UNSUPPORTED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

DESCRIPTION = "qa-bot: preguntas y respuestas en español sobre artículos de prensa, con citas."
EPILOG = """\
ejemplos:
  qa-bot ask "¿Qué cargo tiene Shoigu?"        responde con el pasaje que lo dice y su cita
  qa-bot ask --json --top-k 3 "¿Quién visitó Corea del Norte?"
  qa-bot ask < preguntas.txt                    una pregunta por línea (--json: JSON Lines)
  qa-bot ask --article noticias/ "¿...?"        otro artículo (.txt/.md) o una carpeta de ellos
  qa-bot cite p4                                muestra el pasaje p4: artículo, párrafo, posición
  qa-bot cite                                   lista todos los pasajes
  qa-bot chat                                   conversación interactiva (también: qa-bot)
  qa-bot eval ../shared/data/xquad-es-dev.json  mide la calidad con datos SQuAD o preguntas JSONL

códigos de salida: 0 respondida, 1 sin respuesta en el artículo, 2 error de uso o de entrada.
"""

# argparse's own messages (Python 3.10-3.13), in Spanish. Unknown ones pass through unchanged.
_ERROR_TRANSLATIONS = [
    (r"the following arguments are required: (.*)", r"faltan argumentos: \1"),
    (r"unrecognized arguments: (.*)", r"argumentos no reconocidos: \1"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"argumento \1: opción no válida: \2 (elija entre \3)",
    ),
    (r"argument (\S+): expected one argument", r"argumento \1: falta su valor"),
    (r"argument (\S+): invalid \S+ value: (.*)", r"argumento \1: valor no válido: \2"),
    (r"argument (\S+): ignored explicit argument (.*)", r"argumento \1: sobra el valor \2"),
    (r"argument (\S+): not allowed with argument (.*)", r"argumento \1: incompatible con \2"),
    (r"ambiguous option: (\S+) could match (.*)", r"opción ambigua: \1 puede ser \2"),
    (r"argument (\S+): (.*)", r"argumento \1: \2"),
]

# JSON strings keep these raw under model_dump_json; escaping them keeps the same data but puts no
# C1 control or bidi override on a terminal that shows the JSON.
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def translate_error(message: str) -> str:
    """argparse's English error ``message`` in Spanish, when it is one we know."""
    for pattern, spanish in _ERROR_TRANSLATIONS:
        translated, n = re.subn(rf"^{pattern}$", spanish, message)
        if n:
            return translated
    return message


class SpanishHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's layout and says "uso:" instead of "usage:"."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="uso: " if prefix is None else prefix)


class SpanishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Spanish; errors take one line."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        add_help = bool(kwargs.pop("add_help", True))
        kwargs.setdefault("formatter_class", SpanishHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="muestra esta ayuda y termina",
            )

    def error(self, message: str) -> None:  # type: ignore[override]
        # The message may quote an argument, and arguments can carry escape sequences.
        message = sanitize(translate_error(message), keep_newlines=False)
        sys.stderr.write(f"{self.prog}: error: {message} («{self.prog} --help» muestra la ayuda)\n")
        self.exit(EXIT_USAGE)


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} no es un número entero mayor que 0")
    return value


def _add_article_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--article",
        "-a",
        metavar="RUTA",
        help="artículo .txt/.md o carpeta de artículos (por defecto, el artículo incluido)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="no usa ni guarda el índice en caché (~/.cache/qa-bot) de los artículos grandes",
    )


def add_ask_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "ask",
        help='responde a una pregunta: qa-bot ask "¿Qué cargo tiene Shoigu?"',
        description="Responde a una pregunta con el pasaje del artículo que la apoya y su cita. "
        "Sin pregunta (o con «-») y con la entrada estándar redirigida, responde a una pregunta "
        "por línea.",
        epilog='ejemplo:\n  qa-bot ask "¿Qué cargo tiene Shoigu?"\n  qa-bot ask --json < preguntas.txt',
    )
    p.add_argument("question", nargs="*", metavar="PREGUNTA", help="la pregunta, entre comillas")
    p.add_argument("--json", action="store_true", help="un objeto JSON por pregunta")
    p.add_argument(
        "--top-k",
        "-k",
        type=positive_int,
        default=1,
        metavar="N",
        help="muestra los N mejores pasajes (por defecto, 1)",
    )
    _add_article_option(p)
    p.set_defaults(handler=run_ask)


def add_cite_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "cite",
        help="muestra un pasaje citado: qa-bot cite p4 (sin id, los lista todos)",
        description="Muestra el pasaje con ese id: su artículo, párrafo y posición. "
        "Sin id, lista todos los pasajes con sus primeras palabras.",
        epilog="ejemplo:\n  qa-bot cite p4\n  qa-bot cite",
    )
    p.add_argument("id", nargs="?", metavar="ID", help="id de cita, p. ej. p4 o articulo:p2")
    p.add_argument("--json", action="store_true", help="el pasaje (o la lista) en JSON")
    _add_article_option(p)
    p.set_defaults(handler=run_cite)


def add_chat_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "chat",
        help="conversación interactiva: qa-bot chat",
        description="Abre una conversación: pregunte, cite pasajes, cambie de artículo.",
        epilog="ejemplo:\n  qa-bot chat --article noticias/",
    )
    _add_article_option(p)
    p.set_defaults(handler=run_chat)


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    add_ask_parser,
    add_cite_parser,
    add_chat_parser,
    add_eval_parser,
]


def build_parser() -> argparse.ArgumentParser:
    """The qa-bot parser with every subcommand in ``SUBCOMMANDS``."""
    parser = SpanishArgumentParser(prog="qa-bot", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument(
        "--version", action="version", version=f"qa-bot {__version__}", help="muestra la versión"
    )
    commands = parser.add_subparsers(
        dest="command", title="órdenes", metavar="ORDEN", parser_class=SpanishArgumentParser
    )
    for add in SUBCOMMANDS:
        add(commands)
    return parser


@contextmanager
def sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back until the block is done (it is delivered right after)."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:  # Windows
        yield
        return
    previous = mask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, previous)


def emit(text: str) -> None:
    """Write whole lines to stdout in one call and flush them, with Ctrl-C held back meanwhile:
    output cut short by Ctrl-C or by a reader that leaves still ends with a whole line."""
    with sigint_held():
        sys.stdout.write(text)
        sys.stdout.flush()


def write(fragments: Fragments) -> None:
    """Print fragments on stdout, coloured only when it is a terminal that wants colour."""
    emit(to_ansi(fragments, use_color(sys.stdout)))


def json_line(model: BaseModel) -> str:
    """A pydantic model as one JSON line with no raw C1 or bidi control characters."""
    text = model.model_dump_json()
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def warn(message: str) -> None:
    sys.stderr.write(f"qa-bot: aviso: {message}\n")


def stdin_is_terminal() -> bool:
    stdin = sys.stdin
    try:
        return stdin is not None and stdin.isatty()
    except ValueError:  # closed
        return False


def unexpected(exc: Exception) -> str:
    """The one line that reports a bug."""
    what = sanitize(f"{type(exc).__name__}: {exc}", keep_newlines=False)
    return f"error inesperado ({what}); por favor, infórmenos."


def load_bot(article: str | None, cache: bool = True) -> QABot:
    """The bot over ``article`` (or the bundled one); warns about encodings, skipped files and the
    index cache, and shows indexing progress on a terminal."""
    progress = TerminalProgress(sys.stderr)
    try:
        bot = QABot.load(article, cache=cache, progress=progress)
    finally:
        progress.finish()
    for notice in bot.notices:
        warn(sanitize(notice, keep_newlines=False))
    return bot


def too_long(question: str) -> str | None:
    """The warning for a question the bot will cut, or None."""
    if len(question) <= MAX_QUESTION_CHARS:
        return None
    return (
        f"la pregunta pasa de {MAX_QUESTION_CHARS} caracteres; "
        f"se responde con los {MAX_QUESTION_CHARS} primeros."
    )


def run_batch(bot: QABot, top_k: int, as_json: bool) -> int:
    """Answer one question per line of stdin: one answer per line that has something visible
    (see ``is_blank``), in order. A line that fails is reported on stderr and the batch goes on
    (exit 2 at the end)."""
    color = use_color(sys.stdout)
    first = True
    code = EXIT_OK
    for number, line in enumerate(stdin_lines(), start=1):
        if is_blank(line):
            continue
        question = line.strip()
        if warning := too_long(question):
            warn(f"línea {number}: {warning}")
        try:
            answer = bot.ask(question, top_k=top_k)
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
            emit(("" if first else "\n") + to_ansi(header + render_answer(answer), color))
        first = False
    return code


def run_ask(args: argparse.Namespace) -> int:
    words: list[str] = getattr(args, "question", [])
    batch = not words or words == ["-"]
    if batch and stdin_is_terminal():
        raise QAError(
            'Falta la pregunta: qa-bot ask "¿Qué cargo tiene Shoigu?" '
            "(o envíe preguntas por la entrada estándar, una por línea)."
        )
    if batch:
        return run_batch(load_bot(args.article, not args.no_cache), args.top_k, args.json)
    question = clean_text(" ".join(words))
    if is_blank(question):  # only spaces, control characters or escape sequences
        raise EmptyQuestionError(EMPTY_QUESTION)
    bot = load_bot(args.article, not args.no_cache)
    if warning := too_long(question):
        warn(warning)
    answer = bot.ask(question, top_k=args.top_k)
    if args.json:
        emit(json_line(answer))
    else:
        write(render_answer(answer))
    return EXIT_OK if answer.supported else EXIT_UNSUPPORTED


def run_cite(args: argparse.Namespace) -> int:
    bot = load_bot(args.article, not args.no_cache)
    if args.id is None:
        if args.json:
            for p in bot.passages:
                emit(json_line(p))
        else:
            write(render_passage_list(bot.passages))
        return EXIT_OK
    passage = bot.cite(clean_text(args.id).strip().strip("[]"))
    if args.json:
        emit(json_line(passage))
    else:
        write(render_passage(passage, bot.article(passage.article)))
    return EXIT_OK


def run_chat(args: argparse.Namespace) -> int:
    try:
        from qa_bot import repl
    except ImportError as exc:
        raise QAError(f"No se puede abrir la conversación: {exc}.") from exc
    return int(repl.main(args.article, cache=not args.no_cache))


def dispatch(argv: list[str] | None) -> int:
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
        code = dispatch(argv)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
        return code
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
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
