"""Citation ids as users type them: lookups that forgive the form, suggestions when they miss.

An id is ``p3`` (``p3.1`` for a window of a long paragraph), or ``slug:p3`` with several
articles. Users type ``P3``, ``[p3]``, `` p3 ``, ``3``, ``tranvía:p2`` for
``tranvia-valladolid:p2``, or ``rusia-corea-del-norte:p4`` with the one article loaded; a
miss says so in Spanish and suggests the ids it may mean.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from qa_bot.errors import UnknownPassageError
from qa_bot.text.analysis import fold
from qa_bot.text.sanitize import sanitize

SHOWN_ID_CHARS = 40
# A paragraph's own id: «p12».
_PARAGRAPH_RE = re.compile(r"p\d+")
# A paragraph as typed: «12», «p12», «p012».
_TYPED_PARAGRAPH_RE = re.compile(r"p?0*(\d+)")


def _paragraph(local: str) -> str | None:
    """``local`` as a paragraph's id when it names one by number («12», «p012» -> «p12»)."""
    found = _TYPED_PARAGRAPH_RE.fullmatch(local) if local.isascii() else None
    return None if found is None else f"p{found.group(1)}"


EMPTY_ID = "El id del pasaje está vacío."


def typed(pid: str) -> str:
    """An id as typed, ready to compare: no spaces around, no brackets ("[p4]"), lowercase."""
    return pid.strip().strip("[]").strip().lower()


def either(options: Sequence[str]) -> str:
    """ "a", "a o b", "a, b o c": alternatives in Spanish."""
    return options[0] if len(options) == 1 else f"{', '.join(options[:-1])} o {options[-1]}"


def _shown(pid: str) -> str:
    """An unknown id as a message quotes it: clean, and cut past SHOWN_ID_CHARS characters."""
    clean = sanitize(pid.strip(), keep_newlines=False)
    return clean if len(clean) <= SHOWN_ID_CHARS else clean[:SHOWN_ID_CHARS] + "…"


def _slug_has(slug: str, words: str) -> bool:
    """Whether ``words`` ("tranvia", "nota") are whole words at the start or end of ``slug``."""
    return slug == words or slug.startswith(f"{words}-") or slug.endswith(f"-{words}")


class Citations:
    """The ids of an index, in passage order; ``only`` is the slug of its one article, if one."""

    def __init__(self, ids: Sequence[str], only: str | None = None) -> None:
        self.ids = ids
        self.only = only.lower() if only else None
        self.by_id = {pid.lower(): i for i, pid in enumerate(ids)}

    def _key(self, pid: str) -> str:
        """``typed(pid)``, with one article the article's own slug taken off
        ("rusia-corea-del-norte:p4" is "p4")."""
        key = typed(pid)
        slug, colon, local = key.rpartition(":")
        return local if colon and slug == self.only else key

    def find(self, pid: str) -> int:
        """The position of the passage with id ``pid`` as typed (an id that really holds a slug
        is looked up as typed first); raises UnknownPassageError."""
        if not typed(pid):
            raise UnknownPassageError(EMPTY_ID)
        i = self.by_id.get(typed(pid))
        if i is None:
            i = self.by_id.get(self._key(pid))
        if i is None:
            near = self.suggest(pid)
            hint = f" ¿Quería decir {either(near)}?" if near else self._range(pid)
            raise UnknownPassageError(f"No existe el pasaje «{_shown(pid)}».{hint}")
        return i

    def _range(self, pid: str) -> str:
        """For a paragraph number past the article's («p12» of p1..p11), which ones there are:
        «p2» is no likelier a slip than «p1» or «p11»."""
        if _paragraph(self._key(pid)) is None:
            return ""
        numbers = [int(i[1:]) for i in self.ids if _PARAGRAPH_RE.fullmatch(i)]
        return f" Los pasajes van de p{min(numbers)} a p{max(numbers)}." if numbers else ""

    def suggest(self, pid: str, limit: int = 3) -> tuple[str, ...]:
        """Ids close to an unknown ``pid``: a bare number N means pN ("4" -> "p4",
        "tranvia:4" -> "tranvia:p4"); with several articles, the ids that end in ``:pid``
        ("p2" -> "tranvia:p2"), and for ``slug:id`` those whose slug starts or ends with that
        word ("nota:p1" -> "a-nota:p1", "b-nota:p1"; "tranvía:p2" -> "tranvia-valladolid:p2");
        else the most similar id, if one is close."""
        wanted = self._key(pid)
        if not wanted:
            return ()
        slug, colon, local = wanted.rpartition(":")
        local = _paragraph(local) or local
        wanted = f"{slug}{colon}{local}"
        known = self.by_id.get(wanted)
        if known is not None:
            return (self.ids[known],)
        words = fold(slug).strip("-")
        same = [
            i
            for i in self.ids
            if i.lower().endswith(f":{local}")
            and (not words or _slug_has(i.lower().rpartition(":")[0], words))
        ]
        if same:
            return tuple(same[:limit])
        if _PARAGRAPH_RE.fullmatch(wanted):
            return ()  # a number, not a typo: ``_range`` says which there are
        by_lower = {i.lower(): i for i in self.ids}
        near = difflib.get_close_matches(wanted, list(by_lower), n=1, cutoff=0.75)
        return tuple(by_lower[i] for i in near)
