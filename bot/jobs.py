"""The jobs every command runs the same way: open the store, and one poll cycle.

`dealbot poll` runs one cycle now; `dealbot run` runs the same cycle on its schedule. Written
once here, so the order (settle earlier posts, catch up threads, then poll) and the fetch guard
cannot drift apart between them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Protocol

from bot import metrics
from bot.config import Settings
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


def count(report: PollReport) -> None:
    """A cycle's numbers into /metrics."""
    from bot.feeds.links import shown_url

    metrics.POLLS.inc()
    metrics.STORIES.inc(report.new_stories)
    metrics.DEALS.inc(sum(1 for e in report.events if e.kind == "new"))
    for url, _ in report.failed:
        metrics.FEED_FAILURES.labels(feed=shown_url(url)).inc()


def poll_job(
    settings: Settings, store: Store, publisher: CyclePublisher
) -> Callable[[], PollReport]:
    """One poll cycle, as a job: earlier cycles' unfinished posts first (also when this cycle
    brings no news), then the feeds through the address guard, then the news published."""
    from bot.feeds.guard import guarded_fetch

    fetch = guarded_fetch(settings.allow_private_feeds)  # one client, reused by every cycle
    max_age = timedelta(hours=settings.max_age_hours)

    def cycle() -> PollReport:
        publisher.settle_pending()
        publisher.catch_up()
        report = poll(store, publisher, max_age=max_age, fetch=fetch)
        count(report)
        log.info(
            "poll: %d new stories, %d events, %d failed feeds",
            report.new_stories,
            len(report.events),
            len(report.failed),
        )
        return report

    return cycle
