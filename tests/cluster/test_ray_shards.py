"""Shards as Ray actors on a local cluster (loopback, 2 CPUs): the same JSON as one index, and a
killed actor (issue 16). Skipped where the cluster extra (ray) is not installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from shard_corpus import write_corpus

ray = pytest.importorskip("ray")

from qa_bot import QABot  # noqa: E402
from qa_bot.cluster import RayShards, ShardUnavailableError  # noqa: E402
from qa_bot.corpus.articles import read_corpus  # noqa: E402
from qa_bot.index.sharded import ShardedIndex  # noqa: E402
from qa_bot.index.shards import build_shards  # noqa: E402

pytestmark = [pytest.mark.cluster, pytest.mark.slow]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        _node_ip_address="127.0.0.1",
        _temp_dir=str(tmp_path_factory.mktemp("ray")),
    )
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    folder = tmp_path_factory.mktemp("corpus") / "noticias"
    questions = write_corpus(folder)
    bot = QABot.load(folder, cache=False)
    return folder, questions, [bot.ask(q, top_k=3).model_dump_json() for q in questions]


def shards_of(folder: Path, n: int, out: Path) -> Path:
    build_shards(read_corpus(folder).articles, n, out, workers=1)
    return out


@pytest.mark.parametrize("n", [2, 3])
def test_actors_give_byte_identical_json_to_one_index(
    cluster: None, corpus: tuple[Path, list[str], list[str]], n: int, tmp_path: Path
) -> None:
    folder, questions, single = corpus
    bot = QABot.from_shards(shards_of(folder, n, tmp_path / "fragmentos"), cluster="auto")
    assert [bot.ask(q, top_k=3).model_dump_json() for q in questions] == single


def test_a_killed_actor_is_restarted_and_the_question_retried(
    cluster: None, corpus: tuple[Path, list[str], list[str]], tmp_path: Path
) -> None:
    folder, questions, single = corpus
    shards = RayShards.start(shards_of(folder, 2, tmp_path / "fragmentos"), "auto")
    bot = QABot([], index=ShardedIndex(shards))
    ray.kill(shards.actors[1], no_restart=False)
    assert [bot.ask(q, top_k=3).model_dump_json() for q in questions[:20]] == single[:20]


def test_a_shard_that_stays_away_is_a_spanish_error_naming_it(
    cluster: None, corpus: tuple[Path, list[str], list[str]], tmp_path: Path
) -> None:
    folder, questions, _ = corpus
    shards = RayShards.start(shards_of(folder, 3, tmp_path / "fragmentos"), "auto")
    bot = QABot([], index=ShardedIndex(shards))
    ray.kill(shards.actors[2], no_restart=True)
    with pytest.raises(ShardUnavailableError, match=r"El fragmento 3 de 3 \(.*shard-002.qaidx\) no responde"):
        bot.ask(questions[0])
