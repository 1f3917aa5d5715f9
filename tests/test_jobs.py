"""bot.jobs: the one poll cycle `dealbot poll` and `dealbot run` share, in its order: settle
earlier posts, catch up threads, poll through the address guard, publish."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from feedserver import FeedServer

from bot.config import Settings
from bot.jobs import open_store, poll_job
from bot.models import Event

FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item>'
    b"<title>Helsing raises \xe2\x82\xac450M Series C led by General Catalyst</title>"
    b"<link>https://news.example/helsing</link><guid>https://news.example/helsing</guid>"
    b"<pubDate>Thu, 11 Jul 2024 07:00:00 +0000</pubDate></item></channel></rss>"
)


class Recorder:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.companies: list[str] = []

    def settle_pending(self) -> None:
        self.calls.append("settle")

    def catch_up(self) -> None:
        self.calls.append("catch_up")

    def publish(self, events: Sequence[Event]) -> None:
        self.calls.append("publish")
        self.companies += [e.deal.company for e in events]


def settings(tmp_path: Path, url: str, *, allow_private: bool) -> Settings:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feeds]]\nname = "News"\nurl = "{url}"\n')
    return Settings(
        db_path=str(tmp_path / "d.db"),
        feeds_path=str(feeds),
        allow_private_feeds=allow_private,
        max_age_hours=10**6,
    )


def test_a_cycle_settles_first_then_polls_and_publishes(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    url = feed_server.add("/feed", FEED)
    cfg = settings(tmp_path, url, allow_private=True)
    store, publisher = open_store(cfg), Recorder()
    try:
        report = poll_job(cfg, store, publisher)()
    finally:
        store.close()
    assert publisher.calls == ["settle", "catch_up", "publish"]
    assert publisher.companies == ["Helsing"] and report.failed == []


def test_a_cycle_fetches_through_the_address_guard(tmp_path: Path, feed_server: FeedServer) -> None:
    url = feed_server.add("/feed", FEED)  # on 127.0.0.1: refused unless private feeds are allowed
    cfg = settings(tmp_path, url, allow_private=False)
    store, publisher = open_store(cfg), Recorder()
    try:
        report = poll_job(cfg, store, publisher)()
    finally:
        store.close()
    assert [u for u, _ in report.failed] == [url] and "refused" in report.failed[0][1]
    assert publisher.companies == [] and "settle" in publisher.calls


def test_quiet_wakes_settle_unfinished_posts_only_every_poll_interval(
    tmp_path, monkeypatch
) -> None:
    """The job wakes every 30 s; settling may ask Slack's history per pending card, so a wake
    with no feed due settles only as often as the fixed schedule used to (issue 22)."""
    import bot.jobs
    from bot.store import Store

    class Counting:
        settled = 0

        def publish(self, events: Sequence[Event]) -> None: ...
        def settle_pending(self) -> None:
            self.settled += 1

        def catch_up(self) -> None: ...

    clock = [1000.0]
    monkeypatch.setattr(bot.jobs.time, "monotonic", lambda: clock[0])
    store = Store(str(tmp_path / "quiet.db"))  # no feeds: every wake is quiet
    publisher = Counting()
    cycle = poll_job(Settings(poll_minutes=15), store, publisher, due_only=True)
    cycle()
    clock[0] += 30
    cycle()
    assert publisher.settled == 1
    clock[0] += 15 * 60
    cycle()
    assert publisher.settled == 2
