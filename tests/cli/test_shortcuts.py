"""The shortcuts a new user tries: a bare question, `-a FILE` alone, options before the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qa_bot.cli.shortcuts import expand
from qa_bot.errors import QAError

QUESTION = "¿Qué cargo tiene Shoigu?"


@pytest.mark.parametrize(
    ("argv", "interactive", "expected"),
    [
        ([QUESTION], True, ["ask", QUESTION]),
        (["-a", "a.txt", QUESTION], True, ["ask", "-a", "a.txt", QUESTION]),
        (
            ["--article=a.txt", "-k", "2", QUESTION],
            True,
            ["ask", "--article=a.txt", "-k", "2", QUESTION],
        ),
        (["-a", "a.txt"], True, ["chat", "-a", "a.txt"]),
        (["--art", "a.txt", "--no-cache"], True, ["chat", "--art", "a.txt", "--no-cache"]),
        (["-a", "a.txt"], False, ["ask", "-a", "a.txt"]),  # from a pipe: one answer per line
        (["--json", "-a", "a.txt"], True, ["ask", "--json", "-a", "a.txt"]),
        (["-a", "a.txt", "cite", "p4"], True, ["cite", "-a", "a.txt", "p4"]),
        (["-a", "cite"], True, ["chat", "-a", "cite"]),  # an article named like a command
        (["--", "-a"], True, ["ask", "--", "-a"]),
        (["Shoigu"], True, ["ask", "Shoigu"]),
        (["ask", QUESTION], True, ["ask", QUESTION]),
        (["--version"], True, ["--version"]),
        ([], True, []),
    ],
)
def test_shortcuts_spell_out_the_command(
    argv: list[str], interactive: bool, expected: list[str]
) -> None:
    assert expand(argv, interactive) == expected


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["aks", QUESTION], "«aks» no es una orden de qa-bot; ¿quería decir «qa-bot ask»?"),
        (["cita", "p4"], "«cita» no es una orden de qa-bot; ¿quería decir «qa-bot cite»?"),
        (
            ["articulo.txt"],
            "«articulo.txt» parece un artículo, no una pregunta: qa-bot -a articulo.txt abre",
        ),
        (["mi nota.md"], None),  # two words: a question, however odd
    ],
)
def test_a_mistyped_command_or_a_bare_path_is_a_usage_error(
    argv: list[str], message: str | None
) -> None:
    if message is None:
        assert expand(argv, True)[0] == "ask"
        return
    with pytest.raises(QAError) as caught:
        expand(argv, True)
    assert str(caught.value).startswith(message)


def test_a_bare_question_is_answered_like_ask(run) -> None:  # type: ignore[no-untyped-def]
    assert run(QUESTION) == run("ask", QUESTION)
    rc, out, err = run("aks", QUESTION)
    assert (rc, out) == (2, "")
    assert err.startswith("qa-bot: «aks» no es una orden de qa-bot; ¿quería decir «qa-bot ask»?")


def env(tmp_path: Path) -> dict[str, str]:
    e = {**os.environ, "PYTHONIOENCODING": "utf-8", "XDG_STATE_HOME": str(tmp_path / "estado")}
    e.pop("NO_COLOR", None)
    return e


@pytest.mark.slow
def test_a_bare_question_in_a_real_process(tmp_path: Path) -> None:
    def qa_bot(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "qa_bot", *args],
            capture_output=True,
            text=True,
            env=env(tmp_path),
            stdin=subprocess.DEVNULL,
            timeout=60,
        )

    short, full = qa_bot(QUESTION), qa_bot("ask", QUESTION)
    assert (short.returncode, short.stdout, short.stderr) == (0, full.stdout, "")
    assert short.stdout.startswith("→ el ministro de Defensa ruso\n[p4] rusia-corea-del-norte")
    wrong = qa_bot("-a", str(tmp_path / "no-existe.txt"), QUESTION)
    assert (wrong.returncode, wrong.stdout) == (2, "")
    assert wrong.stderr == (
        f"qa-bot: No existe {tmp_path / 'no-existe.txt'}; indique un archivo .txt/.md o una carpeta.\n"
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_dash_a_alone_opens_the_conversation_on_that_article(
    article_path: Path, tmp_path: Path
) -> None:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "qa_bot", "-a", str(article_path)],
        env={**env(tmp_path), "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"},
        encoding="utf-8",
        timeout=15,
        dimensions=(30, 120),
    )
    try:
        child.expect_exact("«El Ayuntamiento de Zaragoza inauguró el lunes la…»")
        child.expect_exact("7 pasajes")
        child.expect_exact("pregunta>")
        child.sendline("/salir")
        child.expect_exact("Hasta pronto.")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
