"""WebSub against a local hub the test starts: subscription, verification of intent, a signed
delivery taking the pipeline's path to a card, a forged one refused with 403, lease renewal, and
unsubscription when the feed is removed. Our own sentence about a real round (SenseTime's
$600M Series C led by Alibaba, April 2018)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import urlencode

import httpx
import pytest
from hub import LocalHub

from bot.clock import parse_iso, utcnow
from bot.feeds.fetch import FetchResult
from bot.feeds.websub import WebSub, signature_ok
from bot.metrics import Health
from bot.pipeline import poll, receive_push
from bot.runner import serve
from bot.store import Store
from bot.web import WebApp

FEED_URL = "https://wire.example/feed.xml"
PUSHED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
    b"<title>SenseTime raises $600M Series C led by Alibaba</title>"
    b"<link>https://wire.example/sensetime</link>"
    b"<pubDate>Mon, 09 Apr 2018 12:00:00 +0000</pubDate></item></channel></rss>"
)


class Collect:
    def __init__(self) -> None:
        self.events: list = []

    def publish(self, events) -> None:
        self.events += list(events)


class Setup:
    def __init__(self, store: Store, hub: LocalHub, websub: WebSub, base: str, out: Collect):
        self.store, self.hub, self.websub, self.base, self.out = store, hub, websub, base, out

    def subscribe(self) -> None:
        self.websub.ensure([(FEED_URL, self.hub.url, FEED_URL)])
        self.hub.wait_verified()


@pytest.fixture
def setup(tmp_path) -> Iterator[Setup]:
    store = Store(str(tmp_path / "push.db"))
    store.add_feed(FEED_URL, "Wire")
    out = Collect()

    def on_push(feed: dict, body: bytes, content_type: str | None) -> None:
        receive_push(store, out, feed, body, content_type, max_age=timedelta(days=36500))

    web = WebApp(store, Health(), on_push=on_push)
    stop, port = serve(web, 0, host="127.0.0.1")
    base = f"http://127.0.0.1:{port}"
    web.websub = WebSub(store, base, httpx.Client())
    with LocalHub() as hub:
        try:
            yield Setup(store, hub, web.websub, base, out)
        finally:
            stop()


def test_subscribe_and_the_hub_verifies_our_intent(setup: Setup) -> None:
    setup.subscribe()
    [request] = setup.hub.requests
    feed = setup.store.feed(FEED_URL)
    assert request["hub.mode"] == "subscribe" and request["hub.topic"] == FEED_URL
    assert request["hub.callback"] == f"{setup.base}/websub/{feed['id']}"
    assert len(request["hub.secret"]) == 64
    [sub] = setup.hub.subscriptions.values()
    assert sub.verified is True
    row = setup.store.websub(FEED_URL)
    assert row["state"] == "subscribed"
    lease = parse_iso(row["lease_until"]) - utcnow()
    assert timedelta(minutes=59) < lease <= timedelta(hours=1)


def test_a_signed_delivery_becomes_a_card_and_a_forged_one_is_refused(setup: Setup) -> None:
    setup.subscribe()
    assert setup.hub.publish(FEED_URL, PUSHED, forge=True) == [403]
    assert setup.store.count("deals") == 0 and setup.out.events == []
    start = time.monotonic()
    assert setup.hub.publish(FEED_URL, PUSHED) == [202]
    assert time.monotonic() - start < 10
    [event] = setup.out.events
    assert event.deal.company == "SenseTime" and event.deal.amount == 600e6
    assert setup.store.count("deals") == 1


def test_only_the_subscription_we_asked_for_is_confirmed(setup: Setup) -> None:
    feed = setup.store.feed(FEED_URL)
    query = urlencode({"hub.mode": "subscribe", "hub.topic": FEED_URL, "hub.challenge": "x1"})
    # nothing asked yet: no echo
    assert httpx.get(f"{setup.base}/websub/{feed['id']}?{query}").status_code == 404
    setup.subscribe()
    other = urlencode(
        {"hub.mode": "subscribe", "hub.topic": "https://evil.example/", "hub.challenge": "x"}
    )
    answer = httpx.get(f"{setup.base}/websub/{feed['id']}?{other}")
    assert answer.status_code == 404 and "x" not in answer.text
    assert httpx.post(f"{setup.base}/websub/999", content=PUSHED).status_code == 404
    assert httpx.post(f"{setup.base}/websub/{feed['id']}", content=PUSHED).status_code == 403


def test_the_lease_is_renewed_before_it_ends(setup: Setup) -> None:
    setup.subscribe()
    first = setup.store.websub(FEED_URL)["lease_until"]
    setup.websub.ensure([], now=utcnow() + timedelta(minutes=20))  # half an hour left: not yet
    assert len(setup.hub.requests) == 1
    setup.websub.ensure([], now=utcnow() + timedelta(minutes=45))  # a quarter left: renew
    time.sleep(0.2)
    setup.hub.wait_verified()
    [sub] = setup.hub.subscriptions.values()
    assert sub.requests == 2 and sub.mode == "subscribe" and sub.verified
    row = setup.store.websub(FEED_URL)
    assert row["state"] == "subscribed" and row["lease_until"] > first
    setup.websub.ensure([])  # renewed: nothing more to ask until half the new lease is gone
    assert len(setup.hub.requests) == 2


def test_a_removed_feed_is_unsubscribed(setup: Setup) -> None:
    setup.subscribe()
    setup.store.remove_feed(FEED_URL)
    setup.websub.ensure([])
    deadline = time.monotonic() + 5
    while setup.store.websub(FEED_URL) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert setup.hub.requests[-1]["hub.mode"] == "unsubscribe"
    assert setup.store.websub(FEED_URL) is None


def test_a_pushed_feed_is_still_polled_at_the_longest_interval(setup: Setup) -> None:
    setup.subscribe()

    def unchanged(requests):
        return [FetchResult(url=r.url, status=304, not_modified=True) for r in requests]

    poll(setup.store, fetch=unchanged)
    assert setup.store.feed(FEED_URL)["poll_interval"] == 3600


def test_hub_signatures() -> None:
    import hashlib
    import hmac

    body = b"<rss/>"
    good = "sha1=" + hmac.new(b"k", body, hashlib.sha1).hexdigest()
    assert signature_ok("k", body, good)
    assert not signature_ok("k", body + b" ", good)
    assert not signature_ok("k", body, "md5=abc") and not signature_ok("", body, good)
    assert not signature_ok("k", body, None)
