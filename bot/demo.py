"""`dealbot demo`: the real pipeline over the bundled sample feeds, offline, temporary database.

The sample feeds are served from a local HTTP server on 127.0.0.1 so the demo exercises fetch
(including the conditional GET of a second cycle) exactly as a real poll does.
"""

from __future__ import annotations

import functools
import sys
import tempfile
import threading
from contextlib import contextmanager
from datetime import timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO

from bot.feeds.fetch import fetch_all  # the demo reads its own server on 127.0.0.1
from bot.pipeline import poll
from bot.publish.console import ConsolePublisher
from bot.store import Store

SAMPLES = Path(__file__).resolve().parent / "sample_feeds"
FEEDS = [
    ("techcrunch.xml", "TechCrunch"),
    ("eu-startups.xml", "EU-Startups"),
    ("inc42.xml", "Inc42"),
]
FOREVER = timedelta(days=365 * 100)  # sample stories are old; the demo announces them anyway


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(directory: Path):
    """A throwaway HTTP server for `directory` on 127.0.0.1 (answers 304 to If-Modified-Since)."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_demo(out: TextIO = sys.stdout) -> int:
    with tempfile.TemporaryDirectory(prefix="dealbot-demo-") as tmp, serve(SAMPLES) as base:
        store = Store(str(Path(tmp) / "demo.db"))
        for filename, name in FEEDS:
            store.add_feed(base + filename, name)
        print(f"dealbot demo: {len(FEEDS)} sample feeds served from {base}\n", file=out)
        first = poll(store, ConsolePublisher(store, out), max_age=FOREVER, fetch=fetch_all)
        print(
            f"first cycle: {first.stories} stories, {store.count('deals')} deals, "
            f"{len(first.failed)} feeds failed",
            file=out,
        )
        second = poll(store, ConsolePublisher(store, out), max_age=FOREVER, fetch=fetch_all)
        print(
            f"second cycle: {second.not_modified} of {second.feeds} feeds not modified "
            f"(conditional GET), {second.new_stories} new stories",
            file=out,
        )
        store.close()
    return 0
