"""Installing dealbot into any workspace: bolt's OAuth flow, with installations and OAuth state
kept by slack_sdk's SQLite stores and every token encrypted at rest (Fernet, cryptography).

Why a wrapper and not our own tables: slack_sdk's stores already handle installs, re-installs,
enterprise installs and token rotation; we only make sure no token reaches the file in clear.
A database dump shows `gAAAA…` where a token would be. Without DEALBOT_SECRET_KEY the bot does
not start in OAuth mode (bot.config), so tokens are never written unencrypted.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from slack_sdk.oauth.installation_store import Bot, Installation, InstallationStore
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
from slack_sdk.oauth.state_store.sqlite3 import SQLite3OAuthStateStore

log = logging.getLogger(__name__)
TOKENS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")
# the bot scopes of manifest.yml (tests/test_doctor.py keeps them the same); `dealbot doctor`
# checks a token against them
MANIFEST_SCOPES = (
    "chat:write",
    "channels:history",
    "groups:history",
    "channels:join",
    "commands",
    "files:write",
    "users:read",
    "usergroups:read",
    "im:write",
    "app_mentions:read",
    "im:history",
    "links:read",
    "links:write",
)
# OAuth asks for one more: the installer picks the workspace's channel for every deal
DEFAULT_SCOPES = (*MANIFEST_SCOPES, "incoming-webhook")


class EncryptedInstallationStore(InstallationStore):
    """slack_sdk's SQLite installation store with every token encrypted before it is saved and
    decrypted when read back."""

    def __init__(self, inner: SQLite3InstallationStore, key: str) -> None:
        self.inner, self.fernet = inner, Fernet(key.encode())

    @property
    def logger(self) -> logging.Logger:
        return log

    def _seal(self, item: Any) -> Any:
        sealed = copy.copy(item)
        for name in TOKENS:
            value = getattr(sealed, name, None)
            if value:
                setattr(sealed, name, self.fernet.encrypt(value.encode()).decode())
        return sealed

    def _open(self, item: Any) -> Any:
        if item is None:
            return None
        opened = copy.copy(item)
        for name in TOKENS:
            value = getattr(opened, name, None)
            if value:
                try:
                    setattr(opened, name, self.fernet.decrypt(value.encode()).decode())
                except InvalidToken:  # written with another key: unusable, say so
                    log.error("a stored %s cannot be decrypted with DEALBOT_SECRET_KEY", name)
                    setattr(opened, name, None)
        return opened

    def save(self, installation: Installation) -> None:
        self.inner.save(self._seal(installation))

    def save_bot(self, bot: Bot) -> None:
        self.inner.save_bot(self._seal(bot))

    def find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        return self._open(
            self.inner.find_bot(
                enterprise_id=enterprise_id,
                team_id=team_id,
                is_enterprise_install=is_enterprise_install,
            )
        )

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        return self._open(
            self.inner.find_installation(
                enterprise_id=enterprise_id,
                team_id=team_id,
                user_id=user_id,
                is_enterprise_install=is_enterprise_install,
            )
        )

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self.inner.delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        self.inner.delete_installation(
            enterprise_id=enterprise_id, team_id=team_id, user_id=user_id
        )

    def delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self.inner.delete_bot(enterprise_id=enterprise_id, team_id=team_id)
        self.inner.delete_installation(enterprise_id=enterprise_id, team_id=team_id)


def install_channel(installs: EncryptedInstallationStore, enterprise, team: str) -> str | None:
    """The channel the installer picked on the Add to Slack page (incoming-webhook): that
    workspace's channel for every deal and the weekly roundup."""
    found = installs.find_installation(enterprise_id=enterprise, team_id=team)
    return getattr(found, "incoming_webhook_channel_id", None) if found else None


def installation_store(settings) -> EncryptedInstallationStore:
    path = settings.install_db or settings.db_path
    inner = SQLite3InstallationStore(database=path, client_id=settings.slack_client_id or "")
    inner.init()
    return EncryptedInstallationStore(inner, settings.secret_key or "")


def oauth_settings(settings):
    """bolt's OAuthSettings: /slack/install and /slack/oauth_redirect, state checked against
    the SQLite state store (ten minutes), tokens in the encrypted installation store, token
    rotation when the app has it on (a token is refreshed two hours before it expires)."""
    from slack_bolt.oauth.oauth_settings import OAuthSettings

    path = settings.install_db or settings.db_path
    state = SQLite3OAuthStateStore(database=path, expiration_seconds=600)
    state.init()
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(settings.slack_scopes or DEFAULT_SCOPES),
        installation_store=installation_store(settings),
        state_store=state,
        token_rotation_expiration_minutes=120,
    )
