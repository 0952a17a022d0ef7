"""The Spanish argparse parser of ``qa-bot``: one small ``add_*_parser`` function per subcommand.

Help, usage and argparse's own error messages are in Spanish; an error is one line and exit 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from qa_bot import __version__
from qa_bot.bot import MAX_TOP_K
from qa_bot.cli.eval_cmd import add_eval_parser
from qa_bot.cli.index_cmd import add_index_parser
from qa_bot.paths import shown_cache_root
from qa_bot.text.sanitize import sanitize

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

EXIT_USAGE = 2

Handlers = Mapping[str, Callable[[argparse.Namespace], int]]

DESCRIPTION = "qa-bot: preguntas y respuestas en español sobre artículos de prensa, con citas."
EPILOG = """\
ejemplos:
  qa-bot ask "¿Qué cargo tiene Shoigu?"        responde con el pasaje que lo dice y su cita
  qa-bot "¿Qué cargo tiene Shoigu?"            lo mismo: una pregunta sin orden es un ask
  qa-bot ask --json --top-k 3 "¿Quién visitó Corea del Norte?"
  qa-bot ask < preguntas.txt                    una pregunta por línea (--json: JSON Lines)
  qa-bot ask --article noticias/ "¿...?"        otro artículo (.txt/.md) o una carpeta de ellos
  qa-bot cite p4                                muestra el pasaje p4: artículo, párrafo, posición
  qa-bot cite                                   lista todos los pasajes
  qa-bot chat                                   conversación interactiva (también: qa-bot)
  qa-bot -a articulo.txt                        conversación sobre ese artículo
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
        super().__init__(*args, add_help=False, **kwargs)  # type: ignore[arg-type, misc]
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

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse drops an OSError here (Python 3.11): `qa-bot --help | true` would exit 0.
        # Let a closed pipe reach cli.main, which exits 141 as for every other output.
        if message:
            (file or sys.stderr).write(message)

    def error(self, message: str) -> None:  # type: ignore[override]
        # The message may quote an argument, and arguments can carry escape sequences.
        message = sanitize(translate_error(message), keep_newlines=False)
        sys.stderr.write(f"{self.prog}: error: {message} («{self.prog} --help» muestra la ayuda)\n")
        self.exit(EXIT_USAGE)


def top_k(text: str) -> int:
    """argparse type: how many passages to show, 1 to ``MAX_TOP_K`` (the chat's /top too)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_TOP_K:
        shown = sanitize(text, keep_newlines=False)
        raise argparse.ArgumentTypeError(
            f"«{shown}» no vale: necesita un número entre 1 y {MAX_TOP_K}"
        )
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
        help=(
            f"no usa ni guarda el índice en caché ({shown_cache_root()}) de los artículos grandes"
        ),
    )
    parser.add_argument(
        "--index",
        metavar="DIR",
        help="pregunta a los fragmentos de DIR (qa-bot index --shards) en vez de a --article",
    )
    parser.add_argument(
        "--cluster",
        metavar="DIRECCIÓN",
        help="con --index: un actor de Ray por fragmento en el clúster de DIRECCIÓN "
        "(auto: uno local); necesita pip install 'qa-bot[cluster]'",
    )


def add_ask_parser(commands: argparse._SubParsersAction, handlers: Handlers) -> None:
    p = commands.add_parser(
        "ask",
        help='responde a una pregunta: qa-bot ask "¿Qué cargo tiene Shoigu?"',
        description="Responde a una pregunta con el pasaje del artículo que la apoya y su cita. "
        "Sin pregunta (o con «-») y con la entrada estándar redirigida, responde a una pregunta "
        "por línea.",
        epilog='ejemplo:\n  qa-bot ask "¿Qué cargo tiene Shoigu?"\n  qa-bot ask --json < preguntas.txt'
        "\n  qa-bot ask --conversation < dialogo.txt",
    )
    p.add_argument("question", nargs="*", metavar="PREGUNTA", help="la pregunta, entre comillas")
    p.add_argument("--json", action="store_true", help="un objeto JSON por pregunta")
    p.add_argument(
        "--conversation",
        action="store_true",
        help="con la entrada estándar: cada línea es un turno de una conversación («¿Y cuándo?» "
        "sigue a la anterior) y una línea en blanco empieza otra",
    )
    p.add_argument(
        "--top-k",
        "-k",
        type=top_k,
        default=1,
        metavar="N",
        help=f"muestra los N mejores pasajes, de 1 a {MAX_TOP_K} (por defecto, 1)",
    )
    _add_article_option(p)
    p.set_defaults(handler=handlers["ask"])


def add_cite_parser(commands: argparse._SubParsersAction, handlers: Handlers) -> None:
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
    p.set_defaults(handler=handlers["cite"])


def add_chat_parser(commands: argparse._SubParsersAction, handlers: Handlers) -> None:
    p = commands.add_parser(
        "chat",
        help="conversación interactiva: qa-bot chat",
        description="Abre una conversación: pregunte y cite pasajes del artículo o artículos cargados.",
        epilog="ejemplo:\n  qa-bot chat --article noticias/",
    )
    _add_article_option(p)
    p.set_defaults(handler=handlers["chat"])


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction, Handlers], None]] = [
    add_ask_parser,
    add_cite_parser,
    add_chat_parser,
    lambda commands, _handlers: add_eval_parser(commands),
    lambda commands, _handlers: add_index_parser(commands),
]


def build_parser(handlers: Handlers) -> argparse.ArgumentParser:
    """The qa-bot parser with every subcommand in ``SUBCOMMANDS``; ``handlers`` maps "ask",
    "cite" and "chat" to the functions that run them (``eval`` brings its own)."""
    parser = SpanishArgumentParser(prog="qa-bot", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument(
        "--version", action="version", version=f"qa-bot {__version__}", help="muestra la versión"
    )
    commands = parser.add_subparsers(
        dest="command", title="órdenes", metavar="ORDEN", parser_class=SpanishArgumentParser
    )
    for add in SUBCOMMANDS:
        add(commands, handlers)
    return parser
