"""Refusals of questions the article's topic matches but the article never answers.

A question that matches only words found all over its article ("Corea", "Rusia") and whose other
words the article lacks is refused (``qa_bot.answer.topic``); so is a "¿cuántos…?" question whose best
sentence gives no quantity (``evidence.states_quantity``). Neither check may refuse what the
article does answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import bot_over

from qa_bot import QABot
from qa_bot.answer.datum_refusals import NO_QUANTITY
from qa_bot.answer.evidence import states_quantity
from qa_bot.answer.person_refusals import NO_AGE
from qa_bot.answer.refusal import WEAK_MATCH
from qa_bot.answer.support import SUPPORT_THRESHOLD, confidence, refused_confidence, support
from qa_bot.answer.topic import beyond_article, is_topic_word
from qa_bot.index.passage_index import PassageIndex
from qa_bot.models import Article, Passage
from qa_bot.text.analysis import fold
from qa_bot.text.question import parse_question
from qa_bot.text.sentences import AnalyzedSentence, analyze_sentences


def variants(question: str) -> list[str]:
    """Lowercase without accents nor inverted marks, and in capitals."""
    bare = question.lstrip("¿").rstrip("?")
    return [fold(bare), question.upper()]


@pytest.fixture(scope="module")
def bundled() -> QABot:
    return QABot.load(cache=False)


# Same topic as the bundled article, asked about what it never mentions.
ABOUT_WHAT_IT_NEVER_SAYS = [
    ("¿Cuál es la población de Corea del Norte?", "población"),
    ("¿Cuál es la capital de Corea del Norte?", "capital"),
    ("¿Quién es el presidente de Rusia?", "presidente"),
    ("¿Qué idioma se habla en Corea del Norte?", "idioma"),
    ("¿Qué comen en Corea del Norte?", "comen"),
    ("¿Cómo se juega al ajedrez en Rusia?", "ajedrez"),
    ("¿Cuál es el PIB de Rusia?", "pib"),
]

# Answered by the article although most of their words are its topic words, or absent.
ANSWERED = [
    ("¿Qué busca Rusia en Corea del Norte?", "p3"),
    ("¿Cómo se describe a Corea del Norte?", "p2"),
    ("¿Qué posee Corea del Norte?", "p2"),
    ("¿Qué cargo tiene Shoigu?", "p4"),
    ("¿Qué país de Oriente Medio apoya a Rusia?", "p7"),
    ("¿Quién advirtió a Corea del Norte?", "p5"),  # advirtió / advertido: -ir stem change
    ("¿Qué tipo de drones importa Rusia?", "p7"),
    ("¿Cuánto tiempo lleva Rusia luchando en Ucrania?", "p1"),
]


@pytest.mark.parametrize(("question", "missing"), ABOUT_WHAT_IT_NEVER_SAYS)
def test_a_question_matching_only_the_topic_is_refused(
    bundled: QABot, question: str, missing: str
) -> None:
    for asked in variants(question):
        assert not bundled.ask(asked).supported, asked
    answer = bundled.ask(question)
    assert not answer.supported
    assert answer.confidence < 0.5
    # «PIB», an acronym, is named as typed: «El artículo no menciona «PIB».»
    assert answer.reason is not None and f"«{missing}»" in answer.reason.lower()
    assert answer.passages  # the nearest passage is still shown as a hint


@pytest.mark.parametrize(("question", "pid"), ANSWERED)
def test_what_the_article_answers_is_not_refused(bundled: QABot, question: str, pid: str) -> None:
    for asked in [question, *variants(question)]:
        answer = bundled.ask(asked)
        assert answer.supported, (asked, answer.reason)
        assert answer.passages[0].id == pid, asked


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuántos drones ha comprado Rusia a Irán?",
        "¿Cuántos soldados ha perdido Rusia en Ucrania?",
        "¿Cuántos drones iraníes ha usado Rusia en Ucrania?",
    ],
)
def test_how_many_without_a_figure_in_the_sentence_is_refused(
    bundled: QABot, question: str
) -> None:
    answer = bundled.ask(question)
    assert not answer.supported
    assert answer.reason == NO_QUANTITY
    assert answer.confidence < 0.5


def test_how_many_with_a_figure_in_the_sentence_is_answered(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "El Ayuntamiento inauguró la línea del tranvía. Viajaron doscientos vecinos.\n\n"
        "La obra costó 410 millones de euros y duró tres años.\n\n"
        "La alcaldesa habló en la estación central.\n",
        encoding="utf-8",
    )
    bot = QABot.load(tmp_path / "a.txt", cache=False)
    for question, pid in [("¿Cuántos vecinos viajaron?", "p1"), ("¿Cuánto costó la obra?", "p2")]:
        answer = bot.ask(question)
        assert answer.supported, (question, answer.reason)
        assert answer.passages[0].id == pid


def _sentence(text: str) -> AnalyzedSentence:
    passage = Passage(id="p1", article="a", paragraph=1, start=0, end=len(text), text=text)
    return analyze_sentences(passage.text)[0]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Asistieron 2000 invitados.", True),
        ("La cifra subió al 1,5 por ciento.", True),
        ("Llegaron doscientos vecinos.", True),
        ("Posee una gran cantidad de cohetes.", True),
        ("Pocas tropas británicas estaban allí.", True),
        ("Jugaron quince partidos.", True),
        ("Fichó a veinticinco jugadores.", True),
        ("Vinieron seiscientas personas.", True),
        ("Acudieron un millar de vecinos.", True),
        ("Solo murió una persona.", True),  # "una" right before a word of the question
        ("En medio de esta situación, Rusia compró drones.", False),  # "medio" is no count here
        ("Rusia compró una flota de drones.", False),  # "una" is an article
        ("Lo firmaron ambos países.", False),  # "ambos" counts what it qualifies, not drones
        ("Los drones alcanzan para una semana.", True),  # one of a unit of time
        ("La entrega llevará un mes.", True),
        ("Rusia compró drones hace un año.", False),  # when, not how much
        ("Un día después, Rusia compró drones.", False),
    ],
)
def test_states_quantity(text: str, quantity: bool) -> None:
    question = parse_question("¿Cuántas personas o drones compró Rusia?")
    assert states_quantity(_sentence(text), question) is quantity


def test_a_number_the_question_already_gives_is_no_answer() -> None:
    question = parse_question("¿Cuántos soldados murieron en 1950?")
    assert not states_quantity(_sentence("La guerra empezó en 1950."), question)
    assert states_quantity(_sentence("En 1950 murieron 300 soldados."), question)


@pytest.mark.parametrize(
    ("doc_freq", "passages", "topic"),
    [(5, 7, True), (4, 7, False), (2, 3, True), (1, 3, False), (2, 2, False), (4, 5, True)],
)
def test_topic_word_share(doc_freq: int, passages: int, topic: bool) -> None:
    assert is_topic_word(doc_freq, passages) is topic


def _article(slug: str, paragraphs: list[str]) -> Article:
    return Article(slug=slug, title=slug, path=f"{slug}.txt", text="\n\n".join(paragraphs))


def test_topic_words_are_counted_inside_the_top_passages_article() -> None:
    corea = _article(
        "corea",
        [
            "Corea del Norte celebró un desfile militar.",
            "Corea del Norte lanzó un misil al mar.",
            "Corea del Norte recibió al ministro ruso.",
        ],
    )
    # Another article that mentions Corea once and has a population figure.
    censo = _article(
        "censo",
        [
            "El censo cuenta la población de cada región.",
            "La población de Corea del Sur envejece.",
            "El censo se repite cada diez años.",
            "Los resultados del censo se publican en marzo.",
        ],
    )
    index = PassageIndex.from_articles([corea, censo])
    question = parse_question("¿Cuál es la población de Corea del Norte?", resolve=index.resolve)
    # "población" is in the corpus, but not in the Corea article, where "Corea" is a topic word.
    beyond = beyond_article(index, question, top=0)
    assert beyond is not None and beyond.missing == ("población",)
    assert set(beyond.topic) == {"corea", "norte"}
    # In the census article "Corea" is in 1 of 4 passages and "censo" in 3: only "censo" is a
    # topic word there, and "Corea", a word beyond it, is in the article: nothing refused.
    question = parse_question("¿Qué censo hizo Corea?", resolve=index.resolve)
    assert beyond_article(index, question, top=4) is None
    # Whereas "desfile" is in neither: asked of the census article, only its topic matches.
    question = parse_question("¿Qué desfile tuvo el censo?", resolve=index.resolve)
    beyond = beyond_article(index, question, top=4)
    assert beyond is not None and beyond.missing == ("desfile",) and beyond.topic == ("censo",)


def test_articles_of_fewer_than_three_passages_have_no_topic_words() -> None:
    index = PassageIndex.from_articles(
        [_article("a", ["Corea del Norte lanzó un misil.", "Corea del Norte celebró un desfile."])]
    )
    question = parse_question("¿Cuál es la población de Corea del Norte?", resolve=index.resolve)
    assert beyond_article(index, question, top=0) is None


def test_a_word_found_by_its_prefix_is_not_missing() -> None:
    index = PassageIndex.from_articles(
        [
            _article(
                "a",
                [
                    "Corea del Norte reconstruyó la presa.",
                    "Corea del Norte celebró un desfile.",
                    "Corea del Norte recibió al ministro.",
                ],
            )
        ]
    )
    question = parse_question("¿Qué reconstrucción hizo Corea del Norte?", resolve=index.resolve)
    assert beyond_article(index, question, top=0) is None


def test_the_support_threshold_speaks_first(bundled: QABot) -> None:
    # Nothing but "acuerdo" matches: too little support, whatever the topic check would say.
    assert bundled.ask("¿Qué opina China sobre el acuerdo?").reason == WEAK_MATCH


def test_a_refusal_by_these_checks_stays_below_one_half() -> None:
    # These checks refuse answers whose support is at or above the threshold.
    values = [refused_confidence(SUPPORT_THRESHOLD + i / 100) for i in range(70)]
    assert max(values) < 0.5 <= confidence(SUPPORT_THRESHOLD)
    assert values == sorted(values)
    assert refused_confidence(1.0) > refused_confidence(SUPPORT_THRESHOLD)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("¿Qué edad tiene Kim Jong-un?", NO_AGE),  # "ambos países" is no age
        ("¿Cuántos años tiene Shoigu?", NO_AGE),  # "en 1991" is a year, not an age
        ("¿Cuántas veces visitó Kim Rusia?", NO_QUANTITY),  # "ambos" counts no visits
    ],
)
def test_an_age_or_a_count_needs_one_in_the_sentence(
    bundled: QABot, question: str, reason: str
) -> None:
    answer = bundled.ask(question)
    assert not answer.supported
    assert answer.reason == reason


def test_an_age_in_the_sentence_answers(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "El alcalde, de 61 años, inauguró la línea.\n\nLa obra costó 410 millones.\n\n"
        "Los vecinos celebraron la apertura.\n",
        encoding="utf-8",
    )
    answer = QABot.load(tmp_path / "a.txt", cache=False).ask("¿Qué edad tiene el alcalde?")
    assert answer.supported and answer.passages[0].id == "p1"


def test_the_commonest_words_neither_pass_nor_fail_the_topic_check(bundled: QABot) -> None:
    # "hace" matches "hacerlo" in p4, but says nothing of what is asked: "tiempo" is missing.
    answer = bundled.ask("¿Qué tiempo hace en Corea del Norte?")
    assert not answer.supported
    assert answer.reason is not None and "«tiempo»" in answer.reason
    assert "«hace»" not in answer.reason


def test_support_counts_words_in_the_top_passages_article_only() -> None:
    tranvia = _article(
        "tranvia",
        [
            "El tranvía une el barrio con la estación.",
            "Los socios de la asociación de comerciantes aplauden el tranvía.",
            "El tranvía costó 410 millones.",
        ],
    )
    futbol = _article(
        "futbol",
        ["El Betis ganó la liga.", "El Betis fichó a un delantero.", "El Betis vendió entradas."],
    )
    question = "¿Cuántos socios tiene el Betis?"
    alone = PassageIndex.from_articles([tranvia])
    both = PassageIndex.from_articles([tranvia, futbol])
    values = []
    for index in (alone, both):
        parsed = parse_question(question, resolve=index.resolve)
        shown = index.sentences(1)[0]
        values.append(support(index, parsed, 1, shown))
    # "Betis" is in the folder, not in the tranvía article: it must not count for p2 there.
    assert values[0] == values[1]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("La obra usó 40.000 toneladas de acero.", True),
        ("La selva absorbe 1,5 gigatoneladas de carbono.", True),
        ("La obra costó 410 millones de euros.", False),  # a figure, but no tonnes
    ],
)
def test_a_counted_unit_must_be_named(text: str, quantity: bool) -> None:
    question = parse_question("¿Cuántas toneladas se usaron?")
    assert states_quantity(_sentence(text), question) is quantity


def test_unit_symbols_and_abbreviations_count() -> None:
    km = parse_question("¿Cuántos kilómetros cuadrados tiene la cuenca?")
    assert states_quantity(_sentence("La cuenca abarca 7 000 000 km2."), km)
    euros = parse_question("¿Cuántos euros costó?")
    assert states_quantity(_sentence("Costó 300 €."), euros)
    assert not states_quantity(_sentence("Costó 300 dólares."), euros)


_TORTILLAS = (
    "El kilo de tortilla llegó a 32 pesos en las tortillerías de Villa de los Mezquites.",
    "Los dueños de las tortillerías culpan a la sequía y al precio del maíz blanco.",
    "Las tortillerías del centro abren a las seis de la mañana.",
)


def test_a_count_of_the_topic_word_does_not_answer_the_rest_of_the_question() -> None:
    # «tortillerías» is in every passage (a topic word); «venden» and «tamales» in none. The
    # sentence counts tortillerías, but not those that sell tamales.
    bot = bot_over(
        *_TORTILLAS,
        "El año pasado la dependencia colocó sellos de suspensión en 11 tortillerías por "
        "despachar kilos incompletos.",
    )
    answer = bot.ask("¿Cuántas tortillerías venden tamales?")
    assert not answer.supported
    assert answer.reason is not None and "«tamales»" in answer.reason


def test_an_amount_for_each_is_no_count_of_the_thing_asked() -> None:
    bot = bot_over(
        *_TORTILLAS,
        "El año pasado el ayuntamiento dio ayudas de hasta 9.000 pesos por tortillería.",
    )
    answer = bot.ask("cuantas tortillerias clausuraron el año pasado")
    assert not answer.supported
    assert answer.reason is not None and "clausuraron" in answer.reason
