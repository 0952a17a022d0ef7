"""Short forms readers type for a word the article spells out: «peli» for «película», «km» for
«kilómetros», «ayto» for «Ayuntamiento», «finde» for «fin de semana».

Written by hand: clippings of colloquial Spanish and the abbreviations of units and institutions
that readers use in chats across Spain and Latin America («la muni», «el insti», «la poli»). A
short form the corpus itself uses stays as it is (``spelling.resolve`` asks here only for terms
the corpus lacks); otherwise it stands for the first of its full forms the corpus holds.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from qa_bot.text.analysis import stem

# The short form, folded (lowercase, no accents), and the full forms it may stand for, most
# likely first; its plural («pelis», «kms») is looked up by the singular. «finde» is looked up by
# «semana», the word of «fin de semana» that says it.
CLIPPINGS: dict[str, tuple[str, ...]] = {
    "km": ("kilómetros",),
    "kg": ("kilos", "kilogramos"),
    "cm": ("centímetros",),
    "mm": ("milímetros",),
    "hrs": ("horas",),
    "hs": ("horas",),
    "min": ("minutos",),
    "seg": ("segundos",),
    "mill": ("millones",),
    "ayto": ("ayuntamiento",),
    "ayunt": ("ayuntamiento",),
    "muni": ("municipalidad", "municipio"),
    "peli": ("película",),
    "poli": ("policía", "polideportivo"),
    "profe": ("profesor", "profesora"),
    "insti": ("instituto",),
    "cole": ("colegio",),
    "uni": ("universidad",),
    "bici": ("bicicleta",),
    "tele": ("televisión",),
    "finde": ("semana",),
    "info": ("información",),
    "expo": ("exposición",),
    "mani": ("manifestación",),
    "depto": ("departamento",),
    "dpto": ("departamento",),
    "gob": ("gobierno",),
    "presi": ("presidente", "presidenta"),
    "pdte": ("presidente",),
    "pdta": ("presidenta",),
    "cia": ("compañía",),
    "admin": ("administración",),
    "tfno": ("teléfono",),
    "tlf": ("teléfono",),
    "ambu": ("ambulancia",),
    "dire": ("director", "directora"),
    "cumple": ("cumpleaños",),
    "mates": ("matemáticas",),
    "docu": ("documental",),
    "bus": ("autobús", "autobuses", "ómnibus"),
    "super": ("supermercado",),
    "compa": ("compañero", "compañera"),
}


def unclipped(folded: str, vocab: Collection[str], plain_stems: Mapping[str, str]) -> str | None:
    """The corpus term of the first full form of the short form ``folded`` that the corpus holds,
    or None (not a short form, or none of its full forms is there)."""
    # a plural short form stands for its singular's full forms, which share their stem
    for full in CLIPPINGS.get(folded) or CLIPPINGS.get(folded.removesuffix("s"), ()):
        term = stem(full)
        term = term if term in vocab else plain_stems.get(term, term)
        if term in vocab:
            return term
    return None
