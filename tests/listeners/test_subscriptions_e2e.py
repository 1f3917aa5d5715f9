"""Subscriptions and feed management end to end: signed /deal requests over HTTP to the real
bolt App, the fake Slack Web API, the local feed server, and poll() publishing through the
ChannelRouter as `dealbot run` wires it."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import format_datetime
from urllib.parse import urlencode
from wsgiref.simple_server import make_server

import pytest
from fakeslack import FakeSlack, sign_request
from feedserver import FeedServer
from slack_bolt.adapter.wsgi import SlackRequestHandler
from wsgi import QuietHandler, ThreadingWSGIServer

from bot.clock import utcnow
from bot.config import Settings
from bot.feeds.fetch import fetch_all
from bot.lookup import messages
from bot.pipeline import poll
from bot.publish.router import ChannelRouter
from bot.publish.slack import SlackPublisher
from bot.slack.app import create_app
from bot.store import Store

SECRET = "s3cret-subs"
MAIN, SEED, FIN, EU = "C0ALL", "C0SEED", "C0FIN", "C0EU"
_names = itertools.count()


class Bot:
    """The app over HTTP plus the poll job, sharing one store and one fake Slack."""

    def __init__(self, fake: FakeSlack, store: Store, settings: Settings, url: str) -> None:
        self.fake, self.store, self.settings, self.url = fake, store, settings, url
        self.app = create_app(settings, store)
        self.router = ChannelRouter(
            store,
            lambda ch, accepts: SlackPublisher(
                store, self.app.client, ch, post_interval=0, accepts=accepts
            ),
            settings.channel,
        )

    def deal(self, text: str, *, channel: str = SEED, user: str = "U2", count: int = 1) -> str:
        """Send a signed /deal; the text of the count-th answer at its response_url."""
        import urllib.request

        name = f"r{next(_names)}"
        body = urlencode(
            {
                "command": "/deal",
                "text": text,
                "user_id": user,
                "user_name": user.lower(),
                "channel_id": channel,
                "channel_name": channel.lower(),
                "team_id": "T0DEALBOT",
                "trigger_id": "1.2",
                "response_url": self.fake.response_url(name),
                "token": "legacy",
            }
        )
        req = urllib.request.Request(self.url, body.encode(), sign_request(body, SECRET))
        with urllib.request.urlopen(req, timeout=5) as resp:
            assert resp.status == 200
        answers = [self.fake.wait_for_response(name, timeout=15, count=n + 1) for n in range(count)]
        assert all(a["response_type"] == "ephemeral" for a in answers)
        return answers[-1]["text"]

    def poll(self) -> None:
        self.router.settle_pending()
        self.router.catch_up()
        poll(self.store, self.router, fetch=fetch_all)


@contextmanager
def running(tmp_path, **overrides) -> Iterator[Bot]:
    store = Store(str(tmp_path / "subs.db"))
    with FakeSlack() as fake:
        fake.add_user("UADMIN", is_admin=True)
        fake.add_user("U2")
        settings = Settings(
            slack_bot_token="xoxb-test",
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
            channel=MAIN,
            post_interval=0,
            **overrides,
        )
        holder: list[Bot] = []
        server = make_server(
            "127.0.0.1",
            0,
            lambda env, start: SlackRequestHandler(holder[0].app)(env, start),
            server_class=ThreadingWSGIServer,
            handler_class=QuietHandler,
        )
        holder.append(
            Bot(fake, store, settings, f"http://127.0.0.1:{server.server_port}/slack/events")
        )
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield holder[0]
        finally:
            server.shutdown()
            server.server_close()
            store.close()


def rss(*items: tuple[str, str]) -> bytes:
    when = format_datetime(utcnow())  # fresh: announced, not just stored
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{when}</pubDate><description>{title}.</description></item>"
        for title, link in items
    )
    return f'<rss version="2.0"><channel><title>Local News</title>{body}</channel></rss>'.encode()


LEDGERLY = ("Ledgerly raises $12M Series A for its fintech platform", "https://a.example/ledgerly")
SENSE = ("SenseTime raises $600M Series C led by Alibaba", "https://a.example/sensetime")
SEEDLING = ("Seedling raises $3M seed round", "https://a.example/seedling")
ROBO = ("Berlin-based Robo raises $20M seed round", "https://a.example/robo")
LEDGERLY2 = ("Ledgerly lands $12 million Series A from Index Ventures", "https://b.example/l")


def card_companies(fake: FakeSlack, channel: str) -> list[str]:
    found = []
    for msg in fake.messages(channel):
        for company in ("Ledgerly", "SenseTime", "Seedling", "Robo"):
            if company in msg["text"]:
                found.append(company)
    return sorted(found)


def test_subscribed_channels_get_exactly_their_cards(tmp_path, feed_server: FeedServer) -> None:
    with running(tmp_path) as bot:
        said = bot.deal("subscribe min:5M max:50M round:seed,series-a", channel=SEED)
        assert "$5M to $50M · seed or series-a" in said
        assert "keywords fintech" in bot.deal("subscribe keyword:fintech", channel=FIN)
        assert "in Europe" in bot.deal("subscribe location:Europe", channel=EU)
        assert bot.deal("subscribe round:seed", channel=MAIN) == messages.SUBSCRIBE_DEFAULT
        assert "couldn't read" in bot.deal("subscribe round:zzz", channel="C0BAD")
        assert "$5M to $50M" in bot.deal("subscriptions", channel=SEED)

        store = bot.store
        store.add_feed(feed_server.add("/a", rss(LEDGERLY, SENSE, SEEDLING, ROBO)), "A")
        bot.poll()
        fake = bot.fake
        assert card_companies(fake, MAIN) == ["Ledgerly", "Robo", "Seedling", "SenseTime"]
        assert card_companies(fake, SEED) == ["Ledgerly", "Robo"]
        assert card_companies(fake, FIN) == ["Ledgerly"]
        assert card_companies(fake, EU) == ["Robo"]
        assert fake.messages("C0BAD") == []

        # a second outlet: a thread reply in each channel that has the card, no new card
        store.add_feed(feed_server.add("/b", rss(LEDGERLY2)), "B")
        bot.poll()
        bot.poll()  # and nothing twice
        for channel, count in ((MAIN, 4), (SEED, 2), (FIN, 1), (EU, 1)):
            assert len(fake.messages(channel)) == count, channel
        for channel in (MAIN, SEED, FIN):
            replies = [m for m in fake.messages(channel, replies=True) if m.get("thread_ts")]
            assert len([m for m in replies if m["ts"] != m["thread_ts"]]) == 1, channel
        assert len(fake.messages(EU, replies=True)) == 1

        assert bot.deal("unsubscribe", channel=FIN) == messages.UNSUBSCRIBED
        assert bot.deal("subscriptions", channel=FIN) == messages.NOT_SUBSCRIBED
        assert bot.deal("unsubscribe", channel=FIN) == messages.NOT_SUBSCRIBED
        assert [r["channel"] for r in store.subscription_rows()] == [SEED, EU]


def test_non_admin_cannot_add_or_remove_feeds(tmp_path, feed_server: FeedServer) -> None:
    url = feed_server.add("/feed", rss(LEDGERLY))
    with running(tmp_path, allow_private_feeds=True) as bot:
        before = [f["url"] for f in bot.store.feeds()]
        assert bot.deal(f"feeds add {url}", user="U2") == messages.FEEDS_NOT_ADMIN
        assert bot.deal("feeds remove https://x.example/", user="U2") == messages.FEEDS_NOT_ADMIN
        assert [f["url"] for f in bot.store.feeds()] == before
        assert feed_server.requests_for("/feed") == []  # not even fetched
        assert bot.deal("feeds", user="U2").startswith("dealbot reads")  # listing is for all


def test_admin_adds_a_local_feed_and_gets_a_summary(tmp_path, feed_server: FeedServer) -> None:
    url = feed_server.add("/feed", rss(LEDGERLY, ("Ten tips for founders", "https://a.example/t")))
    with running(tmp_path, allow_private_feeds=True, admins=("UOPS",)) as bot:
        said = bot.deal(f"feeds add <{url}>", user="UADMIN", count=2)  # as Slack sends links
        assert said.startswith("Added Local News") and url in said
        assert "2 items now, 1 that look like funding news" in said
        assert url in [f["url"] for f in bot.store.feeds()]
        assert bot.deal(f"feeds add {url}", user="UADMIN").endswith("already on the list.")
        assert url in bot.deal("feeds")
        # DEALBOT_ADMINS: not a Slack admin, still allowed
        assert bot.deal(f"feeds remove {url}", user="UOPS") == f"Removed {url}."
        assert url not in [f["url"] for f in bot.store.feeds()]
        html = feed_server.add("/page", b"<!doctype html><html></html>", content_type="text/html")
        said = bot.deal(f"feeds add {html}", user="UOPS", count=2)
        assert said == f"I can't add {html}: not a feed: HTML page."


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://10.0.0.1/",
        "file:///etc/passwd",
    ],
)
def test_ssrf_attempts_are_refused(tmp_path, target: str) -> None:
    with running(tmp_path) as bot:
        said = bot.deal(f"feeds add {target}", user="UADMIN", count=2)
        assert said.startswith(f"I can't add {target}:")
        assert target not in [f["url"] for f in bot.store.feeds()]


def test_redirect_from_a_feed_to_loopback_is_refused(tmp_path, feed_server: FeedServer) -> None:
    # allowing private feeds would let the redirect through too, so without the allowance the
    # first hop is already refused: the redirect case itself is in test_feedcheck (allow-list)
    start = feed_server.add_redirect("/start", "http://127.0.0.1:1/")
    with running(tmp_path) as bot:
        said = bot.deal(f"feeds add {start}", user="UADMIN", count=2)
        assert "loopback" in said and feed_server.requests_for("/start") == []


def test_recovery_posts_only_what_each_channel_wants(tmp_path, feed_server: FeedServer) -> None:
    """Deals stored but never published (a crash between the two) are posted on the next
    cycle: everywhere for DEALBOT_CHANNEL, by filter for subscribers, and not at all to a
    channel that subscribed after the deal was stored (no replay of the past week)."""
    with running(tmp_path) as bot:
        bot.deal("subscribe round:seed", channel=SEED)
        bot.store.add_feed(feed_server.add("/a", rss(LEDGERLY, SEEDLING, ROBO)), "A")
        poll(bot.store, None, fetch=fetch_all)  # stored, announce=1, but no publisher ran
        bot.deal("subscribe keyword:fintech", channel=FIN)
        bot.poll()
        assert card_companies(bot.fake, MAIN) == ["Ledgerly", "Robo", "Seedling"]
        assert card_companies(bot.fake, SEED) == ["Robo", "Seedling"]
        assert card_companies(bot.fake, FIN) == []
        bot.poll()
        assert len(bot.fake.messages(MAIN)) == 3 and len(bot.fake.messages(SEED)) == 2


def test_feed_query_strings_are_shown_to_admins_only(tmp_path, feed_server: FeedServer) -> None:
    """A feed's query string can hold an API key (issue 17): `/deal feeds` shows it to admins,
    cut to "?…" for everyone else and in the log."""
    keyed = "https://news.example/feed?api_key=SECRET123"
    with running(tmp_path, admins=("UOPS",)) as bot:
        bot.store.add_feed(keyed, "Keyed")
        assert "SECRET123" not in bot.deal("feeds", user="U2")
        assert "https://news.example/feed?…" in bot.deal("feeds", user="U2")
        assert "api_key=SECRET123" in bot.deal("feeds", user="UOPS")


def test_shown_url() -> None:
    from bot.feeds.links import shown_url

    assert shown_url("https://a.example/rss?token=abc&x=1") == "https://a.example/rss?…"
    assert shown_url("https://a.example/rss") == "https://a.example/rss"
