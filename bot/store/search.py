"""The reads behind `/deal`: deals by company, investor, round, date and size, all indexed.

A company goes through `company_key` (exact), then FTS5 on the company column (aliases such as
"Anysphere (Cursor)"), then one `company_prefix` bucket for fuzzy matching (done by the caller);
investors through the `deal_investors` index, FTS5 as the fallback. User text never reaches FTS
syntax raw: only word tokens are kept and each is quoted, so `"`, `*`, `NEAR(`, `OR` and `col:x`
are plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.clock import iso, parse_iso
from bot.keys import investor_key
from bot.models import Deal
from bot.store.deals import DealRows, deal_from_row

MAX_TEXT = 500  # characters of user text looked at (the query parser allows no more)
MAX_WORDS = 12


def fts_words(text: str) -> list[str]:
    """Word tokens as FTS5's unicode61 tokenizer sees them; everything else is dropped."""
    return re.findall(r"\w+", text[:MAX_TEXT])[:MAX_WORDS]


def fts_query(text: str, columns: tuple[str, ...] = (), *, phrase: bool = False) -> str | None:
    """Quoted words (ANDed, or one phrase), optionally limited to columns; None if no word."""
    words = fts_words(text)
    if not words:
        return None
    body = ('"' + " ".join(words) + '"') if phrase else " ".join(f'"{w}"' for w in words)
    return f"{{{' '.join(columns)}}} : ({body})" if columns else body


@dataclass(frozen=True)
class DealFilter:
    """Which deals, in which order, which page. Empty fields do not filter."""

    company_keys: tuple[str, ...] = ()
    anywhere: str | None = None  # words that must appear in some column (full text)
    investor_keys: tuple[str, ...] = ()
    investor_words: str | None = None  # a phrase inside an investor name (full text)
    rounds: tuple[str, ...] = ()
    since: datetime | None = None
    min_usd: float | None = None
    top: bool = False  # biggest first, and only deals with a known amount
    top_since: datetime | None = None
    sectors: tuple[str, ...] = ()
    not_sectors: tuple[str, ...] = ()
    not_rounds: tuple[str, ...] = ()
    not_words: tuple[str, ...] = ()
    rumours: str = ""  # "", "no" or "only"
    limit: int = 10
    offset: int = 0


class SearchRows(DealRows):
    def find_deals(self, f: DealFilter) -> tuple[list[Deal], bool]:
        """One page of deals matching `f`, and whether another page exists."""
        where: list[str] = ["deals.removed is null"]  # not dismissed, not merged away
        params: list[object] = []
        if f.company_keys:
            where.append(f"deals.company_key in ({', '.join('?' * len(f.company_keys))})")
            params += f.company_keys
        elif f.anywhere is not None:
            where.append("deals.id in (select rowid from deals_fts where deals_fts match ?)")
            params.append(fts_query(f.anywhere) or '""')
        source = "deals"
        order = (
            "deals.amount_usd desc, deals.announced desc"
            if f.top
            else "deals.announced desc, deals.id desc"
        )
        keys = list(f.investor_keys)
        if len(keys) > 1:
            # one deal once, whichever of its investors matched
            marks = ", ".join("?" * len(keys))
            source = (
                "(select distinct d.* from deal_investors i join deals d on d.id = i.deal_id "
                f"where i.investor_key in ({marks})) as deals"
            )
            params = [*keys, *params]
        elif keys:
            # walk the (investor_key, announced) index newest first and stop at the page
            source = "deal_investors i join deals on deals.id = i.deal_id"
            where.append("i.investor_key = ?")
            params.append(keys[0])
            if not f.top:
                order = "i.announced desc, deals.id desc"
        elif f.investor_words is not None:
            match = fts_query(f.investor_words, ("lead_investors", "investors"), phrase=True)
            where.append("deals.id in (select rowid from deals_fts where deals_fts match ?)")
            params.append(match or '""')
        if f.rounds:
            where.append(f"deals.round in ({', '.join('?' * len(f.rounds))})")
            params += f.rounds
        if f.since:
            where.append("deals.announced >= ?")
            params.append(iso(f.since))
        if f.top:
            if f.top_since:
                where.append("deals.announced >= ?")
                params.append(iso(f.top_since))
            where.append("deals.amount_usd is not null")
        if f.min_usd is not None:
            where.append("deals.amount_usd >= ?")
            params.append(f.min_usd)
        self._exclusions(f, where, params)
        sql = (
            f"select deals.* from {source} where {' and '.join(where)} "
            f"order by {order} limit ? offset ?"
        )
        rows = list(self.db.query(sql, [*params, f.limit + 1, f.offset]))
        deals = [deal_from_row(r, self.sources(r["id"])) for r in rows[: f.limit]]
        return deals, len(rows) > f.limit

    @staticmethod
    def _exclusions(f: DealFilter, where: list[str], params: list[object]) -> None:
        """Sectors wanted and not, rounds and words left out, rumours or not."""
        if f.sectors:
            marks = ", ".join("?" * len(f.sectors))
            where.append(
                f"deals.id in (select deal_id from deal_sectors where sector in ({marks}))"
            )
            params += f.sectors
        if f.not_sectors:
            marks = ", ".join("?" * len(f.not_sectors))
            where.append(
                f"deals.id not in (select deal_id from deal_sectors where sector in ({marks}))"
            )
            params += f.not_sectors
        if f.not_rounds:
            marks = ", ".join("?" * len(f.not_rounds))
            where.append(f"(deals.round is null or deals.round not in ({marks}))")
            params += f.not_rounds
        for word in f.not_words:
            query = fts_query(word)
            if query:
                where.append(
                    "deals.id not in (select rowid from deals_fts where deals_fts match ?)"
                )
                params.append(query)
        if f.rumours == "no":
            where.append("deals.status != 'rumor'")
        elif f.rumours == "only":
            where.append("deals.status = 'rumor'")

    def updated_at(self, ids: list[int]) -> dict[int, datetime]:
        """When each deal last changed (a new source, a correction): the deal feed's dates."""
        out: dict[int, datetime] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for deal_id, when in self.db.execute(
                f"select id, updated_at from deals where id in ({marks})", chunk
            ):
                parsed = parse_iso(when)
                if parsed is not None:
                    out[deal_id] = parsed
        return out

    def investor_keys(self, text: str) -> list[str]:
        """Normalised investor names meant by `text`: the exact one, else a few that start with
        it ("Sequoia" → "sequoiacapital", "sequoiachina"); an index range, never a scan."""
        key = investor_key(text)
        if not key:
            return []
        found = self.db.execute(
            "select 1 from deal_investors where investor_key = ? limit 1", [key]
        ).fetchone()
        if found:
            return [key]
        if len(key) < 4:
            return []
        rows = self.db.execute(
            "select distinct investor_key from deal_investors where investor_key > ? "
            "and investor_key < ? limit 8",
            [key, key + "\uffff"],
        )
        return [r[0] for r in rows.fetchall()]

    def has_company(self, key: str) -> bool:
        row = self.db.execute("select 1 from deals where company_key = ? limit 1", [key])
        return row.fetchone() is not None

    def company_keys_named(self, text: str) -> list[str]:
        """Company keys whose name holds `text` as a phrase (full text: "Cursor" finds
        "Anysphere (Cursor)"); at most five."""
        match = fts_query(text, ("company",), phrase=True)
        if match is None:
            return []
        rows = self.db.execute(
            "select distinct company_key from deals where rowid in "
            "(select rowid from deals_fts where deals_fts match ? limit 200) limit 5",
            [match],
        )
        return [r[0] for r in rows.fetchall()]

    def company_bucket(self, prefix: str, limit: int) -> list[str]:
        """Company keys in one prefix bucket, from a covering index, as plain strings: a big
        bucket as dicts costs more than the fuzzy matching that follows."""
        rows = self.db.execute(
            "select distinct company_key from deals where company_prefix = ? limit ?",
            [prefix, limit],
        )
        return [r[0] for r in rows.fetchall()]

    def company_name(self, key: str) -> str | None:
        """The company's name as its latest deal spells it."""
        row = self.db.execute(
            "select company from deals where company_key = ? order by announced desc limit 1",
            [key],
        ).fetchone()
        return row[0] if row else None
