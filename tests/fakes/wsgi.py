"""A threaded WSGI server for end-to-end tests of the real bolt App over HTTP (wsgiref)."""

from __future__ import annotations

from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 64  # bursts of requests; the default backlog is 5


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass
