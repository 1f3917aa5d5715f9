"""Words and numbers as people read them: "$600M", "Series C", and the console card."""

from __future__ import annotations

from bot.extract.language import NAMES
from bot.extract.rates import RATES_DATE
from bot.models import Deal

_SYMBOL = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "INR": "₹",
    "JPY": "¥",
    "CNY": "RMB ",
    "CAD": "C$",
    "AUD": "A$",
    "SGD": "S$",
    "HKD": "HK$",
    "CHF": "CHF ",
}


def money(amount: float | None, currency: str | None) -> str:
    """600000000, "USD" → "$600M"; 1000000000, "INR" → "₹100 crore"."""
    if amount is None:
        return "undisclosed"
    if currency == "INR" and amount >= 1e7:
        return f"₹{_trim(amount / 1e7)} crore"
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if amount >= scale:
            text = f"{_trim(amount / scale)}{suffix}"
            break
    else:
        text = _trim(amount)
    prefix = _SYMBOL.get(currency or "", "")
    return f"{prefix}{text}" if prefix else f"{text} {currency or ''}".strip()


def _trim(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text


def amount_line(deal: Deal) -> str:
    """The amount, with its USD equivalent when it was converted (and the rate's date)."""
    text = money(deal.amount, deal.currency)
    if deal.amount is not None and deal.currency not in (None, "USD") and deal.amount_usd:
        basis = deal.usd_basis or f"dealbot's table of {RATES_DATE}"
        text += f" (≈ {money(deal.amount_usd, 'USD')} at the {basis})"
    if deal.additions:
        added = ", ".join(f"+{money(a, c)}" for a, c in deal.additions)
        earlier = sum(a for a, c in deal.additions if c == deal.currency)
        if deal.amount is not None and earlier >= deal.amount * 0.999:
            text += " added to an earlier round"  # the round's first amount was not reported
        else:
            text += f", including {added} added to the round later"
    return text


def round_name(value: str | None) -> str:
    if not value:
        return "round undisclosed"
    if value.startswith("series-"):
        return "Series " + value[-1].upper()
    return {"pre-series-a": "Pre-Series A", "pre-seed": "Pre-seed"}.get(value, value.capitalize())


NOT_NAMED = "company not named"
_SECTOR_NAMES = {"ai": "AI", "hr": "HR", "edtech": "Edtech", "proptech": "Proptech"}


def sector_name(sector: str) -> str:
    """ "ai" → "AI", "fintech" → "Fintech"."""
    return _SECTOR_NAMES.get(sector, sector.capitalize())


def sectors_line(deal: Deal) -> str | None:
    return ", ".join(sector_name(s) for s in deal.sectors) or None


def headline(deal: Deal) -> str:
    """ "SenseTime raises $600M Series C" (or "reportedly raising" for a rumour); a deal whose
    company the story does not name is titled by the story's own headline."""
    if not deal.is_named:
        title = deal.sources[0].title if deal.sources else "A funding round"
        return f"{title} ({NOT_NAMED})"
    verb = "reportedly raising" if deal.is_rumor else "raises"
    parts = [deal.company, verb]
    if deal.amount is not None:
        parts.append(money(deal.amount, deal.currency))
    if deal.round:
        parts.append(round_name(deal.round))
    return " ".join(parts)


def valuation(deal: Deal) -> str | None:
    if deal.valuation is None:
        return None
    return money(deal.valuation, deal.valuation_currency or deal.currency)


def console_card(deal: Deal) -> str:
    """A readable plain-text card for console mode."""
    lines = [("⚠ RUMOUR, not confirmed: " if deal.is_rumor else "") + headline(deal)]
    rows = [
        ("Company", deal.company or NOT_NAMED),
        ("Amount", amount_line(deal)),
        ("Round", round_name(deal.round)),
        ("Valuation", valuation(deal)),
        ("Lead", ", ".join(deal.lead_investors) or None),
        ("Investors", ", ".join(deal.investors) or None),
        ("Location", deal.location),
        ("Sectors", sectors_line(deal)),
    ]
    lines += [f"  {k + ':':11s}{v}" for k, v in rows if v]
    original = original_headline(deal)
    if original:
        lines.append(f"  {'Original:':11s}{original}")
    for s in deal.sources:
        when = s.published.date().isoformat() if s.published else ""
        lines.append(f"  Source:    {s.outlet} {when} — {s.link}")
    return "\n".join(lines)


def original_headline(deal: Deal) -> str | None:
    """ "Chinese: 月之暗面完成超10亿美元融资": the first story's own words, for a story not in
    English (the card's facts are in English; the headline stays as the outlet wrote it)."""
    if deal.language == "en" or not deal.sources:
        return None
    return f"{NAMES.get(deal.language, deal.language)}: {deal.sources[0].title}"


def growth_note(before: Deal, after: Deal) -> str | None:
    """What a story changed that its thread reply should say: money added to the round, or the
    company's name for a deal first reported without one."""
    notes = []
    if after.company_key and not before.company_key:
        notes.append(f"This story names the company: {after.company}.")
    if len(after.additions) > len(before.additions):
        added, currency = after.additions[-1]
        into = f"the {round_name(after.round)}" if after.round else "the round"
        total = money(after.amount, after.currency)
        notes.append(f"Money added: +{money(added, currency)} to {into}, now {total} in all.")
    return " ".join(notes) or None
