"""Time one question over articles made of a single very long sentence, where a span finder or
the answer phrase could go quadratic in the sentence's length.

    python benchmarks/long_sentences.py            # this checkout's qa_bot
    PYTHONPATH=/tmp/antes python benchmarks/long_sentences.py   # another one, to compare

Prints one row per case: characters, median of 5 timed questions (after one untimed), and the
answer, which must not change between versions.
"""

from __future__ import annotations

import statistics
import time

from qa_bot import QABot
from qa_bot.models import Article

CASES = {
    "durations": ("El viaje duró 3 días " * 3000, "¿Cuánto duró el viaje?"),
    "spaces": (
        "El viaje costó 300 euros a 40 vecinos" + " " * 20000 + "y nada más",
        "¿Cuántos vecinos pagaron el viaje?",
    ),
    "asides": (
        "Hubo 241 vecinos (el 77 %) en el pleno " * 700,
        "¿Cuántos vecinos hubo en el pleno?",
    ),
    "clauses": (
        "La ida duró 3 días, mientras que la vuelta duró 2 días " * 1200,
        "¿Cuánto duró la vuelta?",
    ),
    "dates": ("El pleno se reunió el 3 de marzo de 2024 " * 1500, "¿Cuándo se reunió el pleno?"),
}


def main() -> None:
    print("| caso | caracteres | pregunta: mediana | respuesta |")
    print("|---|---:|---:|---|")
    for name, (text, question) in CASES.items():
        bot = QABot([Article(slug="largo", title="largo", path="largo.txt", text=text)])
        bot.ask(question)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            answer = bot.ask(question)
            times.append(time.perf_counter() - start)
        phrase = answer.passages[0].answer if answer.passages else None
        ms = statistics.median(times) * 1000
        print(f"| {name} | {len(text)} | {ms:.1f} ms | {phrase!r} |")


if __name__ == "__main__":
    main()
