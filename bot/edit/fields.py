"""What a person typed into "Fix this deal", read into deal fields (pure).

Amounts go through the extraction's own money parser, so "$620M", "€1.2bn" and "Rs 500 crore"
mean in a correction what they mean in a headline. Every field is checked on its own and a bad
one is named with a message fit to show beside it, so the person can fix that field alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.money import find_money
from bot.models import ROUNDS, Deal
from bot.render import money, round_name

# the fields a person may correct, in the order the form shows them
EDITABLE = (
    "company",
    "amount",
    "round",
    "valuation",
    "lead_investors",
    "investors",
    "location",
)
LABELS = {
    "company": "Company",
    "amount": "Amount",
    "round": "Round",
    "valuation": "Valuation",
    "lead_investors": "Lead investors",
    "investors": "Other investors",
    "location": "Location",
}
NAME_MAX = 120  # one company, investor or place name
NAMES_MAX = 30  # investors in one field
CLEAR = {"", "-", "none", "undisclosed", "unknown", "n/a"}


@dataclass(frozen=True)
class Parsed:
    """The fields read from a form: `values` holds what the deal should now say (a money field
    is (amount, currency)); `errors` holds a message per field that could not be read."""

    values: dict[str, object]
    errors: dict[str, str]


def shown(deal: Deal, name: str) -> str:
    """A field as the form prefills it, in the words parse_fields reads back."""
    if name == "amount":
        return money(deal.amount, deal.currency) if deal.amount is not None else ""
    if name == "valuation":
        if deal.valuation is None:
            return ""
        return money(deal.valuation, deal.valuation_currency or deal.currency)
    if name == "lead_investors":
        return ", ".join(deal.lead_investors)
    if name == "investors":  # the others: the form asks for leads and other investors apart
        return ", ".join(n for n in deal.investors if n not in deal.lead_investors)
    if name == "round":
        return deal.round or ""
    return str(getattr(deal, name) or "")


def parse_money(text: str) -> tuple[float, str | None] | None:
    """ "$620M" → (620e6, "USD"); None unless the whole text is one amount."""
    text = text.strip().rstrip(".")
    found = find_money(text, bare=True)
    if len(found) != 1:
        return None
    m = found[0]
    if text[: m.start].strip() or text[m.end :].strip():
        return None
    return m.amount, m.currency


def _name(text: str) -> str | None:
    """One name: no control characters or Slack markup, not too long."""
    name = " ".join(text.split())
    if len(name) > NAME_MAX or re.search(r"[\x00-\x1f<>]", name):
        return None
    return name


def _names(text: str) -> tuple[str, ...] | None:
    parts = [p for p in re.split(r"\s*[,;\n]\s*", text.strip()) if p.strip()]
    names = [_name(p) for p in parts]
    if len(names) > NAMES_MAX or any(n is None for n in names):
        return None
    return tuple(dict.fromkeys(n for n in names if n))


def parse_fields(form: dict[str, str]) -> Parsed:
    """Read each field of `form` (field name → text); fields not in the form are left out."""
    values: dict[str, object] = {}
    errors: dict[str, str] = {}
    for name, raw in form.items():
        if name not in EDITABLE:
            continue
        text = (raw or "").strip()
        if name in ("amount", "valuation"):
            if text.lower() in CLEAR:
                values[name] = (None, None)
                continue
            parsed = parse_money(text)
            if parsed is None:
                errors[name] = "Not an amount: write it like $620M, €1.2bn or Rs 500 crore."
            else:
                values[name] = parsed
        elif name == "round":
            key = text.lower().replace(" ", "-")
            if text.lower() in CLEAR - {"undisclosed"}:
                values[name] = None
            elif key in ROUNDS:
                values[name] = key
            else:
                errors[name] = "Pick one of: " + ", ".join(round_name(r) for r in ROUNDS) + "."
        elif name in ("lead_investors", "investors"):
            names = _names(text)
            if names is None:
                errors[name] = (
                    f"Names separated by commas: at most {NAMES_MAX}, each under "
                    f"{NAME_MAX} characters, no < or >."
                )
            else:
                values[name] = names
        else:  # company, location
            value = _name(text)
            if value is None:
                errors[name] = f"One name under {NAME_MAX} characters, no < or >."
            elif name == "company" and not value:
                errors[name] = "A deal needs its company: write the name."
            else:
                values[name] = value or None
    return Parsed(values, errors)
