"""The answer phrase: one hand-made sentence per answer type, and sentences that must show none."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa_bot.answer.nearness import distance_to
from qa_bot.answer.phrase import answer_span
from qa_bot.text.question import parse_question
from qa_bot.text.sentences import analyze_sentences


def phrase(question: str, sentence: str) -> str | None:
    analyzed = analyze_sentences(sentence)[0]
    span = answer_span(parse_question(question), analyzed)
    return None if span is None else analyzed.text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # quién: a name that is not the question's
        (
            "¿Quién es el consejero delegado de Vitalia?",
            "Lo señaló el consejero delegado de Vitalia, Fernando Aguirre, en un comunicado.",
            "Fernando Aguirre",
        ),
        # cuándo: a date, a year, a day and its part
        (
            "¿Cuándo murió el pintor?",
            "El pintor murió la madrugada del 9 de junio de 2019 en su casa.",
            "la madrugada del 9 de junio de 2019",
        ),
        ("¿Cuándo murió Van der Hamen?", "Van der Hamen murió joven, en 1631.", "en 1631"),
        # the first of the month as an ordinal (Rioplatense, Andean)
        (
            "¿Desde cuándo sube el boleto?",
            "El boleto sube de 55 a 64 pesos a partir del 1.º de abril.",
            "del 1.º de abril",
        ),
        ("¿Cuándo es el paro?", "El paro será el 1° de mayo en todo el país.", "el 1° de mayo"),
        (
            "¿Cuándo volvieron los vecinos a casa?",
            "Los vecinos volvieron a casa el lunes por la tarde.",
            "el lunes por la tarde",
        ),
        # cuánto / cuántos: the number and its unit
        (
            "¿Cuánto costó la reforma del mercado?",
            "La reforma del mercado costó 2,3 millones de euros.",
            "2,3 millones de euros",
        ),
        (
            "¿Cuántos barrios declara tensionados el pleno?",
            "El pleno declara tensionados a catorce barrios de la ciudad.",
            "catorce barrios",
        ),
        (
            "¿Cuál es el precio medio del alquiler?",
            "El precio medio del alquiler alcanzó los 12,8 euros por metro cuadrado en febrero.",
            "12,8 euros por metro cuadrado",
        ),
        # dónde: a place with its preposition
        (
            "¿Dónde estudió Valeria Quiroga?",
            "Valeria Quiroga estudió Derecho en la Universidad Nacional de Córdoba.",
            "en la Universidad Nacional de Córdoba",
        ),
        # qué edad, cómo se llama, por qué
        (
            "¿Qué edad tiene Marta Llaneza?",
            "Marta Llaneza, de 47 años, recogió el premio.",
            "47 años",
        ),
        (
            "¿Cómo se llama la rectora de la universidad?",
            "La rectora de la universidad, Ana Isabel Lorenzo, presentó el grado.",
            "Ana Isabel Lorenzo",
        ),
        (
            "¿Por qué valen tanto los datos de salud?",
            "Los datos de salud valen mucho porque no caducan, explica la experta.",
            "porque no caducan",
        ),
        # cuándo: a month alone, a decade; cuánto tiempo: an abbreviated unit
        (
            "¿Cuándo se supo la noticia?",
            "La noticia se supo en marzo, según el diario.",
            "en marzo",
        ),
        (
            "¿En qué década terminó la cadena la transición al color?",
            "La cadena terminó la transición al color en los años 70.",
            "en los años 70",
        ),
        (
            "¿Cuánto tiempo quedaba de partido?",
            "Quedaban 3 min de partido cuando marcó Denver.",
            "3 min",
        ),
        # A relative time answers «¿cuándo?» when no date does.
        (
            "¿Cuándo visitó el ministro Corea del Norte?",
            "El ministro recientemente visitó Corea del Norte, el primero en hacerlo desde el fin de la Unión Soviética en 1991.",
            "recientemente",
        ),
        # The figure, not the aside that explains it.
        (
            "¿Cuántos fueron por impago?",
            "Hubo 312 lanzamientos, de los cuales 241 —más de tres de cada cuatro— por impago.",
            "241",
        ),
        ("¿Cuántos fueron por impago?", "Hubo 312 lanzamientos, 241 (el 77 %) por impago.", "241"),
        # A later «que» is a relative pronoun: the sum is no count of «recibió».
        (
            "¿De cuánto fue la subvención que recibió la empresa?",
            "La empresa recibió una subvención de 2,3 millones de euros.",
            "2,3 millones de euros",
        ),
        # A month with its year after «a finales de»; a capitalized month is a name.
        (
            "¿Cuándo cerró la fábrica?",
            "La fábrica cerró a finales de marzo de 2019, tras años de pérdidas.",
            "a finales de marzo de 2019",
        ),
        # A clock time is no span of time, but «las dos semanas» are one.
        (
            "¿Cuánto duró la huelga?",
            "Las dos semanas de huelga paralizaron el puerto.",
            "dos semanas",
        ),
        (
            "¿Cuánto duró el viaje?",
            "El viaje duró desde las 6.12 horas hasta 14 minutos después.",
            "14 minutos",
        ),
        # A quoted name, then «de» and a place: where it is (no comma: no author).
        (
            "¿Dónde se celebra el festival Sonorama?",
            "El festival «Sonorama» de Aranda de Duero reunió a 40.000 personas.",
            "de Aranda de Duero",
        ),
        # qué + verb: what follows the verb
        (
            "¿Qué consiguieron copiar los atacantes?",
            "Desde allí consiguieron copiar una base de datos de clientes que no estaba cifrada.",
            "una base de datos de clientes",
        ),
    ],
)
def test_each_answer_type(question: str, sentence: str, expected: str) -> None:
    assert phrase(question, sentence) == expected


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # The figure with the question's words right after it, as the question counts it.
        (
            "¿Cuántos médicos residentes se incorporan?",
            "En septiembre se incorporan 14 médicos residentes al hospital.",
            "14 médicos residentes",
        ),
        (
            "¿Cuántos nuevos contratos firmaron?",
            "Los acusados firmaron 412 nuevos contratos en un año.",
            "412 nuevos contratos",
        ),
        # ...but not a verb after it, nor a word past a function word.
        (
            "¿Cuántos pacientes llevan más de seis meses esperando?",
            "Hoy 2.310 pacientes llevan más de seis meses esperando.",
            "2.310 pacientes",
        ),
        (
            "¿Cuántos médicos tiene la plantilla?",
            "El hospital tiene 90 médicos en la plantilla.",
            "90 médicos",
        ),
        # A part of a whole counts what the whole counts; the whole when it is asked.
        (
            "¿Cuántos concejales apoyaron la propuesta?",
            "El pleno la aprobó con los votos de 17 de sus 27 concejales.",
            "17",
        ),
        (
            "¿Cuántos trabajadores serán despedidos?",
            "El cierre supondrá el despido de 284 de sus 312 trabajadores.",
            "284",
        ),
        (
            "¿Cuántos concejales tiene el pleno?",
            "El pleno la aprobó con los votos de 17 de sus 27 concejales.",
            "27 concejales",
        ),
        # A share or a sum with what bounds it.
        (
            "¿Qué parte del poliuretano se recicla?",
            "En España se recicla menos del 10% del poliuretano de los colchones.",
            "menos del 10%",
        ),
        (
            "¿En cuánto cifró el consejero los daños?",
            "El consejero cifró los daños en al menos 12 millones de euros.",
            "al menos 12 millones de euros",
        ),
        # An office's holder: the person, past the place in the question.
        (
            "¿Cómo se llama el gobernador del Huila?",
            "El gobernador del Huila, Andrés Gutiérrez Polanía, firmó el acuerdo en Neiva.",
            "Andrés Gutiérrez Polanía",
        ),
        # ...but a person's name after the article's noun is someone.
        (
            "¿Quién entrena a la atleta etíope?",
            "A la atleta etíope la entrena el italiano Marco Fassetti desde 2019.",
            "Marco Fassetti",
        ),
        # A team or a company asked with «¿Quién…?» may be a single word an article opens.
        (
            "¿Quién fue el equipo campeón de la final?",
            "El equipo campeón de la final fueron los Broncos, que ganaron por 24 a 10.",
            "Broncos",
        ),
        # An hour is still an hour.
        (
            "¿A qué hora salió el tren?",
            "El tren salió a las 6.12 horas con 143 viajeros.",
            "a las 6.12 horas",
        ),
        # A currency of Latin American news is money.
        (
            "¿Cuánto cobran las canoas por viaje?",
            "Los vecinos alquilan canoas a 20.000 guaraníes por viaje para cruzar el río.",
            "20.000 guaraníes por viaje",
        ),
        # An hour in words, with the part of the day; «las dos» alone counts two things.
        (
            "¿A qué hora es la reunión con el mediador?",
            "La reunión con el mediador será el jueves a las diez de la mañana en su sede.",
            "a las diez de la mañana",
        ),
        (
            "¿A qué hora saldrá la manifestación?",
            "Las dos centrales sindicales convocan la manifestación, que saldrá a las siete y "
            "media de la tarde.",
            "a las siete y media de la tarde",
        ),
        # A part of a whole with a compound numeral; a change from one share to another; two
        # ages; a figure with a thousands point inside an object.
        (
            "¿Cuántas compañías van a seguir con la semana de cuatro días?",
            "Treinta y tres de las 37 empresas del programa seguirán con la semana de cuatro días.",
            "Treinta y tres de las 37 empresas",
        ),
        (
            "¿Cuánto ha bajado el absentismo en la fábrica?",
            "En la fábrica, el absentismo bajó del 7% al 3% en un año.",
            "del 7% al 3%",
        ),
        (
            "¿Qué edad tienen los niños de Silvia?",
            "Silvia es madre de dos niños de 4 y 7 años.",
            "4 y 7 años",
        ),
        (
            "¿Qué incluye el acuerdo con la Gobernación?",
            "El acuerdo con la Gobernación incluye un apoyo de 80.000 pesos por carga.",
            "un apoyo de 80.000 pesos por carga",
        ),
        # A figure whose noun is left out after an earlier count of it.
        (
            "¿Cuántos votos obtuvo Héctor Ledesma?",
            "Quiroga obtuvo 31.240 votos, contra los 23.650 del oficialista Héctor Ledesma.",
            "23.650",
        ),
        # «¿Qué capacidad…?» is not answered by a count of the question's own subject.
        (
            "¿Qué capacidad tienen los convoyes?",
            "Los seis convoyes de la línea tienen capacidad para 380 viajeros.",
            "380 viajeros",
        ),
        (
            "¿Qué número de votos obtuvo Quiroga?",
            "Quiroga obtuvo 31.240 votos en la elección del domingo.",
            "31.240 votos",
        ),
        # «¿Cuánto plazo…?», «¿Cuánta pena…?» ask a span of time, not a count.
        (
            "¿Cuánto plazo tienen los vendedores?",
            "Los 150 vendedores tienen un plazo de 15 días para irse.",
            "15 días",
        ),
        # qué + verb: past a short aside, a completive «que», a quotation.
        (
            "¿Qué propone el PP?",
            "El PP propone, en cambio, bonificar el IBI a los propietarios que alquilen barato.",
            "bonificar el IBI a los propietarios",
        ),
        (
            "¿Qué reclama el sindicato?",
            "El sindicato reclama que el límite se extienda a los contratos de temporada, dijo.",
            "que el límite se extienda a los contratos de temporada",
        ),
        (
            "¿Qué pidió la asociación al gobierno?",
            "La asociación pidió al gobierno «usar todas las herramientas legales» para reabrirlo.",
            "usar todas las herramientas legales",
        ),
    ],
)
def test_the_phrase_says_it_as_the_question_does(
    question: str, sentence: str, expected: str
) -> None:
    assert phrase(question, sentence) == expected


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # Two statements joined by «mientras que»: the name in the one about the prize asked.
        (
            "¿Quién ganó el premio al mejor guion?",
            "El premio del público fue para «La marea», de Ana Ruiz, mientras que el premio al "
            "mejor guion recayó en el chileno Pablo Lagos por «Sal».",
            "Pablo Lagos",
        ),
        (
            "¿Quién ganó el premio del público?",
            "El premio del público fue para «La marea», de Ana Ruiz, mientras que el premio al "
            "mejor guion recayó en el chileno Pablo Lagos por «Sal».",
            "Ana Ruiz",
        ),
        # Two amounts, each in the clause that says what it pays for.
        (
            "¿Cuánto costó la reforma de la lonja?",
            "Las obras del puerto costaron 12 millones de euros, mientras que la reforma de la "
            "lonja se llevó 3,5 millones.",
            "3,5 millones",
        ),
        (
            "¿Cuántos años de cárcel le cayeron a Luis Ferrán?",
            "El exalcalde fue condenado a seis años de cárcel, mientras que su jefe de gabinete, "
            "Luis Ferrán, deberá cumplir dos años.",
            "dos años",
        ),
        # «, cuando …» tells the time just named: no new statement.
        (
            "¿Cuándo se inauguró la línea?",
            "Las obras empezaron en 2015, cuando se inauguró la línea de autobús, y terminaron "
            "en 2019.",
            "en 2015",
        ),
        # A date before «y» and the question's verb is the first verb's.
        (
            "¿Cuándo reformaron el edificio?",
            "El edificio, construido en 1931 y reformado por última vez en 2009 con una "
            "inversión de 310.000 euros, pasará al ayuntamiento.",
            "en 2009",
        ),
        (
            "¿Cuándo construyeron el edificio?",
            "El edificio, construido en 1931 y reformado por última vez en 2009 con una "
            "inversión de 310.000 euros, pasará al ayuntamiento.",
            "en 1931",
        ),
    ],
)
def test_the_clause_that_says_what_is_asked(question: str, sentence: str, expected: str) -> None:
    assert phrase(question, sentence) == expected


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # No span of the kind asked.
        ("¿Cuándo abrió el museo?", "El museo abrió con una gran fiesta popular."),
        # «¿Quién…?» asks for someone: a single word an article opens is an institution.
        (
            "¿Quién entrena a la atleta etíope?",
            "La atleta etíope cruzó la meta de la plaza de la Alameda en 2:24:15.",
        ),
        # «las 37 empresas» is a count, not an hour.
        (
            "¿Cuándo empezó el programa piloto?",
            "Treinta y tres de las 37 empresas del programa piloto seguirán con él.",
        ),
        # An office asks a person's name: not a court, nor a place an article opens.
        (
            "¿Cómo se llama el ministro que redactó el fallo?",
            "En un fallo unánime, la Primera Sala del tribunal consideró que hubo abuso.",
        ),
        (
            "¿Cómo se llama el gobernador del Huila?",
            "Los caficultores de El Cedral, en el sur del Huila, levantaron el bloqueo.",
        ),
        # Only the question's own words: the name is the one asked about.
        ("¿Quién es el abogado de Eduardo Montaner?", "El abogado de Eduardo Montaner recurrirá."),
        # A description, not a name, is asked: no kind is clear.
        (
            "¿Qué cargo tiene Shoigu?",
            "Sergei Shoigu, el ministro de Defensa ruso, viajó a Pyongyang.",
        ),
        # «¿Con quién…?» asks for the company, not for the subject's name.
        (
            "¿Con quién viajó la alcaldesa?",
            "La alcaldesa, Natalia Chueca, viajó con doscientos vecinos.",
        ),
        # A price is asked: a length is no answer.
        (
            "¿Cuánto costó la línea?",
            "La línea, de 11,6 kilómetros, costó mucho más de lo previsto.",
        ),
        # «Julio» in «Julio Pérez» is a name, not a month.
        ("¿Cuándo dimitió el concejal?", "El concejal de Urbanismo, Julio Pérez, dimitió."),
        # Far from the question's words: a clause that holds them does not bring the span nearer.
        (
            "¿Cuántos kilómetros tiene la pasarela de Lagoa?",
            "La pasarela de Lagoa, cuya construcción arrancó tras años de reclamaciones vecinales "
            "y de sucesivos retrasos administrativos, recibió 300 quejas; el alcalde dimitió.",
        ),
        # «de» after a quoted title names its author, not where it is from.
        (
            "¿De dónde es el ganador del premio?",
            "El premio fue para la película «Tierra de nadie», de Tomás Echeverría.",
        ),
        # A number the question itself gives is no answer.
        ("¿Cuántos pasajeros tuvo en 2023?", "El aeropuerto tuvo récord de pasajeros en 2023."),
    ],
)
def test_no_phrase_when_unsure(question: str, sentence: str) -> None:
    assert phrase(question, sentence) is None


@given(
    words=st.lists(st.tuples(st.integers(0, 5), st.integers(1, 8)), min_size=1, max_size=30),
    span=st.tuples(st.integers(0, 300), st.integers(1, 40)),
)
def test_the_distance_to_the_nearest_question_word_is_the_brute_force_one(
    words: list[tuple[int, int]], span: tuple[int, int]
) -> None:
    # Question words in order, each after a gap and with a length; a span anywhere.
    starts, ends, at = [], [], 0
    for gap, length in words:
        starts.append(at + gap)
        ends.append(at + gap + length)
        at = at + gap + length
    a, b = span[0], span[0] + span[1]

    def gap_to(start: int, end: int) -> int:
        return a - end if end <= a else start - b if start >= b else 0

    expected = min(gap_to(s, e) for s, e in zip(starts, ends, strict=True))
    assert distance_to((a, b), starts, ends) == expected


def test_the_figures_of_a_code_count_nothing() -> None:
    # «CM-4017» is a road: «4017 golpeó» is no count of blows (nor of metres).
    sentence = analyze_sentences(
        "Una excavadora que ensanchaba la carretera CM-4017 golpeó una losa a apenas 60 "
        "centímetros de profundidad."
    )[0]
    assert answer_span(parse_question("¿Cuántas veces golpeó la excavadora?"), sentence) is None
    # A range of figures still counts: «30-40 personas».
    crowd = analyze_sentences("A la protesta fueron 30-40 personas.")[0]
    span = answer_span(parse_question("¿Cuántas personas fueron a la protesta?"), crowd)
    assert span is not None and "40 personas" in crowd.text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # The sentence's own word of price or pay stands beside the sum, as the question's would.
        (
            "cuanto cobraban por ver la peli el dia del estreno",
            "La entrada costó 5 euros, 4 para los socios, y la cola empezó a las siete.",
            "5 euros",
        ),
        (
            "de cuanto era la letra mensual que pagaban",
            "Siguieron abonando las cuotas, una media de 95 euros al mes, tras el cierre.",
            "95 euros al mes",
        ),
        (
            "a cuanto venden el litro",
            "Hay bidones a 10 bolivianos el litro.",
            "10 bolivianos el litro",
        ),
        # A sum beside no word of price nor of the question answers nothing.
        (
            "cuanto cobraban por ver la peli el dia del estreno",
            "El público llenó la sala y 5 euros de cada butaca fueron para la cooperativa.",
            None,
        ),
    ],
)
def test_a_sum_beside_the_sentences_word_of_price(
    question: str, sentence: str, expected: str | None
) -> None:
    assert phrase(question, sentence) == expected


def test_an_age_far_from_the_office_asked_stands_beside_the_holders_name() -> None:
    # The office («preside») opens the sentence; the age comes after the name and a long
    # description of her: it is hers.
    sentence = (
        "La preside Almudena Barroso, profesora de Lengua en el instituto de la localidad, de 46 "
        "años, que recuerda haber visto allí «La guerra de las galaxias» con su padre."
    )
    assert phrase("cuantos años tiene la presidenta de la cooperativa", sentence) == "46 años"
    # no name beside it: too far from the question's words to say whose age it is
    far = (
        "La preside desde el año pasado una maestra jubilada, profesora durante décadas de Lengua "
        "en el instituto público de la localidad, de 46 años."
    )
    assert phrase("cuantos años tiene la presidenta de la cooperativa", far) is None
