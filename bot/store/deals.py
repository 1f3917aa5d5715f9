"""Stories, deals, their sources and indexes: what the pipeline writes and everyone reads.

The per-story path uses plain SQL: sqlite-utils' table helpers re-read the schema on every call,
which cost more than the insert itself (see `make bench`, ingest).
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils

from bot.clock import iso, parse_iso, utcnow
from bot.keys import company_keys, investor_key, key_prefix
from bot.models import Deal, Source, Story
from bot.store.base import StoreBase, insert_row
from bot.store.schema import investor_rows


class DealRows(StoreBase):
    def known_story(self, link_key: str, guid: str | None) -> bool:
        """A story seen before by link or guid, even if its title was edited since."""
        row = self.db.execute(
            "select 1 from stories where link_key = ? "
            "union all select 1 from stories where guid = ? and ? is not null limit 1",
            [link_key, guid, guid],
        ).fetchone()
        return row is not None

    def add_story(
        self,
        db: sqlite_utils.Database,
        story: Story,
        link_key: str,
        kind: str,
        extraction: dict,
        seen: datetime,
    ) -> int:
        return insert_row(
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
            "select id, company_key, company from deals indexed by idx_deals_announced_amount_usd"
            " where announced between ? and ? and amount_usd between ? and ? limit 50",
            [iso(start), iso(end), usd * 0.9, usd * 1.1],
        )
        return rows.fetchall()

    def deal_of_link(self, key: str) -> int | None:
        """The deal a story (by its link key) reported, if dealbot knows it."""
        row = self.db.execute(
            "select deal_id from stories where link_key = ? and deal_id is not null limit 1", [key]
        ).fetchone()
        return row[0] if row else None

    def last_poll(self) -> str | None:
        """When a feed was last fetched successfully (the App Home says it to admins)."""
        row = self.db.execute("select max(last_success) from feeds").fetchone()
        return row[0] if row else None

    def deals_by_id(self, ids: list[int]) -> list[Deal]:
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = self.db.query(f"select * from deals where id in ({marks})", list(ids))
        return [deal_from_row(r) for r in rows]

    def save_deal(
        self, db: sqlite_utils.Database, deal: Deal, *, prefix: str, announce: bool | None = None
    ) -> int:
        row = deal_to_row(deal)
        row.update(company_prefix=prefix, updated_at=iso(utcnow()))
        row["titles"] = " | ".join(s.title for s in deal.sources)[:4000]
        created = deal.id is None
        if created:
            row.update(created_at=iso(utcnow()), announce=int(bool(announce)))
            deal.id = insert_row(db, "deals", row)
        else:
            sets = ", ".join(f"[{k}] = ?" for k in row)
            db.execute(f"update deals set {sets} where id = ?", [*row.values(), deal.id])
            db.execute("delete from deal_investors where deal_id = ?", [deal.id])
            if deal.aliases:  # merges only add aliases: none now means no rows to replace
                db.execute("delete from company_aliases where deal_id = ?", [deal.id])
        alias_keys = dict.fromkeys(k for a in deal.aliases for k in company_keys(a))
        for key in alias_keys:
            if key != deal.company_key:
                insert_row(
                    db,
                    "company_aliases",
                    {
                        "deal_id": deal.id,
                        "alias_key": key,
                        "alias_prefix": key_prefix(key),
                        "announced": row["announced"],
                    },
                )
        if not created:  # a new deal has no sector rows to replace
            db.execute("delete from deal_sectors where deal_id = ?", [deal.id])
        for sector in deal.sectors:
            insert_row(
                db,
                "deal_sectors",
                {"deal_id": deal.id, "sector": sector, "announced": row["announced"]},
                ignore=True,
            )
        for inv in investor_rows(
            deal.id, row["announced"], row["lead_investors"], row["investors"], investor_key
        ):
            insert_row(db, "deal_investors", inv)
        assert deal.id is not None  # set above for a new deal
        return deal.id

    def add_source(
        self,
        db: sqlite_utils.Database,
        deal_id: int,
        story_id: int,
        story: Story,
        *,
        note: str | None = None,
    ) -> None:
        db.execute("update stories set deal_id = ? where id = ?", [deal_id, story_id])
        insert_row(
            db,
            "deal_sources",
            {
                "deal_id": deal_id,
                "story_id": story_id,
                "outlet": story.outlet,
                "title": story.title,
                "link": story.link,
                "published": iso(story.published),
                "note": note,
            },
            ignore=True,
        )

    def prune_stories(self, before: datetime, *, batch: int = 5000) -> int:
        """Delete stories first seen before `before`, a batch per transaction (a poll waits
        at most one batch); deals, their sources (outlet, title, link) and posts stay. Then
        the freed pages go back to the file system (incremental vacuum)."""
        deleted = 0
        while True:
            with self.transaction() as db:
                cursor = db.execute(
                    "delete from stories where id in (select id from stories where "
                    "first_seen < ? limit ?)",
                    [iso(before), batch],
                )
            deleted += cursor.rowcount
            if cursor.rowcount < batch:
                break
        self._give_back_space()
        return deleted

    def _give_back_space(self) -> None:
        """Incremental vacuum; a database made before it was switched on is switched once
        (a full VACUUM, as SQLite requires)."""
        conn = self.db.conn
        if conn.execute("pragma auto_vacuum").fetchone()[0] != 2:
            conn.execute("pragma auto_vacuum = incremental")
            conn.execute("vacuum")
        conn.execute("pragma incremental_vacuum")

    def source_amounts(self, deal_id: int) -> list[float]:
        """The amounts each story of a deal reported (for "the most common amount wins")."""
        rows = self.db.query("select extraction from stories where deal_id = ?", [deal_id])
        amounts = (json.loads(r["extraction"] or "{}").get("amount") for r in rows)
        return [a for a in amounts if a is not None]

    def deal(self, deal_id: int) -> Deal | None:
        row = next(self.db.table("deals").rows_where("id = ?", [deal_id]), None)
        return deal_from_row(row, self.sources(deal_id)) if row else None

    def sources(self, deal_id: int) -> list[Source]:
        return [
            source_from_row(r)
            for r in self.db.table("deal_sources").rows_where(
                "deal_id = ?", [deal_id], order_by="published, story_id"
            )
        ]

    def deals(self, *, limit: int = 100, live: bool = False) -> list[Deal]:
        """The newest deals; `live`: only those people have not removed or merged away."""
        rows = self.db.table("deals").rows_where(
            "removed is null" if live else None, order_by="announced desc, id desc", limit=limit
        )
        return [deal_from_row(r, self.sources(r["id"])) for r in rows]

    def deals_between(self, start: datetime, end: datetime) -> list[Deal]:
        """Deals announced in [start, end), with their sources (indexed on announced)."""
        rows = self.db.query(
            "select * from deals where announced >= ? and announced < ? and removed is null",
            [iso(start), iso(end)],
        )
        return [deal_from_row(r, self.sources(r["id"])) for r in rows]

    def deal_created_at(self, deal_id: int) -> str | None:
        """When dealbot first stored the deal (not when it was announced)."""
        row = self.db.execute("select created_at from deals where id = ?", [deal_id]).fetchone()
        return row[0] if row else None

    def deal_texts(self, deal_id: int | None) -> list[str]:
        """The titles and summaries of every story stored for a deal (stories.deal_id is
        indexed): what channel keywords are matched against."""
        if deal_id is None:
            return []
        rows = self.db.query("select title, summary from stories where deal_id = ?", [deal_id])
        return [t for r in rows for t in (r["title"], r["summary"]) if t]

    def sources_in_order(self, deal_id: int) -> list[Source]:
        """Sources in the order they were stored, so "the first n" is stable across cycles."""
        rows = self.db.table("deal_sources").rows_where(
            "deal_id = ?", [deal_id], order_by="story_id"
        )
        return [source_from_row(r) for r in rows]

    def unposted_deals(self, channel: str, since: datetime) -> list[int]:
        """Announceable deals since `since` with no post row in `channel` (indexed on the date)."""
        rows = self.db.execute(
            "select id from deals d where announced >= ? and announce = 1 and removed is null "
            "and not exists "
            "(select 1 from posts p where p.deal_id = d.id and p.channel = ?) order by id",
            [iso(since), channel],
        )
        return [r[0] for r in rows.fetchall()]


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
        "language": deal.language,
        "usd_basis": deal.usd_basis,
        "additions": json.dumps([list(a) for a in deal.additions]),
        "corrected": json.dumps(list(deal.corrected)),
        "sectors": json.dumps(list(deal.sectors)),
        "removed": deal.removed,
        "merged_into": deal.merged_into,
    }


def deal_from_row(row: dict, sources: list[Source] | None = None) -> Deal:
    return Deal(
        id=row["id"],
        company=row["company"],
        company_key=row["company_key"],
        status=row["status"],
        announced=parse_iso(row["announced"]) or utcnow(),  # always set when stored
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
        language=row.get("language") or "en",
        usd_basis=row.get("usd_basis"),
        additions=tuple((float(a), c) for a, c in json.loads(row.get("additions") or "[]")),
        corrected=tuple(json.loads(row.get("corrected") or "[]")),
        sectors=tuple(json.loads(row.get("sectors") or "[]")),
        removed=row.get("removed"),
        merged_into=row.get("merged_into"),
        sources=sources or [],
    )


def source_from_row(row: dict) -> Source:
    return Source(
        row["outlet"] or "",
        row["title"] or "",
        row["link"] or "",
        parse_iso(row["published"]),
        note=row.get("note"),
    )
