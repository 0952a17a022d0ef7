"""Shards in this process answer exactly as one index over the same corpus (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shard_corpus import write_corpus

from qa_bot import QABot
from qa_bot.corpus.articles import read_corpus
from qa_bot.index.shards import MANIFEST, Shard, ShardError, build_shards, partition


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("corpus") / "noticias"
    return folder, write_corpus(folder)


@pytest.fixture(scope="module")
def single(corpus: tuple[Path, list[str]]) -> list[str]:
    folder, questions = corpus
    bot = QABot.load(folder, cache=False)
    return [bot.ask(q, top_k=3).model_dump_json() for q in questions]


def shards_of(folder: Path, n: int, out: Path) -> Path:
    build_shards(read_corpus(folder).articles, n, out, workers=1)
    return out


@pytest.mark.parametrize("n", [2, 3])
def test_shards_give_byte_identical_json_to_one_index(
    corpus: tuple[Path, list[str]], single: list[str], n: int, tmp_path: Path
) -> None:
    folder, questions = corpus
    bot = QABot.from_shards(shards_of(folder, n, tmp_path / "fragmentos"))
    sharded = [bot.ask(q, top_k=3).model_dump_json() for q in questions]
    assert len(questions) == 200
    assert sharded == single
    assert sum('"supported":true' in a for a in single) > 100  # not 200 refusals


def test_per_shard_statistics_would_change_the_answers(
    corpus: tuple[Path, list[str]],
    single: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The test above can fail: each shard scoring with its own IDF and average length (what
    merging the statistics avoids) changes some answers."""
    folder, questions = corpus
    bot = QABot.from_shards(shards_of(folder, 3, tmp_path / "fragmentos"))
    monkeypatch.setattr(
        Shard,
        "search",
        lambda self, stems, k, boosts, idf, avgdl: (
            hits := self.index.search(stems, k, boosts),
            [self.index.passages[i] for i, _ in hits],
        ),
    )
    sharded = [bot.ask(q, top_k=3).model_dump_json() for q in questions]
    assert sum(a != b for a, b in zip(sharded, single, strict=True)) > 10


def test_the_manifest_names_each_article_its_shard_and_hash(
    corpus: tuple[Path, list[str]], tmp_path: Path
) -> None:
    folder, _ = corpus
    out = shards_of(folder, 3, tmp_path / "fragmentos")
    manifest = json.loads((out / MANIFEST).read_text())
    shards = [a["shard"] for a in manifest["articles"]]
    assert shards == sorted(shards) and set(shards) == {0, 1, 2}  # whole articles, in order
    assert all(len(a["sha256"]) == 64 for a in manifest["articles"])
    assert manifest["analyzer"] and manifest["fingerprint"]
    assert sum(s["passages"] for s in manifest["shards"]) == manifest["passages"]


def test_an_edited_article_is_a_spanish_error(
    corpus: tuple[Path, list[str]], tmp_path: Path
) -> None:
    folder, _ = corpus
    copy = tmp_path / "copia"
    copy.mkdir()
    for f in folder.iterdir():
        (copy / f.name).write_bytes(f.read_bytes())
    out = shards_of(copy, 2, tmp_path / "fragmentos")
    edited = sorted(copy.iterdir())[0]
    edited.write_text(edited.read_text() + "\n\nUn párrafo nuevo.\n")
    with pytest.raises(ShardError, match="ha cambiado desde que se indexó"):
        QABot.from_shards(out)


def test_shards_hold_whole_articles_and_none_is_empty() -> None:
    from qa_bot.models import Article

    articles = [
        Article(slug=f"a{i}", path="x", title="t", text="x" * n)
        for i, n in enumerate([5, 1, 1, 1, 50])
    ]
    runs = partition(articles, 3)
    assert [list(r) for r in runs] == [[0, 1, 2], [3], [4]]
    with pytest.raises(ShardError, match="entre 1 y 5 fragmentos"):
        partition(articles, 6)


def test_cite_lists_the_same_passages(corpus: tuple[Path, list[str]], tmp_path: Path) -> None:
    folder, _ = corpus
    one = QABot.load(folder, cache=False)
    bot = QABot.from_shards(shards_of(folder, 3, tmp_path / "fragmentos"))
    assert list(bot.passages) == list(one.passages)
    pid = one.passages[len(one.passages) // 2].id
    assert bot.cite(pid) == one.cite(pid)
    assert bot.index.suggest("p2") == one.index.suggest("p2")


def test_a_whole_article_is_fetched_in_one_call_per_shard(
    corpus: tuple[Path, list[str]], tmp_path: Path
) -> None:
    # The semantic reader reads the rest of an article: its passages come from their shard
    # together, not one round trip (to a Ray actor) each.
    from qa_bot.index.sharded import LocalShards, ShardedIndex

    folder, _ = corpus
    one = QABot.load(folder, cache=False)
    shards = LocalShards.open(shards_of(folder, 2, tmp_path / "fragmentos"))
    calls: list[tuple[int, str]] = []
    plain_call = shards.call

    def counted(shard: int, method: str, *args: object) -> object:
        calls.append((shard, method))
        return plain_call(shard, method, *args)

    shards.call = counted  # type: ignore[method-assign]
    index = ShardedIndex(shards)
    lo, hi = index.article_range(len(index) - 1)  # the last article, in the last shard
    calls.clear()
    index.passages.prefetch(range(lo, hi))
    assert calls == [(1, "passages")]
    calls.clear()
    assert [index.passages[i] for i in range(lo, hi)] == list(one.passages)[lo:hi]
    assert calls == []  # all kept
