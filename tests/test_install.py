"""A real, non-editable install: the wheel carries the bundled article and runs from anywhere.

The wheel is built and installed with pip into a fresh virtual environment (``--no-deps``); the
dependencies come from the environment running the tests, through a path file added after the
install, so the test needs no download of numpy or pydantic. Building uses pip's isolated build
environment, as ``pip install .`` does (setuptools comes from the pip cache or PyPI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # real processes

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 600
IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NO_COLOR")}
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=env, timeout=TIMEOUT
    )
    return done


def test_wheel_install_works_from_any_directory(tmp_path: Path) -> None:
    source = tmp_path / "fuente"
    shutil.copytree(ROOT, source, ignore=IGNORE)
    venv = tmp_path / "venv"
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    elsewhere = tmp_path / "otra-carpeta"
    elsewhere.mkdir()

    assert run(sys.executable, "-m", "venv", venv, cwd=tmp_path).returncode == 0
    built = run(
        python,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "-q",
        "-w",
        tmp_path / "dist",
        source,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("qa_bot-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "qa_bot/passages/rusia-corea-del-norte.txt" in names
    assert "qa_bot/data/stopwords-es.txt" in names
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "qa_bot").rglob("*.py")}
    assert modules <= names, sorted(modules - names)  # every subpackage is listed in pyproject

    installed = run(python, "-m", "pip", "install", "--no-deps", "-q", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    # Dependencies from the test environment, added after the install so pip never sees them.
    purelib = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).stdout.strip()
    )
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (purelib / "zz-test-deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")

    where = run(
        python,
        "-c",
        "import qa_bot.corpus.articles as a; print(a.__file__); print(a.bundled_article_path())",
        cwd=elsewhere,
    )
    module, article = where.stdout.splitlines()
    assert Path(module).is_relative_to(venv.resolve()) or Path(module).is_relative_to(venv)
    assert Path(article).is_relative_to(venv.resolve()) or Path(article).is_relative_to(venv)

    asked = run(bindir / "qa-bot", "ask", "¿Qué cargo tiene Shoigu?", cwd=elsewhere)
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.startswith("→ el ministro de Defensa ruso\n[p4] ")

    cited = run(bindir / "qa-bot", "cite", "p1", cwd=elsewhere)
    assert cited.returncode == 0, cited.stderr
    assert cited.stdout.startswith("[p1] rusia-corea-del-norte\npárrafo 1 · caracteres 0–")

    refused = run(python, "-m", "qa_bot", "ask", "¿Quién pintó la Mona Lisa?", cwd=elsewhere)
    assert refused.returncode == 1
    assert refused.stdout.startswith("El artículo no responde a esta pregunta.")
