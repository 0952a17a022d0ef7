"""A count of people: what «¿Cuánta gente…?» and «¿Cuántas personas…?» ask. Readers say «gente»
or «personas»; the article counts «1.400 vecinos», «214 vigilantes», «nueve investigadores». Such a
count answers the question as if it said «gente»: in the sentence chosen
(``people_counted``), in the count asked (``count_asked.gives_count_of_asked``) and in the
support (``support._people_counted``)."""

from __future__ import annotations

from qa_bot.answer.counted import counted_noun
from qa_bot.answer.quantities import is_quantity
from qa_bot.text.analysis import stem
from qa_bot.text.question import ParsedQuestion
from qa_bot.text.sentences import AnalyzedSentence

# Readers' words for young people and workers, which the article seldom uses: «cuantos
# chiquillos se quedaron sin clases», «cuantos curritos van a hacer falta» are answered by its
# «6.900 estudiantes», «1.200 técnicos», though the passage never says them.
PEOPLE_SLANG = frozenset(
    "chiquillos chiquillas chavales chavalas crios crias pibes pibas cabros pelaos chamacos "
    "gurises curritos currantes".split()
)
# The stems a count of people is asked by: «gente», «personas», and the readers' words above.
PEOPLE_ASKED = frozenset(("gent", "person", *(stem(w) for w in PEOPLE_SLANG)))

# Plural nouns (folded) that news count people by: who lives, works, votes, is hurt or arrested,
# takes part or watches. A closed list: a suffix («-dores», «-antes») names as many things
# («ordenadores», «restaurantes»). Not «habitantes»: «una ciudad de 94.000 habitantes» is how big
# a place is, not who came to vote; only those asked where they live («cuanta gente vive allí»).
PEOPLE_NOUNS = frozenset(
    """
    personas vecinos vecinas ciudadanos ciudadanas familias
    ninos ninas menores jovenes mayores ancianos ancianas adultos mujeres hombres alumnos alumnas
    estudiantes escolares trabajadores trabajadoras empleados empleadas operarios obreros
    agentes policias guardias bomberos efectivos militares soldados medicos medicas enfermeros
    enfermeras sanitarios pacientes heridos heridas muertos muertas fallecidos fallecidas
    victimas detenidos detenidas arrestados arrestadas afectados afectadas desalojados
    evacuados desplazados refugiados migrantes inmigrantes emigrantes votantes electores
    asistentes participantes visitantes turistas usuarios usuarias clientes pasajeros viajeros
    espectadores aficionados hinchas socios socias abonados invitados voluntarios voluntarias
    aspirantes candidatos candidatas opositores jugadores jugadoras corredores corredoras
    investigadores investigadoras cientificos cientificas expertos expertas profesionales
    docentes profesores profesoras maestros maestras funcionarios funcionarias temporeros
    jornaleros agricultores ganaderos pescadores miembros integrantes manifestantes concejales
    diputados vigilantes inscritos inscritas matriculados beneficiarios solicitantes compradores
    inquilinos propietarios pensionistas jubilados parados desempleados autonomos intoxicados
    contagiados infectados enfermos ingresados hospitalizados rescatados supervivientes
    desaparecidos acusados condenados presos internos reclusos vendedores comerciantes
    """.split()
)

# Who lives in a place, and how a question says they live there («cuanta gente vive allí»).
INHABITANTS = frozenset("habitantes pobladores residentes empadronados".split())
LIVE = frozenset("vive viven vivia vivian habita habitan".split())


def people_asked(question: ParsedQuestion) -> tuple[str, frozenset[str]] | None:
    """For «¿Cuánta gente…?», «¿Cuántas personas…?»: the stem asked and the nouns that count
    those people (INHABITANTS too when it asks who lives somewhere); None otherwise."""
    counted = counted_noun(question)
    if counted not in PEOPLE_ASKED:
        return None
    lives = any(w in LIVE for w in question.words)
    return counted, PEOPLE_NOUNS | INHABITANTS if lives else PEOPLE_NOUNS


def people_counted(sentence: AnalyzedSentence, nouns: frozenset[str]) -> set[int]:
    """Where ``sentence`` counts people: the starts of its ``nouns``
    (``people_asked``) right after a quantity or one word past it («1.400
    vecinos», «unos 300 nuevos socios», «once familias»)."""
    words = sentence.words
    return {
        t.start
        for k, t in enumerate(words)
        if t.folded in nouns and any(is_quantity(w.folded) for w in words[max(0, k - 2) : k])
    }
