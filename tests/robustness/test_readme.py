"""The README's "Entradas problemáticas" tables: every row names a test, and every test named exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = re.compile(r"`((?:\w+/)?test_\w+\.py)::(test_\w+)(?:\[([\w-]+)\])?`")


def section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Entradas problemáticas\n")
    end = readme.index("\n## ", start + 1)
    return readme[start:end]


def test_every_row_names_a_test() -> None:
    rows = [
        line
        for line in section().splitlines()
        if line.startswith("| ") and not line.startswith(("| entrada |", "| qué |"))
    ]
    assert len(rows) >= 30
    for row in rows:
        assert REFERENCE.search(row), row


def test_every_named_test_exists() -> None:
    found = REFERENCE.findall(section())
    assert found
    for file, name, case in found:
        source = (ROOT / "tests" / file).read_text(encoding="utf-8")
        assert re.search(rf"^def {name}\(", source, re.MULTILINE), f"{file}::{name}"
        if case:
            assert f'"{case}"' in source, f"{file}::{name}[{case}]"
