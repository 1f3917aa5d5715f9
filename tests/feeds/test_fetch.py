"""bot.fetch against a real local HTTP server: validators, limits, and errors as data."""

from __future__ import annotations

import socket
import time
import tracemalloc
import zlib
from collections.abc import Iterator

import pytest
from feedserver import MB, FeedServer

from bot.feeds.fetch import USER_AGENT, FeedRequest, FetchResult, fetch_all, fetch_feed, make_client

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Deal Desk</title>
<item><title>Mistral AI raises EUR 385M led by Andreessen Horowitz</title>
<link>https://deals.example/mistral-385m</link></item>
</channel></rss>"""
LAST_MODIFIED = "Mon, 11 Dec 2023 08:00:00 GMT"


@pytest.fixture
def client() -> Iterator:
    with make_client(connect_timeout=1.0, read_timeout=2.0) as c:
        yield c


def get(client, url: str, **kwargs) -> FetchResult:
    deadline = kwargs.pop("deadline", 3.0)
    return fetch_feed(client, FeedRequest(url, **kwargs), deadline=deadline)


def test_etag_then_304_without_body(feed_server: FeedServer, client) -> None:
    url = feed_server.add("/feed", RSS, etag='"v1"')
    first = get(client, url)
    assert first.ok and first.status == 200 and first.body == RSS and first.etag == '"v1"'
    assert first.content_type == "application/rss+xml" and first.bytes_received == len(RSS)

    second = get(client, url, etag=first.etag)
    assert second.ok and second.not_modified and second.status == 304
    assert second.body is None and second.etag == '"v1"' and second.bytes_received == 0
    assert feed_server.requests_for("/feed")[1].headers["if-none-match"] == '"v1"'


def test_last_modified_then_304(feed_server: FeedServer, client) -> None:
    url = feed_server.add("/feed", RSS, last_modified=LAST_MODIFIED)
    first = get(client, url)
    assert first.last_modified == LAST_MODIFIED and first.body == RSS
    second = get(client, url, last_modified=first.last_modified)
    assert second.not_modified and second.body is None and second.last_modified == LAST_MODIFIED
    logged = feed_server.requests_for("/feed")
    assert "if-modified-since" not in logged[0].headers
    assert logged[1].headers["if-modified-since"] == LAST_MODIFIED


def test_changed_feed_is_fetched_again(feed_server: FeedServer, client) -> None:
    url = feed_server.add("/feed", RSS, etag='"v2"')
    result = get(client, url, etag='"v1"')
    assert result.status == 200 and result.body == RSS and result.etag == '"v2"'


def test_sends_dealbot_headers(feed_server: FeedServer, client) -> None:
    get(client, feed_server.add("/feed", RSS))
    headers = feed_server.requests[0].headers
    assert headers["user-agent"] == USER_AGENT and USER_AGENT.startswith("dealbot/")
    assert headers["accept-encoding"] == "gzip, deflate"
    assert "application/rss+xml" in headers["accept"]


@pytest.mark.parametrize("status", [500, 404, 403])
def test_error_status_is_an_error(feed_server: FeedServer, client, status: int) -> None:
    result = get(client, feed_server.add("/feed", b"oops", status=status))
    assert not result.ok and result.error == f"HTTP {status}"
    assert result.status == status and result.body is None


def test_redirects_are_followed(feed_server: FeedServer, client) -> None:
    feed_server.add("/new", RSS)
    feed_server.add_redirect("/moved", "/new", status=301)
    result = get(client, feed_server.add_redirect("/old", "/moved"))
    assert result.ok and result.body == RSS and result.url.endswith("/old")
    assert [r.path for r in feed_server.requests] == ["/old", "/moved", "/new"]


def test_redirect_loop_is_an_error(feed_server: FeedServer, client) -> None:
    result = get(client, feed_server.add_redirect("/loop", "/loop"))
    assert result.error == "too many redirects"
    assert len(feed_server.requests) == 6  # the request and five redirects


def test_redirect_to_another_scheme_is_refused(feed_server: FeedServer, client) -> None:
    result = get(client, feed_server.add_redirect("/r", "file:///etc/passwd"))
    assert result.error and result.error.startswith("invalid URL")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/feed", "feed.xml", ""])
def test_only_http_urls_are_fetched(client, url: str) -> None:
    result = get(client, url)
    assert result.error and result.error.startswith("invalid URL") and result.body is None


def test_connection_refused_is_an_error(client) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nobody listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = get(client, f"http://127.0.0.1:{port}/feed")
    assert result.error and result.error.startswith("connection failed")


def test_hanging_feed_stops_at_the_deadline(feed_server: FeedServer, client) -> None:
    start = time.monotonic()
    result = get(client, feed_server.add_hang("/hang"), deadline=1.0)
    assert result.error and "timed out" in result.error
    assert 0.9 <= time.monotonic() - start < 1.6


def test_trickling_feed_stops_at_the_deadline(feed_server: FeedServer, client) -> None:
    start = time.monotonic()  # every piece arrives in time, the whole body would take 3 s
    result = get(client, feed_server.add("/drip", b"x" * 2048, trickle=0.1), deadline=1.0)
    assert "deadline exceeded (1 s)" in (result.error or "") and result.body is None
    assert time.monotonic() - start < 1.5 and 0 < result.bytes_received < 2048


def test_slow_feed_within_the_deadline_is_fine(feed_server: FeedServer, client) -> None:
    result = get(client, feed_server.add("/slow", RSS, delay=0.2), deadline=1.0)
    assert result.ok and result.body == RSS


@pytest.mark.parametrize("content_length", [True, False], ids=["declared", "streamed"])
def test_50_mb_body_is_refused(feed_server: FeedServer, client, content_length: bool) -> None:
    url = feed_server.add("/huge", b"x" * (50 * MB), content_length=content_length)
    result = get(client, url)
    assert result.error == f"body too large (> {10 * MB} bytes)" and result.body is None
    assert result.bytes_received <= 11 * MB


def test_gzip_body_is_decoded_and_wire_bytes_counted(feed_server: FeedServer, client) -> None:
    body = RSS.replace(b"</channel>", b"<!-- padding -->" * 500 + b"</channel>")
    result = get(client, feed_server.add("/gz", body, gzip=True))
    assert result.ok and result.body == body
    assert 0 < result.bytes_received < len(body) / 5


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_body_is_decoded(feed_server: FeedServer, client, wbits: int) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    packed = packer.compress(RSS) + packer.flush()
    url = feed_server.add("/df", packed, headers={"Content-Encoding": "deflate"})
    assert get(client, url).body == RSS


def test_corrupt_gzip_is_an_error(feed_server: FeedServer, client) -> None:
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"  # a valid gzip header, then junk
    url = feed_server.add("/bad", header + b"\xff garbage", headers={"Content-Encoding": "gzip"})
    result = get(client, url)
    assert result.error and result.error.startswith("bad content encoding")


def test_unknown_content_encoding_is_an_error(feed_server: FeedServer, client) -> None:
    result = get(client, feed_server.add("/br", b"\x00\x01", headers={"Content-Encoding": "br"}))
    assert result.error == "unsupported content encoding: br"


def test_gzip_bomb_is_stopped_with_bounded_memory(feed_server: FeedServer, client) -> None:
    url = feed_server.add_gzip_bomb("/bomb")  # ~50 KB on the wire, 50 MB decoded
    get(client, feed_server.add("/warm", RSS))  # build the bomb and warm the client first
    tracemalloc.start()
    try:
        result = get(client, url)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.error == f"body too large (> {10 * MB} bytes)"
    assert result.bytes_received < MB
    assert peak < 25 * MB  # the 10 MB cap, and a copy when joining, never the 50 MB


def test_fetch_all_keeps_order_and_bounds_the_cycle(feed_server: FeedServer) -> None:
    requests = []
    for i in range(40):
        if i % 4 == 0:
            requests.append(FeedRequest(feed_server.add_hang(f"/hang{i}"), name=f"hang {i}"))
        else:
            requests.append(FeedRequest(feed_server.add(f"/f{i}", RSS + b"<!-- %d -->" % i)))
    start = time.monotonic()
    results = fetch_all(requests, concurrency=10, deadline=1.0)
    elapsed = time.monotonic() - start
    assert elapsed < 2.5, f"10 hanging feeds held the cycle for {elapsed:.1f} s"
    assert [r.url for r in results] == [r.url for r in requests]
    for i, result in enumerate(results):
        if i % 4 == 0:
            assert result.error and "timed out" in result.error
        else:
            assert result.ok and result.body == RSS + b"<!-- %d -->" % i


def test_fetch_all_with_a_given_client_and_bad_urls(feed_server: FeedServer, client) -> None:
    requests = [FeedRequest("not a url"), FeedRequest(feed_server.add("/ok", RSS))]
    results = fetch_all(requests, client=client, concurrency=2, deadline=2.0)
    assert results[0].error and results[1].body == RSS
    assert not client.is_closed  # the caller's client is the caller's to close
    assert fetch_all([]) == []


@pytest.fixture
def header_drip() -> Iterator[str]:
    """A server that sends its status line and headers one byte every 0.1 s (about 6 s in
    all), each byte well within the 2 s read timeout."""
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.recv(4096)
                head = (
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                    + b"X-Pad: "
                    + (b"a" * 40)
                )
                for byte in head:
                    if stop.is_set():
                        return
                    try:
                        conn.sendall(bytes([byte]))
                    except OSError:
                        break
                    time.sleep(0.1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/feed"
    stop.set()
    thread.join(2)
    listener.close()


def test_headers_dripping_in_stop_at_the_deadline(header_drip: str, client) -> None:
    """The deadline holds while headers arrive, not only between body chunks (issue 17,
    item 3): this fetch used to run until the server had sent everything."""
    start = time.monotonic()
    result = get(client, header_drip, deadline=1.0)
    assert "deadline exceeded (1 s)" in (result.error or "")
    assert time.monotonic() - start < 1.5
