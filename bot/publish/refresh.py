"""After a person corrects a deal: every card of it, in every channel, says so.

`who` is already Slack text: "<@U123>" from Slack, "an operator (terminal)" from the CLI.

A corrected deal's cards are redrawn (chat.update) and their threads get a note naming who
changed what; a removed deal's cards shrink to one line (or are deleted, per
DEALBOT_DISMISS); a split's new deal gets its card wherever the old one was, posted with the
same exactly-once protocol as any card (bot.publish.slack). One channel refusing (archived,
bot removed) is logged and never stops the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.edit.ops import Change
from bot.publish.cards import removed_card, render_card
from bot.publish.slack import SlackPublisher
from bot.render import headline
from bot.slack.client import slack_error
from bot.slack.mrkdwn import clip, escape, link
from bot.store import Store

log = logging.getLogger(__name__)


def _where(row: dict) -> str:
    return row.get("channel_id") or row["channel"]


def _each_card(store: Store, deal_id: int, action: Callable[[dict], None]) -> int:
    """Run `action` for each posted card of the deal; how many channels refused."""
    refused = 0
    for row in store.posted_cards(deal_id):
        try:
            action(row)
        except (SlackApiError, OSError) as exc:
            refused += 1
            error = slack_error(exc) if isinstance(exc, SlackApiError) else str(exc)
            log.error("card of deal %s in %s not updated: %s", deal_id, row["channel"], error)
    return refused


def fixed_note(who: str, changes: Sequence[Change], note: str | None = None) -> str:
    """The thread note of a fix: "Fixed by <@U1>: amount $600M → $620M", and the note."""
    said = "; ".join(escape(c.said()) for c in changes) or "a note"
    text = f":pencil2: Fixed by {who}: {said}"
    if note:
        text += f"\n> {escape(clip(note, 500))}"
    return text


def redraw(store: Store, client: WebClient, deal_id: int, *, note: str | None = None) -> int:
    """Redraw every card of the deal from the store, then note the change in each thread."""
    deal = store.deal(deal_id)
    if deal is None:
        return 0

    def update(row: dict) -> None:
        sources = store.sources_in_order(deal_id)
        card = render_card(deal, sources)
        channel = _where(row)
        client.chat_update(
            channel=channel,
            ts=row["ts"],
            text=card.text,
            blocks=card.blocks,
            metadata=card.metadata,
        )
        if note:
            client.chat_postMessage(channel=channel, thread_ts=row["ts"], text=note)

    return _each_card(store, deal_id, update)


def take_down(
    store: Store,
    client: WebClient,
    deal_id: int,
    why: str | Callable[[dict], str],
    *,
    delete: bool = False,
) -> int:
    """A removed deal's cards: one line saying who removed it and why (`why` may depend on
    the card's channel), or deleted."""
    deal = store.deal(deal_id)
    if deal is None:
        return 0

    def remove(row: dict) -> None:
        if delete:
            client.chat_delete(channel=_where(row), ts=row["ts"])
            return
        card = removed_card(deal, why(row) if callable(why) else why)
        client.chat_update(
            channel=_where(row),
            ts=row["ts"],
            text=card.text,
            blocks=card.blocks,
            metadata=card.metadata,
        )

    return _each_card(store, deal_id, remove)


def card_link(client: WebClient, store: Store, deal_id: int, channel: str) -> str:
    """A link to the deal's card in `channel` (its permalink), else the deal's headline."""
    deal = store.deal(deal_id)
    title = escape(headline(deal)) if deal else f"deal {deal_id}"
    row = store.post(deal_id, channel)
    if not row or row.get("status") != "posted":
        return title
    try:
        answer = client.chat_getPermalink(channel=_where(row), message_ts=row["ts"])
    except (SlackApiError, OSError):
        return title
    return link(str(answer.get("permalink") or ""), title) or title


def after_merge(
    store: Store, client: WebClient, gone_id: int, survivor_id: int, *, who: str
) -> None:
    """The merged deal's cards point at the survivor's; the survivor's cards are redrawn."""
    moved = sum(1 for r in store.source_rows(survivor_id) if r["moved_from"] == gone_id)
    links = {
        row["channel"]: card_link(client, store, survivor_id, row["channel"])
        for row in store.posted_cards(gone_id)
    }
    take_down(store, client, gone_id, lambda row: f"Merged by {who} into {links[row['channel']]}")

    def point(row: dict) -> None:  # the merged card's thread says where its stories went
        text = f":link: Merged by {who}: this round's card is now {links[row['channel']]}"
        client.chat_postMessage(channel=_where(row), thread_ts=row["ts"], text=text)

    _each_card(store, gone_id, point)
    redraw(
        store,
        client,
        survivor_id,
        note=f":link: Merged by {who}: {moved} {'story' if moved == 1 else 'stories'} "
        "from another card of this round.",
    )


def after_split(
    store: Store,
    client: WebClient,
    deal_id: int,
    other_id: int,
    *,
    who: str,
    post_interval: float = 1.0,
) -> None:
    """The deal's cards are redrawn; the stories split off get their own card (a deal brought
    back from a merge gets its old cards redrawn) in every channel that had this deal."""
    moved = len(store.sources(other_id))
    redraw(
        store,
        client,
        deal_id,
        note=f":scissors: Split by {who}: {moved} "
        f"{'story' if moved == 1 else 'stories'} moved to a card of their own.",
    )
    had = [row["channel"] for row in store.posted_cards(other_id)]
    if had:
        redraw(
            store,
            client,
            other_id,
            note=f":leftwards_arrow_with_hook: Split back out by {who}.",
        )
        return
    for row in store.posted_cards(deal_id):
        publisher = SlackPublisher(store, client, row["channel"], post_interval=post_interval)
        try:
            publisher.post_card(other_id)
        except (SlackApiError, OSError) as exc:  # the pending row stays: the next poll posts it
            log.error(
                "card of deal %s in %s left for the next poll: %s", other_id, row["channel"], exc
            )
