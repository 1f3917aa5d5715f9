"""Settings: read once from the environment (and `.env`), validated, frozen, passed around.

A bad value stops start-up with one line naming the setting (`ConfigError`), never a traceback.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

DEFAULT_SLACK_API_URL = "https://slack.com/api/"


class ConfigError(Exception):
    """A setting has a value dealbot cannot use; the message names the setting."""


@dataclass(frozen=True)
class Settings:
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    channel: str | None = None
    db_path: str = "dealbot.db"
    feeds_path: str = "feeds.toml"
    poll_minutes: float = 15  # a new feed's first interval; then its own rhythm decides
    poll_min_minutes: float = 2
    poll_max_minutes: float = 60
    public_url: str | None = None  # WebSub callbacks: {public_url}/websub/<feed id>
    roundup_cron: str = "0 9 * * mon"
    tz_name: str = "UTC"
    post_interval: float = 1.0
    max_age_hours: float = 72
    keep_days: float = 365  # stories first seen longer ago are pruned (deals and their links stay)
    port: int = 3000
    admins: tuple[str, ...] = field(default_factory=tuple)
    allow_private_feeds: bool = False  # feeds on loopback/private addresses (self-hosted)
    editors: tuple[str, ...] = field(default_factory=tuple)  # who may correct deals; () = all
    dismiss_mode: str = "replace"  # a card taken down: "replace" (one line) or "delete"
    feed_token: str | None = None  # /deals.atom and /deals.json ask for it when set
    metrics_port: int | None = None  # Socket Mode: /healthz, /metrics and the feed on this port
    # OAuth distribution (any workspace installs it): all three set, else single-workspace mode
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_scopes: tuple[str, ...] = ()
    secret_key: str | None = None  # Fernet key: tokens are encrypted at rest with it
    install_db: str | None = None  # installations and OAuth state (default: DEALBOT_DB)
    log_level: str | None = None  # None: INFO for `dealbot run`, WARNING for other commands
    log_format: str = "text"  # or "json": one JSON object per line, for log collectors

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.tz_name)

    @property
    def oauth_mode(self) -> bool:
        """Installed into any workspace with the Add to Slack flow (SLACK_CLIENT_ID set)."""
        return bool(self.slack_client_id)

    @property
    def console_mode(self) -> bool:
        """No bot token and no OAuth: print cards instead of posting them."""
        return not self.slack_bot_token and not self.oauth_mode

    @property
    def socket_mode(self) -> bool:
        return bool(self.slack_app_token)

    def __repr__(self) -> str:  # never print secrets
        hidden = {
            "slack_bot_token",
            "slack_signing_secret",
            "slack_app_token",
            "feed_token",
            "slack_client_secret",
            "secret_key",
        }
        parts = []
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            parts.append(f"{name}={'***' if name in hidden and value else value!r}")
        return f"Settings({', '.join(parts)})"


def _number(
    env: Mapping[str, str], name: str, default: float, *, minimum: float, maximum: float
) -> float:
    """A finite number within [minimum, maximum]: "inf", "1e999" and "nan" are refused here,
    with the setting's name, not later with a traceback."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number") from None
    if not math.isfinite(value) or not minimum <= value <= maximum:
        raise ConfigError(f"{name}={raw!r} must be a number from {minimum:g} to {maximum:g}")
    return value


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in ("", "0", "false", "no", "off"):
        return False
    if raw in ("1", "true", "yes", "on"):
        return True
    raise ConfigError(f"{name}={env.get(name)!r} must be 1 or 0")


def load_settings(
    env: Mapping[str, str] | None = None,
    *,
    dotenv_path: str | None = ".env",
    require_feeds: bool = True,
) -> Settings:
    """Build Settings from `env` (default: os.environ plus `.env`), or raise ConfigError."""
    if env is None:
        if dotenv_path and Path(dotenv_path).is_file():
            from dotenv import dotenv_values

            file_values = {k: v for k, v in dotenv_values(dotenv_path).items() if v is not None}
            env = {**file_values, **os.environ}  # the real environment wins over the file
        else:
            env = dict(os.environ)

    def text(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    bot_token = text("SLACK_BOT_TOKEN")
    if bot_token and not bot_token.startswith("xoxb-"):
        raise ConfigError("SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-'")
    app_token = text("SLACK_APP_TOKEN")
    if app_token and not app_token.startswith("xapp-"):
        raise ConfigError("SLACK_APP_TOKEN must be an app-level token starting with 'xapp-'")
    # SLACK_SIGNING_SECRET guards incoming requests only: `dealbot run` in HTTP mode asks for it
    # (bot.runner); posting (`dealbot poll`, `roundup --post`) needs the bot token alone
    signing_secret = text("SLACK_SIGNING_SECRET")

    api_url = text("SLACK_API_URL") or DEFAULT_SLACK_API_URL
    if not api_url.startswith(("http://", "https://")):
        raise ConfigError(f"SLACK_API_URL={api_url!r} must be an http(s) URL")
    if not api_url.endswith("/"):
        api_url += "/"

    tz_name = text("DEALBOT_TZ") or "UTC"
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"DEALBOT_TZ={tz_name!r} is not a time zone (try 'Europe/Berlin')"
        ) from None

    cron = text("DEALBOT_ROUNDUP_CRON") or "0 9 * * mon"
    try:
        CronTrigger.from_crontab(cron, timezone=ZoneInfo(tz_name))
    except ValueError as exc:
        raise ConfigError(
            f"DEALBOT_ROUNDUP_CRON={cron!r} is not a crontab expression: {exc}"
        ) from None

    feeds_path = text("DEALBOT_FEEDS") or "feeds.toml"
    if require_feeds and not Path(feeds_path).is_file():
        raise ConfigError(f"DEALBOT_FEEDS={feeds_path!r}: no such file")

    port = _number(env, "PORT", 3000, minimum=1, maximum=65535)
    if port != int(port):
        raise ConfigError(f"PORT={env.get('PORT')!r} must be a whole number from 1 to 65535")

    db_path = text("DEALBOT_DB") or "dealbot.db"
    if db_path != ":memory:" and not Path(db_path).expanduser().resolve().parent.is_dir():
        raise ConfigError(f"DEALBOT_DB={db_path!r}: its folder does not exist")

    admins = tuple(a for a in (text("DEALBOT_ADMINS") or "").replace(",", " ").split() if a)
    editors = tuple(e for e in (text("DEALBOT_EDITORS") or "").replace(",", " ").split() if e)
    for editor in editors:
        if not re.fullmatch(r"[UWS][A-Z0-9]{1,20}", editor):
            raise ConfigError(
                f"DEALBOT_EDITORS: {editor[:40]!r} is not a Slack user ID (U…/W…) or user "
                "group ID (S…)"
            )
    metrics_port = None
    if text("DEALBOT_METRICS_PORT"):
        metrics_port = _number(env, "DEALBOT_METRICS_PORT", 0, minimum=1, maximum=65535)
        if metrics_port != int(metrics_port):
            raise ConfigError("DEALBOT_METRICS_PORT must be a whole number from 1 to 65535")
    log_level = (text("DEALBOT_LOG_LEVEL") or "").upper() or None
    if log_level not in (None, "DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(
            f"DEALBOT_LOG_LEVEL={log_level[:20]!r} must be DEBUG, INFO, WARNING or ERROR"
        )
    log_format = (text("DEALBOT_LOG_FORMAT") or "text").lower()
    if log_format not in ("text", "json"):
        raise ConfigError(f"DEALBOT_LOG_FORMAT={log_format[:20]!r} must be 'text' or 'json'")
    poll_min = _number(env, "DEALBOT_POLL_MIN_MINUTES", 2, minimum=0.5, maximum=24 * 60)
    poll_max = _number(env, "DEALBOT_POLL_MAX_MINUTES", 60, minimum=1, maximum=7 * 24 * 60)
    if poll_min > poll_max:
        raise ConfigError(
            f"DEALBOT_POLL_MIN_MINUTES ({poll_min:g}) is more than DEALBOT_POLL_MAX_MINUTES "
            f"({poll_max:g})"
        )
    public_url = text("DEALBOT_PUBLIC_URL")
    if public_url and not public_url.startswith(("http://", "https://")):
        raise ConfigError(f"DEALBOT_PUBLIC_URL={public_url[:80]!r} must be an http(s) URL")
    client_id, client_secret = text("SLACK_CLIENT_ID"), text("SLACK_CLIENT_SECRET")
    secret_key = text("DEALBOT_SECRET_KEY")
    if client_id:
        if not client_secret:
            raise ConfigError("SLACK_CLIENT_SECRET is required with SLACK_CLIENT_ID (OAuth)")
        if not signing_secret:
            raise ConfigError("SLACK_SIGNING_SECRET is required with SLACK_CLIENT_ID (OAuth)")
        if not secret_key:
            raise ConfigError(
                "DEALBOT_SECRET_KEY is required with SLACK_CLIENT_ID: installed workspaces' "
                'tokens are encrypted with it (make one: python -c "from cryptography.fernet '
                'import Fernet; print(Fernet.generate_key().decode())")'
            )
        from cryptography.fernet import Fernet

        try:
            Fernet(secret_key.encode())
        except ValueError:
            raise ConfigError(
                "DEALBOT_SECRET_KEY is not a Fernet key (32 url-safe base64-encoded bytes)"
            ) from None
    scopes = tuple(s for s in (text("SLACK_SCOPES") or "").replace(",", " ").split() if s)
    dismiss_mode = (text("DEALBOT_DISMISS") or "replace").lower()
    if dismiss_mode not in ("replace", "delete"):
        raise ConfigError(f"DEALBOT_DISMISS={dismiss_mode[:40]!r} must be 'replace' or 'delete'")

    return Settings(
        slack_bot_token=bot_token,
        slack_signing_secret=signing_secret,
        slack_app_token=app_token,
        slack_api_url=api_url,
        channel=text("DEALBOT_CHANNEL"),
        db_path=db_path,
        feeds_path=feeds_path,
        poll_minutes=_number(env, "DEALBOT_POLL_MINUTES", 15, minimum=1, maximum=7 * 24 * 60),
        roundup_cron=cron,
        tz_name=tz_name,
        post_interval=_number(env, "DEALBOT_POST_INTERVAL", 1.0, minimum=0, maximum=60),
        max_age_hours=_number(env, "DEALBOT_MAX_AGE_HOURS", 72, minimum=0, maximum=1_000_000),
        keep_days=_number(env, "DEALBOT_KEEP_DAYS", 365, minimum=1, maximum=36_500),
        port=int(port),
        admins=admins,
        allow_private_feeds=_flag(env, "DEALBOT_ALLOW_PRIVATE_FEEDS"),
        editors=editors,
        dismiss_mode=dismiss_mode,
        poll_min_minutes=poll_min,
        poll_max_minutes=poll_max,
        public_url=public_url.rstrip("/") if public_url else None,
        feed_token=text("DEALBOT_FEED_TOKEN"),
        metrics_port=int(metrics_port) if metrics_port else None,
        log_level=log_level,
        log_format=log_format,
        slack_client_id=client_id,
        slack_client_secret=client_secret,
        slack_scopes=scopes,
        secret_key=secret_key,
        install_db=text("DEALBOT_INSTALL_DB"),
    )
