"""Personal follows by DM: `/deal follow`, `/deal following` and `/deal unfollow` through the
HTTP app, then the router DMing matching deals exactly once (through a lost reply), a digest
past ten cards in an hour (settled from history after a crash), and a rumour's confirmation.

Deals are our own sentences about real rounds (SenseTime's $600M Series C led by Alibaba,
April 2018; Sequoia-backed rounds as reported)."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

import pytest
from fakeslack import FakeSlack, sign_request
from wsgi import serve_app

from bot.config import Settings
from bot.lookup.subscriptions import parse_follow, to_json
from bot.models import Story
from bot.pipeline import ingest
from bot.publish.router import slack_router
from bot.slack.app import create_app
from bot.slack.client import make_client
from bot.store import Store

SECRET = "s3cret-follow"
WHEN = datetime(2018, 4, 9, 12, tzinfo=timezone.utc)


def story(n: int, title: str, minutes: int = 0) -> Story:
    when = WHEN + timedelta(minutes=minutes)
    return Story(f"https://news.example/{n}", title, published=when, outlet="Wire")


def events(store: Store, *stories: Story) -> list:
    out = []
    for s in stories:
        outcome = ingest(
            store, s, now=(s.published or WHEN) + timedelta(minutes=1), max_age=timedelta(days=3)
        )
        if outcome.event is not None:
            out.append(outcome.event)
    return out


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(str(tmp_path / "follow.db"))


def router(store: Store, fake: FakeSlack):
    settings = Settings(slack_bot_token="xoxb-test", slack_api_url=fake.api_url, post_interval=0)
    return slack_router(settings, store, make_client(settings))


def dm(fake: FakeSlack, channel: str = "D0ANA") -> list[dict]:
    return [m for m in fake.history.get(channel, []) if m.get("thread_ts", m["ts"]) == m["ts"]]


def test_follow_commands_through_the_http_app(store: Store, fake: FakeSlack) -> None:
    settings = Settings(
        slack_bot_token="xoxb-test", slack_signing_secret=SECRET, slack_api_url=fake.api_url
    )

    def command(text: str, name: str) -> str:
        body = urlencode(
            {
                "command": "/deal",
                "text": text,
                "user_id": "U0ANA",
                "channel_id": "C0TALK",
                "team_id": "T0DEALBOT",
                "response_url": fake.response_url(name),
            }
        )
        req = urllib.request.Request(url, data=body.encode(), headers=sign_request(body, SECRET))
        with urllib.request.urlopen(req, timeout=5):
            pass
        return fake.wait_for_response(name)["text"]

    with serve_app(create_app(settings, store)) as base:
        url = f"{base}/slack/events"
        assert command("follow SenseTime", "f1").startswith("Following “SenseTime” (#1)")
        said = command("follow investor:Sequoia Capital sector:fintech min:2M", "f2")
        assert "investor “Sequoia Capital”" in said and "sector fintech" in said
        assert "couldn't read" in command("follow sector:farming", "f3")
        listed = command("following", "f4")
        assert "#1: “SenseTime”" in listed and "#2:" in listed
        assert command("unfollow 1", "f5") == "Stopped following #1."
        assert "no follow #1" in command("unfollow 1", "f6")
        [opened, _] = fake.calls_to("conversations.open")
        assert opened.params["users"] == "U0ANA"
        assert [r["channel"] for r in store.follows_of("U0ANA")] == ["D0ANA"]


def test_a_matching_deal_reaches_the_follower_once(store: Store, fake: FakeSlack) -> None:
    store.add_follow("U0ANA", "D0ANA", to_json(parse_follow("SenseTime", created_by="U0ANA")))
    publisher = router(store, fake)
    # the reply to the DM is lost on its way back: the card landed; it must not land twice
    fake.fail_next("chat.postMessage", status=500, applied=True)
    publisher.publish(
        events(
            store,
            story(1, "SenseTime raises $600M Series C led by Alibaba"),
            story(2, "Megvii raises $460M Series C"),
        )
    )
    publisher.settle_pending()
    publisher.publish([])
    cards = dm(fake)
    assert len(cards) == 1 and "SenseTime raises $600M" in cards[0]["text"]
    # a second outlet's story goes in the card's thread, once
    publisher.publish(events(store, story(3, "China's SenseTime raises $600M in Series C", 30)))
    publisher.publish([])
    replies = [m for m in fake.history["D0ANA"] if m.get("thread_ts", m["ts"]) != m["ts"]]
    assert len(dm(fake)) == 1 and len(replies) == 1


def test_a_rumour_confirmed_reaches_the_follower_once(store: Store, fake: FakeSlack) -> None:
    store.add_follow("U0ANA", "D0ANA", to_json(parse_follow("SenseTime", created_by="U0ANA")))
    publisher = router(store, fake)
    publisher.publish(events(store, story(1, "SenseTime is in talks to raise $600M")))
    publisher.publish(events(store, story(2, "SenseTime raises $600M Series C led by Alibaba", 60)))
    publisher.publish([])
    [card] = dm(fake)
    broadcast = [m for m in fake.history["D0ANA"] if m.get("subtype") == "thread_broadcast"]
    assert len(broadcast) == 1 and "Now confirmed" in broadcast[0]["text"]


def test_past_ten_in_an_hour_the_rest_come_as_one_digest(store: Store, fake: FakeSlack) -> None:
    store.add_follow("U0ANA", "D0ANA", to_json(parse_follow("min:1M", created_by="U0ANA")))
    publisher = router(store, fake)
    titles = [
        f"Fintech{chr(65 + i)} raises ${i + 2}M seed led by Fund{chr(65 + i)}" for i in range(13)
    ]
    found = events(store, *(story(10 + i, t, i) for i, t in enumerate(titles)))
    assert len(found) == 13
    # the digest's reply is lost: its rows stay pending and are settled from history
    fake.calls.clear()
    real_post = fake._post_message
    calls = {"n": 0}

    def lose_the_eleventh(p):
        calls["n"] += 1
        if calls["n"] == 11:
            fake.fail_next("chat.postMessage", status=500, applied=True)
        return real_post(p)

    fake._methods["chat.postMessage"] = lose_the_eleventh
    publisher.publish(found)
    publisher.settle_pending()
    publisher.publish([])
    messages = dm(fake)
    digests = [
        m for m in messages if (m.get("metadata") or {}).get("event_type") == "funding_digest"
    ]
    assert len(messages) == 11 and len(digests) == 1
    assert digests[0]["text"] == "3 more deals match your follows"
    assert len(digests[0]["metadata"]["event_payload"]["deal_ids"]) == 3
    statuses = [
        r["status"] for r in store.db.query("select status from posts where channel = 'D0ANA'")
    ]
    assert statuses.count("posted") == 10 and statuses.count("digest") == 3


def test_follows_that_do_not_match_send_nothing(store: Store, fake: FakeSlack) -> None:
    store.add_follow(
        "U0ANA",
        "D0ANA",
        to_json(parse_follow("investor:Sequoia sector:fintech", created_by="U0ANA")),
    )
    publisher = router(store, fake)
    publisher.publish(events(store, story(1, "SenseTime raises $600M Series C led by Alibaba")))
    assert dm(fake) == []
    publisher.publish(
        events(
            store, story(2, "Ramp raises $150M for its corporate card, led by Sequoia Capital", 5)
        )
    )
    [card] = dm(fake)
    assert "Ramp raises $150M" in json.dumps(card)
