"""Whose words a question asks for: «¿Qué dijo la ministra de Transportes sobre el paro?» asks
what the minister said, and an article that never mentions a minister cannot say it, however
much it talks about the strike. ``refusal.absent_speaker`` refuses on it; a speaker with a capital
(«¿Qué opina Greenpeace…?») is already a name (``names.py``).
"""

from __future__ import annotations

import re

from qa_bot.answer.tuning import NAME_RARITY
from qa_bot.text.analysis import Token, stem, stopwords
from qa_bot.text.background import rarity
from qa_bot.text.question import ParsedQuestion

# «qué» + a verb of saying or thinking, in the forms a reader asks with, and whoever follows it (or
# no one: «¿Y qué dijo?»); «¿Qué le parece a…?».
_SAYING_RE = re.compile(
    r"^(?:y\s+)?que\s+(?:(?:ha|han|habia|habian)\s+)?"
    r"(?:dicho|dijo|dijeron|dice|dicen|opina|opinan|opino|opinaron|declaro|declararon|"
    r"respondio|respondieron|comento|comentaron|afirmo|afirmaron|aseguro|aseguraron|valoro|"
    r"valoraron|piensa|piensan|penso|senalo|senalaron|explico|explicaron)(?:\s+|$)"
    r"|^(?:y\s+)?que\s+le\s+(?:parece|parecio)\s+a\s+"
)
# What ends the speaker's name: the topic they speak about, or a second question.
_TOPIC_WORDS = frozenset("sobre acerca respecto del al tras ante durante con".split())
# A speaker is named right after the verb, with an article: «¿Qué dijo la ministra…?»; not
# «¿Qué dijo ayer la alcaldesa?», «¿Qué piensan hacer los vecinos?». Or by a name that a reader
# typed in lowercase, with no article: «que ha dicho greenpeace del temporal» (``_bare_name``).
_DETERMINERS = frozenset("el la los las un una su sus este esta".split())
# What speaks without being someone the article must name: «¿Qué dice el artículo…?».
_TEXTS = frozenset(
    "articulo noticia texto nota cronica reportaje informacion periodico diario".split()
)


def asks_words(question: ParsedQuestion) -> bool:
    """Whether ``question`` asks what someone said or thinks («¿qué opina china…?»), named or not."""
    return _SAYING_RE.match(" ".join(t.folded for t in question.tokens)) is not None


def speaker(question: ParsedQuestion) -> list[Token]:
    """The words that name who speaks in «¿Qué dijo/opina/ha dicho el X sobre Y?», from the
    noun after the article to the topic («la ministra de Transportes» -> "ministra de
    Transportes"); empty when the question asks no one's words, or names no one right after the
    verb, or names the text itself («el artículo»)."""
    words = list(question.tokens)
    said = " ".join(t.folded for t in words)
    m = _SAYING_RE.match(said)
    if m is None:
        return []
    at = len(m.group().split())
    if at >= len(words):
        return []
    if words[at].folded in _DETERMINERS:
        at += 1
    elif not _bare_name(words[at]):
        return []
    out: list[Token] = []
    for t in words[at:]:
        if t.folded in _TOPIC_WORDS or (not out and t.folded in ("de", "que")):
            break  # «¿Qué dijo que costaría…?»: what was said, no one named
        out.append(t)
    while out and out[-1].folded in stopwords():
        out.pop()
    if not out or out[0].folded in _TEXTS:
        return []
    return out


def _bare_name(word: Token) -> bool:
    """Whether ``word``, right after the verb of saying with no article, names who speaks: a
    lowercase word as rare in Spanish as a name (NAME_RARITY: «greenpeace»), not an adverb
    («ayer», «exactamente») nor a common verb («¿Qué piensan hacer…?»)."""
    return (
        word.text[:1].islower()
        and word.folded not in stopwords()
        and not word.folded.endswith("mente")
        and rarity(stem(word.lower)) >= NAME_RARITY
    )


def head(words: list[Token]) -> Token | None:
    """The first word of a speaker's name («ministra» of «ministra de Transportes»)."""
    return words[0] if words else None
