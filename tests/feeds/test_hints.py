"""The server's hints, each honoured: Cache-Control max-age and Expires (not before), Retry-After
on 429 and 503, RSS <ttl> and sy:updatePeriod/Frequency (no need to ask more often), a WebSub
hub in the Link header or the feed, and 410 Gone retiring the feed. Through the real fetch
against the local feed server, and the real poll."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from bot.clock import parse_iso, utcnow
from bot.feeds.fetch import fetch_all
from bot.feeds.parse import parse_feed
from bot.pipeline import poll
from bot.store import Store

RSS = (
    b'<?xml version="1.0"?><rss version="2.0" '
    b'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" '
    b'xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Wire</title>{extra}'
    b"<item><title>Mistral AI raises \xe2\x82\xac600M Series B led by General Catalyst</title>"
    b"<link>https://wire.example/mistral</link></item></channel></rss>"
)


def rss(extra: bytes = b"") -> bytes:
    return RSS.replace(b"{extra}", extra)


def fetch_one(feed_server, path: str, body: bytes, **kw):
    from bot.feeds.fetch import FeedRequest

    url = feed_server.add(path, body, **kw)
    [result] = fetch_all([FeedRequest(url)])
    return result


def test_cache_control_and_expires(feed_server) -> None:
    r = fetch_one(feed_server, "/cc", rss(), headers={"Cache-Control": "public, max-age=600"})
    assert r.cache_seconds == 600
    later = format_datetime(datetime.now(timezone.utc) + timedelta(minutes=30), usegmt=True)
    r = fetch_one(feed_server, "/ex", rss(), headers={"Expires": later})
    assert 1700 < (r.cache_seconds or 0) <= 1800
    r = fetch_one(feed_server, "/nc", rss(), headers={"Cache-Control": "no-cache, max-age=600"})
    assert r.cache_seconds is None
    r = fetch_one(feed_server, "/big", rss(), headers={"Cache-Control": "max-age=99999999"})
    assert r.cache_seconds == 86400  # capped at a day


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_on_429_and_503(feed_server, status: int) -> None:
    r = fetch_one(
        feed_server, f"/r{status}", b"busy", status=status, headers={"Retry-After": "120"}
    )
    assert not r.ok and r.retry_after == 120
    when = format_datetime(datetime.now(timezone.utc) + timedelta(minutes=5), usegmt=True)
    r = fetch_one(feed_server, f"/d{status}", b"busy", status=status, headers={"Retry-After": when})
    assert 280 < (r.retry_after or 0) <= 300


def test_link_header_names_the_hub_and_the_topic(feed_server) -> None:
    link = '<https://hub.example/>; rel="hub", <https://wire.example/feed>; rel="self"'
    r = fetch_one(feed_server, "/hub", rss(), headers={"Link": link})
    assert (r.hub, r.self_url) == ("https://hub.example/", "https://wire.example/feed")


def test_ttl_sy_update_and_atom_hub_in_the_feed() -> None:
    parsed = parse_feed(rss(b"<ttl>45</ttl>"), feed_url="https://wire.example/f")
    assert parsed.ttl_minutes == 45
    sy = b"<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>"
    assert parse_feed(rss(sy), feed_url="https://wire.example/f").ttl_minutes == 30
    hub = (
        b'<atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/>'
        b'<atom:link rel="self" href="https://wire.example/f"/>'
    )
    parsed = parse_feed(rss(hub), feed_url="https://wire.example/f")
    assert parsed.hub == "https://pubsubhubbub.appspot.com/"
    assert parsed.self_url == "https://wire.example/f"
    assert parse_feed(rss(b"<ttl>soon</ttl>"), feed_url="https://x.example/").ttl_minutes is None


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(str(tmp_path / "hints.db"))


def _poll(store: Store) -> None:
    from bot.feeds.guard import guarded_fetch

    poll(store, fetch=guarded_fetch(allow_private=True))


def test_poll_schedules_by_the_hints_and_retires_a_gone_feed(store, feed_server) -> None:
    cached = feed_server.add("/cached", rss(), headers={"Cache-Control": "max-age=7200"})
    limited = feed_server.add("/limited", b"slow down", status=429, headers={"Retry-After": "900"})
    gone = feed_server.add("/gone", b"gone", status=410)
    ttl = feed_server.add("/ttl", rss(b"<ttl>40</ttl>"))
    for url in (cached, limited, gone, ttl):
        store.add_feed(url)
    before = utcnow()
    _poll(store)
    rows = {f["url"]: f for f in store.feeds()}
    assert parse_iso(rows[cached]["next_poll"]) >= before + timedelta(seconds=7200)
    assert parse_iso(rows[limited]["next_poll"]) >= before + timedelta(seconds=900)
    assert rows[ttl]["poll_interval"] >= 40 * 60
    # 410: retired, reported, not polled again
    assert gone not in rows
    [retired] = store.retired_feeds()
    assert retired["url"] == gone and retired["retired"].startswith("410 Gone")
    asked = len(feed_server.requests)
    _poll(store)
    assert not any(r.path == "/gone" for r in feed_server.requests[asked:])


def test_only_due_feeds_are_polled_by_the_scheduler(store, feed_server, monkeypatch) -> None:
    from bot.config import Settings
    from bot.jobs import poll_job
    from bot.publish.console import ConsolePublisher

    url = feed_server.add("/due", rss())
    store.add_feed(url)
    settings = Settings(allow_private_feeds=True)
    cycle = poll_job(settings, store, ConsolePublisher(store), due_only=True)
    assert cycle().feeds == 1  # new: due at once
    asked = len(feed_server.requests)
    assert cycle().feeds == 0 and len(feed_server.requests) == asked  # scheduled later
    store.schedule_feed(url, utcnow() - timedelta(seconds=1), 60)
    assert cycle().feeds == 1
