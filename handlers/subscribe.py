"""`/deal subscribe …`, `/deal subscriptions`, `/deal unsubscribe`: a channel's own filters.

Anyone in a channel may set its filters, as anyone may /invite a bot: they only choose which
cards that channel sees. The filters are checked here and stored as JSON; bot.publish.router applies
them on the next poll.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Respond

from bot.config import Settings
from bot.lookup import messages
from bot.lookup.subscriptions import SubscriptionError, describe, from_row, parse_filters, to_json
from bot.slack.mrkdwn import escape
from bot.store import Store

WORDS = ("subscribe", "subscriptions", "unsubscribe")


def is_default_channel(settings: Settings, command: dict[str, Any]) -> bool:
    """DEALBOT_CHANNEL may be an ID or a #name; the command carries both."""
    if not settings.channel:
        return False
    want = settings.channel.lstrip("#")
    return want in (command.get("channel_id"), command.get("channel_name"))


def handle(
    store: Store,
    settings: Settings,
    word: str,
    rest: str,
    command: dict[str, Any],
    respond: Respond,
) -> None:
    channel = str(command.get("channel_id") or "")
    if not channel or channel.startswith("D") or command.get("channel_name") == "directmessage":
        respond(text=messages.SUBSCRIBE_NOT_CHANNEL, response_type="ephemeral")
        return
    if is_default_channel(settings, command):
        respond(text=messages.SUBSCRIBE_DEFAULT, response_type="ephemeral")
        return
    if word == "subscribe":
        text = subscribe(
            store, channel, rest, str(command.get("user_id") or ""), command.get("team_id")
        )
    elif word == "unsubscribe":
        removed = store.remove_subscription(channel)
        text = messages.UNSUBSCRIBED if removed else messages.NOT_SUBSCRIBED
    else:
        text = show(store, channel)
    respond(text=text, response_type="ephemeral")


def subscribe(store: Store, channel: str, text: str, user: str, team_id: str | None = None) -> str:
    """Store the channel's filters (replacing earlier ones); the reply, escaped for Slack."""
    try:
        sub = parse_filters(text, channel=channel, created_by=user)
    except SubscriptionError as exc:
        return escape(messages.SUBSCRIBE_BAD.format(problems=", ".join(exc.problems)))
    store.set_subscription(channel, to_json(sub), user, team_id)
    return escape(messages.SUBSCRIBED.format(filters=describe(sub)))


def show(store: Store, channel: str) -> str:
    row = next((r for r in store.subscription_rows() if r["channel"] == channel), None)
    if row is None:
        return messages.NOT_SUBSCRIBED
    sub = from_row(row)
    user = "".join(c for c in sub.created_by.upper() if c.isalnum()) or "unknown"
    return messages.SUBSCRIPTION_SHOWN.format(
        filters=escape(describe(sub)), user=user, date=sub.created_at[:10]
    )
