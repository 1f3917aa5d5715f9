"""The address guard on every fetch: http(s) only, and public addresses only.

A feed added from Slack makes *our server* fetch a URL a Slack user typed, so it must not be a
way in to the bot's own network (SSRF): 127.0.0.1, 10.x, the cloud metadata service at
169.254.169.254, and their IPv6 forms (::1, fd00::/8, ::ffff:127.0.0.1, NAT64, 6to4, Teredo).

Where the check sits, and why: in the connection itself. GuardedBackend is an httpcore network
backend, the one place that turns a host name into the address a socket connects to. It
resolves the name once, refuses the connection if *any* address is not public, and connects to
an address it just checked (pinned), so DNS rebinding (public at check time, 127.0.0.1 at
connect time) has no second lookup to exploit. bot.feeds.fetch sends each redirect hop as its own
request through the same client, so every hop is checked too. TLS still verifies the host
name: httpcore passes the original name as SNI/server_hostname after connect_tcp returns.
An httpx event hook would run before httpcore resolves the name (a check-then-use race), so
it would not be enough. check_url() repeats the same rule up front, to answer with a clear
reason before anything connects (bot.feeds.check uses it before a feed is added). A client
with our transport ignores HTTP(S)_PROXY variables (httpx reads them only when no transport is
given), so no proxy does the lookup for us.

DEALBOT_ALLOW_PRIVATE_FEEDS=1 (a self-hosted feed on the LAN) turns the address rule off; tests
instead allow exact (address, port) pairs, so a local server passes and a redirect from it to
another local port is still refused.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from bot.feeds.deadline import DeadlineBackend, with_backend
from bot.feeds.fetch import FeedRequest, FetchResult, fetch_all, make_client

log = logging.getLogger(__name__)

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]  # host, port → addresses as text
METADATA = {
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192", "fd00:ec2::254")
}
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class AddressRefused(httpcore.ConnectError):
    """A connection to a non-public address was refused. A ConnectError, so bot.feeds.fetch reports
    it like any failed connection ("connection failed: refused: ...")."""


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host (IPv4 and IPv6), in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def embedded_ipv4(ip: IP) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4, Teredo client), if any."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    return None


SITE_LOCAL = ipaddress.ip_network("fec0::/10")


def address_problem(ip: IP) -> str | None:
    """Why a feed may not be fetched from `ip` ("a loopback address"), or None if public."""
    inner = embedded_ipv4(ip)
    if inner is not None:
        return address_problem(inner)
    ip = ipaddress.ip_address(str(ip).split("%")[0])  # an IPv6 zone does not change the kind
    checks = (
        (ip in METADATA, "a cloud metadata address"),
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        # IPv6 site-local (fec0::/10): deprecated, still routed inside some networks, and
        # Python's ipaddress counts it as global
        (ip.version == 6 and ip in SITE_LOCAL, "a site-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private address"),
        (not ip.is_global, "not a public address"),
    )
    return next((why for hit, why in checks if hit), None)


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses feeds may come from: public ones; all with allow_private; and exact
    (address, port) pairs in `allowed` (tests reach their local server this way)."""

    allow_private: bool = False
    allowed: frozenset[tuple[str, int]] = frozenset()

    def problem(self, ip: IP, port: int) -> str | None:
        if self.allow_private or (str(ip), port) in self.allowed:
            return None
        return address_problem(ip)


def checked_addresses(
    host: str, port: int, policy: AddressPolicy, resolver: Resolver = system_resolver
) -> list[str]:
    """Resolve `host` once and return its addresses, or raise AddressRefused if any of them is
    refused (a name that resolves to a public *and* a private address is refused)."""
    host = host.strip("[]")
    try:
        literal: IP | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        found = [str(literal)]
    else:
        try:
            found = resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        if not found:
            raise httpcore.ConnectError(f"cannot resolve {host}")
    for text in found:
        try:
            ip = ipaddress.ip_address(text.split("%")[0])
        except ValueError:
            raise AddressRefused(f"refused: {host} resolved to {text!r}") from None
        why = policy.problem(ip, port)
        if why:
            shown = host if host == str(ip) else f"{host} ({ip})"
            raise AddressRefused(f"refused: {shown} is {why}")
    return found


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's sync backend, but connect_tcp only ever connects to checked addresses."""

    def __init__(
        self,
        policy: AddressPolicy,
        resolver: Resolver = system_resolver,
        inner: httpcore.NetworkBackend | None = None,
    ) -> None:
        self.policy, self.resolver = policy, resolver
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in checked_addresses(host, port, self.policy, self.resolver):
            try:  # the checked address itself, never the name again (no second lookup)
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise last or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise AddressRefused("refused: unix sockets")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def guarded_client(policy: AddressPolicy, resolver: Resolver = system_resolver) -> httpx.Client:
    """bot.feeds.fetch's client (headers, timeouts, redirect limit) over a GuardedBackend."""
    transport = httpx.HTTPTransport()
    # the deadline outside the guard: a connect to a checked address keeps the fetch's deadline
    with_backend(transport, DeadlineBackend(GuardedBackend(policy, resolver)))
    return make_client(transport=transport)


def check_url(url: str, policy: AddressPolicy, resolver: Resolver = system_resolver) -> str | None:
    """Why `url` may not be fetched (scheme, host, address), or None. The same rule the
    connection enforces, asked early for a clear answer."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return "only http:// and https:// feeds can be added"
    if not parts.hostname:
        return "the URL has no host name"
    try:
        checked_addresses(parts.hostname, port, policy, resolver)
    except httpcore.ConnectError as exc:
        return str(exc)
    return None


def guarded_fetch(allow_private: bool) -> Callable[[Sequence[FeedRequest]], list[FetchResult]]:
    """fetch_all over one guarded client: every poll obeys the rule `feeds add` checks, so a
    feed whose name later resolves to a private address is refused, not fetched."""
    client = guarded_client(AddressPolicy(allow_private=allow_private))
    return functools.partial(fetch_all, client=client)
