"""Corrections applied to the store: fix fields, dismiss, merge two deals, split one.

Each operation runs in one write transaction and reads the deal inside it, so two people
correcting one deal at once queue: the second sees the first's result (a field both changed
ends as the last one wrote it, and both log rows stay). Slack is not touched here; the caller
refreshes the cards with what these return (bot.publish.refresh).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, replace
from typing import Any, cast

from bot.clock import parse_iso, utcnow
from bot.edit.fields import LABELS, shown
from bot.extract.engine import extract
from bot.extract.rates import usd_at
from bot.keys import company_keys, fold_leads_and_investors, investor_key, key_prefix
from bot.match.merge import keep_corrections, merge, new_deal
from bot.models import Deal, Extraction, Story
from bot.store import Store


class EditError(Exception):
    """A correction that cannot be made (unknown deal, a deal merged away, …): the message
    is fit to show the person who asked."""


@dataclass(frozen=True)
class Change:
    """One field changed, as the thread note and the log show it."""

    field: str
    before: str
    after: str

    def said(self) -> str:
        name = LABELS.get(self.field, self.field).lower()
        return f"{name} {self.before or '—'} → {self.after or '—'}"


def live_deal(store: Store, deal_id: int) -> Deal:
    """The deal, or an EditError saying why it cannot be corrected."""
    deal = store.deal(deal_id)
    if deal is None:
        raise EditError(f"There is no deal {deal_id}.")
    if deal.removed == "merged":
        raise EditError(f"Deal {deal_id} was merged into deal {deal.merged_into}: fix that one.")
    if deal.removed == "dismissed":
        raise EditError(f"Deal {deal_id} was removed as not a funding story.")
    return deal


def with_values(deal: Deal, values: dict[str, object]) -> Deal:
    """The deal with corrected fields (pure): names keyed again, the USD figure recomputed at
    the deal's date. (edit() locks the fields that really changed.)"""
    changes: dict[str, Any] = {}
    for name, value in values.items():
        if name == "amount":
            amount, currency = cast(tuple[float | None, str | None], value)
            usd, basis = usd_at(amount, currency, deal.announced.date())
            changes.update(
                amount=amount, currency=currency, amount_usd=usd, usd_basis=basis, additions=()
            )
        elif name == "valuation":
            changes["valuation"], changes["valuation_currency"] = value  # type: ignore[misc]
        elif name == "company":
            keys = company_keys(str(value))
            changes.update(company=value, company_key=keys[0] if keys else "")
            if deal.company and keys and keys[0] != deal.company_key:  # the old name finds it
                changes["aliases"] = tuple(dict.fromkeys((*deal.aliases, deal.company)))
        else:
            changes[name] = value
    leads = changes.get("lead_investors", deal.lead_investors)
    if "lead_investors" in values or "investors" in values:
        others = changes.get("investors")
        if others is None:
            others = tuple(n for n in deal.investors if n not in deal.lead_investors)
        # a person's spelling is kept ("Alibaba Group"): one name per investor, leads first
        changes["lead_investors"] = _once(leads)
        changes["investors"] = _once([*leads, *others])
    return replace(deal, **changes)


def _once(names) -> tuple[str, ...]:
    """Names once each by investor key, in the order given."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(investor_key(name) or name, name)
    return tuple(seen.values())


def edit(
    store: Store,
    deal_id: int,
    values: dict[str, object],
    *,
    user: str,
    note: str | None = None,
    team_id: str | None = None,
) -> tuple[Deal, list[Change]]:
    """Apply the fields a person changed; returns the deal and what actually changed (a field
    set to what it already says changes nothing and is not logged)."""
    with store.transaction() as db:
        deal = live_deal(store, deal_id)
        after = with_values(deal, values)
        changes = [
            Change(name, shown(deal, name), shown(after, name))
            for name in values
            if shown(deal, name) != shown(after, name)
        ]
        if not changes and not note:
            return deal, []
        after = replace(
            after, corrected=tuple(dict.fromkeys((*deal.corrected, *(c.field for c in changes))))
        )
        store.save_deal(db, after, prefix=key_prefix(after.company_key))
        rows = [
            {"field": c.field, "before": c.before, "after": c.after, "user": user, "note": note}
            for c in changes
        ] or [{"field": "note", "before": "", "after": "", "user": user, "note": note}]
        store.log_corrections(db, deal_id, rows, team_id=team_id)
    return after, changes


def dismiss(store: Store, deal_id: int, *, user: str, team_id: str | None = None) -> Deal:
    """Not a funding story: the deal leaves answers and roundups, and stories of it that come
    later join it quietly instead of bringing it back."""
    with store.transaction() as db:
        deal = live_deal(store, deal_id)
        gone = replace(deal, removed="dismissed")
        store.save_deal(db, gone, prefix=key_prefix(gone.company_key))
        store.set_removed_by(db, deal_id, user)
        store.log_corrections(
            db,
            deal_id,
            [{"field": "kind", "before": "funding", "after": "other", "user": user}],
            team_id=team_id,
        )
    return gone


def merge_deals(
    store: Store, deal_id: int, into_id: int, *, user: str, team_id: str | None = None
) -> Deal:
    """Two cards of one round become one: `deal_id`'s sources move to `into_id`, which keeps
    its own values and fills what it lacks from the other (its corrected fields stay as they
    are); the other deal is marked merged and points at the survivor."""
    if deal_id == into_id:
        raise EditError("A deal cannot be merged into itself.")
    with store.transaction() as db:
        gone, survivor = live_deal(store, deal_id), live_deal(store, into_id)
        merged = fill_from(survivor, gone)
        story_ids = [r["story_id"] for r in store.source_rows(deal_id)]
        store.save_deal(db, merged, prefix=key_prefix(merged.company_key))
        if story_ids:
            store.move_sources(db, story_ids, into_id, moved_from=deal_id)
        store.save_deal(
            db,
            replace(gone, removed="merged", merged_into=into_id),
            prefix=key_prefix(gone.company_key),
        )
        store.set_removed_by(db, deal_id, user)
        store.set_sources_posted(db, into_id)
        store.log_corrections(
            db,
            deal_id,
            [{"field": "merged_into", "before": "", "after": str(into_id), "user": user}],
            team_id=team_id,
        )
    return store.deal(into_id) or merged


def fill_from(survivor: Deal, other: Deal) -> Deal:
    """The survivor of a merge (pure): what it lacks comes from the other deal, investors are
    the union, the other's company name is kept as an alias; corrected fields never change."""
    locked = set(survivor.corrected)
    changes: dict[str, Any] = {}
    for name in ("round", "location"):
        if getattr(survivor, name) is None and name not in locked:
            changes[name] = getattr(other, name)
    if survivor.amount is None and "amount" not in locked and other.amount is not None:
        changes.update(
            amount=other.amount,
            currency=other.currency,
            amount_usd=other.amount_usd,
            usd_basis=other.usd_basis,
            additions=other.additions,
        )
    if survivor.valuation is None and "valuation" not in locked:
        changes.update(valuation=other.valuation, valuation_currency=other.valuation_currency)
    if not locked & {"lead_investors", "investors"}:
        changes["lead_investors"], changes["investors"] = fold_leads_and_investors(
            [*survivor.lead_investors, *other.lead_investors],
            [*survivor.investors, *other.investors],
        )
    if not survivor.company and other.company and "company" not in locked:
        changes.update(company=other.company, company_key=other.company_key)
    elif other.company and other.company_key != survivor.company_key:
        changes["aliases"] = tuple(dict.fromkeys((*survivor.aliases, other.company)))
    if other.status == "confirmed":
        changes["status"] = "confirmed"
    return replace(survivor, **changes)


def split(
    store: Store, deal_id: int, story_ids: list[int], *, user: str, team_id: str | None = None
) -> tuple[Deal, Deal]:
    """Stories that report another round leave the deal: they become their own deal, or, when
    they are exactly the stories a merge brought in, the merged deal comes back as it was.
    Both deals are read again from their stories; fields people corrected stay corrected.
    Returns (the deal left, the deal the stories went to)."""
    with store.transaction() as db:
        deal = live_deal(store, deal_id)
        rows = store.source_rows(deal_id)
        chosen = [r for r in rows if r["story_id"] in set(story_ids)]
        rest = [r for r in rows if r["story_id"] not in set(story_ids)]
        if not chosen:
            raise EditError("Pick at least one story of this deal to split off.")
        if not rest:
            raise EditError("A split must leave at least one story with the deal.")
        origins = {r["moved_from"] for r in chosen}
        back = store.deal(origins.pop()) if len(origins) == 1 and None not in origins else None
        if back is not None and back.removed == "merged" and back.merged_into == deal_id:
            other = replace(back, removed=None, merged_into=None)  # the merge undone
            store.save_deal(db, other, prefix=key_prefix(other.company_key))
            other_id = back.id or 0
        else:
            other = rebuilt(chosen)
            other_id = store.save_deal(
                db, other, prefix=key_prefix(other.company_key), announce=True
            )
            other.id = other_id
        store.move_sources(db, [r["story_id"] for r in chosen], other_id, moved_from=None)
        left = keep_corrected(rebuilt(rest, deal.announced), deal)
        store.save_deal(db, left, prefix=key_prefix(left.company_key))
        store.set_sources_posted(db, deal_id)
        store.log_corrections(
            db,
            deal_id,
            [
                {
                    "field": "split",
                    "before": json.dumps(sorted(story_ids)),
                    "after": str(other_id),
                    "user": user,
                }
            ],
            team_id=team_id,
        )
    return store.deal(deal_id) or left, store.deal(other_id) or other


def keep_corrected(rebuilt_deal: Deal, deal: Deal) -> Deal:
    """A deal read again from its stories, with its id, state and corrected fields kept."""
    return replace(
        keep_corrections(rebuilt_deal, deal),
        id=deal.id,
        corrected=deal.corrected,
        removed=deal.removed,
        merged_into=deal.merged_into,
    )


def rebuilt(rows: list[dict], announced=None) -> Deal:
    """A deal read again from its source rows, oldest story first, as the pipeline would have
    built it (a story pruned since is read again from its title)."""
    deal: Deal | None = None
    for row in rows:
        story = Story(
            row["link"] or "",
            row["title"] or "",
            summary=row.get("summary") or "",
            published=parse_iso(row["published"]),
            outlet=row["outlet"] or "",
        )
        found = stored_extraction(row.get("extraction")) or extract(story.title, story.summary)
        if found.kind not in ("funding", "rumor"):
            found = replace(found, kind="funding")  # a person put it in this deal
        if deal is None:
            deal = new_deal(found, story, story.published or announced or utcnow())
        else:
            deal = merge(deal, found, story)
    assert deal is not None  # callers pass at least one row
    return deal


def stored_extraction(text: str | None) -> Extraction | None:
    """The Extraction the pipeline stored as JSON (lists back to tuples)."""
    if not text:
        return None
    data = json.loads(text)
    names = {f.name for f in dataclasses.fields(Extraction)}
    values = {k: v for k, v in data.items() if k in names}
    for k, v in values.items():
        if isinstance(v, list):
            values[k] = tuple(tuple(x) if isinstance(x, list) else x for x in v)
    return Extraction(**values)
