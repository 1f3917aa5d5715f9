"""The `/deal` query language, parsed into plain data. Pure functions: no store, no Slack.

    /deal SenseTime                     company (forgiving spelling)
    /deal investor:Alibaba              deals an investor led or joined
    /deal round:series-a round:seed     several rounds allowed (also round:a,b)
    /deal since:30d | since:2026-01-01  announced on or after
    /deal min:10M                       amount in USD at least
    /deal top 7d | top 30d              biggest deals in a window
    /deal sector:fintech -sector:crypto what the company does (bot.extract.sectors), or not
    /deal round:-debt rumours:no        leave rounds out; rumours: no, only (default: both)
    /deal -keyword:crypto               leave out deals whose stories say a word
    /deal roundup | help                the weekly roundup / usage

Why hand-written and not shlex: user text may hold unbalanced quotes, emoji or RTL text, and
anything we do not recognise (`col:x`, `NEAR(`) must stay plain company text, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from bot.models import ROUNDS

MAX_QUERY = 300  # characters; longer input gets a "too long" answer, not a search
DEFAULT_TOP_DAYS = 7

_FILTER = re.compile(
    r"(?i)^(investor|investors|inv|round|rounds|since|min|-?sectors?|rumou?rs|-keywords?|-kw)"
    r"[:=](.*)$"
)
_PERIOD = re.compile(r"(?i)^(\d{1,4})\s*([dwmy])$")
_AMOUNT = re.compile(r"(?i)^\$?\s*(\d+(?:[.,]\d+)?)\s*(k|m|mm|mn|b|bn)?\$?$")
_SCALE = {None: 1, "k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


class QueryError(ValueError):
    """A filter the user wrote that we cannot read; the message says what we expected."""


@dataclass(frozen=True)
class Query:
    """What a /deal text asks for. `errors` are shown to the user alongside the help."""

    text: str = ""  # company text (may be empty when only filters are given)
    investor: str = ""
    rounds: tuple[str, ...] = ()
    since: date | None = None
    min_usd: float | None = None
    top: bool = False
    top_days: int | None = None
    sectors: tuple[str, ...] = ()
    not_sectors: tuple[str, ...] = ()
    not_rounds: tuple[str, ...] = ()
    not_words: tuple[str, ...] = ()
    rumours: str = ""  # "", "no" or "only"
    command: str = ""  # "", "help", "roundup" or "too_long"
    errors: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        """Nothing to search for: no company, no filter."""
        return not (
            self.text
            or self.investor
            or self.rounds
            or self.since
            or self.min_usd
            or self.top
            or self.sectors
            or self.not_sectors
            or self.not_rounds
            or self.not_words
            or self.rumours
        )


def parse_round(value: str) -> str:
    """ "series-a", "Series A", "seriesa", "a" and "pre-seed" → canonical round names."""
    v = re.sub(r"[\s_]+", "-", value.strip().lower().strip("\"'"))
    if v in ROUNDS:
        return v
    if len(v) == 1 and v in "abcdefgh":
        return f"series-{v}"
    m = re.fullmatch(r"series-?([a-h])", v)
    if m:
        return f"series-{m.group(1)}"
    if v in ("preseed", "pre-seed"):
        return "pre-seed"
    raise QueryError(f"unknown round `{value}`")


MAX_PERIOD_DAYS = 100 * 365  # "since:9999y" would leave the calendar; a century is plenty


def parse_since(value: str, today: date) -> date:
    """ "30d", "2w", "6m", "1y" (before today) or an ISO date "2026-01-01"."""
    v = value.strip().strip("\"'")
    days = parse_period_days(v)
    if days is not None:
        return today - timedelta(days=days)
    try:
        return date.fromisoformat(v)
    except ValueError:
        raise QueryError(f"can't read the date `{value}`") from None


def parse_period_days(value: str) -> int | None:
    """Days in "30d", "2w", "6m", "1y"; None for anything else, an error past a century."""
    m = _PERIOD.match(value.strip())
    if not m:
        return None
    days = int(m.group(1)) * _DAYS[m.group(2).lower()]
    if days > MAX_PERIOD_DAYS:
        raise QueryError(f"`{value.strip()}` (at most 100y back)")
    return days


def parse_amount(value: str) -> float:
    """ "10M", "$1.5B", "500k", "2500000" → a number of US dollars."""
    m = _AMOUNT.match(value.strip().strip("\"'"))
    if not m:
        raise QueryError(f"can't read the amount `{value}`")
    number = float(m.group(1).replace(",", "."))
    return number * _SCALE[(m.group(2) or "").lower() or None]


def parse(raw: str | None, *, today: date | None = None) -> Query:
    """Read a /deal text. Never raises: bad filters land in `errors`, the rest still works."""
    text = (raw or "").strip()
    if len(text) > MAX_QUERY:
        return Query(command="too_long")
    today = today or datetime.now(timezone.utc).date()
    words = text.split()
    if words and words[0].lower() in ("help", "-h", "--help", "?"):
        return Query(command="help")
    if len(words) == 1 and words[0].lower() == "roundup":
        return Query(command="roundup")
    top, top_days = False, None
    errors: list[str] = []
    if words and words[0].lower() in ("top", "top:"):
        top, words = True, words[1:]
    elif words and words[0].lower().startswith("top:"):
        top, words = True, [words[0][4:], *words[1:]]
    if top and words and _PERIOD.match(words[0].strip()):
        try:
            top_days = parse_period_days(words[0])
        except QueryError as e:
            errors.append(str(e))
        words = words[1:]

    company: list[str] = []
    investor: list[str] = []
    rounds: list[str] = []
    kinds: dict[str, list[str]] = {
        "sectors": [],
        "not_sectors": [],
        "not_rounds": [],
        "not_words": [],
    }
    rumours = ""
    since, min_usd = None, None
    in_investor = False  # investor: takes the words up to the next filter ("Sequoia Capital")
    for word in words:
        m = _FILTER.match(word)
        if not m:
            (investor if in_investor else company).append(word)
            continue
        key, value = m.group(1).lower(), m.group(2)
        in_investor = False
        try:
            if key.startswith("inv"):
                in_investor = True
                if value:
                    investor.append(value)
            elif not value:
                raise QueryError(f"`{key}:` needs a value")
            elif key.startswith("round"):
                for v in (v for v in value.split(",") if v):
                    if v.startswith("-"):
                        kinds["not_rounds"].append(parse_round(v[1:]))
                    else:
                        rounds.append(parse_round(v))
            elif key.lstrip("-").startswith("sector"):
                for v in (v for v in value.split(",") if v):
                    negated = key.startswith("-") or v.startswith("-")
                    name = parse_sector(v.lstrip("-"))
                    kinds["not_sectors" if negated else "sectors"].append(name)
            elif key.startswith("rumo"):
                rumours = parse_rumours(value)
            elif key.startswith("-k"):
                kinds["not_words"] += [v for v in value.split(",") if v]
            elif key == "since":
                since = parse_since(value, today)
            else:
                min_usd = parse_amount(value)
        except QueryError as e:
            errors.append(str(e))
    return Query(
        text=" ".join(company),
        investor=" ".join(investor).strip("\"'“”"),
        rounds=tuple(dict.fromkeys(rounds)),
        since=since,
        min_usd=min_usd,
        top=top,
        top_days=top_days or (DEFAULT_TOP_DAYS if top and since is None else None),
        sectors=tuple(dict.fromkeys(kinds["sectors"])),
        not_sectors=tuple(dict.fromkeys(kinds["not_sectors"])),
        not_rounds=tuple(dict.fromkeys(kinds["not_rounds"])),
        not_words=tuple(dict.fromkeys(kinds["not_words"])),
        rumours=rumours,
        errors=tuple(errors),
    )


def parse_sector(value: str) -> str:
    """ "Fintech", "AI" → "fintech", "ai"; an error naming the sectors for anything else."""
    from bot.extract.sectors import SECTORS

    name = value.strip().strip("\"'").lower()
    if name not in SECTORS:
        raise QueryError(f"the sector `{value}` (try one of: {', '.join(SECTORS)})")
    return name


def parse_rumours(value: str) -> str:
    """rumours:no (leave rumours out), rumours:only, rumours:yes (both, the default)."""
    v = value.strip().lower()
    if v in ("no", "none", "exclude", "off", "false"):
        return "no"
    if v in ("only", "just"):
        return "only"
    if v in ("yes", "all", "include", "on", "true"):
        return ""
    raise QueryError(f"`rumours:{value}` (write rumours:no or rumours:only)")
