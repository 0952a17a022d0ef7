"""Whether a question asks an amount of money: a verb of price or pay («¿Cuánto cuesta…?»,
«¿Cuánto cobra…?»), a verb right after «cuánto» («¿Cuánto gana…?», «¿Cuánto sale el boleto?»),
or after «a cuánto» («¿A cuánto está el kilo…?»); not a count of things («¿Cuántas nóminas se
quedaron sin cobrar?»). ``asked.wanted`` asks it of a «¿cuánto?» question."""

from __future__ import annotations

from qa_bot.text.analysis import stem, stopwords
from qa_bot.text.question import ParsedQuestion

# The stems of the words of price and pay, in any form («cuesta», «costó», «pagaban», «cobraría»).
MONEY_STEMS = frozenset("cuest cost pag cobr val diner".split())
# The stems of the words that state a price or a payment in an article's sentence: the money
# verbs and «precio», «tarifa», «abonar», «desembolsar».
PRICE_STEMS = MONEY_STEMS | frozenset("preci tarif abon desembols".split())
# Stems that ask an amount of money right after «cuánto» (past «se», «ha»…): «¿Cuánto gana…?»,
# «¿Cuánto facturó…?», «¿Cuánto se gastó…?», «¿Cuánto perdieron…?», «¿Cuánto sale el boleto?» (a
# price in Latin America); not «¿Cuántos premios ganó…?», «¿Cuánta agua gasta…?» nor «¿Cuántos salen…?».
PRICE_AFTER_CUANTO = frozenset(
    "sal gan factur ingres recaud gast invert inviert invirt perd pierd".split()
)
_BEFORE_VERB = frozenset("se le les ha han habia habian va van".split())
# After «a cuánto», the verbs of a price, by their start (folded, accents or none): «¿A cuánto
# está / se vende / sale el kilo…?»; not «¿A cuánto bajarán los apagones?». («¿Por cuánto se
# vendió…?» stays a number: the sum is often far from the words of the question, a price seldom.)
_PRICE_AFTER_A_CUANTO = tuple("esta vend adjudic compr alquil sal cobr pag cuest".split())
# «¿A cuánto asciende…?» amounts to a sum, unless what amounts is a count.
_AMOUNT_TO = ("asciend", "ascend")
_ARTICLES = frozenset("el la los las".split())
_COUNT_NOUNS = frozenset("numero cifra total cantidad balance recuento".split())


def _price_after_cuanto(question: ParsedQuestion) -> bool:
    """«¿Cuánto gana…?», «¿Cuánto se gastó…?»: the verb after a bare «cuánto» asks money."""
    tokens = list(question.tokens)
    for k, t in enumerate(tokens):
        if t.folded == "cuanto":
            rest = [w for w in tokens[k + 1 :] if w.folded not in _BEFORE_VERB]
            if rest and rest[0] is tokens[k + 1] and rest[0].folded.endswith(("ado", "ido")):
                # A participle needs «ha»: right after «cuánto» it is a noun («¿Cuánto ganado
                # tiene?» asks for cattle; «¿Cuánto ha ganado?» for pay).
                return False
            if rest and k and tokens[k - 1].folded == "a":
                # «¿A cuánto está el kilo…?», «¿A cuánto se vende…?»: a price; not «¿A cuánto
                # está Almenara de Valdemoro?», a distance
                verb = rest[0].folded
                if verb.startswith("esta"):
                    nxt = tokens[k + 2 : k + 3] if rest[0] is tokens[k + 1] else []
                    return bool(nxt) and nxt[0].folded in ("el", "la", "los", "las")
                if verb.startswith(_AMOUNT_TO):
                    # «¿A cuánto ascienden las pérdidas?» is a sum; «¿A cuánto asciende el
                    # número de muertos?» a count
                    after = [t.folded for t in rest[1:] if t.folded not in _ARTICLES][:1]
                    return not (after and after[0] in _COUNT_NOUNS)
                return verb.startswith(_PRICE_AFTER_A_CUANTO)
            return bool(rest) and stem(rest[0].lower) in PRICE_AFTER_CUANTO
    return False


# What a money question may count: a currency, or the scale of a sum («¿Cuántos miles de euros…?»).
_CURRENCIES = frozenset(
    "euros dolares pesos libras soles bolivares centimos pesetas yenes reales francos rublos "
    "yuanes liras quetzales colones guaranies usd miles millones cientos centenares".split()
)


def _counts_a_thing(words: list[str]) -> bool:
    """«¿Cuántas nóminas se quedaron sin cobrar?», «¿Cuántos quirófanos… con ese dinero?»: the
    plural after «cuántos/cuántas» is what is counted, not money (unless it is a currency)."""
    return any(
        w in ("cuantos", "cuantas")
        and i + 1 < len(words)
        and words[i + 1] not in _CURRENCIES
        and words[i + 1] not in stopwords()
        for i, w in enumerate(words)
    )


def asks_money(question: ParsedQuestion) -> bool:
    """Whether a «¿cuánto?» question asks an amount of money (the module's docstring)."""
    words = list(question.words)
    return not _counts_a_thing(words) and (
        any(stem(t.lower) in MONEY_STEMS for t in question.tokens) or _price_after_cuanto(question)
    )
