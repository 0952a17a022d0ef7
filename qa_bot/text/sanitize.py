"""Make untrusted text (articles, questions) safe to show on a terminal.

Removes ANSI/VT escape sequences (CSI, OSC, DCS... with their payloads), C0 controls except newline
and tab, DEL, C1 controls, and bidi/format controls that can reorder or hide text. Keeps everything
Spanish news text needs: no-break space, thin space, soft hyphen, «», —, ñ, emoji (``str.isprintable``
would reject the first three).

``is_blank`` says whether text has anything a reader could see: a question made only of spaces,
control characters and escape sequences is empty.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-based sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] ... BEL or ST), and 2-byte
# escapes; the 8-bit C1 forms (0x9b CSI, 0x9d OSC, 0x90 DCS...) too.
_ESCAPE_RE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?              # CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])        # OSC, DCS, SOS, PM, APC ...
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?        # ... up to BEL or ST
  | \x1b[ -/]*[0-~]?                               # other escapes (ESC c, ESC ( B ...)
    """,
    re.VERBOSE,
)
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (not \t \n), DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u2028\u2029\ufff9-\ufffb]"  # line/paragraph separators, interlinear annotation
)


def sanitize(text: str, keep_newlines: bool = True) -> str:
    """``text`` without escape sequences or control characters; newlines kept unless told."""
    text = _ESCAPE_RE.sub("", text)
    text = _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not keep_newlines:
        text = text.replace("\n", " ")
    return text


def is_blank(text: str) -> bool:
    """True when ``text`` has no letter, digit, punctuation or symbol outside escape sequences."""
    if not text.strip():
        return True
    return not any(unicodedata.category(c)[0] in "LNPS" for c in _ESCAPE_RE.sub("", text))
