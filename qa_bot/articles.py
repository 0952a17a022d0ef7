"""Loading articles: a .txt/.md file, a folder of them, or the bundled article.

Text is decoded as UTF-8 (a leading BOM is dropped). A file that is not valid UTF-8 is read as
Windows-1252, the usual encoding of older Spanish text files, and the article records
``encoding="cp1252"`` so that a face can say so. A file with NUL bytes is not text and is refused.
Line endings are kept as they are, so passage offsets point exactly into the file's text.
"""

from __future__ import annotations

from pathlib import Path

from qa_bot.errors import ArticleError
from qa_bot.models import Article
from qa_bot.passages import slugify, title_of

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_ARTICLE_BYTES = 200 * 1024 * 1024
BUNDLED_NAME = "rusia-corea-del-norte.txt"


def bundled_article_path() -> Path:
    """The bundled article: inside the installed package, or in the source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "passages" / BUNDLED_NAME, here.parent / "passages" / BUNDLED_NAME):
        if candidate.is_file():
            return candidate
    raise ArticleError("No se encuentra el artículo incluido; reinstale qa-bot.")


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode an article's bytes; returns (text, encoding)."""
    if b"\x00" in data:
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
                f"{path} es demasiado grande ({size // (1024 * 1024)} MB; máximo "
                f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB por archivo); divídalo en varios archivos."
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
    return Article(
        slug=slug or slugify(path.stem),
        path=str(path),
        title=title_of(path),
        text=text,
        encoding=encoding,
    )


def load_articles(path: Path | str | None = None) -> list[Article]:
    """Load the article(s) at ``path``: a file, a folder (recursively), or the bundled article."""
    if path is None:
        return [read_article(bundled_article_path())]
    path = Path(path).expanduser()
    if not path.exists():
        raise ArticleError(f"No existe {path}; indique un archivo .txt/.md o una carpeta.")
    if path.is_file():
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            raise ArticleError(f"{path} no es un artículo .txt ni .md.")
        return [read_article(path)]
    files = sorted(
        p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    )
    if not files:
        raise ArticleError(f"La carpeta {path} no contiene artículos .txt ni .md.")
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for file in files:
        slug = slugify(str(file.relative_to(path).with_suffix("")))
        seen[slug] = seen.get(slug, 0) + 1
        if seen[slug] > 1:
            slug = f"{slug}-{seen[slug]}"
        try:
            articles.append(read_article(file, slug=slug))
        except ArticleError:
            if len(files) == 1:
                raise
    if not articles:
        raise ArticleError(f"La carpeta {path} no contiene artículos con texto.")
    return articles
