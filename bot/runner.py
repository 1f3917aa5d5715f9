"""`dealbot run`: the poll job on a schedule, in one process.

The scheduler must run in exactly one process: two would poll twice and race on posts.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot.config import Settings

log = logging.getLogger(__name__)
POLL_JOB = "dealbot-poll"


def schedule_poll(scheduler: BackgroundScheduler, settings: Settings, job) -> None:
    scheduler.add_job(
        job,
        "interval",
        minutes=settings.poll_minutes,
        id=POLL_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=int(settings.poll_minutes * 60),
    )


def run(settings: Settings) -> int:
    from bot.cli import open_store
    from bot.console import ConsolePublisher
    from bot.pipeline import poll

    if not settings.console_mode:
        print(
            "dealbot run: posting to Slack is not built yet (issue 5); unset SLACK_BOT_TOKEN to "
            "run in console mode"
        )
        return 2
    store = open_store(settings)
    publisher = ConsolePublisher(store)
    max_age = timedelta(hours=settings.max_age_hours)

    def job() -> None:
        report = poll(store, publisher, max_age=max_age)
        log.info("poll: %d new stories, %d failed feeds", report.new_stories, len(report.failed))

    scheduler = BackgroundScheduler(timezone=settings.tz)
    schedule_poll(scheduler, settings, job)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    scheduler.start()
    print(f"dealbot: console mode, polling every {settings.poll_minutes:g} min (Ctrl-C stops)")
    job()
    stop.wait()
    scheduler.shutdown(wait=True)  # lets a running poll finish its write
    store.close()
    return 0
