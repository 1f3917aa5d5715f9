"""The whole cycle over a local feed server: fetch, parse, extract, match, store, publish."""

import io
import re
from datetime import datetime, timedelta, timezone
from functools import partial

import pytest

from bot.feeds.fetch import fetch_all
from bot.pipeline import poll
from bot.publish.console import ConsolePublisher
from bot.store import Store

NOW = datetime(2024, 6, 12, 12, tzinfo=timezone.utc)


def rss(*items):
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{d}</pubDate><description>{s}</description></item>"
        for t, link, d, s in items
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
    return f"{head}{body}</channel></rss>".encode()


# Facts: Mistral AI's €600M round led by General Catalyst, reported 11 June 2024.
TC = rss(
    (
        "Mistral AI closes €600M round led by General Catalyst",
        "https://techcrunch.example/2024/06/11/mistral/",
        "Tue, 11 Jun 2024 09:00:00 +0000",
        "The Paris-based model maker raised equity and debt.",
    ),
    (
        "Acme lays off a third of its staff",
        "https://techcrunch.example/2024/06/11/acme/",
        "Tue, 11 Jun 2024 10:00:00 +0000",
        "",
    ),
)
EU = rss(
    (
        "Paris-based Mistral AI secures €600 million led by General Catalyst",
        "https://eu.example/2024/06/mistral-600m/?utm_source=rss",
        "Tue, 11 Jun 2024 12:00:00 +0000",
        "Andreessen Horowitz and Lightspeed Venture Partners also joined the round.",
    ),
)
OLD = rss(
    (
        "Wayve raises $1.05B Series C led by SoftBank",
        "https://old.example/wayve",
        "Tue, 07 May 2024 09:00:00 +0000",
        "",
    ),
)


@pytest.fixture
def store(tmp_path):
    return Store(str(tmp_path / "d.db"))


def run(store, out, **kw):
    fetch = partial(fetch_all, deadline=1.0, concurrency=8)
    return poll(
        store,
        ConsolePublisher(store, out),
        now=lambda: NOW,
        fetch=fetch,
        max_age=timedelta(hours=72),
        **kw,
    )


def test_two_outlets_one_card_and_second_cycle_is_conditional(store, feed_server):
    store.add_feed(feed_server.add("/tc", TC, etag='"v1"'), "TechCrunch")
    store.add_feed(
        feed_server.add("/eu", EU, last_modified="Tue, 11 Jun 2024 12:00:00 GMT"), "EU-Startups"
    )
    out = io.StringIO()
    first = run(store, out)
    assert first.new_stories == 3 and not first.failed
    assert store.count("deals") == 1 and store.count("deal_sources") == 2
    text = out.getvalue()
    assert len(re.findall(r"^Mistral AI raises €600M$", text, re.M)) == 1
    assert "EU-Startups reports it too" in text
    deal = store.deals()[0]
    assert deal.lead_investors[0] == "General Catalyst" and deal.location == "Paris"

    second = run(store, io.StringIO())
    assert second.not_modified == 2 and second.new_stories == 0 and not second.events
    assert feed_server.requests_for("/tc")[-1].headers.get("If-None-Match") == '"v1"'
    assert feed_server.requests_for("/eu")[-1].headers.get("If-Modified-Since")


def test_edited_headline_is_not_news_again(store, feed_server):
    url = feed_server.add("/tc", TC)
    store.add_feed(url, "TechCrunch")
    run(store, io.StringIO())
    feed_server.add("/tc", TC.replace(b"closes", b"lands"))
    out = io.StringIO()
    again = run(store, out)
    assert again.new_stories == 0 and out.getvalue() == "" and store.count("stories") == 2


def test_old_story_stored_but_not_announced(store, feed_server):
    store.add_feed(feed_server.add("/old", OLD), "Old")
    out = io.StringIO()
    run(store, out)
    assert store.count("deals") == 1 and out.getvalue() == ""


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
        for i in range(1, 10)
    )
    + b']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>'
)


def test_bad_feeds_are_reported_and_the_rest_processed(store, feed_server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>&x; raises $5M</title>'
        "<link>https://x.example/1</link></item></channel></rss>"
    ).encode()
    bad = {
        "/500": feed_server.add("/500", b"oops", status=500),
        "/hang": feed_server.add_hang("/hang"),
        "/loop": feed_server.add_redirect("/loop", "/loop"),
        "/html": feed_server.add(
            "/html", b"<html><body>Not a feed</body></html>", content_type="text/html"
        ),
        "/empty": feed_server.add("/empty", b""),
        "/bomb": feed_server.add_gzip_bomb("/bomb"),
        "/laughs": feed_server.add("/laughs", BILLION_LAUGHS),
    }
    for path, url in bad.items():
        store.add_feed(url, path)
    store.add_feed(feed_server.add("/xxe", xxe), "xxe")
    store.add_feed(feed_server.add("/tc", TC), "TechCrunch")
    report = run(store, io.StringIO())
    failed = {url for url, _ in report.failed}
    assert set(bad.values()) <= failed
    assert store.count("deals") == 1  # the good feed went through
    feeds = {f["url"]: f for f in store.feeds()}
    assert all(feeds[u]["last_error"] and feeds[u]["failures"] == 1 for u in bad.values())
    dump = "\n".join(store.db.iterdump())
    assert "TOP-SECRET-MARKER" not in dump


def test_a_deal_without_a_company_name_is_stored_and_announced(store, feed_server):
    """A funding story whose company cannot be read is still a deal, never dropped."""
    feed = rss(
        (
            "Indian insurtech provider raises $45 million in Series B",
            "https://news.example/insurtech-45m",
            "Tue, 11 Jun 2024 09:00:00 +0000",
            "",
        )
    )
    store.add_feed(feed_server.add("/f", feed), "News")
    out = io.StringIO()
    report = run(store, out)
    assert len(report.events) == 1 and store.count("deals") == 1
    assert "Indian insurtech provider raises $45 million in Series B (company not named)" in (
        out.getvalue()
    )


def test_the_deal_keeps_its_story_language(store, feed_server):
    feed = rss(
        (
            "Nubank capta US$ 750 milhões em rodada liderada pela Berkshire Hathaway",
            "https://news.example/nubank",
            "Tue, 11 Jun 2024 09:00:00 +0000",
            "",
        )
    )
    store.add_feed(feed_server.add("/f", feed), "Valor")
    out = io.StringIO()
    run(store, out)
    (deal,) = store.deals()
    assert (deal.company, deal.language, deal.amount) == ("Nubank", "pt", 750e6)
    assert "Portuguese: Nubank capta US$ 750 milhões" in out.getvalue()


def test_one_round_reported_in_euros_and_in_dollars_is_one_deal(store, feed_server):
    """ "92 millions d'euros" and "$100M" on one day are one amount at that day's ECB rate.
    Mistral AI, June 2024: €600M, reported as about $640M in US dollars."""
    fr = rss(
        (
            "Mistral AI lève 600 millions d'euros, un tour de table mené par General Catalyst",
            "https://fr.example/mistral",
            "Tue, 11 Jun 2024 08:00:00 +0000",
            "",
        )
    )
    en = rss(
        (
            "Mistral AI raises $640 million led by General Catalyst",
            "https://en.example/mistral",
            "Tue, 11 Jun 2024 10:00:00 +0000",
            "",
        )
    )
    store.add_feed(feed_server.add("/fr", fr), "Les Echos")
    store.add_feed(feed_server.add("/en", en), "Wire")
    out = io.StringIO()
    run(store, out)
    (deal,) = store.deals()
    assert len(deal.sources) == 2
    assert deal.usd_basis == "ECB reference rate for 2024-06-11"
    assert "≈ $643.8M at the ECB reference rate for 2024-06-11" in out.getvalue()


@pytest.mark.parametrize(
    "title",
    [
        "Sequoia closes $950M fund for early-stage startups",  # a fund close (2025)
        "Stripe valuation rises to $91.5B in employee tender offer",  # a valuation mark (2025)
        "Klarna raises $1.37B in its New York IPO",  # a float worded as a raise (2025)
        "Thoma Bravo raises $5.3B to take Darktrace private",  # a buy-out worded as a raise
    ],
)
def test_non_deals_worded_like_raises_never_make_a_card(tmp_path, title):
    from bot.models import Story
    from bot.pipeline import ingest

    store = Store(str(tmp_path / "d.db"))
    when = datetime(2025, 9, 10, 12, tzinfo=timezone.utc)
    story = Story("https://news.example/x", title, published=when, outlet="Wire")
    outcome = ingest(store, story, now=when, max_age=timedelta(days=1))
    assert outcome.new and outcome.event is None
    assert store.count("deals") == 0 and store.count("stories") == 1  # kept, not carded


def test_a_failing_feeds_key_never_reaches_the_log(store, feed_server, caplog):
    url = feed_server.add("/keyed", b"not a feed", status=500) + "?api_key=SECRET123"
    store.add_feed(url, "Keyed")
    with caplog.at_level("WARNING"):
        run(store, io.StringIO())
    assert "feed" in caplog.text and "SECRET123" not in caplog.text
