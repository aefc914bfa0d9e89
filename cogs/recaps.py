"""Moderator commands for scheduled recaps: ``/recaps schedule | status | off | post``.

Thin: it reads options, checks them, and hands the work to the ``RecapRunner`` it owns (the
one dispatch task, started on load and stopped on unload). Every reply is ephemeral.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserError
from bot.recaps import RecapRunner, format_slot, missing_permissions, status_lines
from bot.render import ALLOWED_MENTIONS
from bot.scheduling import RecapRule, complete_timezones, next_slot, parse_hhmm, parse_timezone
from bot.store import RecapSchedule

if TYPE_CHECKING:
    from bot.client import Pitwall

log = logging.getLogger(__name__)

Interaction = discord.Interaction["Pitwall"]

#: Discord's limit on a message's content.
MESSAGE_LIMIT = 2000


async def _zones(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=z, value=z) for z in complete_timezones(current)]


def _fit(text: str) -> str:
    if len(text) <= MESSAGE_LIMIT:
        return text
    return text[: MESSAGE_LIMIT - 40].rsplit("\n", 1)[0] + "\n… (more not shown)"


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Recaps(
    commands.GroupCog,
    group_name="recaps",
    group_description="Scheduled recap posts, for moderators",
):
    """Schedule, inspect, stop and trigger the recap posts of this server."""

    bot: Pitwall
    runner: RecapRunner

    def __init__(self, bot: Pitwall) -> None:
        self.bot = bot
        self.runner = RecapRunner(bot)
        super().__init__()

    async def cog_load(self) -> None:
        self.runner.start()

    async def cog_unload(self) -> None:
        await self.runner.stop()

    async def interaction_check(self, interaction: Interaction) -> bool:  # type: ignore[override]
        """Check Manage Server at run time too: admins can change who sees the commands."""
        if interaction.guild is None:
            raise app_commands.NoPrivateMessage()
        if not interaction.permissions.manage_guild:
            raise app_commands.MissingPermissions(["manage_guild"])
        return True

    @contextlib.contextmanager
    def _running(self) -> Iterator[None]:
        """Refuse new work while shutting down; otherwise count the command as running."""
        if self.bot.closing:
            raise UserError("Pitwall is restarting; please try again in a minute.")
        with self.bot.tracking():
            yield

    async def _reply(self, interaction: Interaction, text: str) -> None:
        """Answer privately, adding any pause the moderators have not been told about yet."""
        assert interaction.guild_id is not None
        notices = await self.runner.pause_notices(interaction.guild_id)
        text = _fit("\n\n".join([text, *notices]))
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=ALLOWED_MENTIONS)
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=ALLOWED_MENTIONS
            )

    @staticmethod
    async def _defer(interaction: Interaction) -> None:
        """Acknowledge before touching the store: a write may wait on SQLite's lock for
        seconds, past Discord's 3-second deadline. Moderator commands are rare, so the extra
        request costs nothing that matters."""
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=True, thinking=True)

    def _check_can_post(self, channel: discord.abc.GuildChannel) -> None:
        me = channel.guild.me
        missing = missing_permissions(channel, me) if me is not None else []
        if missing:
            raise UserError(
                f"I can't post recaps in {channel.mention}: I'm missing "
                f"{' and '.join(missing)} there. Give Pitwall that permission in the channel's "
                "settings, then try again."
            )

    async def _scheduled_channel(
        self, interaction: Interaction, channel: discord.TextChannel | None
    ) -> int:
        """The channel a command means: the one named, this one, or the server's only one."""
        assert interaction.guild_id is not None
        schedules = await self.bot.store.recap_schedules(interaction.guild_id)
        ids = [s.channel_id for s in schedules]
        if channel is not None:
            return channel.id
        if interaction.channel_id in ids:
            return interaction.channel_id  # type: ignore[return-value]
        if len(ids) == 1:
            return ids[0]
        if not ids:
            raise UserError("This server has no recap schedule. Set one with `/recaps schedule`.")
        named = ", ".join(f"<#{i}>" for i in ids)
        raise UserError(f"This server has recaps in {named}: say which channel.")

    @app_commands.command()
    @app_commands.describe(
        channel="Where to post the recaps",
        time="Local time, 24-hour HH:MM, e.g. 09:00 or 18:30",
        timezone="IANA time zone, e.g. Europe/Rome or America/New_York (default UTC)",
        every="How often (weekly: on the weekday of the first recap)",
    )
    @app_commands.autocomplete(timezone=_zones)
    async def schedule(
        self,
        interaction: Interaction,
        channel: discord.TextChannel,
        time: app_commands.Range[str, 1, 20],
        timezone: app_commands.Range[str, 1, 64] = "UTC",
        every: Literal["daily", "weekly"] = "daily",
    ) -> None:
        """Post a recap in a channel every day or week; scheduling again replaces or resumes."""
        assert interaction.guild_id is not None
        with self._running():
            at, zone = parse_hhmm(time), parse_timezone(timezone)
            self._check_can_post(channel)
            await self._defer(interaction)
            now = self.runner.clock.now()
            rule = RecapRule.starting(at, zone, every, now)
            first = next_slot(rule, now)
            replaced = await self.runner.save_schedule(
                RecapSchedule(
                    channel_id=channel.id,
                    guild_id=interaction.guild_id,
                    hour=at.hour,
                    minute=at.minute,
                    timezone=zone.key,
                    every=rule.every,
                    weekday=rule.weekday,
                    next_slot=first,
                    created_by=interaction.user.id,
                    created_at=now,
                )
            )
            verb = "Updated" if replaced else "Scheduled"
            await self._reply(
                interaction,
                f"{verb}: a recap in {channel.mention} {rule.describe()}.\n"
                f"Next: {format_slot(first, zone)}.",
            )

    @app_commands.command()
    async def status(self, interaction: Interaction) -> None:
        """Show this server's recap schedules, their next slots and their last posts."""
        assert interaction.guild_id is not None
        with self._running():
            await self._defer(interaction)
            store = self.bot.store
            schedules = await store.recap_schedules(interaction.guild_id)
            if not schedules:
                await self._reply(
                    interaction, "No recap schedules here. Set one with `/recaps schedule`."
                )
                return
            last = await store.last_recap_posts(interaction.guild_id)
            for s in schedules:  # status shows every pause: that counts as telling them
                if s.paused_reason:
                    await store.claim_recap_pause_notice(s.channel_id)
            lines = status_lines(schedules, last)
            await self._reply(
                interaction, f"**Recap schedules ({len(schedules)})**\n" + "\n".join(lines)
            )

    @app_commands.command()
    @app_commands.describe(channel="Which channel's recaps to stop (default: this one)")
    async def off(
        self, interaction: Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        """Stop a channel's scheduled recaps (its history is kept)."""
        with self._running():
            channel_id = await self._scheduled_channel(interaction, channel)
            await self._defer(interaction)
            if not await self.runner.remove_schedule(channel_id):
                raise UserError(f"There is no recap schedule in <#{channel_id}>.")
            await self._reply(interaction, f"Recaps in <#{channel_id}> are off.")

    @app_commands.command()
    @app_commands.describe(channel="Where to post it (default: this channel)")
    async def post(
        self, interaction: Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        """Post a recap now, outside the schedule."""
        assert interaction.guild_id is not None
        with self._running():
            target = channel or interaction.channel
            if not isinstance(target, discord.TextChannel):
                raise UserError("Recaps go in a text channel: name one with `channel:`.")
            self._check_can_post(target)
            await self._defer(interaction)
            outcome = await self.runner.post_now(interaction.guild_id, target.id)
            if outcome.state == "done":
                text = f"Posted a recap in {target.mention}: {outcome.jump_url or ''}".rstrip(": ")
            elif outcome.state == "skipped":
                text = f"Nothing posted in {target.mention}: {outcome.detail}."
            else:
                text = f"Could not post in {target.mention}: {outcome.detail}."
            await self._reply(interaction, text)


async def setup(bot: Pitwall) -> None:
    """Add the /recaps commands and start the recap scheduler."""
    await bot.add_cog(Recaps(bot))
