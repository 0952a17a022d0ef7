"""The people an article names and the roles it gives them: «la abogada Valeria Quiroga»,
«Quiroga, la nueva intendenta,», «El alcalde, Ignacio Berrocal,». By the shape of the text (a
capitalized run of words, a determiner before a role), with no list of names nor of roles:
``whose_age`` reads whose age a sentence gives with them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from qa_bot.answer.followup import DETERMINERS
from qa_bot.answer.people import NAME_PARTICLES, ONE_WORD_PLACE
from qa_bot.text.analysis import Token, stem, stopwords
from qa_bot.text.sentences import AnalyzedSentence

# A role's determiner and its gender: «la cineasta» is not «el cineasta».
_GENDER = {"el": "m", "del": "m", "al": "m", "la": "f", "un": "m", "una": "f", "su": None}


@dataclass(frozen=True, slots=True)
class Person:
    """Someone an age is of: the folded words of a name, and the stems of the roles given them."""

    name: tuple[str, ...] = ()
    roles: frozenset[str] = field(default_factory=frozenset)
    gender: str | None = None


def capitalized(token: Token) -> bool:
    """A capitalized word that is no function word («La» opening a sentence is not a name)."""
    return token.text[:1].isupper() and token.folded not in stopwords()


def name_runs(sentence: AnalyzedSentence, known: set[str]) -> list[tuple[int, int]]:
    """The token ranges of the names in ``sentence``: capitalized words, with particles inside
    («Íñigo de la Serna»); a sentence's first word only when the article capitalizes it
    elsewhere too (``known``): «Quiroga, la nueva…», not «Tercero quedó…»."""
    words = sentence.words
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        if capitalized(words[k]) and (k > 0 or words[k].folded in known):
            end = k + 1
            while end < len(words) and not gap(sentence, end - 1, end).strip():
                if capitalized(words[end]):
                    end += 1
                elif (
                    words[end].folded in NAME_PARTICLES
                    and end + 1 < len(words)
                    and capitalized(words[end + 1])
                    and not gap(sentence, end, end + 1).strip()
                ):
                    end += 2
                else:
                    break
            runs.append((k, end))
            k = end
        else:
            k += 1
    return runs


def known_names(sentences: Iterable[AnalyzedSentence]) -> set[str]:
    """The folded words an article capitalizes inside a sentence: its names."""
    return {w.folded for s in sentences for w in s.words[1:] if capitalized(w)}


def role_before(sentence: AnalyzedSentence, end: int) -> tuple[frozenset[str], str | None]:
    """The lowercase words of a noun phrase ending at token ``end`` that a determiner opens, and
    its gender («la nueva intendenta» → {nuev, intendent}, "f"; «Su hija» → {hij}, None), or
    nothing."""
    words = sentence.words
    end = _complement_start(sentence, end)
    for k in range(end - 1, max(-1, end - 4), -1):
        w = words[k]
        if w.folded in _GENDER and (w.text.islower() or k == 0):
            roles = [x for x in words[k + 1 : end] if x.text.islower()]
            if (
                roles
                and len(roles) == end - k - 1
                and not any(x.folded in stopwords() for x in roles)
            ):
                return frozenset(stem(x.lower) for x in roles), _GENDER[w.folded]
            return frozenset(), None
        if not w.text.islower() or w.folded in stopwords():
            break
    return frozenset(), None


def _complement_start(sentence: AnalyzedSentence, end: int) -> int:
    """Where a complement naming a body or a place («de Navalcárdena», «del MOPC») starts, when one
    ends the words before token ``end``: «El alcalde de Navalcárdena, Tomás Echevarría»; else
    ``end``."""
    words = sentence.words
    k = end - 1
    named = False
    while (
        k > 0
        and (capitalized(words[k]) or words[k].folded in ("la", "las", "los", "el"))
        and not gap(sentence, k - 1, k).strip()
    ):
        named = named or capitalized(words[k])
        k -= 1
    return k if named and words[k].folded in ("de", "del") else end


def gap(sentence: AnalyzedSentence, a: int, b: int) -> str:
    """The text between tokens ``a`` and ``b`` of ``sentence`` (``a`` before ``b``)."""
    words = sentence.words
    return sentence.text[words[a].end : words[b].start]


def appositions(sentences: Iterable[AnalyzedSentence], known: set[str]) -> dict[str, Person]:
    """Each surname of the article with the roles set beside it: «la abogada Valeria Quiroga»,
    «Quiroga, la nueva intendenta,», «El alcalde, Ignacio Berrocal,»."""
    people: dict[str, Person] = {}
    for sentence in sentences:
        words = sentence.words
        for start, end in name_runs(sentence, known):
            # «la abogada Valeria Quiroga», «El alcalde, X»; not «el registro (GPhC)»
            joined = start > 0 and gap(sentence, start - 1, start).strip() in ("", ",")
            found = [role_before(sentence, start)] if joined else []
            if end < len(words) and comma_at(sentence, end):  # «Quiroga, la nueva intendenta,»
                k = end + 1
                while (
                    k < len(words)
                    and words[k].text.islower()
                    and not gap(sentence, k - 1, k).strip()
                    and words[k].folded not in CLAUSE
                ):
                    k += 1
                found.append(role_before(sentence, k))
            for roles, gender in found:
                if roles:
                    old = person_at(sentence, (start, end), people)
                    people[old.name[-1]] = Person(old.name, old.roles | roles, old.gender or gender)
    return people


def person_at(
    sentence: AnalyzedSentence, run: tuple[int, int], people: dict[str, Person]
) -> Person:
    """The one the name at token range ``run`` names, by its surname (its last word), with every
    word of their name the article gives («Valeria Quiroga» for «Quiroga») and their roles."""
    words = tuple(w.folded for w in sentence.words[run[0] : run[1]])
    known = people.get(words[-1], Person(words[-1:]))
    name = tuple(dict.fromkeys((*known.name[:-1], *words[:-1], words[-1])))
    return Person(name, known.roles, known.gender)


CLAUSE = frozenset(("de", "del", "que", "y", "con", "en"))


def comma_at(sentence: AnalyzedSentence, k: int) -> bool:
    """Whether only a comma stands between token ``k - 1`` and token ``k``."""
    return 0 < k < len(sentence.words) and gap(sentence, k - 1, k).strip() == ","


def may_be_person(sentence: AnalyzedSentence, run: tuple[int, int]) -> bool:
    """Whether the name at token range ``run`` may be a person's: not «la Consejería», «del
    Tesoro», «hasta Neiva»; «la de Felícita Huamán» is."""
    start, stop = run
    before = sentence.words[start - 1].folded if start else ""
    if before in DETERMINERS:
        return False
    return stop - start > 1 or before not in ONE_WORD_PLACE
