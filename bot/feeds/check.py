"""Is a URL a feed worth adding? Checked, fetched once through the guard, parsed, counted.

Used by `dealbot feeds add` and `/deal feeds add`: the person asking is trusted, the URL is not.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx

from bot.feeds.fetch import FeedRequest, fetch_feed
from bot.feeds.guard import AddressPolicy, Resolver, check_url, guarded_client, system_resolver
from bot.feeds.parse import parse_feed
from bot.models import Story

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedCheck:
    """What fetching a candidate feed once found; `reason` says why it is refused."""

    url: str
    ok: bool
    reason: str = ""
    title: str = ""
    items: int = 0
    funding: int = 0


def check_feed(
    url: str,
    policy: AddressPolicy,
    *,
    resolver: Resolver = system_resolver,
    client: httpx.Client | None = None,
    deadline: float = 20.0,
    is_funding: Callable[[Story], bool] | None = None,
) -> FeedCheck:
    """Check the URL, fetch it once (every hop guarded), parse it and count the stories that
    `is_funding` takes for funding news. Never raises."""
    url = url.strip()
    why = check_url(url, policy, resolver)
    if why:
        return FeedCheck(url, False, why)
    own = client is None
    client = client or guarded_client(policy, resolver)
    try:
        result = fetch_feed(client, FeedRequest(url), deadline=deadline)
    finally:
        if own:
            client.close()
    if result.error:
        return FeedCheck(url, False, result.error.removeprefix("connection failed: "))
    parsed = parse_feed(result.body or b"", feed_url=url, content_type=result.content_type)
    if parsed.error:
        return FeedCheck(url, False, parsed.error, title=parsed.title)
    return FeedCheck(
        url,
        True,
        title=parsed.title,
        items=len(parsed.stories),
        funding=_count(parsed.stories, is_funding),
    )


def _count(stories: Iterable[Story], is_funding: Callable[[Story], bool] | None) -> int:
    if is_funding is None:
        return 0
    count = 0
    for story in stories:
        try:
            count += is_funding(story)
        except Exception:  # a count for the reply; one odd story must not fail it
            log.exception("funding check failed on %s", story.link)
    return count


def check_all(
    urls: Sequence[str],
    policy: AddressPolicy,
    *,
    is_funding: Callable[[Story], bool] | None = None,
    concurrency: int = 8,
    deadline: float = 20.0,
) -> list[FeedCheck]:
    """check_feed for each URL, `concurrency` at a time, one shared guarded client; results in
    input order."""
    with guarded_client(policy) as client, ThreadPoolExecutor(max(1, concurrency)) as pool:
        return list(
            pool.map(
                lambda url: check_feed(
                    url, policy, client=client, deadline=deadline, is_funding=is_funding
                ),
                urls,
            )
        )
