"""The answer phrase: one hand-made sentence per answer type, and sentences that must show none."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa_bot.answer.asked import Want, demands_name, one_kind_asked, wanted
from qa_bot.answer.phrase import _distance, answer_span, gives
from qa_bot.text.question import parse_question
from qa_bot.text.sentences import analyze_sentences


def phrase(question: str, sentence: str) -> str | None:
    analyzed = analyze_sentences(sentence)[0]
    span = answer_span(parse_question(question), analyzed)
    return None if span is None else analyzed.text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # quién: a name that is not the question's
        (
            "¿Quién es el consejero delegado de Vitalia?",
            "Lo señaló el consejero delegado de Vitalia, Fernando Aguirre, en un comunicado.",
            "Fernando Aguirre",
        ),
        # cuándo: a date, a year, a day and its part
        (
            "¿Cuándo murió el pintor?",
            "El pintor murió la madrugada del 9 de junio de 2019 en su casa.",
            "la madrugada del 9 de junio de 2019",
        ),
        ("¿Cuándo murió Van der Hamen?", "Van der Hamen murió joven, en 1631.", "en 1631"),
        (
            "¿Cuándo volvieron los vecinos a casa?",
            "Los vecinos volvieron a casa el lunes por la tarde.",
            "el lunes por la tarde",
        ),
        # cuánto / cuántos: the number and its unit
        (
            "¿Cuánto costó la reforma del mercado?",
            "La reforma del mercado costó 2,3 millones de euros.",
            "2,3 millones de euros",
        ),
        (
            "¿Cuántos barrios declara tensionados el pleno?",
            "El pleno declara tensionados a catorce barrios de la ciudad.",
            "catorce barrios",
        ),
        (
            "¿Cuál es el precio medio del alquiler?",
            "El precio medio del alquiler alcanzó los 12,8 euros por metro cuadrado en febrero.",
            "12,8 euros por metro cuadrado",
        ),
        # dónde: a place with its preposition
        (
            "¿Dónde estudió Valeria Quiroga?",
            "Valeria Quiroga estudió Derecho en la Universidad Nacional de Córdoba.",
            "en la Universidad Nacional de Córdoba",
        ),
        # qué edad, cómo se llama, por qué
        (
            "¿Qué edad tiene Marta Llaneza?",
            "Marta Llaneza, de 47 años, recogió el premio.",
            "47 años",
        ),
        (
            "¿Cómo se llama la rectora de la universidad?",
            "La rectora de la universidad, Ana Isabel Lorenzo, presentó el grado.",
            "Ana Isabel Lorenzo",
        ),
        (
            "¿Por qué valen tanto los datos de salud?",
            "Los datos de salud valen mucho porque no caducan, explica la experta.",
            "porque no caducan",
        ),
        # cuándo: a month alone, a decade; cuánto tiempo: an abbreviated unit
        (
            "¿Cuándo se supo la noticia?",
            "La noticia se supo en marzo, según el diario.",
            "en marzo",
        ),
        (
            "¿En qué década terminó la cadena la transición al color?",
            "La cadena terminó la transición al color en los años 70.",
            "en los años 70",
        ),
        (
            "¿Cuánto tiempo quedaba de partido?",
            "Quedaban 3 min de partido cuando marcó Denver.",
            "3 min",
        ),
        # A relative time answers «¿cuándo?» when no date does.
        (
            "¿Cuándo visitó el ministro Corea del Norte?",
            "El ministro recientemente visitó Corea del Norte, el primero en hacerlo desde el fin de la Unión Soviética en 1991.",
            "recientemente",
        ),
        # The figure, not the aside that explains it.
        (
            "¿Cuántos fueron por impago?",
            "Hubo 312 lanzamientos, de los cuales 241 —más de tres de cada cuatro— por impago.",
            "241",
        ),
        ("¿Cuántos fueron por impago?", "Hubo 312 lanzamientos, 241 (el 77 %) por impago.", "241"),
        # A later «que» is a relative pronoun: the sum is no count of «recibió».
        (
            "¿De cuánto fue la subvención que recibió la empresa?",
            "La empresa recibió una subvención de 2,3 millones de euros.",
            "2,3 millones de euros",
        ),
        # A month with its year after «a finales de»; a capitalized month is a name.
        (
            "¿Cuándo cerró la fábrica?",
            "La fábrica cerró a finales de marzo de 2019, tras años de pérdidas.",
            "a finales de marzo de 2019",
        ),
        # A clock time is no span of time, but «las dos semanas» are one.
        (
            "¿Cuánto duró la huelga?",
            "Las dos semanas de huelga paralizaron el puerto.",
            "dos semanas",
        ),
        (
            "¿Cuánto duró el viaje?",
            "El viaje duró desde las 6.12 horas hasta 14 minutos después.",
            "14 minutos",
        ),
        # qué + verb: what follows the verb
        (
            "¿Qué consiguieron copiar los atacantes?",
            "Desde allí consiguieron copiar una base de datos de clientes que no estaba cifrada.",
            "una base de datos de clientes",
        ),
    ],
)
def test_each_answer_type(question: str, sentence: str, expected: str) -> None:
    assert phrase(question, sentence) == expected


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # No span of the kind asked.
        ("¿Cuándo abrió el museo?", "El museo abrió con una gran fiesta popular."),
        # Only the question's own words: the name is the one asked about.
        ("¿Quién es el abogado de Eduardo Montaner?", "El abogado de Eduardo Montaner recurrirá."),
        # A description, not a name, is asked: no kind is clear.
        (
            "¿Qué cargo tiene Shoigu?",
            "Sergei Shoigu, el ministro de Defensa ruso, viajó a Pyongyang.",
        ),
        # «¿Con quién…?» asks for the company, not for the subject's name.
        (
            "¿Con quién viajó la alcaldesa?",
            "La alcaldesa, Natalia Chueca, viajó con doscientos vecinos.",
        ),
        # A price is asked: a length is no answer.
        (
            "¿Cuánto costó la línea?",
            "La línea, de 11,6 kilómetros, costó mucho más de lo previsto.",
        ),
        # «Julio» in «Julio Pérez» is a name, not a month.
        ("¿Cuándo dimitió el concejal?", "El concejal de Urbanismo, Julio Pérez, dimitió."),
        # A number the question itself gives is no answer.
        ("¿Cuántos pasajeros tuvo en 2023?", "El aeropuerto tuvo récord de pasajeros en 2023."),
    ],
)
def test_no_phrase_when_unsure(question: str, sentence: str) -> None:
    assert phrase(question, sentence) is None


@pytest.mark.parametrize(
    ("question", "demands"),
    [
        ("¿Cómo se llama el concejal que denunció el caso?", True),
        ("¿Cómo se llaman las tres paradas de la línea?", True),
        ("¿Qué empresa construyó los trenes?", True),
        # Answered by a description as often as by a name.
        ("¿Quién construyó los trenes?", False),
        ("¿Cómo se llama cuando un gobierno cae?", False),
        ("¿Qué grupo de científicos mide el oxígeno?", False),
        ("¿Qué consiguieron copiar los atacantes?", False),
        ("¿Cuál es la empresa que construyó los trenes?", True),
        # A relative «que» asks nothing.
        ("Nombre una forma en la que la organización cerró la base", False),
    ],
)
def test_which_questions_only_a_proper_name_answers(question: str, demands: bool) -> None:
    assert demands_name(parse_question(question)) is demands


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


def test_a_question_that_asks_two_things_wants_no_single_kind() -> None:
    two = parse_question("¿Cuándo circularán los trenes y cuánto costará el billete?")
    assert wanted(two) is not None and one_kind_asked(two) is None
    born = parse_question("¿Dónde nació la pintora y cuándo murió?")
    assert wanted(born) is Want.PLACE and one_kind_asked(born) is None
    one = parse_question("¿Cuánto tiempo quedaba de partido cuando marcó Denver?")
    assert one_kind_asked(one) is wanted(one) is not None


@pytest.mark.parametrize(
    ("question", "asks_a_date"),
    [
        ("¿Cuándo se verá el recurso?", True),
        ("¿Desde cuándo dirige el museo?", True),
        ("¿Y cuándo fue eso?", True),
        # A later relative «que» does not make «cuándo» a clause.
        ("¿Cuándo anunció el alcalde que dimitiría?", True),
        # The date is asked by «qué día»; «cuando» is a clause of it.
        ("¿Qué día cerró la fábrica cuando quebró la empresa?", True),
        # «cuando» opening a clause asks nothing.
        ("Cuando se requiere mucho tiempo para ordenar, esto representa qué caso", False),
        ("La desobediencia civil puede ocurrir cuando la gente habla", False),
    ],
)
def test_only_a_when_that_asks_wants_a_date(question: str, asks_a_date: bool) -> None:
    assert (one_kind_asked(parse_question(question)) is Want.DATE) is asks_a_date


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("¿Cuánto pagaba de alquiler la familia?", Want.MONEY),
        ("¿Cuánto facturó la empresa el año pasado?", Want.MONEY),
        ("¿Cuánto gana al mes un estibador?", Want.MONEY),
        ("¿Cuánto sale el boleto de colectivo?", Want.MONEY),
        # A count, not money: the verbs ask a price only right after «cuánto».
        ("¿Cuántos premios ganó la película?", Want.NUMBER),
        ("¿Cuántos pacientes salen del hospital cada día?", Want.NUMBER),
        ("¿Cuántas plazas de nuevo ingreso ofertará la universidad?", Want.NUMBER),
        ("¿Cuánta agua gasta cada hectárea de regadío?", Want.NUMBER),
        # «¿Qué premio…?» asks which award, not its amount.
        ("¿Qué premio ganó la película?", Want.OBJECT),
    ],
)
def test_money_is_asked_by_the_verbs_of_price_pay_and_earnings(question: str, want: Want) -> None:
    assert wanted(parse_question(question)) is want


@given(
    words=st.lists(st.tuples(st.integers(0, 5), st.integers(1, 8)), min_size=1, max_size=30),
    span=st.tuples(st.integers(0, 300), st.integers(1, 40)),
)
def test_the_distance_to_the_nearest_question_word_is_the_brute_force_one(
    words: list[tuple[int, int]], span: tuple[int, int]
) -> None:
    # Question words in order, each after a gap and with a length; a span anywhere.
    starts, ends, at = [], [], 0
    for gap, length in words:
        starts.append(at + gap)
        ends.append(at + gap + length)
        at = at + gap + length
    a, b = span[0], span[0] + span[1]

    def gap_to(start: int, end: int) -> int:
        return a - end if end <= a else start - b if start >= b else 0

    expected = min(gap_to(s, e) for s, e in zip(starts, ends, strict=True))
    assert _distance((a, b), starts, ends) == expected
