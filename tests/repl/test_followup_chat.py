"""Follow-ups and small talk in the chat: prompt-toolkit pipe input, the plain loop, the toolbar."""

from __future__ import annotations

import io

from qa_bot import QABot
from qa_bot.repl.app import run_plain
from qa_bot.repl.commands import ReplState, handle_line
from qa_bot.repl.display import toolbar
from qa_bot.repl.smalltalk import Talk, small_talk
from tests.repl.test_app import converse, words

FIRST = "¿Cuánto costó la obra del tranvía?"
FOLLOW = "¿Y cuánto duró?"
NOTE = "(respondida con la pregunta anterior; /nueva empieza de nuevo)"


def test_follow_up_in_a_prompt_toolkit_session(bot: QABot) -> None:
    code, shown = converse(bot, f"{FIRST}\n{FOLLOW}\n/nueva\n{FOLLOW}\n/salir\n")
    assert code == 0
    assert shown.count(NOTE) == 1  # after /nueva the same question stands alone
    assert "Conversación nueva" in shown
    assert "duró tres años" in words(shown)


def test_follow_up_in_the_plain_loop(bot: QABot) -> None:
    out, err = io.StringIO(), io.StringIO()
    run_plain(bot, [FIRST, FOLLOW, "/new", "¿Cuál es la capital de Francia?"], out, err)
    text = out.getvalue()
    assert text.count(NOTE) == 1
    assert text.index(NOTE) > text.index(f"» {FOLLOW}")
    assert err.getvalue() == ""


def test_toolbar_says_when_the_previous_question_is_used(bot: QABot) -> None:
    state = ReplState(bot)
    handle_line(state, FIRST)
    assert not state.following
    handle_line(state, FOLLOW)
    assert state.following
    shown = "".join(text for _, text in toolbar(bot, 120, following=state.following))
    assert shown.startswith(" ↩ con la pregunta anterior (/nueva la olvida) │")
    assert "↩" not in "".join(text for _, text in toolbar(bot, 120))
    narrow = "".join(text for _, text in toolbar(bot, 30, following=True))
    assert narrow.startswith(" ↩ /nueva │") and len(narrow) <= 30


def test_small_talk_kinds() -> None:
    assert small_talk("¡Hola!") is Talk.GREETING
    assert small_talk("Buenas tardes") is Talk.GREETING
    assert small_talk("muchas gracias") is Talk.THANKS
    assert small_talk("¿De qué trata el artículo?") is Talk.SUMMARY
    assert small_talk("ayuda") is Talk.HELP
    assert small_talk("Adiós") is Talk.QUIT
    assert small_talk("salir") is Talk.QUIT
    assert small_talk("Hola, ¿quién es la alcaldesa?") is None
    assert small_talk("¿Cuánto costó la obra?") is None


def test_small_talk_replies(bot: QABot) -> None:
    state = ReplState(bot)
    hello = "".join(text for _, text in handle_line(state, "hola").fragments)  # type: ignore[union-attr]
    assert hello.startswith("¡Hola! Pregúnteme algo") and "/ayuda" in hello
    thanks = "".join(text for _, text in handle_line(state, "gracias").fragments)  # type: ignore[union-attr]
    assert thanks.startswith("De nada.")
    gist = "".join(text for _, text in handle_line(state, "¿De qué trata el artículo?").fragments)  # type: ignore[union-attr]
    assert gist.startswith("El primer párrafo lo resume:\n[p1]")
    assert "inauguró el lunes la segunda línea del tranvía" in gist
    helped = "".join(text for _, text in handle_line(state, "ayuda").fragments)  # type: ignore[union-attr]
    assert "/nueva" in helped and "/new" in helped
    assert not state.done
    handle_line(state, "adiós")
    assert state.done


def test_salir_without_slash_ends_a_prompt_toolkit_session(bot: QABot) -> None:
    code, shown = converse(bot, "hola\nsalir\n¿Esto ya no se responde?\n")
    assert code == 0
    assert shown.rstrip().endswith("Hasta pronto.")
    assert "¡Hola!" in shown
