"""Pydantic models: the passages, the answers and the JSON contract."""

from __future__ import annotations

from bisect import bisect_right

from pydantic import BaseModel, ConfigDict, Field


class Passage(BaseModel):
    """A span of one article's paragraph: the unit that is indexed and cited."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str = Field(
        description="Short stable citation id, e.g. 'p3' or 'p3.2' ('slug:p3' in a folder)."
    )
    article: str = Field(description="Slug of the article the passage comes from.")
    paragraph: int = Field(ge=1, description="1-based paragraph number in the article.")
    start: int = Field(ge=0, description="Character offset of the passage in the article file.")
    end: int = Field(ge=0, description="Character offset one past the passage's last character.")
    text: str = Field(
        description="The passage as a reader sees it: the file's text between start and end, "
        "or for Markdown that text without its markup."
    )


class SourceMap(BaseModel):
    """Where the text a reader sees of a Markdown file lies in the file as written.

    ``runs`` are the pieces of the reader's text copied from the file: (text offset, file offset,
    length); everything else (a list's bullet, a table header repeated on its row, the space of a
    line break) was added. ``blocks`` are the paragraphs of the reader's text with the span of the
    Markdown block they come from: (text start, text end, file start, file end).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    runs: list[tuple[int, int, int]]
    blocks: list[tuple[int, int, int, int]]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The file span of the reader's text ``[start, end)``: a whole block is its Markdown
        source, markup included; a part of a block runs from its first copied character to the
        end of its last one."""
        runs = self.runs
        i = bisect_right(runs, start, key=lambda r: r[0]) - 1
        if i >= 0 and start < runs[i][0] + runs[i][2]:
            file_start = runs[i][1] + start - runs[i][0]
        elif i + 1 < len(runs):
            file_start = runs[i + 1][1]
        else:
            file_start = runs[-1][1] + runs[-1][2] if runs else 0
        j = bisect_right(runs, end - 1, key=lambda r: r[0]) - 1
        file_end = runs[j][1] + min(end - runs[j][0], runs[j][2]) if j >= 0 else file_start
        k = bisect_right(self.blocks, start, key=lambda b: b[0]) - 1
        if k >= 0 and self.blocks[k][0] == start:
            file_start = self.blocks[k][2]
        k = bisect_right(self.blocks, end, key=lambda b: b[1]) - 1
        if k >= 0 and self.blocks[k][1] == end:
            file_end = self.blocks[k][3]
        return file_start, max(file_start, file_end)


class Article(BaseModel):
    """An article as loaded. ``text`` is what passages are cut from: the file's text, or for
    Markdown (``source_map`` set) the text a reader sees, while passage offsets still point into
    the file as written."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    slug: str
    path: str
    title: str
    text: str
    encoding: str = "utf-8"
    source_map: SourceMap | None = None

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the file of ``text[start:end]`` (the same span unless Markdown)."""
        return (start, end) if self.source_map is None else self.source_map.span(start, end)


class Hit(BaseModel):
    """One ranked passage with the evidence that supports it."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str
    article: str
    paragraph: int
    start: int
    end: int
    text: str
    score: float = Field(
        description="Ranking score (higher is better; comparable within one answer)."
    )
    sentence: str = Field(description="The sentence of the passage that best supports the answer.")
    sentence_start: int = Field(description="Offset of the sentence inside the passage text.")
    sentence_end: int
    matched_terms: list[str] = Field(description="Words of the passage that match the question.")
    answer: str | None = Field(
        default=None,
        description="The shortest span of the sentence that answers the question, or None.",
    )
    answer_start: int | None = Field(
        default=None, description="Offset of the answer phrase inside the passage text."
    )
    answer_end: int | None = None

    @classmethod
    def of(
        cls,
        passage: Passage,
        score: float,
        sentence: tuple[int, int] | None = None,
        matched_terms: list[str] | None = None,
    ) -> Hit:
        """A hit on ``passage``; ``sentence`` is its (start, end) inside the text (default: all)."""
        start, end = sentence if sentence is not None else (0, len(passage.text))
        return cls.model_construct(
            id=passage.id,
            article=passage.article,
            paragraph=passage.paragraph,
            start=passage.start,
            end=passage.end,
            text=passage.text,
            score=score,
            sentence=passage.text[start:end],
            sentence_start=start,
            sentence_end=end,
            matched_terms=matched_terms or [],
            answer=None,
            answer_start=None,
            answer_end=None,
        )


class Answer(BaseModel):
    """The reply to one question: ranked passages, or an honest refusal."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    question: str
    supported: bool
    confidence: float = Field(ge=0.0, le=1.0)
    passages: list[Hit] = Field(description="Best first; may be non-empty even when unsupported.")
    reason: str | None = Field(default=None, description="Why the answer is refused, in Spanish.")
