"""Follow-up questions: the decision, the context a follow-up inherits, and its answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import bot_over

from qa_bot import QABot
from qa_bot.answer.followup import Context, Turn, context_for, is_follow_up
from qa_bot.conversation import Conversation
from qa_bot.models import Answer, Hit
from qa_bot.text.question import QType, parse_question

TWO_CLUBS = """\
La asociación de usuarios Tren Digno critica que la línea no tenga parada en Las Huertas. Su \
presidente, Óscar Lamas, anunció que recogerán firmas para exigir un apeadero.

El club de lectura del barrio, que preside Ana Ruiz, celebró la apertura con una fiesta.

La línea tiene seis trenes que circulan cada diez minutos entre la estación y el aeropuerto.

La obra costó 306 millones de euros, frente a los 212 millones de la adjudicación.

El consejero de Movilidad, Javier Quintana, viajó en el tren inaugural con la alcaldesa.

Los vecinos de Las Huertas se quejan del ruido de las vías desde hace años.
"""


def _turn(question: str, pid: str | None = "p1") -> Turn:
    answer = Answer(question=question, supported=pid is not None, confidence=0.9, passages=[])
    return Turn(question, answer)


@pytest.mark.parametrize(
    "question",
    [
        "¿Y cuándo fue eso?",
        "¿Quién es él?",
        "quien es el?",
        "¿Y en Madrid?",
        "¿Cuánto costó?",
        "¿Quién la preside?",
        "¿Qué edad tiene?",
        "y que van a hacer?",
        "¿Cuál es su nombre?",
        "¿Qué pasó en esa reunión?",
        "¿Qué nota sacó?",
    ],
)
def test_follow_ups(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    [
        "¿Qué cargo tiene Shoigu?",
        "¿De dónde importa Rusia drones?",
        "¿Cuántos concejales apoyaron la propuesta del alcalde?",
        "¿Quién es la concejala de Vivienda de Montealto?",
        "¿Cuándo es la convocatoria extraordinaria de la PAU?",
        # Few words, but they name what is asked about («la línea»): not a follow-up.
        "¿Cuándo se inauguró la línea?",
        "¿A dónde se llevan la producción?",
        "¿Cuál fue la causa del incendio?",
        "¿Cuál es la capital de Australia?",
        "¿Qué dice la ley de vivienda?",
        "",
    ],
)
def test_standalone_questions(question: str) -> None:
    assert not is_follow_up(question)


def test_no_context_without_previous_turns_or_for_a_standalone_question() -> None:
    assert context_for("¿Y cuándo?", []) is None
    assert context_for("¿Qué cargo tiene Shoigu?", [_turn("¿Quién visitó Corea?")]) is None


def test_context_chains_follow_ups_newest_first() -> None:
    turns = [_turn("¿Quién sacó la mejor nota de la comunidad?"), _turn("¿Qué nota sacó?")]
    context = context_for("y de que instituto es?", turns)
    assert context is not None
    assert context.questions == ("¿Qué nota sacó?", "¿Quién sacó la mejor nota de la comunidad?")
    # A standalone question ends the chain.
    turns = [
        _turn("¿Quién preside la comisión de la PAU?"),
        _turn("¿Cuándo empieza la convocatoria extraordinaria de julio?"),
    ]
    context = context_for("¿Y dónde?", turns)
    assert context is not None and context.questions == (
        "¿Cuándo empieza la convocatoria extraordinaria de julio?",
    )


def test_extend_adds_the_earlier_words_at_a_lower_weight_and_their_question_type() -> None:
    context = Context(("¿Cuántos desahucios hubo en Montealto?",))
    parsed = context.extend(parse_question("¿Y en Madrid?"))
    weights = {t.stem: t.weight for t in parsed.terms}
    assert weights["madr"] == 1.0
    assert 0 < weights["desahuci"] < 1
    assert parsed.qtype is QType.NUMBER  # «¿Y en Madrid?» asks what the previous question asked
    # A follow-up with its own question word keeps it.
    assert context.extend(parse_question("¿Y quién los ejecutó?")).qtype is QType.PERSON


@pytest.fixture(scope="module")
def clubs(tmp_path_factory: pytest.TempPathFactory) -> QABot:
    path = tmp_path_factory.mktemp("clubs") / "clubs.txt"
    path.write_text(TWO_CLUBS, encoding="utf-8")
    return QABot.load(Path(path), cache=False)


def test_a_follow_up_is_answered_with_the_previous_question(clubs: QABot) -> None:
    alone = clubs.ask("¿Quién la preside?")
    assert alone.passages[0].id == "p2"  # alone, «preside» finds the reading club
    talk = Conversation(clubs)
    first = talk.ask("¿Qué asociación critica que no haya parada en Las Huertas?")
    assert first.supported and first.passages[0].id == "p1"
    follow = talk.ask("¿Quién la preside?")
    assert talk.context is not None
    assert follow.supported and follow.passages[0].id == "p1"
    assert "Óscar Lamas" in follow.passages[0].text


def test_a_follow_up_the_article_does_not_answer_is_refused(clubs: QABot) -> None:
    talk = Conversation(clubs)
    assert talk.ask("¿Cuántos trenes tiene la línea?").supported
    assert not talk.ask("¿Y quién los fabricó?").supported


def test_reset_forgets_the_turns(clubs: QABot) -> None:
    talk = Conversation(clubs)
    talk.ask("¿Qué asociación critica que no haya parada en Las Huertas?")
    talk.reset()
    assert talk.ask("¿Quién la preside?").passages[0].id == "p2"
    assert talk.context is None


def test_when_was_that_is_answered_with_the_event_not_another_date() -> None:
    talk = Conversation(QABot.load(cache=False))
    assert talk.ask("¿Quién es el ministro de Defensa ruso?").passages[0].answer == "Sergei Shoigu"
    # The visit was «recientemente»; 1991 is when the Soviet Union fell.
    assert talk.ask("¿Y cuándo fue eso?").passages[0].answer == "recientemente"


_PLAN = (
    "La lista de espera quirúrgica alcanzó los 9.412 pacientes, la cifra más alta desde 2010.",
    "La cadena de clínicas tenía 47 empleados, que se quedaron sin cobrar sus dos últimas "
    "nóminas cuando cerró.",
    "La bióloga Elena Marqués, de la organización ecologista Sierra Viva, dijo que tardará entre "
    "30 y 40 años en recuperarse.",
    "El alcalde Juan Pérez, que asumió el cargo el 15 de junio de 2019, anunció la construcción "
    "de un nuevo puente sobre el río.",
)


def test_a_follow_up_date_in_the_same_passage_may_be_another_one() -> None:
    # The only date there is when the mayor took office, not when the bridge opens.
    talk = Conversation(bot_over(*_PLAN))
    assert talk.ask("¿Qué anunció el alcalde Juan Pérez?").supported
    assert not talk.ask("¿Y cuándo se inaugura?").supported


def test_a_follow_up_count_of_another_thing_in_the_same_passage_is_refused() -> None:
    # «entre 30 y 40 años» counts years, not members.
    talk = Conversation(bot_over(*_PLAN))
    assert talk.ask("¿Qué organización ecologista ha hablado?").supported
    assert not talk.ask("¿Y cuántos socios tiene?").supported


_ROBBERY = (
    "Un vecino vio una furgoneta blanca sin luces en la calle del Arcipreste a las 4.05. La "
    "investigación la dirige la Brigada de Patrimonio Histórico, que ha enviado a Villalmonte a "
    "seis agentes.",
    "El sacristán, Julián Gómez, de 64 años, dio la voz de alarma al abrir la iglesia.",
)


def test_a_follow_up_found_only_through_a_synonym_is_refused() -> None:
    # «matrícula» shares its stem with «matricular», whose synonyms include «dirigir»: the
    # question has no other word to complete, so «dirige» is no support.
    talk = Conversation(bot_over(*_ROBBERY))
    assert talk.ask("¿Qué vio un vecino la noche del robo en Villalmonte?").supported
    assert not talk.ask("¿Y qué matrícula tenía?").supported
    # A word that only names the datum asked still finds it through its synonym («edad», «años»).
    talk = Conversation(bot_over(*_ROBBERY))
    assert talk.ask("¿Quién dio la voz de alarma?").supported
    age = talk.ask("¿Qué edad tiene?")
    assert age.supported and age.passages[0].answer == "64 años"


def test_what_someone_does_for_a_living_is_asked_of_the_previous_answer() -> None:
    # «¿Y a qué se dedica?» has no word of its own but the verb that frames it: the turn before
    # says who, and its passage says what they do.
    talk = Conversation(
        bot_over(
            "La mejor española fue la ribadelense Laura Méndez, cuarta con 2:29:03. Méndez, "
            "enfermera en el hospital comarcal, compagina los entrenamientos con turnos de noche.",
            "En la categoría masculina ganó el keniano Josphat Kiprono, con 2:07:41.",
        )
    )
    assert talk.ask("¿Quién fue la mejor española?").supported
    job = talk.ask("¿Y a qué se dedica?")
    assert job.supported and "enfermera" in job.passages[0].text


_UNION = (
    "El comité de empresa, que preside Marta Iglesias, convocó una huelga indefinida. Iglesias, "
    "de 48 años, es delegada de Comisiones Obreras desde 2015.",
    "La dirección de Envases Duriel, que preside Tomás Cuervo, de 62 años, anunció el cierre.",
    "La planta emplea a 212 trabajadores en Castrovega y fabrica latas de conserva.",
    "La consejera de Industria visitó la fábrica el martes con los alcaldes de la comarca.",
)


def test_a_follow_up_about_someone_asks_of_the_one_the_answer_named() -> None:
    # «¿Y cuántos años tiene?» after «Marta Iglesias» asks her age, not Tomás Cuervo's.
    talk = Conversation(bot_over(*_UNION))
    first = talk.ask("¿Quién preside el comité de empresa?")
    assert first.supported and first.passages[0].answer == "Marta Iglesias"
    assert talk.context is None
    age = talk.ask("¿Y cuántos años tiene?")
    assert talk.context is not None and talk.context.subject == "Marta Iglesias"
    assert age.supported and age.passages[0].answer == "48 años"


def test_the_subject_is_a_person_the_answer_named() -> None:
    ask = Answer.model_construct
    union = Hit.model_construct(answer="Universidad Politécnica de Almenara", id="p1")
    person = Hit.model_construct(answer="Íñigo de la Serna", id="p1")
    turns = [Turn("¿Quién dirige el proyecto?", ask(supported=True, passages=[union]))]
    context = context_for("¿Y cuántos años tiene?", turns)
    assert context is not None and context.subject is None
    turns = [Turn("¿Quién dirige el proyecto?", ask(supported=True, passages=[person]))]
    context = context_for("¿Y cuántos años tiene?", turns)
    assert context is not None and context.subject == "Íñigo de la Serna"


def test_who_is_their_coach_shows_the_coachs_name() -> None:
    # «¿Y quién es su entrenador?» asks a person: the sentence that names him, not the one that
    # says how they train.
    talk = Conversation(
        bot_over(
            "Una niña de 11 años, Carla Mendiluce, ganó el domingo el XXVII Abierto "
            "Internacional de Ajedrez Ciudad de Torrebermeja, en Jaén.",
            "Su entrenador, Íñigo Zubiri, de 47 años, la descubrió con siete en un taller de "
            "ajedrez que daba en la biblioteca de su barrio, la Txantrea. «A la tercera clase ya "
            "me ganaba las partidas rápidas», recuerda. Desde entonces entrenan dos horas al día, "
            "cinco días a la semana, casi siempre por videollamada porque él vive en Estella.",
            "El torneo reunió a 327 jugadores de 29 países en el palacio de congresos.",
        )
    )
    assert talk.ask("¿Quién ganó el abierto de Torrebermeja?").supported
    coach = talk.ask("¿Y quién es su entrenador?")
    assert coach.supported and coach.passages[0].answer == "Íñigo Zubiri"


def test_and_what_did_they_say_asks_what_the_one_named_said() -> None:
    # «y que dijo» after «Washington Laborde»: his words, not the sentence that has «dijo».
    talk = Conversation(
        bot_over(
            "«Con el boleto a 55 pesos perdíamos plata en cada vuelta», afirmó su gerente "
            "general, Washington Laborde.",
            "El sindicato de choferes advirtió que no aceptará excusas. «Si faltan ómnibus en la "
            "calle, no es por nuestros sueldos», dijo su secretario general, Rubén Dutra.",
        )
    )
    first = talk.ask("¿Quién es el gerente de la empresa?")
    assert first.supported and first.passages[0].answer == "Washington Laborde"
    said = talk.ask("y que dijo")
    assert said.supported
    assert "perdíamos plata" in said.passages[0].sentence
