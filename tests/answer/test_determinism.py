"""Answers do not depend on the hash seed (sets iterate in another order under another seed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "benchmarks" / "noticias-ciegas"


def _answers(seed: str, article: Path, questions: str, tmp_path: Path) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path / seed)}
    done = subprocess.run(
        [sys.executable, "-m", "qa_bot", "ask", "--json", "--top-k", "3", "-a", str(article)],
        input=questions,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("name", ["01-lista-espera-hospital", "03-paro-portuario"])
def test_two_hash_seeds_give_the_same_answers_byte_for_byte(name: str, tmp_path: Path) -> None:
    lines = (BLIND / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    questions = "\n".join(json.loads(line)["q"] for line in lines) + "\n"
    article = BLIND / f"{name}.txt"
    first = _answers("1", article, questions, tmp_path)
    assert len(first.splitlines()) == len(lines)
    assert _answers("2", article, questions, tmp_path) == first
    assert _answers("12345", article, questions, tmp_path) == first
