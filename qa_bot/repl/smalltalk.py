"""What a reader says to a chatbot that is not a question about the article.

``small_talk(line)`` names it: a greeting («hola», «buenos días»), thanks («gracias»), a request
for the article's gist («¿De qué trata el artículo?»), or a command word typed without its slash
(«ayuda», «salir», «adiós»). Anything else is None and is asked as a question. Matching is on
folded words, so «¡Hola!», «HOLA» and «hola :)» are all a greeting; a greeting followed by a
question («Hola, ¿quién es Shoigu?») is a question.
"""

from __future__ import annotations

from enum import Enum

from qa_bot.text.analysis import tokens


class Talk(str, Enum):
    """A kind of small talk."""

    GREETING = "saludo"
    THANKS = "gracias"
    SUMMARY = "resumen"
    HELP = "ayuda"
    QUIT = "salir"


_GREETINGS = frozenset(
    (
        "hola",
        "buenas",
        "buenos dias",
        "buenas tardes",
        "buenas noches",
        "hey",
        "saludos",
        "que tal",
        "hola que tal",
        "hola buenas",
        "hola buenos dias",
        "hola buenas tardes",
        "hola buenas noches",
    )
)
_THANKS = frozenset(
    (
        "gracias",
        "muchas gracias",
        "mil gracias",
        "gracias por todo",
        "ok gracias",
        "vale gracias",
        "perfecto gracias",
        "genial gracias",
        "muy amable",
        "te lo agradezco",
    )
)
_HELP = frozenset(
    ("ayuda", "help", "que puedo preguntar", "que puedo preguntarte", "como funciona")
)
_QUIT = frozenset(
    ("salir", "adios", "hasta luego", "chao", "chau", "hasta pronto", "exit", "quit", "bye")
)
_SUMMARY = frozenset(
    (
        "de que trata el articulo",
        "de que trata la noticia",
        "de que trata",
        "de que va el articulo",
        "de que va la noticia",
        "de que habla el articulo",
        "de que habla la noticia",
        "resumen",
        "resume el articulo",
        "resumeme el articulo",
        "resume la noticia",
        "cual es el tema del articulo",
        "de que tratan los articulos",
        "de que tratan las noticias",
    )
)
_KINDS = (
    (_GREETINGS, Talk.GREETING),
    (_THANKS, Talk.THANKS),
    (_HELP, Talk.HELP),
    (_QUIT, Talk.QUIT),
    (_SUMMARY, Talk.SUMMARY),
)


# Longer lines are questions: a pasted megabyte must not be tokenized to find out.
MAX_TALK_CHARS = 80


def small_talk(line: str) -> Talk | None:
    """The kind of small talk ``line`` is, or None for a question (module docstring)."""
    if len(line) > MAX_TALK_CHARS:
        return None
    words = " ".join(t.folded for t in tokens(line))
    for phrases, kind in _KINDS:
        if words in phrases:
            return kind
    return None
