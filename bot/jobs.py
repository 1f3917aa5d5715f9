"""The jobs every command runs the same way: open the store, and one poll cycle.

`dealbot poll` runs one cycle now; `dealbot run` runs the same cycle on its schedule. Written
once here, so the order (settle earlier posts, catch up threads, then poll) and the fetch guard
cannot drift apart between them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Protocol

from bot import metrics
from bot.clock import utcnow
from bot.config import Settings
from bot.feeds.schedule import Bounds
from bot.models import Event
from bot.pipeline import PollReport, poll
from bot.store import Store

log = logging.getLogger(__name__)


class CyclePublisher(Protocol):
    """What a poll cycle needs of a publisher (Slack router or console)."""

    def publish(self, events: Sequence[Event]) -> None: ...
    def settle_pending(self) -> None: ...
    def catch_up(self) -> None: ...


def open_store(settings: Settings) -> Store:
    """The database, with the feeds file's feeds made known."""
    from bot.feeds.feedfile import load_feeds

    store = Store(settings.db_path)
    store.sync_feeds(load_feeds(settings.feeds_path))
    return store


def bounds(settings: Settings) -> Bounds:
    """The per-feed schedule's bounds from the settings (bot.feeds.schedule)."""
    return Bounds(
        start=timedelta(minutes=settings.poll_minutes),
        minimum=timedelta(minutes=min(settings.poll_min_minutes, settings.poll_minutes)),
        maximum=timedelta(minutes=max(settings.poll_max_minutes, settings.poll_minutes)),
    )


def count(report: PollReport) -> None:
    """A cycle's numbers into /metrics."""
    from bot.feeds.links import shown_url

    metrics.POLLS.inc()
    metrics.STORIES.inc(report.new_stories)
    metrics.DEALS.inc(sum(1 for e in report.events if e.kind == "new"))
    for url, _ in report.failed:
        metrics.FEED_FAILURES.labels(feed=shown_url(url)).inc()


def poll_job(
    settings: Settings, store: Store, publisher: CyclePublisher, *, due_only: bool = False
) -> Callable[[], PollReport]:
    """One poll cycle, as a job: earlier cycles' unfinished posts first, then the feeds through
    the address guard (with `due_only`, the feeds whose own schedule says so), then the news
    published."""
    from bot.feeds.guard import guarded_fetch

    fetch = guarded_fetch(settings.allow_private_feeds)  # one client, reused by every cycle
    max_age = timedelta(hours=settings.max_age_hours)

    settled_at = [float("-inf")]  # when unfinished posts were last settled (monotonic)

    def cycle() -> PollReport:
        feeds = store.due_feeds(utcnow()) if due_only else None
        # unfinished posts are settled with every poll, and on quiet wakes only as often as
        # the old fixed schedule did: settling may ask Slack's history for each pending card
        quiet = feeds == []
        if not quiet or time.monotonic() - settled_at[0] >= settings.poll_minutes * 60:
            publisher.settle_pending()
            publisher.catch_up()
            settled_at[0] = time.monotonic()
        if quiet:  # nothing due this wake
            return PollReport()
        report = poll(
            store, publisher, max_age=max_age, fetch=fetch, feeds=feeds, bounds=bounds(settings)
        )
        count(report)
        log.info(
            "poll: %d feeds, %d new stories, %d events, %d failed, %d not modified",
            report.feeds,
            report.new_stories,
            len(report.events),
            len(report.failed),
            report.not_modified,
        )
        return report

    return cycle
