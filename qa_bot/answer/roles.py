"""Whose name a question asks: the holder of an office or a bond («¿Cómo se llama el
gobernador…?», «¿Quién es la concejala de Vivienda?», «¿Quién preside…?»), or whatever noun
«¿Cómo se llama el X?» names («el perro guardián»). ``asked.wanted`` reads a name asked here; the
ranking (``office.holder_first``) and the refusal checks (``no_role_named``, ``no_name_given``)
read the office or the noun."""

from __future__ import annotations

from qa_bot.answer.quantities import is_quantity
from qa_bot.text.analysis import Token, fold, stem
from qa_bot.text.question import ParsedQuestion

COPULA = frozenset("es son era eran fue fueron ha han sido sera seran".split())
NAMING = frozenset("llama llaman llamaba llamaban llamo".split())


def asks_naming(words: list[str], i: int) -> bool:
    """Whether the folded ``words`` say «cómo se llama(n)…» from ``i`` on."""
    return words[i : i + 2] == ["como", "se"] and bool(NAMING & set(words[i + 2 : i + 3]))


# Nouns of the people a news story names by their office or their bond: «¿Cómo se llama el
# gobernador…?» is answered by a person's name, not by a place or a court («Primera Sala»).
PERSON_ROLES = frozenset(
    form
    for w in (
        "alcalde alcaldesa gobernador gobernadora presidente presidenta ministro ministra "
        "consejero consejera concejal concejala director directora gerente portavoz vocero "
        "vocera juez jueza magistrado magistrada fiscal abogado abogada secretario secretaria "
        "delegado delegada diputado diputada senador senadora rector rectora decano decana "
        "entrenador entrenadora jefe jefa dueño dueña propietario propietaria fundador "
        "fundadora intendente intendenta regidor regidora edil líder dirigente embajador "
        "embajadora médico médica doctor doctora investigador investigadora autor autora "
        "hijo hija padre madre marido esposo esposa hermano hermana alumno alumna vecino "
        "vecina conductor conductora ganador ganadora capitán capitana conseller consellera "
        "viceministro viceministra vicepresidente vicepresidenta subdelegado subdelegada "
        "coordinador coordinadora defensor defensora comisario comisaria síndico síndica "
        "cabecilla funcionario funcionaria"
    ).split()
    for form in (stem(w), stem(fold(w)))  # «el capitan», «el dueno» typed without accents
)


def asks_person_name(question: ParsedQuestion) -> bool:
    """Whether «¿Cómo se llama el gobernador…?», «¿Cuál es el nombre de la jueza…?» or «¿Quién es
    la concejala de Vivienda?» asks a person's name: the noun after it is an office or a bond
    (``PERSON_ROLES``); or «¿Quién preside / dirige / entrena…?» asks who holds an office."""
    return holder_verb(question) is not None or asked_role(question) is not None


def holder_verb(question: ParsedQuestion) -> Token | None:
    """The verb of «¿Quién preside / dirige / entrena…?», whose subject holds an office
    (``_OFFICE_VERBS``), or None."""
    tokens = question.tokens
    if len(tokens) > 1 and tokens[0].folded in ("quien", "quienes"):
        return tokens[1] if tokens[1].folded in _OFFICE_VERBS else None
    return None


# Verbs whose subject holds an office: «¿Quién preside la federación?» asks the president's name
# (folded; present and future, the news' tenses: «¿Quién dirigió…?» of encyclopedic text asks a
# people or a body as often, «los otomanos», XQuAD's sentence F1 0.231 → 0.229 with them).
_OFFICE_VERBS = frozenset(
    "preside presiden presidira dirige dirigen dirigira encabeza lidera entrena coordina "
    "gestiona capitanea defiende".split()
)
# The offices of who does them, by the verb's stem (folded, both genders): «¿Quién dirige el
# proyecto?» is answered where the article names «El director del proyecto».
HOLDER_OFFICES: dict[str, tuple[str, ...]] = {
    "presid": ("presidente", "presidenta"),
    "dirig": ("director", "directora"),
    "entren": ("entrenador", "entrenadora"),
    "coordin": ("coordinador", "coordinadora"),
    "defiend": ("abogado", "abogada", "defensor", "defensora"),
}


# What opens the noun whose name «¿Cómo se llama…?» / «¿Cuál es el nombre…?» asks.
_DETERMINED = frozenset("el la los las de del su sus".split())


def asked_role(question: ParsedQuestion, offices: bool = True) -> Token | None:
    """The office or bond whose holder's name ``question`` asks («gobernador» in «¿Cómo se llama
    el gobernador…?», «concejala» in «¿Quién es la concejala de Vivienda?»), or None. Without
    ``offices``, any noun whose name «¿Cómo se llama el X…?» or «¿Cuál es el nombre del X?» asks
    («perro» in «¿Cómo se llama el perro guardián?»; not «¿Quién es…?»)."""
    tokens = list(question.tokens)
    words = [t.folded for t in tokens]
    for i, word in enumerate(words):
        if asks_naming(words, i):
            at = i + 3
        elif words[i : i + 3] == ["cual", "es", "el"] and words[i + 3 : i + 4] == ["nombre"]:
            at = i + 4
        elif (
            offices
            and (i == 0 or (i == 1 and words[0] in ("y", "e", "pero")))  # «¿Y quién es su…?»
            and word in ("quien", "quienes")
            and words[i + 1 : i + 2]
            and words[i + 1] in COPULA
        ):
            at = i + 2  # «¿Quién es la concejala de Vivienda?»
        else:
            continue
        if not offices and words[at : at + 1] and words[at] not in _DETERMINED:
            return None  # «¿Cuál es el nombre para el O3…?», «¿Cómo se llama "terra preta"?»
        rest = [
            t
            for t in tokens[at:]
            if t.folded not in ("el", "la", "los", "las", "de", "del", "su", "sus")
            and not is_quantity(t.folded)  # «las dos centrales»
        ]
        return rest[0] if rest and (not offices or stem(rest[0].folded) in PERSON_ROLES) else None
    return None
