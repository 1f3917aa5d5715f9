"""Folding a story into a deal: a new deal from its first story, or a known deal updated.

Pure functions over dataclasses. Confirmed beats rumour, unknown fields get filled, and the most
common amount across sources wins.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, datetime

from bot.extract.rates import to_usd, usd_at
from bot.keys import company_key, company_keys, fold_leads_and_investors
from bot.match.same import amounts_compatible, same_company
from bot.models import Deal, Extraction, Source, Story


def new_deal(found: Extraction, story: Story, when: datetime) -> Deal:
    keys = company_keys(found.company or "")
    leads, investors = fold_leads_and_investors(found.lead_investors, found.investors)
    amount, usd = found.amount, found.amount_usd
    additions: tuple[tuple[float, str | None], ...] = ()
    if found.addition and found.amount:
        # the first we hear of this round is money added to it: the card shows the round's
        # total when the story says it, and a second outlet's report adds nothing again
        if found.round_total and found.round_total != found.amount:
            usd = usd * found.round_total / found.amount if usd else None
            amount = found.round_total
        if found.round_total != found.amount:  # else the figure is the total, not the addition
            additions = ((found.amount, found.currency),)
    return Deal(
        company=found.company or "",
        company_key=keys[0] if keys else "",
        status="rumor" if found.kind == "rumor" else "confirmed",
        announced=when,
        amount=amount,
        currency=found.currency,
        amount_usd=usd,
        round=found.round,
        valuation=found.valuation,
        valuation_currency=found.valuation_currency,
        location=found.location,
        lead_investors=leads,
        investors=investors,
        aliases=_aliases(found.aliases, keys[:1]),
        language=found.language,
        usd_basis=found.usd_basis,
        additions=additions,
        sectors=found.sectors,
        sources=[_source(story)],
    )


def _source(story: Story) -> Source:
    return Source(story.outlet, story.title, story.link, story.published)


def merge(
    deal: Deal, found: Extraction, story: Story, amounts_seen: list[float] | None = None
) -> Deal:
    """The deal with a new story folded in: confirmed beats rumour, unknown fields get filled.

    Amounts: a confirmation replaces a rumoured figure; otherwise the most common figure across
    sources wins, and on a tie the first one stays.
    """
    confirming = deal.is_rumor and found.kind == "funding"
    amount, currency, usd, basis = deal.amount, deal.currency, deal.amount_usd, deal.usd_basis
    found_money = (found.amount, found.currency, found.amount_usd, found.usd_basis)
    additions = deal.additions
    if found.addition and deal.amount is not None:
        amount, usd, additions = _grown(deal, found, (story.published or deal.announced).date())
    elif deal.additions:
        pass  # the round grew since: an older report of its first amount does not shrink it
    elif found.amount is not None:
        if amount is None or confirming:
            amount, currency, usd, basis = found_money
        elif amounts_seen:
            counts = Counter(round(a, -3) for a in [*amounts_seen, found.amount])
            top, n = counts.most_common(1)[0]
            if n > counts[round(amount, -3)] and top == round(found.amount, -3):
                amount, currency, usd, basis = found_money
    valuation, val_currency = deal.valuation, deal.valuation_currency
    if found.valuation is not None and (valuation is None or confirming):
        valuation, val_currency = found.valuation, found.valuation_currency
    company, key = deal.company, deal.company_key
    found_keys = company_keys(found.company or "")
    alias_keys = {k for a in found.aliases for k in company_keys(a)}
    if found_keys and key in alias_keys and not any(same_company(k, key) for k in found_keys):
        # the deal was named by a product ("Cursor developer ..."): the maker's name wins
        company, key = found.company or company, found_keys[0]
    elif found_keys and not key:
        # the deal's stories did not name the company ("Indian insurtech raises $45M"); this does
        company, key = found.company or company, found_keys[0]
    renamed = (deal.company,) if key != deal.company_key else ()
    leads, investors = fold_leads_and_investors(
        [*deal.lead_investors, *found.lead_investors], [*deal.investors, *found.investors]
    )
    aliases = _aliases((*deal.aliases, *renamed, *found.aliases), [key])
    merged = replace(
        deal,
        company=company,
        company_key=key,
        aliases=aliases,
        status="confirmed" if found.kind == "funding" else deal.status,
        announced=story.published if confirming and story.published else deal.announced,
        amount=amount,
        currency=currency,
        amount_usd=usd,
        usd_basis=basis,
        additions=additions,
        round=deal.round or found.round,
        valuation=valuation,
        valuation_currency=val_currency,
        location=deal.location or found.location,
        lead_investors=leads,
        investors=investors,
        sectors=deal.sectors or found.sectors,
        sources=[*deal.sources, _source(story)],
    )
    return keep_corrections(merged, deal)


# what each correctable field covers: a corrected amount keeps its currency and USD figure too
_CORRECTED_COVERS = {
    "amount": ("amount", "currency", "amount_usd", "usd_basis", "additions"),
    "valuation": ("valuation", "valuation_currency"),
    "company": ("company", "company_key"),
    "lead_investors": ("lead_investors", "investors"),
    "investors": ("lead_investors", "investors"),
}


def keep_corrections(merged: Deal, deal: Deal) -> Deal:
    """A field a person corrected never changes with a later story (bot.edit)."""
    kept = {
        name: getattr(deal, name)
        for field in deal.corrected
        for name in _CORRECTED_COVERS.get(field, (field,))
        if name in Deal.__dataclass_fields__
    }
    return replace(merged, **kept) if kept else merged


def _grown(deal: Deal, found: Extraction, day: date) -> tuple[float | None, float | None, tuple]:
    """The round's amount, USD figure and additions once an extension is folded in.

    The round's total is what the story says it now is ("bringing the round to $600M"), else
    the old total plus the added money, in the deal's currency (converted at the story's day's
    rate when the story uses another currency). An addition already folded in (a second outlet
    reporting the same extension) changes nothing, and a round never shrinks: a smaller
    "total" is a misreading.
    """
    unchanged = deal.amount, deal.amount_usd, deal.additions
    if deal.amount is None or found.amount is None:
        return unchanged
    rate = deal.amount_usd / deal.amount if deal.amount_usd else None  # USD per deal unit
    per_unit = found.amount_usd / found.amount if found.amount_usd else None
    rate_then = usd_at(1.0, deal.currency, day)[0]  # the deal's currency on the story's day

    def local(value: float) -> float | None:
        """`value` in the story's currency, in the deal's."""
        if found.currency in (None, deal.currency):
            return value
        return value * per_unit / rate_then if per_unit and rate_then else None

    added: float | None = found.amount
    if found.round_total == found.amount:
        added = None  # "Series D extended to $750M": the figure is the total, not the addition
    if added is not None and any(_same_money(a, c, found) for a, c in deal.additions):
        return unchanged  # this extension is already in
    if found.round_total is not None:
        total = local(found.round_total)
    else:
        grows = local(found.amount)
        total = deal.amount + grows if grows is not None else None
    if total is None or total <= deal.amount * 1.0001:
        return unchanged
    if added is None:
        addition = (total - deal.amount, deal.currency)
    else:
        addition = (added, found.currency)
    return total, total * rate if rate else deal.amount_usd, (*deal.additions, addition)


def _same_money(amount: float, currency: str | None, found: Extraction) -> bool:
    if currency == found.currency:
        return amounts_compatible(amount, found.amount)
    return amounts_compatible(to_usd(amount, currency), found.amount_usd)


def _aliases(names: tuple[str, ...], company_keys_: list[str]) -> tuple[str, ...]:
    """Names once each (by key), leaving out any that is the company itself."""
    seen = set(company_keys_)
    out = []
    for name in names:
        k = company_key(name)
        if k and k not in seen:
            seen.add(k)
            out.append(name)
    return tuple(out)


def changed_fields(before: Deal, after: Deal) -> list[str]:
    """Which card fields a merge changed (for "updated: valuation, investors")."""
    names = (
        "company",  # a deal first named by its product ("Cursor") takes the maker's name
        "status",
        "amount",
        "round",
        "valuation",
        "location",
        "lead_investors",
        "investors",
    )
    return [n for n in names if getattr(before, n) != getattr(after, n)]
