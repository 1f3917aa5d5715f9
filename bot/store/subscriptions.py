"""Channel subscriptions as rows (bot.lookup.subscriptions turns them into filters)."""

from __future__ import annotations

from bot.clock import iso, utcnow
from bot.store.base import StoreBase


class SubscriptionRows(StoreBase):
    def set_subscription(self, channel: str, filters: str, created_by: str) -> None:
        """Subscribe `channel`, replacing its filters if it already was."""
        with self.transaction() as db:
            db.table("subscriptions").upsert(
                {
                    "channel": channel,
                    "filters": filters,
                    "created_by": created_by,
                    "created_at": iso(utcnow()),
                },
                pk="channel",
            )

    def remove_subscription(self, channel: str) -> bool:
        with self.transaction() as db:
            if not db.table("subscriptions").count_where("channel = ?", [channel]):
                return False
            db.table("subscriptions").delete(channel)
            return True

    def subscription_rows(self) -> list[dict]:
        return list(self.db.table("subscriptions").rows_where(order_by="created_at, channel"))
