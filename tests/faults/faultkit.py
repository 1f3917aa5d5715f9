"""Helpers for the fault suite: synthetic funding feeds, a wired bot, card counting."""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import partial
from pathlib import Path

from fakeslack import FakeSlack
from slack_sdk import WebClient

from bot.feeds.fetch import fetch_all
from bot.pipeline import PollReport, poll
from bot.publish.slack import SlackPublisher
from bot.slack.client import retry_handlers
from bot.store import Store

CH = "C0DEALS"
TOKEN = "xoxb-fault-7d1e4c"
SYLLABLES = ("ka lo mi zu ren tor vex qua bri sol nex dar fen gal hul jor pim wex yab cor").split()  # noqa: SIM905
ROUNDS = ["Seed", "Series A", "Series B", "Series C"]
LEADS = ["Accel", "Sequoia Capital", "Index Ventures", "Balderton", "Lightspeed"]


def company_names(count: int, seed: int = 9) -> list[str]:
    """Distinct invented company names that extraction reads as companies."""
    rng, names = random.Random(seed), dict.fromkeys([])
    while len(names) < count:
        names["".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()] = None
    return list(names)


def headline(name: str, i: int) -> str:
    return f"{name} raises ${10 + i % 390}M {ROUNDS[i % 4]} led by {LEADS[i % 5]}"


def rss(items: Sequence[tuple[str, str, datetime | None]], title: str = "Funding Wire") -> bytes:
    """RSS bytes for (title, link, published) items; text goes in CDATA as given."""
    body = "".join(
        f"<item><title><![CDATA[{t}]]></title><link>{link}</link><guid>{link}</guid>"
        + (f"<pubDate>{format_datetime(when)}</pubDate>" if when else "")
        + "</item>"
        for t, link, when in items
    )
    head = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}'
    return f"{head}</title>{body}</channel></rss>".encode()


def slack_client(fake: FakeSlack, *, token: str = TOKEN, timeout: int = 30) -> WebClient:
    """A WebClient with dealbot's retry policy (bot.slack.client.retry_handlers) aimed at the fake."""
    return WebClient(
        token=token, base_url=fake.api_url, timeout=timeout, retry_handlers=retry_handlers()
    )


class Bot:
    """A publisher + poll() per call, wired as `dealbot run`'s job does (settle, catch up)."""

    def __init__(
        self,
        store: Store,
        client: WebClient,
        *,
        now: Callable[[], datetime] | None = None,
        deadline: float = 2.0,
        channel: str = CH,
    ) -> None:
        self.store, self.client = store, client
        self.now = now or (lambda: datetime.now(timezone.utc))
        self.publisher = SlackPublisher(store, client, channel, post_interval=0)
        self.fetch = partial(fetch_all, deadline=deadline, concurrency=8)

    def poll(self) -> PollReport:
        self.publisher.settle_pending()
        self.publisher.catch_up()
        return poll(
            self.store,
            self.publisher,
            now=self.now,
            fetch=self.fetch,
            max_age=timedelta(hours=72),
        )


def cards(fake: FakeSlack, channel: str = CH) -> list[dict]:
    return [m for m in fake.messages(channel) if (m.get("metadata") or {}).get("event_type")]


def card_ids(fake: FakeSlack, channel: str = CH) -> list[int]:
    return [m["metadata"]["event_payload"]["deal_id"] for m in cards(fake, channel)]


def replies(fake: FakeSlack, channel: str = CH) -> list[dict]:
    return [
        m for m in fake.messages(channel, replies=True) if m.get("thread_ts", m["ts"]) != m["ts"]
    ]


def assert_exactly_once(fake: FakeSlack, store: Store, channel: str = CH) -> None:
    """Every announceable deal has exactly one card, every card is a known deal, and its
    thread holds each later source once."""
    ids = card_ids(fake, channel)
    assert len(ids) == len(set(ids)), f"a deal posted twice: {sorted(ids)}"
    wanted = {r["id"] for r in store.db.query("select id from deals where announce = 1")}
    assert set(ids) == wanted, f"missing {wanted - set(ids)}, unexpected {set(ids) - wanted}"
    texts = [r["text"] for r in replies(fake, channel)]
    assert len(texts) == len(set(texts)), "a thread reply posted twice"
    rows = store.db.query("select status, count(*) n from posts group by status")
    assert {r["status"]: r["n"] for r in rows} == {"posted": len(ids)} if ids else True


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def hours_ago(h: float) -> datetime:
    return now_utc() - timedelta(hours=h)


def dealbot_env(
    fake: FakeSlack, db: Path, feeds: Path, *, token: str = TOKEN, secret: str = "not-used", **extra
) -> dict[str, str]:
    """The environment a `python -m bot ...` subprocess runs with against the fake Slack."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": token,
        "SLACK_SIGNING_SECRET": secret,
        "SLACK_API_URL": fake.api_url,
        "DEALBOT_CHANNEL": CH,
        "DEALBOT_DB": str(db),
        "DEALBOT_ALLOW_PRIVATE_FEEDS": "1",  # the test feed server is on 127.0.0.1
        "DEALBOT_FEEDS": str(feeds),
        "DEALBOT_POST_INTERVAL": "0",
        **extra,
    }
    env.pop("SLACK_APP_TOKEN", None)
    return env
