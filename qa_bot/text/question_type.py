"""What kind of answer a question asks for, from its question word (``QType``): «¿cuándo?» a date,
«¿cuánto duró / tardó…?» a span of time, «¿cuántos…?» a number, «¿quién?» a person, «¿qué es
X?» a definition… Question words are recognised on folded words, so «cuando», «CUÁNDO» and
«¿Cuándo» are the same cue. ``question.parse_question`` asks it of the question proper.
"""

from __future__ import annotations

from enum import Enum


class QType(str, Enum):
    """What kind of answer a question asks for."""

    DATE = "fecha"
    DURATION = "duracion"
    NUMBER = "numero"
    PERSON = "persona"
    PLACE = "lugar"
    REASON = "causa"
    MANNER = "modo"
    DEFINITION = "definicion"
    OTHER = "otro"


QUESTION_WORDS = frozenset(
    "que cual cuales cuando donde adonde como quien quienes cuanto cuanta cuantos cuantas".split()
)
TIME_UNITS = frozenset(
    "segundos minutos horas dias semanas meses anos años decadas siglos milenios "
    "segundo minuto hora dia semana mes ano año decada siglo milenio".split()
)
# "¿Cuánto duró / tardó…?" asks how long, like "¿cuánto tiempo…?".
LASTING_VERBS = frozenset(
    "dura duran duro duraron duraba duraban durara duraria tarda tardan tardo tardaron tardaba "
    "tardara tardaran demora demoran demoro demoraron demoraba demorara demoraran durar tardar "
    "demorar".split()
)
DATE_NOUNS = frozenset(
    "ano anos año años fecha fechas dia siglo siglos mes meses epoca periodo decada".split()
)
PLACE_NOUNS = frozenset(
    "pais paises ciudad ciudades lugar lugares region regiones continente estado provincia "
    "localidad zona parte sitio".split()
)
PERSON_NOUNS = frozenset("persona personas presidente lider jugador autor nombre".split())
ARTICLES = frozenset("el la los las un una unos unas".split())
DESCRIBE_VERBS = frozenset("describe describen define definen caracteriza considera conoce".split())


def _is_definition(words: list[str]) -> bool:
    """ "¿Qué es X?", "¿Quién es/era X?", "¿Cómo se describe (a) X?": asks what X is."""
    if len(words) < 3:
        return False
    first, second = words[0], words[1]
    if first in ("que", "quien", "quienes") and second in ("es", "era", "son", "eran", "fue"):
        # "¿Quién es el nuevo compañero?" asks for a name, "¿Quién es Shoigu?" for a description.
        return not (first != "que" and words[2] in ARTICLES)
    return first == "como" and second == "se" and words[2] in DESCRIBE_VERBS


# Between «cuánto» and its verb: «¿Cuánto se tarda…?», «¿Cuánto va a durar…?».
_BEFORE_THE_VERB = frozenset("se le les va van iba iban a".split())


# Verbs of saying or reckoning whose clause after «que» holds what «cuánto» asks: «¿Cuánto dijo
# Ruperto Mallqui que va a demorar la limpieza?», «¿Cuánto calcula el alcalde que sacará…?».
SPEECH_VERBS = frozenset(
    "dijo dice dicen dijeron cree creen creia calcula calculan calculo estima estiman estimo "
    "asegura aseguran aseguro piensa piensan espera esperan prevé preve preven".split()
)


def after_speech(words: list[str]) -> list[str]:
    """``words`` (folded, after «cuánto») past a verb of saying and its subject, up to «que»:
    «dijo ruperto mallqui que va a demorar» → «va a demorar»; unchanged without one."""
    rest = [w for w in words if w not in _BEFORE_THE_VERB]
    if rest and rest[0] in SPEECH_VERBS and "que" in words:
        return words[words.index("que") + 1 :]
    return words


def _verb_after(words: list[str]) -> str:
    """The first word of ``words`` (folded, after «cuánto») that is not a pronoun or «va a»,
    past a verb of saying («¿Cuánto dijo X que va a demorar…?» → «demorar»)."""
    return next((w for w in after_speech(words) if w not in _BEFORE_THE_VERB), "")


def question_type(words: list[str]) -> QType:
    """The answer type from the folded words of the question: the first question word decides
    (with the noun after "qué"/"cuál": "¿En qué año…?" asks a date)."""
    if _is_definition(words):
        return QType.DEFINITION
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        prev = words[i - 1] if i else ""
        if word in ("cuanto", "cuanta", "cuantos", "cuantas"):
            verb = _verb_after(words[i + 1 :])  # "cuánto se tarda", "cuánto va a durar"
            if nxt in ("tiempo",) or nxt in TIME_UNITS or verb in LASTING_VERBS:
                return QType.DURATION
            return QType.NUMBER
        if word == "cuando":
            return QType.DATE
        if word in ("donde", "adonde"):
            return QType.PLACE
        if word in ("quien", "quienes"):
            return QType.PERSON
        if word == "que" and prev == "por":
            return QType.REASON
        if word in ("que", "cual", "cuales"):
            if nxt in DATE_NOUNS:
                return QType.DATE
            if nxt in PLACE_NOUNS:
                return QType.PLACE
            if nxt in PERSON_NOUNS:
                return QType.PERSON
            if nxt in (
                "cantidad",
                "numero",
                "porcentaje",
                "proporcion",
                "tamaño",
                "altura",
                "edad",
            ):
                return QType.NUMBER
            # "¿Qué hace el Doctor cuando…?": the first question word asks; a later "cuando"
            # or "donde" is a clause of the question.
            return QType.OTHER
        if word == "como" and i == 0:
            return QType.MANNER
    return QType.OTHER
