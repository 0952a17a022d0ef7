"""A body the question names in lowercase («el ministerio de sanidad») that the article never
mentions is absent; the same body named with other words («la asociación de alpaqueros» for
«la Asociación de Criadores de Alpacas») or by its short name («Sanidad informó») is not."""

from __future__ import annotations

import pytest
from conftest import assert_not_refused_for, bot_over

_HOSPITAL = (
    "El paritorio del hospital comarcal de Barbanera cerrará del 1 de julio al 30 de septiembre "
    "por falta de ginecólogos, según confirmó la gerencia.",
    "El alcalde acusó al Departamento de Sanidad de tratar a los pueblos como ciudadanos de "
    "segunda. «Los residentes quieren colegios para sus hijos y trabajo para sus parejas», dijo.",
    "La plataforma vecinal ha recogido 11.600 firmas contra el cierre del paritorio.",
    "La Asociación de Criadores de Alpacas de la comarca, que agrupa a 1.100 familias, apoya la "
    "protesta. La escuela básica del sector suspendió las clases el 12 de mayo.",
)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        (
            "ha dicho algo el ministerio de sanidad sobre el cierre del paritorio",
            "ministerio de sanidad",
        ),
        ("que dice la defensoria del pueblo del cierre del paritorio", "defensoria del pueblo"),
        # a regional government and an academy: «la junta de…», «la academia de…»
        ("que dice la junta de castilla y leon del cierre del paritorio", "junta de castilla"),
        (
            "ha dicho algo la real academia de la historia del cierre del paritorio",
            "academia de la historia",
        ),
    ],
)
def test_a_body_typed_in_lowercase_that_the_article_lacks_is_absent(
    question: str, missing: str
) -> None:
    answer = bot_over(*_HOSPITAL).ask(question)
    assert not answer.supported
    assert answer.reason == f"El artículo no menciona «{missing}»."


def test_a_head_the_article_uses_for_something_else_names_no_body() -> None:
    # «colegios para sus hijos» is no «colegio de enfermería».
    answer = bot_over(*_HOSPITAL).ask("que opina el colegio de enfermeria del cierre del paritorio")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «colegio de enfermeria»."


def test_a_body_named_with_other_words_is_there() -> None:
    bot = bot_over(*_HOSPITAL)
    families = bot.ask("cuantas familias hay en la asociacion de alpaqueros")
    assert families.supported, families.reason
    assert "1.100 familias" in families.passages[0].sentence
    # «colegio» is not in the article; its synonym «escuela» is, before «del sector».
    school = bot.ask("cuando suspendio las clases el colegio del sector")
    assert school.supported, school.reason
    assert "escuela básica" in school.passages[0].sentence


def test_a_body_given_by_its_short_name_is_there() -> None:
    article = [*_HOSPITAL[:1], "Sanidad informó de que buscará ginecólogos en otras provincias."]
    answer = bot_over(*article).ask("que buscara el ministerio de sanidad en otras provincias")
    assert answer.supported, answer.reason
    assert "otras provincias" in answer.passages[0].sentence


def test_a_regional_government_the_article_names_is_there() -> None:
    named = bot_over(
        *_HOSPITAL,
        "La Junta de Castilla y León pagará el transporte de las embarazadas al hospital.",
    ).ask("que va a pagar la junta de castilla y leon a las embarazadas")
    assert named.supported, named.reason


def test_an_office_of_a_portfolio_the_article_never_names_is_absent() -> None:
    # «el ministro de sanidad» of an article whose only minister is of Defence: someone else.
    bot = bot_over(
        "Sergei Shoigu, el ministro de Defensa ruso, realizó una visita a Corea del Norte.",
        "Durante la visita se habló de maniobras militares conjuntas entre los dos países.",
    )
    answer = bot.ask("quien es el ministro de sanidad")
    assert not answer.supported
    assert answer.reason == "El artículo no menciona «ministro de sanidad»."
    assert bot.ask("quien es el ministro de defensa").supported
    # a portfolio the article writes as a name elsewhere, even apart, is no absent office
    named = bot_over(
        "El delegado del Ministerio de Ambiente y Recursos Naturales (MARN), Héctor Ajpop, "
        "visitó el vertedero.",
        "Los vecinos exigen el cierre del basurero desde hace meses.",
    )
    assert_not_refused_for(named.ask("como se llama el delegado del marn"), "no menciona")
