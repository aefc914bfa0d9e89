"""Exactly once across restarts: a scheduled recap's marker, and finding Pitwall's own post.

A pending slot left by an earlier attempt is looked for in the channel before it is resent
(see the runner's docstring); the feed runner reads its announcements back the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import discord

from bot.render import Page

if TYPE_CHECKING:
    from bot.client import Pitwall

log = logging.getLogger(__name__)

#: Reading back a pending slot's channel: messages from this long before the slot was recorded
#: (room for the host's clock being ahead of Discord's) ...
HISTORY_MARGIN = timedelta(minutes=15)
#: ... and at most this many of them: one request. The post follows the record within seconds,
#: so it is among the first messages after that point however busy the channel was since.
HISTORY_LIMIT = 100


def mark_slot(page: Page, slot: datetime) -> Page:
    """The page with ``slot`` as its first embed's timestamp: the scheduled recap's marker.

    A structured field rather than text, so it survives any change of wording, and it shows
    readers when the recap was due, in their own time zone. Only scheduled recaps carry it
    (a ``/recaps post`` does not), so within one channel it names exactly one slot.
    """
    if not page.embeds:
        return page
    first = page.embeds[0].copy()
    first.timestamp = slot
    return Page(page.content, (first, *page.embeds[1:]))


def is_recap_of(message: discord.Message, slot: datetime, bot_id: int) -> bool:
    """Whether ``message`` is Pitwall's own scheduled recap of ``slot`` (see :func:`mark_slot`)."""
    return (
        message.author.id == bot_id
        and message.type is discord.MessageType.default  # not a command reply or a reply
        and bool(message.embeds)
        and message.embeds[0].timestamp == slot
    )


def left_pending(created_at: datetime, begun: datetime) -> bool:
    """Whether a pending row was left by an earlier attempt, not recorded by this one just now.

    A row recorded for this attempt carries ``begun`` (to the second) as its creation time, so
    any other time means an earlier attempt: a run that crashed, or a send that failed in a way
    that may have reached Discord. Only such a row is worth reading the channel back for. A row
    left within the same second can only be a restart within a second, which the nonce covers
    (Discord remembers it for minutes).
    """
    return created_at != begun.astimezone(UTC).replace(microsecond=0)


async def find_own_post(
    bot: Pitwall,
    channel: discord.abc.Messageable,
    *,
    since: datetime,
    matches: Callable[[discord.Message, int], bool],
    where: str,
) -> discord.Message | None:
    """Pitwall's own post of something left pending, if it reached the channel; else None.

    Reads one page of the channel's messages from a little before ``since`` (when the pending
    row was recorded) and returns the first one ``matches(message, bot_id)`` accepts: a recap
    of that slot, an announcement of that story. Without the channel's history (no Read Message
    History) this cannot tell, says so in the log and returns None: the resend then relies on
    the nonce alone. Other failures propagate, to be handled like a failed send (a 404 pauses,
    a 5xx retries later).
    """
    me = bot.user
    guild = getattr(channel, "guild", None)
    if (
        isinstance(channel, discord.abc.GuildChannel)
        and guild is not None
        and guild.me is not None
        and not channel.permissions_for(guild.me).read_message_history
    ):
        log.warning(
            "%s was left pending; Pitwall lacks Read Message History there, so only the "
            "nonce (which Discord forgets after a few minutes) guards against a double post",
            where,
        )
        return None
    if me is None:
        return None
    after = discord.Object(discord.utils.time_snowflake(since - HISTORY_MARGIN))
    try:
        async for message in channel.history(limit=HISTORY_LIMIT, after=after):
            if matches(message, me.id):
                return message
    except discord.Forbidden as exc:
        log.warning(
            "%s was left pending; reading the channel's history was refused (403: %s), so "
            "only the nonce (which Discord forgets after a few minutes) guards against a "
            "double post",
            where, exc.text or "Forbidden",
        )  # fmt: skip
    return None
