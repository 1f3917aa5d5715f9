"""The feeds table: which feeds to poll, and how each fetch went."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.clock import iso, parse_iso, utcnow
from bot.store.base import StoreBase


class FeedRows(StoreBase):
    def sync_feeds(self, feeds: Sequence[tuple[str, str] | tuple[str, str, str | None]]) -> None:
        """Make the feeds file's entries known (a feed removed by command stays removed);
        (url, name) or (url, name, language)."""
        now = iso(utcnow())
        with self.transaction() as db:
            for url, name, *rest in feeds:
                language = rest[0] if rest else None
                if not db.table("feeds").count_where("url = ?", [url]):
                    db.table("feeds").insert(
                        {
                            "url": url,
                            "name": name,
                            "origin": "file",
                            "removed": 0,
                            "failures": 0,
                            "added_at": now,
                            "language": language,
                        }
                    )
                elif language:
                    db.table("feeds").update(url, {"language": language})

    def add_feed(self, url: str, name: str = "") -> bool:
        """Add (or restore) a feed; False if it was already active."""
        with self.transaction() as db:
            row = next(db.table("feeds").rows_where("url = ?", [url]), None)
            if row and not row["removed"]:
                return False
            db.table("feeds").upsert(
                {
                    "url": url,
                    "name": name or (row or {}).get("name") or url,
                    "origin": "command",
                    "removed": 0,
                    "failures": 0,
                    "added_at": iso(utcnow()),
                },
                pk="url",
            )
            return True

    def remove_feed(self, url: str) -> bool:
        with self.transaction() as db:
            if not db.table("feeds").count_where("url = ? and removed = 0", [url]):
                return False
            db.table("feeds").update(url, {"removed": 1})
            return True

    def feeds(self) -> list[dict]:
        """The feeds a poll reads: not removed, not retired (410 Gone); each with its rowid
        as `id` (the WebSub callback's name for it)."""
        return list(
            self.db.query(
                "select rowid as id, * from feeds where removed = 0 and retired is null "
                "order by added_at, url"
            )
        )

    def feed(self, url: str) -> dict | None:
        return next(
            iter(self.db.query("select rowid as id, * from feeds where url = ?", [url])), None
        )

    def retired_feeds(self) -> list[dict]:
        return list(self.db.query("select * from feeds where removed = 0 and retired is not null"))

    def due_feeds(self, now: datetime) -> list[dict]:
        """Feeds whose next poll is due (or never scheduled: new ones)."""
        return [f for f in self.feeds() if not f["next_poll"] or f["next_poll"] <= iso(now)]

    def next_due(self) -> str | None:
        """The earliest next poll of any feed."""
        row = self.db.execute(
            "select min(next_poll) from feeds where removed = 0 and retired is null"
        ).fetchone()
        return row[0] if row else None

    def feed_publications(self, url: str, since: datetime) -> list[datetime]:
        """When the feed's stories were published, since `since` (the rhythm it is polled by)."""
        rows = self.db.execute(
            "select published from stories where feed_url = ? and published >= ? "
            "order by published",
            [url, iso(since)],
        )
        return [d for d in (parse_iso(r[0]) for r in rows) if d is not None]

    def schedule_feed(self, url: str, next_poll: datetime, interval: float) -> None:
        with self.transaction() as db:
            db.execute(
                "update feeds set next_poll = ?, poll_interval = ? where url = ?",
                [iso(next_poll), interval, url],
            )

    def retire_feed(self, url: str, reason: str) -> None:
        """Never polled again (the publisher said 410 Gone); `feeds list` says why."""
        with self.transaction() as db:
            db.execute(
                "update feeds set retired = ?, next_poll = null where url = ?",
                [f"{reason} ({utcnow().date().isoformat()})", url],
            )

    def feed_by_id(self, feed_id: int) -> dict | None:
        return next(
            iter(self.db.query("select rowid as id, * from feeds where rowid = ?", [feed_id])),
            None,
        )

    # --- WebSub subscriptions (pk feed_url) ------------------------------------------------

    def websub(self, url: str) -> dict | None:
        return next(self.db.table("websub").rows_where("feed_url = ?", [url]), None)

    def websubs(self) -> list[dict]:
        return list(self.db.table("websub").rows)

    def set_websub(self, url: str, **changes: object) -> None:
        with self.transaction() as db:
            db.table("websub").upsert({"feed_url": url, **changes}, pk="feed_url")

    def drop_websub(self, url: str) -> None:
        with self.transaction() as db:
            db.execute("delete from websub where feed_url = ?", [url])

    def record_fetch(
        self,
        url: str,
        *,
        ok: bool,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        now = iso(utcnow())
        with self.transaction() as db:
            row = next(db.table("feeds").rows_where("url = ?", [url]), None)
            if row is None:
                return
            if ok:
                changes = {"last_success": now, "failures": 0, "last_error": None}
                if etag is not None or last_modified is not None:
                    changes.update(etag=etag, last_modified=last_modified)
            else:
                changes = {
                    "last_error": (error or "error")[:500],
                    "last_error_at": now,
                    "failures": (row["failures"] or 0) + 1,
                }
            db.table("feeds").update(url, changes)
