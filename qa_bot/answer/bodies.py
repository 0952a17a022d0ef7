"""Public bodies a question names that its article never mentions: «el Ministerio de Industria» of
an article that only has «la consejera de Industria», «el Sindicato de Estudiantes» of one whose
unions and students are only apart. Readers type them in lowercase too («ha dicho algo el
ministerio de sanidad», «que dice la defensoria del pueblo»): a body's head word followed by «de»
and a word says it is a name (``absent_bodies``). ``names.absent_names`` reads both."""

from __future__ import annotations

from qa_bot.answer.acronyms import as_acronym
from qa_bot.answer.named import PORTFOLIO_OFFICES
from qa_bot.index.protocol import SearchIndex
from qa_bot.text.analysis import stem
from qa_bot.text.question import ParsedQuestion, QuestionTerm
from qa_bot.text.spelling import MIN_LENGTH, one_typo_away
from qa_bot.text.synonyms import synonyms

# The first words of the names of public bodies: «el Ministerio de Industria» is not in an article
# that only has «la consejera de Industria», however common «ministerio» is in Spanish.
BODIES = frozenset(
    "ministerio consejo consejeria tribunal sindicato colegio asociacion federacion confederacion "
    "agencia instituto fundacion comision defensor defensoria fiscalia juzgado audiencia".split()
)
# Heads that name the same kind of body across Spanish-speaking countries, written with a capital
# («la Corte Suprema», not «cortaba»).
BODY_ALIASES = {"tribunal": ("corte",), "corte": ("tribunal",), "juzgado": ("tribunal",)}
# Typed in lowercase, a body is known by its head only: these heads, followed by «de», name one
# («la universidad de oviedo», «el colegio de enfermería»), and so do the offices of a government
# before their portfolio («el ministro de sanidad» of an article with only «el ministro de
# Defensa» asks about someone it never mentions). Not words that are often something
# else before «de» («dirección», «secretaria», «departamento», «oficina», «cámara»).
LOWERCASE_HEADS = (
    BODIES
    | frozenset(
        "universidad organizacion delegacion subdelegacion diputacion cabildo mancomunidad "
        "observatorio patronal gobierno junta comite academia".split()
    )
    | PORTFOLIO_OFFICES
)

# What opens the name of another body around a body's short name («la consejera de Industria»),
# and links a head typed in lowercase to the word that says which body it is («de la…»).
_OF = frozenset("de del".split())
_ARTICLES = frozenset("el la los las".split())
_LISTING = frozenset("y e o u ni".split())
# The passages searched for a name's words said together (``only_apart``).
NAME_SCAN = 50
NAME_POOL = 2000
# The words around a body's head that may name it («Asociación de Criadores de Alpacas» for «la
# asociación de alpaqueros»), and the letters a word of the article shares with the one typed.
TOGETHER_WIDTH = 3
SHARED_LETTERS = 4


def body_missing(
    index: SearchIndex, words: list[QuestionTerm], absent: list[QuestionTerm], lo: int, hi: int
) -> bool:
    """Whether a public body's name is missing: with its words only apart, or without one of
    its long words («Tribunal de Cuentas» of an article with «el tribunal» and no «cuentas»),
    unless the article gives it as an acronym («el CSN») or by its short name alone («el
    Supremo», «Sanidad informó»; not «la consejera de Industria» for «Ministerio de
    Industria»)."""
    if not absent:
        return only_apart(index, words, lo, hi)
    long_absent = [t for t in absent if len(t.folded) >= MIN_LENGTH]
    if not long_absent or as_acronym(index, words, lo, hi):
        return False
    rest = [t for t in words[1:] if len(t.folded) >= MIN_LENGTH]
    if long_absent == [words[0]] and rest:
        return not said_alone(index, rest, lo, hi)
    return True


def said_alone(index: SearchIndex, rest: list[QuestionTerm], lo: int, hi: int) -> bool:
    """Whether the article uses the last long word of a body's name, as typed, as its short
    name, not after «de» inside another name: «El Supremo rechazó…», «Sanidad informó…», not
    «la Consejería de Sanidad» nor «la Asociación de Usuarios de la Sanidad Pública»."""
    return capitalized(index, rest[-1].folded, lo, hi, alone=True)


def capitalized(index: SearchIndex, folded: str, lo: int, hi: int, alone: bool = False) -> bool:
    """Whether the article writes the word ``folded`` with a capital («Corte», not «cortaba»);
    ``alone``: not after «de» (past an article), where it would be part of another name."""
    for k in article_passages(index, [stem(folded)], lo, hi):
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


def article_passages(index: SearchIndex, stems: list[str], lo: int, hi: int) -> list[int]:
    """The NAME_SCAN passages of the article (``lo .. hi - 1``) richest in ``stems``, among the
    corpus's NAME_POOL richest: other articles of a folder may use the words more."""
    ranked = index.search(sorted(set(stems)), k=NAME_POOL)
    return [k for k, _ in ranked if lo <= k < hi][:NAME_SCAN]


def only_apart(index: SearchIndex, words: list[QuestionTerm], lo: int, hi: int) -> bool:
    """Whether the article has every long word of a name of several, but never together (within
    one more content word than the name has): «el Sindicato de Estudiantes» of an article with
    «los sindicatos convocaron una huelga y los estudiantes…». Looked for in the NAME_SCAN
    passages richest in those words. Only for public bodies: a translated title or a team («los
    Panthers de Carolina») is often said in other words."""
    # Each long word by its stem or, for a body's head, its alias («Corte» for «Tribunal»).
    wanted = {
        frozenset((t.stem, *(stem(a) for a in BODY_ALIASES.get(t.folded, ()))))
        for t in words
        if len(t.folded) >= MIN_LENGTH
    }
    if len(wanted) < 2:
        return False
    width = len(wanted) + 1  # content words: «Sindicato de Inquilinas de Madrid» is together
    search = sorted({s for forms in wanted for s in forms})
    for k in article_passages(index, search, lo, hi):
        for sentence in index.sentences(k):
            terms = [term for term, _ in sentence.spans]
            for i in range(len(terms)):
                window = set(terms[i : i + width])
                if all(forms & window for forms in wanted):
                    return False
    return True


def absent_bodies(index: SearchIndex, question: ParsedQuestion, top: int) -> list[str]:
    """The bodies ``question`` names in lowercase that passage ``top``'s article never mentions,
    as typed: «ministerio de sanidad» of an article with only «el Departamento de Sanidad»."""
    lo, hi = index.article_range(top)
    return [
        typed
        for head, which, typed in _lowercase_bodies(question)
        if _typed_body_missing(index, head, which, lo, hi)
    ]


def _lowercase_bodies(question: ParsedQuestion) -> list[tuple[QuestionTerm, QuestionTerm, str]]:
    """The bodies named in lowercase: a head of LOWERCASE_HEADS, «de» (and an article), and the
    word that says which body it is («colegio de enfermeria» of «que opina el colegio de
    enfermeria de huesca…»). A capitalized word is part of a name, which ``names`` reads."""
    words = question.tokens
    terms = {t.folded: t for t in question.terms if not t.name}
    found = []
    for i, head in enumerate(words):
        if head.folded not in LOWERCASE_HEADS or head.text[:1].isupper() or i + 1 >= len(words):
            continue
        if head.folded not in terms or words[i + 1].folded not in _OF:
            continue
        k = i + 2
        while k < len(words) and words[k].folded in _ARTICLES:
            k += 1
        if k == len(words) or words[k].text[:1].isupper() or words[k].folded not in terms:
            continue
        if len(words[k].folded) >= SHARED_LETTERS:
            typed = question.text[head.start : words[k].end]
            found.append((terms[head.folded], terms[words[k].folded], typed))
    return found


def _typed_body_missing(
    index: SearchIndex, head: QuestionTerm, which: QuestionTerm, lo: int, hi: int
) -> bool:
    """Whether the body named by ``head`` «de» ``which`` is missing from passages ``lo .. hi -
    1``: the article never says the head (or a synonym of it) shortly before a word that starts
    like ``which`` (``_said_together``), and either it has the head, so the other bodies it
    names by it are others («colegios para sus hijos» is no «colegio de enfermería»), or it
    does not give the body by its short name or an acronym («Sanidad informó…»)."""
    if _said_together(index, head, which, lo, hi):
        return False
    if head.folded in PORTFOLIO_OFFICES:
        # «el delegado del marn» of «el delegado del Ministerio de Ambiente (MARN)»: an office's
        # portfolio is missing only when the article never writes it as a name
        return not capitalized(index, which.folded, lo, hi)
    if _has(index, head, lo, hi):
        return True
    return not said_alone(index, [which], lo, hi) and not as_acronym(index, [head, which], lo, hi)


def _has(index: SearchIndex, term: QuestionTerm, lo: int, hi: int) -> bool:
    """Whether the article has ``term`` by its stem, one typo away, or by an alias of a head."""
    return (
        bool(index.doc_freq_in(term.stem, lo, hi))
        or any(index.doc_freq_in(stem(c), lo, hi) for c in one_typo_away(term.folded))
        or any(capitalized(index, a, lo, hi) for a in BODY_ALIASES.get(term.folded, ()))
    )


def _said_together(
    index: SearchIndex, head: QuestionTerm, which: QuestionTerm, lo: int, hi: int
) -> bool:
    """Whether the article has the head (or a synonym of it in the thesaurus, even where the
    article has the head too, or an alias) and, within TOGETHER_WIDTH
    words after it, a word sharing SHARED_LETTERS first letters with ``which``: «Asociación de
    Criadores de Alpacas» for «asociación de alpaqueros», «la escuela básica del sector» for «el
    colegio del sector»."""
    aliases = (stem(a) for a in BODY_ALIASES.get(head.folded, ()))
    heads = {head.stem, *synonyms(head.stem), *aliases}
    start = which.folded[:SHARED_LETTERS]
    for k in article_passages(index, [*heads, which.stem], lo, hi):
        for sentence in index.sentences(k):
            spans = sentence.spans
            for i, (term, _) in enumerate(spans):
                if term in heads and any(
                    token.folded.startswith(start)
                    for _, token in spans[i + 1 : i + 1 + TOGETHER_WIDTH]
                ):
                    return True
    return False
