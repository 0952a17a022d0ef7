"""Spanish text analysis: normalize, tokenize with offsets, fold, drop stopwords, stem.

The same pipeline runs on passages and on questions, so a question typed without accents, in
capitals or with inverted punctuation reaches the same terms as a clean one:

    NFC -> Unicode word tokens -> lowercase -> stopwords (on the folded form) -> stem -> fold

Stemming is Snowball Spanish (PyStemmer) after a light plural step, because Snowball alone does not
conflate many plurals with their singulars (gobierno/gobiernos -> gobiern/gobi, año/años). Snowball
needs the accents (its suffixes include "aría", "ía", "ó": "buscaría" -> "busc", but "buscaria" ->
"buscari"), so the stem is folded *after* stemming; a question typed without accents is mapped back
by the index (see ``PassageIndex.resolve``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from qa_bot import data
from qa_bot.text.marks import MARK

ANALYZER_VERSION = "es-2"

# A token is a number with inner separators ("1,5", "1.500") or a run of letters/digits, including
# combining marks so that decomposed (NFD) text stays in one token.
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|[^\W_](?:[^\W_]|" + MARK + ")*")


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        if char in "ñÑ":
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if base and base != char and base.isascii():
            table[code] = base
    return table


_FOLD_TABLE = _build_fold_table()


def normalize(text: str) -> str:
    """NFC-normalize, so that decomposed accents form one character."""
    return unicodedata.normalize("NFC", text)


def fold(word: str) -> str:
    """Lowercase and remove vowel accents and diaeresis, keeping ñ ("Canción" -> "cancion")."""
    return normalize(word).lower().translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the source text: lowercased, folded, and its exact character span."""

    text: str
    lower: str
    folded: str
    start: int
    end: int


# Memoized per distinct word: answering re-analyzes ~30 passages a question, whose words repeat.
WORD_CACHE = 1 << 16


@lru_cache(maxsize=WORD_CACHE)
def _forms(word: str) -> tuple[str, str]:
    lower = normalize(word).lower()
    return lower, lower.translate(_FOLD_TABLE)


def tokens(text: str) -> Iterator[Token]:
    """Yield the word tokens of ``text`` with offsets into ``text`` itself."""
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        yield Token(word, *_forms(word), match.start(), match.end())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The folded Spanish stopword list shipped in ``qa_bot/data/stopwords-es.txt``."""
    raw = data.read_text("stopwords-es.txt")
    return frozenset(
        fold(line.strip()) for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


_STEMMER = Stemmer.Stemmer("spanish")
# stem() memoizes repeated words itself; PyStemmer's own cache, purged by sorting it whenever it
# fills, made indexing 140k distinct words 5x slower (0.42 s instead of 0.08 s).
_STEMMER.maxCacheSize = 0


_VOWELS = "aeiouáéíóú"


def singular(word: str) -> str:
    """A light Spanish plural step (lowercase input): voces -> voz, ciudades -> ciudad, años -> año."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("is", "us")):
        return word
    if word.endswith("ces"):
        return word[:-3] + "z"
    if word.endswith("es") and word[-3] not in _VOWELS:
        return word[:-2]
    if word[-2] in "aeiou":
        return word[:-1]
    return word


@lru_cache(maxsize=WORD_CACHE)
def stem(lower: str) -> str:
    """The index term of one lowercase word: plural step, Snowball Spanish, then accent folding.

    Numbers stay as they are.
    """
    if lower[:1].isdigit():
        return lower
    return _STEMMER.stemWord(singular(lower)).translate(_FOLD_TABLE)


# The endings of the -ir verb forms whose root vowel changes (folded): "pidió", "pidieron",
# "pidiendo", "pidiera", "pidiese" beside "pedir", "pedido".
_STEM_CHANGING_ENDING = re.compile(r"(?:io|ieron|iendo|iera|ieran|ieras|iese|iesen)$")


def stem_changes(term: str, folded: str) -> list[str]:
    """Other stems of the -ir verb whose form ``folded`` has stem ``term``: its last "i" as "e"
    or its last "u" as "o" ("advirtió" advirt -> advert, "siguió" sigu -> segu, "murió" mur ->
    mor). Snowball keeps the "i" of an unaccented "-io" ("advirtio" -> advirti), so that "i" is
    dropped first. Only for words with one of those endings: a noun is left alone ("crías")."""
    if len(term) < 3 or not _STEM_CHANGING_ENDING.search(folded):
        return []
    root = term[:-1] if folded.endswith("io") and term.endswith("i") else term
    out = []
    for vowel, other in (("i", "e"), ("u", "o")):
        k = root.rfind(vowel)
        if k >= 0:
            out.append(root[:k] + other + root[k + 1 :])
    return out


@lru_cache(maxsize=1)
def stopword_stems() -> frozenset[str]:
    """The stems of the stopwords: a content word with one of them ("comen" -> com, as "como")
    shares its background frequency with a stopword, so that frequency says nothing of it."""
    return frozenset(stem(w) for w in stopwords())


PREFIX_LEN = 5


def prefix(folded: str) -> str:
    """The truncation-stemmer term of a folded word: its first PREFIX_LEN letters."""
    return folded if folded[:1].isdigit() else folded[:PREFIX_LEN]


def terms(text: str) -> list[str]:
    """The index terms of ``text``: stopwords removed, stemmed, folded, in order."""
    stop = stopwords()
    return [stem(t.lower) for t in tokens(text) if t.folded not in stop]


def term_spans(text: str) -> Iterator[tuple[str, Token]]:
    """Each non-stopword token of ``text`` with its index term."""
    stop = stopwords()
    for token in tokens(text):
        if token.folded not in stop:
            yield stem(token.lower), token
