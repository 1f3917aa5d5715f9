"""Turn the bytes of a fetched feed into Stories. feedparser only ever sees bytes we hand it.

Nothing here raises on bad input: a broken feed becomes ParsedFeed.error, as feedparser's
own `bozo` flag does, so one feed cannot stop a poll cycle.
"""

from __future__ import annotations

import calendar
import html.entities
import io
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin

import feedparser

from bot.feeds.links import canonical_link, is_http_url
from bot.models import Story
from bot.text import plain_text

MAX_ENTRIES = 500
_EARLIEST = datetime(1995, 1, 1, tzinfo=timezone.utc)  # before web feeds: a broken date
_FUTURE_SLACK = timedelta(days=2)  # clocks and time zones drift; a year ahead is a typo

# Entity declarations are refused. Experiment (feedparser 6.0.14, expat 2.5, Python 3.11):
# - External entities (<!ENTITY x SYSTEM "file:///...">, parameter entities, an external DTD)
#   are NOT loaded: feedparser turns off external entities in expat, strips most DOCTYPEs, and
#   its loose fallback parser leaves "&x;" as text. No file content reached the result.
# - But feedparser keeps entities declared one per line whose value has no "&" ("safe" ones)
#   and its loose parser expands them with no size limit: a 100 KB entity used 2,000 times
#   gave a 200-million-character title, 600 MB and 4 s. Billion laughs on one line is stopped
#   only by expat's amplification limit (expat >= 2.4), after 2 s and 57 MB.
# Real feeds hardly ever declare entities; the few that do declare character references such
# as <!ENTITY nbsp "&#160;">, which cannot amplify, so only those are let through.
# The check looks at the bytes as each charset feedparser might pick would decode them.
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_CHAR_ENTITY = re.compile(
    rb"""<!ENTITY\s+[\w.-]+\s+(["'])&#(x[0-9a-f]{1,6}|[0-9]{1,7});\1\s*>""", re.IGNORECASE
)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^[^>]{0,200}encoding\s*=\s*["']([\w.:-]+)""")
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and stories, or why it could not be read."""

    title: str = ""
    stories: tuple[Story, ...] = ()
    error: str | None = None
    ttl_minutes: float | None = None  # RSS <ttl> or sy:updatePeriod/Frequency: how stale it may be
    hub: str | None = None  # <atom:link rel="hub">: a WebSub hub
    self_url: str | None = None  # <atom:link rel="self">: the topic to subscribe to


def parse_feed(
    data: bytes, *, feed_url: str, outlet: str = "", content_type: str | None = None
) -> ParsedFeed:
    """Parse RSS/Atom bytes into Stories (at most MAX_ENTRIES); never raises."""
    try:
        return _parse(data, feed_url=feed_url, outlet=outlet, content_type=content_type)
    except Exception as exc:  # noqa: BLE001 - feedparser promises not to raise; so do we
        return ParsedFeed(error=f"parse failed: {type(exc).__name__}: {exc}")


def _parse(data: bytes, *, feed_url: str, outlet: str, content_type: str | None) -> ParsedFeed:
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"):
        return ParsedFeed(error="empty body")
    if _declares_unsafe_entities(data, content_type):
        return ParsedFeed(error="refused: XML entity declarations")
    headers = {"content-type": content_type} if content_type else None
    parsed = feedparser.parse(io.BytesIO(_numeric_entities(data)), response_headers=headers)
    entries = parsed.get("entries") or []
    title = plain_text(parsed.get("feed", {}).get("title"), limit=300)
    source = outlet or title
    stories = []
    for entry in entries[:MAX_ENTRIES]:
        story = _story(entry, feed_url=feed_url, outlet=source)
        if story is not None:
            stories.append(story)
    about = _about(parsed.get("feed", {}))
    if not stories:  # with stories, a late XML error (a truncated feed) costs only the rest
        return ParsedFeed(title=title, error=_empty_reason(parsed, data, content_type), **about)
    return ParsedFeed(title=title, stories=tuple(stories), **about)


_PERIOD_MINUTES = {"hourly": 60, "daily": 1440, "weekly": 10080, "monthly": 43200, "yearly": 525600}


def _about(feed: Any) -> dict[str, Any]:
    """What the feed says about itself: how long it may be cached, and its WebSub hub."""
    out: dict[str, Any] = {}
    minutes = []
    ttl = str(feed.get("ttl") or "").strip()
    if ttl.isdigit() and 0 < int(ttl) <= 525600:
        minutes.append(float(ttl))
    period = _PERIOD_MINUTES.get(str(feed.get("sy_updateperiod") or "").strip().lower())
    frequency = str(feed.get("sy_updatefrequency") or "1").strip()
    if period and frequency.isdigit() and int(frequency) > 0:
        minutes.append(period / int(frequency))
    if minutes:
        out["ttl_minutes"] = min(minutes)
    for link in feed.get("links") or []:
        href, rel = str(link.get("href") or ""), str(link.get("rel") or "").lower()
        if rel in ("hub", "self") and is_http_url(href) and len(href) <= 2000:
            out.setdefault("hub" if rel == "hub" else "self_url", href)
    return out


_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = {b"amp", b"lt", b"gt", b"quot", b"apos"}


def _numeric_entities(data: bytes) -> bytes:
    """HTML's named entities (`&eacute;`, `&nbsp;`, `&rsquo;`), which real feeds carry every day
    but XML does not know, as numeric references, so one of them no longer sends the whole
    feed to the loose parser with an error. Unknown names are left alone; declarations are
    refused before this (entities here never expand to more than one character)."""

    def numeric(m: re.Match[bytes]) -> bytes:
        name = m.group(1)
        if name in _XML_ENTITIES:
            return m.group(0)
        point = html.entities.name2codepoint.get(name.decode("ascii"))
        return b"&#%d;" % point if point is not None else m.group(0)

    return _NAMED_ENTITY.sub(numeric, data) if b"&" in data else data


def _declares_unsafe_entities(data: bytes, content_type: str | None) -> bool:
    views = [data, data.replace(b"\x00", b"")]  # ASCII-compatible charsets; UTF-16 and UTF-32
    declared = _XML_ENCODING.match(views[1])
    charsets = {m.group(1) for m in [_CHARSET.search(content_type or "")] if m}
    if declared:
        charsets.add(declared.group(1).decode("ascii", "replace"))
    if data.startswith(b"\x4c\x6f\xa7\x94"):  # "<?xm" in EBCDIC, which feedparser detects
        charsets.add("cp037")
    for charset in charsets:
        try:
            views.append(data.decode(charset, "ignore").encode("utf-8", "ignore"))
        except (LookupError, ValueError):
            continue
    return any(len(_ENTITY_DECL.findall(view)) > len(_CHAR_ENTITY.findall(view)) for view in views)


def _empty_reason(parsed: Any, data: bytes, content_type: str | None) -> str | None:
    """Why a document gave no stories; None for a valid feed that has none right now."""
    exc = parsed.get("bozo_exception")
    # feedparser's own name for warnings (wrong media type, charset override), not failures
    broken = bool(parsed.get("bozo")) and not isinstance(
        exc, feedparser.ThingsNobodyCaresAboutButMe
    )
    if parsed.get("version"):
        return f"XML error: {str(exc)[:200]}" if broken else None
    head = data[:2048].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xfe\xff")
    if "html" in (content_type or "").lower() or _HTML_START.match(head):
        return "not a feed: HTML page"
    if broken:
        return f"XML error: {str(exc)[:200]}"
    return "not a feed: no RSS or Atom found"


def _story(entry: Any, *, feed_url: str, outlet: str) -> Story | None:
    raw_link = entry.get("feedburner_origlink") or entry.get("link") or ""
    link = urljoin(feed_url, raw_link.strip()) if raw_link.strip() else ""
    if not is_http_url(link):
        return None
    content = entry.get("content") or []
    # not get(): feedparser's get("updated_parsed") falls back to published, with a warning
    updated = entry["updated_parsed"] if "updated_parsed" in entry else None  # noqa: SIM401
    return Story(
        link=canonical_link(link),
        title=plain_text(entry.get("title"), limit=1000),
        summary=plain_text(entry.get("summary")),
        content=plain_text(content[0].get("value")) if content else "",
        published=_when(entry.get("published_parsed")) or _when(updated),
        guid=_guid(entry.get("id")),
        feed_url=feed_url,
        outlet=outlet,
    )


MAX_GUID = 1024


def _guid(value: Any) -> str | None:
    """A feed's item id, as text without control characters, at most MAX_GUID long."""
    text = _CONTROLS.sub("", str(value or "")).strip()[:MAX_GUID]
    return text or None


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _when(value: Any) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime; None when absent or absurd."""
    if not value:
        return None
    try:
        when = datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
    except (OverflowError, OSError, ValueError, TypeError):
        return None
    if when < _EARLIEST or when > datetime.now(timezone.utc) + _FUTURE_SLACK:
        return None
    return when
