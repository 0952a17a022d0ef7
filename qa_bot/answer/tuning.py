"""Every tuned number of the answer layer, with where its value comes from.

"noticias" is ../shared/data/noticias (readers' questions), "XQuAD" ../shared/data/xquad-es-dev.json
and "SQuAD-es" ../shared/data/squad-es-v2-dev.json; `qa-bot eval FILE` measures each.
"""

from __future__ import annotations

# Synonyms (answer/matching.py). At most this many of a missing question word's synonyms are
# looked for (noticias: 3 reaches the answer's word in the paraphrases that have one; more adds
# unrelated senses).
MAX_SYNONYMS = 3
# The query weight of a synonym, as a share of the missing word's own boost.
SYNONYM_BOOST = 0.7
# Credit of a synonym match in a sentence's coverage and in support (a stem match is 1).
SYNONYM_CREDIT = 0.7

# A name of several words ("Colegio de Arquitectos") is missing from an article that lacks one of
# its words this rare in Spanish (background.rarity); commoner words ("Oriente" of "Oriente
# Medio", 0.41) may be the reader's own (noticias, XQuAD: 0.45).
NAME_RARITY = 0.45

# A sentence inherits this share of the weight of the question words that the sentence before it
# matched and it does not (anaphora: "Murió joven, en 1631"). noticias sentence 82 -> 86/128,
# XQuAD 448 -> 452/612 at 0.3; 0.5 and 0.7 lose SQuAD-es top-1 (-11, -17).
INHERITED_CREDIT = 0.3

# "¿Cuántos…?" / "¿Qué edad…?": a sentence of the passage that gives a number (an age) is shown
# instead of the best one, which does not, when its evidence is at least this share of the best's
# (0.4: noticias false refusals 15 -> 14, blind 5 -> 4, SQuAD-es 45 -> 42; 0.6 and 0.8 change none).
GIVES_ASKED_RATIO = 0.4
