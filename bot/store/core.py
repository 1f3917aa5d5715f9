"""SQLite storage via sqlite-utils: feeds, stories, deals, their sources and Slack posts.

One connection per thread (the scheduler and Slack listeners run on other threads than the one
that opened the file), WAL so readers never wait for the poller, and a busy timeout so two
writers queue instead of failing with "database is locked".
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import sqlite_utils

from bot.clock import iso, parse_iso, utcnow
from bot.models import Deal, Source, Story
from bot.store.schema import investor_rows, migrations


class Store:
    """All reads and writes of dealbot's database. Safe to share between threads."""

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._write_lock = threading.RLock()
        migrations.apply(self.db)

    @property
    def db(self) -> sqlite_utils.Database:
        db = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 30000")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # index pages of a large database stay in memory (SQLite's default is 2 MB)
            conn.execute("PRAGMA cache_size = -32000")
            db = sqlite_utils.Database(conn)
            self._local.db = db
        return db

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction; a crash inside leaves nothing half-written."""
        with self._write_lock:
            db = self.db
            with db.atomic():
                yield db

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.conn.close()
            self._local.db = None

    # --- feeds ---------------------------------------------------------------------------

    def sync_feeds(self, feeds: list[tuple[str, str]]) -> None:
        """Make the feeds file's entries known (a feed removed by command stays removed)."""
        now = iso(utcnow())
        with self.transaction() as db:
            for url, name in feeds:
                if not db["feeds"].count_where("url = ?", [url]):
                    db["feeds"].insert(
                        {
                            "url": url,
                            "name": name,
                            "origin": "file",
                            "removed": 0,
                            "failures": 0,
                            "added_at": now,
                        }
                    )

    def add_feed(self, url: str, name: str = "") -> bool:
        """Add (or restore) a feed; False if it was already active."""
        with self.transaction() as db:
            row = next(db["feeds"].rows_where("url = ?", [url]), None)
            if row and not row["removed"]:
                return False
            db["feeds"].upsert(
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
            if not db["feeds"].count_where("url = ? and removed = 0", [url]):
                return False
            db["feeds"].update(url, {"removed": 1})
            return True

    def feeds(self) -> list[dict]:
        return list(self.db["feeds"].rows_where("removed = 0", order_by="added_at, url"))

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
            row = next(db["feeds"].rows_where("url = ?", [url]), None)
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
            db["feeds"].update(url, changes)

    # --- subscriptions (rows; bot.subscriptions turns them into filters) ---------------------

    def set_subscription(self, channel: str, filters: str, created_by: str) -> None:
        """Subscribe `channel`, replacing its filters if it already was."""
        with self.transaction() as db:
            db["subscriptions"].upsert(
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
            if not db["subscriptions"].count_where("channel = ?", [channel]):
                return False
            db["subscriptions"].delete(channel)
            return True

    def subscription_rows(self) -> list[dict]:
        return list(self.db["subscriptions"].rows_where(order_by="created_at, channel"))

    def has_post(self, deal_id: int, channel: str) -> bool:
        """Does `channel` already have (or is it posting) this deal's card?"""
        return bool(self.db["posts"].count_where("deal_id = ? and channel = ?", [deal_id, channel]))

    # --- stories -------------------------------------------------------------------------

    def known_story(self, link_key: str, guid: str | None) -> bool:
        """A story seen before by link or guid, even if its title was edited since."""
        row = self.db.execute(
            "select 1 from stories where link_key = ? "
            "union all select 1 from stories where guid = ? and ? is not null limit 1",
            [link_key, guid, guid],
        ).fetchone()
        return row is not None

    # The per-story path below uses plain SQL: sqlite-utils' table helpers re-read the schema
    # on every call, which cost more than the insert itself (see `make bench`, ingest).

    def add_story(
        self,
        db: sqlite_utils.Database,
        story: Story,
        link_key: str,
        kind: str,
        extraction: dict,
        seen: datetime,
    ) -> int:
        return _insert(
            db,
            "stories",
            {
                "link_key": link_key,
                "link": story.link,
                "guid": story.guid,
                "title": story.title,
                "summary": story.summary[:2000],
                "published": iso(story.published),
                "first_seen": iso(seen),
                "feed_url": story.feed_url,
                "outlet": story.outlet,
                "kind": kind,
                "extraction": json.dumps(extraction),
            },
        )

    # --- deals ---------------------------------------------------------------------------

    def candidate_names(self, prefix: str, start: datetime, end: datetime) -> list[tuple]:
        """(id, company_key, company) of deals in a company-prefix bucket near in time: cheap
        rows, so the matcher can drop most candidates before whole deals are read."""
        rows = self.db.execute(
            "select id, company_key, company from deals "
            "where company_prefix = ? and announced between ? and ?",
            [prefix, iso(start), iso(end)],
        )
        return rows.fetchall()

    def candidate_aliases(self, prefix: str, start: datetime, end: datetime) -> list[tuple]:
        """(deal_id, alias_key, company) of deals known by a product name in a prefix bucket
        near in time ("Cursor" for Anysphere), from the (alias_prefix, announced) index."""
        rows = self.db.execute(
            "select a.deal_id, a.alias_key, d.company from company_aliases a "
            "join deals d on d.id = a.deal_id "
            "where a.alias_prefix = ? and a.announced between ? and ?",
            [prefix, iso(start), iso(end)],
        )
        return rows.fetchall()

    def same_money_names(self, usd: float, start: datetime, end: datetime) -> list[tuple]:
        """(id, company_key, company) of deals of about this USD amount near in time: the
        last resort when a story names a company by an acronym ("SSI")."""
        rows = self.db.execute(
            "select id, company_key, company from deals where amount_usd between ? and ? "
            "and announced between ? and ? limit 50",
            [usd * 0.9, usd * 1.1, iso(start), iso(end)],
        )
        return rows.fetchall()

    def deals_by_id(self, ids: list[int]) -> list[Deal]:
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = self.db.query(f"select * from deals where id in ({marks})", list(ids))
        return [deal_from_row(r) for r in rows]

    def save_deal(
        self, db: sqlite_utils.Database, deal: Deal, *, prefix: str, announce: bool | None = None
    ) -> int:
        from bot.keys import company_key, company_keys, key_prefix

        row = deal_to_row(deal)
        row.update(company_prefix=prefix, updated_at=iso(utcnow()))
        row["titles"] = " | ".join(s.title for s in deal.sources)[:4000]
        if deal.id is None:
            row.update(created_at=iso(utcnow()), announce=int(bool(announce)))
            deal.id = _insert(db, "deals", row)
        else:
            sets = ", ".join(f"[{k}] = ?" for k in row)
            db.execute(f"update deals set {sets} where id = ?", [*row.values(), deal.id])
            db.execute("delete from deal_investors where deal_id = ?", [deal.id])
            if deal.aliases:  # merges only add aliases: none now means no rows to replace
                db.execute("delete from company_aliases where deal_id = ?", [deal.id])
        alias_keys = dict.fromkeys(k for a in deal.aliases for k in company_keys(a))
        for key in alias_keys:
            if key != deal.company_key:
                _insert(
                    db,
                    "company_aliases",
                    {
                        "deal_id": deal.id,
                        "alias_key": key,
                        "alias_prefix": key_prefix(key),
                        "announced": row["announced"],
                    },
                )
        for inv in investor_rows(
            deal.id, row["announced"], row["lead_investors"], row["investors"], company_key
        ):
            _insert(db, "deal_investors", inv)
        return deal.id

    def add_source(
        self, db: sqlite_utils.Database, deal_id: int, story_id: int, story: Story
    ) -> None:
        db.execute("update stories set deal_id = ? where id = ?", [deal_id, story_id])
        _insert(
            db,
            "deal_sources",
            {
                "deal_id": deal_id,
                "story_id": story_id,
                "outlet": story.outlet,
                "title": story.title,
                "link": story.link,
                "published": iso(story.published),
            },
            ignore=True,
        )

    def source_amounts(self, deal_id: int) -> list[float]:
        """The amounts each story of a deal reported (for "the most common amount wins")."""
        rows = self.db.query("select extraction from stories where deal_id = ?", [deal_id])
        amounts = (json.loads(r["extraction"] or "{}").get("amount") for r in rows)
        return [a for a in amounts if a is not None]

    def deal(self, deal_id: int) -> Deal | None:
        row = next(self.db["deals"].rows_where("id = ?", [deal_id]), None)
        return deal_from_row(row, self.sources(deal_id)) if row else None

    def sources(self, deal_id: int) -> list[Source]:
        return [
            Source(r["outlet"] or "", r["title"] or "", r["link"] or "", parse_iso(r["published"]))
            for r in self.db["deal_sources"].rows_where(
                "deal_id = ?", [deal_id], order_by="published, story_id"
            )
        ]

    def deals(self, *, limit: int = 100) -> list[Deal]:
        rows = self.db["deals"].rows_where(order_by="announced desc, id desc", limit=limit)
        return [deal_from_row(r, self.sources(r["id"])) for r in rows]

    def count(self, table: str) -> int:
        return self.db[table].count


def _insert(db: sqlite_utils.Database, table: str, row: dict, *, ignore: bool = False) -> int:
    columns = ", ".join(f"[{k}]" for k in row)
    marks = ", ".join("?" * len(row))
    verb = "insert or ignore" if ignore else "insert"
    cursor = db.execute(f"{verb} into [{table}] ({columns}) values ({marks})", list(row.values()))
    return cursor.lastrowid


def deal_to_row(deal: Deal) -> dict:
    return {
        "company": deal.company,
        "company_key": deal.company_key,
        "status": deal.status,
        "announced": iso(deal.announced),
        "amount": deal.amount,
        "currency": deal.currency,
        "amount_usd": deal.amount_usd,
        "round": deal.round,
        "valuation": deal.valuation,
        "valuation_currency": deal.valuation_currency,
        "location": deal.location,
        "lead_investors": json.dumps(list(deal.lead_investors)),
        "investors": json.dumps(list(deal.investors)),
        "aliases": json.dumps(list(deal.aliases)),
    }


def deal_from_row(row: dict, sources: list[Source] | None = None) -> Deal:
    return Deal(
        id=row["id"],
        company=row["company"],
        company_key=row["company_key"],
        status=row["status"],
        announced=parse_iso(row["announced"]),
        amount=row["amount"],
        currency=row["currency"],
        amount_usd=row["amount_usd"],
        round=row["round"],
        valuation=row["valuation"],
        valuation_currency=row["valuation_currency"],
        location=row["location"],
        lead_investors=tuple(json.loads(row["lead_investors"] or "[]")),
        investors=tuple(json.loads(row["investors"] or "[]")),
        aliases=tuple(json.loads(row.get("aliases") or "[]")),
        sources=sources or [],
    )
