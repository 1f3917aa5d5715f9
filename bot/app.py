"""The bolt App: one factory, so tests, `dealbot run` and the HTTP server build it the same way.

Every Web API call goes to settings.slack_api_url (a proxy or a local emulator in tests).
"""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.config import Settings
from bot.store import Store


def make_client(settings: Settings) -> WebClient:
    return WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)


def create_app(settings: Settings, store: Store, client: WebClient | None = None) -> App:
    """A bolt App with dealbot's listeners registered (handlers.register)."""
    import handlers

    app = App(
        client=client or make_client(settings),
        signing_secret=settings.slack_signing_secret,
        token_verification_enabled=True,
    )
    handlers.register(app, store=store, settings=settings)
    return app
