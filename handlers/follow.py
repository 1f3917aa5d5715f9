"""`/deal follow …`, `/deal following`, `/deal unfollow N`: a person's own follows, by DM.

A follow is a company, an investor, or filters (`sector:climate round:seed min:2M`); a matching
new deal, or a rumour that gets confirmed, reaches the person by DM exactly once, with the same
exactly-once protocol as channel cards (bot.publish.slack; more than ten in an hour become one
digest). The DM channel is opened here (conversations.open, scope im:write) and kept with the
follow, so publishing never has to look it up.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.lookup.subscriptions import SubscriptionError, describe, from_row, parse_follow, to_json
from bot.slack.client import slack_error
from bot.slack.mrkdwn import escape
from bot.store import Store

log = logging.getLogger(__name__)
WORDS = ("follow", "following", "unfollow")
MAX_FOLLOWS = 50  # per person


def handle(
    store: Store,
    word: str,
    rest: str,
    command: dict[str, Any],
    client: WebClient | None,
    respond: Respond,
) -> None:
    user = str(command.get("user_id") or "")
    if not user:
        respond(text="I can't tell who you are.", response_type="ephemeral")
        return
    if word == "following":
        text = listing(store, user)
    elif word == "unfollow":
        number = rest.strip().lstrip("#")
        if not number.isdigit() or len(number) > 12:
            text = "Which one? `/deal following` lists them with their numbers: `/deal unfollow 3`."
        elif store.remove_follow(user, int(number)):
            text = f"Stopped following #{number}."
        else:
            text = f"You have no follow #{escape(number)}. `/deal following` lists yours."
    else:
        text = follow(store, user, rest, client, command.get("team_id"))
    respond(text=text, response_type="ephemeral")


def follow(
    store: Store, user: str, text: str, client: WebClient | None, team_id: str | None = None
) -> str:
    try:
        sub = parse_follow(text, created_by=user)
    except SubscriptionError as exc:
        return escape("I couldn't read that follow: " + ", ".join(exc.problems) + ".")
    if len(store.follows_of(user)) >= MAX_FOLLOWS:
        return f"You follow {MAX_FOLLOWS} things already: `/deal unfollow N` one first."
    if client is None:
        return "Following needs the bot's token; ask an admin."
    try:
        dm = client.conversations_open(users=user)["channel"]["id"]
    except (SlackApiError, OSError, KeyError, TypeError) as exc:
        error = slack_error(exc) if isinstance(exc, SlackApiError) else str(exc)
        log.error("conversations.open for %s failed: %s", user, error)
        return f"Slack would not open a DM with you ({escape(error)}). Is `im:write` granted?"
    number = store.add_follow(user, dm, to_json(sub), team_id)
    return (
        f"Following {escape(describe(sub))} (#{number}): new matching deals come to you by DM, "
        "once each. `/deal following` lists your follows."
    )


def listing(store: Store, user: str) -> str:
    rows = store.follows_of(user)
    if not rows:
        return (
            "You follow nothing yet. Try `/deal follow SenseTime` or "
            "`/deal follow investor:Sequoia`."
        )
    lines = [
        f"#{row['id']}: {escape(describe(from_row({**row, 'created_by': user})))}" for row in rows
    ]
    return "Your follows (new matching deals come by DM):\n" + "\n".join(lines)
