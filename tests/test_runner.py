"""bot.runner: `dealbot run`'s schedule (one poll job, one roundup job, fixed ids), and a failed
cycle that never stops the scheduler. The whole command runs in tests/test_run_e2e.py."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from bot.config import Settings
from bot.roundup.job import JOB_ID
from bot.runner import POLL_JOB, WAKE_SECONDS, _logged, run, schedule_poll, schedule_roundup


def test_one_poll_job_replaced_not_doubled_on_restart() -> None:
    scheduler = BackgroundScheduler(timezone=ZoneInfo("UTC"))
    scheduler.start(paused=True)  # nothing runs; the job store applies replace_existing
    settings = Settings(poll_minutes=15)
    try:
        schedule_poll(scheduler, settings, lambda: None)
        schedule_poll(scheduler, settings, lambda: None)
        jobs = scheduler.get_jobs()
    finally:
        scheduler.shutdown(wait=False)
    assert [j.id for j in jobs] == [POLL_JOB]
    assert jobs[0].coalesce and jobs[0].max_instances == 1
    # one job for every feed: it wakes often and polls the feeds that are due (issue 22)
    assert jobs[0].trigger.interval.total_seconds() == WAKE_SECONDS


def test_the_roundup_fires_at_the_cron_in_the_configured_zone() -> None:
    scheduler = BackgroundScheduler(timezone=ZoneInfo("UTC"))
    settings = Settings(roundup_cron="0 9 * * mon", tz_name="Europe/Berlin")
    schedule_roundup(scheduler, settings, lambda: None)
    (job,) = scheduler.get_jobs()
    assert job.id == JOB_ID
    after = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)  # a Wednesday
    fire = job.trigger.get_next_fire_time(None, after)
    assert fire.isoformat() == "2026-12-07T09:00:00+01:00"  # the next Monday, 09:00 Berlin


def test_a_failed_cycle_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> None:
        raise RuntimeError("database is on fire")

    with caplog.at_level(logging.ERROR):
        _logged(broken)()
    assert "poll cycle failed" in caplog.text and "database is on fire" in caplog.text


def test_slack_mode_without_a_channel_stops_with_a_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(Settings(slack_bot_token="xoxb-1")) == 2
    assert "DEALBOT_CHANNEL" in capsys.readouterr().out


def test_the_roundup_check_runs_after_every_cycle_even_a_failed_one() -> None:
    """Issue 17, item 10: `dealbot run` checks for a due roundup after each poll cycle, so a
    roundup whose post failed is posted on a later cycle (within its grace)."""
    from bot.runner import cycle_then

    calls: list[str] = []

    def failing_cycle() -> None:
        calls.append("cycle")
        raise RuntimeError("feed store broke")

    job = cycle_then(failing_cycle, lambda: calls.append("roundup check"))
    job()
    job()
    assert calls == ["cycle", "roundup check", "cycle", "roundup check"]


def test_old_stories_are_pruned_once_a_day() -> None:
    from bot.runner import PRUNE_JOB, schedule_prune

    scheduler = BackgroundScheduler(timezone=ZoneInfo("UTC"))
    scheduler.start(paused=True)
    calls: list[object] = []

    class FakeStore:
        def prune_stories(self, before):
            calls.append(before)
            return 0

    try:
        schedule_prune(scheduler, Settings(keep_days=30), FakeStore())
        schedule_prune(scheduler, Settings(keep_days=30), FakeStore())  # a restart replaces it
        (job,) = scheduler.get_jobs()
    finally:
        scheduler.shutdown(wait=False)
    assert job.id == PRUNE_JOB and job.trigger.interval.days == 1
    job.func()
    assert len(calls) == 1
