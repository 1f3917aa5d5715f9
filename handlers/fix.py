"""A card's overflow menu: Fix this deal, Not a funding story, Merge, Split sources, Copy details.

Every listener acks first (Slack allows 3 s; views.open needs the trigger within that), then
works. Who may change a deal: everyone, unless DEALBOT_EDITORS names people or user groups;
a refusal is ephemeral and says who may. Every value in a payload is a stranger's until
checked: the deal id comes from our own menu value or modal metadata and is read again from
the store; a bad field comes back as an inline error on that field.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.edit.fields import parse_fields
from bot.edit.ops import EditError, dismiss, edit, live_deal, merge_deals, split
from bot.lookup.search import search
from bot.publish import forms
from bot.publish.cards import ACTION_MENU, read_menu_value
from bot.publish.refresh import after_merge, after_split, fixed_note, redraw, take_down
from bot.render import console_card
from bot.slack.client import slack_error
from bot.slack.mrkdwn import clip, escape
from bot.store import Store

log = logging.getLogger(__name__)
USER_ID = re.compile(r"[UW][A-Z0-9]{1,20}")
GROUP_TTL = 300.0  # seconds a user group's members are trusted before asking Slack again
MERGE_OPTIONS = 20


class Editors:
    """Who may change deals: DEALBOT_EDITORS (user IDs, or user groups whose members may),
    everyone when it is empty. Group members are cached for a few minutes."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self.people = {e for e in settings.editors if not e.startswith("S")}
        self.groups = [e for e in settings.editors if e.startswith("S")]
        self.clock = clock
        self._members: dict[str, tuple[float, set[str]]] = {}
        self._lock = threading.Lock()

    def allows(self, client: WebClient, user: str) -> bool:
        if not self.people and not self.groups:
            return True
        if user in self.people:
            return True
        return any(user in self._group(client, g) for g in self.groups)

    def _group(self, client: WebClient, group: str) -> set[str]:
        with self._lock:
            cached = self._members.get(group)
        if cached and self.clock() - cached[0] < GROUP_TTL:
            return cached[1]
        try:
            users = set(client.usergroups_users_list(usergroup=group).get("users") or [])
        except (SlackApiError, OSError) as exc:  # any doubt is a no; said in the log
            log.warning(
                "usergroups.users.list %s failed: %s (usergroups:read granted?)", group, exc
            )
            return set()
        with self._lock:
            self._members[group] = (self.clock(), users)
        return users

    def who(self) -> str:
        names = [f"<@{p}>" for p in sorted(self.people)] + [f"<!subteam^{g}>" for g in self.groups]
        return ", ".join(names)


def _user(body: dict[str, Any]) -> str:
    user = str((body.get("user") or {}).get("id") or "")
    return user if USER_ID.fullmatch(user) else ""


def _team(body: dict[str, Any]) -> str | None:
    """The workspace a request came from (corrections say whose they are)."""
    team = str((body.get("team") or {}).get("id") or body.get("team_id") or "")
    return team[:20] or None


def _say(client: WebClient, body: dict[str, Any], text: str) -> None:
    """An ephemeral line to the person who clicked, in the card's channel."""
    channel = str((body.get("channel") or {}).get("id") or "")
    user = _user(body)
    if not (channel and user):
        return
    try:
        client.chat_postEphemeral(channel=channel, user=user, text=text)
    except (SlackApiError, OSError) as exc:
        log.warning("ephemeral answer in %s failed: %s", channel, exc)


class FixListeners:
    """The listeners, bound to the store and settings (bolt injects ack, body, client, view)."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self.editors = Editors(settings)

    def refused(self, client: WebClient, user: str) -> str | None:
        if user and self.editors.allows(client, user):
            return None
        return f"Only {self.editors.who()} may change deals here (DEALBOT_EDITORS)."

    # --- the menu --------------------------------------------------------------------------
    def menu(self, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        action = (body.get("actions") or [{}])[0]
        picked = read_menu_value((action.get("selected_option") or {}).get("value"))
        user = _user(body)
        if picked is None or not user:
            log.warning("card menu: unreadable action %r", str(action)[:200])
            return
        what, deal_id = picked
        if what == "copy":
            self.copy(client, body, deal_id)
            return
        refusal = self.refused(client, user)
        if refusal:
            _say(client, body, refusal)
            return
        try:
            deal = live_deal(self.store, deal_id)
            if what == "fix":
                client.views_open(trigger_id=body.get("trigger_id"), view=forms.fix_view(deal))
            elif what == "merge":
                client.views_open(trigger_id=body.get("trigger_id"), view=forms.merge_view(deal))
            elif what == "split":
                rows = self.store.source_rows(deal_id)
                if len(rows) < 2:
                    _say(client, body, "This card has one story: there is nothing to split.")
                    return
                labels = [(r["story_id"], f"{r['outlet'] or 'source'}: {r['title']}") for r in rows]
                client.views_open(
                    trigger_id=body.get("trigger_id"), view=forms.split_view(deal, labels)
                )
            elif what == "dismiss":
                dismiss(self.store, deal_id, user=user, team_id=_team(body))
                take_down(
                    self.store,
                    client,
                    deal_id,
                    f"Removed by <@{user}> (not a funding story)",
                    delete=self.settings.dismiss_mode == "delete",
                )
        except EditError as exc:
            _say(client, body, str(exc))
        except SlackApiError as exc:
            log.error("card menu %s for deal %s: Slack said %s", what, deal_id, slack_error(exc))
            _say(client, body, "Slack refused to open the form; please try again.")

    def copy(self, client: WebClient, body: dict[str, Any], deal_id: int) -> None:
        deal = self.store.deal(deal_id)
        if deal is None:
            _say(client, body, f"There is no deal {deal_id}.")
            return
        text = console_card(deal).replace("```", "'''")
        _say(client, body, clip(f"```{escape(text)}```", 3900))

    # --- Fix this deal ---------------------------------------------------------------------
    def fix_submitted(self, ack: Ack, body: dict[str, Any], client: WebClient, view: dict) -> None:
        user = _user(body)
        deal_id, changed, note = forms.submitted(view)
        refusal = self.refused(client, user)
        if refusal or deal_id is None:
            ack(response_action="errors", errors={"company": refusal or "This form is broken."})
            return
        parsed = parse_fields(changed)
        if parsed.errors:
            ack(response_action="errors", errors=parsed.errors)
            return
        try:
            _, changes = edit(
                self.store,
                deal_id,
                parsed.values,
                user=user,
                note=note or None,
                team_id=_team(body),
            )
        except EditError as exc:
            ack(response_action="errors", errors={"company": str(exc)})
            return
        ack()
        if changes or note:
            redraw(self.store, client, deal_id, note=fixed_note(f"<@{user}>", changes, note))

    # --- Merge into another deal -----------------------------------------------------------
    def merge_options(self, ack: Ack, body: dict[str, Any]) -> None:
        """The merge search, answered from the same indexes as /deal."""
        query = clip(str(body.get("value") or ""), 200)
        this = forms.view_deal(body.get("view") or {})
        try:
            found = search(self.store, query, limit=MERGE_OPTIONS).deals if query.strip() else []
        except Exception:  # a query the search cannot read: no options, never an error page
            log.exception("merge search %r failed", query)
            found = []
        ack(options=[forms.deal_option(d) for d in found if d.id != this][:MERGE_OPTIONS])

    def merge_submitted(
        self, ack: Ack, body: dict[str, Any], client: WebClient, view: dict
    ) -> None:
        user = _user(body)
        deal_id = forms.view_deal(view)
        state = ((view.get("state") or {}).get("values") or {}).get("target") or {}
        picked = str(
            ((state.get(forms.MERGE_TARGET) or {}).get("selected_option") or {}).get("value") or ""
        )
        refusal = self.refused(client, user)
        if refusal or deal_id is None or not picked.isdigit():
            ack(
                response_action="errors", errors={"target": refusal or "Pick a deal from the list."}
            )
            return
        try:
            merge_deals(self.store, deal_id, int(picked), user=user, team_id=_team(body))
        except EditError as exc:
            ack(response_action="errors", errors={"target": str(exc)})
            return
        ack()
        after_merge(self.store, client, deal_id, int(picked), who=f"<@{user}>")

    # --- Split sources ---------------------------------------------------------------------
    def split_submitted(
        self, ack: Ack, body: dict[str, Any], client: WebClient, view: dict
    ) -> None:
        user = _user(body)
        deal_id = forms.view_deal(view)
        state = ((view.get("state") or {}).get("values") or {}).get("stories") or {}
        options = (state.get(forms.VALUE) or {}).get("selected_options") or []
        ids = [int(o["value"]) for o in options if str(o.get("value") or "").isdigit()]
        refusal = self.refused(client, user)
        if refusal or deal_id is None:
            ack(response_action="errors", errors={"stories": refusal or "This form is broken."})
            return
        try:
            _, other = split(self.store, deal_id, ids, user=user, team_id=_team(body))
        except EditError as exc:
            ack(response_action="errors", errors={"stories": str(exc)})
            return
        ack()
        after_split(
            self.store,
            client,
            deal_id,
            other.id or 0,
            who=f"<@{user}>",
            post_interval=self.settings.post_interval,
        )


def register(app: App, *, store: Store, settings: Settings) -> None:
    listeners = FixListeners(store, settings)
    app.action(ACTION_MENU)(listeners.menu)
    app.view(forms.FIX)(listeners.fix_submitted)
    app.options(forms.MERGE_TARGET)(listeners.merge_options)
    app.view(forms.MERGE)(listeners.merge_submitted)
    app.view(forms.SPLIT)(listeners.split_submitted)
