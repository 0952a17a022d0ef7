"""Question words spelled otherwise than in the corpus, and the corpus term each one means.

``resolve`` tries, for a question term the corpus lacks: the same word typed without accents
("buscaria" for "buscaría", through the index's map of unaccented stems); the same -ir verb
with its root vowel changed ("advirtió" or "advirtio" for "advertido",
``analysis.stem_changes``); a short form ("peli", "km", "ayto", ``clippings.py``); and a
misspelled word: a question word that is no Spanish word, one typo away from a word in the
corpus ("Shoigo" for "Shoigu", "Kremlim" for "Kremlin", "espcialista" for "especialista",
"havitantes" for "habitantes": b/v and a dropped h are one typo).

Only words unknown to the background table (``background.known``) are corrected: a real word the
article lacks ("moneda", "población") stays what it is, so the refusal checks still see it
missing. Correcting into common words too, not only names, answers 1 more held-out question
(benchmarks/noticias-ciegas «¿Cómo se llama la enzma?») and changes nothing on XQuAD. One typo
is one letter deleted, inserted, replaced, or two neighbours swapped (Damerau-Levenshtein 1), on
terms of at least MIN_LENGTH letters; among several candidates the one in most passages wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from qa_bot.text.analysis import stem, stem_changes
from qa_bot.text.background import known, zipf
from qa_bot.text.clippings import unclipped

MIN_LENGTH = 5
# How much commoner (Zipf, log10) a word that sounds the same must be to be read for the one typed.
COMMONER_BY = 1.0
# Longer "words" are no words ("xxxx…" pasted): their typos would be ~50 per letter to try.
MAX_LENGTH = 30
LETTERS = "abcdefghijklmnñopqrstuvwxyz"


def one_typo_away(term: str) -> set[str]:
    """Every string one delete, insert, replace or swap of neighbours away from ``term``."""
    splits = [(term[:i], term[i:]) for i in range(len(term) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return (deletes | swaps | replaces | inserts) - {term}


# Letters that sound alike in Spanish, and so are misspelled for each other: «porcentage» is
# «porcentaje», «cirujias» «cirugías», «lus» «luz».
SOUNDS_ALIKE = (("g", "j"), ("j", "g"), ("b", "v"), ("v", "b"), ("s", "z"), ("z", "s"), ("c", "s"))


def sounding_alike(folded: str) -> list[str]:
    """``folded`` with one letter written as another that sounds the same, or with the silent
    «h» it lacks at the start («ospital»)."""
    out = [
        folded[:k] + other + folded[k + 1 :]
        for k, c in enumerate(folded)
        for typed, other in SOUNDS_ALIKE
        if c == typed
    ]
    return [*out, "h" + folded]


_K_AS = {"a": "c", "o": "c", "u": "c", "e": "qu", "i": "qu"}


def k_spellings(folded: str) -> list[str]:
    """The other spellings of a word with the sound of «k»: «kiosko» is the article's «kiosco»
    or «quiosco», «okupas» its «ocupas», «biquini» its «bikini», «quiosco» its «kiosco». Spanish
    writes that sound three ways and readers pick any; the reader's is often a real word too
    («kilo», «kiosko»), so these are tried whatever its frequency, unlike ``sounding_alike``."""
    out = []
    if "k" in folded:
        out.append(re.sub(r"k(?=[aeiou])", lambda m: _K_AS[folded[m.end()]], folded))
        out.append(re.sub(r"k(?=[aou])", "c", folded))
    # Not a «c» as «k»: «casa» is no brand «Kasa» the article names.
    out.append(re.sub(r"qu(?=[ei])", "k", folded))
    return list(dict.fromkeys(o for o in out if o != folded))


def correct_name(term: str, vocab: Collection[str], doc_freq: Callable[[str], int]) -> str | None:
    """The corpus term ``term`` (no Spanish word) is a typo of, or None."""
    if not MIN_LENGTH <= len(term) <= MAX_LENGTH or not term.isalpha() or known(term):
        return None
    found = [t for t in one_typo_away(term) if t in vocab]
    return max(found, key=lambda t: (doc_freq(t), t)) if found else None


def resolve(
    term: str,
    folded: str,
    vocab: Collection[str],
    plain_stems: Mapping[str, str],
    doc_freq: Callable[[str], int],
) -> str:
    """The corpus term for question term ``term`` (from the word ``folded``); itself when the
    corpus has it or none of the module's cases applies."""
    if term in vocab:
        return term
    plain = plain_stems.get(term)
    if plain is not None:
        return plain
    changed = next((o for o in stem_changes(term, folded) if o in vocab), None)
    if changed is not None:
        return changed
    spelled = next((o for o in map(stem, k_spellings(folded)) if o in vocab), None)
    if spelled is not None:
        return spelled
    if folded.isalpha():
        # «lus» for the article's «luz»: too short for a typo, but it sounds the same, and is
        # ten times as common as what was typed (not «caza» for a «casa» the article lacks)
        alike = next((o for o in map(stem, sounding_alike(folded)) if o in vocab), None)
        if alike is not None and zipf(alike) >= zipf(term) + COMMONER_BY:
            return alike
    return (
        unclipped(folded, vocab, plain_stems)
        or correct_name(term, vocab, doc_freq)
        or correct_word(term, folded, vocab, doc_freq, plain_stems)
        or term
    )


def correct_word(
    term: str,
    folded: str,
    vocab: Collection[str],
    doc_freq: Callable[[str], int],
    plain_stems: Mapping[str, str] | None = None,
) -> str | None:
    """The corpus term whose word ``folded`` (of no Spanish stem ``term``) is a typo of, or None:
    the typo may change the stem more than once ("enzma" -> "enzma", "enzima" -> "enzim"), and
    the word meant may have an accent that changes its stem ("bezcos" -> "bescos", the stem
    "besc", for the article's «Bescós», the stem "bescos": through ``plain_stems``)."""
    if not MIN_LENGTH <= len(folded) <= MAX_LENGTH or not folded.isalpha() or known(term):
        return None
    plain = plain_stems or {}
    stems = {stem(w) for w in one_typo_away(folded)}
    found = {plain.get(s, s) for s in stems} & set(vocab)
    return max(found, key=lambda t: (doc_freq(t), t)) if found else None
