"""Evaluation data: SQuAD v1.1/v2.0 JSON and the ``{"q", "expect"}`` JSONL of seed questions.

Both formats are read into the same small models. A SQuAD article keeps its paragraphs (the
contexts) in file order; each question names its gold paragraph by 0-based index. A seed question
has no paragraph: it is asked of an article given separately, and its one "answer" is the phrase
the top passage must contain (``expect``), or nothing when the article gives no answer.

``to_article`` turns a SQuAD article into the Article qa-bot reads (paragraphs joined by a blank
line, so paragraph n of the file is ``Hit.paragraph == n + 1``); ``unique_slugs`` keeps articles
apart when they share one corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from qa_bot.corpus.passages import paragraph_spans, slugify
from qa_bot.errors import QAError
from qa_bot.models import Article

Format = Literal["squad-v1.1", "squad-v2.0", "jsonl"]

# A line break inside one context must not start a paragraph: only "\n\n" separates paragraphs.
_INNER_BREAK_RE = re.compile(r"\s*\n\s*")


class GoldQuestion(BaseModel):
    """One evaluation question with its gold answers (none when it is unanswerable)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    question: str
    answers: tuple[str, ...] = Field(description="Gold answer texts; empty when unanswerable.")
    paragraph: int | None = Field(
        default=None, description="0-based index of the gold paragraph; None for seed questions."
    )

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


class EvalArticle(BaseModel):
    """A SQuAD article: its title, its paragraphs in order, and the questions asked of it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    paragraphs: tuple[str, ...]
    questions: tuple[GoldQuestion, ...]


class EvalSet(BaseModel):
    """The contents of one evaluation file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    format: Format
    articles: tuple[EvalArticle, ...] = ()
    questions: tuple[GoldQuestion, ...] = Field(
        default=(), description="Seed (JSONL) questions, asked of a separately given article."
    )


class _SquadAnswer(BaseModel):
    text: str


class _SquadQA(BaseModel):
    id: str | int | None = None
    question: str = Field(min_length=1)
    answers: list[_SquadAnswer] = []
    is_impossible: bool = False


class _SquadParagraph(BaseModel):
    context: str
    qas: list[_SquadQA]


class _SquadArticle(BaseModel):
    title: str = ""
    paragraphs: list[_SquadParagraph]


class _SquadFile(BaseModel):
    version: str | float | None = None
    data: list[_SquadArticle]


class _SeedLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    q: str = Field(min_length=1)
    expect: str | None
    id: str | int | None = None


def clean_context(context: str) -> str:
    """A SQuAD context as one paragraph: BOMs removed (XQuAD's start with U+FEFF), no line breaks."""
    return _INNER_BREAK_RE.sub(" ", context.replace("\ufeff", "")).strip()


def problem(error: ValidationError) -> str:
    """The first problem pydantic found, in Spanish: a missing field, one too many, a value of
    the wrong kind, or a line that is not JSON."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    kind = first["type"]
    if kind == "json_invalid":
        return "no es JSON"
    if kind == "missing":
        return f"falta «{field}»"
    if kind == "extra_forbidden":
        return f"sobra el campo «{field}»"
    return f"«{field}» no es válido" if field else "no tiene la forma esperada"


def parse_squad(raw: Any, source: str) -> EvalSet:
    """A SQuAD v1.1 or v2.0 document (already decoded from JSON) as an EvalSet."""
    try:
        squad = _SquadFile.model_validate(raw)
    except ValidationError as exc:
        raise QAError(f"{source} no tiene la forma de un archivo SQuAD ({problem(exc)}).") from exc
    v2 = str(squad.version or "").lstrip("v").startswith("2") or any(
        qa.is_impossible for a in squad.data for p in a.paragraphs for qa in p.qas
    )
    articles = []
    for a_index, article in enumerate(squad.data, start=1):
        title = article.title.strip() or f"Artículo {a_index}"
        paragraphs = []
        questions = []
        for p_index, paragraph in enumerate(article.paragraphs):
            context = clean_context(paragraph.context)
            if not context:
                raise QAError(
                    f"{source}: el párrafo {p_index + 1} del artículo «{title}» está vacío."
                )
            paragraphs.append(context)
            for q_index, qa in enumerate(paragraph.qas, start=1):
                answers = () if qa.is_impossible else _answer_texts(qa)
                qid = str(qa.id) if qa.id is not None else f"{a_index}.{p_index + 1}.{q_index}"
                questions.append(
                    GoldQuestion(id=qid, question=qa.question, answers=answers, paragraph=p_index)
                )
        if paragraphs:
            articles.append(
                EvalArticle(title=title, paragraphs=tuple(paragraphs), questions=tuple(questions))
            )
    if not any(a.questions for a in articles):
        raise QAError(f"{source} no contiene preguntas.")
    return EvalSet(
        source=source, format="squad-v2.0" if v2 else "squad-v1.1", articles=tuple(articles)
    )


def _answer_texts(qa: _SquadQA) -> tuple[str, ...]:
    """Distinct non-blank answer texts, in file order."""
    texts: list[str] = []
    for answer in qa.answers:
        text = answer.text.replace("\ufeff", "").strip()
        if text and text not in texts:
            texts.append(text)
    return tuple(texts)


def parse_seed(text: str, source: str) -> EvalSet:
    """JSONL seed questions: one ``{"q": ..., "expect": phrase or null}`` object per line."""
    questions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            seed = _SeedLine.model_validate_json(line)
        except ValidationError as exc:
            raise QAError(
                f"{source}, línea {number}: se esperaba un objeto "
                f'{{"q": pregunta, "expect": frase o null}} ({problem(exc)}).'
            ) from exc
        expect = (seed.expect or "").strip()
        questions.append(
            GoldQuestion(
                id=str(seed.id) if seed.id is not None else str(number),
                question=seed.q,
                answers=(expect,) if expect else (),
            )
        )
    if not questions:
        raise QAError(f"{source} no contiene preguntas.")
    return EvalSet(source=source, format="jsonl", questions=tuple(questions))


def _starts_with_object(text: str) -> bool:
    """Whether the first non-blank line is a JSON object on its own (so the text is JSONL)."""
    first = next(line for line in text.splitlines() if line.strip())
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def read_eval_file(path: Path | str) -> EvalSet:
    """Read a SQuAD JSON file or a JSONL seed file; bad input raises QAError in Spanish."""
    path = Path(path).expanduser()
    source = str(path)
    if not path.exists():
        raise QAError(f"No existe {source}; indique un archivo SQuAD (.json) o JSONL.")
    if path.is_dir():
        raise QAError(f"{source} es una carpeta; indique un archivo SQuAD (.json) o JSONL.")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QAError(f"{source} no es texto UTF-8.") from exc
    except OSError as exc:
        raise QAError(f"No se puede leer {source}: {exc.strerror or exc}.") from exc
    if not text.strip():
        raise QAError(f"{source} está vacío.")
    if path.suffix.lower() == ".jsonl":
        return parse_seed(text, source)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        if _starts_with_object(text):
            return parse_seed(text, source)
        raise QAError(
            f"{source} no es JSON válido (línea {exc.lineno}, columna {exc.colno})."
        ) from exc
    if isinstance(raw, dict) and "q" in raw:
        return parse_seed(text, source)
    return parse_squad(raw, source)


def to_article(article: EvalArticle, slug: str, source: str) -> Article:
    """A SQuAD article as an Article: its paragraphs joined by a blank line."""
    text = "\n\n".join(article.paragraphs)
    if len(paragraph_spans(text)) != len(article.paragraphs):
        raise AssertionError(f"paragraphs of {article.title!r} do not survive the join")
    return Article(slug=slug, path=f"{source}#{slug}", title=article.title, text=text)


def unique_slugs(titles: Sequence[str]) -> list[str]:
    """Distinct slugs for the articles, so that pooled passage ids tell them apart."""
    slugs: list[str] = []
    for title in titles:
        base = slugify(title)
        slug, n = base, 1
        while slug in slugs:
            n += 1
            slug = f"{base}-{n}"
        slugs.append(slug)
    return slugs
