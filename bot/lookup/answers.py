"""Block Kit for `/deal` answers. Pure: SearchResult in, (fallback text, blocks) out.

Everything that came from outside (the user's query, feed text: company names, investors,
titles, links) is escaped (`&`, `<`, `>`), so nothing can ping `<!channel>` or forge a link.
Buttons carry the query itself (not a server-side id), so they work after restarts.
"""

from __future__ import annotations

import json
import re

from bot.lookup import messages
from bot.lookup.search import SearchResult
from bot.models import Deal
from bot.render import amount_line, headline, round_name, valuation
from bot.slack.mrkdwn import clip, date, escape, link

ACTION_SHARE = "deal_share"
ACTION_MORE = "deal_more"
MAX_FIELD = 300  # characters of one investors list / title; a section allows 3000
MAX_SOURCES = 3
MAX_VALUE = 1900  # Slack's button value limit is 2000


def deal_text(deal: Deal) -> str:
    """One deal as mrkdwn: headline, amount, date, lead, investors."""
    rumour = "⚠ Rumour: " if deal.is_rumor else ""
    # escape first, then clip by the escaped length (escaping can make text 5x longer)
    lines = [f"*{rumour}{clip(escape(headline(deal)), MAX_FIELD)}*"]
    facts = [escape(amount_line(deal)), escape(round_name(deal.round))]
    if deal.announced:
        facts.append(date(deal.announced))
    if valuation(deal):
        facts.append("valued " + escape(valuation(deal)))
    lines.append(" · ".join(facts))
    if deal.lead_investors:
        lines.append("Lead: " + clip(escape(", ".join(deal.lead_investors)), MAX_FIELD))
    if deal.investors:
        lines.append("Investors: " + clip(escape(", ".join(deal.investors)), MAX_FIELD))
    return "\n".join(lines)


def sources_text(deal: Deal) -> str | None:
    links = [
        link(s.link, clip(s.outlet or s.title or "source", 80)) for s in deal.sources[:MAX_SOURCES]
    ]
    extra = len(deal.sources) - MAX_SOURCES
    if extra > 0:
        links.append(f"+{extra} more")
    return "Sources: " + ", ".join(links) if links else None


def button_value(query: str, offset: int, created: float | None = None) -> str:
    """What a button needs to redo the search: the query text (clipped), the page offset and
    when the answer was made (a response_url lives 30 minutes). \\u escapes keep even this
    invisible value free of raw <, > and &."""
    while True:
        data: dict[str, object] = {"q": query, "o": offset}
        if created is not None:
            data["t"] = int(created)
        value = json.dumps(data)
        value = value.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        if len(value) <= MAX_VALUE:
            return value
        query = query[: len(query) * 2 // 3]


def read_button_value(value: str | None) -> tuple[str, int]:
    """The inverse of button_value; a tampered or broken value gives ("", 0)."""
    try:
        data = json.loads(value or "")
        return str(data.get("q", ""))[:MAX_VALUE], max(0, int(data.get("o", 0)))
    except (ValueError, TypeError, AttributeError):
        return "", 0


def button_created(value: str | None) -> float | None:
    """When the answer a button belongs to was made (Unix time), if it says."""
    try:
        created = json.loads(value or "").get("t")
    except (ValueError, TypeError, AttributeError):
        return None
    return float(created) if isinstance(created, int) else None


def answer(
    result: SearchResult,
    query: str,
    *,
    shareable: bool = True,
    shared_by: str | None = None,
    created: float | None = None,
) -> tuple[str, list[dict]]:
    """(fallback text, blocks) for a /deal answer; `shareable` adds the buttons."""
    head = escape(result.message)
    blocks: list[dict] = []
    if shared_by:
        user = re.sub(r"[^A-Z0-9]", "", shared_by.upper())
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": messages.SHARED_BY.format(user=user)}],
            }
        )
    blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": clip(head, 2900)}})
    for deal in result.deals:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": deal_text(deal)}})
        src = sources_text(deal)
        if src:
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": src}]})
    buttons = []
    if shareable and result.deals:
        buttons.append(
            {
                "type": "button",
                "action_id": ACTION_SHARE,
                "text": {"type": "plain_text", "text": messages.SHARE_BUTTON},
                "value": button_value(query, result.offset, created),
            }
        )
    if shareable and result.has_more:
        buttons.append(
            {
                "type": "button",
                "action_id": ACTION_MORE,
                "text": {"type": "plain_text", "text": messages.MORE_BUTTON},
                "value": button_value(query, result.offset + len(result.deals), created),
            }
        )
    if buttons:
        blocks.append({"type": "actions", "elements": buttons})
    fallback = (
        head
        if not result.deals
        else head + " " + "; ".join(escape(headline(d)) for d in result.deals)
    )
    return clip(fallback, 2900), blocks
