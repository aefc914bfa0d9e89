"""Where a recap can go and why a post failed: permissions, retryable errors, pause reasons.

The feed runner posts the same way, so it shares these (bot/feed_runner.py): a channel that
cannot take posts pauses with a reason for moderators; Discord's or the network's trouble is
retried with backoff.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import aiohttp
import discord

if TYPE_CHECKING:
    from bot.client import Pitwall

#: Backoff for a slot whose post failed transiently: 30 s, 1 min, 2 min ... up to 30 min.
RETRY_FIRST = timedelta(seconds=30)
RETRY_MAX = timedelta(minutes=30)

#: What the bot needs in a recap channel, by permission flag and the name Discord shows.
NEEDED_PERMISSIONS: tuple[tuple[str, str], ...] = (
    ("view_channel", "View Channel"),
    ("send_messages", "Send Messages"),
    ("embed_links", "Embed Links"),
)


class ChannelPaused(Exception):
    """The channel cannot take Pitwall's posts until a moderator acts; the message says why."""


def missing_permissions(channel: discord.abc.GuildChannel, me: discord.Member) -> list[str]:
    """The permissions Pitwall lacks to post recaps in ``channel``, by their Discord names."""
    perms = channel.permissions_for(me)
    return [label for flag, label in NEEDED_PERMISSIONS if not getattr(perms, flag)]


def _backoff(attempt: int) -> timedelta:
    return min(RETRY_FIRST * (2 ** max(attempt - 1, 0)), RETRY_MAX)


def transient_send_error(exc: BaseException) -> bool:
    """Whether a failed send is worth retrying later: Discord or the network having trouble."""
    if isinstance(exc, discord.HTTPException):
        return exc.status == 429 or exc.status >= 500
    return isinstance(exc, aiohttp.ClientError | OSError | TimeoutError | discord.RateLimited)


async def sendable_channel(bot: Pitwall, channel_id: int) -> discord.abc.Messageable:
    """The channel Pitwall posts in, or ChannelPaused (or Discord's 403/404) saying why not."""
    channel = bot.get_channel(channel_id)
    if channel is None:
        channel = await bot.fetch_channel(channel_id)  # 403/404 -> pause
    if not isinstance(channel, discord.abc.Messageable):
        raise ChannelPaused("the channel is not a text channel any more")
    guild = getattr(channel, "guild", None)
    if isinstance(channel, discord.abc.GuildChannel) and guild is not None and guild.me:
        missing = missing_permissions(channel, guild.me)
        if missing:
            raise ChannelPaused(f"Pitwall lacks {', '.join(missing)} in <#{channel_id}>")
    return channel


def pause_reason(exc: BaseException, channel_id: int) -> str:
    """One line for moderators: why posts to this channel stopped."""
    if isinstance(exc, ChannelPaused):
        return str(exc)
    if isinstance(exc, discord.NotFound):
        why = exc.text or "Not Found"
        return f"Discord says <#{channel_id}> does not exist any more (404: {why})"
    if isinstance(exc, discord.Forbidden):
        return f"Discord refused the post in <#{channel_id}> (403: {exc.text or 'Forbidden'})"
    return str(exc)
