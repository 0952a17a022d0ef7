"""Sentence evidence: which sentence of a passage supports the question."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import bot_over

from qa_bot import QABot
from qa_bot.answer.evidence import sentence_evidence
from qa_bot.answer.referring import goes_on, refers_back
from qa_bot.answer.tuning import INHERITED_CREDIT, REFERS_BACK_CREDIT
from qa_bot.models import Passage
from qa_bot.text.question import parse_question
from qa_bot.text.sentences import analyze_sentences


def _bot(tmp_path: Path, text: str) -> QABot:
    path = tmp_path / "nota.txt"
    path.write_text(text, encoding="utf-8")
    return QABot.load(path)


def _passage(text: str) -> Passage:
    return Passage(id="p1", article="a", paragraph=1, start=0, end=len(text), text=text)


def test_a_word_of_the_same_family_counts_in_the_sentence(tmp_path: Path) -> None:
    # "reconstruido" and "reconstrucción" stem differently but share their first letters; the
    # second sentence is the one about rebuilding, though both name the port and a year.
    bot = _bot(
        tmp_path,
        "El puerto fue destruido por una tormenta en 1950. "
        "La reconstrucción del puerto terminó en 1964 con fondos del gobierno.\n",
    )
    hit = bot.ask("¿Cuándo fue reconstruido el puerto?").passages[0]
    assert hit.sentence.startswith("La reconstrucción del puerto")


def test_an_exact_match_is_not_taken_by_another_question_word() -> None:
    # "presidente" and "presión" share "presi": the sentence names the president, not a pressure.
    question = parse_question("¿Qué presión sufrió el presidente?")
    sentences = analyze_sentences(_passage("El presidente habló ayer.").text)
    weights = dict.fromkeys(question.stems, 1.0)
    (evidence,) = sentence_evidence(sentences, question, weights)
    assert len(evidence.matched) == 1
    assert evidence.coverage < 1.0


def test_the_sentence_with_more_of_the_question_wins() -> None:
    question = parse_question("¿Qué ciudad visitó el ministro de Defensa?")
    text = "El ministro llegó tarde. El ministro de Defensa visitó Pyongyang en julio."
    sentences = analyze_sentences(_passage(text).text)
    weights = dict.fromkeys(question.stems, 1.0)
    first, second = sentence_evidence(sentences, question, weights)
    assert second.score > first.score
    assert second.coverage > first.coverage


def test_a_word_of_the_same_family_half_supports_the_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qa_bot.answer import support as support_module

    bot = _bot(tmp_path, "Los Broncos ganaron la final divisional de 2015 ante los Steelers.\n")
    index = bot.index

    def value(question: str) -> float:
        (sentence,) = index.sentences(0)
        parsed = parse_question(question, resolve=index.resolve)
        return support_module.support(index, parsed, 0, sentence)

    family = "¿A quién ganaron los Broncos en la división?"  # "división" ~ "divisional"
    absent = "¿A quién ganaron los Broncos en la liga?"
    with_credit, absent_with_credit = value(family), value(absent)
    monkeypatch.setattr(support_module, "PREFIX_CREDIT", 0.0)
    assert value(family) < with_credit
    assert value(absent) == absent_with_credit  # "liga" shares no prefix: nothing to credit
    monkeypatch.setattr(support_module, "PREFIX_CREDIT", 1.0)
    assert value(family) > with_credit
    assert 0.0 < with_credit < 1.0


def test_support_counts_the_sentence_shown(tmp_path: Path) -> None:
    # The same words, once together in one sentence and once spread over two: the passage holds
    # all of them both times, but only the first shows a sentence that answers the question.
    from qa_bot.answer.support import support

    together = "El alcalde inauguró el puente de hierro en marzo. Llovió toda la tarde.\n"
    apart = "El alcalde habló en marzo. Después se inauguró el puente de hierro.\n"
    question = "¿Cuándo inauguró el alcalde el puente de hierro?"
    values = []
    for text in (together, apart):
        index = _bot(tmp_path, text).index
        parsed = parse_question(question, resolve=index.resolve)
        values.append(max(support(index, parsed, 0, s) for s in index.sentences(0)))
    assert values[0] == pytest.approx(1.0)
    assert 0.0 < values[1] < values[0]


def test_an_answer_spread_over_sentences_is_less_confident(tmp_path: Path) -> None:
    one = _bot(tmp_path, "Los bomberos rescataron a tres montañeros en el glaciar del Aneto.\n")
    spread = _bot(
        tmp_path,
        "Los bomberos trabajaron toda la noche. Tres montañeros seguían en el glaciar. "
        "Al amanecer hubo un rescate en el Aneto.\n",
    )
    question = "¿A cuántos montañeros rescataron los bomberos en el glaciar del Aneto?"
    assert one.ask(question).confidence > spread.ask(question).confidence


def test_a_sentence_inherits_part_of_what_the_one_before_matched() -> None:
    text = "El pintor Juan van der Hamen trabajó en la corte. Murió joven, en 1631."
    first, second = analyze_sentences(text)
    question = parse_question("¿Cuándo murió el pintor Van der Hamen?")
    weights = {t: 1.0 for t in question.stems}
    own = sentence_evidence((second,), question, weights)[0]
    both = sentence_evidence((first, second), question, weights)
    inherited = both[0].matched - both[1].matched
    assert inherited and own.matched == both[1].matched
    gain = INHERITED_CREDIT * len(inherited) / len(weights)
    assert both[1].coverage == pytest.approx(own.coverage + gain)


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("Su rectora, Ana Isabel Lorenzo, anunció un nuevo grado.", True),
        ("Ella lo negó ayer.", True),
        ("La experta lamentó la falta de medios.", False),  # a new subject as often
        ("«Hoy me he levantado antes», celebraba.", True),
        ("La Universidad de Santa Olaia ofertará 6.240 plazas.", False),
        ("El Ayuntamiento de Zaragoza inauguró la línea.", False),
        ("Carmen Ruiz tardaba casi una hora.", False),
    ],
)
def test_a_sentence_that_opens_by_referring_back(text: str, back: bool) -> None:
    [sentence] = analyze_sentences(text)
    assert refers_back(sentence) is back


def test_a_sentence_that_refers_back_inherits_more() -> None:
    text = "El sindicato de inquilinas habló ayer. Su portavoz reclamó más vivienda pública."
    first, second = analyze_sentences(text)
    question = parse_question("¿Qué reclamó el sindicato de inquilinas?")
    weights = {t: 1.0 for t in question.stems}
    both = sentence_evidence((first, second), question, weights)
    inherited = both[0].matched - both[1].matched
    own = sentence_evidence((second,), question, weights)[0]
    gain = REFERS_BACK_CREDIT * len(inherited) / len(weights)
    assert both[1].coverage == pytest.approx(own.coverage + gain)
    assert both[1].score > both[0].score


def test_a_what_is_called_question_is_shown_the_sentence_with_a_name() -> None:
    # «¿Cómo se llama…?» asks a name like «¿Quién…?»: the sentence that gives one beats the one
    # that repeats the question's words.
    bot = bot_over(
        "La Universidad de Monte Alcor ofertará 6.000 plazas. Su rectora, Pilar Gómez, anunció "
        "un grado.",
        "El Gobierno regional aprobó ayer el calendario de la prueba de acceso.",
        "Los sindicatos convocan una huelga de profesores en octubre.",
    )
    answer = bot.ask("¿Cómo se llama la rectora de la Universidad de Monte Alcor?")
    assert answer.supported, answer.reason
    assert answer.passages[0].sentence.startswith("Su rectora")
    assert answer.passages[0].answer == "Pilar Gómez"


def test_a_count_of_people_says_the_gente_a_reader_asks_for() -> None:
    # «1.400 vecinos» is the «gente» asked, beside another word of the question («casas»).
    sentences = analyze_sentences(
        "El fuego calcinó 3.870 hectáreas de monte. "
        "Obligó a dejar sus casas durante dos noches a unos 1.400 vecinos de cuatro pueblos."
    )
    question = parse_question("¿Cuánta gente tuvo que abandonar sus casas?")
    weights = {t: 1.0 for t in question.stems}
    burnt, evacuated = sentence_evidence(sentences, question, weights)
    assert "gent" in evacuated.matched
    assert "gent" not in burnt.matched
    assert evacuated.score > burnt.score
    # Vecinos with no figure before them count nobody; a count of people with no other word of
    # the question may count anyone.
    for text in (
        "Los vecinos dejaron sus casas y durmieron en el polideportivo.",
        "Argel perdió de 30 000 a 50 000 habitantes en 1620.",
    ):
        (other,) = sentence_evidence(analyze_sentences(text), question, weights)
        assert "gent" not in other.matched


def test_the_paraphrased_count_of_people_is_the_sentence_shown() -> None:
    bot = bot_over(
        "El incendio de la sierra de Peñaluenga calcinó 3.870 hectáreas. Es el mayor fuego "
        "desde 2012 y obligó a desalojar durante dos noches a unos 1.400 vecinos.",
        "Los vecinos de Fuentelcarro pasaron las noches en el polideportivo y en casas de "
        "familiares. Pudieron regresar a sus hogares el lunes por la tarde.",
        "Los técnicos temen por el impacto en la zona de especial protección para las aves.",
    )
    answer = bot.ask("¿Cuánta gente tuvo que abandonar sus casas?")
    assert answer.supported
    assert "1.400 vecinos" in answer.passages[0].sentence


def test_a_count_of_other_people_does_not_displace_the_sentence_of_the_place_asked() -> None:
    # «30 000 habitantes» counts people, but of Argel: the sentence about Bagdad stays shown.
    bot = bot_over(
        "La peste asoló durante siglos el mundo islámico. La peste azotó repetidamente las "
        "ciudades del norte de África. Argel perdió de 30 000 a 50 000 habitantes en 1620. "
        "Bagdad sufrió gravemente las oleadas de peste, y a veces dos tercios de su población "
        "fueron aniquilados.",
        "La peste llegó a Europa en 1347 por los puertos del Mediterráneo.",
        "Los médicos de la época no conocían la causa de la peste.",
    )
    answer = bot.ask("¿Cuántas personas, como mucho, han muerto de peste en Bagdad?")
    assert answer.passages[0].sentence.startswith("Bagdad")


def test_a_word_of_the_family_is_no_synonym_to_drop() -> None:
    # «rápidamente» is «rápido»'s family (its 5-letter prefix), though the thesaurus also lists
    # it as a synonym: it counts as the question's own word, not as a synonym with no word of
    # the question beside it (which would count for nothing).
    bot = bot_over(
        "Las llamas se originaron en una finca y el viento, con rachas de hasta 60 kilómetros "
        "por hora, las empujó rápidamente hacia el norte.",
        "En la comarca apenas llovieron 287 litros por metro cuadrado entre octubre y julio, y "
        "el fuego se produjo tras un año especialmente seco.",
        "Los bomberos permanecerán en la zona hasta el fin de semana.",
    )
    hit = bot.ask("¿Por qué se extendió tan rápido el fuego?").passages[0]
    assert hit.id == "p1"


def test_the_year_a_reader_gives_picks_the_sentence_of_that_year() -> None:
    # «críos» is counted by «23 alumnos»; «2005» is in that sentence, not in the one with the
    # legal minimum of «30 alumnos» for a «colegio» («cole»).
    bot = bot_over(
        "El centro tiene este curso solo 23 alumnos matriculados, frente a los 141 que tenía "
        "en 2005. La normativa exige un mínimo de 30 alumnos para mantener abierto un colegio.",
        "A partir de septiembre, los niños tendrán que ir en autobús al colegio de Santa Olalla.",
    )
    answer = bot.ask("cuantos crios iban al cole en 2005?")
    assert answer.passages[0].sentence.startswith("El centro tiene")


@pytest.mark.parametrize(
    ("text", "on"),
    [
        ("Transfirió 9.200 euros en dos veces.", True),  # its subject dropped
        ("Llegaron de noche al cuartel.", True),
        ("Su hijo la llamó el domingo.", True),  # refers back
        ("Bernabéu llenó el estadio.", False),  # a name, then the verb
        ("La Guardia Civil detuvo a once personas.", False),
        ("Salto de agua en el río.", False),  # no accent: a noun
    ],
)
def test_a_sentence_that_goes_on_about_the_one_before(text: str, on: bool) -> None:
    [sentence] = analyze_sentences(text)
    assert goes_on(sentence) is on


def test_the_datum_in_the_sentence_that_goes_on_about_the_one_asked_is_shown() -> None:
    # The sentence that names her gives no sum; the next one, its subject dropped, does.
    bot = bot_over(
        "Pilar Aznar, viuda de 77 años y vecina de Moncabrero, fue la primera en denunciar. "
        "Transfirió 9.200 euros en dos veces, un viernes de enero, convencida de que ayudaba a "
        "su hijo menor.",
        "La Guardia Civil ha desarticulado una red que estafó al menos 1,38 millones de euros "
        "con el timo del «hijo en apuros».",
        "Los agentes siguieron el rastro del dinero que mandaban las víctimas a través de 63 "
        "cuentas bancarias.",
    )
    answer = bot.ask("cuanto dinero le mando pilar aznar a los timadores")
    assert answer.supported, answer.reason
    assert answer.passages[0].sentence.startswith("Transfirió")
    assert answer.passages[0].answer == "9.200 euros"
