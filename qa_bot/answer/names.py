"""Names a question gives that its article never mentions: «¿Qué opina China…?» of an article
without China. A name misspelled by one letter, or given the other way as an acronym («PP» for
«Partido Popular»), is not absent. Readers often type names in lowercase («cuantos kilos de uva
ha perdido ezequiel manzanedo»): a lowercase word that is no Spanish word is read as a name too
(``_unknown_words``). ``refusal.absent_name`` refuses on them."""

from __future__ import annotations

from qa_bot.answer.acronyms import as_acronym, is_acronym
from qa_bot.answer.bodies import BODIES, BODY_ALIASES, absent_bodies, body_missing, capitalized
from qa_bot.answer.tuning import NAME_RARITY
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.analysis import prefix, stem
from qa_bot.text.background import a_spanish_word, rarity
from qa_bot.text.question import NAME_LINKS, ParsedQuestion, QuestionTerm
from qa_bot.text.spelling import MAX_LENGTH, MIN_LENGTH, one_typo_away, sounding_alike


def absent_names(index: SearchIndex, question: ParsedQuestion, top: int) -> list[str]:
    """The names of ``question`` (capitalized words inside it) that passage ``top``'s article
    never uses, by stem, nor as an acronym or its expansion ("PP" for "Partido Popular"):
    "¿Qué opina China…?" of an article without China. An acronym inside a longer name is also a
    name of its own: «UGT» of «¿Qué opina UGT del ERE?» is missing even if «ERE» is there. So is
    a lowercase word that is no Spanish word (``_unknown_words``: «manzanedo», «odelsa»), and a
    body named in lowercase (``bodies.absent_bodies``: «el ministerio de sanidad»)."""
    lo, hi = index.article_range(top)
    names: dict[int, list[QuestionTerm]] = {}
    for term in question.terms:
        if term.name:
            names.setdefault(term.name_at, []).append(term)
    missing = []
    for words in names.values():
        if _missing(index, words, lo, hi):
            missing.append(_as_typed(question, words[0].name_at))
        elif len(words) > 1:
            missing += [
                t.word for t in words if is_acronym(t.word) and _missing(index, [t], lo, hi)
            ]
    missing += _as_runs(
        question,
        {
            t.folded
            for t in _unknown_words(question)
            # «inflaron» is no word of the table, but the article's «inflado» is its family
            if not index.prefix_freq_in(prefix(t.folded), lo, hi) and _missing(index, [t], lo, hi)
        },
    )
    return missing + [body for body in absent_bodies(index, question, top) if body not in missing]


# The endings of Spanish derived words and verb forms («finquero», «desagregación», «liceales»,
# «abastecido»): a word built like one is a Spanish word the background table lacks, not a name.
_SPANISH_ENDINGS = tuple(
    "cion sion miento mientos dad dades ismo ismos ista istas ero era eros eras ble bles mente "
    "oso osa osos osas ivo iva ivos ivas ico ica icos icas al ales ar er ir ado ada ados adas "
    "ido ida idos idas ando iendo".split()
)
# A vowel written with an accent that a reader left out, or an «n» for an «ñ» («gastarian»).
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "n": "ñ"}


def _unknown_words(question: ParsedQuestion) -> list[QuestionTerm]:
    """The question's own lowercase words that are no Spanish word, so most likely a name typed
    in lowercase («ezequiel manzanedo», «el cedral»): unknown to the background table even with
    an accent put back, not built like a derived Spanish word (``_SPANISH_ENDINGS``), without
    synonyms, without an accent as typed (a reader who types «desagregó» writes a word), of
    MIN_LENGTH to MAX_LENGTH letters and without figures. A typo of a word of the corpus was already
    read as that word (``text/spelling.py``); ``_missing`` also allows one in the article."""
    return [
        t
        for t in question.terms
        if not t.name
        and t.weight >= 1
        and not t.synonyms
        and MIN_LENGTH <= len(t.folded) <= MAX_LENGTH  # «xxxx…» pasted is no name
        and t.folded.isalpha()
        and not any(c in "áéíóúü" for c in t.lower)
        and not t.folded.endswith(_SPANISH_ENDINGS)
        and not _spanish(t.folded)
    ]


def _as_runs(question: ParsedQuestion, folded: set[str]) -> list[str]:
    """The question's words in ``folded`` as typed, the ones side by side together: «ramiro
    cochachin», one name."""
    runs: list[list[int]] = []
    last = -2
    for k, token in enumerate(question.tokens):
        if token.folded in folded:
            if k == last + 1:
                runs[-1][1] = token.end
            else:
                runs.append([token.start, token.end])
            last = k
    return [question.text[a:b] for a, b in runs]


def _spanish(folded: str) -> bool:
    """Whether ``folded`` is a word of the background table as typed, with one accent (or one
    «ñ») put back («gastarian» is «gastarían»), or with one letter written for another that
    sounds the same («porcentage» is «porcentaje») or without its silent «h» («ospital»): a
    Spanish word misspelled is no name."""
    if a_spanish_word(stem(folded)):
        return True
    if any(
        a_spanish_word(stem(folded[:k] + _ACCENTED[c] + folded[k + 1 :]))
        for k, c in enumerate(folded)
        if c in _ACCENTED
    ):
        return True
    return any(a_spanish_word(stem(alike)) for alike in sounding_alike(folded))


def _missing(index: SearchIndex, words: list[QuestionTerm], lo: int, hi: int) -> bool:
    """Whether the name made of ``words`` is missing from passages ``lo .. hi - 1``."""
    absent = [
        t
        for t in words
        if not index.doc_freq_in(t.stem, lo, hi)
        # "Celeron" for "Céloron", "Primier" for "Premier": a name misspelled is not absent.
        and not (
            len(t.folded) >= MIN_LENGTH
            and any(index.doc_freq_in(stem(c), lo, hi) for c in one_typo_away(t.folded))
        )
        # «Norteamérica» in «los colonos norteamericanos», «Córdoba» in «el gobierno cordobés».
        and not any(index.doc_freq_in(stem(c), lo, hi) for c in _demonyms(t.folded))
        and not any(capitalized(index, a, lo, hi) for a in BODY_ALIASES.get(t.folded, ()))
    ]
    if words[0].folded in BODIES:
        return body_missing(index, words, absent, lo, hi)
    # A name is missing when none of it is in the article, or a rare word of it is not:
    # "Colegio de Arquitectos" without "arquitectos"; not "Oriente Medio" with "medio".
    # Short words ("Lor" for "Lord", "WW") are too often abbreviations to decide alone.
    rare = [t for t in absent if len(t.folded) >= MIN_LENGTH and rarity(t.stem) >= NAME_RARITY]
    return bool(len(absent) == len(words) or rare) and not as_acronym(index, words, lo, hi)


# The endings of the adjectives of a place («norteamericano», «cordobés», «español», «brasileño»),
# and what a place's name drops before them.
_DEMONYM_ENDINGS = ("ano", "ense", "és", "eño", "leño", "ino", "ol", "ita", "ico", "ero")
_DROPPED = ("ia", "es", "a", "e", "o", "d", "")


def _demonyms(name: str) -> set[str]:
    """The adjectives a place's name may take in the article («norteamerica» -> «norteamericano»,
    «cordoba» -> «cordobés», «francia» -> «francés», «madrid» -> «madrileño»): only for names
    of MIN_LENGTH letters.
    «-és» keeps its accent: Snowball reads «frances» as a plural."""
    if len(name) < MIN_LENGTH:
        return set()
    bases = {name[: len(name) - len(d)] for d in _DROPPED if name.endswith(d)}
    return {base + end for base in bases if len(base) >= 4 for end in _DEMONYM_ENDINGS}


def _as_typed(question: ParsedQuestion, at: int) -> str:
    """The name that starts at word ``at`` of ``question`` as typed, with the words that link
    it («Ministerio de Sanidad»)."""
    words = question.tokens
    last = at
    for k in range(at, len(words)):
        if words[k].text[:1].isupper():
            last = k
        elif words[k].folded not in NAME_LINKS:
            break
    return question.text[words[at].start : words[last].end]
