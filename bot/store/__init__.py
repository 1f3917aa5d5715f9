"""SQLite storage: the only place that runs SQL.

`Store` is the one object the rest of dealbot uses; its reads and writes are grouped by table in
the modules beside this one (feeds, deals, posts, subscriptions, search, corrections), over one
connection layer (base) and one schema (schema).
"""

from bot.store.corrections import CorrectionRows
from bot.store.feeds import FeedRows
from bot.store.posts import PostRows
from bot.store.search import DealFilter, SearchRows
from bot.store.subscriptions import SubscriptionRows


class Store(FeedRows, PostRows, SubscriptionRows, SearchRows, CorrectionRows):  # both read DealRows
    """All reads and writes of dealbot's database. Safe to share between threads."""


__all__ = ["DealFilter", "Store"]
