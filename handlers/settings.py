"""`/deal settings` and `/deal settings tz:Europe/Berlin`: a workspace's own settings.

With OAuth each workspace's roundups run in its own time zone (DEALBOT_ROUNDUP_CRON read in
it); without a setting, DEALBOT_TZ. Who may change it: workspace admins and DEALBOT_ADMINS,
like the feeds.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.config import Settings
from bot.slack.mrkdwn import escape
from bot.store import Store

WORDS = ("settings",)


def handle(
    store: Store,
    settings: Settings,
    rest: str,
    command: dict[str, Any],
    client: WebClient | None,
    respond: Respond,
) -> None:
    from handlers.feeds import is_admin

    team = str(command.get("team_id") or "")
    user = str(command.get("user_id") or "")
    words = rest.split()
    if not words:
        tz = store.workspace_tz(team) or settings.tz_name
        respond(
            text=f"This workspace's roundups run at `{settings.roundup_cron}` in {escape(tz)}. "
            "Change the time zone with `/deal settings tz:Europe/Berlin`.",
            response_type="ephemeral",
        )
        return
    key, _, value = words[0].partition(":")
    if key.lower() != "tz" or not value or len(words) > 1:
        respond(text="Try `/deal settings tz:Europe/Berlin`.", response_type="ephemeral")
        return
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        respond(
            text=f"`{escape(value[:60])}` is not a time zone (try `Europe/Berlin`).",
            response_type="ephemeral",
        )
        return
    if not is_admin(client, user, settings):
        respond(
            text="Only workspace admins (or DEALBOT_ADMINS) can change this workspace's settings.",
            response_type="ephemeral",
        )
        return
    store.set_workspace_tz(team, value, user)
    respond(
        text=f"This workspace's roundups now run in {escape(value)}.", response_type="ephemeral"
    )
