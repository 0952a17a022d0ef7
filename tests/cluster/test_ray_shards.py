"""Shards as Ray actors on a local cluster (loopback, 2 CPUs): the same JSON as one index, and a
killed actor (issue 16). Skipped where the cluster extra (ray) is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
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


def gone(pid: int, seconds: float = 60.0) -> bool:
    """Whether process ``pid`` has ended (reaped, or a zombie) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_a_killed_actor_is_restarted_and_the_question_retried(
    cluster: None, corpus: tuple[Path, list[str], list[str]], tmp_path: Path
) -> None:
    folder, questions, single = corpus
    shards = RayShards.start(shards_of(folder, 2, tmp_path / "fragmentos"), "auto")
    bot = QABot([], index=ShardedIndex(shards))
    before = ray.get(shards.actors[1].process.remote())["pid"]
    ray.kill(shards.actors[1], no_restart=False)
    # The actor's process is really dead before the next question (ray.kill only asks for it):
    # the question below finds the shard missing, and must wait for its restart and retry.
    assert gone(before)
    assert [bot.ask(q, top_k=3).model_dump_json() for q in questions[:20]] == single[:20]
    assert ray.get(shards.actors[1].process.remote())["pid"] != before  # a new process


def test_a_shard_that_stays_away_is_a_spanish_error_naming_it(
    cluster: None, corpus: tuple[Path, list[str], list[str]], tmp_path: Path
) -> None:
    folder, questions, _ = corpus
    shards = RayShards.start(shards_of(folder, 3, tmp_path / "fragmentos"), "auto")
    bot = QABot([], index=ShardedIndex(shards))
    ray.kill(shards.actors[2], no_restart=True)
    with pytest.raises(
        ShardUnavailableError, match=r"El fragmento 3 de 3 \(.*shard-002.qaidx\) no responde"
    ):
        bot.ask(questions[0])


def test_cluster_auto_prints_only_qa_bots_output(
    corpus: tuple[Path, list[str], list[str]], tmp_path: Path
) -> None:
    """A local cluster started by ``--cluster auto`` says nothing on stderr (Ray's start-up
    warnings, token authentication…, are silenced) and prints what the folder prints."""
    folder, questions, _ = corpus
    shards = shards_of(folder, 2, tmp_path / "fragmentos")
    qa_bot = [sys.executable, "-m", "qa_bot"]
    # Ray's own folder, short (its sockets' paths have a length limit), removed afterwards.
    ray_tmp = tempfile.mkdtemp(prefix="qa-ray-", dir="/tmp")
    env = {**os.environ, "RAY_TMPDIR": ray_tmp}
    env.pop("RAY_ADDRESS", None)
    alone = subprocess.run(
        [*qa_bot, "ask", "--index", str(shards), "--cluster", "auto", questions[0]],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    single = subprocess.run(
        [*qa_bot, "ask", "--article", str(folder), "--no-cache", questions[0]],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    shutil.rmtree(ray_tmp, ignore_errors=True)
    assert (alone.returncode, alone.stdout, alone.stderr) == (single.returncode, single.stdout, "")
