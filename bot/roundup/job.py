"""Posting the weekly roundup on schedule: exactly once per period, even across restarts.

The period is the scheduled fire time. A roundups row is written `pending` before posting and
`posted` with the ts after; a pending row found later is settled from channel history (the
message carries metadata with its period), like deal cards. The chart goes into the roundup's
thread; if the upload fails the text roundup has already gone out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.triggers.cron import CronTrigger
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clock import iso, parse_iso, utcnow
from bot.lookup.subscriptions import Subscription, from_row, matches
from bot.models import Deal
from bot.publish.slack import find_in_history
from bot.roundup.blocks import render_blocks, render_text
from bot.roundup.chart import roundup_chart
from bot.roundup.select import load
from bot.slack.client import slack_error
from bot.slack.mrkdwn import clip, escape
from bot.store import Store

log = logging.getLogger(__name__)

EVENT_TYPE = "funding_roundup"
JOB_ID = "dealbot-roundup"
GRACE = timedelta(hours=6)  # a roundup missed by downtime is still posted within this


def trigger(cron: str, tz) -> CronTrigger:
    """DEALBOT_ROUNDUP_CRON in DEALBOT_TZ, the zone passed explicitly (DST-correct)."""
    return CronTrigger.from_crontab(cron, timezone=tz)


def last_fire(trig: CronTrigger, now: datetime, *, horizon: timedelta = timedelta(days=35)):
    """The latest scheduled time at or before `now` (None if none within `horizon`)."""
    previous = None
    probe = now - horizon
    while True:
        nxt = trig.get_next_fire_time(previous, probe)
        if nxt is None or nxt > now:
            return previous
        previous = nxt
        probe = nxt + timedelta(seconds=1)


def period_key(fire: datetime) -> str:
    return fire.isoformat()


def post_roundup(
    store: Store,
    client: WebClient,
    channel: str,
    *,
    period: str,
    end: datetime,
    days: int = 7,
    keep: Callable[[Deal], bool] | None = None,
    team_id: str | None = None,
) -> str | None:
    """Post the roundup for `period` unless it already went out; returns its ts (or None)."""
    row = store.roundup(period, channel)
    if row and row["status"] == "posted":
        return None
    if row and row["status"] == "pending":
        found = find_in_history(
            lambda **kw: client.conversations_history(channel=channel, **kw),
            parse_iso(row["created_at"]),
            lambda meta: (
                meta.get("event_type") == EVENT_TYPE
                and (meta.get("event_payload") or {}).get("period") == period
            ),
        )
        if found:
            store.set_roundup(period, channel, status="posted", ts=found["ts"])
            log.info("roundup %s found in history, not posted again", period)
            return None
    else:
        store.set_roundup(
            period, channel, status="pending", created_at=iso(utcnow()), team_id=team_id
        )
    summary = load(store, end=end, days=days, keep=keep)
    try:
        resp = client.chat_postMessage(
            channel=channel,
            text=clip(escape(render_text(summary)), 3900),  # the fallback is mrkdwn too
            blocks=render_blocks(summary),
            metadata={"event_type": EVENT_TYPE, "event_payload": {"period": period}},
            unfurl_links=False,
            unfurl_media=False,
        )
    except SlackApiError as exc:
        log.error("roundup %s not posted: %s (retried next time)", period, slack_error(exc))
        return None
    ts = resp["ts"]
    store.set_roundup(period, channel, status="posted", ts=ts)
    png = None if summary.empty else roundup_chart(summary)
    if png:
        try:
            client.files_upload_v2(
                channel=resp.get("channel") or channel,
                thread_ts=ts,
                file=png,
                filename="roundup.png",
                title="Biggest rounds of the week",
            )
        except (SlackApiError, OSError) as exc:  # the text roundup is out; the chart is extra
            log.warning("roundup chart upload failed: %s", exc)
    return ts


def post_roundups(
    store: Store, client: WebClient, channel: str, *, period: str, end: datetime
) -> str | None:
    """The period's roundup in the main channel, and in each subscribed channel that asked for
    its own (`/deal subscribe … roundup:weekly`): the deals its filters pass. Each channel's
    roundup is its own exactly-once row, so one channel's failure never repeats another's."""
    ts = post_roundup(store, client, channel, period=period, end=end)
    subscribed_roundups(store, client, period=period, end=end, skip=channel)
    return ts


def subscribed_roundups(
    store: Store,
    client: WebClient,
    *,
    period: str,
    end: datetime,
    skip: str | None = None,
    team_id: str | None = None,
) -> None:
    """The roundups of the channels that asked for their own (of one workspace, with OAuth)."""
    for row in store.subscription_rows():
        sub = from_row(row)
        if sub.roundup != "weekly" or sub.channel == skip:
            continue
        if team_id is not None and row.get("team_id") != team_id:
            continue

        def keep(deal: Deal, sub: Subscription = sub) -> bool:
            return matches(sub, deal, store.deal_texts(deal.id))

        try:
            post_roundup(
                store, client, sub.channel, period=period, end=end, keep=keep, team_id=team_id
            )
        except Exception:  # one channel's roundup must not stop the others
            log.exception("roundup for %s failed", sub.channel)


def workspace_roundups(settings, store: Store, now: datetime | None = None) -> int:
    """With OAuth, after each poll: each workspace whose roundup is due in its own time zone
    (`/deal settings tz:…`, else DEALBOT_TZ) gets it in its install channel and in the
    channels that asked for `roundup:weekly`, with its own token. Each (period, channel) is
    posted once (the roundups rows), so checking after every poll posts nothing twice.
    Returns how many workspaces were due."""
    from zoneinfo import ZoneInfo

    from slack_sdk import WebClient as Client

    from bot.slack.client import retry_handlers
    from bot.slack.install import install_channel, installation_store

    now = now or utcnow()
    installs, due = installation_store(settings), 0
    for enterprise, team in store.installed_teams(settings.slack_client_id or ""):
        tz = ZoneInfo(store.workspace_tz(team) or settings.tz_name)
        fire = last_fire(trigger(settings.roundup_cron, tz), now)
        if fire is None or now - fire > GRACE:
            continue
        due += 1
        try:
            bot = installs.find_bot(enterprise_id=enterprise, team_id=team)
            if bot is None or not bot.bot_token:
                continue
            client = Client(
                token=bot.bot_token,
                base_url=settings.slack_api_url,
                retry_handlers=retry_handlers(),
            )
            period = period_key(fire)
            channel = install_channel(installs, enterprise, team)
            if channel:
                post_roundup(store, client, channel, period=period, end=fire, team_id=team)
            subscribed_roundups(store, client, period=period, end=fire, skip=channel, team_id=team)
        except Exception:  # one workspace's roundup must not stop the others
            log.exception("roundups of workspace %s failed", team)
    return due


def catch_up(
    store: Store, client: WebClient, channel: str, cron: str, tz, now: datetime
) -> str | None:
    """At start: post the latest scheduled roundup if it was missed and is within GRACE."""
    fire = last_fire(trigger(cron, tz), now)
    if fire is None or now - fire > GRACE:
        return None
    return post_roundups(store, client, channel, period=period_key(fire), end=fire)
