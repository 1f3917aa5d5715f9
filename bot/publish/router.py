"""Publishing to several channels: DEALBOT_CHANNEL gets every deal, each subscribed channel the
deals that pass its filters.

Why a router in front of one SlackPublisher per channel, not a multi-channel publisher: the
exactly-once protocol (pending row → post → posted, settled from that channel's history) is
per channel already (posts pk is deal_id + channel), and its pacing is per channel too. So
the router only decides *which* channels see an event and hands each its share; a channel's
Slack trouble stays in its own publisher and never holds back the others.

Subscriptions are read from the store on every publish, so `/deal subscribe` takes effect on
the next poll without a restart. Keywords are matched against every stored story of the deal
(titles and summaries), so a live event and crash recovery (SlackPublisher.post_unposted, which
asks `accepts`) decide alike. Recovery also skips deals older than the subscription: a new
subscription starts with the next news, it does not replay the last week.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from bot.lookup.subscriptions import Subscription, from_row, matches
from bot.models import Event
from bot.publish.slack import DIGEST_AFTER
from bot.store import Store

log = logging.getLogger(__name__)


class ChannelPublisher(Protocol):
    """What the router needs of a per-channel publisher (bot.publish.slack.SlackPublisher)."""

    def publish(self, events: Sequence[Event]) -> None: ...
    def settle_pending(self) -> None: ...
    def catch_up(self) -> None: ...


def wants(store: Store, subs: Sequence[Subscription], event: Event) -> bool:
    """A channel follows a deal it already has a card for (thread replies, card updates) and
    gets a new card only when the deal passes its filters (one of them: a person's DM has a
    filter per follow)."""
    if event.deal.id is not None and store.has_post(event.deal.id, subs[0].channel):
        return True
    texts = [event.story.title, event.story.summary, *store.deal_texts(event.deal.id)]
    return any(matches(sub, event.deal, texts) for sub in subs)


class ChannelRouter:
    """A Publisher for poll(): fans events out to one publisher per channel."""

    def __init__(
        self,
        store: Store,
        make_publisher: Callable[[str, Callable[[int], bool] | None], ChannelPublisher],
        default_channel: str | None,
        *,
        team_id: str | None = None,
    ) -> None:
        self.store = store
        self.make_publisher = make_publisher
        self.default_channel = default_channel
        self.team_id = team_id  # one workspace of several (OAuth): only its rows
        self._publishers: dict[str, ChannelPublisher] = {}  # kept: pacing state per channel

    def subscriptions(self) -> list[Subscription]:
        """Every channel and its filters; the default channel first, with no filter."""
        subs = [Subscription(channel=self.default_channel)] if self.default_channel else []
        for row in self.store.subscription_rows():
            if row["channel"] == self.default_channel:
                continue  # it gets everything already
            if self.team_id is not None and row.get("team_id") != self.team_id:
                continue
            try:
                subs.append(from_row(row))
            except (ValueError, TypeError, KeyError):  # a hand-edited row must not stop posting
                log.exception("subscription of %s unreadable; skipped", row.get("channel"))
        return subs

    def audiences(self) -> dict[str, list[Subscription]]:
        """Each channel and its filters: the subscribed channels, and each person's DM with
        one filter per follow."""
        out: dict[str, list[Subscription]] = {}
        for sub in self.subscriptions():
            out.setdefault(sub.channel, []).append(sub)
        for row in self.store.follow_rows():
            if self.team_id is not None and row.get("team_id") != self.team_id:
                continue
            try:
                sub = from_row({**row, "created_by": row.get("user")})
            except (ValueError, TypeError, KeyError):
                log.exception("follow %s unreadable; skipped", row.get("id"))
                continue
            out.setdefault(sub.channel, []).append(sub)
        return out

    def publisher(self, channel: str) -> ChannelPublisher:
        """The channel's publisher, made once; `accepts` filters what its recovery posts."""
        if channel not in self._publishers:
            accepts = None if channel == self.default_channel else self._accepter(channel)
            self._publishers[channel] = self.make_publisher(channel, accepts)
        return self._publishers[channel]

    def _accepter(self, channel: str) -> Callable[[int], bool]:
        def accepts(deal_id: int) -> bool:
            subs = self.audiences().get(channel) or []
            deal = self.store.deal(deal_id)
            created = self.store.deal_created_at(deal_id)
            if not subs or deal is None or created is None:
                return False  # unsubscribed since, or the deal is gone
            texts = self.store.deal_texts(deal_id)
            return any(created >= sub.created_at and matches(sub, deal, texts) for sub in subs)

        return accepts

    def publish(self, events: Sequence[Event]) -> None:
        for channel, subs in self.audiences().items():
            share = [e for e in events if wants(self.store, subs, e)]
            self._each(channel, functools.partial(_publish, events=share))

    def settle_pending(self) -> None:
        for channel in self.audiences():
            self._each(channel, lambda p: p.settle_pending())

    def catch_up(self) -> None:
        for channel in self.audiences():
            self._each(channel, lambda p: p.catch_up())

    def _each(self, channel: str, call: Callable[[ChannelPublisher], None]) -> None:
        """One channel's failure (a bug, a Slack outage) is logged; the next channel goes on."""
        try:
            call(self.publisher(channel))
        except Exception:
            log.exception("publishing to %s failed; retried next cycle", channel)


def _publish(publisher: ChannelPublisher, events: Sequence[Event]) -> None:
    publisher.publish(events)


def channel_publishers(
    settings, store: Store, client, *, team_id: str | None = None
) -> Callable[[str, Callable[[int], bool] | None], ChannelPublisher]:
    """How a router makes each channel's SlackPublisher (one workspace's client)."""
    from bot.publish.slack import SlackPublisher

    def make(channel: str, accepts: Callable[[int], bool] | None) -> ChannelPublisher:
        return SlackPublisher(
            store,
            client,
            channel,
            post_interval=settings.post_interval,
            accepts=accepts,
            # a person's DM: more than DIGEST_AFTER cards in an hour become one digest message
            digest_after=DIGEST_AFTER if channel.startswith("D") else None,
            team_id=team_id,
        )

    return make


def slack_router(settings, store: Store, client) -> ChannelRouter:
    """The publisher `dealbot run` and `dealbot poll` use: DEALBOT_CHANNEL gets every deal,
    each subscribed channel the deals its filters pass, one SlackPublisher per channel."""
    return ChannelRouter(store, channel_publishers(settings, store, client), settings.channel)
