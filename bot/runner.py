"""`dealbot run`: the poll job on a schedule plus the Slack listener, in one process.

The scheduler must run in exactly one process: two would poll twice and race on posts (the
posts table keeps cards single, but not thread replies). So run one `dealbot run`, and scale
the HTTP side, if ever needed, without the scheduler. Without SLACK_BOT_TOKEN it runs in
console mode (polls and prints).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot.config import Settings

log = logging.getLogger(__name__)
POLL_JOB = "dealbot-poll"


WAKE_SECONDS = 30  # the poll job wakes this often and polls the feeds that are due


def schedule_poll(
    scheduler: BackgroundScheduler, settings: Settings, job, *, now: bool = False
) -> None:
    """The poll job: one job for every feed, waking often and polling only the feeds whose
    own schedule says they are due (bot.feeds.schedule); a fixed id, so a restart replaces it
    instead of adding a second one."""
    extra = {"next_run_time": datetime.now(settings.tz)} if now else {}
    scheduler.add_job(
        job,
        "interval",
        seconds=WAKE_SECONDS,
        id=POLL_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=WAKE_SECONDS * 2,
        **extra,
    )


PRUNE_JOB = "dealbot-prune"


def schedule_prune(scheduler: BackgroundScheduler, settings: Settings, store) -> None:
    """Once a day (the first an hour after start): stories older than DEALBOT_KEEP_DAYS go."""

    def prune() -> None:
        from bot.clock import utcnow

        try:
            gone = store.prune_stories(utcnow() - timedelta(days=settings.keep_days))
            if gone:
                log.info("pruned %d stories older than %g days", gone, settings.keep_days)
        except Exception:  # a failed prune must not stop the scheduler; tomorrow tries again
            log.exception("pruning old stories failed")

    scheduler.add_job(
        prune,
        "interval",
        days=1,
        id=PRUNE_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        next_run_time=datetime.now(settings.tz) + timedelta(hours=1),
    )


def schedule_roundup(scheduler: BackgroundScheduler, settings: Settings, job) -> None:
    """DEALBOT_ROUNDUP_CRON in DEALBOT_TZ; a generous grace so a short outage still posts it."""
    from bot.roundup.job import GRACE, JOB_ID, trigger

    scheduler.add_job(
        job,
        trigger(settings.roundup_cron, settings.tz),
        id=JOB_ID,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=int(GRACE.total_seconds()),
    )


def wait_for_signal() -> None:
    """Block until SIGINT or SIGTERM."""
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()


def run(settings: Settings) -> int:
    from bot.jobs import open_store
    from bot.metrics import Health

    if settings.oauth_mode:
        store = open_store(settings)
        try:
            return _run_oauth(settings, store, Health(poll_minutes=settings.poll_minutes))
        finally:
            store.close()
    if not settings.console_mode and not settings.channel:
        print("dealbot run: set DEALBOT_CHANNEL (the channel ID, e.g. C0123ABCD) to post to")
        return 2
    if not settings.console_mode and not settings.socket_mode and not settings.slack_signing_secret:
        print(
            "dealbot run: SLACK_SIGNING_SECRET is required in HTTP mode (SLACK_BOT_TOKEN set, "
            "no SLACK_APP_TOKEN): it proves requests come from Slack"
        )
        return 2
    store = open_store(settings)
    health = Health(poll_minutes=settings.poll_minutes)
    try:
        if settings.console_mode or not settings.channel:
            return _run_console(settings, store, health)
        return _run_slack(settings, store, settings.channel, health)
    finally:
        store.close()


def _run_console(settings: Settings, store, health) -> int:
    from bot.jobs import poll_job
    from bot.publish.console import ConsolePublisher

    cycle = poll_job(settings, store, ConsolePublisher(store), due_only=True)

    def roundup() -> None:
        from bot.roundup.blocks import last_week_text

        print(last_week_text(store), flush=True)

    print(f"dealbot: console mode, {_rhythm(settings)} (Ctrl-C stops)")
    stop_web = _start_metrics(settings, store, health)
    _with_scheduler(settings, _logged(cycle, health), stop_web, roundup, store, health)
    return 0


def _run_slack(settings: Settings, store, channel: str, health) -> int:
    from slack_sdk.errors import SlackApiError

    from bot.jobs import poll_job
    from bot.publish.router import slack_router
    from bot.slack.app import create_app
    from bot.slack.client import HELP, make_client, slack_error

    client = make_client(settings)
    try:
        who = client.auth_test()
    except SlackApiError as exc:
        error = slack_error(exc)
        print(f"dealbot run: Slack refused the token ({error}). {HELP.get(error, '')}".strip())
        return 2
    except OSError as exc:
        print(f"dealbot run: cannot reach Slack at {settings.slack_api_url}: {exc}")
        return 2
    log.info("connected to %s as %s", who.get("team"), who.get("user"))
    app = create_app(settings, store, client)
    router = slack_router(settings, store, client)
    cycle, push = with_websub(
        settings, store, poll_job(settings, store, router, due_only=True), router
    )

    def roundup() -> None:
        from bot.clock import utcnow
        from bot.roundup.job import last_fire, period_key, post_roundups, trigger

        try:
            now = utcnow()
            fire = last_fire(trigger(settings.roundup_cron, settings.tz), now) or now
            post_roundups(store, client, channel, period=period_key(fire), end=fire)
        except Exception:  # a failed roundup must not stop the scheduler
            log.exception("roundup failed")

    def roundup_due() -> None:
        """The latest roundup, if it is due and not out yet (missed while down, or its post
        failed): checked at start and after every poll cycle until its grace ends."""
        from bot.clock import utcnow
        from bot.roundup.job import catch_up

        try:
            catch_up(store, client, channel, settings.roundup_cron, settings.tz, utcnow())
        except Exception:
            log.exception("missed-roundup check failed")

    roundup_due()
    stop_listener = _start_listener(settings, app, store, health, push)
    print(
        f"dealbot: posting to {settings.channel}, {_rhythm(settings)}",
        flush=True,
    )
    _with_scheduler(
        settings, cycle_then(cycle, roundup_due, health), stop_listener, roundup, store, health
    )
    return 0


def _rhythm(settings: Settings) -> str:
    return (
        f"each feed polled on its own rhythm (new feeds every {settings.poll_minutes:g} min, "
        f"then {settings.poll_min_minutes:g} to {settings.poll_max_minutes:g} min)"
    )


def cycle_then(
    cycle: Callable[[], object], after: Callable[[], None], health=None
) -> Callable[[], None]:
    """The poll job of `dealbot run`: a cycle, then `after` (the roundup check), which runs
    whatever the cycle did, so a roundup whose post failed goes out on a later cycle."""
    polled = _logged(cycle, health)

    def job() -> None:
        polled()
        after()

    return job


def _logged(cycle: Callable[[], object], health=None) -> Callable[[], None]:
    """A job that logs a failed cycle instead of raising: the scheduler thread must live on.
    A cycle that ends without an error is a good poll for /healthz."""

    def job() -> None:
        try:
            cycle()
        except Exception:
            log.exception("poll cycle failed")
            return
        if health is not None:
            health.polled()

    return job


def _run_oauth(settings: Settings, store, health) -> int:
    """Any workspace installs it (HTTP mode): one poll for all, cards fanned out per
    workspace with its own token; /slack/install and /slack/oauth_redirect served by bolt."""
    from bot.jobs import poll_job
    from bot.publish.fanout import oauth_fanout
    from bot.slack.app import create_app

    if settings.socket_mode:
        print("dealbot run: OAuth (SLACK_CLIENT_ID) runs in HTTP mode; unset SLACK_APP_TOKEN")
        return 2
    app = create_app(settings, store)
    fanout = oauth_fanout(settings, store)
    cycle, push = with_websub(
        settings, store, poll_job(settings, store, fanout, due_only=True), fanout
    )
    stop_listener = _start_listener(settings, app, store, health, push)

    from bot.roundup.job import workspace_roundups

    def roundups() -> None:
        try:
            workspace_roundups(settings, store)
        except Exception:  # a roundup's trouble must not stop the poll job
            log.exception("workspace roundups failed")

    print(f"dealbot: OAuth mode, install at /slack/install; {_rhythm(settings)}", flush=True)
    _with_scheduler(
        settings, cycle_then(cycle, roundups, health), stop_listener, None, store, health
    )
    return 0


def with_websub(settings: Settings, store, cycle: Callable, publisher):
    """The poll cycle and, in HTTP mode with DEALBOT_PUBLIC_URL, WebSub: after each cycle the
    subscriptions follow the hubs feeds declare (subscribe, renew, unsubscribe), and a pushed
    delivery is processed on its own thread, one at a time with the poll (the same lock).
    Returns (cycle, push) where push is (WebSub, on_push) or None."""
    lock = threading.Lock()
    if not settings.public_url or settings.socket_mode:
        return cycle, None
    from bot.feeds.guard import AddressPolicy, guarded_client
    from bot.feeds.websub import WebSub
    from bot.pipeline import receive_push

    websub = WebSub(
        store, settings.public_url, guarded_client(AddressPolicy(settings.allow_private_feeds))
    )
    max_age = timedelta(hours=settings.max_age_hours)

    def polled():
        with lock:
            report = cycle()
        try:
            websub.ensure(report.hubs)
        except Exception:  # a hub's trouble must not stop polling
            log.exception("WebSub upkeep failed")
        return report

    def on_push(feed: dict, body: bytes, content_type: str | None) -> None:
        def work() -> None:
            with lock:
                try:
                    report = receive_push(
                        store, publisher, feed, body, content_type, max_age=max_age
                    )
                    log.info("WebSub: %s pushed %d new stories", feed["url"], report.new_stories)
                except Exception:
                    log.exception("WebSub delivery for %s failed", feed["url"])

        threading.Thread(target=work, name="websub-push", daemon=True).start()

    return polled, (websub, on_push)


def _start_listener(settings: Settings, app, store, health, push=None) -> Callable[[], None]:
    """Socket Mode when SLACK_APP_TOKEN is set, else HTTP (waitress) on PORT; returns stop().
    HTTP mode also serves /healthz, /metrics and the deal feed; Socket Mode serves them on
    DEALBOT_METRICS_PORT when it is set."""
    if settings.socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        handler = SocketModeHandler(app, settings.slack_app_token)
        handler.connect()  # returns at once; the built-in client runs its own threads
        stop_web = _start_metrics(settings, store, health)

        def stop_socket() -> None:
            handler.close()
            stop_web()

        return stop_socket

    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from bot.slack.gate import SlackGate
    from bot.web import WebApp

    # waitress, not app.start(): bolt's built-in server is for development only. The gate
    # refuses big or unsigned requests before bolt parses them; waitress caps bodies too.
    gate = SlackGate(SlackRequestHandler(app), settings.slack_signing_secret or "")
    websub, on_push = push if push else (None, None)
    web = WebApp(
        store, health, feed_token=settings.feed_token, slack=gate, websub=websub, on_push=on_push
    )
    stop, _ = serve(web, settings.port)
    print(
        f"dealbot: listening on port {settings.port}: POST /slack/events, GET /healthz, "
        "/metrics, /deals.atom, /deals.json",
        flush=True,
    )
    return stop


def _start_metrics(settings: Settings, store, health) -> Callable[[], None]:
    """/healthz, /metrics and the deal feed on DEALBOT_METRICS_PORT (Socket and console mode)."""
    if not settings.metrics_port:
        return lambda: None
    from bot.web import WebApp

    stop, _ = serve(WebApp(store, health, feed_token=settings.feed_token), settings.metrics_port)
    print(f"dealbot: /healthz, /metrics and the deal feed on port {settings.metrics_port}")
    return stop


def serve(app, port: int, host: str = "0.0.0.0") -> tuple[Callable[[], None], int]:
    """A waitress server for `app` on its own thread; returns stop() and the port it listens
    on (port 0: one the system picks)."""
    from waitress.server import create_server

    from bot.slack.gate import MAX_BODY

    server = create_server(app, host=host, port=port, max_request_body_size=MAX_BODY)
    thread = threading.Thread(target=server.run, name=f"http-{port}", daemon=True)
    thread.start()

    def stop() -> None:
        server.close()
        thread.join(timeout=5)

    return stop, int(server.effective_port)


def _with_scheduler(
    settings: Settings,
    job,
    stop_listener: Callable[[], None],
    roundup=None,
    store=None,
    health=None,
) -> None:
    """Run `job` now and every poll interval (and the roundup on its cron, and the daily
    prune) until a signal."""
    scheduler = BackgroundScheduler(timezone=settings.tz)
    schedule_poll(scheduler, settings, job, now=True)
    if roundup is not None:
        schedule_roundup(scheduler, settings, roundup)
    if store is not None:
        schedule_prune(scheduler, settings, store)
    scheduler.start()
    if health is not None:
        health.scheduler_running = True
    try:
        wait_for_signal()
    finally:
        if health is not None:
            health.scheduler_running = False
        stop_listener()  # no new Slack requests
        scheduler.shutdown(wait=True)  # a running poll finishes its write first
        print("dealbot: stopped", flush=True)
