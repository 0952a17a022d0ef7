"""Models -> terminal text: styled fragments, then plain or ANSI-coloured strings.

``Fragments`` has the shape of prompt-toolkit's ``FormattedText`` (a list of ``(style, text)``
pairs), so the REPL can print them as they are, while the CLI turns them into a string with
``to_ansi``. This module imports neither prompt-toolkit nor argparse: it is on the fast ``ask`` path.

Every piece of untrusted text (articles, questions, reasons) goes through ``sanitize`` here, piece by
piece, so no escape sequence or control character reaches a terminal whatever the fragments' order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TextIO

from qa_bot.models import Answer, Hit, Passage
from qa_bot.text.analysis import fold
from qa_bot.text.sanitize import sanitize

Fragments = list[tuple[str, str]]

ID = "class:id"
SENTENCE = "class:sentence"
MATCH = "class:match"
MUTED = "class:muted"
REFUSAL = "class:refusal"
TITLE = "class:title"
CONFIDENCE = "class:confidence"
ANSWER = "class:answer"

REFUSAL_TEXT = "El artículo no responde a esta pregunta."
# Ids carry an article's slug ("tranvia:p2") only when several articles are loaded.
REFUSAL_TEXT_SEVERAL = "Los artículos no responden a esta pregunta."

# SGR parameters per style; a style not listed here prints without colour.
_SGR = {
    ID: "1;36",
    SENTENCE: "1",
    MATCH: "1;33",
    MUTED: "2",
    # A refusal is an answer, not an error: bold like a heading; red is kept for errors.
    REFUSAL: "1",
    TITLE: "1",
    CONFIDENCE: "32",
    ANSWER: "1",
}

# A word as the analyzer sees it: letters/digits, with combining marks so NFD text stays whole.
_WORD_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")

OPENING_CHARS = 70


def thousands(n: int) -> str:
    """An integer as Spanish readers write it: «20.000»."""
    return f"{n:,}".replace(",", ".")


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, with an ``s`` unless ``n`` is 1 ("1 pasaje", "20.000 pasajes")."""
    return f"{n} {word}" if n == 1 else f"{thousands(n)} {word}s"


def _percent(value: float) -> str:
    return f"{round(value * 100)} %"


def _decimal(value: float) -> str:
    """A number as Spanish readers write it: decimal comma."""
    return f"{value:.2f}".replace(".", ",")


def highlight(text: str, terms: list[str], style: str = "") -> Fragments:
    """``text``, sanitized, with every whole word equal to one of ``terms`` (ignoring case and
    accents) styled as a match; everything else keeps ``style``.

    Sanitizing before looking for words keeps an escape sequence whole: a matched word inside
    one ("\\x1b]52;c;...") must not split it and leave its parameters on screen.
    """
    text = sanitize(text)
    wanted = {fold(t) for t in terms if t.strip()}
    out: Fragments = []
    cursor = 0
    if wanted:
        for m in _WORD_RE.finditer(text):
            if fold(m.group()) in wanted:
                if m.start() > cursor:
                    out.append((style, text[cursor : m.start()]))
                out.append((MATCH, m.group()))
                cursor = m.end()
    if cursor < len(text):
        out.append((style, text[cursor:]))
    return out


ANSWER_MARK = "→ "


def render_hit_text(hit: Hit) -> Fragments:
    """The passage text with its supporting sentence emphasised and matched words highlighted."""
    start = min(max(hit.sentence_start, 0), len(hit.text))
    end = min(max(hit.sentence_end, start), len(hit.text))
    return [
        *highlight(hit.text[:start], hit.matched_terms),
        *highlight(hit.text[start:end], hit.matched_terms, SENTENCE),
        *highlight(hit.text[end:], hit.matched_terms),
    ]


def _relative(hit: Hit, top: Hit) -> str:
    """A secondary passage's score as a share of the first one's, which a reader can compare."""
    share = hit.score / top.score if top.score > 0 else 0.0
    return f"{round(min(max(share, 0.0), 1.0) * 100)} % de la primera"


def _hit_header(hit: Hit, answer: Answer, first: bool) -> Fragments:
    where = f"párrafo {hit.paragraph}"
    # In a folder the id already names its article ("slug:p3").
    if not hit.id.startswith(f"{hit.article}:"):
        where = f"{hit.article}, {where}"
    out: Fragments = [(ID, f"[{sanitize(hit.id, keep_newlines=False)}]")]
    out.append((MUTED, f" {sanitize(where, keep_newlines=False)}"))
    if first:
        out.append(("", " · "))
        out.append((CONFIDENCE, f"confianza {_percent(answer.confidence)}"))
    else:
        out.append((MUTED, f" · puntuación {_relative(hit, answer.passages[0])}"))
    out.append(("", "\n"))
    return out


def render_refusal(answer: Answer) -> Fragments:
    """The Spanish refusal, its reason, and the nearest passage as a hint."""
    several = bool(answer.passages) and ":" in answer.passages[0].id
    out: Fragments = [(REFUSAL, REFUSAL_TEXT_SEVERAL if several else REFUSAL_TEXT), ("", "\n")]
    if answer.reason:
        out += [(MUTED, sanitize(answer.reason, keep_newlines=False)), ("", "\n")]
    if answer.passages:
        nearest = sanitize(answer.passages[0].id, keep_newlines=False)
        out += [
            (MUTED, "El pasaje más cercano es "),
            (ID, nearest),
            (MUTED, ", pero no basta para responder."),
            ("", "\n"),
        ]
    return out


def _rest(hit: Hit) -> str:
    """The passage without its shown sentence ("…" where the sentence was), or "" when the
    sentence is all of it."""
    start = min(max(hit.sentence_start, 0), len(hit.text))
    end = min(max(hit.sentence_end, start), len(hit.text))
    before, after = hit.text[:start].strip(), hit.text[end:].strip()
    if not _WORD_RE.search(before):
        before = ""  # a list's bullet before the sentence says nothing
    if before and after:
        return f"{before} … {after}"
    return f"{before} …" if before else after


def render_answer(answer: Answer) -> Fragments:
    """A supported answer's ranked passages, best first; or the refusal.

    The answer comes first on a line of its own ("→ ..."), so it stands out without colour too
    (a pipe, NO_COLOR): the answer phrase when there is one, in bold, then the citation and the
    confidence, then the sentence that supports it; without a phrase the sentence itself is the
    answer. The rest of the passage follows only when there is some, never repeating the sentence.
    """
    if not answer.supported or not answer.passages:
        return render_refusal(answer)
    out: Fragments = []
    for i, hit in enumerate(answer.passages):
        if i:
            out.append(("", "\n"))
        if i == 0 and hit.answer and hit.sentence.strip():
            out += [(ANSWER, ANSWER_MARK + sanitize(hit.answer, keep_newlines=False)), ("", "\n")]
            out += _hit_header(hit, answer, first=True)
            out += highlight(hit.sentence, hit.matched_terms, SENTENCE)
            out.append(("", "\n"))
        elif i == 0 and hit.sentence.strip():
            out += _hit_header(hit, answer, first=True)
            out.append((SENTENCE, ANSWER_MARK))
            out += highlight(hit.sentence, hit.matched_terms, SENTENCE)
            out.append(("", "\n"))
        else:
            out += _hit_header(hit, answer, first=i == 0)
            out += render_hit_text(hit)
            out.append(("", "\n"))
            continue
        rest = _rest(hit)
        if rest:
            out += [*highlight(rest, hit.matched_terms, MUTED), ("", "\n")]
    return out


def render_passage(passage: Passage) -> Fragments:
    """A cited passage: id, article slug (as ``ask`` names it), paragraph, character offsets in
    the file, and the text as a reader sees it."""
    out: Fragments = [(ID, f"[{sanitize(passage.id, keep_newlines=False)}]")]
    # In a folder the id already names its article ("slug:p3").
    if not passage.id.startswith(f"{passage.article}:"):
        out += [("", " "), (TITLE, sanitize(passage.article, keep_newlines=False))]
    out.append(("", "\n"))
    out.append(
        (
            MUTED,
            f"párrafo {passage.paragraph} · caracteres {passage.start}–{passage.end} del artículo",
        )
    )
    out += [("", "\n"), ("", sanitize(passage.text)), ("", "\n")]
    return out


def opening_words(text: str, limit: int = OPENING_CHARS) -> str:
    """The first words of ``text`` on one line, cut at a word boundary with an ellipsis."""
    flat = " ".join(sanitize(text, keep_newlines=False).split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(",.;:") + "…"


def render_passage_list(passages: Sequence[Passage]) -> Fragments:
    """One line per passage: its id and opening words."""
    ids = [sanitize(p.id, keep_newlines=False) for p in passages]
    width = max((len(i) for i in ids), default=0)
    out: Fragments = []
    for pid, passage in zip(ids, passages, strict=True):
        out += [(ID, pid.ljust(width)), ("", "  " + opening_words(passage.text)), ("", "\n")]
    return out


def to_ansi(fragments: Fragments, color: bool) -> str:
    """The fragments as one string: plain text, or with ANSI SGR colours when ``color``."""
    if not color:
        return "".join(text for _, text in fragments)
    parts = []
    for style, text in fragments:
        code = _SGR.get(style)
        if code and text.strip():
            # Reset before each newline so a colour never bleeds into the next line.
            parts.append(
                "\n".join(f"\x1b[{code}m{line}\x1b[0m" if line else "" for line in text.split("\n"))
            )
        else:
            parts.append(text)
    return "".join(parts)


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, unless NO_COLOR is set (https://no-color.org) or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
