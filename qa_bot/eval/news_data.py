"""The noticias format: news articles with readers' questions by kind, and short dialogues.

A folder holds ``NN-slug.txt`` (the article, paragraphs separated by a blank line) beside
``NN-slug.jsonl`` (its questions, one ``{"q", "expect", "para", "kind"}`` object per line) and,
optionally, ``conversations.jsonl`` (one ``{"article", "turns": [{"q", "expect", "para"}]}`` per
line). ``expect`` is a literal fragment of paragraph ``para`` (1-based), or null with ``para`` null
when the article does not answer. One pair can also be read alone: the ``.jsonl`` and the ``.txt``
beside it (or another article given by the caller). Format and scoring:
``../shared/data/noticias/README.md``.

Every ``expect`` is checked against its paragraph as the file is read, so that a data error is
reported with its file and line instead of scoring as a wrong answer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from qa_bot.corpus.articles import read_article
from qa_bot.corpus.passages import paragraph_spans, slugify
from qa_bot.errors import QAError
from qa_bot.eval.data import problem
from qa_bot.eval.scoring import normalize_answer
from qa_bot.models import Article

CONVERSATIONS = "conversations.jsonl"
QUESTION_SHAPE = '{"q": pregunta, "expect": fragmento o null, "para": párrafo o null, "kind": tipo}'
TURN_SHAPE = '{"article": noticia, "turns": [{"q", "expect", "para"}, ...]}'


class NewsQuestion(BaseModel):
    """A reader's question: the fragment its answer holds and where, or None when unanswerable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="File stem and line ('01-alquiler:3'); '.2' adds a turn.")
    question: str
    expect: str | None
    paragraph: int | None = Field(description="1-based paragraph holding ``expect``.")
    kind: str | None = Field(description="The question's kind; optional in a dialogue's turns.")

    @property
    def answerable(self) -> bool:
        return self.expect is not None


class NewsArticle(BaseModel):
    """One article, loaded as ``qa-bot -a`` loads it, with the questions asked of it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(description="The file stem, as dialogues name the article.")
    article: Article
    questions: tuple[NewsQuestion, ...]


class Dialogue(BaseModel):
    """A dialogue of ``conversations.jsonl``: turns that follow each other on one article."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    article: str = Field(description="The ``name`` of the article it is about.")
    turns: tuple[NewsQuestion, ...]


class NewsSet(BaseModel):
    """The contents of a noticias folder, or of one pair."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    articles: tuple[NewsArticle, ...]
    dialogues: tuple[Dialogue, ...] = ()


class _Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    q: str = Field(min_length=1)
    expect: str | None
    para: int | None = Field(ge=1)
    kind: str | None = None


class _Question(_Turn):
    kind: str = Field(min_length=1)
    id: str | int | None = None


class _DialogueLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article: str = Field(min_length=1)
    turns: list[_Turn] = Field(min_length=1)


def _text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QAError(f"{path} no es texto UTF-8.") from exc
    except OSError as exc:
        raise QAError(f"No se puede leer {path}: {exc.strerror or exc}.") from exc


def _lines(path: Path, shape: str) -> Iterator[tuple[int, Any]]:
    """(line number, decoded JSON object) of each non-blank line; QAError names the bad line."""
    text = _text(path)
    if not text.strip():
        raise QAError(f"{path} está vacío.")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QAError(
                f"{path}, línea {number}: no es JSON (columna {exc.colno}); cada línea es {shape}."
            ) from exc
        if not isinstance(value, dict):
            raise QAError(f"{path}, línea {number}: se esperaba un objeto {shape}.")
        yield number, value


def _gold(
    turn: _Turn, paragraphs: list[str], where: str, name: str
) -> tuple[str | None, int | None]:
    """The checked (expect, paragraph) of a question or turn; QAError says what is wrong."""
    expect = None if turn.expect is None else turn.expect.strip()
    if expect == "":
        raise QAError(f"{where}: «expect» está vacío; use null si la noticia no responde.")
    if expect is None:
        if turn.para is not None:
            raise QAError(f"{where}: «para» debe ser null cuando «expect» es null.")
        return None, None
    if turn.para is None:
        raise QAError(f"{where}: falta «para», el párrafo (desde 1) que contiene «{expect}».")
    if turn.para > len(paragraphs):
        raise QAError(
            f"{where}: {name} tiene {len(paragraphs)} párrafos; no hay párrafo {turn.para}."
        )
    if normalize_answer(expect) not in normalize_answer(paragraphs[turn.para - 1]):
        raise QAError(f"{where}: «{expect}» no está en el párrafo {turn.para} de {name}.")
    return expect, turn.para


def _paragraphs(article: Article) -> list[str]:
    return [article.text[s:e] for s, e in paragraph_spans(article.text)]


def _beside(questions: Path, hint: str = "") -> Path:
    """The ``.txt`` article beside a question file; QAError when it is missing."""
    txt = questions.with_suffix(".txt")
    if not txt.is_file():
        raise QAError(
            f"Falta {txt.name} junto a {questions}: cada archivo de preguntas va con su "
            f"noticia{hint}."
        )
    return txt


M = TypeVar("M", bound=BaseModel)


def _validated(model: type[M], raw: Any, where: str, shape: str) -> M:
    """``raw`` as a ``model``; QAError names the line ``where`` and the ``shape`` expected."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise QAError(f"{where}: {problem(exc)}; cada línea es {shape}.") from exc


def read_pair(questions: Path, txt: Path) -> NewsArticle:
    """One article's questions (``NN-slug.jsonl``) and the article they are asked of."""
    loaded = read_article(txt, slug=slugify(txt.stem))
    paragraphs = _paragraphs(loaded)
    out = []
    for number, raw in _lines(questions, QUESTION_SHAPE):
        where = f"{questions}, línea {number}"
        line = _validated(_Question, raw, where, QUESTION_SHAPE)
        expect, paragraph = _gold(line, paragraphs, where, txt.name)
        qid = f"{questions.stem}:{number}" if line.id is None else str(line.id)
        out.append(
            NewsQuestion(
                id=qid, question=line.q, expect=expect, paragraph=paragraph, kind=line.kind
            )
        )
    return NewsArticle(name=txt.stem, article=loaded, questions=tuple(out))


def read_dialogues(path: Path, articles: dict[str, NewsArticle]) -> tuple[Dialogue, ...]:
    """The dialogues of ``conversations.jsonl``, each on one of ``articles`` (by file stem)."""
    dialogues = []
    for number, raw in _lines(path, TURN_SHAPE):
        where = f"{path}, línea {number}"
        line = _validated(_DialogueLine, raw, where, TURN_SHAPE)
        article = articles.get(line.article)
        if article is None:
            raise QAError(f"{where}: no hay noticia «{line.article}» (falta {line.article}.txt).")
        paragraphs = _paragraphs(article.article)
        turns = []
        for k, turn in enumerate(line.turns, start=1):
            name = f"{line.article}.txt"
            expect, paragraph = _gold(turn, paragraphs, f"{where}, turno {k}", name)
            turns.append(
                NewsQuestion(
                    id=f"{path.stem}:{number}.{k}",
                    question=turn.q,
                    expect=expect,
                    paragraph=paragraph,
                    kind=turn.kind,
                )
            )
        dialogues.append(
            Dialogue(id=f"{path.stem}:{number}", article=line.article, turns=tuple(turns))
        )
    return tuple(dialogues)


def read_folder(folder: Path) -> NewsSet:
    """Every ``NN-slug.jsonl`` + ``NN-slug.txt`` pair of ``folder``, and its dialogues."""
    files = sorted(p for p in folder.glob("*.jsonl") if p.name != CONVERSATIONS and p.is_file())
    if not files:
        raise QAError(
            f"La carpeta {folder} no contiene preguntas: se esperan pares NN-tema.txt + "
            f"NN-tema.jsonl (y, si hay diálogos, {CONVERSATIONS})."
        )
    articles = {a.name: a for a in (read_pair(f, _beside(f)) for f in files)}
    conversations = folder / CONVERSATIONS
    dialogues = read_dialogues(conversations, articles) if conversations.exists() else ()
    return NewsSet(source=folder.name, articles=tuple(articles.values()), dialogues=dialogues)


def is_news(path: Path | str) -> bool:
    """Whether ``path`` is in the noticias format: a folder, or a ``.jsonl`` file whose first
    object has ``para``, ``kind`` or ``turns`` (``{"q", "expect"}`` lines are not)."""
    path = Path(path).expanduser()
    if path.is_dir():
        return True
    if not path.is_file() or path.suffix.lower() != ".jsonl":
        return False
    try:
        with path.open(encoding="utf-8-sig") as lines:
            first = next((line for line in lines if line.strip()), "")
        value = json.loads(first)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(value, dict) and bool({"para", "kind", "turns"} & value.keys())


def read_news(path: Path | str, article: Path | str | None = None) -> NewsSet:
    """A noticias folder, or one question file with its article (``article``, or the ``.txt``
    beside it); bad input raises QAError in Spanish, naming the file and line."""
    path = Path(path).expanduser()
    if not path.exists():
        raise QAError(f"No existe {path}; indique una carpeta de noticias o su archivo .jsonl.")
    if path.is_dir():
        if article is not None:
            raise QAError(
                "Una carpeta de noticias trae sus artículos (NN-tema.txt): --article solo se "
                "indica con un archivo de preguntas."
            )
        return read_folder(path)
    if path.name == CONVERSATIONS:
        raise QAError(
            f"{path} son diálogos sobre las noticias de su carpeta: indique la carpeta "
            f"({path.parent})."
        )
    if article is None:
        txt = _beside(path, " (o indíquela con --article)")
    else:
        txt = Path(article).expanduser()
        if not txt.is_file():
            raise QAError(
                f"No existe el artículo {txt}; con preguntas de noticias, indique un .txt."
            )
    return NewsSet(source=path.name, articles=(read_pair(path, txt),))
