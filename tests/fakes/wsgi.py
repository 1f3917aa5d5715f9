"""A threaded WSGI server for end-to-end tests of the real bolt App over HTTP (wsgiref)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 64  # bursts of requests; the default backlog is 5


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_app(app: object) -> Iterator[str]:
    """The real bolt App over HTTP on 127.0.0.1 (a free port), as Slack reaches it; yields
    the base URL ("http://127.0.0.1:PORT") and stops the server after."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    server = make_server(
        "127.0.0.1",
        0,
        SlackRequestHandler(app),
        server_class=ThreadingWSGIServer,
        handler_class=QuietHandler,
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
