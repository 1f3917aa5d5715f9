"""`/deal export QUERY`: the deals the query finds, as a CSV file sent to the asker by DM.

A file in a DM, not in the channel: an export can be long, and it is the asker's. The same
rows as `dealbot export` (bot.publish.export), uploaded with files_upload_v2 (scopes
files:write and im:write).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clock import utcnow
from bot.lookup.search import matching
from bot.publish.export import export_rows, to_csv
from bot.slack.client import slack_error
from bot.slack.mrkdwn import escape
from bot.store import Store

log = logging.getLogger(__name__)
MAX_ROWS = 10_000  # a Slack file of a few MB at most


def handle(
    store: Store, query: str, command: dict[str, Any], client: WebClient | None, respond: Respond
) -> None:
    user = str(command.get("user_id") or "")
    deals, problem = matching(store, query, limit=MAX_ROWS)
    if problem:
        respond(text=problem, response_type="ephemeral")
        return
    if not deals:
        respond(
            text=f"No deals match `{escape(query)}`: nothing to export.", response_type="ephemeral"
        )
        return
    if client is None or not user:
        respond(text="Export needs the bot's token; ask an admin.", response_type="ephemeral")
        return
    try:
        workspace = str(client.auth_test().get("url") or "") or None
        dm = client.conversations_open(users=user)["channel"]["id"]
        name = f"dealbot-deals-{utcnow():%Y%m%d-%H%M}.csv"
        client.files_upload_v2(
            channel=dm,
            content=to_csv(export_rows(store, deals, workspace)),
            filename=name,
            title=f"dealbot export: {query or 'every deal'}"[:250],
            initial_comment=f"{len(deals)} deal{'s' if len(deals) != 1 else ''} for "
            f"`{escape(query) or 'every deal'}`, one row each.",
        )
    except (SlackApiError, OSError) as exc:
        error = slack_error(exc) if isinstance(exc, SlackApiError) else str(exc)
        log.error("/deal export for %s failed: %s", user, error)
        respond(
            text=f"Sorry, Slack refused the export ({escape(error)}). Is `im:write` granted?",
            response_type="ephemeral",
        )
        return
    more = f" (the first {MAX_ROWS:,})" if len(deals) == MAX_ROWS else ""
    respond(
        text=f"Sent {len(deals)} deals{more} to you by DM as {name}.", response_type="ephemeral"
    )
