"""Item 7: a week of 15-minute polls (672 cycles) over changing local feeds, on a simulated
clock, in well under 90 s: memory stays bounded, no card twice, no deal lost, with Slack and
feed faults sprinkled in. Marked `soak` (still run by `make test`; -m "not soak" skips it)."""

from __future__ import annotations

import hashlib
import os
import resource
from datetime import timedelta

import pytest
from faultkit import (
    Bot,
    assert_exactly_once,
    card_ids,
    company_names,
    headline,
    now_utc,
    replies,
    rss,
    slack_client,
)

CYCLES = 7 * 24 * 4
STEP = timedelta(minutes=15)
KEEP = 20  # items a feed shows at once


def rss_mb() -> float:
    """Current resident set size (peak where /proc is missing)."""
    try:
        with open(f"/proc/{os.getpid()}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Feed:
    def __init__(self, server, path: str, title: str) -> None:
        self.server, self.path, self.title, self.items = server, path, title, []
        self.url = server.add(path, rss([], title))

    def push(self, item) -> None:
        self.items = ([*self.items, item])[-KEEP:]
        self.serve()

    def serve(self, status: int = 200) -> None:
        body = rss(self.items, self.title)
        etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
        self.server.add(self.path, body, etag=etag, status=status)


@pytest.mark.soak
def test_a_week_of_polls(fake, store, feed_server) -> None:
    clock = {"now": now_utc() - timedelta(days=8)}
    names = company_names(CYCLES // 2 + 10, seed=77)
    a, b, c = (
        Feed(feed_server, "/a", "Alpha"),
        Feed(feed_server, "/b", "Beta"),
        Feed(feed_server, "/c", "Gamma"),
    )
    for feed in (a, b, c):
        store.add_feed(feed.url, feed.title)
    bot = Bot(store, slack_client(fake), now=lambda: clock["now"], deadline=1.0)
    fresh_links: list[str] = []
    rss_at: dict[int, float] = {}
    for k in range(CYCLES):
        now = clock["now"]
        if k % 2 == 0:  # a new round, reported by Alpha
            i = k // 2
            link = f"https://alpha.example/{names[i].lower()}"
            a.push((headline(names[i], i), link, now - timedelta(minutes=5)))
            fresh_links.append(link)
        if k % 6 == 3:  # Beta reports a round Alpha had a cycle earlier: a thread reply
            i = (k - 3) // 2
            link = f"https://beta.example/{names[i].lower()}"
            b.push((headline(names[i], i).replace("raises", "lands"), link, now))
            fresh_links.append(link)
        if k % 10 == 5:  # Gamma: old news (not announced) and non-funding news
            c.push((f"Layoffs at {names[k % 50]}corp", f"https://gamma.example/l{k}", now))
            old = now - timedelta(days=10)
            c.push((headline(f"Oldco{k}", k), f"https://gamma.example/old{k}", old))
        if k % 50 == 7:
            fake.fail_next("chat.postMessage", status=500, applied=True)  # answer lost
        if k % 70 == 11:
            fake.fail_next("chat.postMessage", times=2, status=429, retry_after=0)
        if k % 90 == 13:
            fake.fail_next("conversations.history", error="internal_error")
            fake.fail_next("chat.postMessage", status=503)  # not posted, not settled at once
        if k % 97 == 17:
            a.serve(status=500)  # Alpha is down this cycle; its items come next cycle
        elif k % 97 == 18:
            a.serve()
        bot.poll()
        clock["now"] = now + STEP
        if k in (100, CYCLES - 1):
            rss_at[k] = rss_mb()
    bot.poll()  # one quiet cycle more: anything still pending is settled
    assert_exactly_once(fake, store)
    ids = set(card_ids(fake))
    for link in fresh_links:  # every fresh story's deal has its one card
        row = next(store.db["stories"].rows_where("link = ?", [link]))
        assert row["deal_id"] in ids, link
    assert len(ids) >= CYCLES // 2 - 5
    assert len(replies(fake)) >= CYCLES // 6 - 5
    assert not list(
        store.db["stories"].rows_where(
            "link like '%old%' and deal_id in (select deal_id from posts)"
        )
    )
    growth = rss_at[CYCLES - 1] - rss_at[100]
    assert growth < 40, f"RSS grew {growth:.0f} MB over {CYCLES - 100} cycles"


@pytest.mark.soak
def test_pruning_levels_off_the_file_size(tmp_path) -> None:
    """Issue 17, item 12: 150 stories a day for 40 simulated days, stories kept 7 days and
    pruned daily: the file stops growing once the first stories age out, while the deals
    (and their sources' links) stay."""
    import random
    import string

    from bot.models import Story
    from bot.pipeline import ingest
    from bot.store import Store

    per_day, days, keep = 150, 40, 7
    path = tmp_path / "d.db"
    store = Store(str(path))
    rng = random.Random(5)
    names = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(9)).capitalize()
        for _ in range(per_day * days)
    ]
    start = now_utc() - timedelta(days=days + 1)
    filler = "Background paragraph about the market and the founders. " * 30
    size_at: dict[int, int] = {}
    for day in range(days):
        when = start + timedelta(days=day)
        for k in range(per_day):
            i = day * per_day + k
            story = Story(
                f"https://soak.example/{i}",
                headline(names[i], i),
                summary=filler,
                published=when,
                outlet="Soak",
            )
            ingest(store, story, now=when, max_age=timedelta(hours=72))
        store.prune_stories(when - timedelta(days=keep))
        store.db.execute("pragma wal_checkpoint(truncate)")
        size_at[day] = path.stat().st_size
    assert store.count("stories") <= per_day * (keep + 1)
    assert store.count("deals") >= per_day * days * 0.9  # deals stay
    # before the first stories age out the file grows by a day's stories; after, only by a
    # day's deals and sources (measured: about 750 kB a day, then about 120 kB)
    before = (size_at[keep] - size_at[0]) / keep
    after = (size_at[days - 1] - size_at[keep + 5]) / (days - 1 - keep - 5)
    assert after < 0.25 * before, f"{after:.0f} B/day after pruning, {before:.0f} before"
