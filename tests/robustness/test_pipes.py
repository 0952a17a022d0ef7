"""Signals and pipes in real processes: a reader that stops early sees only whole JSON lines, Ctrl-C
while a long line is being written still leaves whole lines, Ctrl-C and closed pipes are quiet."""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from qa_bot.models import Answer

TIMEOUT = 60
QUESTION = "¿Qué recorrió el tranvía?"

pytestmark = [
    pytest.mark.skipif(os.name == "nt", reason="POSIX signals and pipes"),
    pytest.mark.slow,
]


def env() -> dict[str, str]:
    e = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    e.pop("NO_COLOR", None)
    return e


def _default_sigint() -> None:
    # A background shell starts children with SIGINT ignored; Python then installs no handler.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="module")
def long_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 paragraphs of about 2,400 characters that all mention the tram: -k 10 answers are
    JSON lines of ~30 KB, larger than Python's write buffer and than half a pipe."""
    paragraphs = []
    for i in range(1, 13):
        sentences = [
            f"El tranvía {i} recorrió la avenida {j} con {i * j} viajeros y llegó puntual."
            for j in range(1, 60)
        ]
        text = " ".join(sentences)
        paragraphs.append(text[: text.rfind(".", 0, 2400) + 1])
    path = tmp_path_factory.mktemp("largo") / "tranvias.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def start(args: list[str], stdin_path: Path) -> subprocess.Popen[bytes]:
    with stdin_path.open("rb") as stdin:
        return subprocess.Popen(
            [sys.executable, "-m", "qa_bot", *args],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env(),
            preexec_fn=_default_sigint,
        )


def questions_file(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "preguntas.txt"
    path.write_text(f"{QUESTION}\n" * n, encoding="utf-8")
    return path


@pytest.mark.parametrize("keep", [1, 3, 20])
def test_a_reader_that_closes_early_reads_only_whole_json_lines(
    long_article: Path, tmp_path: Path, keep: int
) -> None:
    proc = start(
        ["ask", "--json", "-k", "10", "-a", str(long_article)], questions_file(tmp_path, 500)
    )
    assert proc.stdout is not None and proc.stderr is not None
    lines = [proc.stdout.readline() for _ in range(keep)]
    proc.stdout.close()  # like `| head -n KEEP`
    err = proc.stderr.read()
    rc = proc.wait(TIMEOUT)
    assert (rc, err) == (141, b"")
    for line in lines:
        assert line.endswith(b"\n")
        answer = Answer.model_validate_json(line)
        assert len(answer.passages) == 10
    assert len(lines[0]) > 16 * 1024  # a line longer than Python's write buffer


def wait_until_the_pipe_is_full(fd: int, timeout: float = 20) -> None:
    """Return when the bytes waiting in the pipe have stopped growing for a second."""
    last, since = -1, time.monotonic()
    deadline = since + timeout
    while time.monotonic() < deadline:
        waiting = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
        if waiting != last:
            last, since = waiting, time.monotonic()
        elif waiting > 0 and time.monotonic() - since > 1.0:
            return
        time.sleep(0.05)
    raise AssertionError("qa-bot never filled the pipe")


def test_ctrl_c_while_a_long_line_is_written_leaves_only_whole_lines(
    long_article: Path, tmp_path: Path
) -> None:
    proc = start(
        ["ask", "--json", "-k", "10", "-a", str(long_article)], questions_file(tmp_path, 50)
    )
    assert proc.stdout is not None and proc.stderr is not None
    # Nobody reads: the pipe fills up and qa-bot blocks in the middle of writing a line.
    wait_until_the_pipe_is_full(proc.stdout.fileno())
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=TIMEOUT)
    assert (proc.returncode, err) == (130, b"")
    assert out.endswith(b"\n")
    lines = out.split(b"\n")[:-1]
    assert 2 <= len(lines) < 50
    for line in lines:
        Answer.model_validate_json(line)


def test_ctrl_c_in_a_conversation_without_terminal_exits_130_quietly(
    article_path: Path, tmp_path: Path
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa_bot", "chat", "-a", str(article_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**env(), "XDG_STATE_HOME": str(tmp_path / "estado")},
        preexec_fn=_default_sigint,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write("¿Con quién viajó la alcaldesa?\n".encode())
    proc.stdin.flush()
    assert proc.stdout.readline() == "» ¿Con quién viajó la alcaldesa?\n".encode()
    assert proc.stdout.readline().startswith(b"[p2] ")
    proc.send_signal(signal.SIGINT)  # waiting for the next line
    rc = proc.wait(TIMEOUT)
    assert rc == 130
    assert proc.stderr.read() == b""
    proc.stdout.read()
    proc.stdin.close()


def test_closed_pipe_in_human_batch_and_cite_is_quiet(long_article: Path, tmp_path: Path) -> None:
    questions = questions_file(tmp_path, 300)
    for args in (["ask", "-k", "10", "-a", str(long_article)], ["cite", "-a", str(long_article)]):
        proc = start(args, questions)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        rc = proc.wait(TIMEOUT)
        assert err == b"", args
        assert rc in (0, 141), args  # cite may have written everything before the close


@pytest.fixture(scope="module")
def big_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 short paragraphs: `cite` lists ~230 KB, several times a pipe's 64 KiB."""
    paragraphs = [
        f"El tranvía {i} recorrió la avenida {i % 17} con {i * 3} viajeros y llegó puntual."
        for i in range(3000)
    ]
    path = tmp_path_factory.mktemp("grande") / "grande.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [["cite"], ["cite", "--json"], ["ask", "-k", "10"], ["chat"]])
def test_a_reader_that_takes_one_line_of_a_long_output_gets_141(
    big_article: Path, tmp_path: Path, args: list[str]
) -> None:
    proc = start([*args, "-a", str(big_article)], questions_file(tmp_path, 300))
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    assert (proc.wait(TIMEOUT), proc.stderr.read()) == (141, b"")


def test_cite_into_head_in_a_shell_exits_141(big_article: Path) -> None:
    script = (
        f'"{sys.executable}" -m qa_bot cite -a "{big_article}" | head -1; echo "${{PIPESTATUS[0]}}"'
    )
    done = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env(), timeout=TIMEOUT
    )
    first, status = done.stdout.splitlines()
    assert first.split()[:3] == ["p1", "El", "tranvía"]
    assert (status, done.stderr) == ("141", "")


def _seeds(tmp_path: Path) -> Path:
    path = tmp_path / "semillas.jsonl"
    path.write_text(
        '{"q": "¿Qué cargo tiene Shoigu?", "expect": "ministro de Defensa"}\n', encoding="utf-8"
    )
    return path


EVERY_COMMAND = {
    "ask": ["ask", "¿Qué cargo tiene Shoigu?"],
    "ask-json": ["ask", "--json", "¿Qué cargo tiene Shoigu?"],
    "ask-batch": ["ask"],
    "bare-question": ["¿Qué cargo tiene Shoigu?"],
    "cite-id": ["cite", "p4"],
    "cite-list": ["cite"],
    "cite-json": ["cite", "--json"],
    "chat": ["chat"],
    "eval": ["eval", "SEEDS"],
    "help": ["--help"],
    "ask-help": ["ask", "--help"],
    "version": ["--version"],
}


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", list(EVERY_COMMAND))
def test_every_command_exits_141_when_the_reader_is_gone(
    tmp_path: Path, command: str, buffered: bool
) -> None:
    args = [str(_seeds(tmp_path)) if a == "SEEDS" else a for a in EVERY_COMMAND[command]]
    environment = env()
    environment.pop("PYTHONUNBUFFERED", None)
    if not buffered:
        environment["PYTHONUNBUFFERED"] = "1"
    read, write = os.pipe()
    os.close(read)  # the reader left before qa-bot writes anything (`qa-bot ... | true`)
    with questions_file(tmp_path, 3).open("rb") as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qa_bot", *args],
            stdin=stdin,
            stdout=write,
            stderr=subprocess.PIPE,
            env=environment,
            preexec_fn=_default_sigint,
        )
    os.close(write)
    _, err = proc.communicate(timeout=TIMEOUT)
    assert (proc.returncode, err) == (141, b"")
