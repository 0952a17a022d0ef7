"""A fuzz run: 3,000 random Unicode questions through `qa-bot ask --json` in one process.

Every non-blank line gets exactly one JSON line, in order, that parses as an ``Answer``; blank lines
(nothing visible: whitespace, control characters, escape sequences) get none; the run exits 0.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qa_bot.models import Answer
from qa_bot.text.sanitize import is_blank

N = 3000
SEED = 20240607
WORDS = (
    "¿Qué ¿Quién ¿Cuándo ¿Dónde ¿Cuánto cómo alcaldesa tranvía obra costó billete viajeros "
    "ecologistas Acciona Zaragoza euros 1,40 410 millones el la de que y en por"
).split()
PIECES = [
    "\x00",
    "\x07",
    "\x08",
    "\t",
    "\r",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1b[31m",
    "\x1b[2J",
    "\x1b]0;título\x07",
    "\x1b]52;c;aG9sYQ==\x07",
    "\x1b]8;;https://x.example/\x1b\\",
    "\x7f",
    "\x85",
    "\x9b",
    "\x9d",
    "\xa0",
    "\xad",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "🚋",
    "👩🏽‍🔬",
    "\U0001f1ea\U0001f1f8",
    "ما هو",
    "שלום",
    "東京",
    "e\u0301",
    "¿?",
    "¡!",
    "…",
    "«»",
    "—",
    " ",
    "  ",
]


def random_line(rng: random.Random) -> bytes:
    kind = rng.random()
    if kind < 0.05:
        return b""
    if kind < 0.10:  # nothing visible
        return "".join(
            rng.choice(" \t\r\x00\x07\x1b[0m\u200e\u202e\xa0") for _ in range(5)
        ).encode()
    if kind < 0.15:  # invalid UTF-8
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 30))).replace(b"\n", b"")
    parts = []
    for _ in range(rng.randint(1, 15)):
        r = rng.random()
        if r < 0.45:
            parts.append(rng.choice(WORDS))
        elif r < 0.75:
            parts.append(rng.choice(PIECES))
        else:
            parts.append(
                "".join(chr(rng.randrange(0x20, 0x30000)) for _ in range(rng.randint(1, 6)))
            )
        parts.append(" " if rng.random() < 0.7 else "")
    text = "".join(parts).replace("\n", " ")
    return text.encode("utf-8", "surrogatepass")


@pytest.mark.slow
def test_3000_random_questions_in_one_batch(article_path: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    lines = [random_line(rng) for _ in range(N)]
    stdin = b"\n".join(lines) + b"\n"
    expected = []
    for raw in lines:
        text = raw.decode("utf-8", "replace")
        if not is_blank(text):
            expected.append(text.strip())
    assert len(expected) > N * 0.8
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "qa_bot", "ask", "--json", "-a", str(article_path)],
        input=stdin,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        cwd=tmp_path,
        timeout=60,
    )
    elapsed = time.monotonic() - start
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr == b""
    assert done.stdout.endswith(b"\n")
    out = done.stdout.split(b"\n")[:-1]
    assert len(out) == len(expected)
    answers = [Answer.model_validate_json(line) for line in out]
    assert [a.question for a in answers] == expected
    assert any(a.supported for a in answers)
    assert elapsed < 20
