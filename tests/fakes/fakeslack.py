"""A local fake of the Slack Web API, for end-to-end tests that must never reach Slack.

Why a server and not mocks: the bot is exercised through the real slack_sdk WebClient and
bolt App, so their encoding, retry handlers and files_upload_v2 flow run for real. Wire
format, as slack_sdk speaks it: every method is ``POST {base_url}{method}``; the body is
form-encoded (nested blocks/metadata/files as JSON strings, booleans "1"/"0") or JSON for
chat.*; the token is ``Authorization: Bearer xoxb-…`` (or a ``token`` field). Answers are
HTTP 200 ``{"ok": true, …}`` / ``{"ok": false, "error": …}``; rate limits are HTTP 429 with
an integer ``Retry-After`` (RateLimitErrorRetryHandler sleeps on it); ServerErrorRetryHandler
retries 500/503. files_upload_v2 = files.getUploadURLExternal → raw bytes POSTed to its
upload_url (must answer 200) → files.completeUploadExternal(files='[{"id", "title"}]', …).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import mimetypes
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from bot.slack.install import MANIFEST_SCOPES

if TYPE_CHECKING:
    from typing_extensions import Self

Params = dict[str, Any]
JSON_FIELDS = ("blocks", "attachments", "metadata", "files", "view")
BOT = {"user_id": "U0DEALBOT", "bot_id": "B0DEALBOT", "app_id": "A0DEALBOT", "team_id": "T0DEALBOT"}
AUTH_TEST = {
    "url": "https://dealbot-test.slack.com/",
    "team": "Dealbot Test",
    "user": "dealbot",
    "user_id": BOT["user_id"],
    "bot_id": BOT["bot_id"],
    "team_id": BOT["team_id"],
    "is_enterprise_install": False,
}


@dataclass
class Call:
    """One request as received. ``headers`` keys are lower-case (urllib sends "Content-type")."""

    method: str
    params: Params
    headers: dict[str, str]
    at: float
    status: int = 200  # HTTP status answered (429/500 for injected faults; 0 while in progress)


@dataclass(frozen=True)
class _Fault:
    status: int
    retry_after: int
    error: str | None
    applied: bool


class SlackError(Exception):
    """Raised inside a method handler to answer HTTP 200 ``{"ok": false, "error": …}``."""


def _flag(value: Any) -> bool:
    return value in (True, 1, "1", "true", "True")


def sign_request(body: str, secret: str, timestamp: int | None = None) -> dict[str, str]:
    """Headers for ``body`` signed as Slack signs requests to apps: v0 HMAC-SHA256 of
    ``v0:{timestamp}:{body}``. Pass an old ``timestamp`` to test the 5-minute staleness check."""
    ts = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    is_json = body.lstrip().startswith("{")
    return {
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": "application/json" if is_json else "application/x-www-form-urlencoded",
    }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # tests send bursts (20 /deal answers at once); the default is 5


class FakeSlack:
    """Slack Web API on 127.0.0.1 (random port) with real state and fault injection.

    Channels named in a call are created on first use (bot is a member) unless
    ``auto_channels`` is False; :meth:`add_channel` makes not-a-member or private ones.
    One lock guards all state, since bolt and the bot call from several threads.
    """

    def __init__(
        self,
        tokens: Iterable[str] = ("xoxb-test",),
        *,
        auto_channels: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.tokens, self.auto_channels, self.clock = set(tokens), auto_channels, clock
        self.calls: list[Call] = []
        self.channels: dict[str, Params] = {}
        self.history: dict[str, list[Params]] = {}  # channel id → messages+replies, oldest first
        self.ephemeral: list[Params] = []
        self.users: dict[str, Params] = {}
        self.files: dict[str, Params] = {}  # file id → record incl. "content" bytes
        self.responses: dict[str, list[Params]] = {}
        self.views: list[Params] = []  # modals opened (views.open), oldest first
        self.homes: dict[str, list[Params]] = {}  # user → Home views published, oldest first
        self.unfurls: list[Params] = []  # chat.unfurl calls
        # OAuth: code → (team id, team name) that oauth.v2.access accepts once; each grants a
        # bot token of its own ("xoxb-<team>-…"), which the fake then accepts
        self.oauth_codes: dict[str, tuple[str, ...]] = {}  # (team, name[, channel picked])
        self.rotating_codes: set[str] = set()  # codes of an app with token rotation on
        self.refresh_tokens: dict[str, str] = {}  # refresh token → team
        # the token's scopes, sent as Slack does in every answer's X-OAuth-Scopes header
        self.scopes: list[str] = list(MANIFEST_SCOPES)
        self.groups: dict[str, list[str]] = {}  # user group id → member user ids
        self._faults: dict[str, list[_Fault]] = {}
        self._delays: dict[str, float] = {}
        self._cond = threading.Condition(threading.RLock())
        self._last_us = 0
        self._ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._methods: dict[str, Callable[[Params], Params]] = {
            "auth.test": lambda p: AUTH_TEST,
            "chat.postMessage": self._post_message,
            "chat.update": self._update,
            "chat.postEphemeral": self._post_ephemeral,
            "conversations.history": self._history,
            "conversations.replies": self._replies,
            "conversations.join": self._join,
            "conversations.info": lambda p: {
                "channel": self._info(self._channel(p.get("channel")))
            },
            "users.info": self._user_info,
            "chat.delete": self._delete,
            "chat.getPermalink": self._permalink,
            "views.open": self._views_open,
            "conversations.open": self._open_dm,
            "chat.unfurl": self._unfurl,
            "oauth.v2.access": self._oauth_access,
            "views.publish": self._views_publish,
            "usergroups.users.list": self._group_members,
            "files.getUploadURLExternal": self._upload_url,
            "files.completeUploadExternal": self._complete_upload,
        }

    # ---- lifecycle -------------------------------------------------------------------------
    def start(self) -> Self:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                fake._serve(self)

            do_GET = do_POST

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # a short poll interval so stop() returns at once rather than after 0.5 s
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server and self._thread:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server, "FakeSlack is not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        """Pass as ``WebClient(base_url=…)`` or ``SLACK_API_URL``."""
        return f"{self.base_url}/api/"

    # ---- configuration and fault injection -------------------------------------------------
    def add_channel(
        self, id: str, name: str | None = None, *, member: bool = True, private: bool = False
    ) -> Params:
        with self._cond:
            ch: Params = {
                "id": id,
                "name": name or id.lower(),
                "is_member": member,
                "is_private": private,
            }
            self.channels[id] = ch
            self.history.setdefault(id, [])
            return ch

    def add_user(
        self, id: str, name: str | None = None, *, is_admin: bool = False, tz: str = "UTC"
    ) -> Params:
        user: Params = {
            "id": id,
            "name": name or id.lower(),
            "real_name": name or id,
            "is_admin": is_admin,
            "is_owner": False,
            "is_bot": False,
            "deleted": False,
            "tz": tz,
        }
        self.users[id] = user
        return user

    def fail_next(
        self,
        method: str,
        times: int = 1,
        status: int = 429,
        retry_after: int = 1,
        error: str | None = None,
        applied: bool = False,
    ) -> None:
        """Make the next ``times`` calls to ``method`` fail: with ``error``, HTTP 200 ok:false;
        otherwise HTTP ``status`` (429 carries ``Retry-After: retry_after``). ``applied=True``
        performs the call and then fails the answer: a reply lost on its way back."""
        with self._cond:
            fault = _Fault(status, retry_after, error, applied)
            self._faults.setdefault(method, []).extend([fault] * times)

    def delay(self, method: str, seconds: float) -> None:
        """Answer every later call to ``method`` ("*" = all methods) ``seconds`` late; 0 to stop."""
        self._delays[method] = seconds

    # ---- inspection ------------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def messages(self, channel: str, *, replies: bool = False) -> list[Params]:
        """Copies of a channel's messages, oldest first: top-level only unless ``replies``."""
        with self._cond:
            try:
                msgs = self.history[self._channel(channel, create=False)["id"]]
            except SlackError:
                return []
            return [self._view(m) for m in msgs if replies or self._top_level(m)]

    def response_url(self, name: str) -> str:
        """A response_url whose POSTs (bolt's respond() sends JSON) land in ``responses[name]``."""
        self.responses.setdefault(name, [])
        return f"{self.base_url}/response/{name}"

    def wait_for_response(self, name: str, timeout: float = 5.0, count: int = 1) -> Params:
        """Block until ``count`` bodies reached response_url ``name``; return the count-th."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self.responses.get(name, [])) >= count, timeout):
                raise TimeoutError(f"no response #{count} at response_url {name!r} in {timeout}s")
            return self.responses[name][count - 1]

    def wait_for_calls(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until ``count`` calls to ``method`` were answered (for async listeners)."""

        def answered() -> bool:
            return sum(1 for c in self.calls_to(method) if c.status) >= count

        with self._cond:
            if not self._cond.wait_for(answered, timeout):
                raise TimeoutError(f"{count} call(s) to {method} not seen in {timeout}s")
            return self.calls_to(method)

    # ---- HTTP plumbing ---------------------------------------------------------------------
    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        path = urlsplit(h.path)
        raw = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        headers = {k.lower(): v for k, v in h.headers.items()}
        status, body = 404, '{"ok": false, "error": "unknown_path"}'
        extra: dict[str, str] = {}
        if path.path.startswith("/api/"):
            try:
                params = self._parse(raw, headers, path.query)
            except ValueError:  # broken JSON: recorded, then answered as Slack would
                params = {"_unparsed": raw.decode("utf-8", "replace")}
            status, extra, answer = self._api(path.path[5:], params, headers)
            body = json.dumps(answer)
        elif path.path.startswith("/upload/") and path.path[8:] in self.files:
            status, body = 200, f"OK - {len(raw)}"
            with self._cond:
                self.files[path.path[8:]]["content"] = raw
                params = {"file_id": path.path[8:], "size": len(raw)}
                self.calls.append(Call("upload", params, headers, self.clock()))
        elif path.path == "/stats":  # for a bench running the fake in another process
            with self._cond:
                counts: dict[str, int] = {}
                for c in self.calls:
                    counts[c.method] = counts.get(c.method, 0) + 1
            status, body = 200, json.dumps(counts)
        elif path.path.startswith("/response/"):
            status, body = 200, "ok"
            with self._cond:
                self.responses.setdefault(path.path[10:], []).append(self._parse(raw, headers, ""))
                self._cond.notify_all()
        data = body.encode()
        h.send_response(status)
        ctype = "application/json" if body.startswith("{") else "text/plain"
        for k, v in {"Content-Type": f"{ctype}; charset=utf-8", **extra}.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    @staticmethod
    def _parse(raw: bytes, headers: dict[str, str], query: str) -> Params:
        params: Params = dict(parse_qsl(query, keep_blank_values=True))
        text = raw.decode("utf-8")
        if "json" in headers.get("content-type", "") or text.startswith("{"):
            params.update(json.loads(text or "{}"))
        else:
            params.update(parse_qsl(text, keep_blank_values=True))
        for key in JSON_FIELDS:
            if isinstance(params.get(key), str) and params[key][:1] in ("[", "{"):
                params[key] = json.loads(params[key])
        return params

    def _api(
        self, method: str, params: Params, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], Params]:
        """Record, delay, then answer: with the injected fault, or by running the method."""
        call = Call(method, params, headers, self.clock(), status=0)
        with self._cond:
            self.calls.append(call)
            queue = self._faults.get(method)
            fault = queue.pop(0) if queue else None
        time.sleep(self._delays.get(method, self._delays.get("*", 0)))
        status, extra = 200, dict[str, str]()
        body: Params = {"ok": True}
        if fault is None or fault.applied:
            with self._cond:
                try:
                    if method != "oauth.v2.access":  # client id and secret, not a token
                        self._auth(headers, params)
                    handler = self._methods.get(method)  # unknown methods: a plain {"ok": true}
                    body = {"ok": True, **(handler(params) if handler else {})}
                except SlackError as e:
                    body = {"ok": False, "error": str(e)}
                except (ValueError, TypeError, KeyError, AttributeError) as e:  # bad arguments
                    body = {"ok": False, "error": "invalid_arguments", "detail": repr(e)}
        if fault and fault.error:
            body = {"ok": False, "error": fault.error}
        elif fault:
            status = fault.status
            body = {"ok": False, "error": "ratelimited" if status == 429 else "internal_error"}
            extra = {"Retry-After": str(fault.retry_after)} if status == 429 else {}
        with self._cond:
            call.status = status
            self._cond.notify_all()
        extra.setdefault("X-OAuth-Scopes", ",".join(self.scopes))
        return status, extra, body

    def _auth(self, headers: dict[str, str], params: Params) -> None:
        auth = headers.get("authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else params.get("token")
        if not token:
            raise SlackError("not_authed")
        if token not in self.tokens:
            raise SlackError("invalid_auth")

    # ---- state helpers ---------------------------------------------------------------------
    def _next_ts(self) -> str:
        """Unique, increasing "seconds.micros" timestamps from the clock, like Slack's."""
        self._last_us = max(int(self.clock() * 1_000_000), self._last_us + 1)
        return f"{self._last_us // 1_000_000}.{self._last_us % 1_000_000:06d}"

    def _channel(self, ref: Any, create: bool = True) -> Params:
        """By id or name ("#deals", "deals"); unknown ones are created when allowed."""
        ref = str(ref or "").lstrip("#")
        for ch in self.channels.values():
            if ref == ch["id"] or ref.lower() == ch["name"]:
                return ch
        if not (ref and create and self.auto_channels):
            raise SlackError("channel_not_found")
        looks_like_id = ref[:1] in ("C", "G", "D") and ref.isupper() and ref.isalnum()
        return self.add_channel(ref if looks_like_id else f"C{next(self._ids):08d}", ref.lower())

    def _member_channel(self, params: Params, key: str = "channel") -> Params:
        ch = self._channel(params.get(key))
        if not ch["is_member"]:
            raise SlackError("not_in_channel")
        return ch

    @staticmethod
    def _top_level(m: Params) -> bool:
        return m.get("thread_ts", m["ts"]) == m["ts"] or m.get("subtype") == "thread_broadcast"

    @staticmethod
    def _view(m: Params, metadata: bool = True) -> Params:
        out: Params = json.loads(json.dumps(m))  # a copy, so callers cannot change our state
        if not metadata:
            out.pop("metadata", None)
        return out

    def _find(self, ch: Params, ts: Any, error: str = "message_not_found") -> Params:
        for m in self.history[ch["id"]]:
            if m["ts"] == ts:
                return m
        raise SlackError(error)

    @staticmethod
    def _info(ch: Params) -> Params:
        return {
            **ch,
            "is_channel": not ch["is_private"],
            "is_group": False,
            "is_im": False,
            "is_archived": False,
            "name_normalized": ch["name"],
        }

    def _store(self, ch: Params, params: Params, **extra: Any) -> Params:
        """Append a bot message; a reply also updates its parent's thread fields."""
        msg = {
            "type": "message",
            "user": BOT["user_id"],
            "bot_id": BOT["bot_id"],
            "app_id": BOT["app_id"],
            "team": BOT["team_id"],
            "ts": self._next_ts(),
            **extra,
        }
        msg.update(
            {
                k: params[k]
                for k in ("text", "blocks", "attachments", "metadata", "thread_ts")
                if params.get(k) not in (None, "")
            }
        )
        msg.setdefault("text", "")
        if "thread_ts" in msg:
            if _flag(params.get("reply_broadcast")):
                msg["subtype"] = "thread_broadcast"
            for parent in self.history[ch["id"]]:
                if parent["ts"] == msg["thread_ts"]:
                    parent.update(
                        thread_ts=parent["ts"],
                        latest_reply=msg["ts"],
                        reply_count=parent.get("reply_count", 0) + 1,
                        reply_users=[BOT["user_id"]],
                    )
        self.history[ch["id"]].append(msg)
        return msg

    # ---- methods ---------------------------------------------------------------------------
    def _post_message(self, p: Params) -> Params:
        ch = self._member_channel(p)
        if not (p.get("text") or p.get("blocks") or p.get("attachments")):
            raise SlackError("no_text")
        if len(p.get("text") or "") > 40_000:
            raise SlackError("msg_too_long")
        if len(p.get("blocks") or []) > 50:
            raise SlackError("invalid_blocks")
        meta = p.get("metadata")
        if meta is not None and not (isinstance(meta, dict) and meta.get("event_type")):
            raise SlackError("invalid_metadata_format")
        msg = self._store(ch, p)
        return {"channel": ch["id"], "ts": msg["ts"], "message": self._view(msg)}

    def _update(self, p: Params) -> Params:
        """Fields sent replace the stored ones; fields not sent are kept."""
        ch = self._member_channel(p)
        msg = self._find(ch, p.get("ts"))
        msg.update({k: p[k] for k in ("text", "blocks", "attachments", "metadata") if k in p})
        msg["edited"] = {"user": BOT["user_id"], "ts": self._next_ts()}
        return {
            "channel": ch["id"],
            "ts": msg["ts"],
            "text": msg["text"],
            "message": self._view(msg),
        }

    def _post_ephemeral(self, p: Params) -> Params:
        ch = self._member_channel(p)
        if not p.get("user"):
            raise SlackError("user_not_in_channel")
        ts = self._next_ts()
        self.ephemeral.append({**p, "channel": ch["id"], "message_ts": ts})
        return {"message_ts": ts}

    def _delete(self, p: Params) -> Params:
        ch = self._member_channel(p)
        msg = self._find(ch, p.get("ts"))
        self.history[ch["id"]].remove(msg)
        return {"channel": ch["id"], "ts": msg["ts"]}

    def _permalink(self, p: Params) -> Params:
        ch = self._channel(p.get("channel"), create=False)
        msg = self._find(ch, p.get("message_ts"))
        digits = msg["ts"].replace(".", "")
        return {"channel": ch["id"], "permalink": f"{self.base_url}/archives/{ch['id']}/p{digits}"}

    def _views_open(self, p: Params) -> Params:
        """Slack's own checks on a modal, the ones a bad view fails in production: a trigger,
        a title of at most 24 characters, at most 100 blocks, private_metadata of at most 3000
        characters, and every input's label and initial value within limits."""
        view = p.get("view")
        if not p.get("trigger_id"):
            raise SlackError("invalid_trigger_id")
        if not isinstance(view, dict) or view.get("type") != "modal":
            raise SlackError("invalid_arguments")
        if len(view["title"]["text"]) > 24 or len(view.get("blocks") or []) > 100:
            raise SlackError("invalid_arguments")
        if len(view.get("private_metadata") or "") > 3000:
            raise SlackError("invalid_arguments")
        for block in view.get("blocks") or []:
            element = block.get("element") or {}
            if block.get("type") == "input" and len(block["label"]["text"]) > 2000:
                raise SlackError("invalid_arguments")
            limit = element.get("max_length", 3000)
            if len(element.get("initial_value") or "") > limit:
                raise SlackError("invalid_arguments")
            if len(element.get("options") or []) > 100:
                raise SlackError("invalid_arguments")
        self.views.append(view)
        return {"view": {**view, "id": f"V{next(self._ids):08d}"}}

    def _oauth_access(self, p: Params) -> Params:
        if p.get("grant_type") == "refresh_token":  # token rotation: a new token for the old
            team = self.refresh_tokens.pop(str(p.get("refresh_token") or ""), None)
            if team is None:
                raise SlackError("invalid_refresh_token")
            return self._rotating_grant(team)
        code = str(p.get("code") or "")
        if code not in self.oauth_codes:
            raise SlackError("invalid_code")
        if code in self.rotating_codes:
            team, name, *_ = self.oauth_codes.pop(code)
            return {
                **self._rotating_grant(team),
                "team": {"id": team, "name": name},
                "bot_user_id": "U0DEALBOT",
                "app_id": BOT["app_id"],
                "authed_user": {"id": "U0ADMIN"},
                "is_enterprise_install": False,
            }
        team, name, *picked = self.oauth_codes.pop(code)
        token = f"xoxb-{team}-{next(self._ids):06d}"
        self.tokens.add(token)
        webhook = (
            {
                "incoming_webhook": {
                    "channel_id": picked[0],
                    "channel": "#deals",
                    "url": f"{self.base_url}/hooks/{team}",
                    "configuration_url": f"{self.base_url}/config/{team}",
                }
            }
            if picked
            else {}
        )
        return {
            **webhook,
            "access_token": token,
            "token_type": "bot",
            "scope": ",".join(self.scopes),
            "bot_user_id": "U0DEALBOT",
            "app_id": BOT["app_id"],
            "team": {"id": team, "name": name},
            "enterprise": None,
            "is_enterprise_install": False,
            "authed_user": {"id": "U0ADMIN"},
        }

    def _rotating_grant(self, team: str) -> Params:
        """A bot token that expires in a minute, and the refresh token that replaces it."""
        token = f"xoxe.xoxb-{team}-{next(self._ids):06d}"
        refresh = f"xoxe-1-{team}-{next(self._ids):06d}"
        self.tokens.add(token)
        self.refresh_tokens[refresh] = team
        return {
            "access_token": token,
            "token_type": "bot",
            "scope": ",".join(self.scopes),
            "refresh_token": refresh,
            "expires_in": 60,
        }

    def _unfurl(self, p: Params) -> Params:
        unfurls = p.get("unfurls")
        if isinstance(unfurls, str):
            unfurls = json.loads(unfurls)
        if not (p.get("unfurl_id") and p.get("source")) and not (p.get("channel") and p.get("ts")):
            raise SlackError("invalid_arguments")
        if not isinstance(unfurls, dict) or not unfurls:
            raise SlackError("invalid_unfurls_format")
        self.unfurls.append({**p, "unfurls": unfurls})
        return {}

    def _views_publish(self, p: Params) -> Params:
        view = p.get("view")
        if isinstance(view, str):
            view = json.loads(view)
        if not p.get("user_id") or not isinstance(view, dict) or view.get("type") != "home":
            raise SlackError("invalid_arguments")
        if len(view.get("blocks") or []) > 100:
            raise SlackError("invalid_arguments")
        self.homes.setdefault(p["user_id"], []).append(view)
        return {"view": {**view, "id": f"V{next(self._ids):08d}"}}

    def _open_dm(self, p: Params) -> Params:
        """A DM with one user: a channel "D…" the bot is a member of."""
        user = str(p.get("users") or "")
        if not user or "," in user:
            raise SlackError("invalid_arguments")
        ch = self._channel(f"D{user[1:]}".upper())
        return {"channel": {"id": ch["id"]}}

    def _group_members(self, p: Params) -> Params:
        if p.get("usergroup") not in self.groups:
            raise SlackError("no_such_subteam")
        return {"users": list(self.groups[p["usergroup"]])}

    def _page(self, msgs: list[Params], p: Params) -> Params:
        """Slack's cursor paging (limit default 100, next_cursor, has_more); metadata on ask."""
        start, limit = int(p.get("cursor") or 0), int(p.get("limit") or 100)
        more, meta = start + limit < len(msgs), _flag(p.get("include_all_metadata"))
        return {
            "messages": [self._view(m, meta) for m in msgs[start : start + limit]],
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }

    def _history(self, p: Params) -> Params:
        """Newest first; oldest/latest are exclusive unless ``inclusive``; replies are hidden."""
        ch = self._member_channel(p)
        oldest, latest = float(p.get("oldest") or 0), float(p.get("latest") or "inf")
        inclusive = _flag(p.get("inclusive"))
        msgs = [
            m
            for m in reversed(self.history[ch["id"]])
            if self._top_level(m)
            and (
                oldest < float(m["ts"]) < latest
                or (inclusive and float(m["ts"]) in (oldest, latest))
            )
        ]
        return {**self._page(msgs, p), "pin_count": 0}

    def _replies(self, p: Params) -> Params:
        """The parent then its replies, oldest first."""
        ch = self._member_channel(p)
        parent = self._find(ch, p.get("ts"), "thread_not_found")
        thread = [m for m in self.history[ch["id"]] if m.get("thread_ts") == parent["ts"]]
        return self._page(thread or [parent], p)

    def _join(self, p: Params) -> Params:
        ch = self._channel(p.get("channel"))
        if ch["is_private"]:
            raise SlackError("method_not_supported_for_channel_type")
        was_member, ch["is_member"] = ch["is_member"], True
        warning = (
            {
                "warning": "already_in_channel",
                "response_metadata": {"warnings": ["already_in_channel"]},
            }
            if was_member
            else {}
        )
        return {"channel": self._info(ch), **warning}

    def _user_info(self, p: Params) -> Params:
        if not p.get("user"):
            raise SlackError("user_not_found")
        return {"user": self.users.get(p["user"]) or self.add_user(p["user"])}

    def _upload_url(self, p: Params) -> Params:
        if not p.get("filename") or not str(p.get("length", "")).isdigit():
            raise SlackError("invalid_arguments")
        fid = f"F{next(self._ids):08d}"
        self.files[fid] = {
            "id": fid,
            "name": p["filename"],
            "title": p["filename"],
            "length": int(p["length"]),
            "alt_txt": p.get("alt_txt"),
            "content": None,
            "channels": [],
        }
        return {"upload_url": f"{self.base_url}/upload/{fid}", "file_id": fid}

    def _complete_upload(self, p: Params) -> Params:
        """Finishes uploads; shares them as one message in channel_id (a reply if thread_ts)."""
        entries = p.get("files") if isinstance(p.get("files"), list) else []
        if not entries:
            raise SlackError("invalid_arguments")
        if any(self.files.get(f.get("id"), {}).get("content") is None for f in entries):
            raise SlackError("file_not_found")
        ch = self._member_channel(p, "channel_id") if p.get("channel_id") else None
        out = []
        for f in entries:
            rec = self.files[f["id"]]
            rec["title"] = f.get("title") or rec["title"]
            rec["channels"] += [ch["id"]] if ch else []
            out.append(
                {k: v for k, v in rec.items() if k != "content"}
                | {
                    "mimetype": mimetypes.guess_type(rec["name"])[0] or "application/octet-stream",
                    "size": len(rec["content"]),
                    "url_private": f"{self.base_url}/files/{rec['id']}",
                    "permalink": f"https://dealbot-test.slack.com/files/{rec['id']}",
                }
            )
        if ch:
            self._store(
                ch,
                {"text": p.get("initial_comment"), "thread_ts": p.get("thread_ts")},
                files=out,
                upload=True,
            )
        return {"files": out}
