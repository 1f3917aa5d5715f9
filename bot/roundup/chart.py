"""The roundup chart: the period's biggest rounds as bars coloured by round, as PNG bytes.

matplotlib with the Agg backend (no display); sized to stay readable in Slack's preview.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402 - after choosing the backend

from bot.render import money, round_name  # noqa: E402
from bot.roundup.select import Roundup  # noqa: E402

PALETTE = {
    "pre-seed": "#9ecae1",
    "seed": "#6baed6",
    "pre-series-a": "#4292c6",
    "series-a": "#2171b5",
    "series-b": "#41ab5d",
    "series-c": "#238b45",
    "series-d": "#fd8d3c",
    "series-e": "#e6550d",
    "series-f": "#a63603",
    "growth": "#756bb1",
    "debt": "#969696",
}
OTHER = "#bdbdbd"


def roundup_chart(r: Roundup) -> bytes | None:
    """PNG bytes, or None when no deal of the period has a known amount."""
    deals = [d for d in r.top if d.amount_usd]
    if not deals:
        return None
    deals = deals[::-1]  # biggest on top
    fig = Figure(figsize=(8, 0.45 * len(deals) + 1.4), dpi=110)
    ax = fig.add_subplot()
    values = [(d.amount_usd or 0.0) / 1e6 for d in deals]
    colours = [PALETTE.get(d.round or "", OTHER) for d in deals]
    bars = ax.barh([d.company[:28] for d in deals], values, color=colours)
    for bar, deal in zip(bars, deals, strict=True):
        label = f" {money(deal.amount_usd, 'USD')} · {round_name(deal.round)}"
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, label, va="center", fontsize=9)
    ax.set_xlabel("USD millions")
    ax.set_xlim(0, max(values) * 1.45)
    ax.set_title(f"Biggest rounds, {r.start:%b %d} – {r.end:%b %d}", fontsize=12, loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
