"""Measure the main dev sets for other values of one tuned number of qa_bot/answer/tuning.py.

    python benchmarks/sweep.py INHERITED_CREDIT 0 0.3 0.5 [--data ../shared/data] [--squad]

For each value the number is set everywhere it was imported, then `qa-bot eval` runs in this
process on ../shared/data/noticias, benchmarks/noticias-ciegas(-2) and xquad-es-dev.json (and
squad-es-v2-dev.json with --squad, ~70 s more a value); one line of key figures per set and value.
The values the README quotes were chosen this way (see each number's comment in tuning.py).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import re
import sys
from pathlib import Path

from qa_bot.answer import tuning
from qa_bot.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
KEY_ROWS = re.compile(
    r"^\| (todas|top-1 por artículo|frase con la respuesta|rechazos en falso|"
    r"de otro artículo, rechazadas|sin respuesta, rechazadas|frase: F1 \(con frase\)|"
    r"con frase de respuesta)\s*\|(.*)$"
)


def set_everywhere(name: str, value: object) -> None:
    """Set ``name`` in tuning.py and in every loaded qa_bot module that imported it."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("qa_bot") and hasattr(module, name):
            setattr(module, name, value)


def key_figures(path: Path) -> str:
    """The key rows of `qa-bot eval --no-progress PATH`, on one line."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["eval", "--no-progress", str(path)])
    rows = []
    for line in out.getvalue().splitlines():
        m = KEY_ROWS.match(line)
        if m:
            cells = [c.strip() for c in m.group(2).split("|") if c.strip()]
            rows.append(f"{m.group(1)}: {' / '.join(cells)}")
    return "; ".join(dict.fromkeys(rows))


def main_sweep() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="a name defined in qa_bot/answer/tuning.py")
    parser.add_argument("values", nargs="+", help="Python literals: 0.3, 3, (2, 3)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--squad", action="store_true", help="also squad-es-v2-dev.json")
    args = parser.parse_args()
    if not hasattr(tuning, args.name):
        parser.error(f"{args.name} is not in qa_bot/answer/tuning.py")
    sets = [
        args.data / "noticias",
        ROOT / "benchmarks" / "noticias-ciegas",
        ROOT / "benchmarks" / "noticias-ciegas-2",
        args.data / "xquad-es-dev.json",
    ]
    if args.squad:
        sets.append(args.data / "squad-es-v2-dev.json")
    for raw in args.values:
        set_everywhere(args.name, ast.literal_eval(raw))
        for path in sets:
            print(f"{args.name}={raw}  {path.name}: {key_figures(path)}", flush=True)


if __name__ == "__main__":
    main_sweep()
