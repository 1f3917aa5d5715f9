"""Canonical links: one spelling per article, so a story seen again is recognised."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = {
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "mkt_tok",
    "_hsenc",
    "_hsmi",
    "hsctatracking",
    "guccounter",
    "guce_referrer",
    "guce_referrer_sig",
    "ncid",
    "cmpid",
    "sr_share",
    "spm",
    "ref",
    "ref_src",
    "referrer",
    "share",
    "ito",
    "tpcc",
    "ocid",
    "__twitter_impression",
    "cid",
    "smid",
    "sh",
}


def is_http_url(url: str | None) -> bool:
    if not url or len(url) > 4096:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")


def _escape_controls(url: str) -> str:
    """Control characters (ESC, BEL, NUL) and spaces percent-encoded: a link is shown in
    terminals and logs, where a raw ESC would act, and compared as text."""
    return _CONTROL.sub(lambda m: "%" + "%".join(f"{b:02X}" for b in m.group().encode()), url)


def canonical_link(url: str) -> str:
    """Drop tracking parameters (utm_*, fbclid, ...) and the fragment; lowercase the host;
    control characters percent-encoded."""
    url = _escape_controls(url.strip())
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    host = (parts.hostname or "").lower()
    if port and not (
        (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING
    ]
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", urlencode(query), ""))


def link_key(url: str) -> str:
    """The identity of an article link: scheme, `www.` and a trailing slash do not matter."""
    parts = urlsplit(canonical_link(url))
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def shown_url(url: str) -> str:
    """A feed URL for logs and for people who are not admins: without its query string (a
    feed's query can carry an API key, "?key=…"), marked so the cut is visible."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split("?", 1)[0]
    if not parts.query:
        return url
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")) + "?…"
