"""The WebClient every Slack call goes through, its retry policy, and what Slack's refusals mean.

Every Web API call goes to settings.slack_api_url (a proxy or a local emulator in tests).
Retries: 429 is always safe to retry (Slack did nothing), so RateLimitErrorRetryHandler honours
Retry-After a few times. A 500 or a dropped connection is ambiguous: Slack may have posted the
message before failing, so chat.postMessage is never retried blindly; the publisher settles it
from channel history instead (see bot.publish.slack). Every other call is idempotent and is retried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar, cast

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler

from bot.config import Settings

log = logging.getLogger(__name__)

NOT_IDEMPOTENT = ("chat.postMessage",)


def _idempotent(request) -> bool:
    return not request.url.rstrip("/").endswith(NOT_IDEMPOTENT)


class SafeServerErrorRetryHandler(ServerErrorRetryHandler):
    """Retries 500/503, except for calls that may already have taken effect."""

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        return _idempotent(request) and super()._can_retry(
            state=state, request=request, response=response, error=error
        )


class SafeConnectionErrorRetryHandler(ConnectionErrorRetryHandler):
    """Retries connection resets, except for calls that may already have taken effect."""

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        return _idempotent(request) and super()._can_retry(
            state=state, request=request, response=response, error=error
        )


def retry_handlers() -> list[RetryHandler]:
    return [
        SafeConnectionErrorRetryHandler(),
        RateLimitErrorRetryHandler(max_retry_count=5),
        SafeServerErrorRetryHandler(max_retry_count=2),
    ]


def make_client(settings: Settings) -> WebClient:
    """A WebClient aimed at SLACK_API_URL with dealbot's retry policy."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=retry_handlers(),
    )


HELP = {  # what a person can do about each refusal
    "channel_not_found": "check DEALBOT_CHANNEL (a channel ID such as C0123ABCD is safest)",
    "not_in_channel": "invite the bot: /invite @dealbot",
    "method_not_supported_for_channel_type": "a private channel: invite the bot with /invite",
    "is_archived": "the channel is archived: unarchive it or change DEALBOT_CHANNEL",
    "invalid_auth": "SLACK_BOT_TOKEN was refused: copy the Bot User OAuth Token again",
    "token_revoked": "SLACK_BOT_TOKEN was revoked: reinstall the app and update the token",
    "missing_scope": "the app lacks a scope: add it in manifest.yml and reinstall",
}


def slack_error(exc: SlackApiError) -> str:
    return str(exc.response.get("error") or f"HTTP {exc.response.status_code}")


R = TypeVar("R", bound=Callable[..., Any])


def checked(respond: R) -> R:
    """A `respond` that says when Slack refused the answer: response_url answers can fail
    (a block over Slack's limits gives 400, an expired URL 404), and bolt's respond() only
    returns the status, so an unchecked failure leaves the user with nothing and no log."""

    def call(**kwargs: Any) -> Any:
        try:
            resp = respond(**kwargs)
        except Exception:  # the network, a closed URL: logged, the listener lives on
            log.exception("answer not delivered to Slack")
            return None
        status = getattr(resp, "status_code", None)
        if isinstance(status, int) and status != 200:
            body = str(getattr(resp, "body", ""))[:300]
            log.error("Slack refused the answer (HTTP %s): %s", status, body)
        return resp

    return cast(R, call)
