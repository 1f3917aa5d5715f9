"""bot.store.schema: migrations build every table and index once, and upgrade an old file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from bot.store import Store
from bot.store.schema import migrations

TABLES = {"feeds", "stories", "deals", "deal_sources", "posts", "roundups", "subscriptions"}
TABLES |= {"deal_investors", "company_aliases", "deals_fts"}


def indexes(db: sqlite_utils.Database) -> set[str]:
    return {i.name for t in db.tables for i in t.indexes if not i.name.startswith("sqlite_")}


def test_a_new_database_gets_every_table_and_the_lookup_indexes() -> None:
    db = sqlite_utils.Database(memory=True)
    migrations.apply(db)
    assert set(db.table_names()) >= TABLES
    assert {
        "idx_stories_link_key",  # a story seen again is found by link...
        "idx_stories_guid",  # ...or by guid
        "idx_deals_company_prefix_announced",  # matching candidates
        "idx_deal_investors_investor_key_announced",  # investor:X newest first
        "idx_company_aliases_alias_prefix_announced",  # product names
    } <= indexes(db)


def test_applying_again_changes_nothing() -> None:
    db = sqlite_utils.Database(memory=True)
    migrations.apply(db)
    before = (set(db.table_names()), indexes(db))
    migrations.apply(db)
    assert (set(db.table_names()), indexes(db)) == before


def test_a_file_from_the_first_release_is_upgraded_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m002_roundups")  # the first release's schema only
    old.table("feeds").insert(
        {"url": "https://techcrunch.com/feed/", "name": "TechCrunch", "removed": 0, "failures": 0}
    )
    old.conn.close()
    store = Store(str(path))
    try:
        assert [f["url"] for f in store.feeds()] == ["https://techcrunch.com/feed/"]
        assert set(store.db.table_names()) >= TABLES
    finally:
        store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
