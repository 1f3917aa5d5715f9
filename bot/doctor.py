"""`dealbot doctor`: is this installation able to work? One table, a fix for each problem.

Checks what an operator would otherwise find out from a silent channel: the token (valid, and
its scopes against the manifest's), the channel (exists, the bot is in it), every feed
(reachable and parseable, through the same address guard as a poll), the database (integrity,
schema) and the clock (against Slack's: request signatures older than five minutes are
refused). Nothing is posted or stored.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.slack.install import MANIFEST_SCOPES as SCOPES  # the manifest's bot scopes

MAX_SKEW = 60.0  # seconds; Slack refuses signatures more than 5 minutes off, warn well before


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    detail: str
    fix: str = ""


def slack_checks(settings: Settings, client) -> list[Finding]:
    """Token, scopes, clock skew and channel, from auth.test and conversations.info."""
    if settings.console_mode:
        return [Finding("token", True, "no SLACK_BOT_TOKEN: console mode (cards are printed)")]
    out: list[Finding] = []
    try:
        who = client.auth_test()
    except SlackApiError as exc:
        error = exc.response.get("error") if exc.response is not None else str(exc)
        return [
            Finding(
                "token",
                False,
                f"Slack refused it: {error}",
                "copy the Bot User OAuth Token (xoxb-…) again into SLACK_BOT_TOKEN",
            )
        ]
    except OSError as exc:
        return [
            Finding(
                "token", False, f"Slack unreachable: {exc}", "check SLACK_API_URL and the network"
            )
        ]
    out.append(Finding("token", True, f"valid: {who.get('user')} in {who.get('team')}"))
    granted = {s.strip() for s in _header(who, "x-oauth-scopes").split(",") if s.strip()}
    missing = [s for s in SCOPES if s not in granted]
    if not granted:
        out.append(Finding("scopes", True, "Slack did not say which scopes the token has"))
    elif missing:
        out.append(
            Finding(
                "scopes",
                False,
                "missing: " + ", ".join(missing),
                "add them under OAuth & Permissions (or from manifest.yml) and reinstall the app",
            )
        )
    else:
        out.append(Finding("scopes", True, f"all {len(SCOPES)} of the manifest's"))
    out.append(_skew(_header(who, "date")))
    out.append(_channel(settings, client))
    return out


def _header(response, name: str) -> str:
    headers = getattr(response, "headers", None) or {}
    for key, value in headers.items():
        if key.lower() == name:
            return value[0] if isinstance(value, list) else str(value)
    return ""


def _skew(date: str) -> Finding:
    try:
        theirs = parsedate_to_datetime(date).timestamp()
    except (TypeError, ValueError):
        return Finding("clock", True, "Slack sent no Date header to compare with")
    skew = time.time() - theirs
    if abs(skew) > MAX_SKEW:
        return Finding(
            "clock",
            False,
            f"this machine is {abs(skew):.0f} s {'ahead of' if skew > 0 else 'behind'} Slack",
            "run NTP (timedatectl set-ntp true): Slack refuses requests signed 5 minutes off",
        )
    return Finding("clock", True, f"within {abs(skew):.0f} s of Slack's")


def _channel(settings: Settings, client) -> Finding:
    if not settings.channel:
        return Finding(
            "channel", False, "DEALBOT_CHANNEL is not set", "set it to the channel ID (C0123ABCD)"
        )
    try:
        info = client.conversations_info(channel=settings.channel).get("channel") or {}
    except SlackApiError as exc:
        error = exc.response.get("error") if exc.response is not None else str(exc)
        return Finding(
            "channel",
            False,
            f"{settings.channel}: {error}",
            "set DEALBOT_CHANNEL to the channel's ID (channel details → bottom)",
        )
    except OSError as exc:
        return Finding("channel", False, f"Slack unreachable: {exc}")
    name = f"#{info.get('name') or settings.channel}"
    if not info.get("is_member"):
        return Finding(
            "channel",
            False,
            f"{name}: the bot is not in it",
            "/invite @dealbot in the channel"
            + ("" if info.get("is_private") else " (or let it join)"),
        )
    return Finding("channel", True, f"{name}: the bot is in it")


def active_feeds(settings: Settings) -> list[dict]:
    """The feeds a poll would read: the database's when it is up to date (feeds added from
    Slack included), else the feeds file's; the database is never created or migrated here."""
    from bot.feeds.feedfile import load_feeds
    from bot.store import Store
    from bot.store.base import schema_status

    try:
        current = (
            os.path.exists(settings.db_path) and not schema_status(settings.db_path)["pending"]
        )
        if current:
            store = Store(settings.db_path)
            try:
                return store.feeds()
            finally:
                store.close()
    except Exception:  # noqa: BLE001 - an unreadable database is database_checks' finding
        pass
    return [{"url": f.url, "name": f.name} for f in load_feeds(settings.feeds_path)]


def feed_checks(settings: Settings, feeds: list[dict]) -> list[Finding]:
    """Every active feed fetched once through the address guard, parsed, nothing stored."""
    from bot.feeds.check import check_all
    from bot.feeds.guard import AddressPolicy
    from bot.feeds.links import shown_url

    policy = AddressPolicy(allow_private=settings.allow_private_feeds)
    out = []
    for feed, found in zip(feeds, check_all([f["url"] for f in feeds], policy), strict=True):
        name = feed["name"] or shown_url(feed["url"])
        if found.ok:
            out.append(Finding("feed", True, f"{name}: {found.items} items"))
        else:
            out.append(
                Finding(
                    "feed",
                    False,
                    f"{name}: {found.reason}",
                    f"check {shown_url(feed['url'])}, or `dealbot feeds remove` it",
                )
            )
    if not feeds:
        out.append(
            Finding("feed", False, "no feeds", "add some to feeds.toml or `dealbot feeds add URL`")
        )
    return out


def database_checks(settings: Settings) -> list[Finding]:
    from bot.store.base import schema_status

    if not os.path.exists(settings.db_path):
        return [
            Finding(
                "database", True, f"{settings.db_path} not created yet (the first poll makes it)"
            )
        ]
    try:
        status = schema_status(settings.db_path)
    except Exception as exc:  # noqa: BLE001 - any failure to read it is the finding
        return [
            Finding(
                "database", False, f"{settings.db_path}: {exc}", "restore a backup (dealbot backup)"
            )
        ]
    out = []
    if status["integrity"] != "ok":
        out.append(
            Finding(
                "database",
                False,
                f"integrity check: {status['integrity']}",
                "stop the bot and restore the latest backup",
            )
        )
    else:
        out.append(Finding("database", True, f"integrity ok, {len(status['applied'])} migrations"))
    if status["pending"]:
        out.append(
            Finding(
                "schema",
                True,
                f"{len(status['pending'])} migration(s) pending: applied at the next start, "
                "after a backup",
            )
        )
    return out


def table(findings: list[Finding]) -> str:
    """The findings as aligned text: check, ok/PROBLEM, what was found, and the fix."""
    width = max((len(f.check) for f in findings), default=5)
    lines = []
    for f in findings:
        mark = "ok     " if f.ok else "PROBLEM"
        lines.append(f"{f.check:<{width}}  {mark}  {f.detail}")
        if f.fix and not f.ok:
            lines.append(f"{'':<{width}}  {'':7}  fix: {f.fix}")
    return "\n".join(lines)
