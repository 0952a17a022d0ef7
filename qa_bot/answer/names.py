"""Names a question gives that its article never mentions: «¿Qué opina China…?» of an article
without China. A name misspelled by one letter, or given the other way as an acronym («PP» for
«Partido Popular»), is not absent. Readers often type names in lowercase («cuantos kilos de uva
ha perdido ezequiel manzanedo»): a lowercase word that is no Spanish word is read as a name too
(``_unknown_words``). ``refusal.absent_name`` refuses on them."""

from __future__ import annotations

from qa_bot.answer.tuning import NAME_RARITY
from qa_bot.index.protocol import SearchIndex
from qa_bot.text import name_spans
from qa_bot.text.analysis import prefix, stem
from qa_bot.text.background import known, rarity
from qa_bot.text.question import NAME_LINKS, ParsedQuestion, QuestionTerm
from qa_bot.text.spelling import MAX_LENGTH, MIN_LENGTH, one_typo_away


def absent_names(index: SearchIndex, question: ParsedQuestion, top: int) -> list[str]:
    """The names of ``question`` (capitalized words inside it) that passage ``top``'s article
    never uses, by stem, nor as an acronym or its expansion ("PP" for "Partido Popular"):
    "¿Qué opina China…?" of an article without China. An acronym inside a longer name is also a
    name of its own: «UGT» of «¿Qué opina UGT del ERE?» is missing even if «ERE» is there. So is
    a lowercase word that is no Spanish word (``_unknown_words``: «manzanedo», «odelsa»)."""
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
                t.word for t in words if _is_acronym(t.word) and _missing(index, [t], lo, hi)
            ]
    missing += [
        t.word or t.lower
        for t in _unknown_words(question)
        # «inflaron» is no word of the table, but the article's «inflado» is its family
        if not index.prefix_freq_in(prefix(t.folded), lo, hi) and _missing(index, [t], lo, hi)
    ]
    return missing


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


def _spanish(folded: str) -> bool:
    """Whether ``folded`` is a word of the background table as typed or with one accent (or one
    «ñ») put back: «gastarian» is «gastarían»."""
    if known(stem(folded)):
        return True
    return any(
        known(stem(folded[:k] + _ACCENTED[c] + folded[k + 1 :]))
        for k, c in enumerate(folded)
        if c in _ACCENTED
    )


def _is_acronym(word: str) -> bool:
    return word.isupper() and word.isalpha() and 2 <= len(word) <= 6


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
        and not any(_capitalized(index, a, lo, hi) for a in _BODY_ALIASES.get(t.folded, ()))
    ]
    if words[0].folded in _BODIES:
        return _body_missing(index, words, absent, lo, hi)
    # A name is missing when none of it is in the article, or a rare word of it is not:
    # "Colegio de Arquitectos" without "arquitectos"; not "Oriente Medio" with "medio".
    # Short words ("Lor" for "Lord", "WW") are too often abbreviations to decide alone.
    rare = [t for t in absent if len(t.folded) >= MIN_LENGTH and rarity(t.stem) >= NAME_RARITY]
    return bool(len(absent) == len(words) or rare) and not _as_acronym(index, words, lo, hi)


def _body_missing(
    index: SearchIndex, words: list[QuestionTerm], absent: list[QuestionTerm], lo: int, hi: int
) -> bool:
    """Whether a public body's name is missing: with its words only apart, or without one of
    its long words («Tribunal de Cuentas» of an article with «el tribunal» and no «cuentas»),
    unless the article gives it as an acronym («el CSN») or by its short name alone («el
    Supremo», «Sanidad informó»; not «la consejera de Industria» for «Ministerio de
    Industria»)."""
    if not absent:
        return _only_apart(index, words, lo, hi)
    long_absent = [t for t in absent if len(t.folded) >= MIN_LENGTH]
    if not long_absent or _as_acronym(index, words, lo, hi):
        return False
    rest = [t for t in words[1:] if len(t.folded) >= MIN_LENGTH]
    if long_absent == [words[0]] and rest:
        return not _said_alone(index, rest, lo, hi)
    return True


# What opens the name of another body around a body's short name: «la consejera de Industria».
_OF = frozenset("de del".split())
_ARTICLES = frozenset("el la los las".split())
_LISTING = frozenset("y e o u ni".split())


def _said_alone(index: SearchIndex, rest: list[QuestionTerm], lo: int, hi: int) -> bool:
    """Whether the article uses the last long word of a body's name, as typed, as its short
    name, not after «de» inside another name: «El Supremo rechazó…», «Sanidad informó…», not
    «la Consejería de Sanidad» nor «la Asociación de Usuarios de la Sanidad Pública»."""
    return _capitalized(index, rest[-1].folded, lo, hi, alone=True)


def _capitalized(index: SearchIndex, folded: str, lo: int, hi: int, alone: bool = False) -> bool:
    """Whether the article writes the word ``folded`` with a capital («Corte», not «cortaba»);
    ``alone``: not after «de» (past an article), where it would be part of another name."""
    for k in _article_passages(index, [stem(folded)], lo, hi):
        for sentence in index.sentences(k):
            words = sentence.words
            before = ""  # the word before, past an article: «de» in «de la Sanidad Pública»
            for i, token in enumerate(words):
                written = token.folded == folded and token.text[:1].isupper()
                # A sentence's first word has a capital anyway: «Sanidad informó…» names the
                # body, «Industria y comercio crecieron…» does not.
                listed = i == 0 and i + 1 < len(words) and words[i + 1].folded in _LISTING
                if written and not (alone and (before in _OF or listed)):
                    return True
                if token.folded not in _ARTICLES:
                    before = token.folded
    return False


def _article_passages(index: SearchIndex, stems: list[str], lo: int, hi: int) -> list[int]:
    """The NAME_SCAN passages of the article (``lo .. hi - 1``) richest in ``stems``, among the
    corpus's NAME_POOL richest: other articles of a folder may use the words more."""
    ranked = index.search(sorted(set(stems)), k=NAME_POOL)
    return [k for k, _ in ranked if lo <= k < hi][:NAME_SCAN]


# The first words of the names of public bodies: «el Ministerio de Industria» is not in an article
# that only has «la consejera de Industria», however common «ministerio» is in Spanish.
_BODIES = frozenset(
    "ministerio consejo consejeria tribunal sindicato colegio asociacion federacion confederacion "
    "agencia instituto fundacion comision defensor defensoria fiscalia juzgado audiencia".split()
)
# Heads that name the same kind of body across Spanish-speaking countries, written with a capital
# («la Corte Suprema», not «cortaba»).
_BODY_ALIASES = {"tribunal": ("corte",), "corte": ("tribunal",), "juzgado": ("tribunal",)}
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


_NAME_LINKS = frozenset("de del la las los el y e".split())
# An acronym's expansion is looked for in at most this many passages of the article.
ACRONYM_SCAN = 5000


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _NAME_LINKS).upper()


def _as_acronym(index: SearchIndex, words: list[QuestionTerm], lo: int, hi: int) -> bool:
    """Whether the article gives the name the other way: «PP» for «Partido Popular» in the
    article (or the start of a longer name: «UD» for «Unión Deportiva Portovello»), or «Partido
    Popular» for «PP»."""
    typed = [t.word or t.lower for t in words]
    if len(typed) == 1 and typed[0].isupper() and 2 <= len(typed[0]) <= 6:
        for k in range(lo, min(hi, lo + ACRONYM_SCAN)):
            text = index.passages[k].text
            for start, end in name_spans.names(text):
                run = text[start:end].split()
                # «UD» in «la Unión Deportiva Portovello»
                if len(run) >= 2 and _initials(run).startswith(typed[0]):
                    return True
        return False
    acronym = _initials(typed)
    return len(acronym) >= 2 and bool(index.doc_freq_in(stem(acronym.lower()), lo, hi))


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


# The passages searched for a name's words said together (``_only_apart``).
NAME_SCAN = 50
NAME_POOL = 2000


def _only_apart(index: SearchIndex, words: list[QuestionTerm], lo: int, hi: int) -> bool:
    """Whether the article has every long word of a name of several, but never together (within
    one more content word than the name has): «el Sindicato de Estudiantes» of an article with
    «los sindicatos convocaron una huelga y los estudiantes…». Looked for in the NAME_SCAN
    passages richest in those words. Only for public bodies: a translated title or a team («los
    Panthers de Carolina») is often said in other words."""
    # Each long word by its stem or, for a body's head, its alias («Corte» for «Tribunal»).
    wanted = {
        frozenset((t.stem, *(stem(a) for a in _BODY_ALIASES.get(t.folded, ()))))
        for t in words
        if len(t.folded) >= MIN_LENGTH
    }
    if len(wanted) < 2:
        return False
    width = len(wanted) + 1  # content words: «Sindicato de Inquilinas de Madrid» is together
    search = sorted({s for forms in wanted for s in forms})
    for k in _article_passages(index, search, lo, hi):
        for sentence in index.sentences(k):
            terms = [term for term, _ in sentence.spans]
            for i in range(len(terms)):
                window = set(terms[i : i + width])
                if all(forms & window for forms in wanted):
                    return False
    return True
