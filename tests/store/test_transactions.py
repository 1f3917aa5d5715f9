"""Two processes writing one database (issue 17, item 6): a read-then-write transaction must
wait for the other writer, not fail with "database is locked"."""

from __future__ import annotations

import threading
import time

from bot.store import Store


def test_read_then_write_waits_for_another_connections_write(tmp_path):
    path = str(tmp_path / "d.db")
    first, second = Store(path), Store(path)  # two connections, as two processes have
    read_done = threading.Event()
    errors: list[BaseException] = []

    def reader_then_writer() -> None:
        try:
            with first.transaction() as db:
                db.execute("select count(*) from feeds").fetchone()
                read_done.set()
                time.sleep(0.3)  # the other connection tries to write meanwhile
                db.execute("insert into feeds (url, name) values ('https://a.example/f', 'A')")
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)
            read_done.set()

    def writer() -> None:
        read_done.wait(5)
        try:
            with second.transaction() as db:
                db.execute("insert into feeds (url, name) values ('https://b.example/f', 'B')")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=reader_then_writer), threading.Thread(target=writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert errors == []
    assert first.count("feeds") == 2


def test_a_failed_transaction_leaves_nothing(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    try:
        with store.transaction() as db:
            db.execute("insert into feeds (url, name) values ('https://a.example/f', 'A')")
            raise RuntimeError("crash inside")
    except RuntimeError:
        pass
    assert store.count("feeds") == 0
    with store.transaction() as db:  # and the connection is usable afterwards
        with store.transaction() as inner:  # nested: a savepoint
            inner.execute("insert into feeds (url, name) values ('https://b.example/f', 'B')")
        assert db.conn.in_transaction
    assert store.count("feeds") == 1


def test_rows_that_say_a_card_is_posted_are_committed_to_disk(tmp_path):
    """Issue 17 (also): a card posted but not recorded is posted again after power loss, so
    post and roundup rows commit with synchronous=FULL; a poll's stories keep NORMAL (2 and 1
    in SQLite's numbering)."""
    store = Store(str(tmp_path / "d.db"))
    seen: list[int] = []
    with store.transaction(durable=True) as db:
        seen.append(db.execute("pragma synchronous").fetchone()[0])
    with store.transaction() as db:
        seen.append(db.execute("pragma synchronous").fetchone()[0])
    assert seen == [2, 1]
    store.add_post(1, "C1")  # the posts rows use the durable kind
    assert store.db.execute("pragma synchronous").fetchone()[0] == 1  # and set it back
