"""The `/deal` lookup: parsed query (bot.query) → indexed SQL over the deals table.

Every path is indexed, so answers stay fast at any size: a company goes through
`company_key` (exact), then FTS5 on the company column (aliases such as "Anysphere (Cursor)"),
then rapidfuzz over one `company_prefix` bucket; investors go through FTS5. User text never
reaches FTS syntax raw: we keep only word tokens and quote each, so `"`, `*`, `NEAR(`, `OR`
and `col:x` are plain text. An FTS error still becomes a friendly message, never a traceback.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone

from rapidfuzz import fuzz, process

from bot.clock import iso
from bot.keys import company_key, key_prefix
from bot.lookup import messages
from bot.lookup.query import MAX_QUERY, Query, parse
from bot.models import Deal
from bot.render import money
from bot.store.core import Store, deal_from_row

log = logging.getLogger(__name__)

PAGE = 10
MAX_OFFSET = 1000  # "More" pages stop somewhere; deep pages are cheap but never useful
FUZZY_ACCEPT = 88  # ratio at which "Sensetme" is taken to mean "SenseTime"
SUGGEST_CUTOFF = 60
BUCKET_LIMIT = 5000
MAX_WORDS = 12


@dataclass
class SearchResult:
    """What to tell the user; `deals` is one page, `has_more` says a "More" page exists."""

    message: str
    deals: list[Deal] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    has_more: bool = False
    offset: int = 0
    kind: str = "deals"  # "deals", "help", "roundup", "none", "error"


def fts_words(text: str) -> list[str]:
    """Word tokens as FTS5's unicode61 tokenizer sees them; everything else is dropped."""
    return re.findall(r"\w+", text[:MAX_QUERY])[:MAX_WORDS]


def fts_query(text: str, columns: tuple[str, ...] = (), *, phrase: bool = False) -> str | None:
    """Quoted words (ANDed, or one phrase), optionally limited to columns; None if no word."""
    words = fts_words(text)
    if not words:
        return None
    body = ('"' + " ".join(words) + '"') if phrase else " ".join(f'"{w}"' for w in words)
    return f"{{{' '.join(columns)}}} : ({body})" if columns else body


def search(store: Store, text: str, *, limit: int = PAGE, offset: int = 0) -> SearchResult:
    """The whole /deal answer for `text` (help, roundup and errors included)."""
    query = parse(text)
    try:
        return run(store, query, limit=limit, offset=offset)
    except sqlite3.Error:
        log.exception("search failed for %r", text[:MAX_QUERY])
        return SearchResult(messages.SEARCH_FAILED, kind="error")


def run(store: Store, q: Query, *, limit: int = PAGE, offset: int = 0) -> SearchResult:
    if q.command == "too_long":
        msg = messages.TOO_LONG.format(length="over " + str(MAX_QUERY), limit=MAX_QUERY)
        return SearchResult(msg + "\n\n" + messages.HELP, kind="help")
    if q.command == "roundup":
        return SearchResult(roundup_text(store), kind="roundup")
    if q.command == "help" or q.is_empty:
        prefix = _problems(q)
        return SearchResult((prefix + "\n\n" if prefix else "") + messages.HELP, kind="help")
    offset = max(0, min(offset, MAX_OFFSET))
    what = _describe(q)
    where: list[str] = []
    params: list[object] = []
    note = ""
    if q.text:
        keys, fuzzy_name, suggestions = resolve_company(store, q.text)
        if keys:
            where.append(f"deals.company_key in ({', '.join('?' * len(keys))})")
            params += keys
            if fuzzy_name:
                note = messages.FUZZY_NOTE.format(text=q.text, name=fuzzy_name) + "\n"
        else:
            anywhere = fts_query(q.text)
            if anywhere is None:
                return _none(q, messages.NOTHING_TO_SEARCH.format(text=q.text))
            where.append("deals.id in (select rowid from deals_fts where deals_fts match ?)")
            params.append(anywhere)
    else:
        suggestions = []
    source = "deals"
    order = (
        "deals.amount_usd desc, deals.announced desc"
        if q.top
        else "deals.announced desc, deals.id desc"
    )
    if q.investor:
        keys = investor_keys(store, q.investor)
        if keys:
            # walk the (investor_key, announced) index newest first and stop at the page
            marks = ", ".join("?" * len(keys))
            source = (
                "(select distinct d.* from deal_investors i join deals d on d.id = i.deal_id "
                f"where i.investor_key in ({marks})) as deals"
                if len(keys) > 1
                else "deal_investors i join deals on deals.id = i.deal_id"
            )
            if len(keys) == 1:
                where.append("i.investor_key = ?")
                if not q.top:
                    order = "i.announced desc, deals.id desc"
            params = [*keys, *params] if len(keys) > 1 else [*params, *keys]
        else:  # a word inside a name ("Horowitz"): the full-text index
            match = fts_query(q.investor, ("lead_investors", "investors"), phrase=True)
            if match is None:
                return _none(q, messages.NOTHING_TO_SEARCH.format(text=q.investor))
            where.append("deals.id in (select rowid from deals_fts where deals_fts match ?)")
            params.append(match)
    if q.rounds:
        where.append(f"deals.round in ({', '.join('?' * len(q.rounds))})")
        params += list(q.rounds)
    if q.since:
        where.append("deals.announced >= ?")
        params.append(iso(datetime.combine(q.since, time(), timezone.utc)))
    if q.top:
        start = datetime.now(timezone.utc) - timedelta(days=q.top_days or 0)
        if q.top_days:
            where.append("deals.announced >= ?")
            params.append(iso(start))
        where.append("deals.amount_usd is not null")
    if q.min_usd is not None:
        where.append("deals.amount_usd >= ?")
        params.append(q.min_usd)
    sql = (
        f"select deals.* from {source} where {' and '.join(where)} "
        f"order by {order} limit ? offset ?"
    )
    rows = list(store.db.query(sql, [*params, limit + 1, offset]))
    has_more = len(rows) > limit
    rows = rows[:limit]
    if not rows:
        if suggestions:
            text = messages.DID_YOU_MEAN.format(what=what, names=", ".join(suggestions))
            return SearchResult(_problems_line(q) + text, suggestions=suggestions, kind="none")
        return _none(q, messages.NO_MATCH.format(what=what))
    deals = [deal_from_row(r, store.sources(r["id"])) for r in rows]
    if has_more or offset:
        head = messages.FOUND_MORE.format(first=offset + 1, last=offset + len(deals), what=what)
    else:
        head = messages.FOUND.format(count=len(deals), s="" if len(deals) == 1 else "s", what=what)
    return SearchResult(_problems_line(q) + note + head, deals, has_more=has_more, offset=offset)


def investor_keys(store: Store, text: str) -> list[str]:
    """Normalised investor names meant by `text`: the exact one, else a few that start with it
    ("Sequoia" → "sequoiacapital", "sequoiachina"); an index range, never a scan."""
    key = company_key(text)
    if not key:
        return []
    db = store.db
    if next(db.query("select 1 from deal_investors where investor_key = ? limit 1", [key]), None):
        return [key]
    if len(key) < 4:
        return []
    rows = db.query(
        "select distinct investor_key from deal_investors where investor_key > ? "
        "and investor_key < ? limit 8",
        [key, key + "\uffff"],
    )
    return [r["investor_key"] for r in rows]


def resolve_company(store: Store, text: str) -> tuple[list[str], str | None, list[str]]:
    """Company keys meant by `text`: (keys, name when matched fuzzily, suggestions)."""
    db = store.db
    key = company_key(text)
    if key and next(db.query("select 1 from deals where company_key = ? limit 1", [key]), None):
        return [key], None, []
    alias = fts_query(text, ("company",), phrase=True)
    if alias:
        keys = [
            r["company_key"]
            for r in db.query(
                "select distinct company_key from deals where rowid in "
                "(select rowid from deals_fts where deals_fts match ? limit 200) limit 5",
                [alias],
            )
        ]
        if keys:
            return keys, None, []
    if len(key) < 3:
        return [], None, []
    bucket = db.execute(  # plain tuples: a big bucket as dicts costs more than the fuzzing
        "select distinct company_key from deals where company_prefix = ? limit ?",
        [key_prefix(key), BUCKET_LIMIT],
    )
    names = [r[0] for r in bucket.fetchall()]
    best = process.extract(key, names, scorer=fuzz.ratio, limit=3, score_cutoff=SUGGEST_CUTOFF)
    if best and best[0][1] >= FUZZY_ACCEPT and len(key) >= 4:
        return [best[0][0]], display_name(store, best[0][0]), []
    return [], None, [display_name(store, b[0]) for b in best]


def display_name(store: Store, key: str) -> str:
    row = next(
        store.db.query(
            "select company from deals where company_key = ? order by announced desc limit 1", [key]
        ),
        None,
    )
    return row["company"] if row else key


def roundup_text(store: Store) -> str:
    """The last 7 days' roundup for the asker; if building it fails, /deal still answers."""
    from bot.roundup import select as roundup

    try:
        return roundup.render_text(roundup.load(store, end=datetime.now(timezone.utc), days=7))
    except Exception:  # a roundup bug must not break /deal
        log.exception("roundup failed")
    return messages.ROUNDUP_UNAVAILABLE


def _describe(q: Query) -> str:
    return messages.describe(
        q.text,
        q.investor,
        q.rounds,
        q.since.isoformat() if q.since else None,
        money(q.min_usd, "USD") if q.min_usd is not None else None,
        q.top_days if q.top else None,
    )


def _problems(q: Query) -> str:
    return messages.CANT_READ.format(problems="; ".join(q.errors)) if q.errors else ""


def _problems_line(q: Query) -> str:
    p = _problems(q)
    return p + " Searching with the rest.\n" if p else ""


def _none(q: Query, text: str) -> SearchResult:
    return SearchResult(_problems_line(q) + text, kind="none")
