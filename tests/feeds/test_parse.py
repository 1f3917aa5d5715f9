"""bot.feeds.parse: RSS and Atom bytes to Stories; bad or hostile documents become errors."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.feeds.parse import MAX_ENTRIES, ParsedFeed, parse_feed

FEED_URL = "https://news.example.com/funding/feed/"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Funding Wire</title>
  <link>https://news.example.com/</link>
  <item>
    <title>Mistral AI raises &#8364;385M led by Andreessen Horowitz</title>
    <link>https://news.example.com/2023/12/11/mistral-ai-385m/?utm_source=rss&amp;utm_medium=feed</link>
    <guid isPermaLink="false">funding-wire-1001</guid>
    <pubDate>Mon, 11 Dec 2023 09:30:00 +0100</pubDate>
    <description>&lt;p&gt;The Paris AI lab closed a &lt;b&gt;Series A&lt;/b&gt;.&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>Lightspeed also <em>joined</em> the round.</p>]]></content:encoded>
  </item>
  <item>
    <title>SenseTime gets $600M Series C from Alibaba, Temasek</title>
    <link>/2018/04/09/sensetime-600m/#comments</link>
    <guid>https://news.example.com/?p=1002</guid>
    <pubDate>Mon, 09 Apr 2018 04:00:00 GMT</pubDate>
    <description>The valuation is now over $4.5B.</description>
  </item>
</channel>
</rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Deals &amp;amp; Rounds</title>
  <id>tag:deals.example.org,2024:feed</id>
  <updated>2024-06-11T08:00:00Z</updated>
  <entry>
    <title type="html">Mistral AI &amp;amp;amp; its &amp;lt;b&amp;gt;&#8364;600M&amp;lt;/b&amp;gt; round</title>
    <link rel="alternate" href="https://deals.example.org/mistral-600m?fbclid=abc"/>
    <id>tag:deals.example.org,2024:1</id>
    <published>2024-06-11T10:00:00+02:00</published>
    <updated>2024-06-11T10:00:00+02:00</updated>
    <summary>General Catalyst led the round.</summary>
    <content type="html">&lt;p&gt;The company is based in &lt;i&gt;Paris&lt;/i&gt;.&lt;/p&gt;</content>
  </entry>
</feed>"""


def parse(data: str | bytes, **kwargs) -> ParsedFeed:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return parse_feed(raw, feed_url=kwargs.pop("feed_url", FEED_URL), **kwargs)


def test_rss_items_become_stories() -> None:
    feed = parse(RSS, content_type="application/rss+xml; charset=utf-8")
    assert feed.error is None and feed.title == "Funding Wire"
    mistral, sensetime = feed.stories
    assert mistral.title == "Mistral AI raises €385M led by Andreessen Horowitz"
    assert mistral.link == "https://news.example.com/2023/12/11/mistral-ai-385m/"  # utm_* gone
    assert mistral.summary == "The Paris AI lab closed a Series A ."
    assert mistral.content == "Lightspeed also joined the round."
    assert mistral.published == datetime(2023, 12, 11, 8, 30, tzinfo=timezone.utc)
    assert mistral.guid == "funding-wire-1001"
    assert mistral.outlet == "Funding Wire" and mistral.feed_url == FEED_URL
    # a relative link is made absolute against the feed URL; the fragment is dropped
    assert sensetime.link == "https://news.example.com/2018/04/09/sensetime-600m/"
    assert sensetime.content == ""


def test_outlet_given_by_the_caller_wins() -> None:
    assert {s.outlet for s in parse(RSS, outlet="Funding Wire EU").stories} == {"Funding Wire EU"}


def test_atom_entry_with_double_escaped_entities() -> None:
    feed = parse(ATOM)
    assert feed.error is None and feed.title == "Deals & Rounds"
    (story,) = feed.stories
    assert story.title == "Mistral AI & its €600M round"
    assert story.link == "https://deals.example.org/mistral-600m"  # fbclid gone
    assert story.summary == "General Catalyst led the round."
    assert story.content == "The company is based in Paris ."
    assert story.published == datetime(2024, 6, 11, 8, 0, tzinfo=timezone.utc)
    assert story.guid == "tag:deals.example.org,2024:1"


def test_feedburner_origlink_is_the_story_link() -> None:
    data = RSS.replace(
        '<rss version="2.0"',
        '<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"',
    ).replace(
        "<link>/2018/04/09/sensetime-600m/#comments</link>",
        "<link>https://feedproxy.example.net/~r/fw/~3/Xy12/</link><feedburner:origLink>"
        "https://news.example.com/2018/04/09/sensetime-600m/?utm_campaign=fb</feedburner:origLink>",
    )
    assert parse(data).stories[1].link == "https://news.example.com/2018/04/09/sensetime-600m/"


@pytest.mark.parametrize("link", ["", "javascript:alert(1)", "mailto:tips@example.com"])
def test_items_without_a_web_link_are_skipped(link: str) -> None:
    data = RSS.replace("<link>/2018/04/09/sensetime-600m/#comments</link>", f"<link>{link}</link>")
    assert [s.guid for s in parse(data).stories] == ["funding-wire-1001"]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("Thu, 01 Jan 1970 00:00:00 GMT", None),
        ("Fri, 01 Jan 2featured", None),
        ("Sat, 01 Jan 2150 00:00:00 GMT", None),
        ("", None),
        ("Tue, 11 Jun 2024 23:30:00 -0700", datetime(2024, 6, 12, 6, 30, tzinfo=timezone.utc)),
    ],
)
def test_published_is_utc_or_none(date: str, expected: datetime | None) -> None:
    data = RSS.replace("Mon, 09 Apr 2018 04:00:00 GMT", date)
    assert parse(data).stories[1].published == expected


def test_entries_are_capped() -> None:
    item = "<item><title>Round {0}</title><link>https://e.example/{0}</link></item>"
    data = "<rss version='2.0'><channel><title>Big</title>{}</channel></rss>".format(
        "".join(item.format(i) for i in range(MAX_ENTRIES + 100))
    )
    assert len(parse(data).stories) == MAX_ENTRIES


def test_a_valid_feed_with_no_items_is_not_an_error() -> None:
    feed = parse("<rss version='2.0'><channel><title>Quiet</title></channel></rss>")
    assert feed == ParsedFeed(title="Quiet")


def test_feed_served_as_html_is_still_read() -> None:
    feed = parse(RSS, content_type="text/html; charset=utf-8")  # a common misconfiguration
    assert feed.error is None and len(feed.stories) == 2


HTML = b"""<!DOCTYPE html>
<html lang="en"><head><title>Funding Wire</title></head>
<body><h1>Latest rounds</h1><a href="/mistral">Mistral AI raises</a></body></html>"""


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", None, "application/xml"])
def test_html_page_is_an_error(content_type: str | None) -> None:
    feed = parse(HTML, content_type=content_type)
    assert feed.error == "not a feed: HTML page" and feed.stories == ()


@pytest.mark.parametrize("data", [b"", b"  \r\n\t ", b"\xef\xbb\xbf"])
def test_empty_body_is_an_error(data: bytes) -> None:
    assert parse(data).error == "empty body"


@pytest.mark.parametrize(
    "data",
    [b"just some words", b'{"items": []}', b"\x89PNG\r\n\x1a\n\x00\x00", b"<rss", b"<<<>>>&&&"],
)
def test_garbage_is_an_error_not_an_exception(data: bytes) -> None:
    feed = parse(data)
    assert feed.error and feed.stories == ()


def test_truncated_xml_keeps_what_it_can() -> None:
    cut = RSS[: RSS.index("<title>SenseTime")]
    feed = parse(cut)
    assert [s.guid for s in feed.stories] == ["funding-wire-1001"] or feed.error


def test_truncated_before_any_item_is_an_error() -> None:
    feed = parse(RSS[: RSS.index("<item>") + 20])
    assert feed.stories == () and feed.error and feed.error.startswith("XML error")


CHARSET_RSS = """<rss version="2.0"><channel><title>Caf\u00e9 Finance</title>
<item><title>Qonto l\u00e8ve \u20ac486M</title><link>https://e.example/qonto</link></item>
</channel></rss>"""


@pytest.mark.parametrize(
    ("encoding", "declaration", "content_type"),
    [
        ("windows-1252", "windows-1252", None),  # declared in the XML
        ("windows-1252", None, "application/rss+xml; charset=windows-1252"),  # in the header
        ("windows-1252", None, None),  # undeclared: not UTF-8, so feedparser tries cp1252
        ("windows-1252", None, "text/xml"),  # text/xml without charset means us-ascii
        ("iso-8859-15", "iso-8859-15", None),  # latin-9 has the euro sign
        ("utf-16", "utf-16", None),
    ],
)
def test_charsets_decode_correctly(
    encoding: str, declaration: str | None, content_type: str | None
) -> None:
    prolog = f'<?xml version="1.0" encoding="{declaration}"?>\n' if declaration else ""
    feed = parse((prolog + CHARSET_RSS).encode(encoding), content_type=content_type)
    assert feed.title == "Café Finance"
    assert [s.title for s in feed.stories] == ["Qonto lève €486M"]


def test_latin1_declared_charset() -> None:
    data = '<?xml version="1.0" encoding="iso-8859-1"?>' + CHARSET_RSS.replace("\u20ac", "EUR ")
    feed = parse(data.encode("latin-1"))
    assert [s.title for s in feed.stories] == ["Qonto lève EUR 486M"]


def _laughs(newline: str) -> bytes:
    decls = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?>{newline}<!DOCTYPE rss [{newline}{newline.join(decls)}{newline}]>'
        "<rss version='2.0'><channel><title>x</title>"
        "<item><title>&lol9;</title><link>https://e.example/a</link></item></channel></rss>"
    ).encode()


def _quadratic() -> bytes:
    # feedparser itself keeps "safe" one-per-line entities and expands them without a limit
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "' + b"A" * 100_000 + b'">\n]>\n'
        b"<rss version='2.0'><channel><item><title>" + b"&a;" * 2000 + b"</title>"
        b"<link>https://e.example/a</link></item></channel></rss>"
    )


@pytest.mark.parametrize(
    "data",
    [_laughs(""), _laughs("\n"), _quadratic(), _laughs("\n").decode().encode("utf-16")],
    ids=["one-line", "multi-line", "quadratic", "utf-16"],
)
def test_entity_bombs_are_refused_fast(data: bytes) -> None:
    start = time.monotonic()
    feed = parse(data)
    assert time.monotonic() - start < 1.0
    assert feed.error == "refused: XML entity declarations" and feed.stories == ()


def test_character_entity_declarations_are_allowed() -> None:
    for newline in ("", "\n"):
        doctype = (
            f'<!DOCTYPE rss [{newline}<!ENTITY nbsp "&#160;">{newline}<!ENTITY euro "&#x20AC;">]>'
        )
        data = RSS.replace("?>", "?>" + newline + doctype, 1).replace("&#8364;", "&euro;&nbsp;")
        feed = parse(data)
        assert feed.error is None, feed.error
        assert feed.stories[0].title == "Mistral AI raises € 385M led by Andreessen Horowitz"


SECRET = "DEALBOT-SECRET-7f3a9c"

XXE_TEMPLATES = {
    "one-line": '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "{uri}">]>',
    "multi-line": '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "{uri}">\n]>\n',
    "parameter": '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY % p SYSTEM "{uri}">\n%p;\n]>\n',
    "external-dtd": '<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{uri}">',
}


@pytest.mark.parametrize("variant", list(XXE_TEMPLATES))
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_external_entities_never_leak_local_files(
    tmp_path: Path, variant: str, encoding: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{SECRET}\n")
    body = (
        "<rss version='2.0'><channel><title>T &xxe;</title><item><title>A &xxe;</title>"
        "<link>https://e.example/a</link><description>&xxe;</description></item></channel></rss>"
    )
    doc = XXE_TEMPLATES[variant].format(uri=secret.as_uri()) + body
    feed = parse(doc.encode(encoding), feed_url="https://e.example/feed")
    assert SECRET not in repr(feed)
    if variant != "external-dtd":  # no entity declared there: the feed itself is fine
        assert feed.error == "refused: XML entity declarations"


def test_parse_never_reads_a_path_or_url(tmp_path: Path) -> None:
    secret = tmp_path / "feed.xml"
    secret.write_text(RSS.replace("Funding Wire", SECRET))
    for data in (str(secret).encode(), secret.as_uri().encode()):
        feed = parse(data)
        assert feed.error and SECRET not in repr(feed)


def test_control_characters_never_reach_stored_links_or_guids() -> None:
    """An ESC in a link or a guid would act in the terminal that shows it (issue 17, item 11);
    a guid is also capped in length."""
    esc = "&#27;[31m"  # the escape character as an XML character reference (XML 1.1 style)
    body = RSS.replace(
        "<link>/2018/04/09/sensetime-600m/#comments</link>",
        f"<link>/2018/04/09/sensetime-600m/red{esc}x</link>",
    ).replace("<guid>https://news.example.com/?p=1002</guid>", f"<guid>{'g' * 5000}{esc}</guid>")
    parsed = parse_feed(body.encode(), feed_url=FEED_URL)
    story = next(s for s in parsed.stories if "sensetime" in s.link)
    assert "\x1b" not in story.link and "%1B" in story.link
    assert story.guid is not None and "\x1b" not in story.guid and len(story.guid) <= 1024


def test_html_named_entities_do_not_cost_a_feed() -> None:
    """Issue 17, item 13: `&eacute;`, `&nbsp;`, `&rsquo;` are not XML; one of them sent a whole
    feed to the loose parser with an error, and a feed with no items then counted as broken.
    They become numeric references before the strict parse; declarations stay refused."""
    body = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        b"<title>Caf&eacute; Deals&nbsp;&amp; more</title>"
        b"<item><title>M&uuml;nchner Acme raises &euro;5M &ndash; &ldquo;seed&rdquo;</title>"
        b"<link>https://a.example/1</link></item></channel></rss>"
    )
    parsed = parse_feed(body, feed_url=FEED_URL)
    assert parsed.error is None
    assert parsed.title == "Café Deals & more"
    assert parsed.stories[0].title == "Münchner Acme raises €5M – “seed”"
    empty = parse_feed(
        b"<rss><channel><title>testing &hellip; entity</title></channel></rss>", feed_url=FEED_URL
    )
    assert empty.error is None and empty.title == "testing ... entity"  # a valid, quiet feed
    unknown = parse_feed(
        b"<rss><channel><title>x &notanentity; y</title></channel></rss>", feed_url=FEED_URL
    )
    assert unknown.stories == ()  # an unknown name is left to the parsers, as before
