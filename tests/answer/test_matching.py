from __future__ import annotations

from qa_bot import QABot
from qa_bot.answer.matching import Match, match, with_synonyms
from qa_bot.answer.support import support
from qa_bot.text.analysis import stem
from qa_bot.text.question import parse_question


def test_a_missing_word_gets_only_the_synonyms_the_corpus_has(bot: QABot) -> None:
    parsed = with_synonyms(bot.index, parse_question("¿Cuántos obreros empleó Acciona?"))
    by_word = {t.folded: t for t in parsed.terms}
    assert by_word["obreros"].synonyms == (stem("trabajadores"),)
    assert by_word["acciona"].synonyms == ()  # in the article: matched as written


def test_match_prefers_the_stem_then_a_synonym_then_the_prefix(bot: QABot) -> None:
    parsed = with_synonyms(bot.index, parse_question("¿Cuántos obreros empleó Acciona?"))
    obreros = next(t for t in parsed.terms if t.folded == "obreros")
    assert match(obreros, {stem("obreros")}, set()) is Match.STEM
    assert match(obreros, {stem("trabajadores")}, set()) is Match.SYNONYM
    assert match(obreros, set(), {"obrer"}) is Match.PREFIX
    assert match(obreros, {stem("vecinos")}, {"vecin"}) is Match.NONE


def test_a_synonym_finds_the_answer_sentence(bot: QABot) -> None:
    answer = bot.ask("¿Cuántos obreros empleó Acciona?")
    assert answer.supported
    assert "novecientos trabajadores" in answer.passages[0].sentence


def test_a_synonym_chooses_the_sentence_but_is_no_support() -> None:
    # "creen" stands in for "opinan" beside "acuerdo", yet the question is about penguins: with
    # credit for the synonym it would be answered.
    bundled = QABot.load(None, cache=False)
    index = bundled.index
    question = "¿Qué opinan los pingüinos del acuerdo?"
    plain = parse_question(question, resolve=index.resolve)
    expanded = with_synonyms(index, plain)
    assert expanded.synonym_of, "the thesaurus gives 'opinan' a synonym the article has"
    top = 1
    shown = index.sentences(top)[1]
    assert support(index, expanded, top, shown) == support(index, plain, top, shown)
    assert not bundled.ask(question).supported


_ATTACK = (
    "La aseguradora Vitalia confirmó el jueves que ha sufrido un ciberataque que ha expuesto los "
    "datos de 1,3 millones de clientes.",
    "El grupo de ciberdelincuentes DarkLynx, de habla rusa según los expertos informáticos que "
    "investigan el caso, reivindicó el ataque en la red oscura.",
    "Las acciones de Vitalia cayeron un 6,8% en la Bolsa.",
)


def test_a_synonym_completes_a_question_missing_one_common_word() -> None:
    from conftest import bot_over

    index = bot_over(*_ATTACK).index
    top = 1
    shown = index.sentences(top)[0]

    def gain(question: str) -> float:
        plain = parse_question(question, resolve=index.resolve)
        expanded = with_synonyms(index, plain)
        assert expanded.synonym_of, "«idioma» has a synonym the article has («habla»)"
        return support(index, expanded, top, shown) - support(index, plain, top, shown)

    # «piratas», common enough in Spanish, is the reader's word for «ciberdelincuentes»: the
    # synonym completes the question.
    assert gain("¿Qué idioma hablan los piratas informáticos?") > 0
    # A rare word the article lacks names something else; so do two missing words.
    assert gain("¿Qué idioma hablan los pingüinos informáticos?") == 0
    assert gain("¿Qué idioma hablan los piratas informáticos detenidos?") == 0
    # Nor a name, a number, someone asked about, or a question about someone's words.
    assert gain("¿Qué idioma hablan los informáticos de Kazajistán?") == 0
    assert gain("¿Qué idioma hablan los 300 informáticos?") == 0
    assert gain("¿Qué idioma hablan los ministros informáticos?") == 0
    assert gain("¿Qué dicen los piratas informáticos del idioma?") == 0
