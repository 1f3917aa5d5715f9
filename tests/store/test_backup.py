"""Backups and upgrades: `dealbot backup PATH` (SQLite's online backup, safe while another
thread writes), a copy kept beside the database before any migration changes it, and `dealbot
db status` reading the schema without changing it."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta, timezone

import pytest
import sqlite_utils

from bot.cli import main
from bot.models import Story
from bot.pipeline import ingest
from bot.store import Store
from bot.store.base import schema_status
from bot.store.schema import migrations

WHEN = datetime(2018, 4, 9, 12, tzinfo=timezone.utc)


def add(store: Store, n: int) -> None:
    title = f"Company{n} raises ${n + 1}M seed led by Fund{n}"
    story = Story(f"https://news.example/{n}", title, published=WHEN, outlet="Wire")
    ingest(store, story, now=WHEN, max_age=timedelta(days=3))


def test_backup_while_another_thread_writes(tmp_path) -> None:
    store = Store(str(tmp_path / "live.db"))
    for n in range(50):
        add(store, n)
    stop = threading.Event()

    def keep_writing() -> None:
        n = 1000
        while not stop.is_set():
            add(store, n)
            n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        target = store.backup(str(tmp_path / "copy.db"))
    finally:
        stop.set()
        writer.join()
    copy = sqlite3.connect(target)
    assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert copy.execute("select count(*) from deals").fetchone()[0] >= 50
    assert not (tmp_path / "copy.db.partial").exists()


def test_an_upgrade_backs_the_database_up_first(tmp_path) -> None:
    path = str(tmp_path / "old.db")
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m015_corrections")  # a database from before issue 18
    old.conn.close()
    status = schema_status(path)
    assert status["pending"][0] == "m015_corrections" and status["integrity"] == "ok"

    store = Store(path)
    assert store.backed_up == f"{path}.before-m015_corrections.bak"
    kept = sqlite_utils.Database(store.backed_up)
    assert "corrections" not in kept.table_names() and "deals" in kept.table_names()
    assert "corrections" in store.db.table_names()
    store.close()
    assert Store(path).backed_up is None  # nothing pending: no copy
    assert schema_status(path)["pending"] == []


def test_a_new_database_needs_no_backup(tmp_path) -> None:
    assert Store(str(tmp_path / "new.db")).backed_up is None
    assert not [p.name for p in tmp_path.iterdir() if ".bak" in p.name]


@pytest.fixture
def env(cli_env):
    return cli_env


def test_backup_and_db_status_commands(env, capsys) -> None:
    assert main(["db", "status"]) == 1  # no database yet
    assert "no database" in capsys.readouterr().out
    assert main(["backup", str(env / "b.db")]) == 2
    store = Store(str(env / "d.db"))
    add(store, 1)
    store.close()
    assert main(["backup", str(env / "b.db")]) == 0
    assert "backed up" in capsys.readouterr().out
    assert main(["backup", str(env / "b.db")]) == 2  # never over a file without --force
    assert "--force" in capsys.readouterr().err
    assert main(["backup", str(env / "b.db"), "--force"]) == 0
    assert main(["db", "status"]) == 0
    out = capsys.readouterr().out
    latest = migrations._migrations[-1].name
    assert f"migrations applied; latest {latest}" in out
    assert "pending:  none" in out and "integrity: ok" in out
