"""SSRF rules for feeds added from Slack or the terminal (bot.feeds.guard, bot.feeds.check).

Nothing here connects anywhere but the local feed server: addresses that are not loopback are
only ever given to the validator or to a fake resolver/backend, never to a socket.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import httpcore
import pytest
from feedserver import FeedServer

from bot.extract.engine import is_funding_story
from bot.feeds.check import check_feed
from bot.feeds.fetch import FeedRequest, fetch_feed
from bot.feeds.guard import (
    AddressPolicy,
    AddressRefused,
    GuardedBackend,
    address_problem,
    check_url,
    checked_addresses,
    guarded_client,
    system_resolver,
)

STRICT = AddressPolicy()
PUBLIC = "93.184.216.34"


def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"the resolver was asked about {host}: literals must not be resolved")


def fake_dns(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"no such host {host}")
        return table[host]

    return resolve


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.8.9.10:8080/feed", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://[fd00:ec2::254]/", "metadata"),
        ("http://100.100.100.200/", "metadata"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[::ffff:169.254.169.254]/", "metadata"),
        ("http://[::ffff:10.0.0.1]/", "private"),
        ("http://[64:ff9b::7f00:1]/", "loopback"),  # NAT64
        ("http://[2002:a00:1::]/", "private"),  # 6to4 around 10.0.0.1
        ("http://10.0.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://[fd12:3456::1]/", "private"),
        ("http://169.254.1.1/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fec0::1]/", "site-local"),  # deprecated, yet Python counts it global
        ("http://224.0.0.1/", "multicast"),
        ("http://[ff02::1]/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://[::]/", "unspecified"),
        ("http://100.64.0.1/", "not a public address"),  # carrier-grade NAT
        ("ftp://example.com/feed", "only http"),
        ("file:///etc/passwd", "only http"),
        ("gopher://127.0.0.1:6379/_INFO", "only http"),
        ("http:///feed", "no host"),
        ("http://[::1/", "not a valid URL"),
    ],
)
def test_refused_urls(url: str, why: str) -> None:
    reason = check_url(url, STRICT, no_dns)
    assert reason and why in reason


@pytest.mark.parametrize("url", ["http://localhost/", "http://2130706433/", "http://0x7f.1/"])
def test_names_and_odd_spellings_of_loopback_are_resolved_then_refused(url: str) -> None:
    # the system resolver turns these into 127.0.0.1 without any network
    try:
        system_resolver(urlsplit(url).hostname, 80)
    except OSError:
        pytest.skip("this resolver does not read that spelling")
    assert "loopback" in check_url(url, STRICT)


@pytest.mark.parametrize(
    ("answers", "ok"),
    [
        ([PUBLIC], True),
        (["2606:2800:220:1:248:1893:25c8:1946"], True),
        (["10.1.2.3"], False),  # a name resolving to a private address
        ([PUBLIC, "10.1.2.3"], False),  # any refused address refuses the name
        (["::ffff:192.168.0.1"], False),
        (["169.254.169.254"], False),
    ],
)
def test_names_are_judged_by_every_address(answers: list[str], ok: bool) -> None:
    reason = check_url("https://feeds.example/rss", STRICT, fake_dns({"feeds.example": answers}))
    assert (reason is None) is ok, reason


def test_unresolvable_name() -> None:
    assert "cannot resolve" in check_url("https://nowhere.example/", STRICT, fake_dns({}))


def test_allowances() -> None:
    assert check_url("http://10.0.0.1/", AddressPolicy(allow_private=True), no_dns) is None
    exact = AddressPolicy(allowed=frozenset({("127.0.0.1", 8080)}))
    assert check_url("http://127.0.0.1:8080/", exact, no_dns) is None
    assert "loopback" in check_url("http://127.0.0.1:8081/", exact, no_dns)
    assert "loopback" in check_url("http://[::1]:8080/", exact, no_dns)


@pytest.mark.parametrize("ip", ["8.8.8.8", "1.1.1.1", PUBLIC, "2001:4860:4860::8888"])
def test_public_addresses_pass(ip: str) -> None:
    assert address_problem(ipaddress.ip_address(ip)) is None


class RecordingBackend(httpcore.NetworkBackend):
    """Stands in for sockets: records where a connection would go, never connects."""

    def __init__(self) -> None:
        self.connected: list[tuple[str, int]] = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connected.append((host, port))
        raise httpcore.ConnectError("recording backend: not connecting")


def test_backend_connects_only_to_the_checked_address() -> None:
    inner = RecordingBackend()
    calls = iter([[PUBLIC], ["127.0.0.1"]])
    backend = GuardedBackend(STRICT, lambda host, port: next(calls), inner)
    with pytest.raises(httpcore.ConnectError):
        backend.connect_tcp("feeds.example", 443)
    assert inner.connected == [(PUBLIC, 443)]  # pinned: the address, not the name again
    with pytest.raises(AddressRefused, match="loopback"):  # the name now rebinds to 127.0.0.1
        backend.connect_tcp("feeds.example", 443)
    assert inner.connected == [(PUBLIC, 443)]  # the refused address never reached a socket


def test_dns_rebinding_between_check_and_connect_is_refused() -> None:
    answers = iter([[PUBLIC], ["127.0.0.1"]])  # the check sees a public address, connect does not
    found = check_feed("http://rebind.example/feed", STRICT, resolver=lambda h, p: next(answers))
    assert not found.ok and "loopback" in found.reason


def rss(title: str, *items: str) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>https://news.example/{n}</link></item>"
        for n, t in enumerate(items)
    )
    return f'<rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'.encode()


def only(server: FeedServer) -> AddressPolicy:
    """Exactly the local test server's address and port; everything else stays refused."""
    host, port = urlsplit(server.url("/")).hostname, urlsplit(server.url("/")).port
    return AddressPolicy(allowed=frozenset({(host, port)}))


def test_allowed_local_feed_is_summarised(feed_server: FeedServer) -> None:
    url = feed_server.add(
        "/feed", rss("Local News", "Acme raises $5M seed round", "Ten tips for founders")
    )
    found = check_feed(url, only(feed_server), resolver=no_dns, is_funding=is_funding_story)
    assert found.ok and found.title == "Local News" and found.items == 2
    assert found.funding == 1


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("http://127.0.0.1:1/feed", "loopback"),  # same host, a port that is not allowed
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://[::ffff:127.0.0.1]:1/", "loopback"),
        ("http://intranet.example/feed", "private"),  # a name resolving to a private address
    ],
)
def test_redirect_to_a_refused_address_is_refused(
    feed_server: FeedServer, target: str, why: str
) -> None:
    url = feed_server.add_redirect("/start", target)
    found = check_feed(
        url, only(feed_server), resolver=fake_dns({"intranet.example": ["10.0.0.5"]})
    )
    assert not found.ok and why in found.reason and "refused" in found.reason
    assert len(feed_server.requests_for("/start")) == 1  # the first hop was fetched


def test_redirect_within_the_allowed_server_is_followed(feed_server: FeedServer) -> None:
    feed_server.add("/real", rss("Moved", "Acme raises $5M seed round"))
    url = feed_server.add_redirect("/old", "/real")
    assert check_feed(url, only(feed_server), resolver=no_dns).ok


def test_guarded_client_refuses_local_server_without_allowance(feed_server: FeedServer) -> None:
    url = feed_server.add("/feed", rss("Local"))
    with guarded_client(STRICT, no_dns) as client:
        result = fetch_feed(client, FeedRequest(url))
    assert result.error and "loopback" in result.error
    assert feed_server.requests_for("/feed") == []  # refused before any byte was sent
    assert check_feed(url, AddressPolicy(allow_private=True)).ok  # DEALBOT_ALLOW_PRIVATE_FEEDS


@pytest.mark.parametrize(
    ("body", "content_type", "status", "why"),
    [
        (b"<!doctype html><html><body>hi</body></html>", "text/html", 200, "not a feed: HTML"),
        (b'{"items": []}', "application/json", 200, "XML error"),
        (b"gone", "text/plain", 404, "HTTP 404"),
        (b"", "application/rss+xml", 200, "empty body"),
    ],
)
def test_non_feeds_are_refused_with_the_reason(
    feed_server: FeedServer, body: bytes, content_type: str, status: int, why: str
) -> None:
    url = feed_server.add("/x", body, content_type=content_type, status=status)
    found = check_feed(url, only(feed_server), resolver=no_dns)
    assert not found.ok and why in found.reason


def test_checked_addresses_returns_what_was_checked() -> None:
    resolver = fake_dns({"feeds.example": [PUBLIC, "2001:4860:4860::8888"]})
    assert checked_addresses("feeds.example", 443, STRICT, resolver) == [
        PUBLIC,
        "2001:4860:4860::8888",
    ]


@pytest.mark.parametrize(
    ("raw", "allowed"), [("", False), ("0", False), ("1", True), ("true", True), ("no", False)]
)
def test_allow_private_feeds_setting(raw: str, allowed: bool) -> None:
    from bot.config import load_settings

    env = {"DEALBOT_ALLOW_PRIVATE_FEEDS": raw}
    assert load_settings(env, require_feeds=False).allow_private_feeds is allowed


def test_allow_private_feeds_setting_refuses_nonsense() -> None:
    from bot.config import ConfigError, load_settings

    with pytest.raises(ConfigError, match="DEALBOT_ALLOW_PRIVATE_FEEDS"):
        load_settings({"DEALBOT_ALLOW_PRIVATE_FEEDS": "maybe"}, require_feeds=False)
