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


def schedule_poll(
    scheduler: BackgroundScheduler, settings: Settings, job, *, now: bool = False
) -> None:
    """The poll job, with a fixed id so a restart replaces it instead of adding a second one."""
    extra = {"next_run_time": datetime.now(settings.tz)} if now else {}
    scheduler.add_job(
        job,
        "interval",
        minutes=settings.poll_minutes,
        id=POLL_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=int(settings.poll_minutes * 60),
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

    if not settings.console_mode and not settings.channel:
        print("dealbot run: set DEALBOT_CHANNEL (the channel ID, e.g. C0123ABCD) to post to")
        return 2
    store = open_store(settings)
    try:
        if settings.console_mode or not settings.channel:
            return _run_console(settings, store)
        return _run_slack(settings, store, settings.channel)
    finally:
        store.close()


def _run_console(settings: Settings, store) -> int:
    from bot.jobs import poll_job
    from bot.publish.console import ConsolePublisher

    cycle = poll_job(settings, store, ConsolePublisher(store))

    def roundup() -> None:
        from bot.roundup.blocks import last_week_text

        print(last_week_text(store), flush=True)

    print(f"dealbot: console mode, polling every {settings.poll_minutes:g} min (Ctrl-C stops)")
    _with_scheduler(settings, _logged(cycle), lambda: None, roundup, store)
    return 0


def _run_slack(settings: Settings, store, channel: str) -> int:
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
    cycle = poll_job(settings, store, slack_router(settings, store, client))

    def roundup() -> None:
        from bot.clock import utcnow
        from bot.roundup.job import last_fire, period_key, post_roundup, trigger

        try:
            now = utcnow()
            fire = last_fire(trigger(settings.roundup_cron, settings.tz), now) or now
            post_roundup(store, client, channel, period=period_key(fire), end=fire)
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
    stop_listener = _start_listener(settings, app)
    print(
        f"dealbot: posting to {settings.channel}, polling every {settings.poll_minutes:g} min",
        flush=True,
    )
    _with_scheduler(settings, cycle_then(cycle, roundup_due), stop_listener, roundup, store)
    return 0


def cycle_then(cycle: Callable[[], object], after: Callable[[], None]) -> Callable[[], None]:
    """The poll job of `dealbot run`: a cycle, then `after` (the roundup check), which runs
    whatever the cycle did, so a roundup whose post failed goes out on a later cycle."""
    polled = _logged(cycle)

    def job() -> None:
        polled()
        after()

    return job


def _logged(cycle: Callable[[], object]) -> Callable[[], None]:
    """A job that logs a failed cycle instead of raising: the scheduler thread must live on."""

    def job() -> None:
        try:
            cycle()
        except Exception:
            log.exception("poll cycle failed")

    return job


def _start_listener(settings: Settings, app) -> Callable[[], None]:
    """Socket Mode when SLACK_APP_TOKEN is set, else HTTP (waitress) on PORT; returns stop()."""
    if settings.socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        handler = SocketModeHandler(app, settings.slack_app_token)
        handler.connect()  # returns at once; the built-in client runs its own threads
        return handler.close

    from slack_bolt.adapter.wsgi import SlackRequestHandler
    from waitress.server import create_server

    from bot.slack.gate import MAX_BODY, SlackGate

    # waitress, not app.start(): bolt's built-in server is for development only. The gate
    # refuses big or unsigned requests before bolt parses them; waitress caps bodies too.
    gate = SlackGate(SlackRequestHandler(app), settings.slack_signing_secret or "")
    server = create_server(gate, host="0.0.0.0", port=settings.port, max_request_body_size=MAX_BODY)
    thread = threading.Thread(target=server.run, name="http", daemon=True)
    thread.start()
    print(f"dealbot: listening on port {settings.port}, POST /slack/events", flush=True)

    def stop() -> None:
        server.close()
        thread.join(timeout=5)

    return stop


def _with_scheduler(
    settings: Settings, job, stop_listener: Callable[[], None], roundup=None, store=None
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
    try:
        wait_for_signal()
    finally:
        stop_listener()  # no new Slack requests
        scheduler.shutdown(wait=True)  # a running poll finishes its write first
        print("dealbot: stopped", flush=True)
