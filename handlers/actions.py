"""Buttons on `/deal` answers: "Share in channel" and "More".

Both redo the search from the query carried in the button value (no server-side state, so a
click still works after a restart). Share posts the same page in the channel through the
response_url (response_type="in_channel"), without buttons, naming who shared it; More replaces
the ephemeral answer with the next page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.lookup import messages
from bot.lookup.answers import ACTION_MORE, ACTION_SHARE, answer, read_button_value
from bot.lookup.search import search
from bot.slack.client import checked
from bot.store import Store

log = logging.getLogger(__name__)


def _clicked(body: dict[str, Any]) -> tuple[str, int, str]:
    action = (body.get("actions") or [{}])[0]
    query, offset = read_button_value(action.get("value"))
    return query, offset, str((body.get("user") or {}).get("id") or "")


def make_share(store: Store) -> Callable[..., None]:
    def share(ack: Ack, respond: Respond, body: dict[str, Any]) -> None:
        ack()
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
        respond(text=fallback, blocks=blocks, response_type="in_channel", replace_original=False)

    return share


def make_more(store: Store) -> Callable[..., None]:
    def more(ack: Ack, respond: Respond, body: dict[str, Any]) -> None:
        ack()
        respond = checked(respond)
        query, offset, _ = _clicked(body)
        try:
            result = search(store, query, offset=offset)
            fallback, blocks = answer(result, query)
        except Exception:
            log.exception("more failed")
            respond(text=messages.INTERNAL_ERROR, response_type="ephemeral", replace_original=False)
            return
        respond(text=fallback, blocks=blocks, response_type="ephemeral", replace_original=True)

    return more


def register(app: App, *, store: Store) -> None:
    app.action(ACTION_SHARE)(make_share(store))
    app.action(ACTION_MORE)(make_more(store))
