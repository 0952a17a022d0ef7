"""Sentences that go on about the one before them: they open by referring back («Su portavoz…»,
«Ella…», a quotation), «Cada una…» of what it named, or with a verb whose subject Spanish drops
(«Transfirió 9.200 euros…»). Such a sentence inherits the question's words from the one before
(``evidence.sentence_evidence``), may be the one shown for a datum (``respond``) and its figure
stands beside what the sentence before named (``phrase``)."""

from __future__ import annotations

import re

from qa_bot.text.sentences import AnalyzedSentence

# How a sentence opens when its subject is the one of the sentence before: a possessive («Su
# portavoz, Irene Castro, reclamó…»), a pronoun or demonstrative, a quotation whose speaker comes
# after it («"Hoy me he levantado antes", celebraba»).
_BACK_OPENERS = frozenset(
    "su sus él ella ellos ellas este esta estos estas ese esa esos esas dicho dicha".split()
)
_QUOTES = "«\"“'—–-"


def refers_back(sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` opens by referring to the one before it: «Su rectora…», «Ella…»,
    a quotation. Not a definite noun phrase («La experta lamentó…»): as often a new subject in
    encyclopedic text (SQuAD-es: 24 fewer sentences right with it, noticias 1 more)."""
    if sentence.text.lstrip()[:1] in _QUOTES:
        return True
    words = sentence.words
    if not words:
        return False
    if opens_with_each(sentence):
        return True  # «Cada una le cuesta ahora 6.500 colones», of the ones just named
    return words[0].lower in _BACK_OPENERS  # lowercase with accents: «él», not the article


# A sentence that opens with a verb in the past («Transfirió 9.200 euros…», «Murió joven, en
# 1631», «Llegaron de noche») leaves its subject to the one before: Spanish drops it. Told by
# the ending, which no noun or name has at the start of a sentence: an accented «-ó», «-aron»,
# «-ieron».
_PAST_VERB_RE = re.compile(r"\w{2,}ó|\w{3,}(?:aron|ieron)")


def goes_on(sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` goes on about the subject of the one before it: it refers back
    (``refers_back``) or opens with a verb in the past, its subject dropped («Transfirió 9.200
    euros en dos veces» after «Pilar Aznar … fue la primera en denunciar»)."""
    return refers_back(sentence) or opens_with_past_verb(sentence)


def opens_with_past_verb(sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` opens with a verb in the past, its subject dropped."""
    words = sentence.words
    return bool(words) and _PAST_VERB_RE.fullmatch(words[0].lower) is not None


def opens_with_each(sentence: AnalyzedSentence) -> bool:
    """Whether ``sentence`` opens «Cada uno / una» of what the one before it named: not «Cada
    uno de los 45 ganaderos», which names them itself."""
    words = [w.folded for w in sentence.words[:3]]
    return words[:2] in (["cada", "uno"], ["cada", "una"]) and words[2:3] not in (["de"], ["del"])
