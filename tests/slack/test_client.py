"""bot.slack.client: the retry policy never repeats a call that may have posted."""

from __future__ import annotations

from slack_sdk.http_retry.request import HttpRequest

from bot.config import Settings
from bot.slack.client import (
    HELP,
    SafeConnectionErrorRetryHandler,
    SafeServerErrorRetryHandler,
    make_client,
)


def request(method: str) -> HttpRequest:
    return HttpRequest(method="POST", url=f"https://slack.com/api/{method}", headers={})


def test_post_message_is_never_retried_blindly() -> None:
    for handler in (SafeServerErrorRetryHandler(), SafeConnectionErrorRetryHandler()):
        assert not handler._can_retry(
            state=None, request=request("chat.postMessage"), error=ConnectionResetError()
        )


def test_the_client_aims_at_the_configured_api() -> None:
    client = make_client(
        Settings(slack_bot_token="xoxb-1", slack_api_url="http://127.0.0.1:9/api/")
    )
    assert client.base_url == "http://127.0.0.1:9/api/"
    assert len(client.retry_handlers) == 3


def test_every_common_refusal_says_what_to_do() -> None:
    for error in ("channel_not_found", "not_in_channel", "invalid_auth", "missing_scope"):
        assert HELP[error]
