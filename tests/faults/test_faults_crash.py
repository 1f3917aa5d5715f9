"""Item 3: kill -9 of a real `dealbot poll` at exact points, then restart: every deal has
exactly one card per channel, no thread reply twice, and SQLite's integrity check passes.

The kill comes from inside, at a named hook point (bot/hooks.py, installed by tests/launch.py): killing
from outside after a delay would hit a random instruction and make the test flaky or vacuous.
The process still dies by SIGKILL, so nothing is flushed, closed or rolled back politely.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest
from fakeslack import FakeSlack  # noqa: F401 - the type of the fixture
from faultkit import (
    CH,
    assert_exactly_once,
    company_names,
    dealbot_env,
    headline,
    hours_ago,
    rss,
)
from launch import dealbot

from bot.store import Store

NAMES = company_names(6, seed=3)


def items(first: int, last: int, host: str) -> list:
    return [
        (headline(NAMES[i], i), f"https://{host}.example/{NAMES[i].lower()}", hours_ago(5 - i / 2))
        for i in range(first, last)
    ]


class Deployment:
    """A feeds file, a database and the environment of `dealbot poll` against the fakes."""

    def __init__(self, tmp_path: Path, feed_server, fake: FakeSlack) -> None:
        self.feed_server, self.fake = feed_server, fake
        self.db = tmp_path / "d.db"
        feeds = tmp_path / "feeds.toml"
        urls = {
            "TechCrunch": feed_server.add("/tc", rss(items(0, 4, "tc"))),
            "EU-Startups": feed_server.add("/eu", rss([])),
        }
        feeds.write_text(
            "".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in urls.items())
        )
        self.env = dealbot_env(fake, self.db, feeds)

    def poll(self, crash_at: str | None = None) -> subprocess.CompletedProcess:
        proc = subprocess.run(
            dealbot("poll", crash_at=crash_at),
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if crash_at:
            assert proc.returncode == -signal.SIGKILL, (crash_at, proc.returncode, proc.stderr)
        else:
            assert proc.returncode == 0, proc.stderr
        return proc

    def check(self) -> None:
        with sqlite3.connect(self.db) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        store = Store(str(self.db))
        try:
            assert_exactly_once(self.fake, store)
            assert store.count("deals") >= 4
        finally:
            store.close()


@pytest.mark.parametrize(
    "point",
    [
        "in_ingest:2",  # inside the second story's transaction: rolled back as a whole
        "after_store",  # every story and deal stored, nothing announced yet
        "after_pending:2",  # second card: pending row written, chat.postMessage not called
        "after_post",  # first card is in Slack, its row still says pending
        "after_post:3",
    ],
)
def test_kill_during_first_cycle_then_restart(tmp_path, feed_server, fake, point) -> None:
    dep = Deployment(tmp_path, feed_server, fake)
    dep.poll(crash_at=point)
    dep.poll()  # the restart
    dep.check()
    before = len(fake.calls_to("chat.postMessage"))
    dep.poll()  # and a quiet cycle after it posts nothing
    assert len(fake.calls_to("chat.postMessage")) == before


@pytest.mark.parametrize("point", ["after_reply", "after_reply:2", "after_post", "after_store"])
def test_kill_during_an_update_then_restart(tmp_path, feed_server, fake, point) -> None:
    """A second outlet reports known deals (thread reply + card update) and one new deal."""
    dep = Deployment(tmp_path, feed_server, fake)
    dep.poll()
    feed_server.add("/eu", rss(items(1, 3, "eu") + items(4, 5, "eu")))
    dep.poll(crash_at=point)
    dep.poll()
    dep.check()
    store = Store(str(dep.db))
    try:
        sources = store.count("deal_sources")
        shown = sum(
            c["metadata"]["event_payload"]["sources"]
            for c in fake.messages(CH)
            if c.get("metadata")
        )
        assert shown == sources, "a card was not updated to show every source"
    finally:
        store.close()
