"""The weekly roundup's selection: the period's deals ranked and totalled (pure, except load).

Rounds with unknown amounts are counted but not ranked; rumours are listed apart so a reader
never mistakes one for a closed round.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.keys import fold_investors, investor_key
from bot.models import Deal
from bot.store import Store

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
    by_sector: tuple[tuple[str, int, float], ...] = ()  # sector, count, total USD

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
    sectors: dict[str, list[float]] = defaultdict(list)
    for d in confirmed:
        for sector in d.sectors[:1]:  # each deal counted once, under its first sector
            sectors[sector].append(d.amount_usd or 0.0)
    by_sector = tuple(
        sorted(
            ((s, len(v), sum(v)) for s, v in sectors.items()), key=lambda x: (-x[2], -x[1], x[0])
        )
    )
    counter: Counter[str] = Counter()
    names: dict[str, str] = {}
    for d in confirmed:
        for name in fold_investors(d.investors or d.lead_investors):  # "a16z" is a16z once
            key = investor_key(name)
            counter[key] += 1
            names[key] = max(names.get(key, name), name, key=len)
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
        by_sector=by_sector,
    )


def _size(deal: Deal) -> float:
    return deal.amount_usd or 0.0


def load(
    store: Store, *, end: datetime, days: int = 7, keep: Callable[[Deal], bool] | None = None
) -> Roundup:
    """Read the period's deals from the store and select (only those `keep` accepts: a
    subscribed channel's own roundup)."""
    start = end - timedelta(days=days)
    deals = store.deals_between(start, end)
    return select([d for d in deals if keep is None or keep(d)], start, end)
