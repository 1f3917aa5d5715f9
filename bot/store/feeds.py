"""The feeds table: which feeds to poll, and how each fetch went."""

from __future__ import annotations

from collections.abc import Sequence

from bot.clock import iso, utcnow
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
        return list(self.db.table("feeds").rows_where("removed = 0", order_by="added_at, url"))

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
