"""Slack listeners. `register(app, store=..., settings=...)` wires each one into a bolt App."""

from __future__ import annotations

from slack_bolt import App

from bot.config import Settings
from bot.store import Store


def register(app: App, *, store: Store, settings: Settings) -> None:
    """Register every listener; each module keeps its callbacks and a register()."""
    from handlers import actions, deal, events, fix

    deal.register(app, store=store, settings=settings)
    actions.register(app, store=store)
    fix.register(app, store=store, settings=settings)
    events.register(app, store=store, settings=settings)
