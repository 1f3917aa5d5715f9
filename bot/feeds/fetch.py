"""Fetch feed bodies over HTTP: conditional GET, hard limits on time and size, errors as data.

Parsing lives in bot/parse.py; this module only moves bytes. One bad feed (hanging, huge,
redirecting forever, gzip bomb) yields a FetchResult with `error` set and never raises.
"""

from __future__ import annotations

import math
import re
import time
import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from importlib import metadata
from typing import Any

import httpx

from bot.feeds.deadline import DeadlineBackend, deadline_scope, with_backend
from bot.feeds.links import is_http_url

MAX_BYTES = 10 * 1024 * 1024
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)


def _version() -> str:
    try:
        return metadata.version("dealbot")
    except metadata.PackageNotFoundError:  # running from a checkout that is not installed
        return "0"


USER_AGENT = f"dealbot/{_version()} (+https://github.com/dealbot; funding news bot)"


@dataclass(frozen=True)
class FeedRequest:
    """A feed to fetch, with the validators stored from its last successful fetch."""

    url: str
    name: str = ""
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """What one fetch produced; `bytes_received` counts body bytes as sent on the wire."""

    url: str
    status: int | None = None
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    content_type: str | None = None
    bytes_received: int = 0
    elapsed: float = 0.0
    # what the server said about asking again (bot.feeds.schedule honours it): seconds the
    # answer may be cached (Cache-Control max-age, or Expires), seconds to wait (Retry-After
    # on 429/503), and a WebSub hub and self URL from the Link header
    cache_seconds: float | None = None
    retry_after: float | None = None
    hub: str | None = None
    self_url: str | None = None

    @property
    def gone(self) -> bool:
        """410 Gone: the publisher says the feed is gone for good."""
        return self.status == 410

    @property
    def ok(self) -> bool:
        return self.error is None


class _FetchError(Exception):
    """A limit was hit; the message becomes FetchResult.error."""


def make_client(
    *,
    connect_timeout: float = 5.0,
    read_timeout: float = 10.0,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """An httpx client with dealbot's headers, timeouts and redirect policy; its connections
    keep each fetch's absolute deadline (bot.feeds.deadline)."""
    if transport is None:
        transport = httpx.HTTPTransport()
        with_backend(transport, DeadlineBackend())
    return httpx.Client(
        timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
        follow_redirects=True,
        max_redirects=5,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
        transport=transport,
    )


class _BoundedDecoder:
    """Undo gzip/deflate without ever holding more than `limit` decoded bytes.

    httpx's own decoders (iter_bytes) inflate a whole network chunk at once: a 50 KB gzip bomb
    becomes one 50 MB chunk (measured: 130 MB peak). Here every decompress call is capped.
    """

    def __init__(self, encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise _FetchError(f"unsupported content encoding: {encoding}")
        self.coding = codings[0] if codings else None
        self.limit = limit
        self.size = 0
        wbits = zlib.MAX_WBITS | 16 if self.coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._z = zlib.decompressobj(wbits) if self.coding else None
        self._first = True

    def decode(self, data: bytes) -> bytes:
        if self._z is None:
            return self._count(data)
        if self._first and self.coding == "deflate" and data:
            self._first = False
            if data[0] & 0x0F != 8:  # raw deflate without the zlib header, as some servers send
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
        out = bytearray()
        try:
            while data and not self._z.eof:
                out += self._count(self._z.decompress(data, self.limit - self.size + 1))
                data = self._z.unconsumed_tail
        except zlib.error as exc:
            raise _FetchError(f"bad content encoding: {exc}") from None
        return bytes(out)

    def flush(self) -> bytes:
        """What zlib still holds (at most its 32 KB window) once the body has ended."""
        if self._z is None or self._z.eof:
            return b""
        try:
            return self._count(self._z.flush())
        except zlib.error as exc:
            raise _FetchError(f"bad content encoding: {exc}") from None

    def _count(self, chunk: bytes) -> bytes:
        self.size += len(chunk)
        if self.size > self.limit:
            raise _FetchError(f"body too large (> {self.limit} bytes)")
        return chunk


def _timeout(base: httpx.Timeout, remaining: float) -> httpx.Timeout:
    """The client's timeouts, none longer than what is left of the deadline."""

    def cap(value: float | None) -> float:
        return max(0.001, min(value if value is not None else math.inf, remaining))

    return httpx.Timeout(
        connect=cap(base.connect), read=cap(base.read), write=cap(base.write), pool=cap(base.pool)
    )


def _describe(exc: Exception) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out ({type(exc).__name__})"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects"
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return f"invalid URL: {exc}"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed: {exc}"
    if isinstance(exc, httpx.DecodingError):
        return f"bad content encoding: {exc}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


@dataclass
class _Transfer:
    """One fetch in progress: its clock, and what a report needs if it stops early."""

    deadline: float
    start: float = field(default_factory=time.monotonic)
    status: int | None = None
    content_type: str | None = None
    received: int = 0
    hints: dict[str, Any] = field(default_factory=dict)

    @property
    def expired(self) -> bool:
        return time.monotonic() - self.start >= self.deadline

    def remaining(self) -> float:
        left = self.deadline - (time.monotonic() - self.start)
        if left <= 0:
            raise _FetchError(f"deadline exceeded ({self.deadline:g} s)")
        return left

    def read(self, resp: httpx.Response, max_bytes: int) -> bytes:
        """The decoded body, within the size cap and the deadline."""
        length = resp.headers.get("content-length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise _FetchError(f"body too large (> {max_bytes} bytes)")
        decoder = _BoundedDecoder(resp.headers.get("content-encoding", ""), max_bytes)
        chunks = []
        for raw in resp.iter_raw():
            self.received = resp.num_bytes_downloaded
            chunks.append(decoder.decode(raw))
            self.remaining()
        chunks.append(decoder.flush())
        self.received = resp.num_bytes_downloaded
        return b"".join(chunks)

    def result(self, req: FeedRequest, **found: Any) -> FetchResult:
        return FetchResult(
            url=req.url,
            status=self.status,
            content_type=self.content_type,
            bytes_received=self.received,
            elapsed=time.monotonic() - self.start,
            **self.hints,
            **found,
        )


MAX_HINT_SECONDS = 86400.0  # a server asking for more than a day is read as a day


def _seconds(value: str | None) -> float | None:
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_HINT_SECONDS)
    try:  # an HTTP date
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, min((when - datetime.now(timezone.utc)).total_seconds(), MAX_HINT_SECONDS))


def server_hints(headers: httpx.Headers, status: int) -> dict[str, Any]:
    """What the answer's headers say about asking again: Cache-Control max-age (or Expires),
    Retry-After on 429 and 503, and Link rel="hub"/"self" (WebSub)."""
    out: dict[str, Any] = {}
    control = headers.get("cache-control", "").lower()
    m = re.search(r"(?:^|,)\s*max-age\s*=\s*(\d+)", control)
    if "no-cache" in control or "no-store" in control:
        pass
    elif m:
        out["cache_seconds"] = min(float(m.group(1)), MAX_HINT_SECONDS)
    elif headers.get("expires"):
        out["cache_seconds"] = _seconds(headers.get("expires"))
    if status in (429, 503):
        out["retry_after"] = _seconds(headers.get("retry-after"))
    for link in headers.get_list("link", split_commas=True):
        m = re.match(r"\s*<([^>]{1,2000})>\s*;(.*)$", link)
        if not m:
            continue
        rels = re.search(r'rel\s*=\s*"?([^";]+)"?', m.group(2))
        for rel in rels.group(1).split() if rels else []:
            if rel.lower() == "hub" and is_http_url(m.group(1)):
                out["hub"] = m.group(1)
            elif rel.lower() == "self" and is_http_url(m.group(1)):
                out["self_url"] = m.group(1)
    return out


def _conditional(req: FeedRequest) -> dict[str, str]:
    """The validators of the last fetch, so an unchanged feed answers 304 with no body."""
    headers = {}
    if req.etag:
        headers["If-None-Match"] = req.etag
    if req.last_modified:
        headers["If-Modified-Since"] = req.last_modified
    return headers


def fetch_feed(
    client: httpx.Client, req: FeedRequest, *, deadline: float = 20.0, max_bytes: int = MAX_BYTES
) -> FetchResult:
    """GET one feed within `deadline` seconds in total and `max_bytes` decoded; never raises.

    Redirects are followed here, hop by hop (up to client.max_redirects), so the deadline
    bounds every hop; httpx would give each hop its full timeouts.
    """
    if not is_http_url(req.url):
        return FetchResult(url=req.url, error="invalid URL: only http and https are fetched")
    transfer, url, headers = _Transfer(deadline), req.url, _conditional(req)
    try:
        with deadline_scope(deadline):
            return _fetch(client, req, transfer, url, headers, max_bytes)
    except _FetchError as exc:
        error = str(exc)
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError) as exc:
        error = _describe(exc)
        if isinstance(exc, httpx.TimeoutException) and transfer.expired:
            error = f"timed out: deadline exceeded ({deadline:g} s)"  # the socket kept it
    return transfer.result(req, error=error)


def _fetch(
    client: httpx.Client,
    req: FeedRequest,
    transfer: _Transfer,
    url: str,
    headers: dict[str, str],
    max_bytes: int,
) -> FetchResult:
    """The hops of one fetch; raises what fetch_feed turns into an error result."""
    for _hop in range(client.max_redirects + 1):
        timeout = _timeout(client.timeout, transfer.remaining())
        request = client.build_request("GET", url, headers=headers, timeout=timeout)
        resp = client.send(request, stream=True, follow_redirects=False)
        try:
            transfer.status = resp.status_code
            transfer.hints = server_hints(resp.headers, resp.status_code)
            if resp.has_redirect_location and client.follow_redirects:
                url = str(resp.url.join(resp.headers["location"]))
                if not is_http_url(url):
                    raise _FetchError(f"invalid URL: redirect to {url[:200]}")
                continue
            transfer.content_type = resp.headers.get("content-type")
            if resp.status_code == 304:
                return transfer.result(
                    req,
                    etag=resp.headers.get("etag") or req.etag,
                    last_modified=resp.headers.get("last-modified") or req.last_modified,
                    not_modified=True,
                )
            if not 200 <= resp.status_code < 300:
                raise _FetchError(f"HTTP {resp.status_code}")
            return transfer.result(
                req,
                body=transfer.read(resp, max_bytes),
                etag=resp.headers.get("etag"),
                last_modified=resp.headers.get("last-modified"),
            )
        finally:
            resp.close()
    raise _FetchError("too many redirects")


def fetch_all(
    requests: Sequence[FeedRequest],
    *,
    client: httpx.Client | None = None,
    concurrency: int = 16,
    deadline: float = 20.0,
    max_bytes: int = MAX_BYTES,
) -> list[FetchResult]:
    """Fetch every feed, `concurrency` at a time; results in input order, one per request.

    A hanging feed occupies one worker for at most about `deadline`, so the cycle takes about
    ceil(len(requests) / concurrency) * deadline at worst.
    """
    if not requests:
        return []
    own = client is None
    client = client or make_client()

    def one(req: FeedRequest) -> FetchResult:
        try:
            return fetch_feed(client, req, deadline=deadline, max_bytes=max_bytes)
        except Exception as exc:  # noqa: BLE001 - one feed's bug must not lose the others
            return FetchResult(url=req.url, error=f"unexpected {type(exc).__name__}: {exc}")

    try:
        workers = max(1, min(concurrency, len(requests)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
            return list(pool.map(one, requests))
    finally:
        if own:
            client.close()
