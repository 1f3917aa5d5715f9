"""Slack events: @mentions and DMs answer with the `/deal` lookup, links to known stories unfurl
into the deal, and the App Home tab shows the latest deals.

Slack resends an event it thinks went unanswered (same event_id, X-Slack-Retry-Num); every
event is handled once (bot.store's first_time), so a retry never brings a second answer or
unfurl. The answer is the lookup, not a chat: a message that finds nothing gets the lookup's
own "nothing found" with its help, once.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.feeds.links import is_http_url, link_key
from bot.lookup.answers import answer
from bot.lookup.search import search
from bot.lookup.subscriptions import describe, from_row
from bot.publish.cards import compact_blocks
from bot.publish.home import home_view
from bot.slack.client import slack_error
from bot.store import Store

log = logging.getLogger(__name__)
MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
HOME_EVERY = 10.0  # seconds: one person's Home is published at most this often
MAX_UNFURLS = 5  # links per message that get a deal


def dedupe(store: Store) -> Callable[..., Any]:
    """Middleware: an event whose id was handled before is acknowledged and dropped."""

    def once(body: dict[str, Any], next_: Callable[[], BoltResponse]) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not store.first_time(str(event_id)):
            log.info("event %s seen before (a retry): not handled again", str(event_id)[:40])
            return BoltResponse(status=200, body="")
        return next_()

    return once


def lookup_text(text: str) -> str:
    """The query in a mention or DM: the bot's own @mention and Slack's link markup removed."""
    text = MENTION.sub(" ", text or "")
    text = re.sub(r"<(https?://[^|>]+)(?:\|[^>]*)?>", r"\1", text)
    return " ".join(text.split())


class EventListeners:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self._home_at: dict[str, float] = {}
        self._lock = threading.Lock()

    def _answer(self, client: WebClient, channel: str, text: str, thread: str | None) -> None:
        query = lookup_text(text)
        result = search(self.store, query)
        fallback, blocks = answer(result, query, shareable=False)
        try:
            client.chat_postMessage(
                channel=channel,
                thread_ts=thread,
                text=fallback,
                blocks=blocks,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            log.error("answer in %s failed: %s", channel, slack_error(exc))

    def mention(self, event: dict[str, Any], client: WebClient) -> None:
        """ "@dealbot SenseTime" in a channel: the lookup, in the message's thread."""
        channel = str(event.get("channel") or "")
        thread = str(event.get("thread_ts") or event.get("ts") or "") or None
        if channel:
            self._answer(client, channel, str(event.get("text") or ""), thread)

    def direct_message(self, event: dict[str, Any], client: WebClient) -> None:
        """A DM to the bot: the lookup, as a reply in the DM. Bots (itself included), edits
        and other subtypes are not questions."""
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
            return
        channel = str(event.get("channel") or "")
        if channel:
            self._answer(client, channel, str(event.get("text") or ""), event.get("thread_ts"))

    def links(self, event: dict[str, Any], client: WebClient) -> None:
        """A link to a story dealbot knows unfurls into its deal; unknown links are left alone."""
        unfurls: dict[str, dict] = {}
        for item in (event.get("links") or [])[:20]:
            url = str(item.get("url") or "")
            if not is_http_url(url) or len(url) > 2000:
                continue
            deal_id = self.store.deal_of_link(link_key(url))
            deal = self.store.deal(deal_id) if deal_id is not None else None
            if deal is None or deal.removed:
                continue
            unfurls[url] = {"blocks": compact_blocks(deal)}
            if len(unfurls) >= MAX_UNFURLS:
                break
        if not unfurls:
            return
        try:
            client.chat_unfurl(
                channel=event.get("channel"),
                ts=event.get("message_ts"),
                unfurls=unfurls,
                source=event.get("source"),
                unfurl_id=event.get("unfurl_id"),
            )
        except SlackApiError as exc:
            log.warning("unfurl failed: %s", slack_error(exc))

    def home(self, event: dict[str, Any], client: WebClient) -> None:
        """The Home tab, published when opened (at most every HOME_EVERY s per person)."""
        if event.get("tab") not in (None, "home"):
            return
        user = str(event.get("user") or "")
        now = time.monotonic()
        with self._lock:
            if not user or now - self._home_at.get(user, -HOME_EVERY) < HOME_EVERY:
                return
            self._home_at[user] = now
        from handlers.feeds import is_admin

        subs = [(r["channel"], describe(from_row(r))) for r in self.store.subscription_rows()]
        admin = is_admin(client, user, self.settings)
        follows = [
            f"#{r['id']}: {describe(from_row({**r, 'created_by': user}))}"
            for r in self.store.follows_of(user)
        ]
        view = home_view(
            self.store.deals(limit=10, live=True),
            follows=follows,
            subscriptions=subs,
            feeds=self.store.feeds() if admin else None,
            last_poll=self.store.last_poll() if admin else None,
        )
        try:
            client.views_publish(user_id=user, view=view)
        except SlackApiError as exc:
            log.warning("views.publish for %s failed: %s", user, slack_error(exc))

    def uninstalled(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        """app_uninstalled / tokens_revoked: this workspace's subscriptions and follows go,
        and with OAuth its tokens too; nothing more is posted to it."""
        team = str(body.get("team_id") or "") or None
        subs, follows = self.store.forget_workspace(team if self.settings.oauth_mode else None)
        if self.settings.oauth_mode and team:
            from bot.slack.install import installation_store

            installation_store(self.settings).delete_all(
                enterprise_id=body.get("enterprise_id"), team_id=team
            )
        log.error(
            "dealbot was %s: %d channel subscription(s) and %d follow(s) removed; "
            "install it again and set SLACK_BOT_TOKEN to post again",
            "uninstalled" if event.get("type") == "app_uninstalled" else "revoked",
            subs,
            follows,
        )


def register(app: App, *, store: Store, settings: Settings) -> None:
    listeners = EventListeners(store, settings)
    app.use(dedupe(store))
    app.event("app_mention")(listeners.mention)
    app.event("message")(listeners.direct_message)
    app.event("link_shared")(listeners.links)
    app.event("app_home_opened")(listeners.home)
    app.event("app_uninstalled")(listeners.uninstalled)
    app.event("tokens_revoked")(listeners.uninstalled)
