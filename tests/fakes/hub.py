"""A local WebSub hub on 127.0.0.1 for tests and `make bench`: it takes (un)subscription
requests, verifies intent with a GET to the callback (a challenge that must come back), and
delivers content to verified subscribers signed with their secret (X-Hub-Signature-256), or
forged on request."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode


@dataclass
class Subscription:
    topic: str
    callback: str
    secret: str
    mode: str
    lease_seconds: int
    verified: bool | None = None  # None until the callback answered the challenge
    requests: int = 1


@dataclass
class LocalHub:
    lease_seconds: int = 3600
    subscriptions: dict[tuple[str, str], Subscription] = field(default_factory=dict)
    requests: list[dict[str, str]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    _cond: threading.Condition = field(default_factory=threading.Condition)

    def __enter__(self) -> LocalHub:
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                form = dict(parse_qsl(raw.decode()))
                hub._request(form)
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_port}/"

    def _request(self, form: dict[str, str]) -> None:
        with self._cond:
            self.requests.append(form)
            key = (form.get("hub.topic", ""), form.get("hub.callback", ""))
            sub = self.subscriptions.get(key)
            if sub is not None:
                sub.requests += 1
                sub.mode, sub.secret, sub.verified = form["hub.mode"], form["hub.secret"], None
            else:
                sub = Subscription(
                    form.get("hub.topic", ""),
                    form.get("hub.callback", ""),
                    form.get("hub.secret", ""),
                    form.get("hub.mode", ""),
                    self.lease_seconds,
                )
                self.subscriptions[key] = sub
        threading.Thread(target=self._verify, args=(sub,), daemon=True).start()

    def _verify(self, sub: Subscription) -> None:
        challenge = secrets.token_hex(8)
        query = urlencode(
            {
                "hub.mode": sub.mode,
                "hub.topic": sub.topic,
                "hub.challenge": challenge,
                "hub.lease_seconds": sub.lease_seconds,
            }
        )
        try:
            with urllib.request.urlopen(f"{sub.callback}?{query}", timeout=5) as resp:
                ok = resp.status == 200 and resp.read().decode() == challenge
        except (urllib.error.URLError, OSError):
            ok = False
        with self._cond:
            sub.verified = ok
            self._cond.notify_all()

    def wait_verified(self, count: int = 1, timeout: float = 5.0) -> list[Subscription]:
        with self._cond:
            done = self._cond.wait_for(
                lambda: (
                    sum(1 for s in self.subscriptions.values() if s.verified is not None) >= count
                ),
                timeout,
            )
            assert done, "the hub's verification did not finish"
            return list(self.subscriptions.values())

    def publish(self, topic: str, body: bytes, *, forge: bool = False) -> list[int]:
        """Deliver `body` to every verified subscriber of `topic`; their HTTP statuses."""
        statuses = []
        for sub in list(self.subscriptions.values()):
            if sub.topic != topic or not sub.verified or sub.mode != "subscribe":
                continue
            key = b"not-the-secret" if forge else sub.secret.encode()
            digest = hmac.new(key, body, hashlib.sha256).hexdigest()
            req = urllib.request.Request(
                sub.callback,
                data=body,
                headers={
                    "Content-Type": "application/rss+xml",
                    "X-Hub-Signature-256": f"sha256={digest}",
                },
                method="POST",
            )
            try:
                with urllib.request.urlopen(req, timeout=5) as resp:
                    statuses.append(resp.status)
            except urllib.error.HTTPError as exc:
                statuses.append(exc.code)
        return statuses
