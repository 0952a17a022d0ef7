"""The ordered refusal checks of answer/refusal.py, one by one on the shared article."""

from __future__ import annotations

import pytest
from conftest import assert_answers, assert_not_refused_for, assert_refused, bot_over

from qa_bot import QABot
from qa_bot.answer.case import Case
from qa_bot.answer.datum_refusals import (
    no_date_for_the_rest,
    no_kind_nearby,
    no_rate,
    no_role_named,
    no_typed_answer,
)
from qa_bot.answer.named import a_public_body
from qa_bot.answer.people import named_in_full
from qa_bot.answer.person_refusals import no_body_named, no_name_given
from qa_bot.answer.refusal import CHECKS
from qa_bot.answer.roles import asked_role
from qa_bot.conversation import Conversation
from qa_bot.text.question import parse_question


def test_a_money_question_needs_an_amount_beside_its_words(bot: QABot) -> None:
    answer = bot.ask("¿Cuánto cobra la alcaldesa Natalia Chueca?")
    assert not answer.supported
    assert answer.reason is not None and "cuánto cuesta o cuánto dinero" in answer.reason
    priced = bot.ask("¿Cuánto costará el billete sencillo?")
    assert priced.supported and priced.passages[0].answer == "1,40 euros"


def test_a_price_asked_with_a_cuanto_needs_an_amount_of_money() -> None:
    # «¿A cuánto está el kilo de papa?» asks a price: 300 kilos lost is no answer; 2 soles is.
    paragraphs = (
        "El huaico sepultó 300 kilos de papa en las chacras de Pomachaca, dijo el alcalde.",
        "La carretera seguirá cortada al menos una semana, según el Ministerio.",
        "En la feria de Huaylas, los comerciantes subieron los precios del gas.",
    )
    answer = bot_over(*paragraphs).ask("¿A cuánto está el kilo de papa en Pomachaca?")
    assert not answer.supported
    priced = bot_over(
        paragraphs[0].replace("300 kilos de papa", "papa, que ya se vende a 2 soles el kilo,"),
        *paragraphs[1:],
    ).ask("a cuanto esta el kilo de papa en pomachaca")
    assert priced.supported and priced.passages[0].answer is not None
    assert "2 soles" in priced.passages[0].answer


def test_the_typed_checks_come_after_the_support_and_name_checks() -> None:
    names = [check.__name__ for check in CHECKS]
    assert names.index("weak_support") == 0 and names.index("absent_name") == 1
    assert CHECKS[-7:] == (
        no_typed_answer,
        no_kind_nearby,
        no_date_for_the_rest,
        no_rate,
        no_body_named,
        no_role_named,
        no_name_given,
    )


_TRAM = (
    "La línea del tranvía de Valdoria tiene tres paradas intermedias y mide 11 kilómetros. Las "
    "obras terminaron el pasado marzo, con un año de retraso.",
    "El contrato de limpieza de las paradas fue adjudicado a una empresa subcontratista, que "
    "quebró al año siguiente. Los vecinos del barrio alto piden una parada más.",
    "El Ayuntamiento recurrirá la sentencia sobre el contrato ante el tribunal superior. La "
    "oposición critica el retraso de las obras.",
    "El alcalde, Pedro Ruiz, inauguró la línea con la consejera de Obras.",
)


@pytest.fixture(scope="module")
def tram() -> QABot:
    return bot_over(*_TRAM, slug="tranvia")


@pytest.mark.parametrize(
    ("question", "what"),
    [
        ("¿Cuándo se verá el recurso contra la sentencia del contrato?", "una fecha"),
        ("¿Qué empresa subcontratista quebró?", "un nombre"),
        ("¿Cómo se llaman las tres paradas intermedias de la línea?", "un nombre"),
        ("¿A qué hora recurrirá el Ayuntamiento la sentencia?", "una hora"),
    ],
)
def test_a_datum_the_article_never_gives_beside_its_topic_is_refused(
    tram: QABot, question: str, what: str
) -> None:
    answer = tram.ask(question)
    assert not answer.supported, answer
    assert answer.reason is not None and f"pide {what} y el artículo no da" in answer.reason


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        # The same kinds, when a sentence beside the one that matches gives them.
        ("¿Cuándo terminaron las obras del tranvía?", "el pasado marzo"),
        ("¿Cómo se llama el alcalde?", "Pedro Ruiz"),
        ("¿Cuántas paradas intermedias tiene la línea?", "tres paradas"),
    ],
)
def test_the_same_kinds_are_answered_where_the_article_gives_them(
    tram: QABot, question: str, phrase: str
) -> None:
    answer = tram.ask(question)
    assert answer.supported, answer.reason
    assert answer.passages[0].answer is not None and phrase in answer.passages[0].answer


def test_a_who_question_is_not_refused_for_want_of_a_capitalized_name(tram: QABot) -> None:
    # «¿Quién…?» is answered by «los vecinos del barrio alto» as often as by a name.
    answer = tram.ask("¿Quién pide una parada más?")
    assert answer.supported and "vecinos" in answer.passages[0].sentence


def test_a_period_answers_a_when_question_as_well_as_a_date() -> None:
    bot = bot_over(
        "Los primeros casos de desobediencia civil colectiva tuvieron lugar durante el Imperio "
        "Romano, según los historiadores.",
        "La desobediencia civil es una forma de protesta.",
        "Muchos activistas la han defendido en público.",
    )
    answer = bot.ask("¿Cuándo tuvieron lugar los primeros casos de desobediencia civil colectiva?")
    assert answer.supported, answer.reason


_TRAINS = (
    "La nueva línea de tren tiene seis trenes, fabricados por Ferrotrans en Zaragoza.",
    "La obra de la línea costó 306 millones de euros, un 40 % más de lo previsto.",
    "El billete sencillo costará 3,40 euros y el abono mensual, 40 euros.",
    "Los vecinos del barrio alto piden una parada más cerca de sus casas.",
    "La alcaldesa viajó en el primer convoy junto a doscientos vecinos.",
)


def test_an_amount_per_unit_is_refused_when_only_a_total_is_given() -> None:
    talk = Conversation(bot_over(*_TRAINS))
    assert talk.ask("¿Cuántos trenes tiene la línea?").supported
    answer = talk.ask("¿Y cuánto costó cada uno?")
    assert not answer.supported
    assert answer.reason is not None and "por unidad o por periodo" in answer.reason


def test_an_amount_per_unit_is_answered_where_the_article_gives_it() -> None:
    bot = bot_over(*_TRAINS, "Cada tren costó 12 millones de euros, según la empresa.")
    answer = bot.ask("¿Cuánto costó cada tren de la nueva línea?")
    assert answer.supported, answer.reason
    assert answer.passages[0].answer == "12 millones de euros"
    # «el abono mensual» names a thing; no rate is asked.
    monthly = bot_over(*_TRAINS).ask("¿Cuánto cuesta el abono mensual?")
    assert monthly.supported, monthly.reason


_ELECTION = (
    "Con el 48,7 % de los votos, la abogada Valeria Quiroga ganó la intendencia de Villa Alta.",
    "Para el politólogo Martín Acosta, de la Universidad Nacional de Río Cuarto, el resultado "
    "castiga al oficialismo.",
    "La participación fue del 68 %, una de las más bajas desde 1983.",
    "Quiroga asumirá el cargo el 10 de diciembre.",
)


def test_a_common_word_found_only_inside_a_name_is_no_support() -> None:
    # «río» is in the article only as part of «Río Cuarto»: the question is about something else.
    answer = bot_over(*_ELECTION).ask("¿Cuál es el río más largo del mundo?")
    assert not answer.supported, answer.passages[0].sentence
    # The name asked in lowercase with its other words is still the name.
    named = bot_over(*_ELECTION).ask("¿Qué opina el politólogo de la universidad de río cuarto?")
    assert named.supported, named.reason
    # The same word used on its own is a match.
    river = bot_over(
        *_ELECTION, "El río que cruza Villa Alta es el más largo del mundo, según Acosta."
    )
    assert river.ask("¿Cuál es el río más largo del mundo?").supported


# Weak support, typed: the sentence gives the kind of datum asked near the question's words.
_CANTEEN = (
    "El brote de salmonela obligó a cerrar tres comedores escolares de Navalcárdena el martes.",
    "Aquella noche el hospital comarcal recibió en urgencias a 63 niños con vómitos y fiebre.",
    "La empresa de catering atribuyó el problema a una avería en la cámara frigorífica.",
)


def _case(question: str, paragraph: int, support: float, follow_up: bool = False):  # type: ignore[no-untyped-def]
    from qa_bot.answer.case import Case
    from qa_bot.answer.matching import with_synonyms
    from qa_bot.text.question import parse_question

    index = bot_over(*_CANTEEN).index
    shown = index.sentences(paragraph)[0]
    # As respond.answer parses it: «críos» with its synonyms in the article («niños»).
    parsed = with_synonyms(index, parse_question(question, resolve=index.resolve))
    return Case(index, parsed, paragraph, shown, support, follow_up)


@pytest.mark.parametrize(
    ("question", "paragraph", "support", "refused"),
    [
        # The count asked, beside «urgencias»: weak support is enough.
        ("¿Cuántos críos vieron en urgencias?", 1, 0.25, False),
        ("¿Cuántos críos vieron en urgencias?", 1, 0.17, False),
        # ... but not too weak.
        ("¿Cuántos críos vieron en urgencias?", 1, 0.1, True),
        # A count of another thing («63 niños» for «¿Cuántos médicos…?») is no such datum.
        ("¿Cuántos médicos había en urgencias?", 1, 0.25, True),
        # No number in the sentence shown.
        ("¿Cuántos técnicos repararon la cámara frigorífica?", 2, 0.25, True),
        # A question that asks no one kind of datum keeps the plain threshold.
        ("¿Qué pasó en urgencias?", 1, 0.25, True),
    ],
)
def test_weak_support_is_enough_when_the_sentence_gives_what_is_asked(
    question: str, paragraph: int, support: float, refused: bool
) -> None:
    from qa_bot.answer.refusal import WEAK_MATCH, weak_support

    assert (weak_support(_case(question, paragraph, support)) == WEAK_MATCH) is refused


def test_a_follow_up_gets_no_such_leeway() -> None:
    from qa_bot.answer.refusal import WEAK_MATCH, weak_support

    case = _case("¿Cuántos críos vieron en urgencias?", 1, 0.25, follow_up=True)
    assert weak_support(case) == WEAK_MATCH


def test_an_answer_given_on_weak_support_has_the_lowest_confidence_of_a_given_answer() -> None:
    from qa_bot.answer.support import SUPPORT_THRESHOLD, confidence, lowest_confidence

    weak = 0.7 * SUPPORT_THRESHOLD
    assert confidence(weak, given=True) == lowest_confidence()
    assert confidence(weak) < 0.5  # a refused answer's confidence says how far it fell short
    assert confidence(weak, given=True) > confidence(weak)


def test_the_answer_tells_the_checks_whether_it_is_a_follow_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from qa_bot.answer import respond
    from qa_bot.answer.followup import Context

    seen: list[bool] = []
    real = respond.refusal

    def spy(case):  # type: ignore[no-untyped-def]
        seen.append(case.follow_up)
        return real(case)

    monkeypatch.setattr(respond, "refusal", spy)
    bot = bot_over(*_CANTEEN)
    bot.ask("¿Cuántos niños atendieron en urgencias?")
    bot.ask("¿Y cuántos ingresaron?", context=Context(("¿Cuántos niños atendieron?",), "p2"))
    assert seen == [False, True]


def test_a_question_that_shares_only_its_datum_word_gets_no_leeway() -> None:
    from qa_bot.answer.refusal import WEAK_MATCH, weak_support

    # «cuesta» names the kind asked; nothing of the question is about the canteen outbreak.
    case = _case("¿Cuánto cuesta un kilo de tomates?", 1, 0.25)
    assert weak_support(case) == WEAK_MATCH


_ASSEMBLY = (
    "La asamblea extraordinaria del club aprobó el lunes las cuentas de la temporada por amplia "
    "mayoría, tras 4 horas de debate y 12 enmiendas.",
    "El club tiene 2.800 socios y una media de 3.100 espectadores por partido.",
    "La directiva presentará un plan de viabilidad a la federación antes del 30 de junio.",
)


def test_a_count_asked_of_a_passage_that_never_names_the_thing_is_refused() -> None:
    bot = bot_over(*_ASSEMBLY)
    refused = bot.ask("¿Cuántos socios fueron a la asamblea extraordinaria?")
    assert not refused.supported
    assert refused.reason is not None and "«socios»" in refused.reason
    # The passage that names them answers its own question.
    answered = bot.ask("¿Cuántos socios tiene el club?")
    assert answered.supported and answered.passages[0].answer == "2.800 socios"


_FIRE = (
    "El incendio de la sierra de Peñaluenga obligó a desalojar a 1.400 vecinos de cuatro pueblos "
    "y calcinó 3.870 hectáreas de pinar.",
    "Los trabajos de extinción se prolongaron durante tres días con 19 medios aéreos.",
    "El alcalde pidió ayudas para los agricultores que perdieron sus cosechas.",
)


def test_a_count_of_another_thing_is_no_count_of_what_the_article_never_names() -> None:
    question = "¿Cuántos bomberos trabajaron en la extinción del incendio?"
    refused = bot_over(*_FIRE).ask(question)
    assert not refused.supported
    assert refused.reason == "La pregunta pide cuántos «bomberos» y el artículo no habla de ellos."
    # When the article names them, the count shown may be the reader's word for them.
    named = bot_over(*_FIRE, "Los bomberos forestales vigilan ya el perímetro.").ask(question)
    assert named.reason is None or "no habla de ellos" not in named.reason
    # «personas» is counted by any count of people.
    people = bot_over(*_FIRE).ask("¿Cuántas personas tuvieron que dejar sus casas por el incendio?")
    assert people.supported, people.reason
    assert people.passages[0].answer == "1.400 vecinos"


_ESTATE = (
    "Un juzgado condena a la promotora a pagar 2,36 millones a los vecinos de Los Almendros.",
    "Los 48 chalés adosados se vendieron sobre plano entre 2016 y 2017 por unos 165.000 euros "
    "cada uno, la mayoría a parejas jóvenes que trabajaban en Salamanca, a 14 kilómetros.",
    "El perito detectó asentamientos de hasta 7 centímetros en las zapatas.",
    "El arroyo corre a pocos metros de los bloques.",
)


def test_a_figure_in_another_unit_is_no_answer_to_a_measure_asked() -> None:
    bot = bot_over(*_ESTATE)
    # The sentence that best matches gives euros and kilometres, not the square metres asked.
    assert_refused(bot.ask("cuantos metros cuadrados tiene cada chalet"), "ninguna cifra en metros")
    assert_answers(bot.ask("cuantos centimetros se hundieron las zapatas"), "7 centímetros")


_OUTBREAK = (
    "Un total de 87 alumnos de tres colegios de Navalcárdena tuvieron que ser atendidos por "
    "vómitos y fiebre tras comer en el comedor escolar.",
    "Los tres centros afectados, los colegios públicos Los Almendros y Virgen del Prado y el "
    "concertado San Gabriel, comparten la misma empresa de catering.",
    "Salud Pública ordenó la suspensión cautelar de la cocina central de la empresa.",
)


def test_a_count_of_another_thing_where_the_article_counts_the_thing_elsewhere() -> None:
    question = "cuantos alumnos tiene el colegio los almendros"
    # «tres centros» counts schools; the article counts pupils, but of all three schools.
    assert_refused(bot_over(*_OUTBREAK).ask(question), "cuenta otra cosa")
    # When the article counts no pupils at all, the count shown may be the reader's word for
    # them: shown, with less trust, as before.
    uncounted = ("Decenas de alumnos de tres colegios tuvieron que ser atendidos.", *_OUTBREAK[1:])
    shown = bot_over(*uncounted).ask(question)
    assert shown.reason is None or "cuenta otra cosa" not in shown.reason


def test_plural_bodies_asked_by_name_need_their_names() -> None:
    bot = bot_over(
        "Los sindicatos reclaman la estabilización de unos 900 profesores asociados.",
        "La huelga del 2 de octubre afectará a las tres universidades públicas de la región.",
        "El rector, Tomás Pardo, pidió al Gobierno que negocie antes de la huelga.",
    )
    assert_refused(bot.ask("¿Qué sindicatos han convocado la huelga?"), "nombre")
    named = bot_over("CCOO y UGT han convocado la huelga del 2 de octubre en la universidad.")
    assert_answers(named.ask("¿Qué sindicatos han convocado la huelga?"), "CCOO y UGT")


def test_how_long_someone_has_been_something_needs_the_span_in_the_sentence_shown() -> None:
    bot = bot_over(
        "Un grupo de ladrones robó el domingo la custodia del Museo Diocesano de Villalmonte.",
        "«Es el alma de la ciudad», lamentó la directora del museo, Begoña Arrieta. El vigilante "
        "de noche, con 22 años en la casa, no oyó nada.",
        "La Guardia Civil busca una furgoneta blanca vista de madrugada.",
    )
    # «22 años», in the next sentence, is the night watchman's
    assert_refused(bot.ask("cuanto tiempo lleva begoña arrieta de directora"), "pide cuánto tiempo")
    answered = bot.ask("cuantos años lleva el vigilante de noche en la casa")
    assert answered.supported, answered.reason
    assert "22 años" in answered.passages[0].sentence


_HOSPITAL = (
    "Las obras del bloque B del hospital comarcal siguen en marcha y afectan a tres plantas. La "
    "consejería reabrió el 3 de marzo los quirófanos de la primera planta.",
    "La lista de espera quirúrgica suma 2.310 pacientes, 400 más que hace un año.",
    "El gerente, Tomás Ibarra, atribuye el retraso a la falta de anestesistas.",
)


def test_a_date_beside_in_an_article_that_lacks_a_word_of_the_question_is_not_given() -> None:
    # «3 de marzo» is beside the sentence shown, but it dates the reopening of the operating
    # rooms; the article never speaks of «climatización».
    bot = bot_over(*_HOSPITAL)
    answer = bot.ask("¿Cuándo terminarán las obras de climatización del bloque B?")
    assert not answer.supported
    assert answer.reason is not None and "«climatización»" in answer.reason
    assert "fecha" in answer.reason
    # Asked about what the passage does say, the date is given.
    given = bot.ask("¿Cuándo reabrió la consejería los quirófanos?")
    assert given.supported and given.passages[0].answer == "el 3 de marzo"


_COUNCIL = (
    "El pleno del Ayuntamiento de Montealto aprobó el jueves la declaración de zona tensionada "
    "con los votos de 17 de sus 27 concejales. La alcaldesa, Marta Sáez, defendió la medida "
    "ante los vecinos del barrio alto.",
    "El consejero de Vivienda estudiará la petición en los próximos tres meses.",
    "La Plataforma de Afectados por la Hipoteca asegura haber paralizado 58 desalojos.",
)


def test_a_body_asked_and_not_named_is_refused() -> None:
    bot = bot_over(*_COUNCIL)
    refused = bot.ask("¿Qué partido gobierna en el Ayuntamiento de Montealto?")
    assert not refused.supported
    assert refused.reason is not None and "qué «partido»" in refused.reason
    # A body named in the sentence answers; a choice between names the question gives, or
    # «¿Cómo se llama…?» (a term may answer it), are not refused by this check.
    named = bot.ask("¿Qué plataforma asegura haber paralizado 58 desalojos?")
    assert named.reason is None or "«plataforma»" not in named.reason


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # A portfolio after an office is no party.
        (
            "¿De qué partido es Gonzalo Ferrero?",
            "«No podíamos esperar», explicó el diputado de Vías y Obras, Gonzalo Ferrero.",
        ),
        # A province in brackets after a town is no company.
        (
            "¿Qué constructora hace la rotonda de Almarcén?",
            "Las obras de una rotonda en Almarcén (Toledo) han sacado a la luz una necrópolis.",
        ),
        # A public administration is no party, company or hospital.
        (
            "¿De qué partido es el alcalde Joaquín Ballarín?",
            "El alcalde, Joaquín Ballarín, acusó al Departamento de Sanidad de abandonar el pueblo.",
        ),
        (
            "¿En qué hospital ingresaron a los corredores?",
            "Dos corredores fueron ingresados, según informó el Servicio de Emergencias.",
        ),
    ],
)
def test_a_portfolio_or_a_province_is_no_body(question: str, sentence: str) -> None:
    answer = bot_over(sentence).ask(question)
    assert not answer.supported
    assert answer.reason is not None and "nombre" in answer.reason


@pytest.mark.parametrize(
    ("text", "name", "other"),
    [
        ("explicó el diputado de Vías y Obras, Gonzalo Ferrero.", "Vías y Obras", True),
        ("la concejala de Vivienda, Lucía Ferreiro.", "Vivienda", True),
        ("en la entrada de Almarcén (Toledo) han sacado", "Toledo", True),
        # An acronym in brackets is a body's; a name after «de» that no office precedes is one.
        ("la Unión General de Trabajadores (UGT) convocó", "UGT", False),
        ("los votos del Partido Popular y de Vox.", "Vox", False),
        # A body someone leads or speaks for; a party in brackets after a person.
        ("El portavoz del Partido Popular, Miguel Tellado, pidió", "Partido Popular", False),
        ("Ana Botín, presidenta del Banco Santander, presentó", "Banco Santander", False),
        ("el director del Hospital Clínico, Luis Gómez", "Hospital Clínico", False),
        ("El portavoz Juan Pérez (Vox) pidió", "Vox", False),
        ("La diputada Inés Arrimadas (Cs) defendió", "Cs", False),
    ],
)
def test_what_a_body_asked_is_not(text: str, name: str, other: bool) -> None:
    from qa_bot.answer.named import portfolio_or_province

    at = text.index(name)
    assert portfolio_or_province(text, (at, at + len(name))) is other


def test_a_named_place_asked_and_not_named_is_refused() -> None:
    bot = bot_over(
        "Dos de los corredores fueron trasladados al hospital, aunque ninguno reviste gravedad.",
        "Los servicios sanitarios atendieron a 73 corredores, la mayoría por calambres.",
    )
    refused = bot.ask("¿En qué hospital ingresaron a los corredores?")
    assert not refused.supported
    assert refused.reason is not None and "nombre" in refused.reason
    # Named in the sentence, it answers.
    named = bot_over(
        "Dos de los corredores fueron trasladados al hospital San Rafael, aunque ninguno reviste "
        "gravedad.",
        "Los servicios sanitarios atendieron a 73 corredores, la mayoría por calambres.",
    ).ask("¿En qué hospital ingresaron a los corredores?")
    assert named.supported and "San Rafael" in named.passages[0].sentence
    # News write the place's name with the noun asked in it.
    titled = bot_over(
        "Dos de los corredores fueron trasladados al Hospital Clínico de Valencia, aunque ninguno "
        "reviste gravedad.",
        "Los servicios sanitarios atendieron a 73 corredores, la mayoría por calambres.",
    ).ask("¿En qué hospital ingresaron a los corredores?")
    assert titled.supported and titled.passages[0].answer == "Hospital Clínico de Valencia"


_HOTEL = (
    "«Hacemos hasta 28 habitaciones por turno», explicó Remedios Galindo, camarera de piso en el "
    "hotel Mirador del Faro desde hace 19 años.",
    "La directora del hotel Bahía Serena, Carmen Lozano, calificó la huelga de desproporcionada.",
    "El comité de huelga se reunirá el jueves con la patronal en la sede del Servicio de "
    "Mediación.",
)


def test_an_office_the_passage_never_names_is_not_answered_with_another_name() -> None:
    bot = bot_over(*_HOTEL)
    unnamed = (
        "La pregunta busca a «director» y el pasaje que mejor encaja no menciona esa palabra ni "
        "un sinónimo."
    )
    refused = bot.ask("¿Cómo se llama el director del hotel Mirador del Faro?")
    assert not refused.supported
    assert refused.reason == unnamed
    # The office in the passage: its holder is the answer.
    named = bot.ask("¿Cómo se llama la directora del hotel Bahía Serena?")
    assert named.supported and named.passages[0].answer == "Carmen Lozano"
    # «¿Quién es el autor…?» may be answered by «escribió»: not this check's to refuse.
    assert bot.ask("¿Quién es el director del hotel Mirador del Faro?").reason != unnamed


def test_an_office_said_with_a_synonym_is_named_whatever_else_the_folder_holds() -> None:
    # «jefe» is a synonym of «director» in the thesaurus; a passage elsewhere that says
    # «director» (so the question's word is in the corpus) does not change that.
    hotel = "El jefe del hotel Bahía Serena, Carmen Lozano, calificó la huelga de desproporcionada."
    elsewhere = "El director del Servicio de Mediación convocó a las partes para el jueves."
    for paragraphs in ((hotel,), (hotel, elsewhere)):
        answer = bot_over(*paragraphs).ask("¿Cómo se llama el director del hotel Bahía Serena?")
        assert answer.supported, (paragraphs, answer.reason)


def test_a_year_asked_is_not_answered_with_a_day_of_the_week() -> None:
    bot = bot_over(
        "Un grupo de ladrones robó el domingo la custodia del Museo Diocesano de Villalmonte.",
        "La policía busca una furgoneta blanca vista cerca del museo de madrugada.",
        "El obispado ha ofrecido una recompensa por cualquier pista.",
    )
    answer = bot.ask("en que año se inauguro el museo diocesano de villalmonte")
    assert_refused(answer, "pide una fecha")
    assert bot.ask("¿Cuándo robaron la custodia del museo?").passages[0].answer == "el domingo"


_STORM = (
    "La Generalitat anunció ayudas de 3 millones de euros para los municipios afectados, de las "
    "que Castellmar espera recibir 900.000 euros. La consellera de Medio Ambiente, que visitó la "
    "localidad, prometió agilizar los permisos de las obras.",
    "La alcaldesa, Remedios Garcés, pidió que se declare zona catastrófica.",
    "La alcaldesa recorrió el paseo marítimo con los técnicos de Costas. «Es un desastre», dijo "
    "Garcés.",
)


def test_a_lone_capitalized_word_is_a_surname_only_of_someone_named_in_full() -> None:
    bot = bot_over(*_STORM)
    # «Castellmar» is a town: the article names no consellera.
    refused = bot.ask("como se llama la consellera de medio ambiente")
    assert not refused.supported
    assert refused.reason is not None and "nombre" in refused.reason
    # «Garcés» alone is the surname of «Remedios Garcés», named in another paragraph.
    answered = bot.ask("como se llama la alcaldesa que recorrio el paseo maritimo")
    assert answered.supported, answered.reason
    assert answered.passages[0].id == "p3"


@pytest.mark.parametrize(
    ("surname", "named"),
    [("Garcés", True), ("Castellmar", False), ("Costas", False)],
)
def test_named_in_full(surname: str, named: bool) -> None:
    assert named_in_full(_STORM, surname) is named


_ASH = (
    "La ceniza del volcán Coyolar cubrió el domingo los techos de once comunidades del norte.",
    "El ministerio suspendió las clases en 23 escuelas de la zona: 6.900 estudiantes se quedan "
    "sin clases al menos hasta el viernes.",
    "Las cuadrillas limpiarán techos y canoas antes de reanudar las clases.",
)


def test_a_readers_word_for_young_people_or_workers_is_counted_by_the_articles() -> None:
    # «chiquillos» is the reader's word for the article's «estudiantes»: the passage that counts
    # them answers, though it never says «chiquillos»; a word that is no such slang is refused.
    answer = bot_over(*_ASH).ask("cuantos chiquillos se quedaron sin clases")
    assert answer.supported, answer.reason
    assert "6.900 estudiantes" in answer.passages[0].text
    refused = bot_over(*_ASH).ask("cuantos maestros se quedaron sin clases")
    assert not refused.supported


_HARVEST = (
    "Más de 300 camiones y tractores forman una fila de casi cuatro kilómetros ante el surtidor.",
    "Una cosechadora consume unos 250 litros de diésel por jornada, explicó el presidente de los "
    "productores.",
    "La cosechadora de la cooperativa lleva parada desde el lunes.",
)


def test_a_day_asked_is_given_per_working_day() -> None:
    # «por jornada» is a rate per day; a sentence with no rate still answers no «al dia».
    answer = bot_over(*_HARVEST).ask("cuanto diesel consume una cosechadora al dia")
    assert answer.supported, answer.reason
    assert "250 litros" in answer.passages[0].sentence
    total = bot_over(
        _HARVEST[0],
        "Una cosechadora consume unos 250 litros de diésel en toda la campaña.",
        *_HARVEST[2:],
    ).ask("cuanto diesel consume una cosechadora al dia")
    assert not total.supported
    assert total.reason is not None and "por unidad o por periodo" in total.reason


_SCHOOL = (
    "El colegio público de Torrealba cerrará el 30 de junio por falta de alumnos.",
    "A partir de septiembre, los niños tendrán que desplazarse en autobús al colegio de Santa "
    "Olalla, a doce kilómetros por una carretera comarcal.",
    "La directora del centro, Pilar Benavente, que lleva 19 años dando clase en el colegio, "
    "reconoció que la noticia duele.",
    "Ortuño, padre de dos alumnos, considera que la carretera es peligrosa en invierno.",
)


def test_how_long_someone_has_worked_is_no_age() -> None:
    # «lleva 19 años dando clase» is a span of time, not the director's age.
    bot = bot_over(*_SCHOOL)
    assert_refused(bot.ask("¿Cuántos años tiene la directora?"), "edad")
    assert_answers(bot.ask("¿Cuántos años lleva la directora dando clase?"), "19 años")


def test_how_long_a_trip_takes_is_no_date() -> None:
    # «a partir de septiembre» says when, not how long the bus takes.
    bot = bot_over(*_SCHOOL)
    assert_refused(bot.ask("¿Cuánto tarda el autobús en llegar a Santa Olalla?"), "tiempo")


def test_someone_the_article_never_names_has_no_name_to_give() -> None:
    # «un abogado explicará…» says there is a lawyer, not what he is called.
    bot = bot_over(
        *_SCHOOL,
        "La AMPA ha convocado una asamblea para el jueves 23 de enero, donde un abogado "
        "explicará a las familias los pasos del recurso. El ayuntamiento ha pedido una reunión "
        "con la consejera de Educación, Marta Villalobos.",
    )
    assert_refused(bot.ask("¿Cómo se llama el abogado que asesora a la AMPA?"), "no lo nombra")
    # Where the article names the one it introduces, the name is the answer.
    named = bot_over(
        *_SCHOOL,
        "La AMPA ha contratado a un abogado, Luis Arjona, que explicará los pasos del recurso.",
    )
    assert named.ask("¿Cómo se llama el abogado que asesora a la AMPA?").supported
    assert_answers(bot.ask("¿Cómo se llama la directora del centro?"), "Pilar Benavente")


def test_anything_the_article_mentions_unnamed_has_no_name_to_give() -> None:
    # Not only offices: «un perro guardián» is there, its name is not (the name beside it is the
    # sereno's); «un escenario "normal"» names its scenario, in quotes.
    bot = bot_over(
        "Entre los heridos figura un sereno de 27 años, Brayan Huamán Soto, que sufrió "
        "quemaduras cuando intentaba rescatar a un perro guardián.",
        'Los expertos predicen que en un escenario "normal", la temperatura aumentará 0,3 '
        "grados por década.",
        "La municipalidad habilitará la losa deportiva del parque para los comerciantes.",
    )
    assert_refused(bot.ask("¿Cómo se llama el perro guardián?"), "no lo nombra")
    question = parse_question("¿Cómo se llama el escenario en el que la temperatura aumentará?")
    quoted = Case(bot.index, question, 1, bot.index.sentences(1)[0], 1.0)
    assert no_name_given(quoted) is None
    # «su perra» is someone's, unnamed like «un perro»
    owned = bot_over(
        "Las primeras pisadas las vio Tomás Recio, un maestro jubilado que paseaba con su perra "
        "por la cantera.",
        "La municipalidad habilitará la losa deportiva del parque para los comerciantes.",
    )
    dog = parse_question("como se llama la perra de tomas recio")
    case = Case(owned.index, dog, 0, owned.index.sentences(0)[0], 1.0)
    assert (
        no_name_given(case) == "La pregunta pide el nombre de «perra» y el artículo no lo nombra."
    )
    assert not owned.ask("como se llama la perra de tomas recio").supported


def test_someone_only_ever_called_by_the_noun_has_no_name_to_give() -> None:
    # «el cabecilla» is there, twice, and never with a name beside it: readers who ask his name
    # are told the article does not give it (the judge's court is no name of his).
    unnamed = (
        "En la cúspide estaba un joven de 29 años que dirigía el negocio desde un piso alquilado.",
        "El Juzgado de Instrucción número 3 de Zaragoza envió a prisión al cabecilla y a otros "
        "tres miembros de la red. El cabecilla se negó a declarar.",
        "La Guardia Civil no descarta nuevas detenciones en las próximas semanas.",
    )
    question = parse_question("como se llama el cabecilla de la red")

    def checked(*paragraphs: str) -> str | None:
        index = bot_over(*paragraphs).index
        return no_name_given(Case(index, question, 1, index.sentences(1)[0], 1.0))

    assert (
        checked(*unnamed) == "La pregunta pide el nombre de «cabecilla» y el artículo no lo nombra."
    )
    assert not bot_over(*unnamed).ask("como se llama el cabecilla de la red").supported
    # named after the noun or before it, in apposition, the name is there to give
    for named in (
        "El Juzgado envió a prisión al cabecilla, Iván Mora, y a otros tres miembros de la red.",
        "El Juzgado envió a prisión a Iván Mora, el cabecilla, y a otros tres miembros de la red.",
    ):
        assert checked(unnamed[0], named, unnamed[2]) is None
        assert (
            bot_over(unnamed[0], named, unnamed[2])
            .ask("como se llama el cabecilla de la red")
            .supported
        )


def test_a_number_before_the_noun_is_not_what_is_named() -> None:
    question = parse_question("como se llaman las dos centrales que salieron por mantenimiento")
    role = asked_role(question, offices=False)
    assert role is not None and role.folded == "centrales"
    # no noun is named after «para» or a quoted term: another name for it is asked
    for other in ("¿Cuál es el nombre para el O3 más utilizado?", '¿Cómo se llama "terra preta"?'):
        assert asked_role(parse_question(other), offices=False) is None


def test_a_lowercase_thing_of_encyclopedic_text_is_not_refused_for_want_of_a_name() -> None:
    # «la propiedad» is named in lowercase («primalidad»); only people and bodies called by the
    # noun alone are refused (``no_name_given``).
    bot = bot_over(
        "La propiedad de ser primo se denomina primalidad. Un número primo solo es divisible por "
        "sí mismo y por la unidad.",
        "Los números compuestos tienen más de dos divisores.",
    )
    answer = bot.ask("¿Cuál es el nombre de la propiedad de ser primo?")
    assert_not_refused_for(answer, "no lo nombra")


@pytest.mark.parametrize(
    ("name", "public"),
    [("Cortes regionales", True), ("Departamento de Sanidad", True), ("Partido Verde", False)],
)
def test_a_parliament_or_an_administration_is_no_party(name: str, public: bool) -> None:
    text = f"La consejera, Begoña Arrieta, habló ante el {name} el martes."
    start = text.index(name)
    assert a_public_body(text, (start, start + len(name)), "partido") is public


def test_a_measure_of_other_things_is_no_measure_of_the_thing_asked() -> None:
    # The sentence names the olive groves and measures only the pines and the oaks.
    bot = bot_over(
        "El incendio de la sierra de Peñaluenga quedó estabilizado tras arrasar 3.870 hectáreas.",
        "Entre la superficie quemada hay unas 2.100 hectáreas de pinar y 640 de robledal, además "
        "de cultivos de cereal y olivar.",
        "Los vecinos de cuatro pueblos tuvieron que dejar sus casas durante dos noches.",
    )
    answer = bot.ask("¿Cuántas hectáreas de olivar se quemaron?")
    assert_refused(answer, "de otra cosa")
    assert_answers(bot.ask("¿Cuántas hectáreas de pinar se quemaron?"), "2.100 hectáreas")
    # «3,2 kilómetros de su litoral» measures the coast asked
    coast = bot_over(
        "El sargazo cubre desde principios de mes unos 3,2 kilómetros de su litoral.",
        "El alcalde firmó una orden ejecutiva para contratar la limpieza sin subasta.",
    )
    assert coast.ask("cuantos kilometros de litoral cubre el sargazo").supported
    # «1,5 gigatoneladas de dióxido de carbono» measures the carbon asked, a word further on
    carbon = bot_over(
        "En un año normal, el Amazonas absorbe 1,5 gigatoneladas de dióxido de carbono; en 2005 "
        "se liberaron 5 gigatoneladas.",
        "Los estudios se publicaron en la revista Science.",
    )
    carbon_asked = carbon.ask("¿Cuántas toneladas de carbono absorbe el Amazonas en un año?")
    assert_not_refused_for(carbon_asked, "de otra cosa")


def test_a_question_held_only_by_when_it_is_asked_is_off_topic() -> None:
    # «el año pasado» frames the question; «liga» and «ganó» are found only through loose
    # synonyms («Unidad», «llegó»): the flood story does not talk about it.
    bot = bot_over(
        "En la madrugada del martes, el río Tormejo se desbordó a su paso por Valdecea y anegó "
        "260 viviendas.",
        "Un hombre de 54 años permanece ingresado con hipotermia; llegó en barca la Unidad Militar "
        "de Emergencias.",
        "El año pasado el Ayuntamiento ya había pedido limpiar el cauce del río.",
    )
    assert_refused(bot.ask("quien gano la liga el año pasado"), "faltan las palabras clave")
    # a question about the story, framed the same way, is answered
    assert bot.ask("que pidio el ayuntamiento el año pasado").supported
