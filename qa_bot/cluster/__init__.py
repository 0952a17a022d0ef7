"""Shards on a Ray cluster: one actor per shard (``pip install 'qa-bot[cluster]'``).

Imported only for ``--cluster``: ``import ray`` costs more than qa-bot's whole start-up.
"""

from __future__ import annotations

from qa_bot.cluster.ray_shards import RayShards, ShardUnavailableError

__all__ = ["RayShards", "ShardUnavailableError"]
