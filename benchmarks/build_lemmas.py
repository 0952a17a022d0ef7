"""Build qa_bot/data/lemas-es.tsv: Spanish word forms whose lemma qa-bot's stemmer does not reach.

A data build step, not part of the runtime: it needs simplemma (its Spanish dictionary, read at
build time only) and the `bench` extra (wordfreq). Each line is `form<TAB>lemma`, lowercase NFC.

Two sections, one line per form (the derivations win where both give a form):

1. Inflections, from simplemma's Spanish form -> lemma dictionary, for the words of wordfreq's
   --words most frequent Spanish words (default 150k), keeping a pair only if
   - qa-bot's stem of the form differs from the lemma's (`detuvieron` detuv / `detener` deten,
     `murió` mur / `morir` mor): pairs that already share a stem (`detenidos`, `detenía`) add
     nothing to a stemmed index;
   - neither is a qa-bot stopword, and a pronominal lemma loses its "se" (usarse -> usar);
   - the lemma is a word in its own right (wordfreq zipf >= 2.0) and not far rarer than the form
     (zipf(form) - zipf(lemma) <= 2.0): this drops the dictionary's guesses for names, abbreviations
     and misspellings (afuera -> aforar, otan -> otar, vendría -> vener, presidió -> pesidir);
   - the form is not an unaccented spelling of a more frequent accented word (linea -> linear,
     republica -> republicar, eramos -> erar);
   - the form is not one of a few reviewed errors (REJECT_FORMS).
2. Derivations the lemmatizer does not give (noun/adjective -> verb): detención -> detener,
   muerte -> morir, elección -> elegir. Semi-automatic: a noun among the frequent words (zipf >= 3.0)
   with one of the suffixes in DERIVATION_RULES whose root plus a verb ending is a simplemma lemma of
   zipf >= 2.5 (detención = dete+nción -> dete+ner); every such pair was read, the wrong ones are in
   REJECT_DERIVATIONS. Then the hand list HAND (irregular nouns, agent nouns, irregular
   participles, and fixes of simplemma errors). Each noun also brings its frequent plural
   (elecciones -> elegir). Again only pairs whose stems differ are written.

    python benchmarks/build_lemmas.py [--words 150000]
"""

from __future__ import annotations

import argparse
from importlib.metadata import version
from pathlib import Path

from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory
from wordfreq import top_n_list, zipf_frequency

try:
    from qa_bot.analysis import fold, normalize, stem, stopwords
except ImportError:  # the modules are moving into subfolders
    from qa_bot.text.analysis import fold, normalize, stem, stopwords  # type: ignore[no-redef]

DATA = Path(__file__).resolve().parent.parent / "qa_bot" / "data"
OUT = DATA / "lemas-es.tsv"

MIN_LEMMA_ZIPF = 2.0
MAX_ZIPF_GAP = 2.0
MIN_NOUN_ZIPF = 3.0
MIN_VERB_ZIPF = 2.5

# simplemma pairs read and found wrong (the right lemma, where there is one, is in HAND).
REJECT_FORMS = frozenset(
    "is id ta ac are vete viste visto vistos revoluciones vacías miento mienten mienta mientan"
    " ms gr min cap art sep pág nº".split()
)

# noun suffix -> verb endings tried on the root (the noun minus the suffix), in this order.
DERIVATION_RULES = (
    ("ación", ("ar",)),
    ("ición", ("ir", "er")),
    ("ución", ("uir", "ver", "utar")),
    ("cción", ("cir", "ir", "ger", "gir", "ctar", "er")),
    ("pción", ("bir", "ptar", "mpir", "mper")),
    ("nción", ("ner", "nir", "nder", "ntar", "nguir", "mir")),
    ("sión", ("tir", "dir", "ir", "der", "sar", "er", "mir", "ndir", "ter")),
    ("amiento", ("ar",)),
    ("imiento", ("er", "ir")),
    ("anza", ("ar",)),
    ("encia", ("ir", "er")),
    ("ancia", ("ar",)),
    ("aje", ("ar",)),
)

# Rule output read and rejected: a different word that only looks derived (estación/estar,
# lesión/leer, follaje/follar), or a relation too loose for news (competencia/competir,
# sentencia/sentir, incidencia/incidir).
REJECT_DERIVATIONS = frozenset(
    """situación población diferencia versión revolución estación competencia intención valencia
    conferencia sentencia emergencia pasión tensión profesión oración inflación lección mención
    convención instancia herencia estancia salvaje pasaje traición pensión precisión lesión
    constancia expedición fusión aviación procesión equipaje trabaje cesión tracción decencia
    paraje ponencia regimiento regencia cocción colación perdición casación constanza pelaje
    follaje vagancia dolencia mandamiento acepción incisión infusión ascendencia descendencia
    ocurrencia correspondencia incidencia prestación consistencia trascendencia reportaje fianza
    partición""".split()
)

# Irregular derivations, agent nouns, irregular participles and fixes (form lemma, one per pair).
HAND = """
muerte morir  muerto morir  muertos morir  muerta morir  muertas morir
venta vender  ventas vender  vendedor vender  vendedores vender
pago pagar  compra comprar  robo robar  ataque atacar  choque chocar  golpe golpear
cierre cerrar  apertura abrir  prueba probar  pruebas probar  vuelo volar  vuelos volar
vuelta volver  regreso regresar  muestra mostrar  encuentro encontrar  acuerdo acordar
recuerdo recordar  juego jugar  respuesta responder  propuesta proponer  apuesta apostar
oferta ofrecer  defensa defender  defensor defender  ofensa ofender  huida huir  caída caer
búsqueda buscar  juicio juzgar  juez juzgar  gobierno gobernar  despido despedir
pedido pedir  petición pedir  persecución perseguir  recepción recibir  receptor recibir
percepción percibir  impresión imprimir  dirección dirigir  director dirigir  directora dirigir
conductor conducir  elector elegir  electo elegir  electa elegir  lector leer  lectura leer
escritor escribir  escritora escribir  escritura escribir  productor producir
productora producir  inversor invertir  inversores invertir  constructor construir
constructora construir  protector proteger  traductor traducir  instructor instruir
emisor emitir  presidente presidir  presidenta presidir  dirigente dirigir  residente residir
asistente asistir  agresor agredir  sucesor suceder  sucesora suceder  vencedor vencer
perdedor perder  pérdida perder  pérdidas perder  solicitud solicitar  adquisición adquirir
comienzo comenzar  aparición aparecer  desaparición desaparecer  servicio servir
lluvia llover  lluvias llover  ascenso ascender  descenso descender  préstamo prestar
hallazgo hallar  recuento recontar  victoria vencer  superviviente sobrevivir
supervivientes sobrevivir  testigo testificar  hecho hacer  dicho decir  escrito escribir
abierto abrir  abierta abrir  cubierto cubrir  descubierto descubrir  impreso imprimir
resuelto resolver  roto romper  rota romper  vuelto volver  devuelto devolver
propuesto proponer  satisfecho satisfacer  visto ver  vistos ver  viste ver  vete ir
miento mentir  mienten mentir  mienta mentir  mientan mentir
"""


def simplemma_es() -> dict[str, str]:
    """simplemma's Spanish dictionary (form -> lemma) as shipped in the package."""
    return dict(DefaultDictionaryFactory().get_dictionary("es").items())


def frequent_words(count: int) -> list[str]:
    """wordfreq's `count` most frequent Spanish words that are single words, lowercase NFC."""
    words = (normalize(w).lower() for w in top_n_list("es", count))
    return [w for w in words if w.isalpha()]


def zipf(word: str) -> float:
    return zipf_frequency(word, "es")


def plain_lemma(lemma: str) -> str:
    """A pronominal verb without its "se" (usarse -> usar); other lemmas as they are."""
    lemma = normalize(lemma).lower()
    return lemma[:-2] if lemma.endswith(("arse", "erse", "irse")) else lemma


def inflections(words: list[str], lemmas: dict[str, str]) -> dict[str, str]:
    """Section 1: frequent forms whose simplemma lemma has another stem (see the module doc)."""
    stop = stopwords()
    spelling: dict[str, str] = {}  # folded -> most frequent spelling (words come by frequency)
    for word in words:
        spelling.setdefault(fold(word), word)
    out: dict[str, str] = {}
    for form in words:
        lemma = lemmas.get(form)
        if lemma is None or form in REJECT_FORMS:
            continue
        lemma = plain_lemma(lemma)
        if lemma == form or not lemma.isalpha() or stem(lemma) == stem(form):
            continue
        if fold(form) in stop or fold(lemma) in stop:
            continue
        if zipf(lemma) < MIN_LEMMA_ZIPF or zipf(form) - zipf(lemma) > MAX_ZIPF_GAP:
            continue
        if form == fold(form) and spelling[fold(form)] != form:
            continue
        out[form] = lemma
    return out


def derivation_candidates(words: list[str], verbs: set[str]) -> list[tuple[str, str]]:
    """(noun, verb) pairs from DERIVATION_RULES, before review."""
    pairs = []
    for noun in words:
        if zipf(noun) < MIN_NOUN_ZIPF:
            continue
        for suffix, endings in DERIVATION_RULES:
            if noun.endswith(suffix):
                root = noun[: -len(suffix)]
                found = [root + e for e in endings if len(root) >= 2 and root + e in verbs]
                if found:
                    pairs.append((noun, max(found, key=zipf)))
                break
    return pairs


def plurals(noun: str, known: set[str]) -> list[str]:
    """The frequent plurals of a noun: elección -> elecciones, muerte -> muertes."""
    guesses = [noun + "s", noun + "es"]
    if noun.endswith(("ción", "sión")):
        guesses.append(noun[:-2] + "ones")
    return [g for g in guesses if g in known]


def derivations(words: list[str], lemmas: dict[str, str]) -> dict[str, str]:
    """Section 2: derived word -> verb, for the pairs whose stems differ."""
    verbs = {
        lemma
        for lemma in map(plain_lemma, set(lemmas.values()))
        if lemma.endswith(("ar", "er", "ir")) and zipf(lemma) >= MIN_VERB_ZIPF
    }
    auto = [(n, v) for n, v in derivation_candidates(words, verbs) if n not in REJECT_DERIVATIONS]
    hand_items = HAND.split()
    hand = list(zip(hand_items[::2], hand_items[1::2], strict=True))
    known = set(words)
    out: dict[str, str] = {}
    conflated = []
    for noun, verb in auto + hand:
        for form in [noun, *plurals(noun, known)]:
            if stem(form) == stem(verb):
                if form == noun:
                    conflated.append(f"{noun}>{verb}")
                continue
            out[form] = verb
    print(
        f"derivations: {len(auto)} from the rules after review, {len(hand)} by hand; "
        f"{len(conflated)} of them share a stem already, e.g. "
        + " ".join(c for c in conflated if c.split(">")[0] in dict(hand))[:300]
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=150_000)
    args = parser.parse_args()
    words = frequent_words(args.words)
    lemmas = {normalize(k).lower(): v for k, v in simplemma_es().items() if k == k.lower()}
    inflected = inflections(words, lemmas)
    derived = derivations(words, lemmas)
    for form in derived:
        inflected.pop(form, None)
    with OUT.open("w", encoding="utf-8", newline="\n") as out:
        out.write(
            f"# source=simplemma {version('simplemma')} (MIT; its Spanish data from lemmatization"
            f" lists, see LICENSE-lemas.txt) + wordfreq {version('wordfreq')} top={args.words}"
            " (data CC BY-SA 4.0) + hand-reviewed derivations\n"
        )
        out.write("# inflections: form<TAB>lemma where qa-bot's stems differ\n")
        for form in sorted(inflected):
            out.write(f"{form}\t{inflected[form]}\n")
        out.write("# derivations: noun/participle<TAB>verb (benchmarks/build_lemmas.py)\n")
        for form in sorted(derived):
            out.write(f"{form}\t{derived[form]}\n")
    print(
        f"{len(inflected)} inflections + {len(derived)} derivations, "
        f"{OUT.stat().st_size} bytes -> {OUT}"
    )


if __name__ == "__main__":
    main()
