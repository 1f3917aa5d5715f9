"""The deduplicated deal feed: one entry per deal, as Atom (feedgen) and as JSON Feed 1.1 (pure).

Other readers and bots subscribe to `/deals.atom` or `/deals.json` and get each round once,
with its facts, however many outlets reported it. Text from feeds goes into Atom as text
(feedgen escapes it) and into JSON as JSON strings; nothing here is HTML.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from bot.models import Deal
from bot.render import console_card, headline, money, round_name

FEED_TITLE = "dealbot: funding rounds"
LIMIT = 50  # entries in one feed document, newest first


def _entry_id(deal: Deal) -> str:
    return f"urn:dealbot:deal:{deal.id}"


def _link(deal: Deal) -> str | None:
    return deal.sources[0].link if deal.sources else None


def facts(deal: Deal) -> dict:
    """The deal's fields, machine-readable (the JSON feed's `_dealbot` and `dealbot export`)."""
    return {
        "id": deal.id,
        "company": deal.company or None,
        "status": deal.status,
        "announced": deal.announced.date().isoformat(),
        "amount": deal.amount,
        "currency": deal.currency,
        "amount_usd": deal.amount_usd,
        "usd_basis": deal.usd_basis,
        "round": deal.round,
        "round_name": round_name(deal.round) if deal.round else None,
        "valuation": deal.valuation,
        "valuation_currency": deal.valuation_currency
        or (deal.currency if deal.valuation else None),
        "lead_investors": list(deal.lead_investors),
        "investors": list(deal.investors),
        "location": deal.location,
        "aliases": list(deal.aliases),
        "language": deal.language,
        "sources": [
            {
                "outlet": s.outlet,
                "title": s.title,
                "link": s.link,
                "published": s.published.isoformat() if s.published else None,
            }
            for s in deal.sources
        ],
    }


def _updated(deal: Deal, updated: dict[int, datetime]) -> datetime:
    return updated.get(deal.id or 0) or deal.announced


def atom(
    deals: Sequence[Deal], *, self_url: str, updated: dict[int, datetime], query: str = ""
) -> bytes:
    """An Atom document of the deals (newest first, at most LIMIT)."""
    fg = FeedGenerator()
    fg.id(self_url)
    fg.title(FEED_TITLE + (f" ({query})" if query else ""))
    fg.link(href=self_url, rel="self")
    fg.author({"name": "dealbot"})
    fg.subtitle("One entry per funding round, merged from every outlet that reported it.")
    newest = max(
        (_updated(d, updated) for d in deals), default=datetime(2000, 1, 1, tzinfo=timezone.utc)
    )
    fg.updated(newest)
    for deal in reversed(list(deals)[:LIMIT]):  # feedgen prepends: add oldest first
        entry = fg.add_entry()
        entry.id(_entry_id(deal))
        entry.title(("[rumour] " if deal.is_rumor else "") + headline(deal))
        if _link(deal):
            entry.link(href=_link(deal))
        entry.published(deal.announced)
        entry.updated(_updated(deal, updated))
        entry.content(console_card(deal), type="text")
        if deal.round:
            entry.category(term=deal.round, label=round_name(deal.round))
    return fg.atom_str(pretty=True)


def json_feed(
    deals: Sequence[Deal], *, self_url: str, updated: dict[int, datetime], query: str = ""
) -> bytes:
    """A JSON Feed 1.1 document; each item carries the deal's fields under `_dealbot`."""
    items = []
    for deal in list(deals)[:LIMIT]:
        summary = headline(deal)
        if deal.amount_usd and deal.currency not in (None, "USD"):
            summary += f" (≈ {money(deal.amount_usd, 'USD')})"
        items.append(
            {
                "id": _entry_id(deal),
                "url": _link(deal),
                "title": ("[rumour] " if deal.is_rumor else "") + headline(deal),
                "content_text": console_card(deal),
                "summary": summary,
                "date_published": deal.announced.isoformat(),
                "date_modified": _updated(deal, updated).isoformat(),
                "tags": [t for t in (deal.round, deal.location) if t],
                "_dealbot": facts(deal),
            }
        )
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": FEED_TITLE + (f" ({query})" if query else ""),
        "feed_url": self_url,
        "description": "One item per funding round, merged from every outlet that reported it.",
        "items": items,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()
