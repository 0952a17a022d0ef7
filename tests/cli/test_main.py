"""The command line in process: rc = main([...]), exact Spanish output, exit codes."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from qa_bot import QABot, QAError
from qa_bot.cli.main import build_parser
from qa_bot.cli.parser import translate_error

ROOT = Path(__file__).resolve().parents[2]
UNANSWERABLE = "¿Quién pintó la Mona Lisa?"  # no word in common with the test article


@pytest.fixture
def paragraphs(article_path: Path) -> list[str]:
    return [p.strip() for p in article_path.read_text(encoding="utf-8").split("\n\n")]


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, tty: bool = False) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    if tty:
        stream.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", stream)


# ask


def test_ask_prints_the_cited_passage(run, article_path: Path, paragraphs: list[str]) -> None:
    rc, out, err = run(
        "ask", "--article", str(article_path), "¿Con quién viajó la alcaldesa en el primer convoy?"
    )
    assert rc == 0
    assert err == ""
    header, answer_line, text, *rest = out.split("\n")
    assert re.fullmatch(r"\[p2\] tranvia-zaragoza, párrafo 2 · confianza \d{1,3} %", header)
    assert answer_line == (
        "→ La alcaldesa, Natalia Chueca, viajó en el primer convoy junto a doscientos vecinos."
    )
    # The rest of the passage, without the sentence already shown.
    assert text == paragraphs[1].removeprefix(answer_line[2:]).strip()
    assert rest == [""]


def test_ask_unsupported_exits_1(run, article_path: Path) -> None:
    rc, out, err = run("ask", "--article", str(article_path), UNANSWERABLE)
    assert rc == 1
    assert out.startswith("El artículo no responde a esta pregunta.\n")
    assert "confianza" not in out
    assert err == ""


def test_ask_question_in_several_words(run, article_path: Path) -> None:
    rc, out, _ = run(
        "ask", "-a", str(article_path), "¿Qué", "empresa", "constructora", "empleó", "trabajadores?"
    )
    assert rc == 0
    assert out.startswith("→ Acciona\n[p4] ")


def test_ask_json(run, article_path: Path, paragraphs: list[str]) -> None:
    question = "¿Cuánto costó la obra del tranvía?"
    rc, out, err = run("ask", "--json", "--article", str(article_path), question)
    assert rc == 0
    assert err == ""
    assert out.count("\n") == 1 and out.endswith("\n")
    assert "¿Cuánto" in out  # UTF-8, not \u escapes
    data = json.loads(out)
    assert set(data) == {"question", "supported", "confidence", "passages", "reason"}
    assert data["question"] == question
    assert data["supported"] is True
    assert 0 < data["confidence"] <= 1
    [hit] = data["passages"]
    assert hit["id"] == "p1"
    assert hit["text"] == paragraphs[0]
    article = article_path.read_text(encoding="utf-8")
    assert article[hit["start"] : hit["end"]] == hit["text"]
    assert hit["text"][hit["sentence_start"] : hit["sentence_end"]] == hit["sentence"]
    assert isinstance(hit["score"], float)
    assert {"costó", "obra", "tranvía"} & set(hit["matched_terms"])


def test_ask_json_unsupported(run, article_path: Path) -> None:
    rc, out, _ = run("ask", "--json", "--article", str(article_path), UNANSWERABLE)
    assert rc == 1
    data = json.loads(out)
    assert data["supported"] is False
    assert data["question"] == UNANSWERABLE


def test_top_k(run, article_path: Path) -> None:
    question = "¿Cuándo circularán los trenes del tranvía y cuánto costará el billete?"
    rc, out, _ = run("ask", "--json", "--top-k", "3", "-a", str(article_path), question)
    assert rc == 0
    hits = json.loads(out)["passages"]
    assert 2 <= len(hits) <= 3
    assert len({h["id"] for h in hits}) == len(hits)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)

    rc, human, _ = run("ask", "-k", "3", "-a", str(article_path), question)
    headers = [line for line in human.splitlines() if line.startswith("[p")]
    assert [h.split("]")[0][1:] for h in headers] == [h["id"] for h in hits]
    rc, one, _ = run("ask", "-a", str(article_path), question)
    assert sum(line.startswith("[p") for line in one.splitlines()) == 1


@pytest.mark.parametrize("value", ["0", "-1", "tres", "11"])
def test_top_k_must_be_between_1_and_10_like_top_in_the_chat(run, value: str) -> None:
    rc, out, err = run("ask", "--top-k", value, "¿Qué?")
    assert rc == 2
    assert out == ""
    assert err == (
        f"qa-bot ask: error: argumento --top-k/-k: «{value}» no vale: necesita un número entre "
        "1 y 10 («qa-bot ask --help» muestra la ayuda)\n"
    )


def test_top_k_and_top_share_one_limit(run) -> None:
    from qa_bot.bot import MAX_TOP_K
    from qa_bot.repl.commands import MAX_TOP

    assert MAX_TOP == MAX_TOP_K == 10
    rc, out, _ = run("ask", "-k", "10", "¿Qué cargo tiene Shoigu?")
    assert rc == 0 and out.startswith("→ el ministro de Defensa ruso\n[p4] ")


# batch


def test_batch_json_lines(run, monkeypatch, article_path: Path) -> None:
    set_stdin(monkeypatch, f"¿Con quién viajó la alcaldesa?\n\n   \n{UNANSWERABLE}\r\n".encode())
    rc, out, err = run("ask", "--json", "--article", str(article_path))
    assert rc == 0  # every line was read, even though one was refused
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 2  # blank lines skipped
    first, second = map(json.loads, lines)
    assert first["question"] == "¿Con quién viajó la alcaldesa?"
    assert first["supported"] is True and first["passages"][0]["id"] == "p2"
    assert second["question"] == UNANSWERABLE
    assert second["supported"] is False


def test_batch_with_dash_and_human_output(run, monkeypatch, article_path: Path) -> None:
    set_stdin(
        monkeypatch, f"¿Con quién viajó la alcaldesa?\n{UNANSWERABLE}".encode()
    )  # no final newline
    rc, out, _ = run("ask", "-", "--article", str(article_path))
    assert rc == 0
    blocks = out.split("\n\n")
    assert blocks[0].startswith("» ¿Con quién viajó la alcaldesa?\n[p2] ")
    assert blocks[1].startswith(f"» {UNANSWERABLE}\nEl artículo no responde a esta pregunta.\n")


def test_batch_survives_invalid_utf8(run, monkeypatch, article_path: Path) -> None:
    set_stdin(monkeypatch, b"\xff\xfe alcaldesa\n\xc3\n")
    rc, out, _ = run("ask", "--json", "-a", str(article_path))
    assert rc == 0
    questions = [json.loads(line)["question"] for line in out.splitlines()]
    assert questions == ["\ufffd\ufffd alcaldesa", "\ufffd"]


def test_bare_qa_bot_with_piped_stdin_is_batch(run, monkeypatch) -> None:
    set_stdin(monkeypatch, "¿Qué cargo tiene Shoigu?\n".encode())
    rc, out, _ = run()
    assert rc == 0
    assert out.startswith("» ¿Qué cargo tiene Shoigu?\n→ el ministro de Defensa ruso\n[p4] ")


def test_no_question_on_a_terminal_is_a_usage_error(run, monkeypatch) -> None:
    set_stdin(monkeypatch, b"", tty=True)
    rc, out, err = run("ask")
    assert rc == 2
    assert out == ""
    assert err.startswith("qa-bot: Falta la pregunta:")
    assert err.count("\n") == 1


@pytest.mark.parametrize("question", ["", "   ", "\n"])
def test_empty_question_exits_2(run, question: str) -> None:
    rc, out, err = run("ask", question)
    assert (rc, out) == (2, "")
    assert err == "qa-bot: La pregunta está vacía; escriba una pregunta.\n"


# cite


def test_cite(run, article_path: Path, paragraphs: list[str]) -> None:
    rc, out, err = run("cite", "p4", "--article", str(article_path))
    assert (rc, err) == (0, "")
    start = article_path.read_text(encoding="utf-8").index(paragraphs[3])
    end = start + len(paragraphs[3])
    assert out == (
        f"[p4] tranvia-zaragoza\npárrafo 4 · caracteres {start}–{end} del artículo\n{paragraphs[3]}\n"
    )


@pytest.mark.parametrize("pid", ["P4", "[p4]", " p4 "])
def test_cite_accepts_loose_ids(run, article_path: Path, pid: str) -> None:
    rc, out, _ = run("cite", pid, "-a", str(article_path))
    assert rc == 0
    assert out.startswith("[p4] ")


def test_cite_json(run, article_path: Path, paragraphs: list[str]) -> None:
    rc, out, _ = run("cite", "--json", "p3", "-a", str(article_path))
    assert rc == 0
    data = json.loads(out)
    assert data["id"] == "p3"
    assert data["article"] == "tranvia-zaragoza"
    assert data["paragraph"] == 3
    assert data["text"] == paragraphs[2]
    assert article_path.read_text(encoding="utf-8")[data["start"] : data["end"]] == data["text"]


def test_cite_lists_every_passage(run, article_path: Path, bot: QABot) -> None:
    rc, out, _ = run("cite", "--article", str(article_path))
    assert rc == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [p.id for p in bot.passages]
    assert len(lines) == 7
    assert lines[0] == "p1  El Ayuntamiento de Zaragoza inauguró el lunes la segunda línea del…"
    assert lines[6] == "p7  El consorcio de transportes espera que la línea transporte treinta…"


def test_cite_list_json(run, article_path: Path) -> None:
    rc, out, _ = run("cite", "--json", "-a", str(article_path))
    assert rc == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [f"p{i}" for i in range(1, 8)]


def test_cite_unknown_id_exits_2(run, article_path: Path) -> None:
    rc, out, err = run("cite", "p99", "-a", str(article_path))
    assert (rc, out) == (2, "")
    assert err.count("\n") == 1
    assert "p99" in err
    assert f"`qa-bot cite -a {article_path}`" in err  # says how to list the ids


def test_cite_bundled_article(run) -> None:
    rc, out, _ = run("cite", "p4")
    assert rc == 0
    assert out.startswith("[p4] rusia-corea-del-norte\npárrafo 4 · ")
    assert "Shoigu" in out


# articles


def test_missing_article_exits_2(run, tmp_path: Path) -> None:
    missing = tmp_path / "no-existe.txt"
    rc, out, err = run("ask", "--article", str(missing), "¿Qué?")
    assert (rc, out) == (2, "")
    assert err == f"qa-bot: No existe {missing}; indique un archivo .txt/.md o una carpeta.\n"


def test_empty_article_exits_2(run, tmp_path: Path) -> None:
    empty = tmp_path / "vacio.txt"
    empty.write_text(" \n\n", encoding="utf-8")
    rc, out, err = run("ask", "--article", str(empty), "¿Qué?")
    assert (rc, out) == (2, "")
    assert err == f"qa-bot: {empty} está vacío: no hay texto que consultar.\n"


def test_folder_of_articles_ids_carry_the_slug(run, tmp_path: Path, article_path: Path) -> None:
    folder = tmp_path / "noticias"
    folder.mkdir()
    (folder / article_path.name).write_text(
        article_path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "Liga de fútbol.md").write_text(
        "El equipo ganó la liga.\n\nEl entrenador celebró el título con la afición.\n",
        encoding="utf-8",
    )
    rc, out, _ = run("cite", "--article", str(folder))
    assert rc == 0
    ids = [line.split()[0] for line in out.splitlines()]
    assert ids[:2] == ["liga-de-futbol:p1", "liga-de-futbol:p2"]
    assert ids[2:] == [f"tranvia-zaragoza:p{i}" for i in range(1, 8)]

    rc, out, _ = run(
        "ask", "--json", "--article", str(folder), "¿Quién celebró el título con la afición?"
    )
    assert rc == 0
    assert json.loads(out)["passages"][0]["id"] == "liga-de-futbol:p2"
    rc, out, _ = run("ask", "--article", str(folder), "¿Quién celebró el título con la afición?")
    assert out.startswith("[liga-de-futbol:p2] párrafo 2 · confianza ")
    rc, out, _ = run("cite", "liga-de-futbol:p2", "--article", str(folder))
    assert out.startswith("[liga-de-futbol:p2]\npárrafo 2 · ")


def test_cp1252_article_warns(run, tmp_path: Path) -> None:
    old = tmp_path / "antiguo.txt"
    old.write_bytes("La alcaldesa inauguró el puente.\n\nEl puente costó mucho.\n".encode("cp1252"))
    rc, out, err = run("ask", "--article", str(old), "¿Qué inauguró la alcaldesa?")
    assert rc == 0
    assert "inauguró" in out
    assert err == f"qa-bot: aviso: {old} no está en UTF-8; se ha leído como Windows-1252.\n"


# terminal safety and colour


def test_no_escape_sequences_when_not_a_terminal(run, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    evil = tmp_path / "malicioso.txt"
    evil.write_text(
        "El ministro \x1b]0;hackeado\x07visitó Pekín \x1b[2Jen marzo.\n\n"
        "Nada que ver \u202eaquí\u202c con \x9b31m el resto.\n",
        encoding="utf-8",
    )
    rc, out, _ = run("ask", "--article", str(evil), "¿Cuándo visitó Pekín el ministro?")
    assert rc == 0
    assert "El ministro visitó Pekín en marzo." in out
    rc, listing, _ = run("cite", "-a", str(evil))
    rc, json_out, _ = run("ask", "--json", "--article", str(evil), "¿Qué visitó el ministro?")
    rc, cited, _ = run("cite", "--json", "p2", "--article", str(evil))
    for text in (out, listing, json_out, cited):
        assert not set(text) & {"\x1b", "\x07", "\x9b", "\u202e", "\u202c"}
    # The JSON keeps the exact text, escaped.
    assert "\\u001b]0;hackeado\\u0007" in json_out
    assert "\\u202e" in cited


def test_colour_on_a_terminal_unless_no_color(run, monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, coloured, _ = run("ask", "¿Qué cargo tiene Shoigu?")
    assert "\x1b[" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    _, plain, _ = run("ask", "¿Qué cargo tiene Shoigu?")
    assert "\x1b" not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


# errors and signals


def test_ctrl_c_exits_130_quietly(run, monkeypatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(QABot, "ask", interrupted)
    assert run("ask", "¿Qué cargo tiene Shoigu?") == (130, "", "")


def test_broken_pipe_is_quiet(run, monkeypatch) -> None:
    def closed(*args: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr("sys.stdout.write", closed, raising=False)
    rc, _, err = run("cite")
    assert rc == 141
    assert err == ""


def test_unexpected_error_is_one_line(run, monkeypatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("algo\nfalló")

    monkeypatch.setattr(QABot, "ask", broken)
    rc, out, err = run("ask", "¿Qué cargo tiene Shoigu?")
    assert (rc, out) == (2, "")
    assert err == "qa-bot: error inesperado (RuntimeError: algo falló); por favor, infórmenos.\n"


# help and usage errors


def test_help_lists_commands_with_examples(run) -> None:
    rc, out, _ = run("--help")
    assert rc == 0
    assert out.startswith("uso: qa-bot ")
    assert "órdenes:" in out and "opciones:" in out
    for command in ("ask", "cite", "chat"):
        assert re.search(rf"^  qa-bot {command}\b", out, re.MULTILINE), command
    assert "show this help" not in out


def test_every_subcommand_has_spanish_help_and_is_in_the_readme(run) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"ask", "cite", "chat"} <= set(commands)
    for name in commands:
        rc, out, _ = run(name, "--help")
        assert rc == 0
        assert out.startswith(f"uso: qa-bot {name}")
        assert "muestra esta ayuda y termina" in out
        assert "ejemplo" in out
        assert f"qa-bot {name}" in readme, f"README.md no muestra `qa-bot {name}`"


def test_version(run) -> None:
    rc, out, _ = run("--version")
    assert rc == 0
    assert re.fullmatch(r"qa-bot \d+\.\d+\.\d+\n", out)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ask", "--bogus", "x"], "qa-bot: error: argumentos no reconocidos: --bogus"),
        # A Spanish name of a command is named as the command it means, not «opción no válida».
        (
            ["preguntar"],
            "qa-bot: «preguntar» no es una orden de qa-bot; ¿quería decir «qa-bot ask»?",
        ),
        (["ask", "--top-k"], "qa-bot ask: error: argumento --top-k/-k: falta su valor"),
    ],
)
def test_usage_errors_are_spanish_one_liners(run, argv: list[str], message: str) -> None:
    rc, out, err = run(*argv)
    assert (rc, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_translate_error_leaves_unknown_messages() -> None:
    assert translate_error("something new") == "something new"
    assert translate_error("the following arguments are required: ID") == "faltan argumentos: ID"


def test_batch_goes_on_after_a_rejected_line(run, monkeypatch, article_path: Path) -> None:
    def ask(self: QABot, question: str, top_k: int = 1) -> object:
        if question == "mala":
            raise QAError("Pregunta rechazada.")
        return real_ask(self, question, top_k=top_k)

    real_ask = QABot.ask
    monkeypatch.setattr(QABot, "ask", ask)
    set_stdin(monkeypatch, "mala\n¿Con quién viajó la alcaldesa?\n".encode())
    rc, out, err = run("ask", "--json", "-a", str(article_path))
    assert rc == 2
    assert err == "qa-bot: línea 1: Pregunta rechazada.\n"
    assert [json.loads(line)["question"] for line in out.splitlines()] == [
        "¿Con quién viajó la alcaldesa?"
    ]


def test_cite_a_bare_id_in_a_folder_suggests_the_articles_ids(run, tmp_path: Path) -> None:
    folder = tmp_path / "mis noticias"
    folder.mkdir()
    for name in ("puerto", "tranvia"):
        (folder / f"{name}.txt").write_text(f"Uno sobre {name}.\n\nDos sobre {name}.\n")
    rc, out, err = run("cite", "P2", "-a", str(folder))
    assert (rc, out) == (2, "")
    assert "¿Quería decir puerto:p2 o tranvia:p2?" in err
    assert f"`qa-bot cite -a '{folder}'`" in err  # quoted: the path has a space


def test_cite_a_bare_number_suggests_its_id(run, article_path: Path) -> None:
    rc, out, err = run("cite", "4", "-a", str(article_path))
    assert (rc, out) == (2, "")
    assert err.startswith("qa-bot: No existe el pasaje «4». ¿Quería decir p4? `qa-bot cite -a ")


def test_cite_one_article_by_its_slug_and_id(run, article_path: Path) -> None:
    rc, out, err = run("cite", "tranvia-zaragoza:p4", "-a", str(article_path))
    assert (rc, err) == (0, "")
    assert out.startswith("[p4] ")


def test_cite_a_name_two_subfolders_share_suggests_both(run, tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "nota.txt").write_text(f"Uno de {sub}.\n\nDos de {sub}.\n")
    rc, out, err = run("cite", "nota:p1", "-a", str(tmp_path))
    assert (rc, out) == (2, "")
    assert "«nota:p1». ¿Quería decir a-nota:p1 o b-nota:p1?" in err


def test_ask_conversation_json_lines(run, monkeypatch, article_path: Path) -> None:
    turns = "¿Cuánto costó la obra del tranvía?\n¿Y cuánto duró?\n\n¿Y cuánto duró?\n"
    set_stdin(monkeypatch, turns.encode())
    rc, out, err = run("ask", "--conversation", "--json", "-a", str(article_path))
    assert (rc, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [a["question"] for a in lines] == [
        "¿Cuánto costó la obra del tranvía?",
        "¿Y cuánto duró?",
        "¿Y cuánto duró?",
    ]
    assert lines[1]["supported"] and lines[1]["passages"][0]["id"] == "p1"


def test_ask_conversation_human_output_marks_follow_ups(
    run, monkeypatch, article_path: Path
) -> None:
    turns = "¿Cuánto costó la obra del tranvía?\n¿Y cuánto duró?\n\n¿Y cuánto duró?\n"
    set_stdin(monkeypatch, turns.encode())
    rc, out, _ = run("ask", "--conversation", "-a", str(article_path))
    assert rc == 0
    # The blank line starts a new conversation: only the first «¿Y cuánto duró?» follows.
    assert out.count("» ¿Y cuánto duró?\n(respondida con la pregunta anterior)\n") == 1


def test_ask_conversation_needs_stdin(run, article_path: Path) -> None:
    rc, _, err = run("ask", "--conversation", "-a", str(article_path), "¿Y cuánto duró?")
    assert rc == 2 and "--conversation lee los turnos de la entrada estándar" in err


def test_ask_json_gives_the_answer_phrase_and_its_offsets(run, article_path: Path) -> None:
    rc, out, _ = run(
        "ask", "--json", "--article", str(article_path), "¿Cuánto costó la obra del tranvía?"
    )
    assert rc == 0
    [hit] = json.loads(out)["passages"]
    assert hit["answer"] and any(c.isdigit() for c in hit["answer"])
    assert hit["text"][hit["answer_start"] : hit["answer_end"]] == hit["answer"]
    assert hit["sentence_start"] <= hit["answer_start"] < hit["answer_end"] <= hit["sentence_end"]


def test_ask_json_answer_is_null_when_no_phrase_is_sure(run, article_path: Path) -> None:
    question = "¿Con quién viajó la alcaldesa en el primer convoy?"
    rc, out, _ = run("ask", "--json", "--article", str(article_path), question)
    assert rc == 0
    [hit] = json.loads(out)["passages"]
    assert (hit["answer"], hit["answer_start"], hit["answer_end"]) == (None, None, None)


def test_ask_wraps_on_a_terminal_and_not_in_a_pipe(
    run, article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "¿Con quién viajó la alcaldesa en el primer convoy?"
    _, piped, _ = run("ask", "--article", str(article_path), question)
    assert max(len(line) for line in piped.splitlines()) > 40  # one line per paragraph
    monkeypatch.setattr("qa_bot.cli.main.terminal_width", lambda stream: 40)
    _, wrapped, _ = run("ask", "--article", str(article_path), question)
    assert max(len(line) for line in wrapped.splitlines()) <= 40
    assert wrapped.split() == piped.split()  # the same words, only the line breaks differ


def test_cite_wraps_whole_words_on_a_terminal(
    run, article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, piped, _ = run("cite", "--article", str(article_path), "p1")
    monkeypatch.setattr("qa_bot.cli.main.terminal_width", lambda stream: 40)
    _, wrapped, _ = run("cite", "--article", str(article_path), "p1")
    assert max(len(line) for line in wrapped.splitlines()) <= 40
    assert wrapped.split() == piped.split()  # whole words: only the line breaks differ
    _, listing, _ = run("cite", "--article", str(article_path))
    assert max(len(line) for line in listing.splitlines()) <= 40


@pytest.mark.parametrize("data", [b"", b"\n\n   \n", b"\x1b[31m\n"])
def test_a_batch_without_any_question_says_so(run, monkeypatch, article_path: Path, data) -> None:
    set_stdin(monkeypatch, data)
    rc, out, err = run("ask", "--json", "--article", str(article_path))
    assert rc == 2
    assert out == ""
    assert err == "qa-bot: La entrada estándar no traía ninguna pregunta (una por línea).\n"


def test_a_refusal_of_the_bundled_article_says_which_was_asked(run) -> None:
    # A new user who forgot -a learns that the bundled article was asked, and how to ask another.
    rc, out, err = run("ask", "¿Quién es la directora del colegio de Torrealba?")
    assert rc == 1
    assert out.startswith("El artículo no responde a esta pregunta.\n")
    assert "artículo incluido (rusia-corea-del-norte)" in err
    assert "qa-bot ask -a RUTA" in err
    # Not when the reader chose the article, nor when it answers.
    rc, _, err = run("ask", "¿Qué cargo tiene Shoigu?")
    assert rc == 0 and err == ""


def test_a_follow_up_asked_alone_points_to_the_conversation(run, article_path: Path) -> None:
    # «¿Y cuándo fue eso?» has no words of its own: asked alone it says where it can be answered.
    rc, out, err = run("ask", "-a", str(article_path), "¿Y cuándo fue eso?")
    assert rc == 1
    assert "no contiene palabras con contenido" in out
    assert "--conversation" in err and "qa-bot -a RUTA" in err
    # a question with words of its own gets no such hint
    rc, _, err = run("ask", "-a", str(article_path), "¿Qué cargo tiene Shoigu?")
    assert "--conversation" not in err
