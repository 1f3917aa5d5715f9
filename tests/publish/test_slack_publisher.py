"""Publishing end to end: the real poll cycle and bolt App's WebClient against FakeSlack.

Why end to end: exactly-once depends on what Slack really received (retries, lost replies,
history with metadata), so the fake Slack server records it and the tests count cards there.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from functools import partial

import pytest
from fakeslack import FakeSlack

from bot.clock import iso, utcnow
from bot.config import Settings
from bot.feeds.fetch import fetch_all
from bot.pipeline import poll
from bot.publish.slack import SlackPublisher
from bot.slack.app import create_app
from bot.store import Store

NOW = datetime(2024, 6, 12, 12, tzinfo=timezone.utc)
CH = "C0DEALS"


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"<item><title><![CDATA[{t}]]></title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>Tue, 11 Jun 2024 09:00:00 +0000</pubDate><description>{s}</description></item>"
        for t, link, s in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}</channel></rss>'.encode()


SENSE = (
    "SenseTime raises $600M Series C led by Alibaba",
    "https://tc.example/sensetime",
    "The Beijing-based company is valued at over $4.5 billion. Qualcomm, Temasek and "
    "Suning also joined.",
)
SENSE2 = (
    "SenseTime lands $600 million Series C from Alibaba, Temasek",
    "https://eu.example/sensetime-600m",
    "",
)
RUMOUR = ("Acme is reportedly raising $50M Series B", "https://tc.example/acme-rumour", "")
CONFIRM = ("Acme raises $50M Series B", "https://eu.example/acme", "")


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        server.add_channel(CH, "deals")
        yield server


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(str(tmp_path / "d.db"))


class Bot:
    """The app's client + a publisher + one poll() per call, as `dealbot run` wires them."""

    def __init__(self, fake: FakeSlack, store: Store, channel: str = CH) -> None:
        settings = Settings(
            slack_bot_token="xoxb-test",
            slack_signing_secret="s",
            slack_api_url=fake.api_url,
            channel=channel,
            post_interval=1.0,
        )
        self.app = create_app(settings, store)  # runs auth.test against the fake
        self.sleeps: list[float] = []
        self.store = store
        self.publisher = SlackPublisher(
            store, self.app.client, channel, post_interval=1.0, sleep=self.sleeps.append
        )

    def poll(self):
        return poll(
            self.store,
            self.publisher,
            now=lambda: NOW,
            max_age=timedelta(hours=72),
            fetch=partial(fetch_all, deadline=2.0, concurrency=4),
        )


def cards(fake: FakeSlack, channel: str = CH) -> list[dict]:
    """Top-level deal cards (thread broadcasts also show in the channel; they are not cards)."""
    return [m for m in fake.messages(channel) if (m.get("metadata") or {}).get("event_type")]


def replies(fake: FakeSlack, channel: str = CH) -> list[dict]:
    return [
        m for m in fake.messages(channel, replies=True) if m.get("thread_ts", m["ts"]) != m["ts"]
    ]


def test_first_post_is_one_complete_card(fake, store, feed_server) -> None:
    store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
    bot = Bot(fake, store)
    bot.poll()
    [card] = cards(fake)
    assert card["blocks"][0]["text"]["text"] == "SenseTime raises $600M Series C"
    fields = [f["text"] for f in card["blocks"][1]["fields"]]
    assert "*Amount*\n$600M" in fields and "*Round*\nSeries C" in fields
    assert "*Lead*\nAlibaba" in fields and "*Valuation*\n$4.5B" in fields
    assert "TechCrunch" in card["blocks"][-1]["elements"][0]["text"]
    assert "11 Jun 2024" in card["blocks"][-1]["elements"][0]["text"]
    assert card["metadata"]["event_type"] == "funding_deal"
    assert card["metadata"]["event_payload"]["deal_id"] == store.deals()[0].id
    assert card["text"].startswith("SenseTime raises $600M Series C")
    call = fake.calls_to("chat.postMessage")[0]
    assert call.params["unfurl_links"] in (False, "0") and call.params["unfurl_media"] in (
        False,
        "0",
    )
    assert "link_names" not in call.params
    row = store.db["posts"].get((store.deals()[0].id, CH))
    assert row["status"] == "posted" and row["ts"] == card["ts"] and row["sources_posted"] == 1


def test_second_outlet_threads_and_updates_card(fake, store, feed_server) -> None:
    store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
    bot = Bot(fake, store)
    bot.poll()
    store.add_feed(feed_server.add("/eu", rss(SENSE2)), "EU-Startups")
    bot.poll()
    [card] = cards(fake)
    [reply] = replies(fake)
    assert reply["thread_ts"] == card["ts"] and "EU-Startups" in reply["text"]
    assert "<https://eu.example/sensetime-600m|" in reply["text"]
    [update] = fake.calls_to("chat.update")
    assert update.params["ts"] == card["ts"]
    assert "2 sources" in card["blocks"][-1]["elements"][0]["text"]
    assert card["metadata"]["event_payload"]["sources"] == 2
    assert bot.sleeps and all(0 < s <= 1.0 for s in bot.sleeps)  # paced, per channel


def test_an_extension_updates_the_card_and_notes_it_in_the_thread(fake, store, feed_server):
    """Neuralink's Series D: $280M, then $43M more to $323M (months apart in fact; one day
    here, the feed helper dates every item alike)."""
    first = ("Neuralink raises $280M Series D led by Founders Fund", "https://a.example/nl", "")
    more = (
        "Neuralink adds $43M to its Series D, bringing the round to $323M",
        "https://b.example/nl-ext",
        "",
    )
    store.add_feed(feed_server.add("/a", rss(first)), "Wire")
    bot = Bot(fake, store)
    bot.poll()
    store.add_feed(feed_server.add("/b", rss(more)), "Filings")
    bot.poll()
    [card] = cards(fake)
    [reply] = replies(fake)
    assert reply["text"].startswith(
        ":chart_with_upwards_trend: Money added: +$43M to the Series D, now $323M in all. Filings"
    )
    assert card["blocks"][0]["text"]["text"] == "Neuralink raises $323M Series D"
    fields = [f["text"] for f in card["blocks"][1]["fields"]]
    assert "*Amount*\n$323M, including +$43M added to the round later" in fields


def test_edited_headline_posts_nothing(fake, store, feed_server) -> None:
    store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
    bot = Bot(fake, store)
    bot.poll()
    before = len(fake.calls)
    edited = (SENSE[0].replace("raises", "bags"), SENSE[1], SENSE[2])
    feed_server.add("/tc", rss(edited))
    bot.poll()
    assert not [c for c in fake.calls[before:] if c.method.startswith("chat.")]


def test_rumour_then_confirmed_broadcasts_reply(fake, store, feed_server) -> None:
    store.add_feed(feed_server.add("/tc", rss(RUMOUR)), "TechCrunch")
    bot = Bot(fake, store)
    bot.poll()
    [card] = cards(fake)
    assert "Reported, not confirmed" in str(card["blocks"])
    store.add_feed(feed_server.add("/eu", rss(CONFIRM)), "EU-Startups")
    bot.poll()
    [card] = cards(fake)
    assert card["blocks"][0]["text"]["text"] == "Acme raises $50M Series B"
    assert "Reported, not confirmed" not in str(card["blocks"])
    [reply] = replies(fake)
    assert reply.get("subtype") == "thread_broadcast" and "Now confirmed" in reply["text"]


def test_planted_mentions_and_links_are_inert(fake, store, feed_server) -> None:
    planted = (
        "<!channel> Zeta raises $5M seed <https://evil.example|TechCrunch> <@U123>",
        "https://tc.example/zeta",
        "",
    )
    store.add_feed(feed_server.add("/tc", rss(planted)), "<@U123> <!here>")
    Bot(fake, store).poll()
    sent = str([c.params for c in fake.calls_to("chat.postMessage")])
    assert fake.calls_to("chat.postMessage")
    for bad in ("<!channel>", "<!here>", "<@U123>", "<https://evil.example"):
        assert bad not in sent
    assert "&lt;@U123&gt; &lt;!here&gt;" in sent  # shown, escaped, inert


def test_rate_limited_twice_then_one_card(fake, store, feed_server) -> None:
    store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
    bot = Bot(fake, store)
    fake.fail_next("chat.postMessage", times=2, status=429, retry_after=0)
    bot.poll()
    assert [c.status for c in fake.calls_to("chat.postMessage")] == [429, 429, 200]
    assert len(cards(fake)) == 1


def test_lost_reply_is_settled_from_history_not_reposted(fake, store, feed_server) -> None:
    store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
    bot = Bot(fake, store)
    fake.fail_next("chat.postMessage", status=500, applied=True)  # posted, answer lost
    bot.poll()
    bot.poll()
    assert len(cards(fake)) == 1 and len(fake.calls_to("chat.postMessage")) == 1
    row = store.db["posts"].get((store.deals()[0].id, CH))
    assert row["status"] == "posted" and row["ts"] == cards(fake)[0]["ts"]


def test_crash_after_post_before_completion_settles_on_restart(fake, store, feed_server) -> None:
    store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
    Bot(fake, store).poll()
    deal_id = store.deals()[0].id
    # simulate the crash: the card is in Slack but the row never got past pending
    store.db["posts"].update(
        (deal_id, CH), {"status": "pending", "ts": None, "created_at": iso(utcnow())}
    )
    restarted = Bot(fake, store)
    restarted.publisher.settle_pending()
    assert len(cards(fake)) == 1
    assert store.db["posts"].get((deal_id, CH))["status"] == "posted"


def test_crash_before_post_posts_on_restart(fake, store, feed_server) -> None:
    store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
    bot = Bot(fake, store)
    fake.fail_next("chat.postMessage", status=500)  # not applied: nothing posted
    fake.fail_next("conversations.history", error="internal_error")  # and settling fails too
    bot.poll()
    assert not cards(fake)
    assert store.db["posts"].get((store.deals()[0].id, CH))["status"] == "pending"
    Bot(fake, store).publisher.settle_pending()  # next cycle / restart
    assert len(cards(fake)) == 1


def test_channel_not_found_stays_pending_then_posts(store, feed_server, caplog) -> None:
    with FakeSlack(auto_channels=False) as fake:
        store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
        bot = Bot(fake, store, channel="C0MISSING")
        with caplog.at_level(logging.ERROR, logger="bot.publish.slack"):
            bot.poll()
        assert "channel_not_found" in caplog.text and "DEALBOT_CHANNEL" in caplog.text
        row = store.db["posts"].get((store.deals()[0].id, "C0MISSING"))
        assert row["status"] == "pending" and row["error"] == "channel_not_found"
        fake.add_channel("C0MISSING", "deals")
        bot.poll()  # no new stories: the pending row is settled at publish time
        bot.publisher.settle_pending()
        assert len(cards(fake, "C0MISSING")) == 1
        bot.publisher.settle_pending()
        assert len(fake.calls_to("chat.postMessage")) == 2  # one refused, one posted


def test_not_in_channel_joins_and_retries_once(store, feed_server) -> None:
    with FakeSlack() as fake:
        fake.add_channel("C0OUT", "deals", member=False)
        store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
        Bot(fake, store, channel="C0OUT").poll()
        assert len(fake.calls_to("conversations.join")) == 1
        assert len(cards(fake, "C0OUT")) == 1


def test_old_stories_are_not_announced(fake, store, feed_server) -> None:
    old = rss(SENSE).replace(b"Tue, 11 Jun 2024", b"Tue, 07 May 2024")
    store.add_feed(feed_server.add("/tc", old), "TechCrunch")
    Bot(fake, store).poll()
    assert store.count("deals") == 1 and not fake.calls_to("chat.postMessage")


def test_two_processes_settling_one_pending_row_post_one_card(fake, store, feed_server) -> None:
    """Issue 17, item 1: B settles A's pending row from history before A's post shows there;
    only the publisher that claimed the row may post, so B leaves it to A."""
    import os

    from bot import hooks

    store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
    a = Bot(fake, store)
    b = Bot(fake, Store(store.path))  # another connection, as another process has
    b.publisher._claimer = str(os.getppid())  # a live process that is not this one
    ran: list[bool] = []

    def b_settles_once() -> None:
        if not ran:
            ran.append(True)
            b.publisher.settle_pending()

    hooks.add("after_pending", b_settles_once)
    try:
        a.poll()
    finally:
        hooks.clear()
    assert len(cards(fake)) == 1
    assert len(fake.calls_to("chat.postMessage")) == 1
    row = store.db["posts"].get((store.deals()[0].id, CH))
    assert row["status"] == "posted"


def test_settling_finds_the_card_behind_2000_messages_with_a_clock_ahead(
    store, feed_server
) -> None:
    """Issue 17 (edge cases): more than 2,000 messages arrived since the post, and the host's
    clock runs ten minutes ahead of Slack's; settling still finds the card, so it is not
    posted twice."""
    slack_offset = [-600.0]  # Slack's clock against the host's: the host runs ten minutes ahead
    with FakeSlack(clock=lambda: time.time() + slack_offset[0]) as fake:
        store.add_feed(feed_server.add("/tc", rss(SENSE)), "TechCrunch")
        Bot(fake, store).poll()
        deal_id = store.deals()[0].id
        store.db["posts"].update(
            (deal_id, CH), {"status": "pending", "ts": None, "created_at": iso(utcnow())}
        )
        slack_offset[0] = 3 * 3600.0  # the chatter comes in the hours after the post
        for n in range(2100):
            fake._post_message({"channel": CH, "text": f"chatter {n}"})
        Bot(fake, store).publisher.settle_pending()
        assert len(cards(fake)) == 1
        assert store.db["posts"].get((deal_id, CH))["status"] == "posted"
