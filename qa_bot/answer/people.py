"""Whether a span of a sentence names a person: what «¿Quién…?» and an office («¿Cómo se llama
el gobernador…?», «¿Quién es la concejala de Vivienda?») ask for, as opposed to an institution
(«al Gobierno», «la Primera Sala») or a place («El Cedral», «con Pitalito»). By the shape of the
name and the word before it: there is no list of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from qa_bot.answer.followup import DETERMINERS
from qa_bot.answer.roles import PERSON_ROLES
from qa_bot.text.analysis import stem
from qa_bot.text.spans import UPPER

Span = tuple[int, int]

# The prepositions before a place's name («en la Universidad Nacional de Córdoba»).
PLACE_PREPOSITIONS = frozenset("en desde hacia hasta a de por para".split())
# Before a single capitalized word, these make it a place too («con Pitalito», «hasta Neiva»).
ONE_WORD_PLACE = PLACE_PREPOSITIONS | {"con", "entre", "sobre"}


def person_like(name: str) -> bool:
    """Two to four capitalized words with no «de» between them: a person's name."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def a_thing(text: str, span: Span) -> bool:
    """A single capitalized word that an article opens: an institution or a thing («al
    Gobierno», «a la Universidad», «las Aves»), not someone «¿Quién…?» asks for."""
    if " " in text[span[0] : span[1]].strip():
        return False
    before = text[: span[0]].split()[-1:]
    return bool(before) and before[0].lower() in DETERMINERS | {"un", "una"}


# Lowercase words inside a person's name: «Íñigo de la Serna», «María del Carmen Ruiz».
NAME_PARTICLES = frozenset("de del la las los y e da das do dos van von".split())


def a_person(text: str, span: Span) -> bool:
    """A person's name that no article opens: capitalized words, with particles between them
    («Íñigo de la Serna»), or a surname alone («Kuechly»); not «la Primera Sala», «el Cedral», «de
    la intendencia de Villa San Andrés», which name a court or a place, nor a code with figures
    («CM-4017», «F-16»)."""
    words = text[span[0] : span[1]].split()
    capitalized = [w for w in words if w[:1].isupper()]
    named = (
        bool(capitalized)
        and not any(c.isdigit() for c in text[span[0] : span[1]])  # «la carretera CM-4017»
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)
    )
    before = text[: span[0]].split()[-1:]
    opened = DETERMINERS | {"de"} | (ONE_WORD_PLACE if len(capitalized) == 1 else set())
    return named and not (before and before[0].lower() in opened)  # «hasta Pitalito»: a place


def named_in_full(texts: Iterable[str], surname: str) -> bool:
    """Whether a capitalized word comes right before ``surname`` somewhere in ``texts``: a news
    story names someone in full («la alcaldesa, Remedios Garcés») before it calls them by the
    surname alone («Garcés»), so a lone capitalized word it never does that with is a place or a
    thing («… de la que Castellmar espera recibir…»), not the name «¿Cómo se llama la
    consellera…?» asks for."""
    full = re.compile(rf"\b[{UPPER}]\w+ {re.escape(surname)}\b")
    return any(full.search(text) for text in texts)


def after_an_office(text: str, at: int) -> bool:
    """Whether the word at ``at`` of ``text`` stands in apposition to an office or a bond
    («según su portavoz, Kuechly, …»): a surname, even if the article never gives it in full."""
    before = text[:at].rstrip()
    if not before.endswith(","):
        return False
    words = before[:-1].split()
    return bool(words) and stem(words[-1].lower()) in PERSON_ROLES
