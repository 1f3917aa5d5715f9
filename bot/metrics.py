"""What the running bot counts, for `GET /metrics` (Prometheus text format, prometheus_client).

One registry of dealbot's own (not prometheus_client's global one), so two apps built in one
process (tests) never collide, and the exposition shows dealbot's series only. Counting is
done where the thing happens (the poll job, the publisher, the /deal listener); this module
only declares the series and keeps the health facts `GET /healthz` reads.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

REGISTRY = CollectorRegistry(auto_describe=True)

POLLS = Counter("dealbot_polls", "Poll cycles run", registry=REGISTRY)
FEED_FAILURES = Counter(
    "dealbot_feed_failures", "Feed fetches that failed, by feed", ["feed"], registry=REGISTRY
)
STORIES = Counter("dealbot_stories", "New stories stored", registry=REGISTRY)
DEALS = Counter("dealbot_deals", "New deals found", registry=REGISTRY)
CARDS = Counter("dealbot_cards_posted", "Deal cards posted to Slack", registry=REGISTRY)
SLACK_ERRORS = Counter(
    "dealbot_slack_errors", "Slack Web API errors, by error code", ["code"], registry=REGISTRY
)
LOOKUP_SECONDS = Histogram(
    "dealbot_deal_lookup_seconds",
    "Time to answer a /deal lookup",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
    registry=REGISTRY,
)
LAST_GOOD_POLL = Gauge(
    "dealbot_last_good_poll_timestamp_seconds",
    "When the last poll cycle finished without an error (Unix time)",
    registry=REGISTRY,
)


def exposition() -> bytes:
    """The Prometheus text format of every dealbot series."""
    return generate_latest(REGISTRY)


@dataclass
class Health:
    """What `/healthz` answers from: the last good poll and whether the scheduler runs."""

    poll_minutes: float = 15
    started: float = field(default_factory=time.time)
    last_good_poll: float | None = None
    scheduler_running: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def polled(self, at: float | None = None) -> None:
        with self._lock:
            self.last_good_poll = at if at is not None else time.time()
        LAST_GOOD_POLL.set(self.last_good_poll)

    def stale_after(self) -> float:
        """Seconds without a good poll before the bot is unhealthy: three intervals, and never
        less than ten minutes (one slow cycle is not an outage)."""
        return max(3 * self.poll_minutes * 60, 600)

    def problems(self, now: float | None = None) -> list[str]:
        now = time.time() if now is None else now
        out = []
        if not self.scheduler_running:
            out.append("the scheduler is not running")
        with self._lock:
            last = self.last_good_poll
        since = now - (last if last is not None else self.started)
        if since > self.stale_after():
            what = "no good poll since start" if last is None else "the last good poll"
            out.append(f"{what} {since / 60:.0f} min ago (over {self.stale_after() / 60:.0f} min)")
        return out
