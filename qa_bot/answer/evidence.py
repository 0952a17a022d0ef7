"""Sentence-level evidence: which sentence of a passage supports the question, and how well.

A passage can rank high on BM25 because it repeats one common question word; the answer usually sits
in one sentence that matches *most* of the question. For each sentence (with its neighbours for a
little context) we measure the IDF-weighted share of the question's terms it contains (a word
counts by its stem or, failing that, by its 5-letter prefix: "reconstruido" is found in
"reconstrucción", "detiene" is not found in "detenciones"), whether the
question's word pairs appear close together (proximity), and whether it holds the kind of answer
the question asks for (a year for "¿cuándo?", a number for "¿cuántos?", a name for "¿quién?").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise

from qa_bot.answer.asked import Want
from qa_bot.answer.asked import wanted as kind_wanted
from qa_bot.answer.people_counts import people_asked, people_counted
from qa_bot.answer.quantities import NUMBER_WORDS, is_quantity
from qa_bot.answer.referring import refers_back
from qa_bot.answer.tuning import (
    DEFINITION_BONUS,
    INHERITED_CREDIT,
    PAIR_BONUS,
    PAIR_WINDOW,
    REFERS_BACK_CREDIT,
    SYNONYM_CREDIT,
    TYPE_BONUS,
)
from qa_bot.text.analysis import Token, prefix, stem
from qa_bot.text.question import TIME_UNITS, ParsedQuestion, QType
from qa_bot.text.sentences import AnalyzedSentence

_YEAR_RE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_NUMBER_RE = re.compile(r"\d")
_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre"
).split()
_DATE_WORDS = frozenset([*_MONTHS, "siglo", "siglos", "decada", "lunes", "martes", "miercoles"])
# A quantity then a time unit ("un año y medio", "tres semanas", "20 años"), on folded words.
_DURATION_RE = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|"
    r"once|doce|quince|veinte|treinta|cuarenta|cincuenta|cien|mil|medio|media|varios|varias|"
    r"muchos|muchas|pocos|pocas)\s(?:\w+\s)?(?:segundos?|minutos?|horas?|dias?|semanas?|"
    r"mes(?:es)?|a[nñ]os?|decadas?|siglos?|milenios?)\b"
)
_ONE = frozenset(("un", "una"))
# «Un día después», «una semana antes»: a moment, not an amount of time.
_AFTER = frozenset("despues antes mas luego".split())
# Units of measure (folded plural -> the forms a sentence may give them in). A unit is rarely
# paraphrased: "¿Cuántas toneladas…?" is not answered by a sentence without tonnes.
_UNITS: dict[str, tuple[str, ...]] = {
    "kilometros": ("kilometro", "km"),
    "metros": ("metro", "m2", "m3"),
    "millas": ("milla",),
    "toneladas": ("tonelada",),
    "kilos": ("kilo", "kg"),
    "kilogramos": ("kilogramo", "kg"),
    "gramos": ("gramo",),
    "litros": ("litro",),
    "euros": ("euro", "€"),
    "dolares": ("dolar", "$"),
    "hectareas": ("hectarea", "ha"),
    "grados": ("grado", "°", "ºc", "°c"),
}
_CAUSE_WORDS = frozenset("porque debido causa causado causo ya que razon motivo gracias".split())


@dataclass(frozen=True, slots=True)
class SentenceEvidence:
    """How well one sentence of a passage supports the question."""

    start: int
    end: int
    matched: frozenset[str]
    coverage: float
    pairs: float
    typed: float

    @property
    def score(self) -> float:
        return self.coverage + PAIR_BONUS * self.pairs + self.typed


_APPOSITION_RE = re.compile(
    r"\s*(?:,|\s(?:es|era|fue|son|eran))\s+(?:un|una|el|la|los|las)\s", re.I
)


def _defines(sentence: AnalyzedSentence, matched_ends: list[int]) -> bool:
    """Whether a question word is followed by an apposition or a copula: "X, un país..."."""
    return any(_APPOSITION_RE.match(sentence.text, end) for end in matched_ends)


def _has_answer_type(words: tuple[Token, ...], qtype: QType, question_words: set[str]) -> bool:
    """Whether the sentence holds a candidate answer of the type the question asks for."""
    new = [t for t in words if t.folded not in question_words]
    if qtype is QType.DATE:
        return any(_YEAR_RE.fullmatch(t.folded) or t.folded in _DATE_WORDS for t in new)
    if qtype is QType.DURATION:
        return bool(_DURATION_RE.search(" ".join(t.folded for t in new)))
    if qtype is QType.NUMBER:
        return any(_NUMBER_RE.search(t.folded) or t.folded in NUMBER_WORDS for t in new)
    if qtype in (QType.PERSON, QType.PLACE):
        return any(t.text[:1].isupper() for t in new[1:])
    if qtype is QType.REASON:
        return any(t.folded in _CAUSE_WORDS for t in new)
    return False


def states_duration(sentence: AnalyzedSentence, question: ParsedQuestion) -> bool:
    """Whether ``sentence`` gives a span of time ("39 años", "tres meses"): what "¿Qué edad
    tiene X?" needs; a year ("1991") is no age."""
    asked = {t.folded for t in question.terms}
    return _has_answer_type(sentence.words, QType.DURATION, asked)


def _counted_unit(question: ParsedQuestion) -> tuple[str, ...]:
    """The forms of the unit a "¿cuántos/cuántas UNIT…?" question counts, or ()."""
    for word, nxt in pairwise(question.words):
        if word in ("cuantos", "cuantas") and nxt in _UNITS:
            return _UNITS[nxt]
    return ()


def _gives_unit(sentence: AnalyzedSentence, forms: tuple[str, ...]) -> bool:
    """Whether ``sentence`` names the unit: a word that starts or ends with one of its ``forms``
    ("gigatoneladas", "km2"), or its symbol ("€")."""
    words = [t.folded for t in sentence.words]
    for form in forms:
        if not form[0].isalpha():
            if form in sentence.text:
                return True
        elif any(w.startswith(form) or w.endswith(form) or w.endswith(form + "s") for w in words):
            return True
    return False


def states_quantity(sentence: AnalyzedSentence, question: ParsedQuestion) -> bool:
    """Whether ``sentence`` gives a quantity the question does not: a figure ("410", "1,5"), a
    number word ("doscientos", "veintitrés", "millones", "varios"), or "un"/"una" right before a
    word of the question ("murió una persona" for "¿cuántas personas…?"; elsewhere "una" is an
    article far more often than a count) or before a unit of time ("para una semana"; not "hace
    un año" nor "un día después"). A question that asks for a number ("¿cuántos…?",
    "¿cuánto cuesta…?") must be answered by a sentence that gives one, and one that counts a
    unit ("¿cuántas toneladas…?") by a sentence that names it ("1,5 gigatoneladas")."""
    asked = set(question.words)
    unit = _counted_unit(question)
    if unit and not _gives_unit(sentence, unit):
        return False
    stems = set(question.stems)
    words = sentence.words
    for k, t in enumerate(words):
        if t.folded in asked:
            continue
        if is_quantity(t.folded):
            return True
        if t.folded in _ONE and k + 1 < len(words) and stem(words[k + 1].lower) in stems:
            return True
        if (
            t.folded in _ONE
            and k + 1 < len(words)
            and words[k + 1].folded in TIME_UNITS
            and not (k and words[k - 1].folded == "hace")  # «hace un año» dates, counts nothing
            and not (k + 2 < len(words) and words[k + 2].folded in _AFTER)  # «Un día después»
        ):
            return True  # «alcanzan para una semana», «va a demorar un mes»
    return False


def _pairs(positions: list[tuple[int, str]], question: ParsedQuestion) -> float:
    """Share of adjacent question-term pairs that occur within PAIR_WINDOW words of each other."""
    order = question.stems
    if len(order) < 2:
        return 0.0
    where: dict[str, list[int]] = {}
    for pos, term in positions:
        where.setdefault(term, []).append(pos)
    hits = 0
    for a, b in pairwise(order):
        pa, pb = where.get(a), where.get(b)
        if pa and pb and any(abs(x - y) <= PAIR_WINDOW for x in pa for y in pb):
            hits += 1
    return hits / (len(order) - 1)


def sentence_evidence(
    sentences: tuple[AnalyzedSentence, ...], question: ParsedQuestion, weights: dict[str, float]
) -> list[SentenceEvidence]:
    """Evidence for every sentence, in order."""
    wanted = set(question.stems)
    total = math.fsum(weights.get(t, 0.0) for t in wanted) or 1.0
    question_words = {t.folded for t in question.terms}
    by_prefix = {prefix(t.folded): t.stem for t in question.terms}
    synonym_of = question.synonym_of
    # A question that asks a name («¿Cómo se llama la rectora…?», «¿Qué empresa…?») looks for
    # one in the sentence like «¿Quién…?» does.
    qtype = QType.PERSON if kind_wanted(question) is Want.NAME else question.qtype
    # «¿Cuánta gente…?» is answered by «1.400 vecinos»: a count of people says its «gente».
    asked = people_asked(question)
    people, nouns = asked if asked is not None else (None, frozenset())
    out: list[SentenceEvidence] = []
    previous: frozenset[str] = frozenset()
    for sentence in sentences:
        start, end, spans = sentence.start, sentence.end, sentence.spans
        positions = []
        by_synonym: set[str] = set()
        # A count of people says the «gente» asked beside another word of the question: alone,
        # it may count anyone («Argel perdió 30 000 habitantes» for «… muerto en Bagdad?»).
        counts = people_counted(sentence, nouns) if people else set()
        if counts and not any(
            term in wanted or term in synonym_of or prefix(tok.folded) in by_prefix
            for term, tok in spans
            if tok.start not in counts
        ):
            counts = set()
        for i, (term, tok) in enumerate(spans):
            if term in wanted:
                positions.append((i, term))
            elif (found := by_prefix.get(prefix(tok.folded))) is not None:
                positions.append((i, found))  # the word's family: «rápidamente» for «rápido»
            elif term in synonym_of:
                positions.append((i, synonym_of[term]))
                by_synonym.add(synonym_of[term])
            elif people and tok.start in counts:
                positions.append((i, people))
        own = {term for term, _ in spans} | ({people} if people and counts else set())
        by_synonym -= own
        if by_synonym and not own & wanted:
            # A synonym with no word of the question beside it may be another sense of it
            # ("cargo" -> "relación"): it counts for nothing.
            positions = [(i, t) for i, t in positions if t not in by_synonym]
            by_synonym = set()
        matched = frozenset(term for _, term in positions)
        # A sentence goes on from the one before ("Murió joven, en 1631" after "Van der Hamen
        # pintó…"): it inherits part of what that one matched and it lacks.
        inherited = previous - matched
        back = refers_back(sentence)
        # A quotation that matches nothing of its own carries the words before it on: «X … .
        # «…», decía. El viticultor, de 61 años, …» still speaks of X.
        previous = matched if matched or not back else previous
        inherits = REFERS_BACK_CREDIT if back else INHERITED_CREDIT
        # fsum: a sum over a set must not depend on its order (PYTHONHASHSEED) when scores tie.
        coverage = (
            math.fsum(
                weights.get(t, 0.0) * (SYNONYM_CREDIT if t in by_synonym else 1.0) for t in matched
            )
            + inherits * math.fsum(weights.get(t, 0.0) for t in inherited)
        ) / total
        if question.qtype is QType.DEFINITION:
            ends = [tok.end for term, tok in spans if term in wanted]
            typed = DEFINITION_BONUS if _defines(sentence, ends) else 0.0
        elif _has_answer_type(sentence.words, qtype, question_words):
            typed = TYPE_BONUS
        else:
            typed = 0.0
        out.append(
            SentenceEvidence(start, end, matched, coverage, _pairs(positions, question), typed)
        )
    return out
