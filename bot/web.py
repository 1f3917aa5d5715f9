"""dealbot's HTTP surface besides Slack's: health, metrics and the deal feed (WSGI).

`GET /healthz` (200, or 503 with the reasons: database unreachable, scheduler stopped, no good
poll for three intervals), `GET /metrics` (Prometheus), `GET /deals.atom` and `GET
/deals.json` (every deal the `q` query finds, newest first; conditional GET with ETag and
Last-Modified; `DEALBOT_FEED_TOKEN`, when set, as `?token=` or `Authorization: Bearer`).
Anything else goes to the Slack app (HTTP mode) or gets 404. Only GET and HEAD are served
here; the query is read like `/deal`'s and capped.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections.abc import Callable, Iterable
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qs

from bot import metrics
from bot.clock import utcnow
from bot.feeds.websub import WebSub, signature_ok, verify_intent
from bot.lookup.query import MAX_QUERY
from bot.lookup.search import matching
from bot.publish import dealfeed
from bot.store import Store

log = logging.getLogger(__name__)
WsgiApp = Callable[[dict, Callable[..., Any]], Iterable[bytes]]
FEEDS = {
    "/deals.atom": ("application/atom+xml; charset=utf-8", dealfeed.atom),
    "/deals.json": ("application/feed+json; charset=utf-8", dealfeed.json_feed),
}
MAX_PUSH = 1024 * 1024  # a WebSub delivery carries new entries, not a whole archive
REASONS = {
    200: "OK",
    202: "Accepted",
    304: "Not Modified",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Payload Too Large",
    503: "Service Unavailable",
}


class WebApp:
    """The router: our GET endpoints first, then `slack` (bolt behind its gate), else 404."""

    def __init__(
        self,
        store: Store,
        health: metrics.Health,
        *,
        feed_token: str | None = None,
        slack: WsgiApp | None = None,
        websub: WebSub | None = None,
        on_push: Callable[[dict, bytes, str | None], None] | None = None,
    ) -> None:
        self.store, self.health, self.feed_token, self.slack = store, health, feed_token, slack
        # WebSub (HTTP mode with DEALBOT_PUBLIC_URL): the hub's checks and its deliveries,
        # which `on_push` takes through parse → extract → match → store → publish
        self.websub, self.on_push = websub, on_push

    def __call__(self, environ: dict, start_response: Callable[..., Any]) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO") or "/", environ.get("REQUEST_METHOD") or "GET"
        if path.startswith("/websub/") and self.websub is not None:
            try:
                status, body = self._websub(path, method, environ)
            except Exception:  # never a traceback to a hub
                log.exception("%s %s failed", method, path)
                status, body = 503, b"internal error\n"
            return _send(start_response, status, body)
        ours = path in ("/healthz", "/metrics", *FEEDS)
        if not ours:
            if self.slack is not None:
                return self.slack(environ, start_response)
            return _send(start_response, 404, b"not found\n")
        if method not in ("GET", "HEAD"):
            return _send(start_response, 405, b"GET only\n", [("Allow", "GET, HEAD")])
        try:
            status, body, headers = self._route(path, environ)
        except Exception:  # never a traceback to a client; the log says what broke
            log.exception("GET %s failed", path)
            status, body, headers = 503, b"internal error\n", []
        return _send(start_response, status, body, headers, head=method == "HEAD")

    def _route(self, path: str, environ: dict) -> tuple[int, bytes, list[tuple[str, str]]]:
        if path == "/healthz":
            return self._healthz()
        if path == "/metrics":
            return 200, metrics.exposition(), [("Content-Type", "text/plain; version=0.0.4")]
        return self._feed(path, environ)

    def _healthz(self) -> tuple[int, bytes, list[tuple[str, str]]]:
        problems = self.health.problems()
        try:
            self.store.ping()
        except Exception as exc:  # noqa: BLE001 - any database failure is the answer
            problems.append(f"database unreachable: {exc}")
        body = {
            "status": "ok" if not problems else "unhealthy",
            "problems": problems,
            "last_good_poll": self.health.last_good_poll,
            "scheduler_running": self.health.scheduler_running,
        }
        status = 200 if not problems else 503
        return status, json.dumps(body).encode() + b"\n", [("Content-Type", "application/json")]

    def _feed(self, path: str, environ: dict) -> tuple[int, bytes, list[tuple[str, str]]]:
        args = parse_qs(environ.get("QUERY_STRING") or "", max_num_fields=10)
        if self.feed_token and not self._authorised(environ, args):
            return 401, b"a token is required (DEALBOT_FEED_TOKEN)\n", []
        query = (args.get("q") or [""])[0]
        if len(query) > MAX_QUERY:
            return 400, f"q is longer than {MAX_QUERY} characters\n".encode(), []
        deals, problem = matching(self.store, query, limit=dealfeed.LIMIT)
        if problem:
            return 400, problem.replace("*", "").encode() + b"\n", []
        updated = self.store.updated_at([d.id for d in deals if d.id is not None])
        ctype, render = FEEDS[path]
        body = render(deals, self_url=_self_url(environ), updated=updated, query=query)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = [("Content-Type", ctype), ("ETag", etag), ("Cache-Control", "max-age=60")]
        last = max(updated.values(), default=None)
        if last is not None:
            headers.append(
                ("Last-Modified", format_datetime(last.replace(microsecond=0), usegmt=True))
            )
        if _not_modified(environ, etag, last):
            return 304, b"", headers
        return 200, body, headers

    def _authorised(self, environ: dict, args: dict[str, list[str]]) -> bool:
        given = (args.get("token") or [""])[0]
        auth = environ.get("HTTP_AUTHORIZATION") or ""
        if auth.startswith("Bearer "):
            given = auth[7:]
        return hmac.compare_digest(given.encode(), (self.feed_token or "").encode())

    def _websub(self, path: str, method: str, environ: dict) -> tuple[int, bytes]:
        """GET: the hub verifies our intent (echo the challenge); POST: a signed delivery."""
        assert self.websub is not None
        number = path[len("/websub/") :]
        feed = self.store.feed_by_id(int(number)) if number.isdigit() and len(number) < 12 else None
        row = self.store.websub(feed["url"]) if feed else None
        if method == "GET":
            params = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING") or "").items()}
            status, answer = verify_intent(row, params, utcnow())
            if status == 200 and feed is not None:
                self.websub.verified(feed["url"], params)
            return status, answer.encode()
        if method != "POST":
            return 405, b"GET or POST\n"
        length = (environ.get("CONTENT_LENGTH") or "0").strip()
        if not length.isdigit() or int(length) > MAX_PUSH:
            return 413, b"too large\n"
        pushed = environ["wsgi.input"].read(int(length)) if int(length) else b""
        signature = environ.get("HTTP_X_HUB_SIGNATURE_256") or environ.get("HTTP_X_HUB_SIGNATURE")
        if feed is None or row is None or row.get("state") != "subscribed":
            return 404, b"unknown subscription\n"
        if not signature_ok(row["secret"], pushed, signature):
            log.warning("WebSub delivery for %s refused: bad signature", feed["url"])
            return 403, b"bad signature\n"
        if self.on_push is not None:
            self.on_push(feed, pushed, environ.get("CONTENT_TYPE"))
        return 202, b"accepted\n"


def _not_modified(environ: dict, etag: str, last) -> bool:
    """If-None-Match wins over If-Modified-Since, as RFC 9110 says."""
    match = environ.get("HTTP_IF_NONE_MATCH")
    if match is not None:
        return etag in [m.strip() for m in match.split(",")] or match.strip() == "*"
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if since and last is not None:
        try:
            return last.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def _self_url(environ: dict) -> str:
    """The feed's own address, from the request (a Host header is the client's word: only
    host-name characters are kept)."""
    scheme = "https" if environ.get("wsgi.url_scheme") == "https" else "http"
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}"
    host = re.sub(r"[^\w.:\[\]-]", "", host)[:200] or "localhost"
    return f"{scheme}://{host}{environ.get('PATH_INFO') or '/'}"


def _send(
    start_response: Callable[..., Any],
    status: int,
    body: bytes,
    headers: list[tuple[str, str]] | None = None,
    *,
    head: bool = False,
) -> list[bytes]:
    headers = list(headers or [])
    if not any(k == "Content-Type" for k, _ in headers):
        headers.append(("Content-Type", "text/plain; charset=utf-8"))
    headers.append(("Content-Length", str(len(body))))
    start_response(f"{status} {REASONS[status]}", headers)
    return [b""] if head else [body]
