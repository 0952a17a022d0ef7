"""Spans of Spanish text that can answer a question: numbers with their unit, dates, times,
durations, names and quoted titles (a cause or a verb's object is a clause: ``clauses.py``).

Each finder returns ``(start, end)`` character spans of the text it is given, longest forms first
where they overlap a shorter one. They know nothing of the question: ``answer/kinds.py`` keeps
those that could answer it.
"""

from __future__ import annotations

import re

from qa_bot.text.lazy import Lazy

UPPER = "A-ZÁÉÍÓÚÑÜ"
_W = r"[^\W\d_]"  # a letter
_DIGITS = r"\d+(?:[.,]\d+)*"
_SMALL = (
    r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
    r"dieci\w+|veinte|veinti\w+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|"
    r"cien|ciento|\w+cient[oa]s|quinientos|quinientas|mil"
)
# A numeral: digits, or number words ("treinta y dos", "medio centenar", "un millar"); "un"/"una"
# alone are articles far more often than counts, so they count only before a scale word.
_NUMERAL = (
    rf"(?:{_DIGITS}|(?:{_SMALL})(?:\s+y\s+(?:uno|una|{_SMALL}))?"
    r"|(?:un|una|medio|media)(?=\s+(?:centenar|millar|docena|decena|mill[oó]n)))"
)
_SCALE = r"(?:\s+(?:mil|mill[oó]n|millones|millardos?|billones?|centenar(?:es)?|millar(?:es)?|docenas?|decenas?)\b)?"
_NUMBER = rf"{_NUMERAL}{_SCALE}"
# The currencies of Spanish-language news («20.000 guaraníes»); those that are also other words
# only after digits, and «reales» not before «decretos» («50 soles», not «dos Soles Repsol»;
# «10 bolivianos el litro», not «miles de bolivianos»).
_CURRENCY = (
    r"(?:euros?|d[oó]lares?|pesos?|libras?|yenes|francos?|c[eé]ntimos?|bitcoines|pesetas?|"
    r"bol[ií]vares|guaran[ií]es|quetzales|colones|lempiras?|rublos?|yuan(?:es)?)"
)
_DIGITS_CURRENCY = rf"{_DIGITS}{_SCALE}\s?(?:de\s+)?(?:soles|reales(?!\s+decretos?)|liras?|bolivianos|c[oó]rdobas|balboas)\b"
# The symbols written before the figures in Latin American and other news: «$ 64», «US$ 30
# millones», «U$S 200», «RD$ 2.500», «S/ 20», «₡6.500», «Bs. 40», «€20», «Q385» (quetzales; «Q»
# only right before two figures or a decimal: «el Q1» may be a quarter).
_CURRENCY_SIGN = (
    r"(?:(?:US|U|RD|C|N|AR|CL|COL|MX)?\$S?|€|£|₡|S/\.?|Bs\.?|USD|EUR|Q(?=\d{2}|\d[.,]\d))"
)
_MEASURE = (
    r"(?:kil[oó]metros?|metros?|cent[ií]metros?|mil[ií]metros?|millas?|toneladas?|kilos?|"
    r"kilogramos?|gramos?|litros?|hect[aá]reas?|grados?|km|kg|m2|m3)"
)
_TIME_UNIT = (
    r"(?:segundos?|minutos?|min|horas?|h|d[ií]as?|semanas?|mes(?:es)?|años?|d[eé]cadas?|siglos?)"
)
# What a price or a measure is per: "por metro cuadrado", "al mes", "mensuales", "el kilo".
_RATE = (
    r"(?:\s+(?:por\s+(?:metro|kil[oó]metro)s?\s+(?:cuadrados?|c[uú]bicos?)|por\s+(?!(?:el|la|los|las|un|una|su|sus)\b)\w+"
    r"|al\s+(?:mes|año|d[ií]a)|a\s+la\s+semana|mensuales|anuales|diarios|semanales"
    r"|el\s+(?:kilo|litro|gal[oó]n|quintal|metro\s+cuadrado)\b))?"
)
_MORE = r"(?:\s+(?:más|menos)(?:\s+(?:tarde|temprano|de\s+\w+))?)?"

# What bounds a share or a sum before it: "menos del 10%", "casi el 40%", "al menos 12 millones
# de euros", "hasta 150.000 euros".
_ABOUT = (
    r"(?:(?:(?:al\s+|por\s+lo\s+)?menos|más|cerca|alrededor|casi|apenas|hasta|en\s+torno)\s+"
    r"(?:(?:de|del|al|a)\s+)?(?:(?:el|un|una)\s+)?)?"
)

_PERCENT_RE = Lazy(
    # a change from one share to another: «del 7% al 3%»
    rf"(?<!\w)(?:(?P<change>del?\s+{_NUMERAL}\s?%\s+al?\s+{_NUMERAL}\s?%)"
    rf"|{_ABOUT}{_NUMERAL}\s?(?:%|por\s+ciento){_MORE})",
    re.I,
)
_SHARE_RE = Lazy(rf"(?<!\w){_NUMERAL}\s?%", re.I)
_MONEY_RE = Lazy(
    rf"(?<!\w){_ABOUT}(?:{_NUMBER}\s?(?:(?:de\s+)?{_CURRENCY}\b|€|\$)|{_DIGITS_CURRENCY}"
    rf"|(?<![\w$]){_CURRENCY_SIGN}\s?{_DIGITS}{_SCALE}(?:\s+(?:de\s+)?{_CURRENCY}\b)?)"
    rf"{_RATE}{_MORE}",
    re.I,
)
# A sum with its scale and no currency: what "¿Cuánto costó…?" may be answered with ("costó 410
# millones").
_SCALED_RE = Lazy(
    rf"(?<!\w){_NUMERAL}\s+(?:mil|mill[oó]n|millones|millardos?|billones?)\b(?:\s+de\s+{_CURRENCY}\b)?",
    re.I,
)
_MEASURE_RE = Lazy(rf"(?<!\w){_NUMBER}\s+(?:de\s+)?{_MEASURE}\b{_RATE}", re.I)
# A count and its noun ("catorce barrios", "2,1 millones de viajeros", "medio centenar de
# profesionales"); the noun is any lowercase word that is not a function word (checked by caller).
# Not the figures of a code («la carretera CM-4017», «el virus COVID-19»).
_COUNT_RE = Lazy(
    rf"(?<!\w)(?<![^\W\d_]-)(?:{_NUMBER})(?!\.?[ªº])(?:\s+(?:de\s+)?(?P<noun>[a-zñáéíóúü]{{3,}}))?{_MORE}",
    re.I,
)
_PROPORTION_RE = Lazy(
    rf"(?<!\w)(?:uno|una|{_NUMERAL})\s+de\s+(?:cada|l[oa]s)\s+(?:{_DIGITS}|{_SMALL})"
    rf"(?:\s+[a-zñáéíóú]{{3,}})?",
    re.I,
)
_YEAR_RE = Lazy(r"^(?:1[0-9]{3}|20[0-9]{2})$")

_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)"
)
_WEEKDAY = r"(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)"
_SEASON = r"(?:oto[ñn]o|invierno|primavera|verano)"
# A season that names no time: «la primavera árabe», «el invierno demográfico», «el otoño de su
# carrera».
_NOT_A_SEASON = r"(?!\s+(?:[aá]rabe|demogr[aá]fic|de\s+(?:su|sus|mi|tu|nuestr)))\b"
_DAY_PART = r"(?:madrugada|mañana|mediod[ií]a|tarde|noche)"
# The first of the month written as an ordinal: «el 1.º de abril», «el 1° de mayo», «el 1ro de
# julio» (Rioplatense and Andean usage).
_ORDINAL = r"(?:\.?[º°]|ro|er)?"
_DATE_RE = Lazy(
    r"(?<!\w)(?:"
    # "la madrugada del 9 de junio de 2019", "el viernes 21 de junio", "el 1.º de marzo de 2024"
    rf"(?:(?:(?:la|esa|aquella)\s+{_DAY_PART}\s+del?\s+)|(?:(?:el|este|ese|del)\s+)?(?:(?:pasado|pr[oó]ximo)\s+)?)"
    rf"(?:{_WEEKDAY}\s+)?\d{{1,2}}{_ORDINAL}\s+de\s+{_MONTH}(?:\s+(?:de|del)\s+\d{{4}})?"
    # "en marzo de 2019", "marzo de 2020"
    rf"|(?:en\s+)?{_MONTH}\s+(?:de|del)\s+\d{{4}}"
    # "en marzo", "a finales de octubre", "el próximo enero"
    rf"|(?:(?:(?:en|desde|hasta|(?:a\s+)?(?:finales|principios|mediados)\s+de)\s+)"
    rf"(?:(?:el|este)\s+)?(?:(?:pasado|pr[oó]ximo)\s+)?{_MONTH}"
    rf"|(?:el|este)\s+(?:(?:pasado|pr[oó]ximo)\s+)?{_MONTH}|(?:pasado|pr[oó]ximo)\s+{_MONTH}"
    rf"|(?-i:{_MONTH}))(?:\s+(?:de|del)\s+\d{{4}})?\b"
    # "los años 70", "la década de 1960", "los años sesenta"
    r"|(?:(?:en\s+)?(?:los|la)\s+)?(?<!\w)(?:años|d[eé]cada\s+de(?:\s+los)?)\s+"
    r"(?:(?:19|20)?\d0|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)\b"
    # "todos los miércoles", "los viernes", "cada lunes": a day that comes back (lowercase)
    r"|(?:todos\s+los\s+|los\s+)(?-i:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados|domingos)\b"
    r"|cada\s+(?-i:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b"
    # "el lunes por la tarde", "este jueves", "el pasado sábado"
    rf"|(?:el|este|ese|del)\s+(?:(?:pasado|pr[oó]ximo)\s+)?{_WEEKDAY}"
    rf"(?:\s+(?:por\s+la\s+(?:mañana|tarde|noche)|a\s+mediod[ií]a|\d{{1,2}}))?"
    # "en 1631", "desde 2014", "el siglo XV"
    r"|(?:(?:en|desde|hasta|antes\s+de|a\s+partir\s+de)\s+(?:el\s+año\s+)?)?(?<![\d.,])(?:1[0-9]{3}|20[0-9]{2})(?![\d.,]\d)"
    r"|(?:en\s+)?el\s+siglo\s+[IVXLC]+"
    # "recientemente", "ayer", "la semana pasada", "el año pasado", "hace tres años"
    r"|\b(?:recientemente|ayer|anteayer|anoche)\b"
    r"|\b(?:(?:el|la)\s+(?:semana|mes|año)\s+pasad[oa]|(?:esta|este)\s+(?:semana|mes|año))\b"
    # "el próximo año", "la semana que viene", "el mes próximo"
    r"|\b(?:(?:el|la)\s+pr[oó]xim[oa]\s+(?:semana|mes|año)"
    r"|(?:el|la)\s+(?:semana|mes|año)\s+(?:que\s+viene|pr[oó]xim[oa]))\b"
    # "en otoño", "este verano", "el próximo invierno", "a finales de la primavera de 2025", "el
    # verano pasado"; lowercase, and not «la primavera árabe», «el otoño de su carrera»
    rf"|(?:(?:(?:en|desde|hasta|para|(?:a\s+)?(?:finales|principios|mediados)\s+de(?:l|\s+la)?)\s+"
    rf"(?:(?:el|la|este|esta)\s+)?|(?:este|esta)\s+)(?:(?:pasad[oa]|pr[oó]xim[oa])\s+)?"
    rf"|(?:el|la)\s+(?:pasad[oa]|pr[oó]xim[oa])\s+)(?-i:{_SEASON})"
    rf"(?:\s+(?:de|del)\s+\d{{4}}|\s+pasad[oa]|\s+que\s+viene)?{_NOT_A_SEASON}"
    rf"|(?:el|la)\s+(?-i:{_SEASON})\s+(?:pasad[oa]|que\s+viene|de\s+\d{{4}})\b"
    rf"|\bhace\s+(?:{_NUMERAL}|un|una|unos|unas|varios|varias)\s+{_TIME_UNIT}\b"
    r")",
    re.I,
)
_HOUR_RE = Lazy(
    r"(?:(?:poco\s+)?(?:antes|después)\s+de\s+|hacia\s+|sobre\s+|a\s+)?las?\s+"
    # an hour of the day (``hours`` drops a count: «de las 12 bancas»)
    r"(?:(?P<clock>(?:[01]?\d|2[0-4])(?!\d)(?:[.:]\d{2})?(?![.,]?\d))"
    r"(?:\s+horas)?(?:\s+(?:de\s+la\s+)?(?:mañana|tarde|noche|madrugada))?"
    # or in words, with the part of the day or «en punto» («a las diez de la mañana»): «las dos»
    # alone is as often two things
    r"|(?:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)"
    r"(?:\s+y\s+(?:media|cuarto|cinco|diez|veinte|veinticinco|treinta|cuarenta(?:\s+y\s+cinco)?"
    r"|cincuenta)|\s+menos\s+(?:cuarto|cinco|diez|veinte|veinticinco))?"
    r"\s+(?:de\s+la\s+(?:mañana|tarde|noche|madrugada)|del\s+mediod[ií]a|en\s+punto)\b)",
    re.I,
)
_CLOCK_BEFORE_RE = Lazy(r"\blas\s+$", re.I)
_DURATION_RE = Lazy(
    rf"(?<!\w)(?:entre\s+{_NUMERAL}\s+y\s+{_NUMERAL}\s+{_TIME_UNIT}"
    # «de 4 y 7 años»: two small figures, not a year («en 2010 y 5 años después») nor a clock
    # time («a las 9 y 30 minutos»)
    rf"|(?<!las\s)(?<!\d)\d{{1,2}}\s+y\s+\d{{1,2}}\s+{_TIME_UNIT}"
    rf"|(?:{_NUMERAL}|un|una|unos|unas|varios|varias)\s+{_TIME_UNIT}"
    rf"(?:\s+y\s+(?:medio|media|{_NUMERAL}\s+{_TIME_UNIT}|una?\s+{_TIME_UNIT}))?)\b"
    r"(?:\s+de\s+(?:prisi[oó]n|c[aá]rcel|inhabilitaci[oó]n))?",
    re.I,
)


def percents(text: str) -> list[tuple[int, int]]:
    """ "22%", "11,4% más", "5 por ciento", "menos del 10%", "del 7% al 3%" (and each of its
    ends, for a question that gives one: «¿Hasta cuánto bajó desde el 7%?» -> "3%")."""
    out = []
    for m in _PERCENT_RE.re.finditer(text):
        out.append(m.span())
        if m.group("change"):
            out += [
                (m.start() + a.start(), m.start() + a.end())
                for a in _SHARE_RE.re.finditer(m.group())
            ]
    return out


def money(text: str) -> list[tuple[int, int]]:
    """ "3,40 euros", "12,8 euros por metro cuadrado", "450.000 pesos mensuales"."""
    return [m.span() for m in _MONEY_RE.re.finditer(text)]


def scaled(text: str) -> list[tuple[int, int]]:
    """Spans of sums given with their scale and no currency ("410 millones", "dos mil")."""
    return [m.span() for m in _SCALED_RE.re.finditer(text)]


def amounts(text: str) -> list[tuple[int, int]]:
    """Money and measures: "3,40 euros", "287 litros por metro cuadrado", "11,6 kilómetros"."""
    return money(text) + [m.span() for m in _MEASURE_RE.re.finditer(text)]


def is_unit(text: str) -> bool:
    """Whether ``text`` ends in a unit of time, measure or money ("tres meses", "60 kilómetros
    por hora", "3,40 euros")."""
    return any(m.end() == len(text) for m in _DURATION_RE.re.finditer(text)) or any(
        m.span() == (0, len(text)) for r in (_MONEY_RE, _MEASURE_RE) for m in r.re.finditer(text)
    )


def is_year(text: str) -> bool:
    return bool(_YEAR_RE.re.match(text))


def counts(text: str, function_words: frozenset[str]) -> list[tuple[int, int]]:
    """Numbers with the noun they count, when one follows: "catorce barrios", "241", "2,1
    millones de viajeros", "uno de cada cinco locales". A bare year ("2015") is left out."""
    out = [m.span() for m in _PROPORTION_RE.re.finditer(text)]
    for m in _COUNT_RE.re.finditer(text):
        start, end = m.span()
        if any(s <= start < e for s, e in out):
            continue
        noun = m.group("noun")
        if noun is not None and re.fullmatch(_MONTH, noun.lower()):
            continue  # "10 de agosto" is a date
        if noun is not None and noun.lower() in function_words:
            end = m.start("noun")
            # "17 de sus 27": the "de" before a function word is not part of the count.
            end = len(text[:end].rstrip())
            if text[:end].lower().endswith(" de"):
                end -= 3
        core = text[start:end].strip()
        if is_year(core) or not core:
            continue
        out.append((start, end))
    return out


def dates(text: str) -> list[tuple[int, int]]:
    """ "el 1 de marzo de 2024", "la madrugada del 9 de junio de 2019", "en 1631", "el lunes
    por la tarde", "en marzo de 2019", "a finales de octubre", "los años 70", "el siglo XV",
    "recientemente", "el año pasado", "hace tres años"; a month alone only in lowercase («Julio
    Pérez» is no date)."""
    return [m.span() for m in _DATE_RE.re.finditer(text)]


_NEXT_WORD_RE = Lazy(r"\s+([^\W\d_]+)")
# Words in -s after an hour that count nothing: «a las 20 mientras…», «a las 10 menos cuarto».
_NOT_COUNTED = frozenset(
    "horas menos mas más mientras tras después despues antes además ademas apenas entonces "
    "pues".split()
)


def hours(text: str, function_words: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """ "a las 6.12 horas", "hacia las 15.40", "poco después de las 22", "a las diez de la
    mañana"; not a count of the things a plural noun after it names («de las 12 bancas», «las 37
    empresas»; «a las 20 mientras…» is an hour: ``function_words`` are no nouns)."""
    out = []
    for m in _HOUR_RE.re.finditer(text):
        if m.group("clock") is None:  # in words, with the part of the day: an hour
            out.append(m.span())
            continue
        after = _NEXT_WORD_RE.re.match(text, m.end("clock"))  # right after the figure
        word = after.group(1).lower() if after else ""
        plural = len(word) > 3 and word.endswith("s")  # «dos», «tres» count nothing here
        if plural and word not in function_words and word not in _NOT_COUNTED:
            continue
        out.append(m.span())
    return out


def durations(text: str) -> list[tuple[int, int]]:
    """ "nueve días", "seis años y tres meses", "entre 30 y 40 años", "4 y 7 años", "41 años"; not a clock
    time ("a las 6.12 horas")."""
    return [
        m.span()
        for m in _DURATION_RE.re.finditer(text)
        if not (
            _CLOCK_BEFORE_RE.re.search(text[max(0, m.start() - 8) : m.start()])
            and re.match(r"\d{1,2}(?:[.:]\d{2})?\s+(?:horas?|h)\b", m.group())
        )
    ]
