"""The `/deal` lookup: find deals by company (forgiving spelling) or any word on the card.

User text never reaches FTS syntax raw: each word is quoted, so `"`, `*`, `NEAR(`, `OR` and
`col:x` are searched as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.match import company_key
from bot.models import Deal
from bot.store import Store, deal_from_row

MAX_QUERY = 200
LIMIT = 10


@dataclass
class SearchResult:
    message: str
    deals: list[Deal] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def fts_query(text: str) -> str | None:
    """Every word quoted (inner quotes doubled) and ANDed; None when no word is left."""
    words = re.findall(r"\w[\w.&'-]*", text[:MAX_QUERY])
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words[:12])


def search(store: Store, text: str, *, limit: int = LIMIT) -> SearchResult:
    text = (text or "").strip()[:MAX_QUERY]
    if not text:
        return SearchResult("Type a company or investor, e.g. `SenseTime` or `Alibaba`.")
    db = store.db
    key = company_key(text)
    rows = list(
        db.query(
            "select * from deals where company_key = ? order by announced desc limit ?",
            [key, limit],
        )
    ) if key else []
    if not rows:
        query = fts_query(text)
        if query:
            rows = list(
                db.query(
                    "select deals.* from deals join deals_fts on deals.rowid = deals_fts.rowid "
                    "where deals_fts match ? order by deals.announced desc limit ?",
                    [query, limit],
                )
            )
    if not rows and key:
        prefix = key[:2]
        names = [
            r["company_key"]
            for r in db.query(
                "select distinct company_key from deals where company_key >= ? and company_key < ? "
                "limit 5000",
                [prefix, prefix + "\uffff"],
            )
        ]
        best = process.extract(key, names, scorer=fuzz.ratio, limit=3, score_cutoff=80)
        if best and best[0][1] >= 88:
            rows = list(
                db.query(
                    "select * from deals where company_key = ? order by announced desc limit ?",
                    [best[0][0], limit],
                )
            )
        elif best:
            suggestions = [
                next(db.query("select company from deals where company_key = ? limit 1", [b[0]]))[
                    "company"
                ]
                for b in best
            ]
            return SearchResult(
                f"No deals found for “{text}”. Did you mean: {', '.join(suggestions)}?",
                suggestions=suggestions,
            )
    if not rows:
        return SearchResult(f"No deals found for “{text}”.")
    deals = [deal_from_row(r, store.sources(r["id"])) for r in rows]
    return SearchResult(f"{len(deals)} deal(s) for “{text}”:", deals)
