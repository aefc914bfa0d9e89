"""Moderator commands for news feeds: ``/feeds add | list | remove``.

Thin: it reads options, checks the announcement channel, and hands the work to the bot's
``Intake``; the ``FeedRunner`` it owns (the one polling task, started on load and stopped on
unload) is woken whenever a feed is added or removed. Every reply is private.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserError
from bot.feed_runner import FeedRunner, feed_lines
from bot.recaps import missing_permissions
from cogs._moderator import (
    defer_private,
    reply_private,
    require_manage_guild,
    require_web_link,
    running,
)

if TYPE_CHECKING:
    from bot.client import Pitwall

log = logging.getLogger(__name__)

Interaction = discord.Interaction["Pitwall"]


async def _feeds(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    """This server's feeds whose link or title contains what was typed."""
    if interaction.guild_id is None:
        return []
    typed = current.strip().casefold()
    choices = []
    for feed in await interaction.client.intake.feeds(interaction.guild_id):
        label = f"{feed.title} — {feed.url}" if feed.title else feed.url
        if typed in label.casefold():
            name = label if len(label) <= 100 else label[:99] + "…"
            choices.append(app_commands.Choice(name=name, value=str(feed.id)))
    return choices[:25]


def _interval(bot: Pitwall) -> str:
    minutes = int(bot.settings.feed_interval.total_seconds() // 60)
    return f"{minutes // 60} h" if minutes % 60 == 0 and minutes >= 60 else f"{minutes} min"


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Feeds(
    commands.GroupCog,
    group_name="feeds",
    group_description="News feeds Pitwall follows, for moderators",
):
    """Follow a news feed (RSS, Atom or JSON Feed), list the feeds, stop following one."""

    bot: Pitwall
    runner: FeedRunner

    def __init__(self, bot: Pitwall) -> None:
        self.bot = bot
        self.runner = FeedRunner(bot, bot.intake)
        super().__init__()

    async def cog_load(self) -> None:
        self.runner.start()

    async def cog_unload(self) -> None:
        await self.runner.stop()

    async def interaction_check(self, interaction: Interaction) -> bool:  # type: ignore[override]
        """Check Manage Server at run time too: admins can change who sees the commands."""
        return require_manage_guild(interaction)

    async def _reply(self, interaction: Interaction, text: str) -> None:
        """Answer privately, adding any feed pause the moderators have not been told about."""
        assert interaction.guild_id is not None
        await reply_private(
            interaction, text, await self.runner.pause_notices(interaction.guild_id)
        )

    @app_commands.command()
    @app_commands.describe(
        url="The feed's link (RSS, Atom or JSON Feed)",
        channel="Where to announce its new stories (default: nowhere, just learn them)",
    )
    async def add(
        self,
        interaction: Interaction,
        url: app_commands.Range[str, 1, 2000],
        channel: discord.TextChannel | None = None,
    ) -> None:
        """Follow a news feed: its new stories become answerable, and are announced if asked."""
        assert interaction.guild_id is not None
        with running(self.bot):
            link = require_web_link(url, "feed link")
            if channel is not None:
                me = channel.guild.me
                missing = missing_permissions(channel, me) if me is not None else []
                if missing:
                    raise UserError(
                        f"I can't announce stories in {channel.mention}: I'm missing "
                        f"{' and '.join(missing)} there. Give Pitwall that permission in the "
                        "channel's settings, then try again."
                    )
            await defer_private(interaction)
            feed = await self.bot.intake.add_feed(
                link, interaction.guild_id, channel.id if channel else None
            )
            self.runner.wake()
            log.info("/feeds add by %s in guild %s: feed %s %s",
                     interaction.user.id, interaction.guild_id, feed.id, feed.url)  # fmt: skip
            title = discord.utils.escape_markdown(feed.title or "")[:100]
            name = f"**{title}** <{feed.url}>" if title else f"<{feed.url}>"
            where = (  # from the stored feed: resuming one keeps its channel unless given
                f"New stories will be announced in <#{feed.channel_id}>."
                if feed.channel_id
                else "New stories are learnt without being announced (no `channel:` given)."
            )
            await self._reply(
                interaction,
                (
                    f"Following {name}.\n{where}\nThe first check takes in the stories already "
                    "there without announcing them; after that Pitwall checks about every "
                    f"{_interval(self.bot)}."
                )
                if feed.created
                else f"Already following {name}: updated, and resumed if it was paused.\n{where}",
            )

    @app_commands.command(name="list")
    async def list_(self, interaction: Interaction) -> None:
        """Show this server's feeds: when they were checked, and why one is paused."""
        assert interaction.guild_id is not None
        with running(self.bot):
            await defer_private(interaction)
            feeds = await self.bot.intake.feeds(interaction.guild_id)
            if not feeds:
                await self._reply(interaction, "No news feeds here. Follow one with `/feeds add`.")
                return
            for feed in feeds:  # the list shows every pause: that counts as telling them
                if feed.paused and not feed.pause_notified:
                    await self.bot.intake.claim_pause_notice(feed.id)
            await self._reply(
                interaction, f"**News feeds ({len(feeds)})**\n" + "\n".join(feed_lines(feeds))
            )

    @app_commands.command()
    @app_commands.describe(feed="Which feed to stop following (its stories stay)")
    @app_commands.autocomplete(feed=_feeds)
    async def remove(
        self, interaction: Interaction, feed: app_commands.Range[str, 1, 2000]
    ) -> None:
        """Stop following a news feed; the stories it brought stay answerable."""
        assert interaction.guild_id is not None
        with running(self.bot):
            await defer_private(interaction)
            key: str | int = int(feed) if feed.strip().isdigit() else feed.strip()
            removed = await self.bot.intake.remove_feed(key, interaction.guild_id)
            self.runner.wake()
            await self._reply(interaction, f"No longer following <{removed.url}>.")


async def setup(bot: Pitwall) -> None:
    """Add the /feeds commands and start the feed poller."""
    await bot.add_cog(Feeds(bot))
