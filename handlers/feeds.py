"""`/deal feeds`, `/deal feeds add URL`, `/deal feeds remove URL`.

Listing is for everyone; adding and removing only for workspace admins and owners (users.info,
scope users:read) or the user ids in DEALBOT_ADMINS, because a feed decides what every channel
is shown and makes the bot's server fetch a URL. `add` goes through bot.feeds.check (public
addresses only, every redirect hop and the connected address checked, really a feed) and
answers with what it found before the feed is saved.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.extract.engine import is_funding_story
from bot.feeds.check import FeedCheck, check_feed
from bot.feeds.guard import AddressPolicy
from bot.feeds.links import shown_url
from bot.lookup import messages
from bot.slack.mrkdwn import escape
from bot.store import Store

log = logging.getLogger(__name__)
MAX_LISTED = 40  # a section allows 3000 characters; nobody reads a longer list in Slack

Checker = Callable[[str, AddressPolicy], FeedCheck]


def is_admin(client: WebClient | None, user: str, settings: Settings) -> bool:
    """DEALBOT_ADMINS, else Slack's own admin/owner flags; any doubt (an API error) is a no."""
    if user and user in settings.admins:
        return True
    if client is None or not user:
        return False
    try:
        info = client.users_info(user=user).get("user") or {}
    except (SlackApiError, OSError) as exc:
        log.warning("users.info for %s failed: %s (is users:read granted?)", user, exc)
        return False
    return bool(info.get("is_admin") or info.get("is_owner") or info.get("is_primary_owner"))


def handle(
    store: Store,
    settings: Settings,
    rest: str,
    command: dict[str, Any],
    client: WebClient | None,
    respond: Respond,
    check: Checker | None = None,
) -> None:
    words = rest.split()
    action = words[0].lower() if words else "list"
    if action == "list" and len(words) <= 1:
        # a feed's query string may hold an API key: whole URLs for admins only
        admin = is_admin(client, command.get("user_id", ""), settings)
        respond(text=listing(store, full_urls=admin), response_type="ephemeral")
        return
    url = _unwrap(words[1]) if len(words) == 2 else ""
    if action not in ("add", "remove") or not url:
        respond(text=messages.FEEDS_USAGE, response_type="ephemeral")
        return
    if not is_admin(client, str(command.get("user_id") or ""), settings):
        respond(text=messages.FEEDS_NOT_ADMIN, response_type="ephemeral")
        return
    shown = escape(url)
    if action == "remove":
        done = store.remove_feed(url)
        text = (messages.FEED_REMOVED if done else messages.FEED_UNKNOWN).format(url=shown)
        respond(text=text, response_type="ephemeral")
        return
    if any(f["url"] == url for f in store.feeds()):
        respond(text=messages.FEED_ALREADY.format(url=shown), response_type="ephemeral")
        return
    respond(text=messages.FEEDS_CHECKING.format(url=shown), response_type="ephemeral")
    policy = AddressPolicy(allow_private=settings.allow_private_feeds)
    if check is None:
        found = check_feed(url, policy, is_funding=is_funding_story)
    else:
        found = check(url, policy)
    respond(text=added(store, found), response_type="ephemeral")


def added(store: Store, found: FeedCheck) -> str:
    """Save a feed that passed the check; the reply either way, escaped for Slack."""
    if not found.ok:
        return messages.FEED_REFUSED.format(url=escape(found.url), reason=escape(found.reason))
    store.add_feed(found.url, found.title or "")
    log.info("feed added from Slack: %s", shown_url(found.url))
    return messages.FEED_ADDED.format(
        title=escape(found.title or "a feed without a title"),
        url=escape(found.url),
        items=found.items,
        s="" if found.items == 1 else "s",
        funding=found.funding,
    )


def listing(store: Store, *, full_urls: bool = False) -> str:
    feeds = store.feeds()
    lines = [messages.FEEDS_LIST.format(count=len(feeds), s="" if len(feeds) == 1 else "s")]
    for f in feeds[:MAX_LISTED]:
        state = "ok" if f["last_success"] and not f["failures"] else "never fetched"
        if f["failures"]:
            state = f"failing ({f['failures']} in a row)"
        url = f["url"] if full_urls else shown_url(f["url"])
        lines.append(f"• {escape(url)} — {escape(f['name'] or '')} ({state})")
    if len(feeds) > MAX_LISTED:
        lines.append(f"… and {len(feeds) - MAX_LISTED} more (`dealbot feeds list`)")
    return "\n".join(lines)


def _unwrap(word: str) -> str:
    """Slack sends a pasted URL as <https://x|label> or <https://x>, with &, <, > escaped;
    we want https://x as typed."""
    m = re.fullmatch(r"<([^|>]+)(?:\|[^>]*)?>", word.strip())
    url = m.group(1) if m else word.strip()
    return url.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
