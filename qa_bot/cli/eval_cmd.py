"""``qa-bot eval``: measure the answers on a SQuAD file, on seed questions or on noticias.

``add_eval_parser(commands)`` adds the subcommand (its handler is ``run_eval``) to qa-bot's parser.
The table goes to stdout (``--json``: the ``EvalReport``, or the ``NewsReport`` of a noticias
folder or pair); a progress bar goes to stderr only when stderr is a terminal. Bad input raises
QAError, which ``qa_bot.cli.main.main`` turns into exit 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from qa_bot.console.terminal import json_line, stderr_is_terminal
from qa_bot.text.sanitize import sanitize

if TYPE_CHECKING:
    from qa_bot.eval.run import Progress

T = TypeVar("T")

EPILOG = """\
ejemplos:
  qa-bot eval ../shared/data/noticias                  noticias: NN-tema.txt + NN-tema.jsonl
  qa-bot eval ../shared/data/noticias/01-alquiler-zona-tensionada.jsonl   una sola noticia
  qa-bot eval ../shared/data/xquad-es-dev.json         SQuAD v1.1 o v2.0
  qa-bot eval --json ../shared/data/squad-es-v2-dev.json
  qa-bot eval ../shared/data/seed_dev.jsonl            preguntas {"q", "expect"} sobre el artículo incluido
  qa-bot eval preguntas.jsonl --article noticia.txt    ... o sobre otro artículo

Noticias (formato en ../shared/data/noticias/README.md): cada noticia es su propio corpus y sus
preguntas {"q", "expect", "para", "kind"} se cuentan por tipo. Una pregunta con respuesta es
correcta si el primer pasaje citado está en el párrafo «para» y contiene «expect» (sin distinguir
mayúsculas ni tildes); «frase con la respuesta»: también la frase mostrada. Una sin respuesta
(«expect»: null) solo es correcta si se rechaza. Los turnos de conversations.jsonl se preguntan
como en la conversación: una pregunta que sigue a otra («¿Y cuándo?») con las anteriores. La última tabla cuenta las respuestas dadas por su confianza.

Cada artículo SQuAD es su propio corpus (sus párrafos separados por una línea en blanco). Una
respuesta es correcta si el primer pasaje está en el párrafo de la respuesta y la contiene (sin
distinguir mayúsculas ni tildes). «frase con la respuesta»: correctas cuya frase destacada también
la contiene. «top-1 conjunto»: todos los artículos en un solo corpus. «de otro artículo»: las
preguntas de cada artículo hechas al siguiente, que debe rechazarlas.
"""


def add_eval_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``eval`` to qa-bot's subcommands."""
    p = commands.add_parser(
        "eval",
        help="mide la calidad: qa-bot eval noticias/, datos.json (SQuAD) o preguntas.jsonl",
        description="Evalúa las respuestas con una carpeta de noticias (NN-tema.txt con sus "
        "preguntas NN-tema.jsonl, o un solo par), con un archivo SQuAD v1.1/v2.0 (JSON) o con "
        'preguntas JSONL {"q": pregunta, "expect": frase que debe contener el pasaje, o null si '
        "el artículo no responde}.",
        epilog=EPILOG,
    )
    p.add_argument(
        "file",
        metavar="DATOS",
        help="carpeta de noticias, archivo SQuAD (.json) o de preguntas (.jsonl)",
    )
    p.add_argument("--json", action="store_true", help="el informe completo en JSON")
    p.add_argument(
        "--article",
        "-a",
        metavar="RUTA",
        help="para preguntas JSONL: artículo .txt/.md o carpeta (por defecto, el incluido; con "
        "preguntas de noticias, el .txt del mismo nombre)",
    )
    p.add_argument(
        "--no-progress", action="store_true", help="sin barra de progreso en la salida de error"
    )
    p.set_defaults(handler=run_eval)


@contextmanager
def progress_bar(title: str) -> Iterator[Progress]:
    """A prompt-toolkit progress bar on stderr, driven by ``(done, total)`` calls."""
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import create_output
    from prompt_toolkit.shortcuts import ProgressBar
    from prompt_toolkit.shortcuts.progress_bar.base import ProgressBarCounter

    output = create_output(stdout=sys.stderr)
    # The terminal would answer a cursor position request on stdin, which the bar does not read:
    # the reply would be left for the shell to find.
    if hasattr(output, "enable_cpr"):
        output.enable_cpr = False
    # An idle pipe as input: the terminal stays in cooked mode, so Ctrl-C is a KeyboardInterrupt,
    # and stdin may be anything (DummyInput would end the bar at once with EOFError).
    with (
        create_pipe_input() as idle,
        ProgressBar(title=to_formatted_text(title), output=output, input=idle) as bar,
    ):
        counters: list[ProgressBarCounter[object]] = []

        def update(done: int, total: int) -> None:
            if not counters:
                counters.append(bar(label="preguntas ", total=total))
            counters[0].items_completed = done
            bar.invalidate()

        yield update


def _with_progress(args: argparse.Namespace, run: Callable[[Progress | None], T]) -> T:
    """``run(progress)``, with a progress bar on stderr when it is a terminal."""
    if args.no_progress or not stderr_is_terminal():
        return run(None)
    name = sanitize(Path(args.file).name, keep_newlines=False)
    with progress_bar(f"Evaluando {name}") as progress:
        return run(progress)


def _reader() -> str | None:
    """The semantic reader qa-bot ranks with (loaded by the evaluation), or None."""
    from qa_bot.index.meaning import MODEL_NAME, meaning

    return MODEL_NAME if meaning() is not None else None


def run_eval(args: argparse.Namespace) -> int:
    """Evaluate ``args.file`` and print the table (or ``--json``); returns the exit code 0."""
    # Imported here: building the parser for `ask` must not load the evaluation modules.
    from qa_bot.eval.news_data import is_news

    if is_news(args.file):
        from qa_bot.eval.news_data import read_news
        from qa_bot.eval.news_run import ask_in_conversation, evaluate_news
        from qa_bot.eval.table import render_news_report

        news = read_news(args.file, args.article)
        news_report = _with_progress(
            args, lambda p: evaluate_news(news, progress=p, turn_runner=ask_in_conversation)
        )
        news_report = news_report.model_copy(update={"semantic": _reader()})
        text = json_line(news_report) if args.json else render_news_report(news_report)
    else:
        from qa_bot.eval.data import read_eval_file
        from qa_bot.eval.run import evaluate
        from qa_bot.eval.table import render_report

        data = read_eval_file(args.file)
        report = _with_progress(args, lambda p: evaluate(data, article=args.article, progress=p))
        report = report.model_copy(update={"semantic": _reader()})
        text = json_line(report) if args.json else render_report(report)
    sys.stdout.write(text)
    return 0
