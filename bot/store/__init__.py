"""SQLite storage: the only place that runs SQL. `Store` is the one object the rest uses."""

from bot.store.core import Store

__all__ = ["Store"]
