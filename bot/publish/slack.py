"""Slack publishing: exactly one card per deal per channel, later sources in its thread.

The protocol, via the posts table (pk deal_id + channel):
1. write a `pending` row, then call chat.postMessage (card carries metadata with the deal id);
2. on success mark the row `posted` with the message ts and how many sources the card showed;
3. a row still `pending` (crash, lost reply, Slack error) is settled before anything else is
   posted: if the channel's recent history holds a card with this deal's metadata, the row is
   completed from it; otherwise the card was never posted and is posted now.
So a crash at any point repeats at most a lookup, never a card, and never loses one.
A row stays pending across cycles while Slack refuses (channel_not_found, ...): it is logged
each time with what to fix, and posted once fixed.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Collection, Sequence
from datetime import timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import hooks, metrics
from bot.clock import parse_iso, utcnow
from bot.models import Event, Source
from bot.publish.cards import EVENT_TYPE, digest_message, render_card, reply_text
from bot.slack.client import HELP, slack_error
from bot.store import Store

log = logging.getLogger(__name__)

# history searched around a pending row's creation time: from LOOKBACK before it (a host clock
# ahead of Slack's) to AFTER after it (a post retried, or a host clock behind), so the search
# stays small however busy the channel has been since
LOOKBACK = timedelta(minutes=20)
AFTER = timedelta(minutes=20)
UNPOSTED_WINDOW = timedelta(days=7)  # how far back (deal date) a never-announced deal is found
MAX_HISTORY_PAGES = 10
CLAIM_STALE = timedelta(minutes=5)  # a claim this old is a crashed poster's: it may be retaken
DIGEST_AFTER = 10  # a person's DM: more cards than this in DIGEST_WINDOW become one digest
DIGEST_WINDOW = timedelta(hours=1)
DIGEST_TYPE = "funding_digest"  # the digest message's metadata: which deals it holds


def _alive(claimer: str) -> bool:
    """Is the process that claimed a row (its pid) still running on this machine?"""
    try:
        os.kill(int(claimer), 0)
    except (ValueError, OverflowError):
        return False
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def find_in_history(history: Callable[..., Any], since, wanted: Callable[[dict], bool]):
    """The newest message posted around `since` (LOOKBACK before to AFTER after) whose
    metadata `wanted` accepts.

    `history(**kwargs)` calls conversations.history on the right channel; metadata is only
    returned with include_all_metadata, so that flag is always passed.
    """
    oldest = ((since or utcnow()) - LOOKBACK).timestamp()
    window = {"oldest": f"{oldest:.6f}"}
    if since is not None:  # a message posted after the window is not the one we look for
        window["latest"] = f"{(since + AFTER).timestamp():.6f}"
    cursor = None
    for _ in range(MAX_HISTORY_PAGES):
        resp = history(include_all_metadata=True, limit=200, cursor=cursor, **window)
        for msg in resp.get("messages") or []:
            if wanted(msg.get("metadata") or {}):
                return msg
        cursor = (resp.get("response_metadata") or {}).get("next_cursor")
        if not (resp.get("has_more") and cursor):
            return None
    return None


class SlackPublisher:
    """Posts cards to one channel with the posts-table protocol above; a Publisher for poll()."""

    def __init__(
        self,
        store: Store,
        client: WebClient,
        channel: str,
        *,
        post_interval: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        accepts: Callable[[int], bool] | None = None,
        digest_after: int | None = None,
        team_id: str | None = None,
    ) -> None:
        self.store, self.client, self.channel = store, client, channel
        self.post_interval, self.sleep, self.clock = post_interval, sleep, clock
        # which unposted deals this channel wants (a subscription's filters, from
        # bot.publish.router); None = all
        self.accepts = accepts
        self.digest_after = digest_after
        self.team_id = team_id  # the workspace this channel is in (OAuth), on every post row
        self._last_write: float | None = None
        self._channel_id = channel  # replaced by the ID Slack answers with (chat.update needs it)
        # this process's name on the pending rows it claims (bot.store.posts.claim_post)
        self._claimer = str(os.getpid())

    # --- the Publisher protocol --------------------------------------------------------
    def publish(self, events: Sequence[Event]) -> None:
        """Settle earlier pending posts, then post new cards and thread the new sources.

        A deal whose write failed just now is not caught up in this cycle: a reply that timed
        out may still land in Slack, so it is retried next cycle, when the thread shows it.
        """
        self.settle_pending()
        failed = set()
        events = self._digest(events)
        for event in events:
            try:
                self._handle(event)
            except (SlackApiError, OSError) as exc:  # logged in _write; the row says what is left
                log.debug("deal %s left for next cycle: %s", event.deal.id, exc)
                if event.deal.id is not None:
                    failed.add(event.deal.id)
        self.catch_up(skip=failed)

    def _handle(self, event: Event) -> None:
        deal_id = event.deal.id
        if deal_id is None:  # events carry stored deals; nothing to post otherwise
            return
        row = self._row(deal_id)
        if row is None:
            if event.fresh:
                self.post_card(deal_id)
        elif row["status"] == "posted":
            self._thread_sources(row, confirmed_link=event.story.link if event.confirmed else None)

    def _digest(self, events: Sequence[Event]) -> list[Event]:
        """In a person's DM, new cards past DIGEST_AFTER in the last hour go out as one digest
        message instead (exactly once like cards: a pending row per deal, the message's metadata
        lists them, so a crash is settled from history). The events left to post one by one."""
        if self.digest_after is None:
            return list(events)
        fresh = [
            e for e in events if e.fresh and e.deal.id is not None and self._row(e.deal.id) is None
        ]
        room = max(0, self.digest_after - self.store.recent_posts(self.channel, DIGEST_WINDOW))
        later = fresh[room:]
        if len(later) < 2:  # one extra card is a card, not a digest
            return list(events)
        ids = [e.deal.id for e in later if e.deal.id is not None]
        try:
            self.post_digest(ids)
        except (SlackApiError, OSError) as exc:
            log.debug("digest for %s left pending: %s", self.channel, exc)
        return [e for e in events if e not in later]

    def post_digest(self, deal_ids: list[int]) -> str | None:
        """One message listing several deals; each deal's row is then a "digest" row."""
        deals = [d for d in self.store.deals_by_id(deal_ids) if d.id is not None]
        claimed = []
        for deal in deals:
            self.store.add_post(deal.id or 0, self.channel, team_id=self.team_id)
            stale = utcnow() - CLAIM_STALE
            if self.store.claim_post(deal.id or 0, self.channel, self._claimer, stale_before=stale):
                claimed.append(deal)
        if not claimed:
            return None
        text, blocks = digest_message(
            claimed, [self.store.sources_in_order(d.id or 0) for d in claimed]
        )
        resp = self._write(
            "chat_postMessage",
            claimed[0].id or 0,
            text=text,
            blocks=blocks,
            metadata={
                "event_type": DIGEST_TYPE,
                "event_payload": {"deal_ids": [d.id for d in claimed]},
            },
            unfurl_links=False,
            unfurl_media=False,
        )
        for deal in claimed:
            self._set(deal.id or 0, status="digest", ts=resp["ts"], error=None)
        return resp["ts"]

    # --- settling and catching up --------------------------------------------------------
    def settle_pending(self) -> None:
        """Complete each pending row from channel history, or post its card if it never landed."""
        for row in self.store.pending_posts(self.channel):
            try:
                found = self._find_card(row["deal_id"], parse_iso(row["created_at"]))
                if found and found["metadata"].get("event_type") == DIGEST_TYPE:
                    self._set(row["deal_id"], status="digest", ts=found["ts"], error=None)
                    log.info("deal %s: in a digest found in history", row["deal_id"])
                elif found:
                    payload = found["metadata"].get("event_payload") or {}
                    self._complete(row["deal_id"], found["ts"], int(payload.get("sources") or 1))
                    log.info("deal %s: card found in history, not posted again", row["deal_id"])
                else:
                    self.post_card(row["deal_id"])
            except (SlackApiError, OSError) as exc:
                log.debug("pending deal %s stays pending: %s", row["deal_id"], exc)
        self.post_unposted()

    def post_unposted(self) -> None:
        """Post announceable deals that have no row here at all: the process died after storing
        them and before publishing, and their stories are known now, so no event will repeat.
        Indexed on the deal date, so this costs one small query per cycle."""
        for deal_id in self.store.unposted_deals(self.channel, utcnow() - UNPOSTED_WINDOW):
            if self.accepts is not None and not self.accepts(deal_id):
                continue
            try:
                self.post_card(deal_id)
            except (SlackApiError, OSError) as exc:
                log.debug("deal %s left for next cycle: %s", deal_id, exc)

    def catch_up(self, skip: Collection[int] = ()) -> None:
        """Thread sources that earlier cycles could not post (Slack errors, restarts)."""
        for row in [r for r in self.store.posts_behind(self.channel) if r["deal_id"] not in skip]:
            try:
                self._thread_sources(row)
            except (SlackApiError, OSError) as exc:
                log.debug("deal %s sources left for next cycle: %s", row["deal_id"], exc)

    def _find_card(self, deal_id: int, since) -> dict | None:
        """The newest message in recent history carrying this deal's card metadata."""
        return find_in_history(
            lambda **kw: self._call("conversations_history", **kw),
            since,
            lambda meta: (
                (
                    meta.get("event_type") == EVENT_TYPE
                    and (meta.get("event_payload") or {}).get("deal_id") == deal_id
                )
                or (
                    meta.get("event_type") == DIGEST_TYPE
                    and deal_id in ((meta.get("event_payload") or {}).get("deal_ids") or [])
                )
            ),
        )

    # --- posting -----------------------------------------------------------------------------
    def post_card(self, deal_id: int) -> str | None:
        """Post the deal's card once (pending row first); returns the ts, None if left pending."""
        deal = self.store.deal(deal_id)
        if deal is None or deal.removed:  # dismissed or merged by a person: no card
            return None
        sources = self._sources(deal_id)
        card = render_card(deal, sources)
        self.store.add_post(deal_id, self.channel, team_id=self.team_id)
        row = self._row(deal_id)
        holder = (row or {}).get("claimed_by")
        # a claim is retaken when it is old, or its process is gone (a crash before the post)
        stale = utcnow() + timedelta(seconds=1) if holder and not _alive(holder) else None
        stale = stale or utcnow() - CLAIM_STALE
        if not self.store.claim_post(deal_id, self.channel, self._claimer, stale_before=stale):
            # another publisher (another process on this database) is posting it right now
            log.info("deal %s: being posted by another publisher; not posted here", deal_id)
            return None
        hooks.fire("after_pending")
        try:
            resp = self._write(
                "chat_postMessage",
                deal_id,
                text=card.text,
                blocks=card.blocks,
                metadata=card.metadata,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            if exc.response.status_code < 500:
                # refused: nothing was posted; logged, retried next cycle
                self.store.release_post(deal_id, self.channel, self._claimer)
                return None
            return self._settle_now(deal_id)
        except OSError:
            return self._settle_now(deal_id)
        hooks.fire("after_post")
        metrics.CARDS.inc()
        self._complete(deal_id, resp["ts"], len(sources))
        return resp["ts"]

    def _settle_now(self, deal_id: int) -> str | None:
        """The post may or may not have landed (5xx, lost connection): ask history at once."""
        try:
            row = self._row(deal_id)
            found = self._find_card(deal_id, parse_iso(row["created_at"]) if row else None)
        except (SlackApiError, OSError):
            return None
        if found:
            payload = found["metadata"].get("event_payload") or {}
            self._complete(deal_id, found["ts"], int(payload.get("sources") or 1))
            return found["ts"]
        return None

    def _thread_sources(self, row: dict, confirmed_link: str | None = None) -> None:
        """Refresh the card, then reply in its thread for each source not shown yet.

        The card first: chat.update is idempotent, so a crash after it only repeats it, while a
        crash after the last reply would leave the card stale for good. A reply already in the
        thread (posted just before a crash or a lost answer) is not posted again.
        """
        deal_id, done = row["deal_id"], row["sources_posted"] or 0
        sources = self._sources(deal_id)
        if not sources[done:]:
            return
        deal = self.store.deal(deal_id)
        if deal is not None:
            card = render_card(deal, sources)
            self._write(
                "chat_update",
                deal_id,
                ts=row["ts"],
                text=card.text,
                blocks=card.blocks,
                metadata=card.metadata,
            )
        already = self._thread_texts(row["ts"])
        for source in sources[done:]:
            confirmed = confirmed_link is not None and source.link == confirmed_link
            if not any(t.endswith(reply_text(source)) for t in already):
                self._write(
                    "chat_postMessage",
                    deal_id,
                    thread_ts=row["ts"],
                    text=reply_text(source, confirmed=confirmed),
                    reply_broadcast=confirmed,
                    unfurl_links=False,
                    unfurl_media=False,
                )
                hooks.fire("after_reply")
            done += 1
            self._set(deal_id, sources_posted=done)

    def _thread_texts(self, ts: str) -> list[str]:
        """The texts of the replies in a card's thread; empty if Slack cannot say (then a reply
        may repeat after a crash, but none is lost)."""
        try:
            resp = self._call("conversations_replies", ts=ts, limit=200)
        except (SlackApiError, OSError) as exc:
            log.debug("thread %s not read: %s", ts, exc)
            return []
        return [m.get("text") or "" for m in resp.get("messages") or [] if m.get("ts") != ts]

    # --- Slack calls -------------------------------------------------------------------------
    def _write(self, method: str, deal_id: int, **kwargs):
        """A paced write; refusals are logged with what to do and recorded on the row."""
        try:
            return self._call(method, pace=True, **kwargs)
        except SlackApiError as exc:
            error = slack_error(exc)
            metrics.SLACK_ERRORS.labels(code=error).inc()
            log.error(
                "Slack %s for deal %s in %s failed: %s. %s",
                method.replace("_", "."),
                deal_id,
                self.channel,
                error,
                HELP.get(error, "it will be retried next cycle"),
            )
            self._set(deal_id, error=error)
            raise

    def _call(self, method: str, *, pace: bool = False, **kwargs):
        """Call the Web API on our channel; join a public channel once if we are not in it."""
        for attempt in (1, 2):
            if pace:
                self._pace()
            try:
                resp = getattr(self.client, method)(channel=self._channel_id, **kwargs)
            except SlackApiError as exc:
                if attempt == 1 and slack_error(exc) == "not_in_channel":
                    log.warning("not in %s: joining it", self.channel)
                    self.client.conversations_join(channel=self._channel_id)
                    continue
                raise
            if method == "chat_postMessage" and resp.get("channel"):
                self._channel_id = resp["channel"]
            return resp
        raise AssertionError("unreachable")

    def _pace(self) -> None:
        """About one write a second per channel (settings.post_interval), as Slack asks."""
        if self._last_write is not None:
            wait = self.post_interval - (self.clock() - self._last_write)
            if wait > 0:
                self.sleep(wait)
        self._last_write = self.clock()

    # --- the posts table ---------------------------------------------------------------------
    def _row(self, deal_id: int) -> dict | None:
        return self.store.post(deal_id, self.channel)

    def _complete(self, deal_id: int, ts: str, sources_posted: int) -> None:
        self._set(
            deal_id,
            status="posted",
            ts=ts,
            sources_posted=sources_posted,
            error=None,
            channel_id=self._channel_id,  # chat.update from a correction needs the ID
        )

    def _set(self, deal_id: int, **changes) -> None:
        self.store.update_post(deal_id, self.channel, **changes)

    def _sources(self, deal_id: int) -> list[Source]:
        return self.store.sources_in_order(deal_id)
