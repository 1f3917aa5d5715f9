"""The benchmarks' synthetic databases follow the store's schema as it changes.

`make bench` is not part of `make test`, so a migration that adds a column could break a
benchmark's bulk insert unseen (it did once: deal_sources grew two columns). Building each
synthetic database at a tiny size here catches that in CI.
"""

from __future__ import annotations

from pathlib import Path

from bench import deal_bench, synthdb
from bot.store import Store


def test_deal_bench_database_builds_on_the_current_schema(tmp_path: Path) -> None:
    store = deal_bench.build(tmp_path / "deal.db", 20, 40)
    assert store.db["deals"].count == 20
    assert store.db["deal_sources"].count == 20
    assert store.db["stories"].count == 40


def test_synthetic_store_builds_on_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "synth.db"
    synthdb.build(path, 200)

    store = Store(str(path))
    assert store.db["stories"].count == 200
    assert store.db["deals"].count > 0
