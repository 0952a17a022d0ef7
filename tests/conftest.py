"""Shared fixtures: one Spanish news article (7 paragraphs, blank-line separated) and a bot over it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from qa_bot import QABot
from qa_bot.models import Answer, Article

ARTICLE = """\
El Ayuntamiento de Zaragoza inauguró el lunes la segunda línea del tranvía, que une el barrio de \
Las Fuentes con el campus universitario. La obra duró tres años y costó 410 millones de euros.

La alcaldesa, Natalia Chueca, viajó en el primer convoy junto a doscientos vecinos. Según sus \
palabras, la nueva línea reducirá a la mitad el tiempo de viaje entre ambos extremos de la ciudad.

Los trenes circularán cada seis minutos en hora punta y cada doce minutos por la noche. El billete \
sencillo costará 1,40 euros, el mismo precio que el autobús urbano.

La empresa constructora, Acciona, empleó a unos novecientos trabajadores durante las obras. Las \
calles afectadas sufrieron cortes de tráfico que indignaron a los comerciantes del centro.

Los ecologistas celebraron el proyecto porque retirará de la circulación unos quince mil coches al \
día. También pidieron más carriles para bicicletas en las avenidas cercanas a las paradas.

La oposición municipal criticó el retraso de ocho meses sobre el calendario previsto y exigió una \
auditoría independiente de las cuentas.

El consorcio de transportes espera que la línea transporte treinta millones de viajeros al año a \
partir de 2026.
"""

ARTICLE_NAME = "tranvia-zaragoza.txt"


def assert_refused(answer: Answer, why: str) -> None:
    """``answer`` is a refusal whose reason says ``why``."""
    assert not answer.supported, answer.passages[0].sentence if answer.passages else answer
    assert answer.reason is not None and why in answer.reason, answer.reason


def assert_not_refused_for(answer: Answer, why: str) -> None:
    """``answer`` is not refused for the reason that says ``why`` (another check may still refuse
    it: a hand-made article is small)."""
    assert answer.reason is None or why not in answer.reason, answer.reason


def assert_answers(answer: Answer, phrase: str) -> None:
    """``answer`` is given, and its answer phrase is ``phrase``."""
    assert answer.supported, answer.reason
    assert answer.passages[0].answer == phrase, answer.passages[0].sentence


def assert_not_given(answer: Answer, phrase: str) -> None:
    """``answer`` is refused, or gives another phrase than ``phrase``."""
    assert not answer.supported or answer.passages[0].answer != phrase, answer.passages[0].sentence


def bot_over(*paragraphs: str, slug: str = "nota") -> QABot:
    """A bot over a hand-made article of ``paragraphs`` (blank-line separated), in memory."""
    text = "\n\n".join(paragraphs)
    return QABot([Article(slug=slug, title=slug, path=f"{slug}.txt", text=text)])


@pytest.fixture(scope="session")
def article_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test article written to a file (the bot's ids are p1..p7)."""
    path = tmp_path_factory.mktemp("articulo") / ARTICLE_NAME
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def bot(article_path: Path) -> QABot:
    """A bot over the test article."""
    return QABot.load(article_path)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``qa_bot.cli.main.main(argv)`` in process; returns (exit code, stdout, stderr)."""
    from qa_bot.cli.main import main

    def _run(*argv: str) -> tuple[int, str, str]:
        rc = main(list(argv))
        out, err = capsys.readouterr()
        return rc, out, err

    return _run


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests (and the processes they start) keep their index cache in a temporary folder,
    never in the user's ~/.cache/qa-bot."""
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(autouse=True, scope="session")
def _words_alone() -> Iterator[None]:
    """The tests (and the processes they start) rank by words alone, whether or not the optional
    ``semantic`` extra is installed: its reader is tested in tests/index/test_meaning.py, which
    turns it on where it needs it."""
    previous = os.environ.get("QA_BOT_SEMANTIC")
    os.environ["QA_BOT_SEMANTIC"] = "0"
    yield
    if previous is None:
        os.environ.pop("QA_BOT_SEMANTIC", None)
    else:
        os.environ["QA_BOT_SEMANTIC"] = previous
