"""Real processes: `python -m qa_bot` from another directory, pipes, stdin, signals, exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # real processes

TIMEOUT = 60


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e["PYTHONIOENCODING"] = "utf-8"
    return e


def qa_bot(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qa_bot", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=env(),
        timeout=TIMEOUT,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )


def test_ask_from_another_directory(tmp_path: Path) -> None:
    done = qa_bot("ask", "¿Qué cargo tiene Shoigu?", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.startswith(
        "→ el ministro de Defensa ruso\n[p4] rusia-corea-del-norte, párrafo 4 "
    )
    assert "Sergei Shoigu, el ministro de Defensa ruso" in done.stdout
    assert "\x1b" not in done.stdout  # stdout is a pipe: no colour


@pytest.mark.parametrize(
    "question", ["¿Cuál es la capital de Francia?", "¿Quién pintó la Mona Lisa?"]
)
def test_unanswerable_exits_1(tmp_path: Path, question: str) -> None:
    done = qa_bot("ask", question, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("El artículo no responde a esta pregunta.\n")
    # one line that says which article was asked (the bundled one: no -a was given)
    assert done.stderr.startswith("qa-bot: aviso: se ha preguntado al artículo incluido")
    assert done.stderr.count("\n") == 1


def test_input_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    for args in (
        ["ask", "-a", "no-existe.txt", "¿Qué?"],
        ["cite", "p99"],
        ["ask", ""],
        ["ask", "--nada"],
    ):
        done = qa_bot(*args, cwd=tmp_path)
        assert done.returncode == 2, args
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1, done.stderr
        assert done.stderr.startswith("qa-bot")
        assert "Traceback" not in done.stderr


def test_stdin_batch_json_lines(tmp_path: Path) -> None:
    done = qa_bot(
        "ask",
        "--json",
        cwd=tmp_path,
        stdin="¿Qué cargo tiene Shoigu?\n\n¿Cuál es la capital de Francia?\n",
    )
    assert done.returncode == 0
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["supported"] for a in answers] == [True, False]
    assert answers[0]["passages"][0]["id"] == "p4"


def test_cite_and_relative_article_path(tmp_path: Path) -> None:
    (tmp_path / "nota.md").write_text(
        "Primer párrafo.\n\nEl alcalde inauguró la biblioteca.\n", encoding="utf-8"
    )
    done = qa_bot("cite", "p2", "--article", "nota.md", cwd=tmp_path)
    assert done.returncode == 0
    assert (
        done.stdout
        == "[p2] nota\npárrafo 2 · caracteres 17–51 del artículo\nEl alcalde inauguró la biblioteca.\n"
    )


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    questions = tmp_path / "preguntas.txt"
    questions.write_text("¿Qué cargo tiene Shoigu?\n" * 3000, encoding="utf-8")
    with questions.open("rb") as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qa_bot", "ask", "--json"],
            cwd=tmp_path,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env(),
        )
        assert proc.stdout is not None and proc.stderr is not None
        head = proc.stdout.read(20)
        proc.stdout.close()  # like `| head -c 20`
        err = proc.stderr.read()
        rc = proc.wait(TIMEOUT)
    assert head == '{"question":"¿Qué cargo'.encode()[:20]
    assert err == b""
    assert rc == 141


def test_pipe_into_head_in_a_shell(tmp_path: Path) -> None:
    questions = tmp_path / "preguntas.txt"
    questions.write_text("¿Qué cargo tiene Shoigu?\n" * 3000, encoding="utf-8")
    done = subprocess.run(
        f'"{sys.executable}" -m qa_bot ask < preguntas.txt | head -c 20',
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        env=env(),
        timeout=TIMEOUT,
    )
    assert done.returncode == 0
    assert done.stdout == "» ¿Qué cargo tiene Shoigu?".encode()[:20]
    assert done.stderr == b""


def _default_sigint() -> None:
    # A background shell starts children with SIGINT ignored; Python then installs no handler.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interruptible(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    """``python ARGS`` with pipes on all three streams and Ctrl-C deliverable."""
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
        preexec_fn=_default_sigint,
    )


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_ctrl_c_exits_130_quietly(tmp_path: Path) -> None:
    proc = interruptible("-m", "qa_bot", "ask", "--json", cwd=tmp_path)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write("¿Qué cargo tiene Shoigu?\n".encode())
    proc.stdin.flush()
    first = proc.stdout.readline()  # answered, now waiting for the next line
    assert json.loads(first)["supported"] is True
    proc.send_signal(signal.SIGINT)
    rc = proc.wait(TIMEOUT)
    assert rc == 130
    assert proc.stdout.read() == b""
    assert proc.stderr.read() == b""
    proc.stdin.close()


# The child says "go" once Python itself is up (an interrupt inside Python's own start-up, before
# any qa-bot code runs, is Python's business), then runs the command; the interrupt lands while
# numpy / pydantic-core are being imported (~150 ms), or just after. No delay is below 20 ms: an
# interrupt between this script's print and its call of run() would be the script's own traceback.
_GO = "from qa_bot.__main__ import run; print('go', flush=True); raise SystemExit(run())"


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("delay", [0.02, 0.04, 0.07, 0.1, 0.15, 0.3])
def test_ctrl_c_while_still_importing_is_quiet(tmp_path: Path, delay: float) -> None:
    proc = interruptible("-c", _GO, "ask", cwd=tmp_path)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"go\n"
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=TIMEOUT)
    assert err == b""  # no Python traceback, no PyO3 panic from pydantic-core
    assert out == b""
    assert proc.returncode == 130
