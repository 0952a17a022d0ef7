"""Bad questions through `qa-bot ask`, one at a time and in batch: exit codes, messages, one line
of output per non-blank line, and the length limit."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from qa_bot.bot import MAX_QUESTION_CHARS
from qa_bot.cli.main import main
from qa_bot.console.lines import MAX_LINE_BYTES, clean_text
from qa_bot.models import Answer
from qa_bot.text.sanitize import is_blank

EMPTY = "qa-bot: La pregunta está vacía; escriba una pregunta.\n"
NO_TERMS = "La pregunta no contiene palabras con contenido que buscar en el artículo."
REFUSED = "El artículo no responde a esta pregunta.\n"
ANSWERABLE = "¿Con quién viajó la alcaldesa?"
TOO_LONG = (
    f"la pregunta pasa de {MAX_QUESTION_CHARS} caracteres; "
    f"se responde con los {MAX_QUESTION_CHARS} primeros."
)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MEGABYTE = 1024 * 1024


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def subprocess_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("NO_COLOR", None)
    return env


# empty: exit 2


@pytest.mark.parametrize(
    "question",
    ["", " ", "\t\n", "\x00", "\x07\x7f", "\x1b[31m", "\x1b]0;título\x07", "\u200e\u202e", "\xa0"],
    ids=["empty", "space", "tab-newline", "nul", "bel-del", "csi", "osc", "bidi", "nbsp"],
)
def test_a_question_with_nothing_visible_is_empty_exit_2(
    run, article_path: Path, question: str
) -> None:
    rc, out, err = run("ask", "-a", str(article_path), "--", question)
    assert (rc, out, err) == (2, "", EMPTY)
    assert is_blank(question)


def test_is_blank_counts_only_visible_characters() -> None:
    for blank in ["", " \t\n\r", "\x00\x01\x1f", "\x1b[2J\x1b[H", "\x9b31m", "\u202e\u2066\u200f"]:
        assert is_blank(blank), repr(blank)
    for text in ["¿?", "a", "7", "🚋", "\ufffd", "\x1b[31mrojo", "—", "\u202eabc"]:
        assert not is_blank(text), repr(text)


# only punctuation or only stopwords: refused, exit 1


@pytest.mark.parametrize("question", ["¿?", "¡¡!!…", "¿Qué es eso?", "y o pero", "😀🚋"])
def test_punctuation_stopwords_or_emoji_only_is_refused_exit_1(
    run, article_path: Path, question: str
) -> None:
    rc, out, err = run("ask", "-a", str(article_path), question)
    assert (rc, out, err) == (1, f"{REFUSED}{NO_TERMS}\n", "")
    rc, out, _ = run("ask", "--json", "-a", str(article_path), question)
    answer = Answer.model_validate_json(out)
    assert rc == 1
    assert (answer.supported, answer.reason, answer.question) == (False, NO_TERMS, question)


# very long: cut to MAX_QUESTION_CHARS, with a warning, quickly


@pytest.mark.slow
def test_a_1mb_question_is_answered_quickly_from_its_first_2000_characters(
    run, article_path: Path
) -> None:
    question = ANSWERABLE + " " + "x" * MEGABYTE
    start = time.monotonic()
    rc, out, err = run("ask", "--json", "-a", str(article_path), question)
    assert time.monotonic() - start < 2.0
    answer = Answer.model_validate_json(out)
    assert rc == 0 and answer.supported
    assert answer.question == question[:MAX_QUESTION_CHARS]
    assert err == f"qa-bot: aviso: {TOO_LONG}\n"


@pytest.mark.slow
def test_a_1mb_question_in_human_output_is_not_echoed(run, article_path: Path) -> None:
    rc, out, err = run("ask", "-a", str(article_path), "ñ" * MEGABYTE)
    assert (rc, out) == (1, f"{REFUSED}Ninguna palabra de la pregunta aparece en el artículo.\n")
    assert err == f"qa-bot: aviso: {TOO_LONG}\n"


@pytest.mark.slow
def test_a_question_at_the_limit_gets_no_warning(run, article_path: Path) -> None:
    question = (ANSWERABLE + " " + "x" * MAX_QUESTION_CHARS)[:MAX_QUESTION_CHARS]
    rc, out, err = run("ask", "--json", "-a", str(article_path), question)
    assert (rc, err) == (0, "")
    assert json.loads(out)["question"] == question


# control characters, invalid UTF-8, emoji, right-to-left marks


@pytest.mark.parametrize(
    "question",
    [
        "¿Con quién\x00 viajó la alcaldesa?\x07",
        "\u202e¿Con quién viajó la alcaldesa?\u202c",
        "\u200f¿Con quién viajó la alcaldesa? 🚋",
        "¿Con \x1b[31mquién\x1b[0m viajó la alcaldesa?",
        "¿Con quién viajó la alcaldesa?\ud800",  # a lone surrogate: never valid text
        "¿Con quién viajó la alcaldesa?\udcff",  # an undecodable byte in argv (surrogateescape)
    ],
    ids=["nul-bel", "rlo", "rlm-emoji", "csi", "surrogate", "surrogateescape"],
)
def test_odd_characters_in_a_question_still_get_an_answer(
    run, article_path: Path, question: str
) -> None:
    rc, out, err = run("ask", "-a", str(article_path), question)
    assert (rc, err) == (0, "")
    assert out.startswith("[p2] ")
    assert not UNSAFE.search(out)
    rc, out, err = run("ask", "--json", "-a", str(article_path), question)
    assert (rc, err) == (0, "")
    assert not UNSAFE.search(out)  # escaped in the JSON text
    assert json.loads(out)["passages"][0]["id"] == "p2"


def test_arabic_question_is_refused(run, article_path: Path) -> None:
    rc, out, err = run("ask", "-a", str(article_path), "ما هو الترام؟")
    assert (rc, err) == (1, "")
    assert out.startswith(REFUSED)


@pytest.mark.slow
def test_invalid_utf8_in_argv_of_a_real_process(article_path: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "qa_bot",
            "ask",
            "-a",
            str(article_path),
            b"\xff\xfe\xc3",
            ANSWERABLE,
        ],
        cwd=tmp_path,
        capture_output=True,
        env=subprocess_env(),
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert done.stdout.startswith(b"[p2] ")


# batch: one answer per non-blank line

BATCH = [
    (ANSWERABLE.encode(), ANSWERABLE),
    (b"", None),
    (b"   \t ", None),
    (b"\x00\x01\x02", None),
    (b"\x1b[2J\x1b]0;t\x07", None),
    ("\u200e\u202e\u2066".encode(), None),
    (b"\r", None),
    ("\xa0\u3000".encode(), None),
    ("¿?¡!".encode(), "¿?¡!"),
    ("¿Qué es eso?".encode(), "¿Qué es eso?"),
    (b"\xff\xfe\xfd", "\ufffd\ufffd\ufffd"),
    ("🚋🚋".encode(), "🚋🚋"),
    (f"\u202e{ANSWERABLE}".encode(), f"\u202e{ANSWERABLE}"),
    (b"hola\x00mundo", "hola\x00mundo"),
    (f"{ANSWERABLE} {'x' * MEGABYTE}".encode(), f"{ANSWERABLE} {'x' * MEGABYTE}"),
    ("  ¿Cuánto costó la obra?\r".encode(), "¿Cuánto costó la obra?"),
]
BATCH_STDIN = b"\n".join(line for line, _ in BATCH)  # the last line has no newline
BATCH_QUESTIONS = [q[:MAX_QUESTION_CHARS] for _, q in BATCH if q is not None]
LONG_LINE = next(i for i, (line, _) in enumerate(BATCH, start=1) if len(line) > MEGABYTE)


@pytest.mark.slow
def test_batch_json_gives_one_line_per_non_blank_line(
    run, monkeypatch: pytest.MonkeyPatch, article_path: Path
) -> None:
    set_stdin(monkeypatch, BATCH_STDIN)
    start = time.monotonic()
    rc, out, err = run("ask", "--json", "-a", str(article_path))
    assert time.monotonic() - start < 5.0
    assert rc == 0
    assert out.endswith("\n")
    answers = [Answer.model_validate_json(line) for line in out.split("\n")[:-1]]
    assert [a.question for a in answers] == BATCH_QUESTIONS
    assert [a.supported for a in answers] == [
        True,
        False,
        False,
        False,
        False,
        True,
        False,
        True,
        True,
    ]
    assert not UNSAFE.search(out)
    assert err == f"qa-bot: aviso: línea {LONG_LINE}: {TOO_LONG}\n"


@pytest.mark.slow
def test_batch_human_gives_one_answer_per_non_blank_line(
    run, monkeypatch: pytest.MonkeyPatch, article_path: Path
) -> None:
    set_stdin(monkeypatch, BATCH_STDIN)
    rc, out, err = run("ask", "-a", str(article_path))
    assert rc == 0
    headers = re.findall(r"^» (.*)$", out, re.MULTILINE)
    assert len(headers) == len(BATCH_QUESTIONS)
    assert headers[0] == ANSWERABLE
    assert headers[5] == ANSWERABLE  # the override is not shown
    assert headers[6] == "holamundo"
    assert headers[7] == ANSWERABLE + " " + "x" * (MAX_QUESTION_CHARS - len(ANSWERABLE) - 1) + "…"
    assert not UNSAFE.search(out)
    assert err == f"qa-bot: aviso: línea {LONG_LINE}: {TOO_LONG}\n"


def test_batch_of_only_blank_lines_answers_nothing_and_says_so(
    run, monkeypatch: pytest.MonkeyPatch, article_path: Path
) -> None:
    # Nothing visible is no question: like an empty question, an error (2), said on stderr.
    set_stdin(monkeypatch, b"\n  \n\x00\n\x1b[0m\n" + "\u202e\u2066".encode() + b"\n")
    assert run("ask", "--json", "-a", str(article_path)) == (
        2,
        "",
        "qa-bot: La entrada estándar no traía ninguna pregunta (una por línea).\n",
    )


def test_batch_goes_on_after_an_unexpected_error_in_one_line(
    run, monkeypatch: pytest.MonkeyPatch, article_path: Path
) -> None:
    from qa_bot import QABot

    real_ask = QABot.ask

    def ask(self: QABot, question: str, top_k: int = 1) -> Answer:
        if question == "rompe":
            raise RuntimeError("fallo\ninterno")
        return real_ask(self, question, top_k=top_k)

    monkeypatch.setattr(QABot, "ask", ask)
    set_stdin(monkeypatch, f"rompe\n{ANSWERABLE}\n".encode())
    rc, out, err = run("ask", "--json", "-a", str(article_path))
    assert rc == 2
    assert [json.loads(line)["question"] for line in out.splitlines()] == [ANSWERABLE]
    assert err == (
        "qa-bot: línea 1: error inesperado (RuntimeError: fallo interno); por favor, infórmenos.\n"
    )


PEAK_MEMORY = """
import sys
from qa_bot.cli.main import main
rc = main(sys.argv[1:])
with open("/proc/self/status") as status:
    sys.stderr.write(next(line for line in status if line.startswith("VmHWM:")))
raise SystemExit(rc)
"""


def peak_memory_kib(article_path: Path, stdin_path: Path) -> tuple[int, bytes]:
    """Run `qa-bot ask --json` on ``stdin_path``: its peak resident memory and its stdout."""
    with stdin_path.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-c", PEAK_MEMORY, "ask", "--json", "-a", str(article_path)],
            stdin=stdin,
            capture_output=True,
            env=subprocess_env(),
            timeout=60,
        )
    assert done.returncode == 0, done.stderr
    label, kib, unit = done.stderr.split()
    assert (label, unit) == (b"VmHWM:", b"kB")
    return int(kib), done.stdout


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_line_longer_than_the_read_limit_is_cut_and_memory_stays_small(
    article_path: Path, tmp_path: Path
) -> None:
    # 64 MiB of NUL bytes with no newline, like `qa-bot ask < /dev/zero`, then a real question.
    small, huge = tmp_path / "pregunta.txt", tmp_path / "ceros.bin"
    small.write_text(f"{ANSWERABLE}\n", encoding="utf-8")
    with huge.open("wb") as f:
        f.write(b"\x00" * (64 * MEGABYTE))
        f.write(f"\n{ANSWERABLE}\n".encode())
    baseline, _ = peak_memory_kib(article_path, small)
    peak, out = peak_memory_kib(article_path, huge)
    [line] = out.decode("utf-8").splitlines()
    assert json.loads(line)["question"] == ANSWERABLE
    assert MAX_LINE_BYTES <= 2 * MEGABYTE
    assert peak - baseline < 16 * 1024  # KiB: a few line buffers, not the 64 MiB line


# any question string


@pytest.mark.slow
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(question=st.text(alphabet=st.characters(exclude_categories=())))
@example(question="\ud800")  # a lone surrogate, found by hypothesis on 2026-12-01
def test_any_question_gives_0_1_or_2_and_valid_json(
    question: str, article_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assume(question != "-")  # "-" means: read the questions from stdin
    rc = main(["ask", "--json", "-a", str(article_path), "--", question])
    out, err = capsys.readouterr()
    # What the command sees: a lone surrogate («\ud800») arrives as U+FFFD, a symbol, so it is a
    # question with no words (refused), not a blank one.
    if is_blank(clean_text(question)):
        assert (rc, out, err) == (2, "", EMPTY)
        return
    assert rc in (0, 1)
    assert out.count("\n") == 1 and out.endswith("\n")
    answer = Answer.model_validate_json(out)
    assert answer.supported == (rc == 0)
    assert not UNSAFE.search(out)
    assert err in ("", f"qa-bot: aviso: {TOO_LONG}\n")


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(question=st.text())
def test_any_argv_word_gives_an_exit_code_never_a_traceback(question: str) -> None:
    # Without "--" a question may look like an option: a usage error, --help, or an answer.
    rc = main(["ask", "--json", "-a", os.devnull + "-no-existe.txt", question])
    assert rc in (0, 2)
