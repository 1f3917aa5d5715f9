"""Publishing to several channels: DEALBOT_CHANNEL gets every deal, each subscribed channel the
deals that pass its filters.

Why a router in front of one SlackPublisher per channel, not a multi-channel publisher: the
exactly-once protocol (pending row → post → posted, settled from that channel's history) is
per channel already (posts pk is deal_id + channel), and its pacing is per channel too. So
the router only decides *which* channels see an event and hands each its share; a channel's
Slack trouble stays in its own publisher and never holds back the others.

Subscriptions are read from the store on every publish, so `/deal subscribe` takes effect on
the next poll without a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from bot.pipeline import Event
from bot.store import Store
from bot.subscriptions import Subscription, from_row, matches

log = logging.getLogger(__name__)


class ChannelPublisher(Protocol):
    """What the router needs of a per-channel publisher (bot.publish.SlackPublisher)."""

    def publish(self, events: Sequence[Event]) -> None: ...
    def settle_pending(self) -> None: ...
    def catch_up(self) -> None: ...


def story_texts(event: Event) -> list[str]:
    """What keywords are matched against, besides the company: this story's title and
    summary, and the titles of the deal's other sources."""
    texts = [event.story.title, event.story.summary]
    texts += [s.title for s in event.deal.sources if s.title != event.story.title]
    return [t for t in texts if t]


def wants(store: Store, sub: Subscription, event: Event) -> bool:
    """A channel follows a deal it already has a card for (thread replies, card updates) and
    gets a new card only when the deal passes its filters."""
    if event.deal.id is not None and store.has_post(event.deal.id, sub.channel):
        return True
    return matches(sub, event.deal, story_texts(event))


class ChannelRouter:
    """A Publisher for poll(): fans events out to one publisher per channel."""

    def __init__(
        self,
        store: Store,
        make_publisher: Callable[[str], ChannelPublisher],
        default_channel: str | None,
    ) -> None:
        self.store = store
        self.make_publisher = make_publisher
        self.default_channel = default_channel
        self._publishers: dict[str, ChannelPublisher] = {}  # kept: pacing state per channel

    def subscriptions(self) -> list[Subscription]:
        """Every channel and its filters; the default channel first, with no filter."""
        subs = [Subscription(channel=self.default_channel)] if self.default_channel else []
        for row in self.store.subscription_rows():
            if row["channel"] == self.default_channel:
                continue  # it gets everything already
            try:
                subs.append(from_row(row))
            except (ValueError, TypeError, KeyError):  # a hand-edited row must not stop posting
                log.exception("subscription of %s unreadable; skipped", row.get("channel"))
        return subs

    def publisher(self, channel: str) -> ChannelPublisher:
        if channel not in self._publishers:
            self._publishers[channel] = self.make_publisher(channel)
        return self._publishers[channel]

    def publish(self, events: Sequence[Event]) -> None:
        for sub in self.subscriptions():
            share = [e for e in events if wants(self.store, sub, e)]
            self._each(sub.channel, lambda p, share=share: p.publish(share))

    def settle_pending(self) -> None:
        for sub in self.subscriptions():
            self._each(sub.channel, lambda p: p.settle_pending())

    def catch_up(self) -> None:
        for sub in self.subscriptions():
            self._each(sub.channel, lambda p: p.catch_up())

    def _each(self, channel: str, call: Callable[[ChannelPublisher], None]) -> None:
        """One channel's failure (a bug, a Slack outage) is logged; the next channel goes on."""
        try:
            call(self.publisher(channel))
        except Exception:
            log.exception("publishing to %s failed; retried next cycle", channel)
