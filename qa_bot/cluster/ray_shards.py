"""``ShardGroup`` on Ray: one actor per shard, spread over the cluster's nodes.

Each actor opens its shard (``Shard.open``: the shard file and its articles, by the paths in the
manifest, so every node needs them at the same paths: a shared or copied folder). An actor that
dies is started again by Ray (``MAX_RESTARTS``: it opens its shard again) and the call is retried
(``MAX_TASK_RETRIES``); actors keep no state between calls beyond their shard, since every call
carries the corpus's statistics. When a shard still does not answer, the question fails with
``ShardUnavailableError``, which names the shard: never a ranking from the other shards alone.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from qa_bot.errors import QAError
from qa_bot.index.shards import Shard, read_manifest

try:
    import ray
    from ray.exceptions import GetTimeoutError, RayActorError, RayTaskError
except ImportError as exc:  # pragma: no cover - depends on the install
    raise QAError("--cluster necesita Ray: instálelo con pip install 'qa-bot[cluster]'.") from exc

MAX_RESTARTS = 3
MAX_TASK_RETRIES = 3
# A shard uses a core only while it answers: several fit in one core (4 shards on 2 cores).
ACTOR_CPUS = 0.5
# How long to wait for a shard, opening included (a large shard takes seconds to read).
TIMEOUT_SECONDS = 300.0
# How long to wait for the head's port to answer before Ray is asked to connect (Ray itself tries
# for minutes, printing its own warnings).
CONNECT_SECONDS = 5.0


class ShardUnavailableError(QAError):
    """A shard that does not answer, even after its actor was started again."""


def check_address(address: str) -> None:
    """``address`` is ``auto``, a Ray client address (``ray://…``), or ``HOST:PORT`` with
    something listening there; a Spanish ``QAError`` otherwise, within ``CONNECT_SECONDS``."""
    if address == "auto" or "://" in address:
        return
    host, colon, port = address.strip().rpartition(":")
    host = host.strip("[]")  # [::1]:6379
    if not colon or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise QAError(
            f"--cluster espera la dirección de la cabeza del clúster, HOST:PUERTO (por ejemplo "
            f"10.0.0.5:6379), o auto para uno local; «{address}» no lo es."
        )
    try:
        with socket.create_connection((host, int(port)), timeout=CONNECT_SECONDS):
            pass
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise QAError(
            f"No se puede conectar con el clúster de Ray en {address} ({why}); arránquelo con "
            "ray start --head --port PUERTO en esa máquina, o use --cluster auto."
        ) from None


@ray.remote(max_restarts=MAX_RESTARTS, max_task_retries=MAX_TASK_RETRIES)
class ShardActor:
    """One shard in a Ray actor; ``call`` runs one of ``Shard``'s methods."""

    def __init__(self, folder: str, number: int) -> None:
        self.shard = Shard.open(folder, number)

    def call(self, method: str, *args: Any) -> Any:
        return getattr(self.shard, method)(*args)

    def ready(self) -> bool:
        return True

    def process(self) -> dict[str, Any]:
        """This actor's process: its id, its node, its resident and peak memory in MB (Linux)."""
        memory = {"rss_mb": 0.0, "peak_mb": 0.0}
        try:
            with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
                for line in status:
                    for field, key in (("VmRSS:", "rss_mb"), ("VmHWM:", "peak_mb")):
                        if line.startswith(field):
                            memory[key] = int(line.split()[1]) / 1024
        except OSError:  # pragma: no cover - not Linux
            pass
        node = ray.get_runtime_context().get_node_id()
        return {"pid": os.getpid(), "node": node, **memory}


class RayShards:
    """The shards of a shard folder, one Ray actor each (see the module docstring)."""

    def __init__(self, folder: Path, files: Sequence[str], actors: Sequence[Any]) -> None:
        self.folder = folder
        self.files = list(files)
        self.actors = list(actors)

    @classmethod
    def start(cls, folder: Path | str, address: str, **init: Any) -> RayShards:
        """Connect to the Ray cluster at ``address`` ("auto": start a local one, unless this
        process is already connected) and start one actor per shard of ``folder``."""
        folder = Path(folder).resolve()
        shards = read_manifest(folder)["shards"]
        assert isinstance(shards, list)
        if not ray.is_initialized():
            check_address(address)
            # Only qa-bot's output on the terminal: no dashboard, no workers' output, and none of
            # Ray's start-up warnings (token authentication, resources…); its errors still reach
            # the caller as exceptions, which become a Spanish message below.
            init.setdefault("include_dashboard", False)
            init.setdefault("log_to_driver", False)
            init.setdefault("configure_logging", True)
            init.setdefault("logging_level", logging.ERROR)
            try:
                ray.init(address=None if address == "auto" else address, **init)
            except (ConnectionError, ValueError, RuntimeError) as exc:
                raise QAError(
                    f"No se puede conectar con el clúster de Ray en {address}: {exc}"
                ) from exc
        actors = [
            ShardActor.options(  # type: ignore[attr-defined]
                num_cpus=ACTOR_CPUS, scheduling_strategy="SPREAD"
            ).remote(str(folder), number)
            for number in range(len(shards))
        ]
        group = cls(folder, [s["file"] for s in shards], actors)
        group._get(list(range(len(actors))), [a.ready.remote() for a in actors])
        return group

    def __len__(self) -> int:
        return len(self.actors)

    def _missing(self, number: int, exc: Exception) -> ShardUnavailableError:
        cause = exc.cause if isinstance(exc, RayTaskError) and exc.cause is not None else exc
        if isinstance(cause, QAError):
            why = str(cause)
        else:
            why = f"{type(cause).__name__}: {str(cause).splitlines()[0] if str(cause) else ''}"
        return ShardUnavailableError(
            f"El fragmento {number + 1} de {len(self.actors)} ({self.folder / self.files[number]}) "
            f"no responde ({why}); no se responde con los demás fragmentos solos. Compruebe el "
            "clúster y vuelva a preguntar."
        )

    def _get(self, numbers: Sequence[int], refs: Sequence[Any]) -> list[Any]:
        results = []
        for number, ref in zip(numbers, refs, strict=True):
            try:
                results.append(ray.get(ref, timeout=TIMEOUT_SECONDS))
            except (RayActorError, RayTaskError, GetTimeoutError) as exc:
                raise self._missing(number, exc) from exc
        return results

    def call(self, shard: int, method: str, *args: Any) -> Any:
        return self._get([shard], [self.actors[shard].call.remote(method, *args)])[0]

    def call_all(self, method: str, args: Sequence[tuple[Any, ...]]) -> list[Any]:
        refs = [a.call.remote(method, *x) for a, x in zip(self.actors, args, strict=True)]
        return self._get(range(len(refs)), refs)
