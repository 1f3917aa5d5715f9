"""Item 5: hostile input. Mentions and forged links in every field that reaches Slack (cards,
thread replies, card updates, /deal answers), javascript:/data: links, FTS syntax, oversized
and binary /deal text, forged and replayed Slack requests."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import pytest
from fakeslack import sign_request
from faultkit import TOKEN, Bot, card_ids, slack_client
from slack_bolt.request import BoltRequest

from bot.clock import utcnow
from bot.config import Settings
from bot.lookup.answers import answer
from bot.lookup.search import search
from bot.models import Deal, Story
from bot.slack.app import create_app

EVIL = "<!channel> <!here|here> <!everyone> <@U0BOSS> <#C0SECRET> <!subteam^S0ADMINS>"
FORGED = "<https://evil.example/phish|TechCrunch>"
BAD_LINKS = [
    "javascript:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "JaVaScRiPt:x",
]
DANGEROUS = ["<!channel>", "<!here", "<!everyone>", "<@U0BOSS>", "<#C0SECRET>", "<!subteam"]
DANGEROUS += ["<https://evil.example", "<javascript:", "<data:", "<JaVaScRiPt:"]


def hostile_deal(store) -> int:
    """A deal whose every text field and source is hostile, stored as ingest would store it."""
    now = utcnow()
    deal = Deal(
        id=None,
        company=f"Zeta{EVIL}",
        company_key="zeta",
        status="confirmed",
        announced=now,
        amount=5e6,
        currency="USD",
        amount_usd=5e6,
        round="seed",
        location=f"Paris {EVIL}",
        lead_investors=(f"Lead {EVIL}", FORGED),
        investors=(f"Inv {EVIL}", "x|<https://evil.example|y>"),
        sources=[],
    )
    stories = [
        Story(
            link=f"https://tc.example/zeta{n}?q=<!channel>|{FORGED}",
            title=f"{EVIL} {FORGED} Zeta raises $5M",
            summary="",
            content="",
            published=now,
            guid=None,
            feed_url="https://tc.example/feed",
            outlet=f"Outlet {EVIL} {FORGED}",
        )
        for n in range(2)
    ]
    with store.transaction() as db:
        store.save_deal(db, deal, prefix="zet", announce=True)
        for n, story in enumerate(stories):
            story_id = store.add_story(db, story, f"k{n}", "funding", {}, now)
            store.add_source(db, deal.id, story_id, story)
    # one more source whose link is a javascript:/data: URL (stored before bot.feeds.parse filtering)
    with store.transaction() as db:
        for n, bad in enumerate(BAD_LINKS):
            story = Story(
                link=bad,
                title=f"click {n}",
                summary="",
                content="",
                published=now,
                guid=None,
                feed_url="",
                outlet=f"Bad {n}",
            )
            story_id = store.add_story(db, story, f"b{n}", "funding", {}, now)
            store.add_source(db, deal.id, story_id, story)
    return deal.id


def test_nothing_from_feeds_can_ping_or_link_in_cards_replies_or_updates(fake, store) -> None:
    deal_id = hostile_deal(store)
    bot = Bot(store, slack_client(fake))
    bot.publisher.post_card(deal_id)
    # a later source: a thread reply and a card update
    with store.transaction() as db:
        story = Story(
            link="https://eu.example/zeta",
            title=f"{EVIL} again",
            summary="",
            content="",
            published=utcnow(),
            guid=None,
            feed_url="",
            outlet=EVIL,
        )
        store.add_source(
            db, deal_id, store.add_story(db, story, "k9", "funding", {}, utcnow()), story
        )
    bot.publisher.catch_up()
    assert card_ids(fake) == [deal_id]
    methods = {c.method for c in fake.calls}
    assert {"chat.postMessage", "chat.update"} <= methods
    sent = json.dumps([c.params for c in fake.calls if c.method.startswith("chat.")])
    for bad in DANGEROUS:
        assert bad not in sent, bad
    assert "&lt;!channel&gt;" in sent  # shown as text, inert


def test_deal_answers_escape_everything(store) -> None:
    hostile_deal(store)
    for query in ("Zeta", "investor:Lead", "top 7d"):
        result = search(store, query)
        assert result.deals, query
        fallback, blocks = answer(result, query)
        sent = json.dumps([fallback, blocks])
        for bad in DANGEROUS:
            assert bad not in sent, (query, bad)


FTS = [
    '"',
    '""',
    '"unterminated',
    "*",
    "a*",
    "NEAR(a b)",
    "a NOT b",
    "a AND OR b",
    "^start",
    "company:x",
    "{company investors}: x",
    "-x",
    "+x",
    "(",
    ")",
    "a:b:c",
    "NEAR(a, 5)",
    "rowid=1",
    "'; drop table deals; --",
    "\\",
    "\x00",
    "\ud800",
    "%",
    "_",
    'investor:"',
    "round:*",
    "since:9999-99-99",
    "min:1e999M",
    "min:-5M",
    "top 99999999999d",
]


@pytest.mark.parametrize("text", FTS)
def test_fts_syntax_is_plain_text(store, text) -> None:
    hostile_deal(store)
    result = search(store, text)
    assert result.kind != "error", (text, result.message)
    fallback, blocks = answer(result, text)
    assert "<!channel>" not in json.dumps([fallback, blocks])


@pytest.mark.parametrize(
    "text",
    ["x" * 100_000, bytes(range(256)).decode("latin-1") * 40, "\x00" * 5000, "🚀" * 20_000],
    ids=["100k", "binary", "nul", "emoji"],
)
def test_oversized_and_binary_deal_text(store, text) -> None:
    hostile_deal(store)
    start = time.monotonic()
    result = search(store, text)
    fallback, blocks = answer(result, text)
    assert time.monotonic() - start < 1.0
    assert result.kind != "error" and len(json.dumps(blocks)) < 50_000


SECRET = "hostile-signing-secret"


@pytest.fixture
def app(fake, store):
    settings = Settings(
        slack_bot_token=TOKEN, slack_signing_secret=SECRET, slack_api_url=fake.api_url
    )
    return create_app(settings, store)


def command_body(fake, name: str) -> str:
    return urlencode(
        {
            "command": "/deal",
            "text": "Zeta",
            "user_id": "U1",
            "channel_id": "C1",
            "team_id": "T0DEALBOT",
            "response_url": fake.response_url(name),
        }
    )


@pytest.mark.parametrize(
    "forge",
    [
        "wrong-secret",
        "tampered-body",
        "stale-301s",
        "future-301s",
        "no-headers",
        "bad-format",
        "replayed-old",
    ],
)
def test_forged_or_replayed_requests_are_refused(app, fake, forge) -> None:
    body = command_body(fake, forge)
    now = int(time.time())
    headers = {
        "wrong-secret": lambda: sign_request(body, "not-the-secret"),
        "tampered-body": lambda: sign_request(body.replace("Zeta", "Beta"), SECRET),
        "stale-301s": lambda: sign_request(body, SECRET, now - 301),
        "future-301s": lambda: sign_request(body, SECRET, now + 301),
        "no-headers": lambda: {"Content-Type": "application/x-www-form-urlencoded"},
        "bad-format": lambda: {**sign_request(body, SECRET), "X-Slack-Signature": "v1=abc"},
        "replayed-old": lambda: sign_request(body, SECRET, now - 3600),
    }[forge]()
    resp = app.dispatch(
        BoltRequest(body=body, headers={k.lower(): [v] for k, v in headers.items()})
    )
    assert resp.status == 401
    with pytest.raises(TimeoutError):
        fake.wait_for_response(forge, timeout=0.3)  # the command never ran


def test_a_genuine_request_is_answered(app, fake, store) -> None:
    hostile_deal(store)
    body = command_body(fake, "genuine")
    headers = {k.lower(): [v] for k, v in sign_request(body, SECRET).items()}
    assert app.dispatch(BoltRequest(body=body, headers=headers)).status == 200
    assert "Zeta" in json.dumps(fake.wait_for_response("genuine"))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/feed",
        "http://localhost/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/feed",
        "http://[::ffff:127.0.0.1]/feed",
        "http://10.0.0.5/feed",
        "http://rebind.example/feed",  # resolves to a public and a private address
        "file:///etc/passwd",
        "gopher://127.0.0.1:25/",
    ],
)
def test_ssrf_on_feed_add_is_refused(url) -> None:
    """bot/feeds/check.py (issue 8; its own cases in tests/test_feedcheck.py): every one refused
    before or at connect time, without a request leaving."""
    feedcheck = pytest.importorskip("bot.feeds.check")

    def resolver(host: str, port: int) -> list[str]:
        return {"rebind.example": ["93.184.216.34", "10.0.0.1"]}.get(host, ["127.0.0.1"])

    check = feedcheck.check_feed(url, feedcheck.AddressPolicy(), resolver=resolver, deadline=1)
    assert not check.ok and check.reason


def test_ssrf_redirect_from_an_allowed_feed_to_a_private_port_is_refused(feed_server) -> None:
    feedcheck = pytest.importorskip("bot.feeds.check")
    url = feed_server.add_redirect("/r", "http://127.0.0.1:9/admin")
    port = int(url.split(":")[2].split("/")[0])
    policy = feedcheck.AddressPolicy(allowed=frozenset({("127.0.0.1", port)}))
    check = feedcheck.check_feed(url, policy, deadline=1)
    assert not check.ok and "refused" in check.reason


def test_answers_and_cards_stay_within_block_kit_limits(store) -> None:
    """Issue 17, item 5: text that grows when escaped (every "&" becomes "&amp;") and links of
    thousands of characters must not break a section (3,000) or a context element; the card's
    context is never cut inside a link."""
    from slack_sdk.models.blocks import Block

    from bot.publish.cards import render_card

    now = utcnow()
    long_link = "https://tc.example/" + "a" * 5000
    deal = Deal(
        id=None,
        company="Amp" + "&" * 900,
        company_key="amp",
        status="confirmed",
        announced=now,
        amount=5e6,
        currency="USD",
        amount_usd=5e6,
        lead_investors=("&" * 900,),
        investors=tuple("<>" * 200 for _ in range(5)),
        sources=[],
    )
    story = Story(link=long_link, title="&" * 900, published=now, outlet="Outlet " + "&" * 50)
    with store.transaction() as db:
        deal_id = store.save_deal(db, deal, prefix="amp", announce=True)
        for n in range(6):
            s = Story(link=f"{long_link}{n}", title=story.title, published=now, outlet=story.outlet)
            store.add_source(db, deal_id, store.add_story(db, s, f"amp{n}", "funding", {}, now), s)
    result = search(store, "Amp")
    fallback, blocks = answer(result, "Amp")
    for block in blocks:
        for text in _texts(block):
            assert len(text) <= 3000, len(text)
            assert not text.endswith(("&am…", "&a…", "&l…", "&g…"))
    stored = store.deal(deal_id)
    assert stored is not None
    card = render_card(stored, stored.sources)
    for block in card.blocks:
        Block.parse(block).validate_json()  # slack_sdk checks every limit
        for text in _texts(block):
            assert text.count("<") == text.count(">"), "a link cut in two"
    assert "a" * 600 not in json.dumps(card.blocks)  # the long URL is not in the card


def _texts(block: dict) -> list[str]:
    found = []
    if isinstance(block.get("text"), dict):
        found.append(block["text"].get("text", ""))
    for key in ("fields", "elements"):
        for element in block.get(key) or []:
            text = element.get("text") if isinstance(element, dict) else None
            if isinstance(text, dict):  # a button's label
                text = text.get("text")
            if isinstance(text, str):
                found.append(text)
    return found


def test_a_refused_answer_is_logged(caplog) -> None:
    """respond()'s 400 used to be ignored: the user got nothing and nothing was logged."""
    from types import SimpleNamespace

    from bot.slack.client import checked

    refuse = checked(lambda **_: SimpleNamespace(status_code=400, body="invalid_blocks"))
    with caplog.at_level("ERROR"):
        refuse(text="x")
    assert "Slack refused the answer (HTTP 400): invalid_blocks" in caplog.text

    def broken(**_):
        raise OSError("connection reset")

    with caplog.at_level("ERROR"):
        assert checked(broken)(text="x") is None
    assert "answer not delivered to Slack" in caplog.text
    caplog.clear()
    with caplog.at_level("ERROR"):  # no status at all (a stand-in respond): nothing to say
        checked(lambda **_: object())(text="x")
    assert caplog.text == ""
