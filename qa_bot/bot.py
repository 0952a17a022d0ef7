"""QABot: the engine's public face — load articles, ask questions, cite passages.

A question longer than ``MAX_QUESTION_CHARS`` is answered from its first ``MAX_QUESTION_CHARS``
characters (the answer's ``question`` says so), which keeps a pasted megabyte as fast as a line;
``too_long`` gives the warning each face shows for it.

``QABot.load`` keeps the index of a large corpus in the persistent cache (``qa_bot.index.cache``) unless
``cache=False``; ``progress(done, total)`` is called while passages are analyzed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qa_bot.answer.followup import Context
from qa_bot.answer.respond import answer
from qa_bot.corpus.articles import Ignored, Skipped, load_notices, read_corpus
from qa_bot.errors import EmptyQuestionError
from qa_bot.index.cache import IndexCache
from qa_bot.index.indexing import Progress
from qa_bot.index.passage_index import PassageIndex
from qa_bot.index.protocol import SearchIndex
from qa_bot.models import Answer, Article, Passage

MAX_QUESTION_CHARS = 2000
# How many passages an answer may show, in `ask --top-k` and the chat's /top alike.
MAX_TOP_K = 10
EMPTY_QUESTION = "La pregunta está vacía; escriba una pregunta."
LONG_QUESTION = (
    f"la pregunta pasa de {MAX_QUESTION_CHARS} caracteres; "
    f"se responde con los {MAX_QUESTION_CHARS} primeros."
)


def too_long(question: str) -> str | None:
    """The warning for a question the bot will cut (``LONG_QUESTION``), or None."""
    return LONG_QUESTION if len(question) > MAX_QUESTION_CHARS else None


class QABot:
    """Answers Spanish questions about a set of articles with cited passages."""

    def __init__(
        self,
        articles: list[Article],
        skipped: Sequence[Skipped] = (),
        *,
        ignored: Ignored | None = None,
        cache: IndexCache | None = None,
        progress: Progress | None = None,
        index: SearchIndex | None = None,
    ) -> None:
        self.articles = articles
        self.skipped = list(skipped)
        self.ignored = ignored
        self.cache_notices: list[str] = []
        self.index: SearchIndex
        if index is not None:
            self.index = index
        elif cache is None:
            self.index = PassageIndex.from_articles(articles, progress)
        else:
            self.index, self.cache_notices = cache.load(articles, progress)

    @classmethod
    def load(
        cls,
        path: Path | str | None = None,
        *,
        cache: bool | IndexCache = True,
        progress: Progress | None = None,
    ) -> QABot:
        """A bot over the article file or folder at ``path`` (default: the bundled article).

        ``cache``: True for the default cache folder, an ``IndexCache``, or False for none.
        """
        corpus = read_corpus(path)
        store = IndexCache.default() if cache is True else cache or None
        return cls(
            corpus.articles, corpus.skipped, ignored=corpus.ignored, cache=store, progress=progress
        )

    @classmethod
    def from_shards(cls, folder: Path | str, cluster: str | None = None) -> QABot:
        """A bot over the shard folder ``folder`` (``qa-bot index --shards``): its shards in this
        process, or one Ray actor per shard on the cluster at ``cluster`` ("auto": a local one).

        ``articles`` then holds each article's slug, path and title, not its text (which stays
        with its shard)."""
        from qa_bot.index.sharded import LocalShards, ShardedIndex, ShardGroup
        from qa_bot.index.shards import listed_articles, read_manifest

        folder = Path(folder)
        articles = listed_articles(read_manifest(folder))
        shards: ShardGroup
        if cluster is None:
            shards = LocalShards.open(folder)
        else:
            from qa_bot.cluster import RayShards

            shards = RayShards.start(folder, cluster)
        return cls(articles, index=ShardedIndex(shards))

    @property
    def notices(self) -> list[str]:
        """Spanish one-line warnings about the loading (encodings, skipped files, hidden and tool
        folders left out, the index cache) for a face."""
        return load_notices(self.articles, self.skipped, self.ignored) + self.cache_notices

    @property
    def passages(self) -> Sequence[Passage]:
        return self.index.passages

    def ask(self, question: str, top_k: int = 1, context: Context | None = None) -> Answer:
        """Answer ``question`` with up to ``top_k`` ranked passages, or refuse honestly; a
        follow-up's ``context`` (``answer.followup.context_for``) lends it the earlier words."""
        if not question or not question.strip():
            raise EmptyQuestionError(EMPTY_QUESTION)
        return answer(
            self.index, question[:MAX_QUESTION_CHARS], top_k=max(1, top_k), context=context
        )

    def cite(self, pid: str) -> Passage:
        """The passage with citation id ``pid``; raises UnknownPassageError."""
        return self.index.passage(pid)

    def article(self, slug: str) -> Article:
        """The loaded article with this slug."""
        return next(a for a in self.articles if a.slug == slug)
