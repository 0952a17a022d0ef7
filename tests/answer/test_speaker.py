"""Whose words a question asks for, and the refusal when the article never mentions them."""

from __future__ import annotations

import pytest
from conftest import bot_over

from qa_bot.answer.speaker import head, speaker
from qa_bot.text.question import parse_question


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("¿Qué dijo la ministra de Transportes sobre el paro?", "ministra de Transportes"),
        ("que opina el colegio de medicos de almenara del plan", "colegio de medicos de almenara"),
        ("¿Qué ha dicho el alcalde acerca de la huelga?", "alcalde"),
        ("¿Y qué le parece a la oposición?", "oposición"),
        ("¿Qué opinan los vecinos?", "vecinos"),
        # A name typed in lowercase, with no article.
        ("que ha dicho greenpeace del temporal", "greenpeace"),
        ("que dijo elon musk sobre el satelite", "elon musk"),
        # No one's words asked.
        ("¿Qué dijo que costaría la obra?", ""),
        ("¿Qué pasó en el puerto?", ""),
        ("¿Quién dijo que el paro seguiría?", ""),
        # A common word or an adverb after the verb names no one.
        ("¿Qué dijo ayer la alcaldesa?", ""),
        ("que dijo exactamente sobre el paro", ""),
        ("¿Qué piensan hacer con el puerto?", ""),
    ],
)
def test_the_speaker_of_a_question(question: str, said: str) -> None:
    words = speaker(parse_question(question))
    assert " ".join(t.text for t in words) == said


def test_the_head_is_the_first_content_word() -> None:
    words = speaker(parse_question("¿Qué dijo la ministra de Transportes sobre el paro?"))
    first = head(words)
    assert first is not None and first.text == "ministra"


_STRIKE = (
    "Por noveno día, el puerto amaneció paralizado por el paro de los trabajadores portuarios.",
    "La delegada del Trabajo citó a las partes a una mesa de diálogo el jueves.",
    "Los exportadores de fruta calculan pérdidas de 30 millones de dólares por el paro.",
    "Las empresas de transportes tienen 600 camiones esperando fuera del puerto.",
)


def test_a_speaker_the_article_never_mentions_is_refused() -> None:
    answer = bot_over(*_STRIKE).ask(
        "¿Qué dijo la ministra de Transportes sobre el paro de los trabajadores portuarios?"
    )
    assert not answer.supported
    assert answer.reason == (
        "El artículo no menciona «ministra de Transportes»: no recoge lo que dice."
    )


def test_a_speaker_the_article_mentions_is_answered() -> None:
    answer = bot_over(*_STRIKE).ask("¿Qué dijo la delegada del Trabajo sobre el paro?")
    assert answer.supported, answer.reason
    # Another form of the same word is the same speaker.
    assert bot_over(*_STRIKE).ask("¿Qué opinan los exportadores del paro?").supported


def test_a_lowercase_speaker_the_article_never_mentions_is_refused() -> None:
    bot = bot_over(*_STRIKE)
    answer = bot.ask("que ha dicho greenpeace del paro de los trabajadores portuarios")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «greenpeace»: no recoge lo que dice."
    # The same question about those the article quotes is answered.
    assert bot.ask("que dicen los exportadores del paro de los portuarios").supported
