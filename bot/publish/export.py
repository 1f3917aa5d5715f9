"""Deals out, for spreadsheets and other tools: CSV, JSON or JSON lines, one row per deal (pure).

Every field, the USD equivalent and the rate it used, the sources and the links to the deal's
cards in Slack. A CSV cell that a spreadsheet would run as a formula (a feed's title starting
with "=", "+", "-" or "@") is written with a leading apostrophe, so opening an export never
runs a stranger's formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from bot.models import Deal
from bot.publish.dealfeed import facts

FORMATS = ("csv", "json", "ndjson")
COLUMNS = (
    "id",
    "company",
    "status",
    "announced",
    "amount",
    "currency",
    "amount_usd",
    "usd_basis",
    "round",
    "valuation",
    "valuation_currency",
    "lead_investors",
    "investors",
    "location",
    "aliases",
    "language",
    "source_count",
    "outlets",
    "source_links",
    "card_links",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row(deal: Deal, cards: Sequence[str] = ()) -> dict:
    """One deal as a flat record (lists kept as lists; CSV joins them)."""
    out = facts(deal)
    sources = out.pop("sources")
    out.pop("round_name")
    out.update(
        source_count=len(sources),
        outlets=list(dict.fromkeys(s["outlet"] for s in sources if s["outlet"])),
        source_links=[s["link"] for s in sources],
        card_links=list(cards),
        sources=sources,
    )
    return out


def _cell(value: object) -> object:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else value


def to_csv(rows: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: _cell(r.get(k)) for k in COLUMNS})
    return buffer.getvalue()


def to_json(rows: Iterable[dict]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n"


def to_ndjson(rows: Iterable[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def render(rows: Iterable[dict], fmt: str) -> str:
    """The rows in `fmt` (one of FORMATS)."""
    return {"csv": to_csv, "json": to_json, "ndjson": to_ndjson}[fmt](rows)


def card_link(workspace_url: str | None, channel_id: str, ts: str) -> str:
    """A card's permalink as Slack builds it (workspace URL, channel, ts without its dot)."""
    base = (workspace_url or "https://slack.com/").rstrip("/")
    return f"{base}/archives/{channel_id}/p{ts.replace('.', '')}"


def export_rows(store, deals: Sequence[Deal], workspace_url: str | None = None) -> list[dict]:
    """Rows for the deals, each with links to its cards in every channel that has one."""
    out = []
    for deal in deals:
        cards = [
            card_link(workspace_url, p.get("channel_id") or p["channel"], p["ts"])
            for p in store.posted_cards(deal.id or 0)
        ]
        out.append(row(deal, cards))
    return out
