"""Whether a sentence gives the kind of datum a question asks for."""

from __future__ import annotations

import pytest

from qa_bot.answer.asked import Want, wanted
from qa_bot.answer.count_asked import gives_count_of_asked
from qa_bot.answer.counted import counted_noun, measured
from qa_bot.answer.kinds import gives, kind_spans
from qa_bot.text.question import parse_question
from qa_bot.text.sentences import analyze_sentences


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("¿Cuándo abrió el museo?", "El museo abrió en 1998 con una fiesta.", True),
        ("¿Cuándo abrió el museo?", "El museo abrió con una fiesta popular.", False),
        ("¿Qué edad tiene la directora?", "La directora, de 47 años, habló.", True),
        ("¿Qué edad tiene la directora?", "La directora habló en 1998.", False),
        # A count of the question's noun, not a length.
        ("¿Cuántas paradas tiene la línea?", "La línea tiene tres paradas.", True),
        ("¿Cuántas paradas tiene la línea?", "La línea, de tres meses, tiene paradas.", False),
        # A share or a clock time counts nothing «¿Cuántos X…?» asks, unless X follows it.
        ("¿Cuántos socios tiene la asociación?", "La asociación perdió el 12% desde enero.", False),
        ("¿Cuántos clientes perdieron?", "Perdieron un 12% de clientela desde enero.", True),
        ("¿Cuántos vecinos votaron?", "Votaron entre las 18.10 y las 18.30.", False),
        ("¿Qué porcentaje de socios votó?", "Votó el 12% de la asamblea.", True),
        # «¿En qué año…?» asks a year, not any date.
        ("¿En qué año se fundó la empresa?", "La empresa se fundó en 1987 en Castrovega.", True),
        ("¿En qué año se fundó la empresa?", "La empresa presentó el lunes sus cuentas.", False),
        ("¿En qué año se fundó la asociación?", "Se fundó hace tres décadas en Almenara.", True),
        (
            "¿Cuándo presentó la empresa sus cuentas?",
            "La empresa presentó el lunes sus cuentas.",
            True,
        ),
        # The kinds no finder knows are always given.
        ("¿Por qué cerró el museo?", "El museo cerró.", True),
    ],
)
def test_whether_a_sentence_gives_the_kind_asked(
    question: str, sentence: str, expected: bool
) -> None:
    parsed = parse_question(question)
    want = wanted(parsed)
    assert want is not None
    assert gives(parsed, want, analyze_sentences(sentence)[0]) is expected


def test_a_relative_que_asks_no_measured_noun() -> None:
    assert measured(parse_question("¿Qué capacidad tienen los convoyes?")) == ("capac", set())
    assert measured(parse_question("¿Qué número de votos obtuvo?")) == ("numer", {"vot"})
    relative = "De los equipos para los que jugó Manning, ¿cuántos llegaron a la Super Bowl?"
    assert measured(parse_question(relative)) is None


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # «¿Cuánta gente…?» and «¿Cuántas personas…?» are answered by a count of people.
        ("¿Cuánta gente tuvo que irse?", "Obligó a desalojar a unos 1.400 vecinos.", True),
        ("¿Cuántas personas vigilaban?", "Habrá 214 vigilantes en las aulas.", True),
        ("¿Cuánta gente tuvo que irse?", "El fuego calcinó 3.870 hectáreas.", False),
        # Inhabitants say how big a place is: who lives there, not who came to vote.
        ("¿Cuánta gente fue a votar?", "Es una ciudad de 94.000 habitantes.", False),
        ("¿Cuánta gente vive allí?", "Es una ciudad de 94.000 habitantes.", True),
        # A reader's «críos», «chavales» are counted by the article's people too.
        ("¿Cuántos críos iban al cole?", "Tiene este curso 23 alumnos matriculados.", True),
        ("cuantos chavales se han ido", "Lo han hecho unos 260 jóvenes de la comarca.", True),
        # Any other thing counted needs its own noun.
        ("¿Cuántos trenes tiene la línea?", "La línea llega a 24.000 vecinos.", False),
        ("¿Cuántos trenes tiene la línea?", "La línea tiene seis trenes.", True),
    ],
)
def test_whether_a_sentence_counts_what_is_asked(
    question: str, sentence: str, expected: bool
) -> None:
    assert (
        gives_count_of_asked(parse_question(question), analyze_sentences(sentence)[0]) is expected
    )


def test_cuanta_gente_counts_people_and_cuanta_agua_counts_nothing() -> None:
    assert counted_noun(parse_question("¿Cuánta gente fue a la protesta?")) == "gent"
    assert counted_noun(parse_question("¿Cuánta agua queda en el embalse?")) is None


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        # Someone's age is no span of time «¿Cuántos años fue maestro?» asks for.
        ("Las vio Tomás Recio, un maestro jubilado de 71 años que paseaba con su perro.", None),
        ("Fermín Andújar, de 72 años, dio clase en la escuela del pueblo.", None),
        ("Tomás Recio fue maestro durante 38 años en la escuela del pueblo.", "38 años"),
    ],
)
def test_an_age_is_no_span_of_time_asked(sentence: str, span: str | None) -> None:
    question = parse_question("¿Y cuántos años fue maestro?")
    analyzed = analyze_sentences(sentence)[0]
    found = [analyzed.text[a:b] for (a, b), _ in kind_spans(question, analyzed, Want.DURATION)]
    assert found == ([] if span is None else [span])
