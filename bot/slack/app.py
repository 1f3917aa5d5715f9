"""The bolt App: one factory, so tests, `dealbot run` and the HTTP server build it the same way."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.config import Settings
from bot.slack.client import make_client
from bot.store import Store


def create_app(settings: Settings, store: Store, client: WebClient | None = None) -> App:
    """A bolt App with dealbot's listeners registered (handlers.register).

    token_verification_enabled runs auth.test once here, so a bad token fails at start
    (bolt raises BoltError naming invalid_auth) rather than on the first post.
    """
    import handlers

    if settings.oauth_mode:  # any workspace installs it: bolt finds each one's token
        from bot.slack.install import oauth_settings

        app = App(
            signing_secret=settings.slack_signing_secret,
            oauth_settings=oauth_settings(settings),
            client=client or make_client(settings),
        )
    else:
        app = App(
            client=client or make_client(settings),
            signing_secret=settings.slack_signing_secret,
            token_verification_enabled=True,
        )
    handlers.register(app, store=store, settings=settings)
    return app
