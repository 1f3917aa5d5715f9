"""One poll cycle: fetch → parse → extract → match → store, then hand the news to a publisher.

Each stage is a plain function; this module only wires them and keeps the database consistent:
a story and the deal it changed are written in one transaction, and a feed's ETag is stored
only after its stories are, so a crash can repeat work but never lose it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

import sqlite_utils

from bot import hooks
from bot.clock import utcnow
from bot.extract.engine import extract_story
from bot.extract.rates import usd_at
from bot.extract.sectors import sectors
from bot.feeds.fetch import FeedRequest, FetchResult
from bot.feeds.guard import guarded_fetch
from bot.feeds.links import link_key, shown_url
from bot.feeds.parse import ParsedFeed, parse_feed
from bot.feeds.schedule import HISTORY, Bounds, Hints, after, interval
from bot.keys import company_key, key_prefix
from bot.match import followup
from bot.match.merge import changed_fields, merge, new_deal
from bot.match.same import (
    EXTENSION_WINDOW,
    UNNAMED_WINDOW,
    WINDOW,
    acronym_like,
    best_match,
    plausible,
    story_keys,
    unnamed_partner,
)
from bot.models import Deal, Event, Extraction, Story
from bot.render import growth_note
from bot.store import Store

log = logging.getLogger(__name__)


@dataclass
class PollReport:
    feeds: int = 0
    not_modified: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    stories: int = 0
    new_stories: int = 0
    events: list[Event] = field(default_factory=list)
    bytes_received: int = 0
    hubs: list[tuple[str, str, str]] = field(default_factory=list)  # (feed, WebSub hub, topic)


class Publisher(Protocol):
    def publish(self, events: Sequence[Event]) -> None: ...


@dataclass(frozen=True)
class Ingested:
    """What storing one story did: was it new, and what deal news (if any) it caused."""

    new: bool
    event: Event | None = None


def ingest(store: Store, story: Story, *, now: datetime, max_age: timedelta) -> Ingested:
    """Store one story and fold it into the deal it reports, in one transaction."""
    key = link_key(story.link)
    if store.known_story(key, story.guid):
        return Ingested(new=False)
    found = extract_story(story)
    when = story.published or now
    if when > now + timedelta(hours=1):  # a feed that dates items in the future
        when = now
    usd, basis = usd_at(found.amount, found.currency, when.date())  # the deal's day's rate
    found = replace(found, amount_usd=usd, usd_basis=basis)
    if found.is_deal:  # what the company does: read for deals only (extraction stays fast)
        found = replace(found, sectors=sectors(story.title, story.summary))
    fresh = now - when <= max_age
    with store.transaction() as db:
        story_id = store.add_story(db, story, key, found.kind, asdict(found), now)
        hooks.fire("in_ingest")
        if not found.is_deal:
            return _follow_up(store, db, story, story_id, found, when, fresh)
        known = known_deal(store, found, when)
        if known is None:
            deal = new_deal(found, story, when)
            deal_id = store.save_deal(db, deal, prefix=key_prefix(deal.company_key), announce=fresh)
            store.add_source(db, deal_id, story_id, story)
            return Ingested(True, Event("new", deal, story, fresh))
        known = store.survivor(known)
        known_id = known.id or 0  # deals read from the store always have an id
        if known.removed == "dismissed":  # a person said it is not a funding story: it stays so
            store.add_source(db, known_id, story_id, story)
            return Ingested(True)
        known.sources = store.sources(known_id)
        merged = merge(known, found, story, store.source_amounts(known_id))
        store.save_deal(db, merged, prefix=key_prefix(merged.company_key))
        store.add_source(db, known_id, story_id, story, note=growth_note(known, merged))
        event = Event(
            "update",
            merged,
            story,
            fresh,
            confirmed=known.is_rumor and not merged.is_rumor,
            changed=tuple(changed_fields(known, merged)),
        )
        return Ingested(True, event)


FOLLOW_UP_WINDOW = timedelta(days=30)
FOLLOW_UP_KINDS = ("other", "rumor")  # a purchase, a float or a fund close is its own news


def _follow_up(
    store: Store,
    db: sqlite_utils.Database,
    story: Story,
    story_id: int,
    found: Extraction,
    when: datetime,
    fresh: bool,
) -> Ingested:
    """A story about a carded deal's money that is no round itself joins that deal's thread."""
    if found.kind not in FOLLOW_UP_KINDS or not followup.worth_a_look(story.title):
        return Ingested(new=True)
    ids: list[int] = []
    for name in followup.names_in(story.title):
        prefix = key_prefix(company_key(name))
        ids += [r[0] for r in store.candidate_names(prefix, when - FOLLOW_UP_WINDOW, when)]
        ids += [r[0] for r in store.candidate_aliases(prefix, when - FOLLOW_UP_WINDOW, when)]
    deals = [store.survivor(d) for d in store.deals_by_id(list(dict.fromkeys(ids)))]
    deal = followup.pick(deals, story.title)
    if deal is None or deal.id is None:
        return Ingested(new=True)
    store.add_source(db, deal.id, story_id, story, note=followup.NOTE)
    deal.sources = store.sources(deal.id)
    return Ingested(True, Event("update", deal, story, fresh))


def known_deal(store: Store, found: Extraction, when: datetime) -> Deal | None:
    """The stored deal a story reports, found by index only (no scan of the deals table)."""
    # company and product names (aliases) alike: each key's prefix bucket among deals'
    # companies and among their aliases; an extension looks back further for its round
    back = EXTENSION_WINDOW if found.addition else WINDOW
    rows = []
    for prefix in dict.fromkeys(key_prefix(k) for k in story_keys(found)):
        rows += store.candidate_names(prefix, when - back, when + WINDOW)
        rows += store.candidate_aliases(prefix, when - back, when + WINDOW)
    known = best_match(store.deals_by_id(plausible(found, rows)), found, when)
    if known is not None or not found.amount_usd:
        return known
    usd = found.amount_usd
    if acronym_like(found.company):  # "SSI": the same money near in time, by a name it spells
        same_money = store.same_money_names(usd, when - WINDOW, when + WINDOW)
        known = best_match(store.deals_by_id([r[0] for r in same_money]), found, when)
    if known is None and not found.addition:
        # a named story and an unnamed deal of the same round, or the other way round
        nearby = store.same_money_names(usd, when - UNNAMED_WINDOW, when + UNNAMED_WINDOW)
        named = bool(story_keys(found))
        ids = [r[0] for r in nearby if bool(r[1]) != named]
        known = unnamed_partner(store.deals_by_id(ids), found, when)
    return known


def poll(
    store: Store,
    publisher: Publisher | None = None,
    *,
    max_age: timedelta = timedelta(hours=72),
    now: Callable[[], datetime] = utcnow,
    fetch: Callable[[list[FeedRequest]], list[FetchResult]] | None = None,
    feeds: list[dict] | None = None,
    bounds: Bounds | None = None,
) -> PollReport:
    """Fetch the feeds (every active one unless `feeds` says which are due) once, process
    what is new, and schedule each feed's next poll from its rhythm and the server's hints.
    Never raises for a bad feed."""
    feeds = store.feeds() if feeds is None else feeds
    bounds = bounds or Bounds()
    requests = [
        FeedRequest(f["url"], f["name"] or "", f["etag"], f["last_modified"]) for f in feeds
    ]
    # the address guard unless the caller hands its own fetch (a test or the local demo)
    results = (fetch or guarded_fetch(allow_private=False))(requests)
    report = PollReport(feeds=len(feeds))
    for req, result in zip(requests, results, strict=True):
        report.bytes_received += result.bytes_received
        parsed = _process(store, req, result, report, max_age=max_age, now=now)
        _schedule(store, req.url, result, parsed, now(), bounds, report)
    hooks.fire("after_store")
    if publisher is not None and report.events:
        publisher.publish(report.events)
    return report


def _process(
    store: Store,
    req: FeedRequest,
    result: FetchResult,
    report: PollReport,
    *,
    max_age: timedelta,
    now: Callable[[], datetime],
) -> ParsedFeed | None:
    """One feed's answer: stored, its new stories ingested; the parsed feed, if any."""
    if result.gone:
        log.warning("feed %s is gone (410): retired, not polled again", shown_url(req.url))
        report.failed.append((req.url, "410 Gone: retired"))
        store.record_fetch(req.url, ok=False, error="HTTP 410 Gone: retired")
        store.retire_feed(req.url, "410 Gone")
        return None
    if result.error:
        log.warning("feed %s failed: %s", shown_url(req.url), result.error)
        report.failed.append((req.url, result.error))
        store.record_fetch(req.url, ok=False, error=result.error)
        return None
    if result.not_modified:
        report.not_modified += 1
        store.record_fetch(req.url, ok=True)
        return None
    parsed = parse_feed(
        result.body or b"", feed_url=req.url, outlet=req.name, content_type=result.content_type
    )
    if parsed.error and not parsed.stories:
        log.warning("feed %s unreadable: %s", shown_url(req.url), parsed.error)
        report.failed.append((req.url, parsed.error))
        store.record_fetch(req.url, ok=False, error=parsed.error)
        return parsed
    ingest_all(store, parsed.stories, report, max_age=max_age, now=now)
    store.record_fetch(req.url, ok=True, etag=result.etag, last_modified=result.last_modified)
    return parsed


def receive_push(
    store: Store,
    publisher: Publisher | None,
    feed: dict,
    body: bytes,
    content_type: str | None,
    *,
    max_age: timedelta = timedelta(hours=72),
) -> PollReport:
    """A WebSub delivery: the pushed entries take the same path as a polled feed's."""
    report = PollReport(feeds=1)
    parsed = parse_feed(
        body, feed_url=feed["url"], outlet=feed.get("name") or "", content_type=content_type
    )
    if parsed.error and not parsed.stories:
        log.warning("WebSub delivery for %s unreadable: %s", shown_url(feed["url"]), parsed.error)
        report.failed.append((feed["url"], parsed.error))
        return report
    ingest_all(store, parsed.stories, report, max_age=max_age)
    if publisher is not None and report.events:
        publisher.publish(report.events)
    return report


def ingest_all(
    store: Store,
    stories: Sequence[Story],
    report: PollReport,
    *,
    max_age: timedelta,
    now: Callable[[], datetime] = utcnow,
) -> None:
    """Ingest a feed's stories into `report` (a poll's, or a WebSub delivery's)."""
    for story in stories:
        report.stories += 1
        try:
            outcome = ingest(store, story, now=now(), max_age=max_age)
        except Exception:  # one bad story must not stop the cycle
            log.exception("could not process %s", story.link)
            continue
        report.new_stories += outcome.new
        if outcome.event:
            report.events.append(outcome.event)


def _schedule(
    store: Store,
    url: str,
    result: FetchResult,
    parsed: ParsedFeed | None,
    now: datetime,
    bounds: Bounds,
    report: PollReport,
) -> None:
    """The feed's next poll: its rhythm, its failures in a row, and what the server said."""
    if result.gone:
        return
    not_before = None
    waits = [w for w in (result.cache_seconds, result.retry_after) if w]
    if waits:
        not_before = now + timedelta(seconds=max(waits))
    ttl = parsed.ttl_minutes if parsed is not None else None
    hints = Hints(not_before=not_before, ttl=timedelta(minutes=ttl) if ttl else None)
    published = store.feed_publications(url, now - HISTORY)
    if (store.websub(url) or {}).get("state") == "subscribed":
        # pushed by its hub within seconds: polling is only the safety net, at the longest
        bounds = replace(bounds, start=bounds.maximum, minimum=bounds.maximum)
    read = result.ok and (parsed is None or not parsed.error or bool(parsed.stories))
    # a failure was just counted on the feed's row (record_fetch): its run of failures
    failures = 0 if read else (store.feed(url) or {}).get("failures") or 1
    wait = interval(published, now, bounds, hints=hints)
    when = after(wait, now, failures=failures, hints=hints)
    if when is not None:
        store.schedule_feed(url, when, wait.total_seconds())
    hub = result.hub or (parsed.hub if parsed is not None else None)
    if hub:
        topic = result.self_url or (parsed.self_url if parsed is not None else None) or url
        report.hubs.append((url, hub, topic))
