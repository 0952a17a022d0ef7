"""Where qa-bot keeps its index cache (XDG), without importing the engine (the CLI's help names it)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def default_root(environ: Mapping[str, str] = os.environ) -> Path:
    """``$XDG_CACHE_HOME/qa-bot``, or ``~/.cache/qa-bot`` (XDG: a relative value is ignored)."""
    base = environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "qa-bot"


def shown_cache_root(environ: Mapping[str, str] = os.environ) -> str:
    """The cache folder for a message, home written as ``~``; never fails (a help text uses it)."""
    try:
        path, home = default_root(environ), Path.home()
    except (RuntimeError, KeyError):  # no home folder to be found
        return "~/.cache/qa-bot"
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)
