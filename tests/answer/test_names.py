"""A name the question asks about that the article never uses: «El artículo no menciona …»."""

from __future__ import annotations

from conftest import bot_over

from qa_bot import QABot


def test_a_name_the_article_lacks_is_refused_and_named(bot: QABot) -> None:
    answer = bot.ask("¿Qué opina Valencia del nuevo tranvía?")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «Valencia»."


def test_a_name_the_article_uses_is_answered(bot: QABot) -> None:
    answer = bot.ask("¿Con quién viajó Natalia Chueca en el primer convoy?")
    assert answer.supported
    assert "doscientos vecinos" in answer.passages[0].sentence


def test_one_word_of_a_name_in_the_article_is_enough(bot: QABot) -> None:
    # "Zaragoza" is in the article; "Zaragoza Capital" is one name, so it is not missing.
    answer = bot.ask("¿Cuándo inauguró Zaragoza Capital la segunda línea del tranvía?")
    assert answer.supported


def test_the_first_word_and_a_question_in_capitals_name_nothing(bot: QABot) -> None:
    assert bot.ask("Hoy, ¿cuánto costó la obra?").supported
    assert bot.ask("¿CUÁNTO COSTÓ LA OBRA DEL TRANVÍA?").supported


_COUNCIL = (
    "El pleno aprobó el límite a los alquileres con los votos del gobierno municipal.",
    "El portavoz del Partido Popular, Andrés Villalba, votó en contra. Su grupo propone, en "
    "cambio, bonificar el IBI a los propietarios que alquilen barato.",
    "El Sindicato de Inquilinas celebró la decisión en la puerta del Ayuntamiento.",
    "La medida entrará en vigor dentro de tres meses.",
)


def test_an_acronym_finds_its_name_in_the_article_and_back() -> None:
    answer = bot_over(*_COUNCIL).ask("¿Qué propone el PP a los propietarios?")
    assert answer.supported, answer.reason
    assert "bonificar el IBI" in answer.passages[0].text
    # The article's acronym for the name the question spells out.
    short = [p.replace("Partido Popular", "PP") for p in _COUNCIL]
    spelled = bot_over(*short).ask("¿Qué propone el Partido Popular a los propietarios?")
    assert spelled.supported, spelled.reason


def test_an_acronym_of_no_name_in_the_article_is_absent() -> None:
    answer = bot_over(*_COUNCIL).ask("¿Qué propone el PSOE a los propietarios?")
    assert not answer.supported
    assert answer.reason is not None and "«PSOE»" in answer.reason
