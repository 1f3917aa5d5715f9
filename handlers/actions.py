"""Buttons on `/deal` answers: "Share in channel" and "More".

Both redo the search from the query carried in the button value (no server-side state, so a
click still works after a restart). Share replaces the ephemeral answer with the same page in
the channel (response_type="in_channel", delete_original), without buttons, naming who shared
it; More replaces the ephemeral answer with the next page. A response_url lives 30 minutes: a
button on an older answer gets a private "this answer expired, run /deal again" instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.lookup import messages
from bot.lookup.answers import (
    ACTION_MORE,
    ACTION_SHARE,
    answer,
    button_created,
    read_button_value,
)
from bot.lookup.search import search
from bot.slack.client import checked
from bot.store import Store

log = logging.getLogger(__name__)


RESPONSE_URL_LIFE = 29 * 60  # seconds; Slack's is 30 minutes


def _clicked(body: dict[str, Any]) -> tuple[str, int, str]:
    action = (body.get("actions") or [{}])[0]
    query, offset = read_button_value(action.get("value"))
    return query, offset, str((body.get("user") or {}).get("id") or "")


def _expired(body: dict[str, Any], client: WebClient | None, now: float) -> bool:
    """An answer older than its response_url: say so privately (that URL no longer works)."""
    created = button_created(((body.get("actions") or [{}])[0]).get("value"))
    if created is None or now - created <= RESPONSE_URL_LIFE:
        return False
    channel = str((body.get("channel") or {}).get("id") or "")
    user = str((body.get("user") or {}).get("id") or "")
    if client is not None and channel and user:
        try:
            client.chat_postEphemeral(channel=channel, user=user, text=messages.EXPIRED)
        except (SlackApiError, OSError) as exc:
            log.warning("expired-answer notice failed: %s", exc)
    return True


def make_share(store: Store, clock: Callable[[], float] = time.time) -> Callable[..., None]:
    def share(
        ack: Ack, respond: Respond, body: dict[str, Any], client: WebClient | None = None
    ) -> None:
        ack()
        if _expired(body, client, clock()):
            return
        respond = checked(respond)
        query, offset, user = _clicked(body)
        try:
            result = search(store, query, offset=offset)
            if not result.deals:
                respond(text=messages.EXPIRED, response_type="ephemeral", replace_original=False)
                return
            fallback, blocks = answer(result, query, shareable=False, shared_by=user or None)
        except Exception:
            log.exception("share failed")
            respond(text=messages.INTERNAL_ERROR, response_type="ephemeral", replace_original=False)
            return
        respond(text=fallback, blocks=blocks, response_type="in_channel", delete_original=True)

    return share


def make_more(store: Store, clock: Callable[[], float] = time.time) -> Callable[..., None]:
    def more(
        ack: Ack, respond: Respond, body: dict[str, Any], client: WebClient | None = None
    ) -> None:
        ack()
        if _expired(body, client, clock()):
            return
        respond = checked(respond)
        query, offset, _ = _clicked(body)
        try:
            result = search(store, query, offset=offset)
            fallback, blocks = answer(result, query, created=clock())
        except Exception:
            log.exception("more failed")
            respond(text=messages.INTERNAL_ERROR, response_type="ephemeral", replace_original=False)
            return
        respond(text=fallback, blocks=blocks, response_type="ephemeral", replace_original=True)

    return more


def register(app: App, *, store: Store) -> None:
    app.action(ACTION_SHARE)(make_share(store))
    app.action(ACTION_MORE)(make_more(store))
