"""repl_commands: each line of the conversation, straight through handle_line."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_bot import QABot, QAError
from qa_bot.console.render import ID
from qa_bot.repl.commands import (
    ALIASES,
    COMMANDS,
    MAX_TOP,
    ReplState,
    Reply,
    greeting,
    handle_line,
)

QUESTION = "¿Cuánto costará el billete sencillo?"
UNANSWERABLE = "¿Cuál es la capital de Francia?"


def text_of(reply: Reply | None) -> str:
    assert reply is not None
    return "".join(text for _, text in reply.fragments)


def ids_in(reply: Reply) -> list[str]:
    return [text for style, text in reply.fragments if style == ID]


@pytest.fixture
def state(bot: QABot) -> ReplState:
    return ReplState(bot)


def test_greeting_names_the_article_its_passages_and_help(bot: QABot) -> None:
    text = "".join(t for _, t in greeting(bot))
    assert "«El Ayuntamiento de Zaragoza inauguró el lunes la…»" in text
    assert "7 pasajes" in text
    assert "/ayuda" in text
    assert "sobre el artículo en español" in text


def test_greeting_speaks_of_the_articles_when_there_are_several(tmp_path: Path) -> None:
    for name in ("uno", "dos"):
        (tmp_path / f"{name}.txt").write_text(
            f"Noticia {name} sobre el puerto.\n", encoding="utf-8"
        )
    text = "".join(t for _, t in greeting(QABot.load(tmp_path)))
    assert "2 artículos" in text
    assert "sobre los artículos en español" in text


def test_question_shows_the_engine_s_best_passage(state: ReplState, bot: QABot) -> None:
    expected = bot.ask(QUESTION).passages[0].id
    reply = handle_line(state, QUESTION)
    assert reply is not None and not reply.error
    assert ids_in(reply)[0] == f"[{expected}]"
    assert "confianza" in text_of(reply)


def test_unanswerable_question_is_refused_in_spanish(state: ReplState) -> None:
    reply = handle_line(state, UNANSWERABLE)
    assert reply is not None and not reply.error
    assert "El artículo no responde a esta pregunta." in text_of(reply)


@pytest.mark.parametrize("line", ["", "   ", "\t\n"])
def test_blank_line_has_no_reply(state: ReplState, line: str) -> None:
    assert handle_line(state, line) is None


@pytest.mark.parametrize("line", ["/cita p2", "/cite p2", "/CITA P2", "  /cita   p2  "])
def test_cita_shows_the_whole_passage(state: ReplState, bot: QABot, line: str) -> None:
    reply = handle_line(state, line)
    assert reply is not None and not reply.error
    assert ids_in(reply) == ["[p2]"]
    assert bot.cite("p2").text in text_of(reply)


def test_cita_without_id_says_how(state: ReplState) -> None:
    reply = handle_line(state, "/cita")
    assert reply is not None and reply.error
    assert "Falta el id del pasaje" in text_of(reply)
    assert "/cita p1" in text_of(reply)


def test_cita_unknown_id_points_to_pasajes(state: ReplState) -> None:
    reply = handle_line(state, "/cita p99")
    assert reply is not None and reply.error
    assert (
        text_of(reply)
        == "No existe el pasaje «p99». Los pasajes van de p1 a p7. /pasajes lista los ids.\n"
    )


def test_pasajes_lists_every_id(state: ReplState, bot: QABot) -> None:
    reply = handle_line(state, "/pasajes")
    assert reply is not None
    assert ids_in(reply) == [p.id for p in bot.passages]
    assert handle_line(state, "/passages") == reply


def test_top_sets_how_many_passages_an_answer_shows(state: ReplState) -> None:
    reply = handle_line(state, "/top 3")
    assert reply is not None and not reply.error
    assert text_of(reply) == "De acuerdo: cada respuesta mostrará hasta 3 pasajes.\n"
    assert state.top_k == 3
    assert text_of(handle_line(state, "/top")) == "Cada respuesta muestra hasta 3 pasajes.\n"
    answer = handle_line(state, QUESTION)
    assert answer is not None and len(ids_in(answer)) > 1


@pytest.mark.parametrize("arg", ["0", str(MAX_TOP + 1), "x", "-1", "2.5"])
def test_top_rejects_bad_numbers(state: ReplState, arg: str) -> None:
    reply = handle_line(state, f"/top {arg}")
    assert reply is not None and reply.error
    assert f"/top N necesita un número entre 1 y {MAX_TOP}" in text_of(reply)
    assert state.top_k == 1


@pytest.mark.parametrize("line", ["/salir", "/quit", "/exit", "/SALIR"])
def test_salir_ends_the_session(state: ReplState, line: str) -> None:
    reply = handle_line(state, line)
    assert state.done
    assert text_of(reply) == "Hasta pronto.\n"


def test_help_comes_from_the_command_table(state: ReplState) -> None:
    text = text_of(handle_line(state, "/ayuda"))
    for name, command in COMMANDS.items():
        assert name in text
        assert command.description in text
    for alias in ALIASES:
        assert alias in text
    assert text_of(handle_line(state, "/help")) == text


def test_unknown_command_gets_a_hint(state: ReplState) -> None:
    reply = handle_line(state, "/foo bar")
    assert reply is not None and reply.error
    assert text_of(reply) == "No conozco el comando «/foo». /ayuda lista los comandos.\n"


@pytest.mark.parametrize(("typo", "meant"), [("/ayda", "/ayuda"), ("/cta p1", "/cita")])
def test_misspelt_command_gets_a_suggestion(state: ReplState, typo: str, meant: str) -> None:
    assert f"¿Quería decir {meant}?" in text_of(handle_line(state, typo))


@pytest.mark.parametrize(
    "line",
    [
        "/\x1b]0;título falso\x07x",
        "/cita \x1b[2J\x1b[Hp1\x9b31m",
        "/top \x1b]52;c;aG9sYQ==\x07",
        "/" + "a" * 500,
    ],
)
def test_echoed_user_text_is_sanitized_and_short(state: ReplState, line: str) -> None:
    text = text_of(handle_line(state, line))
    assert not any(c in text for c in "\x1b\x07\x9b")
    assert len(text) < 200


def test_qa_error_from_the_engine_becomes_an_error_reply(
    state: ReplState, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(question: str, top_k: int = 1, context: object = None) -> None:
        raise QAError("El índice no está disponible; vuelva a intentarlo.\x1b[31m")

    monkeypatch.setattr(state.bot, "ask", fail)
    reply = handle_line(state, QUESTION)
    assert reply is not None and reply.error
    assert text_of(reply) == "El índice no está disponible; vuelva a intentarlo.\n"


def test_cite_suggests_the_id_with_its_article(tmp_path: Path) -> None:
    for name in ("puerto", "tranvia"):
        (tmp_path / f"{name}.txt").write_text(f"Uno sobre {name}.\n\nDos sobre {name}.\n")
    reply = handle_line(ReplState(QABot.load(tmp_path)), "/cita p2")
    assert reply is not None and reply.error
    assert text_of(reply) == (
        "No existe el pasaje «p2». ¿Quería decir puerto:p2 o tranvia:p2? /pasajes lista los ids.\n"
    )
