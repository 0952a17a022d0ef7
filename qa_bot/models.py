"""Pydantic models: the passages, the answers and the JSON contract."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Passage(BaseModel):
    """A span of one article's paragraph: the unit that is indexed and cited."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str = Field(
        description="Short stable citation id, e.g. 'p3' or 'p3.2' ('slug:p3' in a folder)."
    )
    article: str = Field(description="Slug of the article the passage comes from.")
    paragraph: int = Field(ge=1, description="1-based paragraph number in the article.")
    start: int = Field(ge=0, description="Character offset of the passage in the article text.")
    end: int = Field(ge=0, description="Character offset one past the passage's last character.")
    text: str


class Article(BaseModel):
    """An article as loaded: its text is what passage offsets point into."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    slug: str
    path: str
    title: str
    text: str
    encoding: str = "utf-8"


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
        )


class Answer(BaseModel):
    """The reply to one question: ranked passages, or an honest refusal."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    question: str
    supported: bool
    confidence: float = Field(ge=0.0, le=1.0)
    passages: list[Hit] = Field(description="Best first; may be non-empty even when unsupported.")
    reason: str | None = Field(default=None, description="Why the answer is refused, in Spanish.")
