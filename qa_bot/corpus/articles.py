"""Loading articles: a .txt/.md file, a folder of them, or the bundled article.

Text is decoded as UTF-8 (a leading BOM is dropped). A file that is not valid UTF-8 is read as
Windows-1252, the usual encoding of older Spanish text files, and the article records
``encoding="cp1252"`` so that a face can say so. A file with NUL bytes is not text and is refused.
Line endings are kept as they are, so passage offsets point exactly into the file's text.
A ``.md`` file is read as a reader sees it (``qa_bot.corpus.markdown``, imported only then: the
Markdown parser is not on the start-up path of a ``.txt`` article).

A folder is walked without its hidden entries (``.git``, ``.notas.md``) and the folders tools make
(``TOOL_FOLDERS``: ``node_modules``, ``.venv``, ``build``…), which are not articles.
A folder's files that cannot be read are skipped; ``read_corpus`` returns them with their reasons,
and how many entries it left out, and ``load_notices`` turns that into Spanish lines for a face to
show (this module never prints).
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import NamedTuple

from qa_bot.corpus.passages import slugify, title_of
from qa_bot.errors import ArticleError
from qa_bot.models import Article

ARTICLE_SUFFIXES = (".txt", ".md")
# For one file or a whole folder. The first indexing costs about 0.15 s and 5 MB of memory per MB
# of text, so 200 MB is ~30 s and ~1 GB; later runs load the cached index in seconds (README,
# "Velocidad y escala").
MAX_ARTICLE_BYTES = 200 * 1024 * 1024
BUNDLED_NAME = "rusia-corea-del-norte.txt"
# Folders that tools make inside a project: never articles, sometimes thousands of files.
TOOL_FOLDERS = frozenset({"venv", "node_modules", "__pycache__", "build", "dist", "site-packages"})
_MB = 1024 * 1024
SHOWN_IGNORED = 4


class Skipped(NamedTuple):
    """A file of a folder that could not be read as an article; ``message`` says why, in Spanish."""

    path: str
    message: str


class Corpus(NamedTuple):
    """The articles loaded from a path, the folder's files that were skipped, and the hidden and
    tool entries of the folder that were not looked into."""

    articles: list[Article]
    skipped: list[Skipped]
    ignored: Ignored | None = None


class Ignored(NamedTuple):
    """The entries of a folder left out unread: hidden ones and tool folders."""

    folder: str
    names: list[str]


def _megabytes(size: int) -> int:
    return -(-size // _MB)


def _limit() -> str:
    return f"qa-bot consulta hasta {_megabytes(MAX_ARTICLE_BYTES)} MB de texto"


def bundled_article_path() -> Path:
    """The bundled article: inside the installed package, or in the source checkout."""
    package = Path(__file__).resolve().parent.parent  # qa_bot/
    for candidate in (
        package / "passages" / BUNDLED_NAME,
        package.parent / "passages" / BUNDLED_NAME,
    ):
        if candidate.is_file():
            return candidate
    raise ArticleError("No se encuentra el artículo incluido; reinstale qa-bot.")


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode an article's bytes; returns (text, encoding)."""
    if b"\x00" in data:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise ArticleError(
                f"{path} está en UTF-16 (contiene bytes nulos); guárdelo como UTF-8."
            )
        raise ArticleError(f"{path} no es un archivo de texto (contiene bytes nulos).")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path} no es texto UTF-8 ni Windows-1252; conviértalo a UTF-8."
        ) from exc


def read_article(path: Path, slug: str | None = None) -> Article:
    """Read one article file."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"{path} es demasiado grande ({_megabytes(size)} MB; {_limit()}); use un extracto."
            )
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise ArticleError(f"{path} es una carpeta, no un archivo.") from exc
    except PermissionError as exc:
        raise ArticleError(f"No hay permiso para leer {path}.") from exc
    except OSError as exc:
        raise ArticleError(f"No se puede leer {path}: {exc.strerror or exc}.") from exc
    text, encoding = decode(data, path)
    if not text.strip():
        raise ArticleError(f"{path} está vacío: no hay texto que consultar.")
    source_map, heading = None, ""
    if path.suffix.lower() == ".md":
        from qa_bot.corpus.markdown import read_markdown

        text, source_map, heading = read_markdown(text)
        if not text.strip():
            raise ArticleError(f"{path} no tiene texto visible (solo marcas de Markdown).")
    return Article.model_construct(
        slug=slug or slugify(path.stem),
        path=str(path),
        title=title_of(path, text, heading),
        text=text,
        encoding=encoding,
        source_map=source_map,
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # reported when the file is read
        return 0


def _ignored(name: str) -> bool:
    return name.startswith(".") or name in TOOL_FOLDERS


def walk(folder: Path) -> tuple[list[Path], list[str]]:
    """The files under ``folder`` (links followed, each real folder once) and the paths, relative
    to it, of the hidden and tool entries left out."""
    files: list[Path] = []
    ignored: list[str] = []
    seen = {os.path.realpath(folder)}
    for root, dirs, names in os.walk(folder, followlinks=True):
        here = Path(root)
        kept = []
        for name in dirs:
            if _ignored(name):
                ignored.append(str((here / name).relative_to(folder)))
            elif (real := os.path.realpath(here / name)) not in seen:  # a link loop ends here
                seen.add(real)
                kept.append(name)
        dirs[:] = sorted(kept)
        for name in names:
            if _ignored(name):
                if Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                    ignored.append(str((here / name).relative_to(folder)))
            else:
                files.append(here / name)
    return files, sorted(ignored)


def read_corpus(path: Path | str | None = None) -> Corpus:
    """The article(s) at ``path`` (a file, a folder read recursively, or None for the bundled
    article), with the folder's files that had to be skipped."""
    if path is None:
        return Corpus([read_article(bundled_article_path())], [])
    if not str(path).strip():
        raise ArticleError(
            "La ruta del artículo está vacía; indique un archivo .txt/.md o una carpeta."
        )
    path = Path(path).expanduser()
    if not path.exists():
        raise ArticleError(f"No existe {path}; indique un archivo .txt/.md o una carpeta.")
    if path.is_file():
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            raise ArticleError(f"{path} no es un artículo .txt ni .md.")
        return Corpus([read_article(path)], [])
    if not path.is_dir():
        raise ArticleError(f"{path} no es un archivo ni una carpeta.")
    found, left_out = walk(path)
    ignored = Ignored(str(path), left_out) if left_out else None
    named = [p for p in found if p.suffix.lower() in ARTICLE_SUFFIXES]
    files = sorted(p for p in named if p.is_file())
    # A link to a file that is gone would vanish without a word: say it is skipped.
    broken = sorted(p for p in named if p.is_symlink() and not p.exists())
    if not files:
        hint = f"; {_ignored_text(ignored)}" if ignored else ""
        raise ArticleError(f"La carpeta {path} no contiene artículos .txt ni .md{hint}.")
    total = sum(_size(f) for f in files)
    if total > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"La carpeta {path} tiene {_megabytes(total)} MB de artículos; {_limit()}: "
            "elija menos archivos."
        )
    articles: list[Article] = []
    skipped = [Skipped(str(p), f"{p} es un enlace a un archivo que no existe.") for p in broken]
    taken: set[str] = set()
    for file in files:
        base = slug = slugify(str(file.relative_to(path).with_suffix("")))
        number = 1
        while slug in taken:  # "a.md" and "a.txt", next to "a-2.txt"
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        try:
            articles.append(read_article(file, slug=slug))
        except ArticleError as exc:
            if len(files) == 1:
                raise
            skipped.append(Skipped(str(file), str(exc)))
    if not articles:
        more = len(skipped) - 1
        others = f" (y {more} archivo{'s' if more > 1 else ''} más)" if more else ""
        raise ArticleError(
            f"La carpeta {path} no contiene artículos con texto: "
            f"{skipped[0].message.rstrip('.')}{others}."
        )
    return Corpus(articles, skipped, ignored)


def _ignored_text(ignored: Ignored) -> str:
    """«se omiten 5 entradas ocultas o de herramientas (.git, .venv, build, dist y 1 más)»."""
    n = len(ignored.names)
    names = ", ".join(ignored.names[:SHOWN_IGNORED])
    if n > SHOWN_IGNORED:
        names += f" y {n - SHOWN_IGNORED} más"
    what = "1 entrada oculta" if n == 1 else f"{n} entradas ocultas"
    return f"se omite{'' if n == 1 else 'n'} {what} o de herramientas ({names})"


def load_articles(path: Path | str | None = None) -> list[Article]:
    """Load the article(s) at ``path``: a file, a folder (recursively), or the bundled article.

    A folder's files that cannot be read are left out; ``read_corpus`` also says which.
    """
    return read_corpus(path).articles


def load_notices(
    articles: list[Article], skipped: list[Skipped], ignored: Ignored | None = None
) -> list[str]:
    """One Spanish line per thing a reader should know about the loading: a file read as
    Windows-1252, a file of a folder left out, and one line for the hidden and tool entries."""
    notices = [f"en {ignored.folder} {_ignored_text(ignored)}."] if ignored else []
    notices += [
        f"{a.path} no está en UTF-8; se ha leído como Windows-1252."
        for a in articles
        if a.encoding == "cp1252"
    ]
    notices += [f"{s.message.rstrip('.')}; se omite." for s in skipped]
    return notices
