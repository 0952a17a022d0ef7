"""What a question asks for: a single kind of datum, a proper name, money by its verbs."""

from __future__ import annotations

import pytest

from qa_bot.answer.asked import Want, one_kind_asked, wanted
from qa_bot.answer.named import demands_name
from qa_bot.answer.roles import asks_person_name
from qa_bot.text.question import parse_question


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
        ("¿Qué equipo de rescate llegó primero?", False),
        # «de» and a name qualifies the company; the name is still asked.
        ("¿Qué empresa de Valencia ganó el concurso?", True),
        ("¿Qué consiguieron copiar los atacantes?", False),
        ("¿Cuál es la empresa que construyó los trenes?", True),
        # A relative «que» asks nothing.
        ("Nombre una forma en la que la organización cerró la base", False),
        # A follow-up opens with «y», unaccented as readers type it.
        ("y de que partido es", True),
        ("y que empresa lo construyo", True),
        ("y que dijo", False),
        # Plural bodies are asked by name too; plural kinds («qué grupos») are not.
        ("¿Qué sindicatos han convocado la huelga?", True),
        ("que universidades participan en la excavacion", True),
        ("¿Qué grupos dirigen las escuelas privadas?", False),
    ],
)
def test_which_questions_only_a_proper_name_answers(question: str, demands: bool) -> None:
    assert demands_name(parse_question(question)) is demands


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
        ("¿Y cuánto perdieron el primer mes?", Want.MONEY),
        ("cuanto ha perdido la cofradia con el temporal", Want.MONEY),
        ("¿Cuánto sale el boleto de colectivo?", Want.MONEY),
        # Any form of the verb, not a list of forms; past «se» or «ha».
        ("¿Cuánto costaría la nueva línea?", Want.MONEY),
        ("¿Cuánto se gastó el ayuntamiento en la fiesta?", Want.MONEY),
        # A count, not money: the verbs ask a price only right after «cuánto».
        ("¿Cuántos premios ganó la película?", Want.NUMBER),
        ("¿Cuántos pacientes salen del hospital cada día?", Want.NUMBER),
        ("¿Cuántas plazas de nuevo ingreso ofertará la universidad?", Want.NUMBER),
        ("¿Cuánta agua gasta cada hectárea de regadío?", Want.NUMBER),
        # «¿Qué premio…?» asks which award, not its amount.
        ("¿Qué premio ganó la película?", Want.OBJECT),
        # «a cuánto está / se vende / sale»: a price, accents or none; not «a cuánto bajarán».
        ("¿A cuánto está el kilo de tomates?", Want.MONEY),
        ("a cuanto se vende el kilo de miel", Want.MONEY),
        ("a cuanto esta la garrafa de gas", Want.MONEY),
        ("¿A cuánto bajarán los apagones?", Want.NUMBER),
        ("¿A cuánto está Almenara de Valdemoro?", Want.NUMBER),  # a distance
        ("¿Por cuánto mejoró el récord?", Want.NUMBER),
    ],
)
def test_money_is_asked_by_the_verbs_of_price_pay_and_earnings(question: str, want: Want) -> None:
    assert wanted(parse_question(question)) is want


@pytest.mark.parametrize(
    ("question", "want"),
    [
        # After a singular «cuánto/cuánta», a noun of time, money or share says the kind.
        ("¿Cuánto plazo tienen los vendedores para irse?", Want.DURATION),
        ("¿Cuánta pena pide la fiscalía?", Want.DURATION),
        ("¿Cuánto alquiler paga la familia?", Want.MONEY),
        # An interest is a rate even when the question pays it.
        ("cuanto interes quieren pagar por los prestamos", Want.PERCENT),
        ("¿Qué interés cobra el banco por la hipoteca?", Want.PERCENT),
        # «¿Qué parte…?» asks a share; «¿Qué extensión…?» a measure.
        ("¿Qué parte de la contaminación viene del tráfico?", Want.PERCENT),
        ("¿Qué extensión tiene la zona de bajas emisiones?", Want.NUMBER),
        # A plural counts: «¿Cuántas empresas…?» wants a number, not a name.
        ("¿Cuántas empresas se presentaron al concurso?", Want.NUMBER),
        ("¿Cuántos partidos jugó el equipo?", Want.NUMBER),
        # A count of things, even beside a word of money; a currency counted is money.
        ("¿Cuántas nóminas se quedaron sin cobrar?", Want.NUMBER),
        ("¿Cuántos quirófanos se abrirán con ese dinero?", Want.NUMBER),
        ("¿Cuántos euros cobra al mes?", Want.MONEY),
        # «ganado» after «cuánto» is cattle; after «ha», what was earned.
        ("¿Cuánto ganado tiene don Gerardo?", Want.NUMBER),
        ("¿Cuánto ha ganado la empresa?", Want.MONEY),
    ],
)
def test_the_noun_after_cuanto_says_the_kind(question: str, want: Want) -> None:
    assert wanted(parse_question(question)) is want


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("¿Cómo se llama el gobernador del Huila?", True),
        ("¿Cuál es el nombre de la jueza del caso?", True),
        ("como se llaman los vecinos que denunciaron", True),
        # Offices of regional governments and their deputies.
        ("como se llama la consellera de medio ambiente", True),
        ("¿Quién es el viceministro de Energía?", True),
        # A thing's name, or no naming at all.
        ("¿Cómo se llama la aplicación para pedir a domicilio?", False),
        ("¿Cómo se llama la empresa que construyó los trenes?", False),
        # «¿Quién es el/la ROLE…?» asks who holds the office; «¿Quién es Shoigu?» who he is.
        ("¿Quién es el gobernador del Huila?", True),
        ("¿Quién es Shoigu?", False),
        ("¿Quién ganó el premio?", False),
        # «¿Quién preside / dirige / entrena…?»: the holder of an office, in the news' tenses.
        ("¿Quién preside el Colegio de Dentistas?", True),
        ("quien entrena a Meseret Alemu", True),
        ("¿Quién dirigió la conquista?", False),
        # a possessive, and a follow-up's «Y»
        ("¿Y quién es su entrenador?", True),
    ],
)
def test_which_questions_ask_a_persons_name(question: str, person: bool) -> None:
    assert asks_person_name(parse_question(question)) is person


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("¿Cuántos años tiene la alcaldesa?", Want.AGE),
        ("y el cuantos años tiene", Want.AGE),
        # «tener que» is an obligation: how long, not how old.
        ("y cuantos años tienen que pagar el seguimiento de las avutardas", Want.DURATION),
        ("¿Cuántos años tiene que esperar la empresa?", Want.DURATION),
    ],
)
def test_cuantos_anos_tiene_asks_an_age_unless_it_is_tener_que(question: str, want: Want) -> None:
    assert wanted(parse_question(question)) is want


@pytest.mark.parametrize(
    ("question", "want"),
    [
        # «ascender a» a sum, unless what amounts is a count
        ("¿A cuánto ascienden las pérdidas según la asociación?", Want.MONEY),
        ("¿A cuánto asciende la deuda del club?", Want.MONEY),
        ("¿A cuánto asciende el número de muertos?", Want.NUMBER),
        ("¿A cuánto asciende la cifra de afectados?", Want.NUMBER),
    ],
)
def test_a_cuanto_asciende_asks_a_sum_unless_a_count(question: str, want: Want) -> None:
    assert wanted(parse_question(question)) is want
