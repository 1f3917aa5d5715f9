"""The `/deal` lookup: a parsed query (bot.lookup.query) → the store's indexed reads.

Every path is indexed (see bot.store.search), so answers stay fast at any size; a company name
not found exactly is matched with rapidfuzz within one prefix bucket. An FTS error still becomes
a friendly message, never a traceback.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone

from rapidfuzz import fuzz, process

from bot.clock import utcnow
from bot.keys import company_key, key_prefix
from bot.lookup import messages
from bot.lookup.query import MAX_QUERY, Query, parse
from bot.models import Deal
from bot.render import money
from bot.store import DealFilter, Store
from bot.store.search import fts_words

log = logging.getLogger(__name__)

PAGE = 10
MAX_OFFSET = 1000  # "More" pages stop somewhere; deep pages are cheap but never useful
FUZZY_ACCEPT = 88  # ratio at which "Sensetme" is taken to mean "SenseTime"
SUGGEST_CUTOFF = 60
BUCKET_LIMIT = 5000


@dataclass
class SearchResult:
    """What to tell the user; `deals` is one page, `has_more` says a "More" page exists."""

    message: str
    deals: list[Deal] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    has_more: bool = False
    offset: int = 0
    kind: str = "deals"  # "deals", "help", "roundup", "none", "error"


def search(
    store: Store,
    text: str,
    *,
    limit: int = PAGE,
    offset: int = 0,
    roundup: Callable[[Store], str] | None = None,
) -> SearchResult:
    """The whole /deal answer for `text` (help, roundup and errors included); `roundup` makes
    the text of `/deal roundup`."""
    query = parse(text)
    try:
        return run(store, query, limit=limit, offset=offset, roundup=roundup)
    except sqlite3.Error:
        log.exception("search failed for %r", text[:MAX_QUERY])
        return SearchResult(messages.SEARCH_FAILED, kind="error")


def run(
    store: Store,
    q: Query,
    *,
    limit: int = PAGE,
    offset: int = 0,
    roundup: Callable[[Store], str] | None = None,
) -> SearchResult:
    if q.command == "too_long":
        msg = messages.TOO_LONG.format(length="over " + str(MAX_QUERY), limit=MAX_QUERY)
        return SearchResult(msg + "\n\n" + messages.HELP, kind="help")
    if q.command == "roundup":
        return SearchResult(roundup_text(store, roundup), kind="roundup")
    if q.command == "help" or q.is_empty:
        prefix = _problems(q)
        return SearchResult((prefix + "\n\n" if prefix else "") + messages.HELP, kind="help")
    offset = max(0, min(offset, MAX_OFFSET))
    terms = _terms(store, q)
    if isinstance(terms, SearchResult):
        return terms
    deals, has_more = store.find_deals(_deal_filter(q, terms, limit=limit, offset=offset))
    return _answer(q, terms, deals, has_more=has_more, offset=offset)


EVERY = 100_000  # "every deal" for exports and the deal feed: a bound, never reached in use


def matching(store: Store, text: str, *, limit: int = EVERY) -> tuple[list[Deal], str | None]:
    """Every deal the /deal query `text` finds, newest first (an empty query finds them all),
    and None; or no deals and the message saying why the query cannot run. For exports and
    the deal feed, which want the deals, not an answer."""
    q = parse(text)
    if q.command == "too_long":
        return [], messages.TOO_LONG.format(length="over " + str(MAX_QUERY), limit=MAX_QUERY)
    try:
        if q.is_empty:
            return store.find_deals(DealFilter(limit=limit))[0], None
        terms = _terms(store, q)
        if isinstance(terms, SearchResult):
            return [], terms.message
        return store.find_deals(_deal_filter(q, terms, limit=limit, offset=0))[0], None
    except sqlite3.Error:
        log.exception("search failed for %r", text[:MAX_QUERY])
        return [], messages.SEARCH_FAILED


@dataclass
class _Terms:
    """What the query's company and investor words resolved to in the store."""

    company_keys: list[str] = field(default_factory=list)
    anywhere: str | None = None  # no company by that name: words searched in every story
    investor_keys: list[str] = field(default_factory=list)
    investor_words: str | None = None  # no investor by that name: a word inside names
    note: str = ""  # "Showing SenseTime for sensetme"
    suggestions: list[str] = field(default_factory=list)


def _terms(store: Store, q: Query) -> _Terms | SearchResult:
    """The query's names resolved (exact, then fuzzy, then full text); a name with no word to
    search for is answered at once."""
    terms = _Terms()
    if q.text:
        terms.company_keys, fuzzy_name, terms.suggestions = resolve_company(store, q.text)
        if terms.company_keys and fuzzy_name:
            terms.note = messages.FUZZY_NOTE.format(text=q.text, name=fuzzy_name) + "\n"
        elif not terms.company_keys:
            if not fts_words(q.text):
                return _none(q, messages.NOTHING_TO_SEARCH.format(text=q.text))
            terms.anywhere = q.text
    if q.investor:
        terms.investor_keys = store.investor_keys(q.investor)
        if not terms.investor_keys:  # a word inside a name ("Horowitz"): the full-text index
            if not fts_words(q.investor):
                return _none(q, messages.NOTHING_TO_SEARCH.format(text=q.investor))
            terms.investor_words = q.investor
    return terms


def _deal_filter(q: Query, terms: _Terms, *, limit: int, offset: int) -> DealFilter:
    return DealFilter(
        company_keys=tuple(terms.company_keys),
        anywhere=terms.anywhere,
        investor_keys=tuple(terms.investor_keys),
        investor_words=terms.investor_words,
        rounds=tuple(q.rounds),
        since=datetime.combine(q.since, time(), timezone.utc) if q.since else None,
        min_usd=q.min_usd,
        top=q.top,
        top_since=utcnow() - timedelta(days=q.top_days) if q.top and q.top_days else None,
        sectors=q.sectors,
        not_sectors=q.not_sectors,
        not_rounds=q.not_rounds,
        not_words=q.not_words,
        rumours=q.rumours,
        limit=limit,
        offset=offset,
    )


def _answer(
    q: Query, terms: _Terms, deals: list[Deal], *, has_more: bool, offset: int
) -> SearchResult:
    """The reply's words around the deals found: a count, a page, or "did you mean"."""
    what = _describe(q)
    if not deals:
        if terms.suggestions:
            text = messages.DID_YOU_MEAN.format(what=what, names=", ".join(terms.suggestions))
            return SearchResult(
                _problems_line(q) + text, suggestions=terms.suggestions, kind="none"
            )
        return _none(q, messages.NO_MATCH.format(what=what))
    if has_more or offset:
        head = messages.FOUND_MORE.format(first=offset + 1, last=offset + len(deals), what=what)
    else:
        head = messages.FOUND.format(count=len(deals), s="" if len(deals) == 1 else "s", what=what)
    return SearchResult(
        _problems_line(q) + terms.note + head, deals, has_more=has_more, offset=offset
    )


def resolve_company(store: Store, text: str) -> tuple[list[str], str | None, list[str]]:
    """Company keys meant by `text`: (keys, name when matched fuzzily, suggestions)."""
    key = company_key(text)
    if key and store.has_company(key):
        return [key], None, []
    keys = store.company_keys_named(text)
    if keys:
        return keys, None, []
    if len(key) < 3:
        return [], None, []
    names = store.company_bucket(key_prefix(key), BUCKET_LIMIT)
    best = process.extract(key, names, scorer=fuzz.ratio, limit=3, score_cutoff=SUGGEST_CUTOFF)
    if best and best[0][1] >= FUZZY_ACCEPT and len(key) >= 4:
        return [best[0][0]], display_name(store, best[0][0]), []
    return [], None, [display_name(store, b[0]) for b in best]


def display_name(store: Store, key: str) -> str:
    return store.company_name(key) or key


def roundup_text(store: Store, roundup: Callable[[Store], str] | None) -> str:
    """The last 7 days' roundup for the asker; if building it fails, /deal still answers."""
    if roundup is not None:
        try:
            return roundup(store)
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
        _leave_out(q),
    )


def _leave_out(q: Query) -> tuple[str, ...]:
    parts = [f"sector {' or '.join(q.sectors)}"] if q.sectors else []
    parts += [f"not {s}" for s in (*q.not_sectors, *q.not_rounds)]
    parts += [f"without “{w}”" for w in q.not_words]
    if q.rumours:
        parts.append("no rumours" if q.rumours == "no" else "rumours only")
    return tuple(parts)


def _problems(q: Query) -> str:
    return messages.CANT_READ.format(problems="; ".join(q.errors)) if q.errors else ""


def _problems_line(q: Query) -> str:
    p = _problems(q)
    return p + " Searching with the rest.\n" if p else ""


def _none(q: Query, text: str) -> SearchResult:
    return SearchResult(_problems_line(q) + text, kind="none")
