"""The HTTP door in front of bolt: size first, signature second, only then parsing.

Bolt reads and parses a request's body before it checks the signature, so an unsigned POST of
junk (a body that is not JSON or not UTF-8, a timestamp that is not a number) became an HTTP 500
and a traceback per request, and an unsigned 150 MiB body was read into memory whole. This
WSGI middleware answers such requests itself: 413 for a body over MAX_BODY (from the declared
length, before reading), 400 for a request without Slack's headers, 401 for a bad signature,
each logged as one counted line at most once a minute. A signed request goes on to bolt with
its body, which bolt checks again.
"""

from __future__ import annotations

import io
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # Slack's requests are a few kB; 1 MB is plenty
LOG_EVERY = 60.0  # seconds between two log lines about refused requests

WsgiApp = Callable[[dict, Callable[..., Any]], Iterable[bytes]]


class RefusalLog:
    """Refusals counted, and logged at most once per LOG_EVERY seconds with the count since."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.count = 0
        self._since_last = 0
        self._last = float("-inf")
        self._lock = threading.Lock()

    def refused(self, status: int, why: str) -> None:
        with self._lock:
            self.count += 1
            self._since_last += 1
            now = self.clock()
            if now - self._last < LOG_EVERY:
                return
            n, self._since_last, self._last = self._since_last, 0, now
        log.warning("refused %d request(s) to /slack/events; latest: %d %s", n, status, why)


class SlackGate:
    """WSGI middleware: POSTs to `path` must be small and signed before `app` sees them."""

    def __init__(
        self,
        app: WsgiApp,
        signing_secret: str,
        *,
        path: str = "/slack/events",
        refusals: RefusalLog | None = None,
    ) -> None:
        self.app = app
        self.path = path
        self.verifier = SignatureVerifier(signing_secret)
        self.refusals = refusals or RefusalLog()

    def __call__(self, environ: dict, start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") != self.path:
            return self.app(environ, start_response)
        length = _content_length(environ)
        if length is None:
            return self._refuse(start_response, 400, "no usable Content-Length")
        if length > MAX_BODY:
            return self._refuse(start_response, 413, f"body of {length} bytes")
        body = environ["wsgi.input"].read(length) if length else b""
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
        if not timestamp.isdigit() or not signature:
            return self._refuse(start_response, 400, "no Slack signature headers")
        if not self.verifier.is_valid(body=body, timestamp=timestamp, signature=signature):
            return self._refuse(start_response, 401, "bad or expired signature")
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)

    def _refuse(self, start_response: Callable[..., Any], status: int, why: str) -> list[bytes]:
        self.refusals.refused(status, why)
        reason = {400: "Bad Request", 401: "Unauthorized", 413: "Payload Too Large"}[status]
        body = reason.encode()
        start_response(
            f"{status} {reason}",
            [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
        )
        return [body]


def _content_length(environ: dict) -> int | None:
    raw = (environ.get("CONTENT_LENGTH") or "0").strip()
    if not raw.isdigit():
        return None
    return int(raw)
