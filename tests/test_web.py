"""bot.web through the real waitress server (bot.runner.serve) on 127.0.0.1: /healthz, /metrics
and the deal feed (parsed back with feedparser), conditional GETs, the feed token, and Slack's
path left to the Slack app.

Deals are our own sentences about real rounds (SenseTime's $600M Series C led by Alibaba, April
2018; Mistral AI's €600M Series B led by General Catalyst, June 2024; Anysphere's $900M at $9.9B
led by Thrive Capital, June 2025)."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import feedparser
import pytest

from bot import metrics
from bot.models import Story
from bot.pipeline import ingest
from bot.runner import serve
from bot.store import Store
from bot.web import WebApp

STORIES = [
    ("SenseTime raises $600M Series C led by Alibaba", datetime(2018, 4, 9, 12)),
    ("Mistral AI raises €600M Series B led by General Catalyst", datetime(2024, 6, 11, 9)),
    ("Anysphere raises $900M at a $9.9B valuation led by Thrive Capital", datetime(2025, 6, 5)),
]


class Web:
    def __init__(self, port: int, health: metrics.Health, store: Store) -> None:
        self.base, self.health, self.store = f"http://127.0.0.1:{port}", health, store

    def get(self, path: str, headers: dict | None = None, method: str = "GET"):
        req = urllib.request.Request(self.base + path, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()


def slack_stand_in(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"slack"]


def start(tmp_path, **kw) -> Iterator[Web]:
    store = Store(str(tmp_path / "web.db"))
    for n, (title, when) in enumerate(STORIES):
        when = when.replace(tzinfo=timezone.utc)
        story = Story(f"https://news.example/{n}", title, published=when, outlet="Wire")
        ingest(store, story, now=when, max_age=timedelta(days=3))
    health = metrics.Health(poll_minutes=15)
    stop, port = serve(WebApp(store, health, slack=slack_stand_in, **kw), 0, host="127.0.0.1")
    try:
        yield Web(port, health, store)
    finally:
        stop()


@pytest.fixture
def web(tmp_path) -> Iterator[Web]:
    yield from start(tmp_path)


def test_healthz_is_503_until_a_good_poll_and_says_why(web: Web) -> None:
    status, _, body = web.get("/healthz")
    assert status == 503 and "scheduler is not running" in json.loads(body)["problems"][0]
    web.health.scheduler_running = True
    web.health.polled()
    status, _, body = web.get("/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok"
    # a poll longer ago than three intervals is stale
    web.health.polled(time.time() - 3 * 15 * 60 - 5)
    status, _, body = web.get("/healthz")
    assert status == 503 and "last good poll 45 min ago" in json.loads(body)["problems"][0]


def test_healthz_when_the_database_is_gone(web: Web) -> None:
    web.health.scheduler_running = True
    web.health.polled()
    web.store.close()
    web.store.path = "/nonexistent/dir/d.db"  # every new connection now fails
    status, _, body = web.get("/healthz")
    assert status == 503 and "database unreachable" in json.loads(body)["problems"][0]


def test_metrics_in_prometheus_format(web: Web) -> None:
    from bot.jobs import count
    from bot.pipeline import PollReport

    before = metrics.POLLS._value.get()
    count(PollReport(feeds=2, new_stories=3, failed=[("https://feed.example/x?key=s", "HTTP 500")]))
    status, headers, body = web.get("/metrics")
    text = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert f"dealbot_polls_total {before + 1}" in text
    assert 'dealbot_feed_failures_total{feed="https://feed.example/x?…"}' in text
    assert "key=s" not in text  # a feed's query string never leaves the bot
    for name in ("dealbot_cards_posted_total", "dealbot_deal_lookup_seconds_bucket"):
        assert name in text


def test_atom_feed_parsed_back_with_feedparser(web: Web) -> None:
    status, headers, body = web.get("/deals.atom")
    assert status == 200 and headers["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(body)
    assert not parsed.bozo
    titles = [e.title for e in parsed.entries]
    assert titles[0].startswith("Anysphere raises $900M")  # newest first
    assert any(t.startswith("SenseTime raises $600M Series C") for t in titles)
    assert parsed.entries[0].link == "https://news.example/2"
    assert parsed.entries[0].id.startswith("urn:dealbot:deal:")


def test_json_feed_filtered_with_the_deal_query(web: Web) -> None:
    status, headers, body = web.get("/deals.json?q=investor:Alibaba")
    assert status == 200 and headers["Content-Type"].startswith("application/feed+json")
    doc = json.loads(body)
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    [item] = doc["items"]
    facts = item["_dealbot"]
    assert (facts["company"], facts["amount"], facts["round"]) == ("SenseTime", 600e6, "series-c")
    assert facts["lead_investors"] == ["Alibaba"]
    euro = json.loads(web.get("/deals.json?q=Mistral")[2])["items"][0]["_dealbot"]
    assert euro["currency"] == "EUR" and euro["amount_usd"] > 600e6
    assert euro["usd_basis"].startswith("ECB reference rate for 2024-06-11")


def test_conditional_get_answers_304_and_a_change_makes_a_new_etag(web: Web) -> None:
    _, headers, _ = web.get("/deals.atom")
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert web.get("/deals.atom", {"If-None-Match": etag})[0] == 304
    assert web.get("/deals.atom", {"If-Modified-Since": modified})[0] == 304
    assert web.get("/deals.atom", {"If-None-Match": '"other"'})[0] == 200
    when = datetime(2025, 6, 5, 18, tzinfo=timezone.utc)
    story = Story(
        "https://other.example/a", "Anysphere raises $900M", "Accel joined.", published=when
    )
    ingest(web.store, story, now=when, max_age=timedelta(days=3))
    status, again, _ = web.get("/deals.atom", {"If-None-Match": etag})
    assert status == 200 and again["ETag"] != etag


def test_the_feed_token_when_set(tmp_path) -> None:
    for web in start(tmp_path, feed_token="t0ken-for-feeds"):
        assert web.get("/deals.json")[0] == 401
        assert web.get("/deals.json?token=wrong")[0] == 401
        assert web.get("/deals.json?token=t0ken-for-feeds")[0] == 200
        assert web.get("/deals.atom", {"Authorization": "Bearer t0ken-for-feeds"})[0] == 200
        assert web.get("/healthz")[0] in (200, 503)  # health and metrics need no token


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/deals.json?q=" + "x" * 600, 400),
        ("/deals.json?q=%22*%20NEAR(", 200),
        ("/deals.atom?q=round:nonsense", 200),
        ("/nothing-here", 200),  # not ours: the Slack app's (here a stand-in)
    ],
)
def test_hostile_requests_get_a_clear_answer(web: Web, path: str, status: int) -> None:
    got, _, body = web.get(path)
    assert got == status and b"Traceback" not in body


def test_only_get_and_head(web: Web) -> None:
    assert web.get("/deals.atom", method="POST")[0] == 405
    status, headers, body = web.get("/deals.atom", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
