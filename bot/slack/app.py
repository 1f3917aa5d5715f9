"""The bolt App and its WebClient: one factory, so tests, `dealbot run` and the HTTP server
build them the same way.

Every Web API call goes to settings.slack_api_url (a proxy or a local emulator in tests).
Retries: 429 is always safe to retry (Slack did nothing), so RateLimitErrorRetryHandler honours
Retry-After a few times. A 500 or a dropped connection is ambiguous: Slack may have posted the
message before failing, so chat.postMessage is never retried blindly; the publisher settles it
from channel history instead (see bot.publish). Every other call is idempotent and is retried.
"""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler

from bot.config import Settings
from bot.store import Store

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


def create_app(settings: Settings, store: Store, client: WebClient | None = None) -> App:
    """A bolt App with dealbot's listeners registered (handlers.register).

    token_verification_enabled runs auth.test once here, so a bad token fails at start
    (bolt raises BoltError naming invalid_auth) rather than on the first post.
    """
    import handlers

    app = App(
        client=client or make_client(settings),
        signing_secret=settings.slack_signing_secret,
        token_verification_enabled=True,
    )
    handlers.register(app, store=store, settings=settings)
    return app
