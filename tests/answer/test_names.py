"""A name the question asks about that the article never uses: «El artículo no menciona …»."""

from __future__ import annotations

import pytest
from conftest import bot_over

from qa_bot import QABot
from qa_bot.answer.matching import with_synonyms
from qa_bot.answer.names import absent_names
from qa_bot.text.question import parse_question


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


_FACTORY = (
    "La multinacional anunció el cierre de la fábrica de envases de Castrovega.",
    "La consejera de Industria, Rosa Quintanilla, recordó que la planta recibió una "
    "subvención en 2019.",
    "Los sindicatos convocaron una huelga y los estudiantes de la escuela técnica se sumaron.",
    "El ministerio de Trabajo vigila el expediente, según la empresa.",
    "Sanitarios del centro de salud atendieron a dos trabajadores.",
)


def test_a_public_body_without_its_first_word_in_the_article_is_absent() -> None:
    # «Industria» is in the article, «ministerio» only in another name: no Ministry of Industry.
    answer = bot_over(*_FACTORY).ask("¿Qué ha dicho el Ministerio de Industria del cierre?")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «Ministerio de Industria»."


def test_a_public_body_whose_words_are_only_apart_is_absent() -> None:
    answer = bot_over(*_FACTORY).ask("¿Qué opina el Sindicato de Estudiantes del cierre?")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «Sindicato de Estudiantes»."
    # Said together, the same body is there.
    told = bot_over(*_FACTORY).ask("¿Qué vigila el Ministerio de Trabajo?")
    assert told.supported, told.reason


def test_a_name_found_only_by_the_start_of_a_word_is_absent() -> None:
    # «Sanitas» shares its first five letters with «sanitarios», but it is not in the article.
    answer = bot_over(*_FACTORY).ask("¿Qué ha dicho Sanitas del cierre de la fábrica?")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «Sanitas»."


def test_a_public_body_with_another_word_in_the_article_is_absent() -> None:
    # The article has a «tribunal» («el Tribunal Superior»), not the «Tribunal de Cuentas».
    court = (*_FACTORY, "La empresa recurrirá ante el Tribunal Superior de Justicia.")
    answer = bot_over(*court).ask("¿Qué dijo el Tribunal de Cuentas sobre el cierre?")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «Tribunal de Cuentas»."
    assert bot_over(*court).ask("¿Qué hará la empresa ante el Tribunal Superior?").supported


def test_an_acronym_inside_a_longer_name_is_looked_for_alone() -> None:
    # «UGT del ERE» is read as one name; «ERE» is in the article, «UGT» is not.
    plan = (
        *_FACTORY,
        "El ERE de la fábrica afectará a 284 trabajadores, la mitad de la plantilla.",
    )
    answer = bot_over(*plan).ask("¿Qué opina UGT del ERE de la fábrica?")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «UGT»."
    # The start of a longer name in the article is the acronym's expansion: «UD» of «Unión
    # Deportiva Portovello».
    club = (*plan, "La Unión Deportiva Portovello jugará en Castrovega el domingo.")
    assert bot_over(*club).ask("¿Dónde jugará la UD Portovello?").supported


_COLONY = (
    "Los colonos franceses llegaron a la bahía en 1620 con tres barcos.",
    "Los hugonotes fundaron asentamientos norteamericanos a lo largo de la costa.",
    "El caso llegó a la Corte Suprema en 1978, que falló a favor de la emisora.",
)


@pytest.mark.parametrize(
    "question",
    [
        # A place's name in the article as its adjective.
        "¿Cuándo llegaron los colonos de Francia a la bahía?",
        "¿Qué fundaron los hugonotes en Norteamérica?",
        # Another country's name for the same kind of body.
        "¿En qué año llegó el caso al Tribunal Supremo?",
    ],
)
def test_a_name_said_in_other_words_of_the_same_root_is_not_absent(question: str) -> None:
    answer = bot_over(*_COLONY).ask(question)
    assert answer.supported, answer.reason


def test_an_adjective_of_another_place_does_not_stand_for_it() -> None:
    answer = bot_over(*_COLONY).ask("¿Cuándo llegaron los colonos de Noruega a la bahía?")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «Noruega»."


_HARVEST = (
    "La cooperativa de Valdeoria calcula que el granizo de la tarde del martes arrasó 300 "
    "hectáreas de viñedo, un tercio de la cosecha prevista.",
    "El presidente de la cooperativa, Ezequiel Manzanedo, pidió ayudas a la Junta. «Hemos perdido "
    "40.000 kilos de uva en diez minutos», lamentó.",
    "Los técnicos han inflado las previsiones de daños, según la oposición, que pide una "
    "auditoría. Las indemnizaciones del seguro agrario llegarán en otoño.",
)


def test_a_name_typed_in_lowercase_that_the_article_lacks_is_refused_and_named() -> None:
    bot = bot_over(*_HARVEST)
    answer = bot.ask("cuantos kilos de uva ha perdido ramiro cochachin")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «ramiro cochachin»."  # one name, as typed
    # The same question about the one the article names, typed the same way, is answered.
    named = bot.ask("cuantos kilos de uva ha perdido ezequiel manzanedo")
    assert named.supported, named.reason
    assert "40.000 kilos" in named.passages[0].sentence


@pytest.mark.parametrize(
    "question",
    [
        # Spanish words the background table lacks: built like a derived word, typed with an
        # accent, or a verb form of a word the article uses («inflado»).
        "cuantos kilos de uva ha perdido cada finquero",
        "cuántos kilos de uva perdió la cooperativa según el viñadór",
        "cuanto inflaron las previsiones de daños los técnicos",
    ],
)
def test_a_lowercase_word_that_may_be_spanish_is_no_absent_name(question: str) -> None:
    answer = bot_over(*_HARVEST).ask(question)
    assert answer.reason is None or "no menciona" not in answer.reason, answer.reason


def test_an_accent_put_back_makes_a_lowercase_word_spanish() -> None:
    # «gastarian» is no word of the table, «gastarían» is (the reader left the accent out); the
    # article has no word of its family, and «castellanos» is a Spanish word too.
    bot = bot_over(*_HARVEST)
    question = parse_question("cuanto gastarian los viticultores castellanos o gonzalvez")
    assert absent_names(bot.index, with_synonyms(bot.index, question), 0) == ["gonzalvez"]


def test_a_well_known_name_typed_in_lowercase_is_a_name_not_a_spanish_word() -> None:
    # «cartago», «portugal» are in the background table (wordfreq counts names lowercased), but
    # the Spanish dictionaries write them only capitalized (qa_bot/data/nombres-es.txt).
    bot = bot_over(*_HARVEST)
    answer = bot.ask("cuantos kilos de uva se han perdido en cartago")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «cartago»."
    # a Spanish word that is also a place's name («navarra», «navarro») stays a word
    question = parse_question("cuantos kilos de uva perdio la cooperativa navarra")
    assert absent_names(bot.index, with_synonyms(bot.index, question), 0) == []


def test_the_names_table_holds_names_and_no_spanish_word() -> None:
    from qa_bot.text.analysis import stem
    from qa_bot.text.background import a_spanish_word, known

    for name in ("cartago", "portugal", "badajoz", "tamaulipas"):
        assert known(stem(name)) and not a_spanish_word(stem(name)), name
    for word in ("navarra", "cuenta", "granada", "santiago", "subcontratas"):
        assert a_spanish_word(stem(word)) or not known(stem(word)), word


@pytest.mark.parametrize(
    "question",
    [
        "que porcentage de la uva se ha perdido",  # «porcentaje», g for j
        "cuantas cirujias hubo tras el granizo",  # «cirugías», j for g
        "cuantos kilos de uva perdio el ospital",  # «hospital», its h left out
    ],
)
def test_a_spanish_word_misspelled_by_its_sound_is_no_name(question: str) -> None:
    bot = bot_over(*_HARVEST)
    assert absent_names(bot.index, with_synonyms(bot.index, parse_question(question)), 0) == []
