"""The `/deal` slash command: ack() at once (Slack allows 3 s), then an ephemeral answer.

Why ack first and respond after: the search may touch a large database; the acknowledgement
must never wait for it. Any failure becomes a friendly message, never a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond

from bot import messages
from bot.answer_blocks import answer
from bot.search import search
from bot.store import Store

log = logging.getLogger(__name__)


def make_deal_command(store: Store) -> Callable[..., None]:
    """The /deal listener bound to a store (bolt injects ack, respond and command)."""

    def deal_command(ack: Ack, respond: Respond, command: dict[str, Any]) -> None:
        ack()
        text = str(command.get("text") or "")
        try:
            result = search(store, text)
            fallback, blocks = answer(result, text)
        except Exception:
            log.exception("/deal failed")
            respond(text=messages.INTERNAL_ERROR, response_type="ephemeral")
            return
        respond(text=fallback, blocks=blocks, response_type="ephemeral")

    return deal_command


def register(app: App, *, store: Store) -> None:
    app.command("/deal")(make_deal_command(store))
