"""Block Kit for deal cards and thread replies, built with slack_sdk.models.blocks (pure).

Everything shown here came from feeds, i.e. from strangers: `&`, `<`, `>` are escaped so a
title like "<!channel> Acme raises $5M" or "<https://evil.example|TechCrunch>" can neither
ping anyone nor forge a link; link labels lose `|`; only http(s) URLs become links. The
slack_sdk models validate Slack's limits (header 150 chars, 10 fields, ...) when serialised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    OverflowMenuElement,
    PlainTextObject,
    SectionBlock,
)

from bot.match import followup
from bot.models import Deal, Source
from bot.render import (
    NOT_NAMED,
    amount_line,
    headline,
    original_headline,
    round_name,
    sectors_line,
    valuation,
)
from bot.slack.mrkdwn import clip, date, escape, link

EVENT_TYPE = "funding_deal"  # message metadata on every card: how a restart finds its cards
RUMOUR_MARK = ":warning: *Reported, not confirmed*"
HEADER_MAX = 150
FIELD_MAX = 2000
ACTION_MENU = "deal_menu"  # the card's overflow menu (handlers/fix.py)
MENU = (
    ("fix", "Fix this deal"),
    ("dismiss", "Not a funding story"),
    ("merge", "Merge into another deal"),
    ("split", "Split sources"),
    ("copy", "Copy details"),
)


@dataclass(frozen=True)
class Card:
    """What chat.postMessage / chat.update need for one deal."""

    text: str  # plain fallback for notifications and old clients
    blocks: list[dict]
    metadata: dict


def metadata(deal: Deal, sources: int) -> dict:
    """Message metadata: lets settle_pending recognise this deal's card in channel history."""
    return {"event_type": EVENT_TYPE, "event_payload": {"deal_id": deal.id, "sources": sources}}


def _fields(deal: Deal) -> list[MarkdownTextObject]:
    rows = [
        ("Company", None if deal.is_named else NOT_NAMED),
        ("Amount", amount_line(deal)),
        ("Round", round_name(deal.round)),
        ("Valuation", valuation(deal)),
        ("Lead", ", ".join(deal.lead_investors)),
        ("Investors", ", ".join(deal.investors)),
        ("Location", deal.location),
        ("Sectors", sectors_line(deal)),
    ]
    return [
        MarkdownTextObject(text=clip(f"*{name}*\n{escape(value)}", FIELD_MAX))
        for name, value in rows
        if value
    ]


def _context(sources: Sequence[Source]) -> str:
    outlets = " · ".join(link(s.link, s.outlet or "source") for s in sources[:5])
    if len(sources) > 5:
        outlets += f" and {len(sources) - 5} more"
    dates = [s.published for s in sources if s.published]
    first = min(dates) if dates else None
    when = date(first) if first else ""
    count = f"{len(sources)} sources" if len(sources) > 1 else ""
    return " · ".join(p for p in (outlets, when, count) if p) or "no source"


def menu(deal_id: int) -> OverflowMenuElement:
    """The card's overflow menu; each option's value names the action and the deal."""
    return OverflowMenuElement(
        action_id=ACTION_MENU,
        options=[Option(text=PlainTextObject(text=t), value=f"{v}:{deal_id}") for v, t in MENU],
    )


def read_menu_value(value: object) -> tuple[str, int] | None:
    """ "fix:12" → ("fix", 12); None for anything a client could have forged otherwise."""
    action, _, number = str(value or "").partition(":")
    if action not in dict(MENU) or not number.isdigit() or len(number) > 12:
        return None
    return action, int(number)


def card_blocks(deal: Deal, sources: Sequence[Source]) -> list[Block]:
    """Header, rumour mark, fields (with the overflow menu), outlets/date context."""
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=clip(escape(headline(deal)), HEADER_MAX)))
    ]
    if deal.is_rumor:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=RUMOUR_MARK)))
    fields = _fields(deal)
    actions = menu(deal.id) if deal.id is not None else None
    if fields:
        blocks.append(SectionBlock(fields=fields, accessory=actions))
    elif actions is not None:
        blocks.append(ActionsBlock(elements=[actions]))
    original = original_headline(deal)
    if original:  # the outlet's own words beside our English facts
        blocks.append(
            ContextBlock(elements=[MarkdownTextObject(text=clip(escape(original), FIELD_MAX))])
        )
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=clip(_context(sources), 3000))]))
    return blocks


def render_card(deal: Deal, sources: Sequence[Source]) -> Card:
    """The card as JSON-ready dicts; slack_sdk validates each block's limits here."""
    if not deal.sources:  # a deal without a name is titled by its first story's headline
        deal = replace(deal, sources=list(sources))
    blocks = [b.to_dict() for b in card_blocks(deal, sources)]
    mark = "[reported, not confirmed] " if deal.is_rumor else ""
    outlets = ", ".join(dict.fromkeys(s.outlet for s in sources if s.outlet))
    text = escape(f"{mark}{headline(deal)}" + (f" ({outlets})" if outlets else ""))
    return Card(text=text, blocks=blocks, metadata=metadata(deal, len(sources)))


def removed_card(deal: Deal, why: str) -> Card:
    """What a removed deal's card becomes: one line saying who removed it and why (the
    metadata stays, so a restart still recognises the message as this deal's card)."""
    text = f"~{escape(headline(deal))}~ {why}"
    blocks = [SectionBlock(text=MarkdownTextObject(text=clip(text, 3000))).to_dict()]
    return Card(text=clip(text, 3000), blocks=blocks, metadata=metadata(deal, 0))


def reply_text(source: Source, *, confirmed: bool = False) -> str:
    """A thread reply for one more outlet's story: outlet, linked title, confirmation note."""
    note = ":white_check_mark: *Now confirmed.* " if confirmed else ""
    if source.note == followup.NOTE:  # news about this deal that is no report of it
        note += ":newspaper: Follow-up: "
    elif source.note:
        note += f":chart_with_upwards_trend: {escape(source.note)} "
    return f"{note}{escape(source.outlet or 'Another outlet')}: {link(source.link, source.title)}"


def compact_blocks(deal: Deal, *, with_menu: bool = True) -> list[dict]:
    """A deal in two blocks, for link unfurls and the App Home: the headline and its facts
    (with the card's menu), then where it was reported."""
    facts = [amount_line(deal), round_name(deal.round)]
    if deal.lead_investors:
        facts.append("led by " + ", ".join(deal.lead_investors))
    mark = ":warning: _Reported, not confirmed_ · " if deal.is_rumor else ""
    text = f"*{escape(headline(deal))}*\n{mark}{escape(' · '.join(facts))}"
    section = SectionBlock(
        text=MarkdownTextObject(text=clip(text, 3000)),
        accessory=menu(deal.id) if with_menu and deal.id is not None else None,
    )
    sources = deal.sources or []
    context = ContextBlock(elements=[MarkdownTextObject(text=clip(_context(sources), 3000))])
    return [section.to_dict(), context.to_dict()]


def digest_message(deals: Sequence[Deal], sources: Sequence[Sequence[Source]]) -> tuple[str, list]:
    """Several deals in one message (a person's DM that would get too many cards at once)."""
    lines = []
    for deal, found in zip(deals, sources, strict=True):
        shown = replace(deal, sources=list(found)) if not deal.sources else deal
        first = found[0].link if found else None
        name = link(first, headline(shown)) if first else escape(headline(shown))
        lines.append(f"• {name}")
    head = f"*{len(deals)} more deals match your follows*"
    text = clip(head + "\n" + "\n".join(lines), 3000)
    blocks = [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]
    return clip(f"{len(deals)} more deals match your follows", 300), blocks
