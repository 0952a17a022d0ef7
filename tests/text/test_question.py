"""Question analysis: answer-type cues read before stemming, and the content terms."""

from __future__ import annotations

import pytest

from qa_bot import QABot
from qa_bot.index.passage_index import PassageIndex
from qa_bot.text.analysis import fold, stem
from qa_bot.text.question import QType, parse_question


@pytest.fixture(scope="module")
def bundled_index() -> PassageIndex:
    return QABot.load().index


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("¿Cuándo colapsó la Unión Soviética?", QType.DATE),
        ("¿En qué año terminó la guerra?", QType.DATE),
        ("¿Cuánto tiempo lleva Rusia luchando en Ucrania?", QType.DURATION),
        ("¿Cuántos años duró la guerra?", QType.DURATION),
        ("¿Cuántas semanas faltan?", QType.DURATION),
        ("¿Cuántos soldados envió Rusia?", QType.NUMBER),
        ("¿Cuánto costó la obra?", QType.NUMBER),
        ("¿Qué cantidad de munición posee?", QType.NUMBER),
        ("¿Quién firmó el acuerdo?", QType.PERSON),
        ("¿Quiénes viajaron a Pyongyang?", QType.PERSON),
        ("¿Qué presidente visitó Moscú?", QType.PERSON),
        ("¿Dónde se reunieron los líderes?", QType.PLACE),
        ("¿Adónde viajó Shoigu?", QType.PLACE),
        ("¿Qué país de Oriente Medio apoya a Rusia?", QType.PLACE),
        ("¿Por qué compra Rusia armas?", QType.REASON),
        ("¿Qué es la OTAN?", QType.DEFINITION),
        ("¿Cómo se describe a Corea del Norte?", QType.DEFINITION),
        ("¿Quién es Sergei Shoigu?", QType.DEFINITION),
        ("¿Cómo funciona el tranvía?", QType.MANNER),
        ("¿Qué drones usa Rusia?", QType.OTHER),
    ],
)
def test_question_type_cues(question: str, qtype: QType) -> None:
    assert parse_question(question).qtype is qtype


def variants(question: str) -> list[str]:
    """The same question as typed by someone in a hurry."""
    bare = question.strip("¿?")
    return [question, bare, fold(question), question.upper(), fold(bare).upper(), f"  {bare}  "]


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuándo colapsó la Unión Soviética?",
        "¿Cuánto tiempo lleva Rusia luchando en Ucrania?",
        "¿Cómo se describe a Corea del Norte?",
        "¿Qué busca Rusia en Corea del Norte?",
        "¿Quién firmó el acuerdo?",
        "¿Dónde está la frontera?",
        "¿Por qué compra Rusia armas?",
    ],
)
def test_accents_case_and_inverted_marks_do_not_change_the_parse(
    question: str, bundled_index: PassageIndex
) -> None:
    index = bundled_index
    expected = parse_question(question, resolve=index.resolve)
    assert expected.stems
    for variant in variants(question):
        parsed = parse_question(variant, resolve=index.resolve)
        assert (parsed.qtype, parsed.stems) == (expected.qtype, expected.stems), variant


@pytest.mark.parametrize("word", ["CUANDO", "cuándo", "¿Cuándo", "Cuando", "¿CUÁNDO"])
def test_the_when_cue_in_any_spelling(word: str) -> None:
    parsed = parse_question(f"{word} llegó el ministro")
    assert parsed.qtype is QType.DATE
    assert parsed.stems == [stem("llegó"), stem("ministro")]


def test_question_words_are_not_content_terms() -> None:
    parsed = parse_question("¿Cómo, cuándo, dónde, quién, cuál y cuánto come el oso?")
    assert parsed.stems == [stem("come"), stem("oso")]
    assert "com" in parsed.stems  # "come" is content; "¿Cómo?" is not


def test_como_does_not_become_the_stem_of_comer() -> None:
    assert stem("cómo") == stem("comer") == "com"  # why the cue is read before stemming
    assert parse_question("¿Cómo se cocina?").stems == [stem("cocina")]
    assert parse_question("¿Qué suele comer?").stems == [stem("suele"), stem("comer")]


def test_duration_unit_is_not_a_content_term() -> None:
    parsed = parse_question("¿Cuánto tiempo lleva Rusia luchando en Ucrania?")
    assert parsed.qtype is QType.DURATION
    assert stem("tiempo") not in parsed.stems
    assert parsed.stems == [stem("lleva"), stem("rusia"), stem("luchando"), stem("ucrania")]
    assert stem("años") not in parse_question("¿Cuántos años duró la guerra?").stems


def test_tiempo_elsewhere_is_a_content_term() -> None:
    assert stem("tiempo") in parse_question("¿Qué tiempo hará mañana?").stems


def test_definition_drops_the_describing_verb() -> None:
    parsed = parse_question("¿Cómo se describe a Corea del Norte?")
    assert parsed.stems == [stem("corea"), stem("norte")]


def test_terms_are_deduplicated_in_order() -> None:
    parsed = parse_question("¿Armas o ARMAS, misiles y armas?")
    assert parsed.stems == [stem("armas"), stem("misiles")]
    assert [t.lower for t in parsed.terms] == ["armas", "misiles"]


def test_negation_is_a_content_term() -> None:
    assert "no" in parse_question("¿Qué país no firmó?").stems


@pytest.mark.parametrize("question", ["¿Qué es lo que?", "¿Cuál?", "¿?", "de la que", "..."])
def test_a_question_of_only_stopwords_has_no_terms(question: str) -> None:
    assert parse_question(question).stems == []


def test_resolve_is_applied_to_every_content_word() -> None:
    calls: list[tuple[str, str]] = []

    def resolve(term: str, folded: str) -> str:
        calls.append((term, folded))
        return term.upper()

    parsed = parse_question("¿Qué buscaría Rusia?", resolve=resolve)
    assert calls == [(stem("buscaría"), "buscaria"), (stem("rusia"), "rusia")]
    assert parsed.stems == [stem("buscaría").upper(), stem("rusia").upper()]


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("¿Cuánto duró la peste en el imperio otomano?", QType.DURATION),
        ("¿Cuánto se tarda en saber el resultado?", QType.DURATION),
        ("¿Cuántos días tardaron en llegar?", QType.DURATION),
        ("¿Cuánto va a durar la obra?", QType.DURATION),
        ("¿Cuánto demora el trámite?", QType.DURATION),
        ("¿Cuánto va a costar la obra?", QType.NUMBER),
        ("¿Cuántos drones compró Rusia?", QType.NUMBER),
        ("¿Cuánto se paga por un proyectil?", QType.NUMBER),
        # past a verb of saying, the clause after «que» says what is asked
        ("¿Cuánto dijo Ruperto Mallqui que va a demorar la limpieza?", QType.DURATION),
        ("y cuanto calcula hernan cochachin que tardaran en habilitar un carril", QType.DURATION),
        ("¿Cuánto dijo el alcalde que costará la obra?", QType.NUMBER),
        ("¿Y en cuánto calcula los daños?", QType.NUMBER),
    ],
)
def test_how_long_verbs_ask_for_a_duration(question: str, qtype: QType) -> None:
    assert parse_question(question).qtype is qtype


def test_a_lasting_verb_stays_a_search_term() -> None:
    assert stem("duró") in parse_question("¿Cuánto duró la guerra?").stems
    assert stem("tiempo") not in parse_question("¿Cuánto tiempo duró la guerra?").stems


def test_ir_a_before_a_verb_is_no_search_term() -> None:
    # «iba a arrancar»: «ir a» says the start was to come; the article says «ponerla en marcha».
    assert parse_question("¿Cuándo iba a arrancar la nueva red?").stems == [
        stem("arrancar"),
        stem("nueva"),
        stem("red"),
    ]
    # «va» that goes somewhere is a word of the question.
    assert stem("va") in parse_question("¿A dónde va el dinero?").stems
    assert stem("va") in parse_question("¿Quién va a la final?").stems
    assert stem("van") in parse_question("¿Quiénes van a Qatar?").stems


def test_a_que_se_dedica_frames_the_question() -> None:
    # «dedica» says what is asked (an occupation), as «llama» does for a name: it is not looked for.
    assert parse_question("¿A qué se dedica Rogelio Tapia?").stems == [
        stem("rogelio"),
        stem("tapia"),
    ]
    assert stem("dedica") in parse_question("¿Cuánto dinero dedica el ayuntamiento?").stems
