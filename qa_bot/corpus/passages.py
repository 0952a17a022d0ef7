"""Articles -> passages with short stable ids and exact character offsets.

Paragraphs are separated by blank lines; an article without any blank line has one paragraph per
line (the bundled article's layout). A paragraph up to ``MAX_PASSAGE_CHARS`` long is one passage; a
longer one becomes windows of whole sentences (about ``WINDOW_CHARS`` each, overlapping by one
sentence), so that no passage crosses a paragraph and every passage is readable on its own.

A Markdown article's paragraphs are its blocks (``qa_bot.corpus.markdown``): passages are cut from
the text a reader sees, and their ``start``/``end`` are mapped back to the file
(``Article.file_span``).

Ids: ``p3`` is paragraph 3; ``p3.2`` the second window of paragraph 3. In a corpus of several
articles the id is prefixed by the article's slug: ``mi-articulo:p3``. The same text always gives the
same ids. ``text[passage.start:passage.end] == passage.text`` for a plain-text article's text; for
Markdown that slice is the source the passage was read from (``passage.text`` has no markup).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from qa_bot.models import Article, Passage
from qa_bot.text.sentences import sentence_spans, trimmed_spans

MAX_PASSAGE_CHARS = 2500
WINDOW_CHARS = 1200
TITLE_CHARS = 50

_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_RE = re.compile(r"[^\n]+")


def slugify(name: str) -> str:
    """A short ASCII slug for an article name ("Rusia y Corea.txt" -> "rusia-y-corea")."""
    base = unicodedata.normalize("NFKD", name)
    base = "".join(c for c in base if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", base).strip("-")
    return slug or "articulo"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text``, trimmed of surrounding whitespace."""
    if _BLANK_LINE_RE.search(text.strip()):
        pieces: Iterable[tuple[int, int]] = []
        cursor = 0
        raw = []
        for match in _BLANK_LINE_RE.finditer(text):
            raw.append((cursor, match.start()))
            cursor = match.end()
        raw.append((cursor, len(text)))
        pieces = raw
    else:
        pieces = [m.span() for m in _LINE_RE.finditer(text)]
    return trimmed_spans(text, pieces)


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Overlapping windows of whole sentences covering ``text[start:end]``."""
    sentences = sentence_spans(text, start, end)
    windows: list[tuple[int, int]] = []
    first = 0
    while first < len(sentences):
        last = first
        while (
            last + 1 < len(sentences)
            and sentences[last + 1][1] - sentences[first][0] <= WINDOW_CHARS
        ):
            last += 1
        windows.append((sentences[first][0], sentences[last][1]))
        if last + 1 >= len(sentences):
            break
        first = last if last > first else last + 1
    return windows


def article_paragraphs(article: Article) -> list[tuple[int, int]]:
    """Spans of an article's paragraphs in its ``text``: Markdown blocks, or ``paragraph_spans``."""
    if article.source_map is not None:
        return [(s, e) for s, e, _, _ in article.source_map.blocks]
    return paragraph_spans(article.text)


def passage_spans(
    text: str, paragraphs: list[tuple[int, int]] | None = None
) -> Iterator[tuple[str, int, int, int]]:
    """``(id, paragraph, start, end)`` of each passage of an article's ``text`` (ids unprefixed);
    ``paragraphs`` defaults to ``paragraph_spans(text)``."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    for number, (start, end) in enumerate(paragraphs, start=1):
        spans = [(start, end)] if end - start <= MAX_PASSAGE_CHARS else _windows(text, start, end)
        for part, (s, e) in enumerate(spans, start=1):
            yield (f"p{number}" if len(spans) == 1 else f"p{number}.{part}"), number, s, e


def make_passage(article: Article, pid: str, paragraph: int, start: int, end: int) -> Passage:
    """The passage ``text[start:end]`` of ``article``, its offsets mapped to the file."""
    file_start, file_end = article.file_span(start, end)
    return Passage.model_construct(
        id=pid,
        article=article.slug,
        paragraph=paragraph,
        start=file_start,
        end=file_end,
        text=article.text[start:end],
    )


def split_article(article: Article, prefix: str = "") -> list[Passage]:
    """Split one article into passages; ``prefix`` (e.g. "slug:") is put before every id."""
    return [
        make_passage(article, prefix + pid, number, s, e)
        for pid, number, s, e in passage_spans(article.text, article_paragraphs(article))
    ]


def corpus_spans(articles: Sequence[Article]) -> Iterator[tuple[int, str, int, int, int]]:
    """``(article index, id, paragraph, start, end)`` of every passage of ``articles``, in order;
    ids carry the article's slug when there is more than one article."""
    for a, article in enumerate(articles):
        prefix = f"{article.slug}:" if len(articles) > 1 else ""
        for pid, number, s, e in passage_spans(article.text, article_paragraphs(article)):
            yield a, prefix + pid, number, s, e


def split_articles(articles: list[Article]) -> list[Passage]:
    """Passages of several articles; ids carry the article's slug when there is more than one."""
    return [
        make_passage(articles[a], pid, number, s, e)
        for a, pid, number, s, e in corpus_spans(articles)
    ]


def title_of(path: Path, text: str = "", heading: str = "") -> str:
    """A short human title for an article: its first heading, else its first line, cut to about
    ``TITLE_CHARS`` at a word; the file name when the text has no line."""
    line = heading or next((line for line in text.splitlines() if line.strip()), "")
    flat = " ".join(line.split())
    if not flat:
        return path.stem.replace("_", " ").replace("-", " ").strip() or path.name
    if len(flat) <= TITLE_CHARS:
        return flat
    cut = flat[:TITLE_CHARS].rsplit(" ", 1)[0] or flat[:TITLE_CHARS]
    return cut.rstrip(",.;:") + "…"
