"""The database schema, created and upgraded by sqlite-utils Migrations (one function each).

A migration that has run is recorded in `_sqlite_migrations` and never runs again; a new table
or index is a new function at the end, never an edit of an old one.
"""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("dealbot")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db.table("feeds").create(
        {
            "url": str,
            "name": str,
            "origin": str,
            "removed": int,
            "etag": str,
            "last_modified": str,
            "last_success": str,
            "last_error": str,
            "last_error_at": str,
            "failures": int,
            "added_at": str,
        },
        pk="url",
    )
    db.table("stories").create(
        {
            "id": int,
            "link_key": str,
            "link": str,
            "guid": str,
            "title": str,
            "summary": str,
            "published": str,
            "first_seen": str,
            "feed_url": str,
            "outlet": str,
            "kind": str,
            "deal_id": int,
            "extraction": str,
        },
        pk="id",
    )
    db.table("stories").create_index(["link_key"], unique=True)
    db.table("stories").create_index(["guid"])
    db.table("stories").create_index(["deal_id"])
    db.table("deals").create(
        {
            "id": int,
            "company": str,
            "company_key": str,
            "company_prefix": str,
            "status": str,
            "announced": str,
            "amount": float,
            "currency": str,
            "amount_usd": float,
            "round": str,
            "valuation": float,
            "valuation_currency": str,
            "location": str,
            "lead_investors": str,
            "investors": str,
            "titles": str,
            "announce": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
    )
    db.table("deals").create_index(["company_key", "announced"])
    db.table("deals").create_index(["company_prefix", "announced"])
    db.table("deals").create_index(["announced"])
    db.table("deals").create_index(["amount_usd"])
    db.table("deal_sources").create(
        {
            "deal_id": int,
            "story_id": int,
            "outlet": str,
            "title": str,
            "link": str,
            "published": str,
        },
        pk=("deal_id", "story_id"),
    )
    db.table("posts").create(
        {
            "deal_id": int,
            "channel": str,
            "status": str,
            "ts": str,
            "sources_posted": int,
            "error": str,
            "created_at": str,
            "updated_at": str,
        },
        pk=("deal_id", "channel"),
    )
    db.table("posts").create_index(["status"])
    db.table("deals").enable_fts(
        ["company", "lead_investors", "investors", "titles"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )


@migrations()
def m002_roundups(db: sqlite_utils.Database) -> None:
    """One row per roundup period, so a restart never posts the same week twice."""
    db.table("roundups").create(
        {
            "period": str,
            "channel": str,
            "status": str,
            "ts": str,
            "created_at": str,
            "updated_at": str,
        },
        pk=("period", "channel"),
    )


@migrations()
def m003_subscriptions(db: sqlite_utils.Database) -> None:
    """One row per subscribed channel; its filters as JSON (bot.subscriptions reads them)."""
    db.table("subscriptions").create(
        {"channel": str, "filters": str, "created_by": str, "created_at": str},
        pk="channel",
    )


@migrations()
def m004_deal_investors(db: sqlite_utils.Database) -> None:
    """Investors by normalised name, so `investor:X` walks an index newest-first instead of
    collecting every full-text match of a busy investor and sorting them."""
    db.table("deal_investors").create(
        {"deal_id": int, "investor_key": str, "announced": str, "lead": int},
        pk=("deal_id", "investor_key"),
    )
    db.table("deal_investors").create_index(["investor_key", "announced"])
    index_investors(db.conn)


def index_investors(conn: sqlite3.Connection) -> None:
    """Fill deal_investors from every deal in one statement (migration backfill, bulk loads)."""
    from bot.keys import investor_key

    conn.create_function("dealbot_key", 1, investor_key, deterministic=True)
    for column, lead in (("lead_investors", 1), ("investors", 0)):  # leads first: lead=1 stays
        conn.execute(
            "insert or ignore into deal_investors (deal_id, investor_key, announced, lead) "
            f"select d.id, dealbot_key(j.value), d.announced, {lead} "
            f"from deals d, json_each(coalesce(d.{column}, '[]')) j "
            "where dealbot_key(j.value) != ''"
        )


def investor_rows(deal_id, announced, leads_json, investors_json, key) -> list[dict]:
    leads = {key(n) for n in json.loads(leads_json or "[]")}
    names = json.loads(leads_json or "[]") + json.loads(investors_json or "[]")
    keys = dict.fromkeys(k for k in (key(n) for n in names) if k)
    return [
        {"deal_id": deal_id, "investor_key": k, "announced": announced, "lead": int(k in leads)}
        for k in keys
    ]


@migrations()
def m005_company_bucket_index(db: sqlite_utils.Database) -> None:
    """Fuzzy company lookups list a prefix bucket's distinct names: from the index alone."""
    db.table("deals").create_index(["company_prefix", "company_key"])


@migrations()
def m006_company_aliases(db: sqlite_utils.Database) -> None:
    """Product names a deal's company is known by ("Cursor" for Anysphere): an `aliases` JSON
    column, and one row per alias key so a story naming the product finds the deal by index."""
    db.table("deals").add_column("aliases", str)
    db.table("company_aliases").create(
        {"deal_id": int, "alias_key": str, "alias_prefix": str, "announced": str},
        pk=("deal_id", "alias_key"),
    )
    db.table("company_aliases").create_index(["alias_prefix", "announced"])


@migrations()
def m007_deal_language(db: sqlite_utils.Database) -> None:
    """The language of a deal's first story (ISO 639-1): cards say it beside the headline."""
    db.table("deals").add_column("language", str)


@migrations()
def m008_feed_language(db: sqlite_utils.Database) -> None:
    """The language a feed mostly writes in, from the feeds file (shown by `feeds list`)."""
    db.table("feeds").add_column("language", str)


@migrations()
def m009_usd_basis(db: sqlite_utils.Database) -> None:
    """Which exchange rate and date a deal's USD figure used (the card says it)."""
    db.table("deals").add_column("usd_basis", str)


@migrations()
def m010_investor_keys(db: sqlite_utils.Database) -> None:
    """Investor keys that fold one investor's names ("Lightspeed" and "Lightspeed Venture
    Partners", "a16z" and "Andreessen Horowitz"): the index is rebuilt with them."""
    db.execute("delete from deal_investors")
    index_investors(db.conn)


@migrations()
def m011_round_growth(db: sqlite_utils.Database) -> None:
    """Money added to a round after it was announced (extensions, second closes): the deal's
    `additions`, and a source's `note` so its thread reply says what it changed."""
    db.table("deals").add_column("additions", str)
    db.table("deal_sources").add_column("note", str)


@migrations()
def m012_money_by_date(db: sqlite_utils.Database) -> None:
    """Deals of about an amount near a date (an unnamed story's partner, an acronym's deal) are
    found through the date first: the window holds a few days' deals whatever the history's
    length, while one amount range can hold tens of thousands over years."""
    db.table("deals").create_index(["announced", "amount_usd"], if_not_exists=True)


@migrations()
def m013_post_claims(db: sqlite_utils.Database) -> None:
    """Who is posting a pending card: a claim taken atomically, so of two publishers only one
    calls Slack (a claim older than a few minutes is a crashed poster's and can be retaken)."""
    db.table("posts").add_column("claimed_by", str)
    db.table("posts").add_column("claimed_at", str)


@migrations()
def m014_story_age(db: sqlite_utils.Database) -> None:
    """Stories are pruned by age (DEALBOT_KEEP_DAYS): found by an index, not a scan."""
    db.table("stories").create_index(["first_seen"], if_not_exists=True)


@migrations()
def m015_corrections(db: sqlite_utils.Database) -> None:
    """People fix deals from Slack: each change is kept (who, when, before, after, and the
    story texts the deal came from), the fields they corrected are locked against later
    stories, and a deal can be removed (not a funding story) or merged into another. A post
    keeps the channel ID Slack answered with (chat.update needs the ID, not a name), and a
    source remembers the deal it was merged from, so a split can bring that deal back."""
    db.table("corrections").create(
        {
            "id": int,
            "deal_id": int,
            "field": str,
            "before": str,
            "after": str,
            "user": str,
            "at": str,
            "note": str,
            "texts": str,
        },
        pk="id",
    )
    db.table("corrections").create_index(["at"])
    db.table("corrections").create_index(["deal_id"])
    db.table("deals").add_column("corrected", str)
    db.table("deals").add_column("removed", str)
    db.table("deals").add_column("removed_by", str)
    db.table("deals").add_column("merged_into", int)
    db.table("posts").add_column("channel_id", str)
    db.table("deal_sources").add_column("moved_from", int)


@migrations()
def m016_feed_schedule(db: sqlite_utils.Database) -> None:
    """Each feed polled on its own rhythm (bot.feeds.schedule): when next, at what interval,
    and whether it was retired (410 Gone); its items' publication times found by index. WebSub
    subscriptions: the hub, the topic, the secret deliveries are signed with, and the lease."""
    feeds = db.table("feeds")
    feeds.add_column("next_poll", str)
    feeds.add_column("poll_interval", float)
    feeds.add_column("retired", str)
    db.table("stories").create_index(["feed_url", "published"], if_not_exists=True)
    db.table("websub").create(
        {
            "feed_url": str,
            "hub": str,
            "topic": str,
            "secret": str,
            "state": str,
            "lease_until": str,
            "requested_at": str,
            "verified_at": str,
        },
        pk="feed_url",
    )


@migrations()
def m017_slack_events(db: sqlite_utils.Database) -> None:
    """Slack events already handled (by event_id): a retry Slack sends because an answer
    seemed slow never brings a second answer, DM or unfurl. Kept a day."""
    db.table("slack_events").create({"event_id": str, "seen_at": str}, pk="event_id")
    db.table("slack_events").create_index(["seen_at"])


@migrations()
def m018_sectors(db: sqlite_utils.Database) -> None:
    """What each funded company does (bot.extract.sectors): a `sectors` JSON column, and one
    row per deal and sector so `/deal sector:fintech` walks an index, not the deals table."""
    db.table("deals").add_column("sectors", str)
    db.table("deal_sectors").create(
        {"deal_id": int, "sector": str, "announced": str}, pk=("deal_id", "sector")
    )
    db.table("deal_sectors").create_index(["sector", "announced"])


@migrations()
def m019_follows(db: sqlite_utils.Database) -> None:
    """People's follows (`/deal follow …`): each with its filters (the subscription filters plus
    a company or investor) and the DM channel its cards go to; one person may have several."""
    db.table("follows").create(
        {"id": int, "user": str, "channel": str, "filters": str, "created_at": str}, pk="id"
    )
    db.table("follows").create_index(["user"])
    db.table("follows").create_index(["channel"])


@migrations()
def m020_team_rows(db: sqlite_utils.Database) -> None:
    """Several workspaces (OAuth): each channel subscription and follow says whose it is, so a
    workspace's cards go out with its own token and its uninstall removes only its rows."""
    db.table("subscriptions").add_column("team_id", str)
    db.table("follows").add_column("team_id", str)


@migrations()
def m021_workspace_settings(db: sqlite_utils.Database) -> None:
    """Each workspace's own settings (`/deal settings tz:Europe/Berlin`): its roundups run in
    its time zone."""
    db.table("workspace_settings").create(
        {"team_id": str, "tz": str, "updated_by": str, "updated_at": str}, pk="team_id"
    )


@migrations()
def m022_team_on_every_row(db: sqlite_utils.Database) -> None:
    """Several workspaces (OAuth): posts, roundups and corrections say whose they are too."""
    db.table("posts").add_column("team_id", str)
    db.table("roundups").add_column("team_id", str)
    db.table("corrections").add_column("team_id", str)
