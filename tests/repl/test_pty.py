"""A real conversation on a pseudo-terminal: question, /cita, Ctrl-C, Ctrl-D, history on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qa_bot import QABot
from qa_bot.repl.app import PLAIN_HINT

pytestmark = pytest.mark.slow  # real processes

pexpect = pytest.importorskip("pexpect")

QUESTION = "¿Cuánto costará el billete sencillo?"
PROMPT = "pregunta>"  # the trailing space is drawn separately
TIMEOUT = 15  # seconds per step: generous for a slow machine; the whole run takes ~2 s


def _chat(article_path: Path, tmp_path: Path) -> pexpect.spawn:
    """The chat over ``article_path`` on a 30x120 pseudo-terminal, its history under tmp_path."""
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "estado"), "TERM": "xterm"}
    # No terminal answers the cursor-position query under pexpect; without this prompt-toolkit
    # waits for it and then prints a warning.
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    code = "import sys; from qa_bot.repl.app import main; raise SystemExit(main(sys.argv[1]))"
    return pexpect.spawn(
        sys.executable,
        ["-c", code, str(article_path)],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(30, 120),
    )


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_conversation_on_a_terminal(article_path: Path, bot: QABot, tmp_path: Path) -> None:
    child = _chat(article_path, tmp_path)
    try:
        child.expect_exact("«El Ayuntamiento de Zaragoza inauguró el lunes la…»")
        child.expect_exact("7 pasajes")
        child.expect_exact(PROMPT)

        child.sendline(QUESTION)
        child.expect_exact(f"[{bot.ask(QUESTION).passages[0].id}]")
        child.expect_exact("confianza")
        child.expect_exact(PROMPT)

        child.sendline("/cita p1")
        child.expect_exact("[p1]")
        child.expect_exact("párrafo 1 · caracteres")
        child.expect_exact(PROMPT)

        child.send("una pregunta a medias")
        child.sendcontrol("c")
        child.expect_exact(PROMPT)
        child.sendline("/cita p2")  # the session survived Ctrl-C
        child.expect_exact("[p2]")
        child.expect_exact(PROMPT)

        child.sendcontrol("d")
        child.expect_exact("Hasta pronto.")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    history = (tmp_path / "estado" / "qa-bot" / "history").read_text(encoding="utf-8")
    assert f"+{QUESTION}\n" in history
    assert "+/cita p1\n" in history
    assert "a medias" not in history


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_typing_with_the_output_redirected_gets_a_hint(article_path: Path, tmp_path: Path) -> None:
    # `qa-bot chat | cat` at a terminal: no prompt can be drawn, so one line on stderr says what
    # to do instead of waiting in silence; the answers still go to the pipe.
    master, slave = os.openpty()
    code = "import sys; from qa_bot.repl.app import main; raise SystemExit(main(sys.argv[1]))"
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "estado")}
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(article_path)],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(slave)
    try:
        os.write(master, f"{QUESTION}\n".encode() + b"\x04")  # a line, then Ctrl-D
        out, err = proc.communicate(timeout=TIMEOUT * 2)
    finally:
        os.close(master)
    assert proc.returncode == 0
    assert PLAIN_HINT in err.decode()
    assert f"» {QUESTION}" in out.decode()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_follow_up_on_a_terminal(article_path: Path, tmp_path: Path) -> None:
    child = _chat(article_path, tmp_path)
    try:
        child.expect_exact(PROMPT)
        child.sendline("¿Cuánto costó la obra del tranvía?")
        child.expect_exact("[p1]")
        child.expect_exact(PROMPT)
        child.sendline("¿Y cuánto duró?")
        child.expect_exact("respondida con la pregunta anterior")
        child.expect_exact("[p1]")
        child.expect_exact(PROMPT)
        child.sendline("adiós")
        child.expect_exact("Hasta pronto.")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
