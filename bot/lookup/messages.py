"""Every user-facing word of `/deal`: help, errors, "nothing found". One place to review tone.

Texts here are plain (not escaped). Whoever renders them for Slack escapes user-supplied parts
(bot.answer_blocks does); the terminal prints them as they are.
"""

from __future__ import annotations

HELP = """\
*/deal* finds funding rounds dealbot has seen. Examples:
• `/deal SenseTime` — a company's deals, newest first (spelling is forgiven)
• `/deal investor:Alibaba` — deals an investor led or joined
• `/deal round:series-a round:seed` — by round (several allowed; also `round:a,b`)
• `/deal since:30d` or `/deal since:2026-01-01` — announced on or after
• `/deal min:10M` — at least $10M (USD equivalent)
• `/deal top 7d` or `/deal top 30d` — the biggest deals of the last 7 or 30 days
• `/deal sector:fintech -sector:crypto round:-debt rumours:no -keyword:layoffs` — by what the \
company does, leaving things out (sectors: ai, fintech, health, biotech, climate, mobility, \
logistics, commerce, enterprise, security, crypto, robotics, semiconductors, consumer, gaming, \
media, edtech, proptech, food, space, defense, hr, legal)
• `/deal roundup` — the weekly roundup, just for you
• `/deal follow SenseTime`, `/deal follow investor:Sequoia`, `/deal follow sector:climate \
round:seed min:2M` — new matching deals come to you by DM; `/deal following` lists them, \
`/deal unfollow 3` stops one
• `/deal export round:seed since:30d` — the deals a query finds, as a CSV file sent to you by DM
• `/deal subscribe min:5M max:50M round:seed,series-a keyword:fintech,AI location:Europe` — \
this channel gets the cards that pass the filters (all optional; kinds combine with AND, \
values with OR); `/deal subscriptions` shows them, `/deal unsubscribe` stops them
• `/deal feeds`, `/deal feeds add URL`, `/deal feeds remove URL` — the feeds dealbot reads \
(adding and removing: workspace admins and DEALBOT_ADMINS only)
• `/deal help` — this message
Filters combine: `/deal SenseTime investor:Alibaba since:2018-01-01 min:100M`.
`investor:` reads up to the next filter, so `investor:Sequoia Capital round:seed` works.
Rounds: pre-seed, seed, series-a … series-h, growth, debt, bridge, convertible, grant, \
undisclosed."""

TOO_LONG = (
    "That query is too long ({length} characters). Try a company or investor name — "
    "up to {limit} characters."
)
CANT_READ = "I couldn't read {problems}."
NOTHING_TO_SEARCH = "There is nothing I can search for in “{text}”. Try a company or investor name."
NO_MATCH = "No deals found for {what}."
DID_YOU_MEAN = "No deals found for {what}. Did you mean: {names}?"
FUZZY_NOTE = "No exact match for “{text}”; showing {name}."
FOUND = "{count} deal{s} for {what}:"
FOUND_MORE = "Deals {first}–{last} for {what} (more available):"
ROUNDUP_UNAVAILABLE = "The weekly roundup can't be shown here right now. Try `/deal top 7d`."
INTERNAL_ERROR = "Sorry, something went wrong while searching. Please try again in a moment."
SEARCH_FAILED = "Sorry, I can't search for that. Try a plainer company or investor name."
EXPIRED = "That answer has expired. Run `/deal` again."
SHARED_BY = "Shared by <@{user}>"
SHARE_BUTTON = "Share in channel"
MORE_BUTTON = "More"

# /deal subscribe, subscriptions, unsubscribe (bot.subscriptions, handlers/subscribe.py)
SUBSCRIBED = (
    "This channel now gets new deal cards for: {filters}. `/deal unsubscribe` stops them. "
    "In a private channel, `/invite @dealbot` first."
)
SUBSCRIBE_BAD = "I couldn't read {problems}. Example: `/deal subscribe min:5M round:seed,series-a`."
SUBSCRIBE_DEFAULT = "This channel is dealbot's main channel (DEALBOT_CHANNEL): it gets every deal."
SUBSCRIBE_NOT_CHANNEL = "Subscriptions are for channels: run this in the channel that wants deals."
SUBSCRIPTION_SHOWN = "This channel gets new deal cards for: {filters} (set by <@{user}> on {date})."
NOT_SUBSCRIBED = "This channel has no subscription. Try `/deal subscribe round:seed min:1M`."
UNSUBSCRIBED = "Done: this channel gets no more new deal cards (existing threads stay)."

# /deal feeds (handlers/feeds.py)
FEEDS_NOT_ADMIN = (
    "Sorry, only workspace admins (or the people in DEALBOT_ADMINS) can add or remove feeds. "
    "`/deal feeds` shows the list to everyone."
)
FEEDS_USAGE = (
    "Try `/deal feeds`, `/deal feeds add https://example.com/feed` or `/deal feeds remove URL`."
)
FEEDS_LIST = "dealbot reads {count} feed{s}:"
FEEDS_CHECKING = "Checking {url} …"
FEED_ADDED = "Added {title} ({url}): {items} item{s} now, {funding} that look like funding news."
FEED_ALREADY = "{url} is already on the list."
FEED_REFUSED = "I can't add {url}: {reason}."
FEED_REMOVED = "Removed {url}."
FEED_UNKNOWN = "{url} is not on the list (`/deal feeds` shows it)."


def describe(
    text: str,
    investor: str,
    rounds: tuple[str, ...],
    since: str | None,
    min_usd: str | None,
    top_days: int | None,
    leave_out: tuple[str, ...] = (),
) -> str:
    """ "“SenseTime”, investor “Alibaba”, series-a, since 2026-01-01" — what was asked, in words."""
    parts = []
    if top_days:
        parts.append(f"the biggest deals of the last {top_days} days")
    if text:
        parts.append(f"“{text}”")
    if investor:
        parts.append(f"investor “{investor}”")
    if rounds:
        parts.append(" or ".join(rounds))
    if since:
        parts.append(f"since {since}")
    if min_usd:
        parts.append(f"at least {min_usd}")
    parts += leave_out
    return ", ".join(parts) or "your query"
