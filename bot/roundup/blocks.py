"""The weekly roundup as text and as Block Kit (pure), within Slack's limits."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import utcnow
from bot.models import Deal
from bot.render import headline, money, round_name, sector_name
from bot.roundup.select import Roundup, load
from bot.store import Store


def last_week_text(store: Store) -> str:
    """The last seven days as text: what `/deal roundup` shows the asker."""
    return render_text(load(store, end=utcnow(), days=7))


def details(d: Deal) -> str:
    """ "Series C; valued at $4.5B; led by Alibaba": what a ranked line shows after the name."""
    extra = [round_name(d.round)]
    if d.valuation:
        extra.append(f"valued at {money(d.valuation, d.valuation_currency or d.currency)}")
    if d.lead_investors:
        extra.append("led by " + ", ".join(d.lead_investors))
    return "; ".join(extra)


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
            link = f" — {d.sources[0].link}" if d.sources else ""
            lines.append(f"{n:2d}. {headline(d)} ({details(d)}){link}")
    if r.by_round:
        lines.append("\nBy round:")
        for name, count, total in r.by_round:
            lines.append(
                f"  {round_name(name if name != 'undisclosed' else None)}: {count} "
                f"({money(total, 'USD') if total else 'amounts undisclosed'})"
            )
    if r.by_sector:
        lines.append("\nBy sector:")
        for name, count, total in r.by_sector:
            lines.append(
                f"  {sector_name(name)}: {count} "
                f"({money(total, 'USD') if total else 'amounts undisclosed'})"
            )
    if r.investors:
        lines.append("\nMost active investors: " + ", ".join(f"{n} ({c})" for n, c in r.investors))
    if r.rumours:
        lines.append("\nReported, not confirmed:")
        lines += [f"  • {headline(d)}" for d in r.rumours]
    return "\n".join(lines)


# --- Block Kit -------------------------------------------------------------------------

SECTION_MAX = 3000  # Slack's limit for a section's text
MAX_BLOCKS = 50


def _chunks(lines: list[str], limit: int = SECTION_MAX) -> list[str]:
    """Join lines into texts of at most `limit` characters (a long line is cut)."""
    out: list[str] = []
    current = ""
    for line in lines:
        line = line if len(line) <= limit else line[: limit - 1] + "…"
        if current and len(current) + 1 + len(line) > limit:
            out.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        out.append(current)
    return out


def render_blocks(r: Roundup) -> list[dict]:
    """The roundup as Block Kit dicts within Slack's limits (50 blocks, 3,000 chars a section).

    Company names, investors and links come from feeds, so they are escaped like cards are.
    """
    from slack_sdk.models.blocks import Block, HeaderBlock, MarkdownTextObject, SectionBlock

    from bot.slack.mrkdwn import escape, link

    span = f"{r.start:%b %d} – {(r.end - timedelta(seconds=1)):%b %d}"
    blocks: list[Block] = [HeaderBlock(text=f"Funding roundup, {span}")]
    if r.empty:
        blocks.append(SectionBlock(text=MarkdownTextObject(text="A quiet week: no new deals.")))
        return [b.to_dict() for b in blocks]
    parts: list[list[str]] = [
        [f"*{r.deals} deals*, *{escape(money(r.total_usd, 'USD'))}* raised in total"]
    ]
    if r.top:
        top = ["*Biggest rounds*"]
        for n, d in enumerate(r.top, 1):
            name = escape(headline(d))
            if d.sources:
                name = link(d.sources[0].link, headline(d))
            top.append(f"{n}. {name} ({escape(details(d))})")
        parts.append(top)
    if r.by_round:
        rows = ["*By round*"]
        for name, count, total in r.by_round:
            label = round_name(name if name != "undisclosed" else None)
            amount = money(total, "USD") if total else "amounts undisclosed"
            rows.append(f"• {escape(label)}: {count} ({escape(amount)})")
        parts.append(rows)
    if r.by_sector:
        rows = ["*By sector*"]
        for name, count, total in r.by_sector:
            amount = money(total, "USD") if total else "amounts undisclosed"
            rows.append(f"• {escape(sector_name(name))}: {count} ({escape(amount)})")
        parts.append(rows)
    if r.investors:
        names = ", ".join(f"{escape(n)} ({c})" for n, c in r.investors)
        parts.append([f"*Most active investors:* {names}"])
    if r.rumours:
        parts.append(
            ["*Reported, not confirmed*", *(f"• {escape(headline(d))}" for d in r.rumours)]
        )
    for lines in parts:
        for text in _chunks(lines):
            blocks.append(SectionBlock(text=MarkdownTextObject(text=text)))
    return [b.to_dict() for b in blocks[:MAX_BLOCKS]]
