"""The ordered refusal checks of answer/refusal.py, one by one on the shared article."""

from __future__ import annotations

from qa_bot import QABot
from qa_bot.answer.refusal import CHECKS, no_typed_answer


def test_a_money_question_needs_an_amount_beside_its_words(bot: QABot) -> None:
    answer = bot.ask("¿Cuánto cobra la alcaldesa Natalia Chueca?")
    assert not answer.supported
    assert answer.reason is not None and "cuánto cuesta o cuánto dinero" in answer.reason
    priced = bot.ask("¿Cuánto costará el billete sencillo?")
    assert priced.supported and priced.passages[0].answer == "1,40 euros"


def test_the_typed_check_comes_last() -> None:
    assert CHECKS[-1] is no_typed_answer
    names = [check.__name__ for check in CHECKS]
    assert names.index("weak_support") == 0 and names.index("absent_name") == 1
