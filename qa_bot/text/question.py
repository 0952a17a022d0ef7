"""Question analysis: the expected answer type and the content terms of a Spanish question.

Question words are recognised on folded tokens *before* stopwords and stemming ("¿Cómo...?" would
stem to "com", like comer). Folding makes "cuando", "CUÁNDO" and "¿Cuándo" the same cue.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from qa_bot.text.analysis import Token, prefix, stem, stopwords, tokens
from qa_bot.text.chat import spelled_out
from qa_bot.text.question_type import DESCRIBE_VERBS, question_type
from qa_bot.text.question_type import LASTING_VERBS as LASTING_VERBS
from qa_bot.text.question_type import QUESTION_WORDS as QUESTION_WORDS
from qa_bot.text.question_type import TIME_UNITS as TIME_UNITS
from qa_bot.text.question_type import QType as QType

# Words that only frame a question; they are kept as terms but weigh little.
FRAME_WORDS = frozenset("nombre llama llamaba llamo tipo forma manera ejemplo".split())


@dataclass(frozen=True, slots=True)
class QuestionTerm:
    """A content term of the question: its stem, the word it came from, and the stems of its
    synonyms that stand in for it when the corpus lacks it (see ``answer/matching.py``)."""

    stem: str
    folded: str
    lower: str
    synonyms: tuple[str, ...] = ()
    # The position of the name this word belongs to (a capitalized word inside the question),
    # or -1.
    name_at: int = -1
    # The word as typed ("Japón"), for a message that names it.
    word: str = ""
    # Below 1 for a word a follow-up inherits from the conversation (``answer/followup.py``).
    weight: float = 1.0

    @property
    def name(self) -> bool:
        return self.name_at >= 0


@dataclass(frozen=True, slots=True)
class ParsedQuestion:
    """A question reduced to its expected answer type and its content terms."""

    text: str
    qtype: QType
    terms: tuple[QuestionTerm, ...]
    # Every word of the question (question words and stopwords included), and whether it asks
    # for an age: parsed once, read by the checks that need them.
    tokens: tuple[Token, ...] = ()
    age: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        """The folded words of the whole question."""
        return tuple(t.folded for t in self.tokens)

    @property
    def stems(self) -> list[str]:
        return [t.stem for t in self.terms]

    def weight(self, stem: str) -> float:
        """The weight of the term with this stem: 1, or less for a word from the conversation."""
        return next((t.weight for t in self.terms if t.stem == stem), 1.0)

    @property
    def synonym_of(self) -> dict[str, str]:
        """Each synonym stem -> the stem of the question term it stands in for."""
        return {s: t.stem for t in reversed(self.terms) for s in t.synonyms}

    @property
    def prefixes(self) -> list[str]:
        return list(dict.fromkeys(prefix(t.folded) for t in self.terms))


def _asked_part(question: str, words: list[Token]) -> list[str]:
    """The folded words of the question proper: from its "¿" on, when a clause comes before it.

    "Cuando se detiene a mucha gente, ¿cuál es una táctica común?" asks "cuál", not "cuándo".
    """
    mark = question.rfind("¿")
    if mark <= 0:
        return [w.folded for w in words]
    asked = [w.folded for w in words if w.start > mark]
    return asked or [w.folded for w in words]


# «¿A qué se dedica…?» (folded forms of «dedicarse»).
_DEVOTES = frozenset("dedica dedican dedicaba dedicaban dedico dedicaron dedicara".split())
# The forms of «ir» that, before «a», make a future or an intention of the verb after them.
_GOING = frozenset("voy vas va vamos van iba ibas ibamos iban ira iran iria irian".split())
_AGE_VERBS = frozenset("tiene tienen tenia tenian tendra cumple cumplio cumplira".split())


def asks_age(words: Sequence[str]) -> bool:
    """ "¿Qué edad tiene X?", "¿Cuántos años tiene X?" (folded ``words``): the answer is an age
    ("39 años")."""
    for i, word in enumerate(words[:-1]):
        nxt = words[i + 1]
        if word in ("que", "cual") and nxt == "edad":
            return True
        after = words[i + 2 : i + 4]
        # «¿Cuántos años tienen que pagar…?» is an obligation's length, not an age.
        if word == "cuantos" and nxt in ("anos", "años") and after[:1] and after[0] in _AGE_VERBS:
            return after[1:] != ["que"]
    return False


# Lower-case words inside a name: "La Marca de la Anarquía", "Universidad del País Vasco".
NAME_LINKS = frozenset("de del la las los el y e".split())
_ROMAN_RE = re.compile(r"[IVXLCDM]+")


def _names(question: str, words: list[Token]) -> dict[int, int]:
    """The words of ``question`` that belong to a name: word index -> index of the name's first
    word. A capital inside the question marks a name ("¿Qué opina China…?"); the first word, a
    whole question in capitals and Roman numerals ("siglo XV") say nothing. Capitalized words
    joined by nothing or by "de", "la", "y"… form one name ("Oriente Medio")."""
    if question.isupper():
        return {}
    names: dict[int, int] = {}
    last = -1
    for i, word in enumerate(words):
        if i == 0 or not word.text[:1].isupper() or _ROMAN_RE.fullmatch(word.text):
            continue
        linked = last >= 0 and all(w.folded in NAME_LINKS for w in words[last + 1 : i])
        names[i] = names[last] if linked else i
        last = i
    return names


def parse_question(
    question: str, resolve: Callable[[str, str], str] | None = None
) -> ParsedQuestion:
    """Parse a question into its type and its content terms (order kept, duplicates dropped).

    ``resolve(term, folded_word)`` maps a term to the corpus's spelling of it (see
    ``PassageIndex.resolve``).
    """
    question = spelled_out(question)  # «q dia es…» asks as «qué día es…»
    words = list(tokens(question))
    folded = [t.folded for t in words]
    qtype = question_type(_asked_part(question, words))
    stop = stopwords()
    names = _names(question, words)
    seen: set[str] = set()
    terms: list[QuestionTerm] = []
    for i, word in enumerate(words):
        if word.folded in QUESTION_WORDS or word.folded in stop:
            continue
        if (
            qtype is QType.DURATION
            and i
            and folded[i - 1] in QUESTION_WORDS
            and word.folded not in LASTING_VERBS
        ):
            continue  # "cuánto tiempo", "cuántos años": the unit frames the question
        if word.folded == "cada" and folded[i + 1 : i + 2] in (["cuanto"], ["cuanta"]):
            continue  # «¿Cada cuánto pasa…?» asks how often: «cada» frames the question
        if qtype is QType.DEFINITION and word.folded in DESCRIBE_VERBS:
            continue  # "¿Cómo se describe a X?" asks for X's description, not the verb
        if word.folded in _DEVOTES and folded[max(0, i - 2) : i] == ["que", "se"]:
            continue  # «¿A qué se dedica X?» asks what X does: the verb frames the question
        if (
            word.folded in _GOING
            and folded[i + 1 : i + 2] == ["a"]
            and folded[i + 2 : i + 3] != []
            and folded[i + 2].endswith(("ar", "er", "ir"))
            and words[i + 2].text[:1].islower()  # an infinitive, not «a Qatar»
        ):
            continue  # «¿Cuándo iba a arrancar…?»: «ir a» only says it was to come
        s = stem(word.lower)
        if resolve is not None:
            s = resolve(s, word.folded)
        if s not in seen:
            seen.add(s)
            terms.append(
                QuestionTerm(
                    stem=s,
                    folded=word.folded,
                    lower=word.lower,
                    name_at=names.get(i, -1),
                    word=word.text,
                )
            )
    return ParsedQuestion(
        text=question,
        qtype=qtype,
        terms=tuple(terms),
        tokens=tuple(words),
        age=asks_age(folded),
    )
