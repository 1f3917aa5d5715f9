"""The weekly roundup: the period's deals at a glance. Selection and text are pure functions.

Rounds with unknown amounts are counted but not ranked; rumours are listed apart so a reader
never mistakes one for a closed round.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.models import Deal
from bot.render import headline, money, round_name
from bot.store import Store, deal_from_row, iso

TOP = 10


@dataclass(frozen=True)
class Roundup:
    start: datetime
    end: datetime
    deals: int
    total_usd: float
    top: tuple[Deal, ...]
    by_round: tuple[tuple[str, int, float], ...]  # round, count, total USD
    investors: tuple[tuple[str, int], ...]
    rumours: tuple[Deal, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return self.deals == 0 and not self.rumours


def select(deals: list[Deal], start: datetime, end: datetime) -> Roundup:
    """Summarise the deals announced in [start, end)."""
    period = [d for d in deals if start <= d.announced < end]
    confirmed = [d for d in period if not d.is_rumor]
    rumours = tuple(sorted((d for d in period if d.is_rumor), key=_size, reverse=True)[:5])
    ranked = sorted((d for d in confirmed if d.amount_usd), key=_size, reverse=True)
    rounds: dict[str, list[float]] = defaultdict(list)
    for d in confirmed:
        rounds[d.round or "undisclosed"].append(d.amount_usd or 0.0)
    by_round = tuple(
        sorted(((r, len(v), sum(v)) for r, v in rounds.items()), key=lambda x: (-x[2], -x[1], x[0]))
    )
    counter: Counter[str] = Counter()
    names: dict[str, str] = {}
    for d in confirmed:
        for name in dict.fromkeys(d.investors or d.lead_investors):
            counter[name.lower()] += 1
            names.setdefault(name.lower(), name)
    investors = tuple(
        (names[k], n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])) if n > 1
    )[:5]
    return Roundup(
        start=start,
        end=end,
        deals=len(confirmed),
        total_usd=sum(d.amount_usd or 0.0 for d in confirmed),
        top=tuple(ranked[:TOP]),
        by_round=by_round,
        investors=investors,
        rumours=rumours,
    )


def _size(deal: Deal) -> float:
    return deal.amount_usd or 0.0


def load(store: Store, *, end: datetime, days: int = 7) -> Roundup:
    """Read the period's deals from the store (indexed on announced) and select."""
    start = end - timedelta(days=days)
    rows = store.db.query(
        "select * from deals where announced >= ? and announced < ?", [iso(start), iso(end)]
    )
    deals = [deal_from_row(r, store.sources(r["id"])) for r in rows]
    return select(deals, start, end)


def render_text(r: Roundup) -> str:
    """The roundup as plain text (console, and the fallback text of the Slack message)."""
    span = f"{r.start:%b %d} – {(r.end - timedelta(seconds=1)):%b %d, %Y}"
    if r.empty:
        return f"Funding roundup, {span}: a quiet week — no new deals reported."
    lines = [
        f"Funding roundup, {span}: {r.deals} deals, {money(r.total_usd, 'USD')} raised in total"
    ]
    if r.top:
        lines.append("\nBiggest rounds:")
        for n, d in enumerate(r.top, 1):
            extra = [round_name(d.round)]
            if d.valuation:
                extra.append(f"valued at {money(d.valuation, d.valuation_currency or d.currency)}")
            if d.lead_investors:
                extra.append("led by " + ", ".join(d.lead_investors))
            link = f" — {d.sources[0].link}" if d.sources else ""
            lines.append(f"{n:2d}. {headline(d)} ({'; '.join(extra)}){link}")
    if r.by_round:
        lines.append("\nBy round:")
        for name, count, total in r.by_round:
            lines.append(
                f"  {round_name(name if name != 'undisclosed' else None)}: {count} "
                f"({money(total, 'USD') if total else 'amounts undisclosed'})"
            )
    if r.investors:
        lines.append("\nMost active investors: " + ", ".join(f"{n} ({c})" for n, c in r.investors))
    if r.rumours:
        lines.append("\nReported, not confirmed:")
        lines += [f"  • {headline(d)}" for d in r.rumours]
    return "\n".join(lines)
