"""A local feed server for tests: real HTTP on 127.0.0.1, port 0, in a daemon thread.

It serves what a test registers (feeds, errors, redirects, hangs, gzip, gzip bombs), answers
304 to matching conditional requests and logs every request, so tests can assert on both ends.
"""

from __future__ import annotations

import functools
import threading
import zlib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

MB = 1024 * 1024


@dataclass(frozen=True)
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml"
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    content_length: bool = True  # False: no Content-Length, the body ends when the socket closes
    hang: bool = False
    trickle: float = 0.0  # seconds between 64-byte pieces of the body


@dataclass(frozen=True)
class LoggedRequest:
    path: str
    headers: httpx.Headers  # case-insensitive: headers["if-none-match"], .get("ETag")


@functools.cache
def gzip_bomb(size: int = 50 * MB) -> bytes:
    """A gzip stream of `size` zero bytes, built chunk by chunk (about 1000:1, so ~50 KB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(MB)
    parts = [packer.compress(block[: min(MB, size - done)]) for done in range(0, size, MB)]
    return b"".join(parts) + packer.flush()


def gzip_bytes(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return packer.compress(data) + packer.flush()


class FeedServer:
    """`with FeedServer() as server: server.add("/f", b"<rss/>"); server.url("/f")`."""

    def __init__(self, *, hang_seconds: float = 5.0) -> None:
        self.hang_seconds = hang_seconds  # longer than any test deadline, short enough to end
        self.routes: dict[str, Route] = {}
        self.requests: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- registering responses ---------------------------------------------------------

    def add(
        self,
        path: str,
        body: bytes,
        *,
        content_type: str = "application/rss+xml",
        etag: str | None = None,
        last_modified: str | None = None,
        status: int = 200,
        delay: float = 0,
        headers: dict[str, str] | None = None,
        gzip: bool = False,
        content_length: bool = True,
        trickle: float = 0,
    ) -> str:
        """Serve `body` at `path` (gzip-encoded if asked, or dripped slowly); returns the URL."""
        extra = dict(headers or {})
        if gzip:
            body = gzip_bytes(body)
            extra["Content-Encoding"] = "gzip"
        self.routes[path] = Route(
            body,
            content_type,
            etag,
            last_modified,
            status,
            delay,
            extra,
            content_length,
            trickle=trickle,
        )
        return self.url(path)

    def add_redirect(self, path: str, to: str, *, status: int = 302) -> str:
        """Redirect `path` to `to` (a path on this server or a full URL)."""
        location = to if "://" in to else self.url(to)
        self.routes[path] = Route(status=status, headers={"Location": location})
        return self.url(path)

    def add_hang(self, path: str) -> str:
        """Accept the request, then send nothing for `hang_seconds` (or until stop)."""
        self.routes[path] = Route(hang=True)
        return self.url(path)

    def add_gzip_bomb(self, path: str, size: int = 50 * MB) -> str:
        """A small gzip body that decodes to `size` bytes."""
        headers = {"Content-Encoding": "gzip"}
        self.routes[path] = Route(gzip_bomb(size), "application/rss+xml", headers=headers)
        return self.url(path)

    # --- inspecting -----------------------------------------------------------------------

    def url(self, path: str) -> str:
        if self._httpd is None:
            raise RuntimeError("FeedServer is not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def requests_for(self, path: str) -> list[LoggedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    # --- lifecycle ------------------------------------------------------------------------

    def start(self) -> FeedServer:
        handler = functools.partial(_Handler, self)
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(  # short poll interval: stop() returns quickly
            target=self._httpd.serve_forever, args=(0.02,), daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes hanging and delayed handlers
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FeedServer:  # noqa: PYI034 - typing.Self needs Python 3.11
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _log(self, path: str, headers: httpx.Headers) -> None:
        with self._lock:
            self.requests.append(LoggedRequest(path, headers))


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a hanging handler never blocks stop()
    request_queue_size = 128  # the default 5 drops a burst of connections (1 s SYN retry)


def _not_modified(route: Route, headers: httpx.Headers) -> bool:
    if "if-none-match" in headers:  # RFC 9110: If-None-Match wins over If-Modified-Since
        tags = [t.strip().removeprefix("W/") for t in headers["if-none-match"].split(",")]
        return route.etag is not None and (route.etag.removeprefix("W/") in tags or "*" in tags)
    if "if-modified-since" in headers and route.last_modified:
        try:
            since = parsedate_to_datetime(headers["if-modified-since"])
            return parsedate_to_datetime(route.last_modified) <= since
        except (TypeError, ValueError):
            return False
    return False


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, server: FeedServer, *args: object) -> None:
        self.feeds = server
        super().__init__(*args)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean; the request log is self.feeds.requests

    def do_GET(self) -> None:  # http.server dispatches on this name
        headers = httpx.Headers(list(self.headers.items()))
        path = self.path.split("?", 1)[0]
        self.feeds._log(path, headers)
        route = self.feeds.routes.get(path)
        if route is None:
            route = Route(b"not found", "text/plain", status=404)
        try:
            self._respond(route, headers)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the client gave up (a size or time limit): that is what tests expect

    def _respond(self, route: Route, headers: httpx.Headers) -> None:
        if route.hang:
            self.feeds._stopping.wait(self.feeds.hang_seconds)
            self.close_connection = True
            return
        if route.delay:
            self.feeds._stopping.wait(route.delay)
        if route.status == 200 and _not_modified(route, headers):
            self.send_response(304)
            self._validators(route)
            self.end_headers()
            return
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        if route.content_length:
            self.send_header("Content-Length", str(len(route.body)))
        self._validators(route)
        for name, value in route.headers.items():
            self.send_header(name, value)
        self.end_headers()
        piece = 64 if route.trickle else 256 * 1024
        for start in range(0, len(route.body), piece):
            if route.trickle and self.feeds._stopping.wait(route.trickle):
                return
            self.wfile.write(route.body[start : start + piece])
            self.wfile.flush()

    def _validators(self, route: Route) -> None:
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
