"""Slack posts and roundups: the rows that make every card and roundup appear exactly once.

The protocol they serve is in bot.publish.slack (cards) and bot.roundup.job (roundups): a
pending row first, then the Slack call, then the row completed with the message ts.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.clock import iso, utcnow
from bot.store.base import StoreBase


class PostRows(StoreBase):
    def has_post(self, deal_id: int, channel: str) -> bool:
        """Does `channel` already have (or is it posting) this deal's card?"""
        return bool(
            self.db.table("posts").count_where("deal_id = ? and channel = ?", [deal_id, channel])
        )

    def post(self, deal_id: int, channel: str) -> dict | None:
        return next(
            self.db.table("posts").rows_where("deal_id = ? and channel = ?", [deal_id, channel]),
            None,
        )

    def recent_posts(self, channel: str, window: timedelta) -> int:
        """Cards (and digest entries) a channel got in the last `window`."""
        row = self.db.execute(
            "select count(*) from posts where channel = ? and created_at >= ?",
            [channel, iso(utcnow() - window)],
        ).fetchone()
        return int(row[0]) if row else 0

    def pending_posts(self, channel: str) -> list[dict]:
        """Cards to settle; a deal people removed since (dismissed, merged) is not posted."""
        return list(
            self.db.table("posts").rows_where(
                "channel = ? and status = 'pending' and not exists (select 1 from deals d "
                "where d.id = posts.deal_id and d.removed is not null)",
                [channel],
                order_by="created_at",
            )
        )

    def posts_behind(self, channel: str) -> list[dict]:
        """Posted cards whose thread shows fewer sources than the deal has."""
        return list(
            self.db.query(
                "select * from posts p where channel = ? and status = 'posted' and "
                "coalesce(sources_posted, 0) < "
                "(select count(*) from deal_sources s where s.deal_id = p.deal_id) and not exists "
                "(select 1 from deals d where d.id = p.deal_id and d.removed is not null)",
                [channel],
            )
        )

    def add_post(
        self, deal_id: int, channel: str, *, status: str = "pending", team_id: str | None = None
    ) -> bool:
        """A post row for the deal in `channel` unless one exists; True if this call made it."""
        now = iso(utcnow())
        with self.transaction(durable=True) as db:
            if db.table("posts").count_where("deal_id = ? and channel = ?", [deal_id, channel]):
                return False
            db.table("posts").insert(
                {
                    "deal_id": deal_id,
                    "channel": channel,
                    "status": status,
                    "sources_posted": 0,
                    "created_at": now,
                    "updated_at": now,
                    "team_id": team_id,
                }
            )
            return True

    def claim_post(
        self, deal_id: int, channel: str, claimer: str, *, stale_before: datetime
    ) -> bool:
        """Take the pending row for posting; True only for the one caller whose UPDATE changed
        it (unclaimed, its own claim, or a claim older than `stale_before`: a crashed poster)."""
        with self.transaction(durable=True) as db:
            cursor = db.execute(
                "update posts set claimed_by = ?, claimed_at = ? where deal_id = ? and "
                "channel = ? and status = 'pending' and (claimed_by is null or claimed_by = ? "
                "or claimed_at < ?)",
                [claimer, iso(utcnow()), deal_id, channel, claimer, iso(stale_before)],
            )
            return cursor.rowcount == 1

    def release_post(self, deal_id: int, channel: str, claimer: str) -> None:
        """Give a claim back (Slack refused the post: the next cycle may try again)."""
        with self.transaction(durable=True) as db:
            db.execute(
                "update posts set claimed_by = null, claimed_at = null where deal_id = ? and "
                "channel = ? and claimed_by = ?",
                [deal_id, channel, claimer],
            )

    def update_post(self, deal_id: int, channel: str, **changes: object) -> None:
        with self.transaction(durable=True) as db:
            db.table("posts").update((deal_id, channel), {**changes, "updated_at": iso(utcnow())})

    # --- Slack events handled (pk event_id) ---------------------------------------------------

    def first_time(self, event_id: str, *, keep: timedelta = timedelta(days=1)) -> bool:
        """Record a Slack event; True only the first time its id is seen (retries are not).
        Ids older than `keep` are forgotten on the way (Slack retries within minutes)."""
        now = utcnow()
        with self.transaction(durable=True) as db:
            cursor = db.execute(
                "insert or ignore into slack_events (event_id, seen_at) values (?, ?)",
                [event_id[:200], iso(now)],
            )
            db.execute("delete from slack_events where seen_at < ?", [iso(now - keep)])
            return cursor.rowcount == 1

    # --- roundups (pk period + channel) ------------------------------------------------------

    def roundup(self, period: str, channel: str) -> dict | None:
        return next(
            self.db.table("roundups").rows_where("period = ? and channel = ?", [period, channel]),
            None,
        )

    def set_roundup(self, period: str, channel: str, **changes: object) -> None:
        with self.transaction(durable=True) as db:
            db.table("roundups").upsert(
                {"period": period, "channel": channel, **changes, "updated_at": iso(utcnow())},
                pk=("period", "channel"),
            )
