"""Whose age a sentence gives (``answer/whose_age.py``) and the answer it lets qa-bot give."""

from __future__ import annotations

import pytest
from conftest import assert_answers, assert_refused, bot_over

from qa_bot.answer.whose_age import age_sentence
from qa_bot.conversation import Conversation
from qa_bot.text.question import parse_question
from qa_bot.text.sentences import analyze_sentences


def _found(question: str, *passages: str) -> str | None:
    """The sentence ``age_sentence`` finds for ``question`` in ``passages``, or None."""
    analyzed = [analyze_sentences(p) for p in passages]
    found = age_sentence(parse_question(question), analyzed)
    return None if found is None else analyzed[found[0]][found[1]].text


ELECTION = (
    "Con el 48,7% de los votos, la abogada Valeria Quiroga ganó la intendencia de Villa San "
    "Andrés.",
    "Quiroga, de 41 años y candidata del frente vecinal Nuevo Rumbo, obtuvo 31.240 votos, contra "
    "los 23.650 del exsecretario de Obras Héctor Ledesma.",
    "Quiroga, la nueva intendenta, es hija de un colectivero y de una maestra rural.",
)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # by name, the age set off right after it
        ("¿Qué edad tiene Valeria Quiroga?", "Quiroga, de 41 años"),
        # by a role that an apposition gives her («Quiroga, la nueva intendenta,»)
        ("Que edad tiene la nueva intendenta?", "Quiroga, de 41 años"),
        ("cuantos años tiene la abogada", "Quiroga, de 41 años"),
        # someone named whose age the article never gives
        ("¿Cuántos años tiene Héctor Ledesma?", None),
        # a role no one holds
        ("¿Qué edad tiene el concejal?", None),
    ],
)
def test_the_age_of_the_one_asked_by_name_or_by_role(question: str, sentence: str | None) -> None:
    found = _found(question, *ELECTION)
    assert (found is None) if sentence is None else (found or "").startswith(sentence)


def test_a_role_stands_for_the_last_one_named_before_it_of_its_gender() -> None:
    # «la cineasta» is Llaneza, the woman named just before, not «el cineasta Alonso Mendieta».
    text = (
        "El jurado, presidido por el cineasta mexicano Alonso Mendieta, destacó «la delicadeza con "
        "la que Llaneza habla del duelo». Se trata del primer largometraje de la cineasta, de 36 años, que ya había "
        "dirigido tres cortos."
    )
    assert (_found("¿Qué edad tiene Marta Llaneza?", text) or "").startswith("Se trata")
    assert _found("¿Qué edad tiene Alonso Mendieta?", text) is None
    # After a quotation: «…», declaró el regidor, de 52 años.
    mayor = (
        "El alcalde, Ignacio Berrocal, gobierna en minoría.",
        "Berrocal anunció una cuestión de confianza. Si la pierde, habrá moción de censura. «Que "
        "se retraten», declaró el regidor, de 52 años.",
    )
    assert "52 años" in (_found("que edad tiene berrocal", *mayor) or "")


def test_a_place_or_a_body_is_nobody_a_role_stands_for() -> None:
    text = (
        "Lo anunció la directora general de Salud Pública, Inmaculada Berrocal, en la sede de la "
        "Consejería. La epidemióloga, de 54 años, pidió calma."
    )
    assert (_found("¿Qué edad tiene Inmaculada Berrocal?", text) or "").startswith("La epid")


def test_someone_of_the_one_named_is_not_them() -> None:
    # «Su hija, de 26 años» is the daughter's age, not the mother's; and the son's age is not his
    # mother's.
    bar = "Carmen Ruiz, dueña del bar La Parada, lo vive con angustia. Su hija, de 26 años, trabaja allí."
    assert _found("¿Qué edad tiene Carmen Ruiz?", bar) is None
    assert (_found("que edad tiene la hija de la dueña del bar", bar) or "").startswith("Su hija")
    mother = "Sandra Villalobos, de 40 años, pasó la noche junto a su hijo."
    assert _found("¿Qué edad tiene el hijo de Sandra Villalobos?", mother) is None


def test_qa_bot_shows_the_age_the_best_sentence_lacks() -> None:
    bot = bot_over(
        *ELECTION,
        "La participación fue del 71%, cuatro puntos más que en las anteriores elecciones.",
        "El escrutinio terminó pasada la medianoche en la escuela Sarmiento.",
    )
    answer = bot.ask("Que edad tiene la nueva intendenta?")
    assert answer.supported
    assert answer.passages[0].answer == "41 años"
    # and still refuses the age of someone it never gives
    assert not bot.ask("¿Cuántos años tiene Héctor Ledesma?").supported


_FILLER = (
    "La participación fue del 71%, cuatro puntos más que en las anteriores elecciones.",
    "El escrutinio terminó pasada la medianoche en la escuela Sarmiento.",
)


def test_the_age_of_someone_else_is_refused() -> None:
    bot = bot_over(
        "Julián Recio, fontanero jubilado de 67 años, se sumó a la protesta que encabeza Nuria "
        "Pascual.",
        *_FILLER,
    )
    assert_refused(bot.ask("que edad tiene Nuria Pascual"), "la de otra persona")
    assert bot.ask("¿Qué edad tiene Julián Recio?").passages[0].answer == "67 años"


def test_the_age_of_the_one_a_relative_is_named_after_is_not_theirs() -> None:
    # «Una niña de 11 años, Carla Mendiluce»: her age, not her father's.
    bot = bot_over(
        "Una niña de 11 años, Carla Mendiluce, ganó el domingo el torneo de ajedrez de Jaén.",
        "Su padre, Javier Mendiluce, es conductor de autobús urbano en Pamplona.",
        *_FILLER,
    )
    assert not bot.ask("cuantos años tiene el padre de carla").supported
    assert bot.ask("¿Qué edad tiene Carla Mendiluce?").passages[0].answer == "11 años"


def test_a_relatives_age_beside_someone_elses_is_shown() -> None:
    # The best sentence gives the mother's age; the next one, of no one else, the children's.
    bot = bot_over(
        "Para Silvia Olmedo, administrativa de 39 años en una consultora, el cambio ha sido un "
        "antes y un después. Madre de dos niños de 4 y 7 años, dedica los viernes a descansar.",
        *_FILLER,
    )
    answer = bot.ask("¿Qué edad tienen los hijos de Silvia Olmedo?")
    assert_answers(answer, "4 y 7 años")


# From the review of this change: a role after two names of no known gender is nobody's; «El
# hijo de Rosa Vidal, de 12 años» is the son's age; a follow-up that names its own person is not
# asked of the previous answer's.
_PREMIERE = (
    "Laura Gil presentó este viernes su documental en Valdemoro junto a Pedro Ruiz. La cineasta, "
    "de 36 años, agradeció el apoyo del público.",
    "El rodaje se prolongó durante dos años en varias comarcas de la provincia.",
    "El hijo de Rosa Vidal, de 12 años, recogió el premio infantil en nombre de su madre.",
)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("¿Cuántos años tiene Laura Gil?", None),  # «La cineasta» may be either of the two
        ("¿Qué edad tiene Rosa Vidal?", None),
        ("¿Qué edad tiene el hijo de Rosa Vidal?", "El hijo de Rosa Vidal, de 12 años"),
    ],
)
def test_whose_age_when_it_cannot_be_told_or_is_a_relatives(
    question: str, sentence: str | None
) -> None:
    found = _found(question, *_PREMIERE)
    assert (found is None) if sentence is None else (found or "").startswith(sentence)


def test_a_follow_up_that_names_its_own_person_is_asked_of_them() -> None:
    talk = Conversation(
        bot_over(
            "Julieta Arredondo quedó finalista del certamen de poesía. La ganadora fue Carmen "
            "Rius, de 58 años, profesora de instituto.",
            "La jueza del certamen, Elena Marín, de 63 años, destacó la calidad de las obras. "
            "Arredondo, de 24 años, estudia Filología en Almenara.",
            "El premio, dotado con 6.000 euros, lo entregó el alcalde de Almenara.",
        )
    )
    assert talk.ask("¿Quién es la jueza del certamen?").passages[0].answer == "Elena Marín"
    assert talk.ask("¿Y la ganadora, cuántos años tiene?").passages[0].answer == "58 años"
    talk.reset()
    assert talk.ask("¿Quién quedó finalista?").passages[0].answer == "Julieta Arredondo"
    # her age is in another paragraph than the answer that named her
    assert talk.ask("¿Y cuántos años tiene?").passages[0].answer == "24 años"
