"""One poll for every workspace: fetching, extraction and matching ran once; here the news
fans out to each installed workspace with its own token, its own channels and follows, and its
own pacing (one SlackPublisher per channel, as in single-workspace mode).

Workspaces publish side by side on a bounded thread pool, so a slow or rate-limited workspace
never holds up the others, and an invalid token (uninstalled, revoked) fails only its own
publishers, which log it and retry next cycle.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from bot.models import Event
from bot.publish.router import ChannelRouter, channel_publishers
from bot.store import Store

log = logging.getLogger(__name__)
WORKERS = 64  # workspaces publishing at once: mostly asleep between paced posts


class WorkspaceFanout:
    """A Publisher for poll(): each installed workspace's router gets every event."""

    def __init__(
        self,
        store: Store,
        teams: Callable[[], list[tuple[str | None, str]]],
        router: Callable[[str | None, str], ChannelRouter | None],
        *,
        workers: int = WORKERS,
    ) -> None:
        """`router(enterprise, team)` gives the workspace's router for this cycle (None: not
        installed any more); it keeps routers itself, so their publishers' pacing carries over."""
        self.store, self.teams, self.router = store, teams, router
        self.workers = workers

    def _each(self, call: Callable[[ChannelRouter], None]) -> None:
        teams = self.teams()

        def one(enterprise: str | None, team: str) -> None:
            try:
                router = self.router(enterprise, team)
                if router is not None:
                    call(router)
            except Exception:  # one workspace's trouble never stops the others
                log.exception("publishing to workspace %s failed; retried next cycle", team)

        workers = max(1, min(self.workers, len(teams) or 1))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fanout") as pool:
            list(pool.map(lambda t: one(*t), teams))

    def publish(self, events: Sequence[Event]) -> None:
        self._each(lambda r: r.publish(events))

    def settle_pending(self) -> None:
        self._each(lambda r: r.settle_pending())

    def catch_up(self) -> None:
        self._each(lambda r: r.catch_up())


def oauth_fanout(settings, store: Store) -> WorkspaceFanout:
    """The publisher of `dealbot run` with OAuth: each workspace's token from the encrypted
    installation store, a WebClient with dealbot's retry policy per workspace."""
    from slack_sdk import WebClient
    from slack_sdk.oauth.token_rotation import TokenRotator

    from bot.slack.client import retry_handlers
    from bot.slack.install import install_channel, installation_store

    installs = installation_store(settings)
    rotator = TokenRotator(
        client_id=settings.slack_client_id or "",
        client_secret=settings.slack_client_secret or "",
        client=WebClient(base_url=settings.slack_api_url, retry_handlers=retry_handlers()),
    )
    made: dict[str, tuple[str, ChannelRouter]] = {}

    def make_router(enterprise: str | None, team: str) -> ChannelRouter | None:
        """The workspace's router; its token rotated first when the app rotates tokens and
        this one ends within two hours (the new one saved, encrypted)."""
        bot = installs.find_bot(enterprise_id=enterprise, team_id=team)
        if bot is None or not bot.bot_token:
            made.pop(team, None)  # uninstalled: its publishers go
            return None
        if bot.bot_refresh_token:
            refreshed = rotator.perform_bot_token_rotation(bot=bot, minutes_before_expiration=120)
            if refreshed is not None:
                installs.save_bot(refreshed)
                bot = refreshed
        token = bot.bot_token or ""
        if team in made and made[team][0] == token:
            return made[team][1]
        client = WebClient(
            token=bot.bot_token, base_url=settings.slack_api_url, retry_handlers=retry_handlers()
        )
        router = ChannelRouter(
            store,
            channel_publishers(settings, store, client, team_id=team),
            install_channel(installs, enterprise, team),  # every deal, as DEALBOT_CHANNEL
            team_id=team,
        )
        made[team] = (token, router)  # kept (with its publishers' pacing) until the token changes
        return router

    return WorkspaceFanout(
        store, lambda: store.installed_teams(settings.slack_client_id or ""), make_router
    )
