"""Channel subscriptions as rows (bot.lookup.subscriptions turns them into filters)."""

from __future__ import annotations

from bot.clock import iso, utcnow
from bot.store.base import StoreBase


class SubscriptionRows(StoreBase):
    def set_subscription(
        self, channel: str, filters: str, created_by: str, team_id: str | None = None
    ) -> None:
        """Subscribe `channel`, replacing its filters if it already was."""
        with self.transaction() as db:
            db.table("subscriptions").upsert(
                {
                    "channel": channel,
                    "filters": filters,
                    "created_by": created_by,
                    "created_at": iso(utcnow()),
                    "team_id": team_id,
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

    def add_follow(self, user: str, channel: str, filters: str, team_id: str | None = None) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "insert into follows (user, channel, filters, created_at, team_id) "
                "values (?, ?, ?, ?, ?)",
                [user, channel, filters, iso(utcnow()), team_id],
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

    def forget_workspace(self, team_id: str | None = None) -> tuple[int, int]:
        """The app was uninstalled (or its tokens revoked): the workspace's channel
        subscriptions and people's follows go (all of them in single-workspace mode), so
        nothing is posted there again. (subscriptions, follows)."""
        where, params = ("where team_id = ?", [team_id]) if team_id else ("", [])
        with self.transaction() as db:
            subs = db.execute(f"delete from subscriptions {where}", params).rowcount
            follows = db.execute(f"delete from follows {where}", params).rowcount
            return subs, follows

    def workspace_tz(self, team_id: str) -> str | None:
        row = self.db.execute(
            "select tz from workspace_settings where team_id = ?", [team_id]
        ).fetchone()
        return row[0] if row else None

    def set_workspace_tz(self, team_id: str, tz: str, user: str) -> None:
        with self.transaction() as db:
            db.table("workspace_settings").upsert(
                {"team_id": team_id, "tz": tz, "updated_by": user, "updated_at": iso(utcnow())},
                pk="team_id",
            )

    def installed_teams(self, client_id: str) -> list[tuple[str | None, str]]:
        """(enterprise_id, team_id) of every workspace that installed the app (slack_sdk's
        installation store keeps them in this file; none before the first install)."""
        if "slack_bots" not in self.db.table_names():
            return []
        rows = self.db.execute(
            "select distinct enterprise_id, team_id from slack_bots where client_id = ?",
            [client_id],
        )
        return [(e or None, t) for e, t in rows.fetchall() if t]

    def subscription_rows(self) -> list[dict]:
        return list(self.db.table("subscriptions").rows_where(order_by="created_at, channel"))
