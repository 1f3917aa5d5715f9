"""The plain data that flows between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

KINDS = ("funding", "rumor", "acquisition", "ipo", "fund", "other")
DEAL_KINDS = ("funding", "rumor")
ROUNDS = (
    "pre-seed",
    "seed",
    "pre-series-a",
    *(f"series-{c}" for c in "abcdefgh"),
    "growth",
    "debt",
    "bridge",
    "convertible",
    "grant",
    "undisclosed",
)


@dataclass(frozen=True)
class Story:
    """One feed item, cleaned: plain text, canonical link, UTC time."""

    link: str
    title: str
    summary: str = ""
    content: str = ""
    published: datetime | None = None
    guid: str | None = None
    feed_url: str = ""
    outlet: str = ""


@dataclass(frozen=True)
class Extraction:
    """What a story says about a deal; every field may be unknown."""

    kind: str = "other"
    company: str | None = None
    location: str | None = None
    amount: float | None = None
    currency: str | None = None
    amount_usd: float | None = None
    round: str | None = None
    valuation: float | None = None
    valuation_currency: str | None = None
    lead_investors: tuple[str, ...] = ()
    investors: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # product names the headline ties to the company (Cursor)
    language: str = "en"  # ISO 639-1, as bot.extract.language detected it
    usd_basis: str | None = None  # the rate amount_usd used ("ECB reference rate for 2024-06-11")
    rules: tuple[tuple[str, str], ...] = ()  # (field, the named rule that chose it)
    # money added to a round already announced ("adds $60M to its Series D"): what kind
    # ("extension", "second close", "tranche", "top-up") and the round's new total if said
    addition: str | None = None
    round_total: float | None = None
    # "Airbnb raises another $1bn": new money on top of a recent round, not that round retold
    another: bool = False
    sectors: tuple[str, ...] = ()  # what the company does (bot.extract.sectors), deals only

    @property
    def is_funding(self) -> bool:
        return self.kind == "funding"

    @property
    def is_deal(self) -> bool:
        """A round to announce: named or not ("Indian insurtech raises $45M" is announced,
        titled by its headline, marked "company not named")."""
        return self.kind in DEAL_KINDS


@dataclass
class Deal:
    """A funding round as dealbot knows it, merged from one or more stories."""

    company: str
    company_key: str
    status: str  # "confirmed" or "rumor"
    announced: datetime
    amount: float | None = None
    currency: str | None = None
    amount_usd: float | None = None
    round: str | None = None
    valuation: float | None = None
    valuation_currency: str | None = None
    location: str | None = None
    lead_investors: tuple[str, ...] = ()
    investors: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # product/brand names seen for the company ("Cursor")
    language: str = "en"  # the first story's language; the card shows its original headline
    usd_basis: str | None = None  # which rate and date amount_usd used
    # money added to the round after it was announced, each (amount, currency); `amount` is
    # the round's total with them
    additions: tuple[tuple[float, str | None], ...] = ()
    sectors: tuple[str, ...] = ()  # what the company does ("fintech", "ai"), most telling first
    # fields a person corrected (bot.edit): later stories never change them
    corrected: tuple[str, ...] = ()
    removed: str | None = None  # "dismissed" (not a funding story) or "merged"
    merged_into: int | None = None  # the deal a merged one lives on in
    id: int | None = None
    sources: list[Source] = field(default_factory=list)

    @property
    def is_rumor(self) -> bool:
        return self.status == "rumor"

    @property
    def is_named(self) -> bool:
        return bool(self.company)


@dataclass(frozen=True)
class Source:
    """One story that reported a deal."""

    outlet: str
    title: str
    link: str
    published: datetime | None = None
    note: str | None = None  # what this story changed, said in its thread reply ("Extension: …")


@dataclass(frozen=True)
class Event:
    """Something publishing must show: a new deal, or a known deal with a new source."""

    kind: str  # "new" or "update"
    deal: Deal
    story: Story
    fresh: bool  # published recently enough to announce
    confirmed: bool = False  # this story turned a rumour into a confirmed round
    changed: tuple[str, ...] = ()
