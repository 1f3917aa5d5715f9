"""`dealbot` command line: run, poll, feeds, deal, export, corrections, backup, db, extract,
roundup, subscriptions, demo."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from bot.config import ConfigError, Settings, load_settings
from bot.feeds.links import is_http_url, shown_url
from bot.lock import DatabaseBusy, exclusive

log = logging.getLogger("dealbot")


def cmd_poll(settings: Settings, args: argparse.Namespace) -> int:
    from bot.jobs import CyclePublisher, open_store, poll_job
    from bot.publish.console import ConsolePublisher

    store = open_store(settings)
    publisher: CyclePublisher = ConsolePublisher(store)
    if not settings.console_mode:
        from bot.publish.router import slack_router
        from bot.slack.client import make_client

        if not settings.channel:
            print("error: set DEALBOT_CHANNEL to post to Slack", file=sys.stderr)
            return 2
        publisher = slack_router(settings, store, make_client(settings))
    with ticker(sys.stderr):
        report = poll_job(settings, store, publisher)()
    print(
        f"polled {report.feeds} feeds: {report.new_stories} new stories, "
        f"{len(report.events)} deal events, {report.not_modified} not modified, "
        f"{len(report.failed)} failed",
        file=sys.stderr,
    )
    for url, error in report.failed:
        print(f"  failed: {shown_url(url)}: {error}", file=sys.stderr)
    if report.feeds and len(report.failed) == report.feeds:
        print("every feed failed: is the network down?", file=sys.stderr)
        return 1
    return 0


@contextlib.contextmanager
def ticker(out, *, after: float = 3.0) -> Iterator[None]:
    """On a terminal, a cycle longer than `after` seconds shows that it is still working."""
    if not out.isatty():
        yield
        return
    done = threading.Event()
    start = time.monotonic()

    def tick() -> None:
        while not done.wait(1.0):
            elapsed = time.monotonic() - start
            if elapsed >= after:
                out.write(f"\rpolling… {elapsed:.0f} s")
                out.flush()

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        out.write("\r\033[K")
        out.flush()


def cmd_feeds(settings: Settings, args: argparse.Namespace) -> int:
    from bot.jobs import open_store

    store = open_store(settings)
    if args.action == "check":
        return _check_feeds(settings, store)
    if args.action == "domains":
        for domain in unfurl_domains(store.feeds()):
            print(domain)
        return 0
    if args.action == "list":
        _list_feeds(store)
        return 0
    if not is_http_url(args.url):
        print(f"error: {args.url!r} is not an http(s) URL", file=sys.stderr)
        return 2
    if args.action == "add":
        return _add_feed(settings, store, args.url, args.name or "")
    removed = store.remove_feed(args.url)
    print("removed" if removed else "not a feed here:", args.url)
    return 0 if removed else 1


def unfurl_domains(feeds: list[dict]) -> list[str]:
    """The feeds' sites without "www." (the manifest's unfurl_domains: links to them unfurl)."""
    from urllib.parse import urlsplit

    hosts = (urlsplit(f["url"]).hostname or "" for f in feeds)
    return sorted({h.removeprefix("www.").removeprefix("feeds.") for h in hosts if h})


def _list_feeds(store) -> None:
    """Each feed: name, language, last success and error, and its schedule (interval, next
    poll, backoff after failures, pushed by WebSub); retired feeds last, with the reason."""
    from datetime import timedelta

    from bot.feeds.schedule import describe

    pushed = {w["feed_url"]: w for w in store.websubs() if w["state"] == "subscribed"}
    for f in store.feeds():
        status = f"ok {f['last_success']}" if f["last_success"] else "never fetched"
        language = f"  [{f['language']}]" if f.get("language") else ""
        line = f"{f['url']}  {f['name'] or ''}{language}\n    last success: {status}"
        if f["last_error"]:
            line += (
                f"\n    last error: {f['last_error']} at {f['last_error_at']}"
                f" ({f['failures']} consecutive failures)"
            )
        if f.get("next_poll"):
            every = describe(timedelta(seconds=f.get("poll_interval") or 0))
            line += f"\n    schedule: every {every}, next poll {f['next_poll'][:16]}"
            if f["failures"]:
                line += f" (backing off after {f['failures']} failure(s) in a row)"
        else:
            line += "\n    schedule: due now (new feed)"
        if f["url"] in pushed:
            line += f"\n    pushed by WebSub ({pushed[f['url']]['hub']}), lease until "
            line += str(pushed[f["url"]]["lease_until"])[:16]
        print(line)
    for f in store.retired_feeds():
        print(f"{f['url']}  {f['name'] or ''}\n    retired: {f['retired']}; not polled again")


def _check_feeds(settings: Settings, store) -> int:
    """Fetch every active feed once through the address guard and say how it went; nothing
    is stored or posted. Exit 1 when any feed fails, so a script can tell."""
    from bot.extract.engine import is_funding_story
    from bot.feeds.check import check_all
    from bot.feeds.guard import AddressPolicy

    feeds = store.feeds()
    policy = AddressPolicy(allow_private=settings.allow_private_feeds)
    found = check_all([f["url"] for f in feeds], policy, is_funding=is_funding_story)
    failed = 0
    for feed, result in zip(feeds, found, strict=True):
        name = feed["name"] or feed["url"]
        if result.ok:
            print(f"ok    {name}: {result.items} items, {result.funding} look like funding news")
        else:
            failed += 1
            print(f"FAIL  {name}: {result.reason}\n      {feed['url']}")
    print(f"{len(feeds) - failed} of {len(feeds)} feeds answered", file=sys.stderr)
    return 1 if failed else 0


def _add_feed(settings: Settings, store, url: str, name: str) -> int:
    """The same check as `/deal feeds add`: the terminal user is trusted, the URL is not."""
    from bot.extract.engine import is_funding_story
    from bot.feeds.check import check_feed
    from bot.feeds.guard import AddressPolicy

    if any(f["url"] == url for f in store.feeds()):
        print("already there", url)
        return 0
    found = check_feed(
        url,
        AddressPolicy(allow_private=settings.allow_private_feeds),
        is_funding=is_funding_story,
    )
    if not found.ok:
        print(f"error: not added: {url}: {found.reason}", file=sys.stderr)
        return 2
    store.add_feed(url, name or found.title)
    print(
        f"added {url}: {found.title or '(no title)'}, {found.items} items, "
        f"{found.funding} look like funding news"
    )
    return 0


def cmd_subscriptions(settings: Settings, args: argparse.Namespace) -> int:
    """Every channel that gets cards, and its filters (`/deal subscribe` sets them)."""
    from bot.jobs import open_store
    from bot.lookup.subscriptions import describe, from_row

    store = open_store(settings)
    if settings.channel:
        print(f"{settings.channel}  every deal (DEALBOT_CHANNEL)")
    for row in store.subscription_rows():
        sub = from_row(row)
        who = f"by {sub.created_by or '?'}, {sub.created_at[:10]}"
        print(f"{sub.channel}  {describe(sub)}  ({who})")
    return 0


# DESIGN.md's contract for `dealbot extract`, in its order (after is_funding)
EXTRACT_FIELDS = (
    "kind",
    "company",
    "location",
    "amount",
    "currency",
    "amount_usd",
    "round",
    "valuation",
    "lead_investors",
    "investors",
)


def cmd_extract(settings: Settings | None, args: argparse.Namespace) -> int:
    from bot.extract.engine import extract

    try:
        source = (
            open(args.file, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed below
            if args.file
            else contextlib.nullcontext(
                io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
            )
        )
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    with source as source:
        for n, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                print(f"line {n}: skipped, not a JSON object ({exc})", file=sys.stderr)
                print(json.dumps({"error": f"line {n}: not a JSON object"}))
                continue
            found = extract(
                str(item.get("title") or ""),
                str(item.get("summary") or ""),
                str(item.get("content") or ""),
            )
            out: dict[str, object] = {"is_funding": found.is_funding}
            for key in EXTRACT_FIELDS:
                out[key] = _json_value(getattr(found, key))
            if item.get("link"):
                out["link"] = item["link"]
            print(json.dumps(out, ensure_ascii=False))
    return 0


def _json_value(value: object) -> object:
    """600000000, not 600000000.0; lists for tuples."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return list(value) if isinstance(value, tuple) else value


def cmd_deal(settings: Settings, args: argparse.Namespace) -> int:
    """`dealbot deal SenseTime investor:Alibaba`: the /deal answer, as plain text; `dealbot deal
    edit 12 amount=$620M` and the other operations of a card's menu (bot.cli_edit)."""
    from bot.cli_edit import is_operation, run_operation
    from bot.jobs import open_store
    from bot.lookup.search import search
    from bot.render import console_card
    from bot.roundup.blocks import last_week_text

    store = open_store(settings)
    if is_operation(args.text):
        return run_operation(settings, store, args.text)
    text = " ".join(args.text)
    result = search(store, text, roundup=last_week_text)
    print(result.message.replace("*", ""))
    for deal in result.deals:
        print(console_card(deal) + "\n")
    if result.has_more:
        print(f"(showing the first {len(result.deals)}; add filters such as since:30d to narrow)")
    return 0


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    """`dealbot export [QUERY…] [--format csv|json|ndjson] [--output FILE]`."""
    from bot.jobs import open_store
    from bot.lookup.search import matching
    from bot.publish.export import export_rows, render

    store = open_store(settings)
    query = " ".join(args.query)
    deals, problem = matching(store, query)
    if problem:
        print(f"error: {problem.replace('*', '')}", file=sys.stderr)
        return 2
    text = render(export_rows(store, deals, _workspace_url(settings)), args.format)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        except OSError as exc:
            print(f"error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    print(f"{len(deals)} deals", file=sys.stderr)
    return 0


def _workspace_url(settings: Settings) -> str | None:
    """The workspace's address for card links (auth.test), when a token is set."""
    if settings.console_mode:
        return None
    from slack_sdk.errors import SlackApiError

    from bot.slack.client import make_client

    try:
        return str(make_client(settings).auth_test().get("url") or "") or None
    except (SlackApiError, OSError):
        return None


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    """`dealbot backup PATH`: a consistent copy, safe while `dealbot run` is running."""
    import os
    import sqlite3

    from bot.store import Store

    if not os.path.exists(settings.db_path):
        print(f"error: no database at {settings.db_path} (DEALBOT_DB)", file=sys.stderr)
        return 2
    if os.path.exists(args.path) and not args.force:
        print(f"error: {args.path} exists; pass --force to replace it", file=sys.stderr)
        return 2
    store = Store(settings.db_path)
    try:
        store.backup(args.path)
    except (OSError, sqlite3.Error) as exc:  # a clear line, not a traceback
        print(f"error: backup to {args.path} failed: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"backed up {settings.db_path} to {args.path} ({os.path.getsize(args.path):,} bytes)")
    return 0


def cmd_db(settings: Settings, args: argparse.Namespace) -> int:
    """`dealbot db status`: schema version, pending migrations, a quick integrity check."""
    import os

    from bot.store.base import schema_status

    if not os.path.exists(settings.db_path):
        print(f"no database at {settings.db_path} yet (DEALBOT_DB); `dealbot poll` creates it")
        return 1
    status = schema_status(settings.db_path)
    applied, pending = status["applied"], status["pending"]
    last = f"{applied[-1][0]} (applied {applied[-1][1][:19]})" if applied else "none"
    print(f"database: {settings.db_path} ({os.path.getsize(settings.db_path):,} bytes)")
    print(f"schema:   {len(applied)} migrations applied; latest {last}")
    if pending:
        print(f"pending:  {', '.join(pending)} (applied at the next start, after a backup)")
    else:
        print("pending:  none")
    print(f"integrity: {status['integrity']}")
    return 0 if status["integrity"] == "ok" else 1


def cmd_doctor(settings: Settings, args: argparse.Namespace) -> int:
    """`dealbot doctor`: token, scopes, channel, feeds, database and clock; exit 1 on a problem."""
    from bot import doctor

    findings = doctor.database_checks(settings)
    client = None
    if not settings.console_mode:
        from bot.slack.client import make_client

        client = make_client(settings)
    findings = doctor.slack_checks(settings, client) + findings
    findings += doctor.feed_checks(settings, doctor.active_feeds(settings))
    print(doctor.table(findings))
    problems = sum(1 for f in findings if not f.ok)
    print(f"\n{problems} problem(s)" if problems else "\nall good", file=sys.stderr)
    return 1 if problems else 0


def cmd_corrections(settings: Settings, args: argparse.Namespace) -> int:
    """`dealbot corrections export`: people's fixes as labelled examples (bot.edit.export)."""
    from bot.cli_edit import export_corrections
    from bot.jobs import open_store

    return export_corrections(open_store(settings), args.since, args.output)


def cmd_roundup(settings: Settings, args: argparse.Namespace) -> int:
    from bot.clock import utcnow
    from bot.roundup.blocks import render_text
    from bot.roundup.select import load

    if args.days < 1 or args.days > 366:
        print("error: --days must be from 1 to 366", file=sys.stderr)
        return 2
    from bot.jobs import open_store

    store = open_store(settings)
    text = render_text(load(store, end=utcnow(), days=args.days))
    if not args.post:
        print(text)
        return 0
    if settings.console_mode or not settings.channel:
        print("error: --post needs SLACK_BOT_TOKEN and DEALBOT_CHANNEL", file=sys.stderr)
        return 2
    from bot.roundup.job import post_roundup
    from bot.slack.client import make_client

    now = utcnow()
    # a manual post is its own period: asked for explicitly, it always goes out once
    ts = post_roundup(
        store,
        make_client(settings),
        settings.channel,
        period=f"manual-{now.isoformat()}",
        end=now,
        days=args.days,
    )
    print("posted" if ts else "not posted (see the log above)", file=sys.stderr)
    return 0 if ts else 1


def cmd_demo(settings: Settings | None, args: argparse.Namespace) -> int:
    from bot.demo import run_demo

    return run_demo()


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.runner import run

    return run(settings)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dealbot", description="Startup funding news → one Slack card per deal."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more (INFO)")
    parser.add_argument("--version", action="version", version=f"dealbot {_version()}")
    # -v after the subcommand too ("dealbot poll -v"); SUPPRESS keeps the one given first
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log more (INFO)"
    )

    def command(group, name: str, text: str) -> argparse.ArgumentParser:
        return group.add_parser(name, help=text, description=text, parents=[common])

    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    command(sub, "run", "scheduler + Slack listener (console mode without a token)")
    command(sub, "poll", "one poll cycle now; exit 1 if every feed failed")
    p = command(
        sub, "deal", "the /deal lookup, in the terminal; or show|edit|dismiss|merge|split ID …"
    )
    p.add_argument("text", nargs="*", help="a /deal query, or an operation on a deal")
    p = command(sub, "export", "the deals a /deal query finds, as CSV, JSON or JSON lines")
    p.add_argument("query", nargs="*", help="a /deal query (empty: every deal)")
    p.add_argument("--format", choices=("csv", "json", "ndjson"), default="csv", help="default csv")
    p.add_argument("--output", help="a file (default: standard output)")
    p = command(sub, "backup", "a consistent copy of the database, safe while running")
    p.add_argument("path", help="where to write the copy")
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    db = command(sub, "db", "the database's schema").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    command(db, "status", "schema version, pending migrations, integrity")
    corrections = command(sub, "corrections", "people's fixes to deals").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = command(corrections, "export", "corrections as labelled examples (JSON lines)")
    p.add_argument("--since", help="30d, or a date such as 2026-11-01")
    p.add_argument("--output", help="a file (default: standard output)")
    p = command(sub, "extract", "JSON lines in, extracted deal fields out")
    p.add_argument("file", nargs="?", help="a JSON-lines file (default: standard input)")
    feeds = command(sub, "feeds", "manage feeds").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    command(feeds, "list", "every feed, its language, last success and last error")
    command(feeds, "check", "fetch each feed once and report the ones that fail")
    command(feeds, "domains", "the feeds' sites, for the manifest's unfurl_domains")
    p = command(feeds, "add", "check a feed URL and add it")
    p.add_argument("url", help="the feed's http(s) address")
    p.add_argument("--name", help="the outlet's name (default: the feed's title)")
    p = command(feeds, "remove", "stop reading a feed")
    p.add_argument("url", help="the feed's address as `feeds list` shows it")
    command(sub, "doctor", "check token, scopes, channel, feeds, database and clock; exit 1 if not")
    command(sub, "demo", "the whole pipeline over bundled sample feeds, offline")
    command(sub, "subscriptions", "channels that get cards, and their filters")
    p = command(sub, "roundup", "print (or post) the roundup of the last days")
    p.add_argument("--days", type=int, default=7, help="how many days back (1 to 366)")
    p.add_argument("--post", action="store_true", help="post it to DEALBOT_CHANNEL")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dealbot")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _writes_to_slack(args: argparse.Namespace) -> bool:
    """Commands that poll or post: one at a time per database (bot.lock)."""
    return args.command in ("run", "poll") or (args.command == "roundup" and args.post)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from bot.logs import setup_logging  # every command logs through the redacting filter

    default = logging.INFO if args.command == "run" else logging.WARNING  # run: a line a poll
    setup_logging(None, args.verbose, default=default)
    handlers: dict[str, Callable[[Any, argparse.Namespace], int]] = {
        "run": cmd_run,
        "poll": cmd_poll,
        "feeds": cmd_feeds,
        "extract": cmd_extract,
        "deal": cmd_deal,
        "demo": cmd_demo,
        "roundup": cmd_roundup,
        "subscriptions": cmd_subscriptions,
        "corrections": cmd_corrections,
        "export": cmd_export,
        "backup": cmd_backup,
        "doctor": cmd_doctor,
        "db": cmd_db,
    }
    try:
        settings = None
        if args.command not in ("extract", "demo"):
            settings = load_settings()
            setup_logging(settings, args.verbose, default=default)  # now it knows the secrets
        if settings is not None and _writes_to_slack(args):
            with exclusive(settings.db_path, args.command):
                return handlers[args.command](settings, args)
        return handlers[args.command](settings, args)
    except ConfigError as exc:
        print(f"dealbot: configuration error: {exc}", file=sys.stderr)
        return 2
    except DatabaseBusy as exc:
        print(f"dealbot: {exc}; stop it first, or wait for it to finish", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
