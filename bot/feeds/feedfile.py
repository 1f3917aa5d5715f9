"""The feeds file (TOML, `[[feeds]] url=… name=… language=…`), read and checked."""

from __future__ import annotations

import re
import sys
from typing import NamedTuple

from bot.config import ConfigError
from bot.feeds.links import is_http_url

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class FeedEntry(NamedTuple):
    url: str
    name: str
    language: str | None = None  # ISO 639-1: what the outlet mostly writes in


def load_feeds(path: str) -> list[FeedEntry]:
    """The file's feeds; a malformed file or entry raises ConfigError naming it."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"DEALBOT_FEEDS={path!r}: cannot read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"DEALBOT_FEEDS={path!r} is not valid TOML: {exc}") from None
    entries = data.get("feeds", [])
    if not isinstance(entries, list):
        raise ConfigError(f"DEALBOT_FEEDS={path!r}: 'feeds' must be a list of [[feeds]] tables")
    feeds = []
    for n, entry in enumerate(entries, 1):
        url = entry.get("url") if isinstance(entry, dict) else None
        if not isinstance(url, str) or not is_http_url(url):
            raise ConfigError(f"DEALBOT_FEEDS={path!r}: feed #{n} has no valid http(s) url")
        name = entry.get("name") or url
        language = entry.get("language")
        if language is not None and not re.fullmatch(r"[a-z]{2}", str(language)):
            raise ConfigError(
                f"DEALBOT_FEEDS={path!r}: feed #{n} language must be a two-letter code like 'de'"
            )
        feeds.append(FeedEntry(url.strip(), str(name), language))
    return feeds
