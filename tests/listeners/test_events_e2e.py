"""Slack events end to end: signed event_callback requests through the real bolt App over HTTP
(127.0.0.1) against the fake Slack. @mentions and DMs answer with the lookup, a retried event
(same event_id, X-Slack-Retry-Num) is handled once, links to known stories unfurl into the
deal and unknown links are left alone, and the App Home shows the latest deals (feed health to
admins only).

Deals are our own sentences about real rounds (SenseTime's $600M Series C led by Alibaba, April
2018; Mistral AI's €600M Series B led by General Catalyst, June 2024)."""

from __future__ import annotations

import itertools
import json
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from fakeslack import FakeSlack, sign_request
from wsgi import serve_app

from bot.config import Settings
from bot.models import Story
from bot.pipeline import ingest
from bot.slack.app import create_app
from bot.store import Store

SECRET = "s3cret-events"
STORIES = [
    (
        "https://techcrunch.com/2018/04/09/sensetime/",
        "SenseTime raises $600M Series C led by Alibaba",
        datetime(2018, 4, 9, 12),
    ),
    (
        "https://sifted.eu/articles/mistral-600m",
        "Mistral AI raises €600M Series B led by General Catalyst",
        datetime(2024, 6, 11, 9),
    ),
]
IDS = itertools.count(1)


@dataclass
class Running:
    url: str
    fake: FakeSlack
    store: Store

    def event(self, event: dict, *, event_id: str | None = None, retry: int | None = None) -> int:
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": "T0DEALBOT",
                "api_app_id": "A0DEALBOT",
                "type": "event_callback",
                "event_id": event_id or f"Ev{next(IDS):06d}",
                "event_time": 1_700_000_000,
                "event": event,
            }
        )
        headers = {**sign_request(body, SECRET), "Content-Type": "application/json"}
        if retry is not None:
            headers.update(
                {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
            )
        req = urllib.request.Request(self.url, data=body.encode(), headers=headers, method="POST")
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status


@pytest.fixture
def running(tmp_path) -> Iterator[Running]:
    store = Store(str(tmp_path / "events.db"))
    for link, title, when in STORIES:
        when = when.replace(tzinfo=timezone.utc)
        story = Story(link, title, published=when, outlet="Wire")
        ingest(store, story, now=when, max_age=timedelta(days=3))
    store.add_feed("https://feeds.example/broken.xml", "Broken wire")
    store.record_fetch("https://feeds.example/broken.xml", ok=False, error="HTTP 500")
    with FakeSlack() as fake:
        settings = Settings(
            slack_bot_token="xoxb-test",
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
            admins=("U0ADMIN",),
        )
        with serve_app(create_app(settings, store)) as base:
            yield Running(f"{base}/slack/events", fake, store)


def settle(seconds: float = 0.3) -> None:
    time.sleep(seconds)  # listeners run after the ack: give a would-be second answer its chance


def test_a_mention_answers_in_the_thread_once_even_when_slack_retries(running: Running) -> None:
    mention = {
        "type": "app_mention",
        "user": "U0ANA",
        "text": "<@U0DEALBOT> SenseTime",
        "ts": "1700000000.000100",
        "channel": "C0TALK",
    }
    assert running.event(mention, event_id="EvMention1") == 200
    [call] = running.fake.wait_for_calls("chat.postMessage")
    assert call.params["thread_ts"] == "1700000000.000100"
    assert "SenseTime raises $600M Series C" in json.dumps(call.params["blocks"])
    assert running.event(mention, event_id="EvMention1", retry=1) == 200
    settle()
    assert len(running.fake.calls_to("chat.postMessage")) == 1


def test_a_dm_answers_with_the_lookup_and_bots_are_ignored(running: Running) -> None:
    dm = {"type": "message", "channel_type": "im", "channel": "D0ANA", "user": "U0ANA"}
    assert running.event({**dm, "text": "investor:General Catalyst", "ts": "1.1"}) == 200
    [call] = running.fake.wait_for_calls("chat.postMessage")
    assert call.params["channel"] == "D0ANA" and "Mistral AI" in json.dumps(call.params["blocks"])
    running.event({**dm, "text": "SenseTime", "ts": "1.2", "bot_id": "B0OTHER"})
    running.event({**dm, "text": "SenseTime", "ts": "1.3", "subtype": "message_changed"})
    running.event({**dm, "channel_type": "channel", "text": "SenseTime", "ts": "1.4"})
    settle()
    assert len(running.fake.calls_to("chat.postMessage")) == 1


def test_a_link_to_a_known_story_unfurls_into_its_deal(running: Running) -> None:
    shared = {
        "type": "link_shared",
        "channel": "C0TALK",
        "user": "U0ANA",
        "message_ts": "1700000001.000200",
        "links": [
            {
                "domain": "techcrunch.com",
                "url": "https://techcrunch.com/2018/04/09/sensetime/?utm_source=x",
            },
            {"domain": "techcrunch.com", "url": "https://techcrunch.com/2018/04/10/unknown-story/"},
        ],
    }
    assert running.event(shared) == 200
    running.fake.wait_for_calls("chat.unfurl")
    [unfurl] = running.fake.unfurls
    assert list(unfurl["unfurls"]) == ["https://techcrunch.com/2018/04/09/sensetime/?utm_source=x"]
    blocks = json.dumps(unfurl["unfurls"])
    assert "SenseTime raises $600M Series C" in blocks and "overflow" in blocks


def test_unknown_links_are_left_alone(running: Running) -> None:
    shared = {
        "type": "link_shared",
        "channel": "C0TALK",
        "message_ts": "1700000002.000300",
        "links": [{"domain": "sifted.eu", "url": "https://sifted.eu/articles/other"}],
    }
    assert running.event(shared) == 200
    settle()
    assert running.fake.calls_to("chat.unfurl") == []


def test_the_app_home_shows_deals_and_feed_health_to_admins_only(running: Running) -> None:
    assert running.event({"type": "app_home_opened", "user": "U0ANA", "tab": "home"}) == 200
    running.fake.wait_for_calls("views.publish")
    [home] = running.fake.homes["U0ANA"]
    text = json.dumps(home)
    assert "Mistral AI raises" in text and "SenseTime raises" in text
    assert "overflow" in text and "Feed health" not in text
    assert running.event({"type": "app_home_opened", "user": "U0ADMIN", "tab": "home"}) == 200
    running.fake.wait_for_calls("views.publish", count=2)
    [admin] = running.fake.homes["U0ADMIN"]
    assert "Feed health" in json.dumps(admin) and "Broken wire" in json.dumps(admin)
    # opened again at once: not published again (never more than the API allows)
    running.event({"type": "app_home_opened", "user": "U0ANA", "tab": "home"})
    settle()
    assert len(running.fake.homes["U0ANA"]) == 1


def test_an_uninstall_forgets_the_workspace_s_subscriptions_and_follows(running: Running) -> None:
    running.store.set_subscription("C0FIN", '{"sectors": ["fintech"]}', "U0ANA")
    running.store.add_follow("U0ANA", "D0ANA", '{"company": "SenseTime"}')
    assert running.event({"type": "app_uninstalled"}) == 200
    deadline = time.monotonic() + 5
    while running.store.subscription_rows() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.store.subscription_rows() == [] and running.store.follow_rows() == []
