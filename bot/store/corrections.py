"""People's corrections: the corrections log, removed and merged deals, moving stories.

Everything a correction writes goes through `transaction()` like the pipeline's writes, so two
people fixing one deal at once queue one behind the other: the last write wins and both log
rows stay.
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils

from bot.clock import iso, utcnow
from bot.models import Deal
from bot.store.base import insert_row
from bot.store.deals import DealRows


class CorrectionRows(DealRows):
    def log_corrections(
        self,
        db: sqlite_utils.Database,
        deal_id: int,
        rows: list[dict],
        *,
        team_id: str | None = None,
    ) -> None:
        """One row per field changed; `texts` keeps the stories the deal was read from, so an
        exported correction is a labelled example even after the stories are pruned."""
        texts = json.dumps(self.story_texts(deal_id), ensure_ascii=False)
        at = iso(utcnow())
        for row in rows:
            insert_row(
                db,
                "corrections",
                {"deal_id": deal_id, "at": at, "texts": texts, "team_id": team_id, **row},
            )

    def survivor(self, deal: Deal) -> Deal:
        """The deal a merged one lives on in (people merge cards of one round from Slack)."""
        for _ in range(20):  # a chain of merges; never a loop, but never trust that
            if deal.removed != "merged" or deal.merged_into is None:
                break
            deal = self.deal(deal.merged_into) or deal
        return deal

    def corrections(self, *, since: datetime | None = None) -> list[dict]:
        """The corrections log, oldest first (indexed on `at`)."""
        return list(
            self.db.query(
                "select * from corrections where at >= ? order by at, id",
                [iso(since) if since else ""],
            )
        )

    def deal_corrections(self, deal_id: int) -> list[dict]:
        return list(
            self.db.query("select * from corrections where deal_id = ? order by id", [deal_id])
        )

    def story_texts(self, deal_id: int) -> list[dict]:
        """Title, summary, link, outlet and date of each story of a deal (stories pruned by
        age fall back to the source row: its title and link)."""
        rows = self.db.query(
            "select s.title, coalesce(t.summary, '') as summary, s.link, s.outlet, s.published "
            "from deal_sources s left join stories t on t.id = s.story_id "
            "where s.deal_id = ? order by s.story_id",
            [deal_id],
        )
        return [dict(r) for r in rows]

    def source_rows(self, deal_id: int) -> list[dict]:
        """A deal's source rows with their story's stored extraction (None once pruned)."""
        return list(
            self.db.query(
                "select s.*, t.extraction, t.summary from deal_sources s "
                "left join stories t on t.id = s.story_id where s.deal_id = ? "
                "order by s.published, s.story_id",
                [deal_id],
            )
        )

    def move_sources(
        self,
        db: sqlite_utils.Database,
        story_ids: list[int],
        to_deal: int,
        *,
        moved_from: int | None,
    ) -> None:
        """Sources (and their stories) now belong to `to_deal`; `moved_from` remembers the deal
        a merge took them from (None: they are home again)."""
        marks = ", ".join("?" * len(story_ids))
        db.execute(
            f"update deal_sources set deal_id = ?, moved_from = ? where story_id in ({marks})",
            [to_deal, moved_from, *story_ids],
        )
        db.execute(f"update stories set deal_id = ? where id in ({marks})", [to_deal, *story_ids])

    def posted_cards(self, deal_id: int) -> list[dict]:
        """Every channel's posted card of a deal."""
        return list(
            self.db.query(
                "select * from posts where deal_id = ? and status = 'posted' order by channel",
                [deal_id],
            )
        )

    def set_removed_by(self, db: sqlite_utils.Database, deal_id: int, user: str) -> None:
        db.execute("update deals set removed_by = ? where id = ?", [user, deal_id])

    def set_sources_posted(self, db: sqlite_utils.Database, deal_id: int) -> None:
        """Cards of a deal now show all its sources (after a merge or split said so itself)."""
        db.execute(
            "update posts set sources_posted = (select count(*) from deal_sources s where "
            "s.deal_id = ?), updated_at = ? where deal_id = ?",
            [deal_id, iso(utcnow()), deal_id],
        )
