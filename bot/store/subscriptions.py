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

    # --- people's follows (pk id), cards by DM ---------------------------------------------

    def add_follow(self, user: str, channel: str, filters: str) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "insert into follows (user, channel, filters, created_at) values (?, ?, ?, ?)",
                [user, channel, filters, iso(utcnow())],
            )
            return int(cursor.lastrowid or 0)

    def follows_of(self, user: str) -> list[dict]:
        return list(self.db.table("follows").rows_where("user = ?", [user], order_by="id"))

    def follow_rows(self) -> list[dict]:
        return list(self.db.table("follows").rows_where(order_by="id"))

    def remove_follow(self, user: str, follow_id: int) -> bool:
        """Only the person's own follow goes."""
        with self.transaction() as db:
            cursor = db.execute("delete from follows where id = ? and user = ?", [follow_id, user])
            return cursor.rowcount == 1

    def forget_workspace(self) -> tuple[int, int]:
        """The app was uninstalled (or its tokens revoked): every channel subscription and
        person's follow goes, so nothing is posted there again. (subscriptions, follows)."""
        with self.transaction() as db:
            subs = db.execute("delete from subscriptions").rowcount
            follows = db.execute("delete from follows").rowcount
            return subs, follows

    def subscription_rows(self) -> list[dict]:
        return list(self.db.table("subscriptions").rows_where(order_by="created_at, channel"))
