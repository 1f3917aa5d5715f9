"""Slack mrkdwn from outside text: one escape, one link and one clip for cards, answers,
roundups and replies, so no surface can ping (<!channel>) or forge a link by forgetting one.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.feeds.links import is_http_url


def escape(text: str | None) -> str:
    """Slack's three control characters as entities; `&` first so nothing is escaped twice."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


MAX_LINK_URL = 500  # five sources' links fit one context element (3,000 characters)


def link(url: str | None, label: str) -> str:
    """`<url|label>` for http(s) URLs (label on one line, without `|`), else the escaped label."""
    text = escape(" ".join(label.replace("|", " ").split())) or "link"
    if not is_http_url(url):
        return text
    # the URL sits inside <...|...>: these characters would end it early or split it
    safe = (url or "").strip().replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E")
    if len(safe) > MAX_LINK_URL:
        return text  # a link this long would break a block's limit: its label alone
    return f"<{safe.replace('|', '%7C')}|{text}>"


def date(when: datetime, token: str = "{date_short}") -> str:
    """Slack's date formatting: each reader sees the date in their own time zone; the plain
    UTC date is the fallback for clients and notifications that cannot format it."""
    fallback = f"{when.day} {when:%b %Y}"
    if when.tzinfo is None:
        return fallback
    return f"<!date^{int(when.timestamp())}^{token}|{fallback}>"


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, an ellipsis marking a cut; never inside an entity (escape
    first, then clip: "&amp;" cut to "&am" would show as text)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return _PARTIAL_ENTITY.sub("", cut) + "…"


_PARTIAL_ENTITY = re.compile(r"&(?:a|am|amp|l|lt|g|gt)?$")
