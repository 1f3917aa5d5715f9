"""Corrections as labelled examples: what people fixed becomes evaluation data.

One JSON line per story of each corrected deal, in the format of tests/data/headlines (title,
summary, link, published, expected with every field), plus which fields a person corrected
and who, so a maintainer can read them and add them to the evaluation set
(`make eval LABELS=file`). A deal dismissed as not a funding story is labelled kind "other";
a deal merged into another is exported as the deal it lives on in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from bot.models import Deal
from bot.store import Store


def expected(deal: Deal) -> dict:
    """The label a story of this deal should get, as tests/data labels spell it."""
    if deal.removed == "dismissed":
        return {"kind": "other"}
    return {
        "kind": "rumor" if deal.is_rumor else "funding",
        "company": deal.company or None,
        "location": deal.location,
        "amount": deal.amount,
        "currency": deal.currency,
        "round": deal.round,
        "valuation": deal.valuation,
        "lead_investors": list(deal.lead_investors),
        "investors": list(deal.investors),
    }


def labelled_examples(store: Store, *, since: datetime | None = None) -> Iterator[dict]:
    """The examples, one per story, for deals corrected since `since` (every deal once)."""
    rows = store.corrections(since=since)
    by_deal: dict[int, list[dict]] = {}
    for row in rows:
        deal = store.deal(row["deal_id"])
        deal = store.survivor(deal) if deal is not None else None
        if deal is not None and deal.id is not None:
            by_deal.setdefault(deal.id, []).append(row)
    for deal_id, changes in by_deal.items():
        deal = store.deal(deal_id)
        if deal is None:
            continue
        who = sorted({c["user"] or "?" for c in changes})
        notes = [c["note"] for c in changes if c["note"]]
        corrected = list(dict.fromkeys(c["field"] for c in changes))
        last = max(c["at"] for c in changes)
        for text in store.story_texts(deal_id):
            yield {
                "title": text["title"],
                "summary": text["summary"],
                "link": text["link"],
                "published": text["published"],
                "expected": expected(deal),
                "corrected": corrected,
                "source": f"corrected in dealbot by {', '.join(who)}, {last[:10]}"
                + (f": {'; '.join(notes)}" if notes else ""),
            }


def write_jsonl(examples: Iterator[dict], out) -> int:
    """Write the examples as JSON lines; how many."""
    n = 0
    for example in examples:
        out.write(json.dumps(example, ensure_ascii=False) + "\n")
        n += 1
    return n
