"""The App Home tab (views.publish), pure: the latest deals with the card's menu, the person's
follows, this workspace's channel subscriptions, and for admins the feeds' health and the last
poll. Built with slack_sdk's View, which checks Block Kit's limits (100 blocks)."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.views import View

from bot.feeds.links import shown_url
from bot.models import Deal
from bot.publish.cards import compact_blocks
from bot.slack.mrkdwn import clip, escape

LATEST = 10
MAX_LISTED = 15


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, 3000)}}


def _header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": text}}


def home_view(
    deals: Sequence[Deal],
    *,
    follows: Sequence[str] = (),
    subscriptions: Sequence[tuple[str, str]] = (),
    feeds: Sequence[dict] | None = None,
    last_poll: str | None = None,
) -> dict:
    """The Home tab. `subscriptions`: (channel, filters described); `feeds` only for admins."""
    blocks: list[dict] = [_header("Latest deals")]
    if not deals:
        blocks.append(_section("No deals yet: the first poll brings them."))
    for deal in list(deals)[:LATEST]:
        blocks += compact_blocks(deal)
    blocks += [{"type": "divider"}, _header("Your follows")]
    if follows:
        blocks.append(_section("\n".join(f"• {escape(f)}" for f in follows[:MAX_LISTED])))
    else:
        blocks.append(
            _section("None. `/deal follow SenseTime` or `/deal follow investor:Sequoia`.")
        )
    blocks += [{"type": "divider"}, _header("Channels that get cards")]
    if subscriptions:
        lines = [f"• <#{c}>: {escape(d)}" for c, d in subscriptions[:MAX_LISTED]]
        blocks.append(_section("\n".join(lines)))
    else:
        blocks.append(_section("None yet: `/deal subscribe` in a channel."))
    if feeds is not None:
        blocks += [{"type": "divider"}, _header("Feed health (admins)")]
        failing = [f for f in feeds if f.get("failures")]
        when = escape(last_poll[:16].replace("T", " ")) + " UTC" if last_poll else "never"
        lines = [f"Last good fetch: {when}. {len(feeds)} feeds, {len(failing)} failing."]
        for f in failing[:MAX_LISTED]:
            name = escape(f.get("name") or shown_url(f["url"]))
            since = escape(str(f.get("last_error_at") or "")[:16].replace("T", " "))
            error = escape(clip(str(f.get("last_error") or ""), 200))
            lines.append(f"• *{name}*: failing since {since} ({f['failures']} in a row): {error}")
        blocks.append(_section("\n".join(lines)))
    return View(type="home", blocks=blocks[:100]).to_dict()
