"""An absolute deadline for a fetch, down to the socket: headers included.

httpx's timeouts are per socket operation: a server that sends one header byte a second never
trips a 10 s read timeout, and can hold a fetch (and, with one poll at a time, every later poll)
for hours. Here every connect, read and write of the connection waits at most until the
deadline of the fetch running on this thread (set with `deadline_scope`), so a fetch ends on
time whatever the server does. The backend wraps httpcore's (or the address guard's).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpcore

_local = threading.local()


@contextmanager
def deadline_scope(seconds: float) -> Iterator[None]:
    """Socket operations on this thread end by `seconds` from now."""
    previous = getattr(_local, "end", None)
    _local.end = time.monotonic() + seconds
    try:
        yield
    finally:
        _local.end = previous


def capped(timeout: float | None) -> float | None:
    """`timeout`, no longer than what is left of this thread's deadline (if any)."""
    end = getattr(_local, "end", None)
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("deadline exceeded")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, capped(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, capped(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:  # fmt: skip
        return DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, capped(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """A network backend whose streams keep the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkBackend | None = None) -> None:
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        stream = self.inner.connect_tcp(host, port, capped(timeout), local_address, socket_options)
        return DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        return DeadlineStream(self.inner.connect_unix_socket(path, capped(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def with_backend(transport: Any, backend: httpcore.NetworkBackend) -> None:
    """Put `backend` under an httpx.HTTPTransport (httpx has no public way to choose it)."""
    pool = transport._pool
    if not isinstance(pool, httpcore.ConnectionPool) or not hasattr(pool, "_network_backend"):
        raise RuntimeError("unsupported httpx/httpcore version: cannot set the network backend")
    pool._network_backend = backend
