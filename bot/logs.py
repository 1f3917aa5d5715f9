"""Logging set-up for every `dealbot` command, with secrets redacted from every record.

Slack tokens (xoxb-, xoxp-, xapp-, ...) and the configured signing secret must never reach a
log or a terminal: a pasted log would leak the workspace. The filter sits on the root
handlers (a filter on a logger would miss records propagated from other loggers: slack_sdk,
bolt, apscheduler, waitress) and rewrites the message, its arguments and the exception text.
"""

from __future__ import annotations

import json
import logging
import re
import traceback

TOKEN = re.compile(r"\b(xox[abeoprs]|xapp)-[A-Za-z0-9-]+")
MIN_SECRET = 8  # a shorter "secret" would redact ordinary words; real ones are 32 hex chars
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Replaces tokens and the given secrets in a record's message, args and exception."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets: tuple[str, ...] = ()
        self.set_secrets(secrets)

    def set_secrets(self, secrets) -> None:
        self.secrets = tuple(sorted({s for s in secrets if s and len(s) >= MIN_SECRET}, key=len))[
            ::-1
        ]

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[REDACTED]")
        return TOKEN.sub(lambda m: m.group(1) + "-[REDACTED]", text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string still gets logged, redacted
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


_filter = RedactingFilter()


def setup_logging(settings=None, verbose: bool = False, *, default: int = logging.WARNING):
    """Log to stderr, redacting the settings' secrets. The level: DEALBOT_LOG_LEVEL, else INFO
    with --verbose, else `default` (INFO for `dealbot run`: one line per poll); the format:
    text, or one JSON object per line with DEALBOT_LOG_FORMAT=json.

    Safe to call again (e.g. once settings are loaded): the same filter learns the secrets.
    """
    root = logging.getLogger()
    level = logging.INFO if verbose else default
    if settings is not None and getattr(settings, "log_level", None):
        level = getattr(logging, settings.log_level)
    if not root.handlers:
        logging.basicConfig(level=level, format=FORMAT)
    else:
        root.setLevel(level)
    as_json = settings is not None and getattr(settings, "log_format", "text") == "json"
    if settings is not None:
        _filter.set_secrets(
            (
                settings.slack_bot_token or "",
                settings.slack_app_token or "",
                settings.slack_signing_secret or "",
                getattr(settings, "feed_token", None) or "",
                getattr(settings, "slack_client_secret", None) or "",
                getattr(settings, "secret_key", None) or "",
            )
        )
    for handler in root.handlers:
        if _filter not in handler.filters:
            handler.addFilter(_filter)
        if as_json:
            handler.setFormatter(JsonFormatter())
    return _filter


class JsonFormatter(logging.Formatter):
    """One JSON object per record (time, level, logger, message, and the traceback if any)."""

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)
