"""Terminal safety: escape sequences and control characters from articles, file names and questions
never reach the terminal, in any face (ask, batch, cite, the passage list, chat, eval, messages);
without a terminal qa-bot writes no escape sequence at all; --json keeps the text, escaped."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE
from hypothesis import given, settings
from hypothesis import strategies as st
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.data_structures import Size
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput, Output
from prompt_toolkit.output.plain_text import PlainTextOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from qa_bot import QABot
from qa_bot.console.render import (
    render_answer,
    render_passage,
    render_passage_list,
    to_ansi,
)
from qa_bot.eval.report import EvalReport
from qa_bot.eval.table import render_report
from qa_bot.models import Answer, Hit, Passage
from qa_bot.repl.app import ReplCompleter, build_session, run_plain, run_repl
from qa_bot.repl.display import toolbar

# C0 (but \t \n), DEL, C1, bidi controls, line/paragraph separators: none may reach a terminal.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
OUR_SGR = re.compile(r"\x1b\[[0-9;]*m")
# Payloads of the hostile sequences: removed together with their sequence.
PAYLOADS = ["hackeado", "aG9sYQ==", "malo.example", "ZXZpbA==", "secreto", "2J", "31m"]

HOSTILE_P2 = (
    "La alcaldesa, \x1b]0;hackeado\x07Natalia Chueca\x1b[2J, viajó en el primer convoy"
    "\x1b]52;c;aG9sYQ==\x07 junto a doscientos vecinos.\x9b31m Según "
    "\x1b]8;;https://malo.example/\x1b\\sus palabras\x1b]8;;\x1b\\, la nueva línea "
    "\u202eaicudeR\u202c reducirá a la mitad\x08\x08 el tiempo\a de viaje entre ambos extremos"
    " de la \u2066ciudad\u2069.\x9d0;secreto\x9c\x7f"
)
PARAGRAPHS = ARTICLE.split("\n\n")
HOSTILE_ARTICLE = "\n\n".join([PARAGRAPHS[0], HOSTILE_P2, *PARAGRAPHS[2:]])
# Its slug, "tranvia-0-x", is plain ASCII; its title, "tranvía", loses the sequence and override.
HOSTILE_NAME = "tranvía\x1b]0;x\x07\u202e.txt"
QUESTION = "¿Con quién viajó la alcaldesa?"
HOSTILE_QUESTION = "¿Con quién \x1b]52;c;ZXZpbA==\x07viajó la\x9b2J alcaldesa?\u202e\x07"


def assert_safe(text: str, payloads: bool = True) -> None:
    """No control character, no escape sequence, no payload of one (unless ``payloads`` is False:
    an error message may quote the user's input with ``repr``, as inert text)."""
    assert not UNSAFE.search(text), repr(UNSAFE.search(text))
    for payload in PAYLOADS if payloads else []:
        assert payload not in text, payload


def assert_only_our_colours(text: str) -> None:
    assert_safe(OUR_SGR.sub("", text))


@pytest.fixture(scope="module")
def hostile_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostil") / HOSTILE_NAME
    path.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_bot(hostile_path: Path) -> QABot:
    return QABot.load(hostile_path)


def set_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    data = text.encode("utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_the_hostile_article_still_answers(hostile_bot: QABot) -> None:
    answer = hostile_bot.ask(QUESTION)
    assert answer.supported and answer.passages[0].id == "p2"


# the CLI, stdout not a terminal


def test_ask_human_output_is_clean(run, hostile_path: Path) -> None:
    rc, out, err = run("ask", "-a", str(hostile_path), QUESTION)
    assert (rc, err) == (0, "")
    assert_safe(out)
    assert "Natalia Chueca, viajó en el primer convoy junto a doscientos vecinos." in out
    assert "aicudeR" in out and "sus palabras" in out and "la ciudad." in out


def test_ask_top_k_and_hostile_question_are_clean(run, hostile_path: Path) -> None:
    rc, out, err = run("ask", "-k", "7", "-a", str(hostile_path), HOSTILE_QUESTION)
    assert rc in (0, 1) and err == ""
    assert_safe(out)
    assert "[p2] " in out


def test_batch_echo_of_a_hostile_question_is_clean(
    run, monkeypatch: pytest.MonkeyPatch, hostile_path: Path
) -> None:
    set_stdin(monkeypatch, f"{HOSTILE_QUESTION}\n{QUESTION}\n")
    rc, out, err = run("ask", "-a", str(hostile_path))
    assert (rc, err) == (0, "")
    assert_safe(out)
    assert out.startswith("» ¿Con quién viajó la alcaldesa?\n")


def test_cite_and_the_passage_list_are_clean(run, hostile_path: Path) -> None:
    rc, out, err = run("cite", "p2", "-a", str(hostile_path))
    assert (rc, err) == (0, "")
    assert_safe(out)
    assert out.startswith("[p2] tranvia-")  # the slug: no sequence nor override of the name
    rc, out, err = run("cite", "-a", str(hostile_path))
    assert (rc, err) == (0, "")
    assert_safe(out)
    assert "\np2  La alcaldesa, Natalia Chueca, viajó en el primer convoy junto a…\n" in out


def test_error_messages_are_clean(run, hostile_path: Path) -> None:
    rc, out, err = run("cite", "p9\x1b]0;hackeado\x07\u202e", "-a", str(hostile_path))
    assert (rc, out) == (2, "")
    assert_safe(err, payloads=False)
    assert err.count("\n") == 1
    rc, out, err = run("ask", "--x\x1b]0;hackeado\x07\x9b2J", "¿Qué?")
    assert (rc, out) == (2, "")
    assert_safe(err, payloads=False)
    assert err.startswith("qa-bot: error: argumentos no reconocidos: --x")
    rc, out, err = run("ask", "-k", "1\x1b[2J\u202e", "¿Qué?")
    assert rc == 2
    assert_safe(err, payloads=False)


def test_warning_about_a_hostile_file_name_is_clean(run, tmp_path: Path) -> None:
    path = tmp_path / HOSTILE_NAME
    path.write_bytes(ARTICLE.encode("cp1252"))
    rc, out, err = run("ask", "-a", str(path), QUESTION)
    assert rc == 0
    assert_safe(out)
    assert_safe(err)
    assert err.startswith("qa-bot: aviso: ") and err.count("\n") == 1


def test_json_escapes_but_keeps_the_text(run, hostile_path: Path, hostile_bot: QABot) -> None:
    for argv in (
        ["ask", "--json", "-a", str(hostile_path), HOSTILE_QUESTION],
        ["cite", "--json", "p2", "-a", str(hostile_path)],
        ["cite", "--json", "-a", str(hostile_path)],
    ):
        rc, out, err = run(*argv)
        assert (rc, err) == (0, ""), argv
        assert not UNSAFE.search(out), argv
        assert "\\u001b]52;c;" in out and "\\u009b" in out and "\\u202e" in out
    rc, out, _ = run("ask", "--json", "-a", str(hostile_path), HOSTILE_QUESTION)
    answer = json.loads(out)
    assert answer["question"] == HOSTILE_QUESTION
    assert answer["passages"][0]["text"] == hostile_bot.cite("p2").text == HOSTILE_P2


def test_colour_on_a_terminal_adds_only_our_own_sequences(
    run, monkeypatch: pytest.MonkeyPatch, hostile_path: Path
) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    for argv in (
        ["ask", "-k", "3", "-a", str(hostile_path), HOSTILE_QUESTION],
        ["cite", "p2", "-a", str(hostile_path)],
        ["cite", "-a", str(hostile_path)],
    ):
        rc, out, _ = run(*argv)
        assert rc == 0
        assert "\x1b[" in out
        assert_only_our_colours(out)


# the REPL


def test_repl_plain_loop_is_clean(hostile_bot: QABot) -> None:
    out, err = io.StringIO(), io.StringIO()
    lines = [
        f"{HOSTILE_QUESTION}\n",
        "/cita p2\n",
        "/pasajes\n",
        "/cita p9\x1b]0;hackeado\x07\n",
        "/\x1b[2Jx\u202e\n",
        "/top \x9b31m\n",
    ]
    assert run_plain(hostile_bot, lines, out, err) == 0
    assert_safe(out.getvalue())
    assert_safe(err.getvalue(), payloads=False)
    assert out.getvalue().startswith("» ¿Con quién viajó la alcaldesa?\n")
    assert err.getvalue().count("\n") == 3


def converse(bot: QABot, keys: str, out: Output) -> None:
    with create_pipe_input() as inp:
        inp.send_text(keys)
        session = build_session(None, bot, input=inp, output=DummyOutput())
        assert run_repl(bot, session, out) == 0


# Typed keys: prompt-toolkit reads an escape sequence in them as keys (Alt-], Ctrl-G...), never as
# output; what reaches the screen from the article is what matters here.
KEYS = f"{HOSTILE_QUESTION}\n/cita p2\n/pasajes\n/cita p9\x1b]0;x\x07\n/top 3\n{QUESTION}\n/salir\n"


def test_repl_prompt_toolkit_plain_output_is_clean(hostile_bot: QABot) -> None:
    buf = io.StringIO()
    converse(hostile_bot, KEYS, PlainTextOutput(buf))
    shown = buf.getvalue().replace("\r\n", "\n")
    assert_safe(shown)
    assert "Natalia" in shown and "aicudeR" in shown


def test_repl_prompt_toolkit_terminal_output_has_only_its_own_sequences(
    hostile_bot: QABot,
) -> None:
    buf = io.StringIO()
    converse(hostile_bot, KEYS, Vt100_Output(buf, lambda: Size(rows=24, columns=80), term="xterm"))
    shown = buf.getvalue()
    assert "\x1b[" in shown
    # prompt-toolkit's own CSI sequences (colour, cursor, modes): nothing else may be left.
    assert_safe(re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", shown).replace("\r", ""))


def test_toolbar_greeting_and_completions_are_clean(hostile_bot: QABot) -> None:
    assert_safe("".join(text for _, text in toolbar(hostile_bot)))
    completer = ReplCompleter(hostile_bot)
    found = list(completer.get_completions(Document("/cita "), CompleteEvent()))
    assert [c.text for c in found] == [p.id for p in hostile_bot.passages]
    for completion in found:
        assert_safe(completion.text)
        assert_safe("".join(text for _, text in completion.display_meta))


# eval


def hostile_squad(tmp_path: Path) -> Path:
    context = HOSTILE_P2
    squad = {
        "version": "1.1",
        "data": [
            {
                "title": "Tranvía\x1b]0;hackeado\x07\u202e|x",
                "paragraphs": [
                    {
                        "context": context,
                        "qas": [
                            {
                                "id": "q1",
                                "question": HOSTILE_QUESTION,
                                "answers": [
                                    {"text": "doscientos vecinos", "answer_start": 0},
                                ],
                            }
                        ],
                    },
                    {"context": PARAGRAPHS[2], "qas": []},
                ],
            }
        ],
    }
    path = tmp_path / "hostil\x1b[2J.json"
    path.write_text(json.dumps(squad, ensure_ascii=False), encoding="utf-8")
    return path


def test_eval_tables_are_clean(run, tmp_path: Path) -> None:
    path = hostile_squad(tmp_path)
    rc, out, err = run("eval", "--no-progress", str(path))
    assert (rc, err) == (0, "")
    assert_safe(out)
    assert "Tranvía\\|x" in out
    rc, out, err = run("eval", "--json", "--no-progress", str(path))
    assert (rc, err) == (0, "")
    assert not UNSAFE.search(out)
    report = EvalReport.model_validate_json(out)
    assert_safe(render_report(report))


# real processes: the bytes on stdout and stderr


@pytest.mark.slow
def test_no_escape_byte_leaves_a_real_process_without_a_terminal(
    hostile_path: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    cp1252 = tmp_path / HOSTILE_NAME
    cp1252.write_bytes(ARTICLE.encode("cp1252"))
    runs = [
        (["ask", "-a", str(hostile_path), HOSTILE_QUESTION], None),
        (["ask", "-k", "7", "-a", str(cp1252), QUESTION], None),
        (["ask", "-a", str(hostile_path)], f"{HOSTILE_QUESTION}\n\x1b[2J\n{QUESTION}\n"),
        (["ask", "--json", "-a", str(hostile_path)], f"{HOSTILE_QUESTION}\n"),
        (["cite", "-a", str(hostile_path)], None),
        (["cite", "p2", "-a", str(hostile_path)], None),
        (["cite", "p9\x1b]0;hackeado\x07", "-a", str(hostile_path)], None),
        (["chat", "-a", str(hostile_path)], f"{HOSTILE_QUESTION}\n/cita p2\n/x\x1b[2J\n"),
        (["eval", str(hostile_squad(tmp_path))], None),
        (["ask", "--\x1b]0;hackeado\x07"], None),
    ]
    for args, stdin in runs:
        done = subprocess.run(
            [sys.executable, "-m", "qa_bot", *args],
            input=None if stdin is None else stdin.encode("utf-8"),
            stdin=subprocess.DEVNULL if stdin is None else None,
            capture_output=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
        )
        assert done.returncode in (0, 2), (args, done.stderr)
        assert b"\x1b" not in done.stdout + done.stderr, args
        assert b"Traceback" not in done.stderr
        if "--json" not in args:
            assert_safe(done.stdout.decode("utf-8"))
        assert_safe(done.stderr.decode("utf-8"), payloads=False)


# properties of the renderer

_ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)


@st.composite
def hits(draw: st.DrawFn) -> Hit:
    text = draw(_ANY_TEXT)
    a = draw(st.integers(-5, len(text) + 5))
    b = draw(st.integers(-5, len(text) + 5))
    return Hit(
        id=draw(_ANY_TEXT),
        article=draw(_ANY_TEXT),
        paragraph=draw(st.integers(1, 99)),
        start=0,
        end=len(text),
        text=text,
        score=draw(st.floats(-1e6, 1e6)),
        sentence=text,
        sentence_start=a,
        sentence_end=b,
        matched_terms=draw(st.lists(_ANY_TEXT, max_size=4)),
    )


@settings(max_examples=300, deadline=None)
@given(
    question=_ANY_TEXT,
    passages=st.lists(hits(), max_size=3),
    supported=st.booleans(),
    reason=st.none() | _ANY_TEXT,
    color=st.booleans(),
)
def test_any_answer_renders_without_controls(
    question: str, passages: list[Hit], supported: bool, reason: str | None, color: bool
) -> None:
    answer = Answer(
        question=question, supported=supported, confidence=0.5, passages=passages, reason=reason
    )
    shown = to_ansi(render_answer(answer), color)
    assert not UNSAFE.search(OUR_SGR.sub("", shown) if color else shown)


@settings(max_examples=200, deadline=None)
@given(text=_ANY_TEXT, pid=_ANY_TEXT, title=_ANY_TEXT, color=st.booleans())
def test_any_passage_renders_without_controls(text: str, pid: str, title: str, color: bool) -> None:
    passage = Passage(id=pid, article=title, paragraph=1, start=0, end=len(text), text=text)
    for fragments in (render_passage(passage), render_passage_list([passage])):
        shown = to_ansi(fragments, color)
        assert not UNSAFE.search(OUR_SGR.sub("", shown) if color else shown)


@pytest.mark.slow
def test_a_terminal_without_utf8_gets_question_marks_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    shown = b""
    for args, code in (
        (["ask", "¿Qué cargo tiene Shoigu?"], 0),
        (["ask", "-a", str(tmp_path / "ñandú.txt"), "¿Qué?"], 2),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "qa_bot", *args],
            capture_output=True,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
        assert done.returncode == code
        assert b"Traceback" not in done.stderr
        shown += done.stdout + done.stderr
    assert shown.isascii()
    assert b"p?rrafo 4" in shown and b"?and?.txt" in shown
