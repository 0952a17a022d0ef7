"""A Markdown article read as a reader sees it, with a map back to the file as written.

markdown-it-py (CommonMark, plus GitHub's tables and strikethrough) parses the file; this module
imports it, so ``articles`` imports this module only when a ``.md`` file is read.

Each heading, paragraph (also inside a quote), list, table and code block becomes one paragraph of
the reader's text, separated by blank lines; a YAML front matter is metadata and is left out. Emphasis, link targets, images and HTML are dropped,
link text is kept; each list item is a line of its own (``• item``, ``3. item``) and each table row
too, read with its header: ``| Calle Ancha | 240 |`` under ``| Calle | Metros |`` reads
``• Calle Ancha: 240 metros.``. An item or a row ends with a period if it has no final punctuation,
so it is a sentence of its own.

markdown-it gives the lines of each block, not the columns of inline text, so every piece of text
is found in the block's source from where the previous one ended (an escape or an entity that
cannot be found is mapped to that point): ``SourceMap`` keeps the pieces and the blocks' spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from qa_bot.models import SourceMap

BULLET = "• "
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
_FINAL_PUNCTUATION = tuple(".!?…:;»”\"')")
_SKIPPED_INLINE = {"image", "html_inline"}


class _Reader:
    """The reader's text as it is built, with the runs and blocks of its ``SourceMap``."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.line_starts = [0, *(m.end() for m in _NEWLINE_RE.finditer(source))]
        self.pieces: list[str] = []
        self.length = 0
        self.runs: list[tuple[int, int, int]] = []
        self.blocks: list[tuple[int, int, int, int]] = []
        self.cursor = 0  # where in the source the next copied piece is looked for
        self.limit = 0  # the end of the current block in the source
        # The open block: the state to go back to if it shows nothing, where its text starts,
        # and its span in the source.
        self._saved = (0, 0, 0)
        self._block: tuple[int, int, int] | None = None
        self.line = 0  # the piece where the current line's text (after its bullet) starts

    def _offset(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.source)

    def begin(self, lines: Sequence[int] | None) -> None:
        """Start a block over source ``lines`` (markdown-it's ``map``: first, one past last)."""
        first, last = lines if lines else (0, len(self.line_starts))
        start, end = self._offset(first), self._offset(last)
        while end > start and self.source[end - 1].isspace():
            end -= 1
        self.cursor, self.limit = start, end
        self._saved = (self.length, len(self.pieces), len(self.runs))
        if self.blocks:
            self.add("\n\n")
        self._block = (self.length, start, end)
        self.line = len(self.pieces)

    def end(self) -> None:
        """Close the current block; a block with no visible text is taken back."""
        if self._block is None:
            return
        text_start, start, end = self._block
        self._block = None
        if not self.since(self._saved[1]).strip():
            self.length, pieces, runs = self._saved
            del self.pieces[pieces:], self.runs[runs:]
            return
        self.blocks.append((text_start, self.length, start, end))

    def since(self, piece: int) -> str:
        return "".join(self.pieces[piece:])

    def add(self, text: str) -> None:
        """Add text that is not in the file (a bullet, a header, a space)."""
        if text:
            self.pieces.append(text)
            self.length += len(text)

    def copy(self, text: str) -> None:
        """Add text the file holds, found from the cursor on."""
        if not text:
            return
        found = self.source.find(text, self.cursor, self.limit)
        if found >= 0:
            self.runs.append((self.length, found, len(text)))
            self.cursor = found + len(text)
            self.add(text)
            return
        for char in text:  # an escape or an entity: character by character
            found = self.source.find(char, self.cursor, min(self.limit, self.cursor + 16))
            if found >= 0:
                self.runs.append((self.length, found, 1))
                self.cursor = found + 1
            self.add(char)

    def last_char(self) -> str:
        return self.pieces[-1][-1] if self.pieces else ""

    def new_line(self, marker: str) -> None:
        """End the current line as a sentence and start another with ``marker``."""
        self.end_sentence()
        if self._block is not None and self.length > self._block[0]:
            self.add("\n")
        self.add(marker)
        self.line = len(self.pieces)

    def end_sentence(self) -> None:
        """A period after the current line's text, unless it already ends like a sentence."""
        line = self.since(self.line).rstrip()
        if line and not line.endswith(_FINAL_PUNCTUATION):
            self.add(".")

    def text(self) -> str:
        return "".join(self.pieces)


def _inline_text(children: Sequence[Token]) -> str:
    """An inline token's text as a reader sees it, without a map (table headers)."""
    out = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return " ".join("".join(out).split())


def _inline(reader: _Reader, children: Sequence[Token]) -> None:
    """Copy an inline token's visible text into ``reader``."""
    for child in children:
        if child.type in _SKIPPED_INLINE:
            continue
        if child.type in ("text", "code_inline"):
            reader.copy(child.content)
        elif child.type == "softbreak":
            reader.add(" ")
        elif child.type == "hardbreak" and reader.last_char() not in ("\n", ""):
            reader.add("\n")


def _label(header: str) -> str:
    """A column header inside a sentence: «Metros» -> «metros», «PIB» stays."""
    return header if header[:2].isupper() else header[:1].lower() + header[1:]


def _row(reader: _Reader, headers: list[str], cells: list[Token]) -> None:
    """One table row as a sentence: its first cell, then each other cell with its header."""
    texts = [_inline_text(c.children or []) for c in cells]
    reader.new_line(BULLET)
    separator = ""
    for column, (cell, text) in enumerate(zip(cells, texts, strict=True)):
        if not text:
            continue
        header = _label(headers[column]) if column < len(headers) else ""
        if column == 0:
            _inline(reader, cell.children or [])
            separator = ": "
            continue
        reader.add(separator)
        separator = ", "
        if not header:
            _inline(reader, cell.children or [])
        elif text[:1].isdigit():
            _inline(reader, cell.children or [])
            reader.add(f" {header}")
        else:
            reader.add(f"{header} ")
            _inline(reader, cell.children or [])
    reader.end_sentence()


def _table(reader: _Reader, tokens: list[Token]) -> None:
    """A table: the rows of its body, each read with the header row."""
    headers: list[str] = []
    row: list[Token] = []
    in_head = False
    for token in tokens:
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline":
            row.append(token)
        elif token.type == "tr_close":
            if in_head:
                headers = [_inline_text(c.children or []) for c in row]
            else:
                _row(reader, headers, row)


def _code(reader: _Reader, token: Token) -> None:
    """A code block's lines, as written, without its blank lines."""
    lines = [line for line in token.content.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if i:
            reader.add("\n")
        reader.copy(line)


_FRONT_MATTER_RE = re.compile(r"---[ \t]*\r?\n(?:.*\r?\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)")


def _without_front_matter(source: str) -> str:
    """``source`` with a leading YAML front matter (``---`` ... ``---``) blanked, line for line:
    it is metadata, not text, and CommonMark would read it as a rule and a heading."""
    match = _FRONT_MATTER_RE.match(source)
    if match is None:
        return source
    blank = "\n" * match.group().count("\n")
    return blank + source[match.end() :]


def read_markdown(source: str) -> tuple[str, SourceMap, str]:
    """The text a reader sees of Markdown ``source``, its map back to ``source``, and the text of
    its first heading ("" if none)."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(_without_front_matter(source))
    reader = _Reader(source)
    heading = ""
    lists: list[list[int]] = []  # one counter per open list: [next number] or [] for bullets
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == "table_open":
            close = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            if not lists:
                reader.begin(token.map)
            _table(reader, tokens[i + 1 : close])
            if not lists:
                reader.end()
            i = close + 1
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            if not lists:
                reader.begin(token.map)
            start = token.attrGet("start")
            lists.append([int(start) if start is not None else 1] if kind[0] == "o" else [])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                reader.end_sentence()
                reader.end()
        elif kind == "list_item_open":
            counter = lists[-1]
            if counter:
                reader.new_line(f"{counter[0]}. ")
                counter[0] += 1
            else:
                reader.new_line(BULLET)
        elif kind in ("heading_open", "paragraph_open") and not lists:
            reader.begin(token.map)
        elif kind in ("heading_close", "paragraph_close") and not lists:
            reader.end()
        elif kind == "paragraph_open" and reader.since(reader.line).strip():
            reader.add(" ")  # a second paragraph of a list item
        elif kind == "inline":
            before = reader.length
            _inline(reader, token.children or [])
            if not heading and i and tokens[i - 1].type == "heading_open":
                heading = reader.text()[before:].strip()
        elif kind in ("fence", "code_block"):
            if not lists:
                reader.begin(token.map)
            _code(reader, token)
            if not lists:
                reader.end()
        i += 1
    # model_construct: the runs are ints already, and a long file has millions of them.
    source_map = SourceMap.model_construct(runs=reader.runs, blocks=reader.blocks)
    return reader.text(), source_map, heading
