"""WebSub (W3C): a feed that declares a hub pushes its new items within seconds.

dealbot subscribes with a callback `{DEALBOT_PUBLIC_URL}/websub/<feed id>` and a secret of its
own per feed; the hub checks our intent with a GET (we echo its challenge only for a
subscription we asked for), then POSTs new content signed with the secret (X-Hub-Signature,
HMAC); a delivery without a valid signature is refused with 403. Leases are renewed a day
before they end, and a feed removed or retired is unsubscribed. Polling goes on at the longest
interval as a safety net (bot.pipeline). The hub's address comes from a feed, a stranger: it
is reached only through the same address guard as every fetch.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

import httpx

from bot.clock import iso, parse_iso, utcnow

log = logging.getLogger(__name__)

LEASE = timedelta(days=7)  # asked for; the hub decides and says so when it verifies
RENEW_BEFORE = timedelta(days=1)
RETRY_AFTER = timedelta(minutes=10)  # a request not verified yet is not repeated sooner
DIGESTS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha384": hashlib.sha384}
DIGESTS["sha512"] = hashlib.sha512


def signature_ok(secret: str, body: bytes, header: str | None) -> bool:
    """Is X-Hub-Signature ("sha256=<hex>") the HMAC of `body` with our secret?"""
    method, _, given = (header or "").partition("=")
    digest = DIGESTS.get(method.strip().lower())
    if digest is None or not given or not secret:
        return False
    expected = hmac.new(secret.encode(), body, digest).hexdigest()
    return hmac.compare_digest(expected, given.strip().lower())


def verify_intent(row: dict | None, params: dict[str, str], now: datetime) -> tuple[int, str]:
    """The hub asks whether we want this (un)subscription: (HTTP status, body to send).
    The challenge is echoed only for the topic and mode we asked for."""
    mode = params.get("hub.mode", "")
    if row is None or params.get("hub.topic") != row.get("topic"):
        return 404, "unknown subscription"
    if mode == "denied":
        return 200, ""
    wanted = {"subscribing": "subscribe", "subscribed": "subscribe", "unsubscribing": "unsubscribe"}
    if wanted.get(row.get("state") or "") != mode:
        return 404, "not asked for"
    challenge = params.get("hub.challenge", "")
    if not challenge or len(challenge) > 1000:
        return 400, "no challenge"
    return 200, challenge


def lease_until(params: dict[str, str], now: datetime) -> datetime:
    seconds = params.get("hub.lease_seconds", "")
    lease = timedelta(seconds=int(seconds)) if seconds.isdigit() else LEASE
    return now + min(lease, timedelta(days=365))


def _renew_at(row: dict) -> timedelta:
    """How long before its end a lease is renewed: a day, or half a short lease."""
    ends, began = parse_iso(row.get("lease_until")), parse_iso(row.get("verified_at"))
    if ends and began and ends > began:
        return min(RENEW_BEFORE, (ends - began) / 2)
    return RENEW_BEFORE


class WebSub:
    """Keeps the store's WebSub subscriptions in line with the feeds that declare a hub."""

    def __init__(self, store, public_url: str, client: httpx.Client) -> None:
        self.store, self.public_url, self.client = store, public_url.rstrip("/"), client

    def ensure(self, hubs: Iterable[tuple[str, str, str]], now: datetime | None = None) -> None:
        """Subscribe feeds that declared a hub, renew leases that end within a day, and
        unsubscribe feeds no longer polled. Cheap when nothing is due (one small query)."""
        now = now or utcnow()
        active = {f["url"]: f for f in self.store.feeds()}
        for url, hub, topic in hubs:
            row = self.store.websub(url)
            if url in active and (row is None or row["hub"] != hub or row["topic"] != topic):
                self._request(active[url], hub, topic, "subscribe", now, new=True)
        for row in self.store.websubs():
            feed = active.get(row["feed_url"])
            if feed is None:
                if row["state"] != "unsubscribing":
                    self._request(
                        {"url": row["feed_url"]}, row["hub"], row["topic"], "unsubscribe", now
                    )
                continue
            ends = parse_iso(row["lease_until"])
            asked = parse_iso(row["requested_at"])
            waited = asked is None or now - asked >= RETRY_AFTER
            if (
                row["state"] == "subscribed"
                and ends
                and ends - now <= _renew_at(row)
                and waited
                or row["state"] == "subscribing"
                and waited
            ):
                self._request(feed, row["hub"], row["topic"], "subscribe", now)

    def _request(
        self, feed: dict, hub: str, topic: str, mode: str, now: datetime, *, new: bool = False
    ) -> None:
        """Ask the hub to (un)subscribe; the state says what we wait for it to verify. A
        renewal keeps the current lease until the hub confirms the new one."""
        url = feed["url"]
        row = None if new else self.store.websub(url)
        secret = (row or {}).get("secret") or secrets.token_hex(32)
        renewing = mode == "subscribe" and (row or {}).get("state") == "subscribed"
        state = "subscribed" if renewing else f"{mode}ing".replace("eing", "ing")
        self.store.set_websub(
            url,
            hub=hub,
            topic=topic,
            secret=secret,
            state=state,
            requested_at=iso(now),
            lease_until=(row or {}).get("lease_until"),
        )
        form = {
            "hub.mode": mode,
            "hub.topic": topic,
            "hub.callback": f"{self.public_url}/websub/{self._feed_id(url)}",
            "hub.secret": secret,
            "hub.lease_seconds": str(int(LEASE.total_seconds())),
        }
        try:
            resp = self.client.post(hub, data=form, timeout=10)
        except (httpx.HTTPError, OSError) as exc:
            log.warning("WebSub %s of %s at %s failed: %s", mode, url, hub, exc)
            return
        if resp.status_code not in (202, 204):
            log.warning("WebSub %s of %s: the hub answered %s", mode, url, resp.status_code)

    def _feed_id(self, url: str) -> int:
        row = self.store.feed(url)
        return int(row["id"]) if row else 0

    def verified(self, feed_url: str, params: dict[str, str], now: datetime | None = None) -> None:
        """The hub confirmed: a subscription becomes active with its lease; an
        unsubscription (or a denial) ends it."""
        now = now or utcnow()
        mode = params.get("hub.mode")
        if mode == "subscribe":
            self.store.set_websub(
                feed_url,
                state="subscribed",
                lease_until=iso(lease_until(params, now)),
                verified_at=iso(now),
            )
        else:
            self.store.drop_websub(feed_url)
