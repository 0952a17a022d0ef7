"""Who an article names and the roles it gives them (``answer/mentions.py``), and whether a
name is a person's (``whose_age.a_known_person``)."""

from __future__ import annotations

import pytest
from conftest import assert_answers, assert_refused, bot_over

from qa_bot.answer.mentions import appositions, known_names
from qa_bot.answer.whose_age import a_known_person
from qa_bot.text.analysis import stem
from qa_bot.text.sentences import analyze_sentences


@pytest.mark.parametrize(
    ("text", "surname", "role"),
    [
        ("Lo pidió la abogada Valeria Quiroga en la sede.", "quiroga", "abogada"),
        # a sentence's first word is a name when the article capitalizes it elsewhere too
        (
            "Ganó Valeria Quiroga. Quiroga, la nueva intendenta, es hija de un colectivero.",
            "quiroga",
            "intendenta",
        ),
        ("El alcalde, Ignacio Berrocal, gobierna en minoría.", "berrocal", "alcalde"),
        # past the body or place the office is of
        ("El alcalde de Navalcárdena, Tomás Echevarría, pidió calma.", "echevarria", "alcalde"),
        (
            "El jefe regional del MOPC, Arsenio Recalde, lo atribuyó a un recurso.",
            "recalde",
            "jefe",
        ),
    ],
)
def test_a_role_set_beside_a_name(text: str, surname: str, role: str) -> None:
    sentences = analyze_sentences(text)
    people = appositions(sentences, known_names(sentences))
    assert surname in people and stem(role) in people[surname].roles


def test_a_bracketed_acronym_takes_no_role_from_the_words_before_it() -> None:
    text = "Tiene que inscribirse en el registro del Consejo General Farmacéutico (GPhC). El GPhC lo regula."
    sentences = analyze_sentences(text)
    people = appositions(sentences, known_names(sentences))
    assert "gphc" not in people


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Tomás Ferrer", True),  # an age after the name
        ("Arsenio Recalde", True),  # an office beside it
        ("Limpiezas Herrera", False),  # «la empresa Limpiezas Herrera», beside Gregorio Herrera
        ("Nature", False),  # «la revista Nature»: a role that is no office
    ],
)
def test_whether_the_article_shows_a_name_is_a_persons(name: str, person: bool) -> None:
    article = [
        analyze_sentences(
            "«No podemos abrir las ventanas», se quejó Tomás Ferrer, de 67 años, presidente de la "
            "asociación vecinal. El jefe regional del MOPC, Arsenio Recalde, lo atribuyó a un "
            "recurso."
        ),
        analyze_sentences(
            "Montaner amañó dos concursos para favorecer a la empresa Limpiezas Herrera. El dueño "
            "de la empresa, Gregorio Herrera, fue condenado. Lo publicó la revista Nature."
        ),
    ]
    assert a_known_person(name, article) is person


def test_a_body_asked_is_not_answered_with_a_persons_name() -> None:
    bot = bot_over(
        "«Llevamos quince años oyendo hablar del túnel de los Tilos», se quejó Tomás Ferrer, de 67 "
        "años, presidente de la asociación vecinal La Alameda.",
        "Montaner amañó dos concursos públicos para favorecer a la empresa Limpiezas Herrera. El "
        "dueño de la empresa, Gregorio Herrera, fue condenado a cuatro años de prisión.",
        "El pleno aprobó el presupuesto con los votos del Partido Vecinal.",
    )
    tunnel = bot.ask("¿Qué empresa iba a construir el túnel de los Tilos?")
    assert_refused(tunnel, "solo nombra a una persona")
    favoured = bot.ask("¿Qué empresa salió favorecida en los concursos?")
    assert_answers(favoured, "Limpiezas Herrera")


def test_a_body_named_after_its_founder_is_still_the_body() -> None:
    bot = bot_over(
        "La constructora Ferrer ganó el concurso para construir el túnel de Almenara. Su "
        "fundador, Tomás Ferrer, de 67 años, celebró la adjudicación.",
        "Las obras comenzarán en marzo de 2027 y durarán tres años.",
        "El pleno aprobó el proyecto con los votos de todos los grupos.",
    )
    answer = bot.ask("¿Qué empresa ganó el concurso?")
    assert_answers(answer, "Ferrer")


def test_a_name_after_a_common_noun_of_a_person_is_no_body() -> None:
    # «el ingeniero Aurelio Casado» is a person; «la formación Nuevo Rumbo» is a party.
    bot = bot_over(
        "«No podíamos esperar», explicó el diputado Gonzalo Ferrero, que compareció junto al jefe "
        "del servicio, el ingeniero Aurelio Casado.",
        "En las elecciones municipales ganó la formación Nuevo Rumbo, que obtuvo cinco concejales.",
    )
    assert_refused(bot.ask("¿De qué partido es Gonzalo Ferrero?"), "solo nombra a una persona")
    assert_answers(bot.ask("¿Qué partido ganó las elecciones municipales?"), "Nuevo Rumbo")
