"""The `/deal` slash command: ack() at once (Slack allows 3 s), then an ephemeral answer.

Why ack first and respond after: the search may touch a large database; the acknowledgement
must never wait for it. Any failure becomes a friendly message, never a stack trace.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import metrics
from bot.config import Settings
from bot.lookup import messages
from bot.lookup.answers import answer
from bot.lookup.search import search
from bot.roundup.blocks import last_week_text
from bot.slack.client import checked
from bot.store import Store

log = logging.getLogger(__name__)


def make_deal_command(store: Store, settings: Settings | None = None) -> Callable[..., None]:
    """The /deal listener bound to a store (bolt injects ack, respond, command and client)."""
    settings = settings or Settings()

    def deal_command(
        ack: Ack, respond: Respond, command: dict[str, Any], client: WebClient | None = None
    ) -> None:
        ack()
        respond = checked(respond)
        text = str(command.get("text") or "")
        try:
            if manage(store, settings, text, command, client, respond):
                return
            with metrics.LOOKUP_SECONDS.time():
                result = search(store, text, roundup=last_week_text)
                fallback, blocks = answer(result, text, created=time.time())
        except Exception:
            log.exception("/deal failed")
            respond(text=messages.INTERNAL_ERROR, response_type="ephemeral")
            return
        respond(text=fallback, blocks=blocks, response_type="ephemeral")

    return deal_command


def manage(
    store: Store,
    settings: Settings,
    text: str,
    command: dict[str, Any],
    client: WebClient | None,
    respond: Respond,
) -> bool:
    """`subscribe`, `subscriptions`, `unsubscribe`, `feeds` and `export` words; False for a
    lookup."""
    from handlers import export, feeds, follow, subscribe
    from handlers import settings as workspace

    word, _, rest = text.strip().partition(" ")
    word = word.lower()
    if word == "export":
        export.handle(store, rest.strip(), command, client, respond)
    elif word in workspace.WORDS:
        workspace.handle(store, settings, rest, command, client, respond)
    elif word in follow.WORDS:
        follow.handle(store, word, rest, command, client, respond)
    elif word in subscribe.WORDS:
        subscribe.handle(store, settings, word, rest, command, respond)
    elif word == "feeds":
        feeds.handle(store, settings, rest, command, client, respond)
    else:
        return False
    return True


def register(app: App, *, store: Store, settings: Settings | None = None) -> None:
    app.command("/deal")(make_deal_command(store, settings))
