"""A tiny discord.py bot that exists only to self-test the Discord emulator.

It exercises the paths Pitwall relies on - guild-only sync in ``setup_hook``, a slash command
with a ranged int and an autocompleted string, a button that edits its message, a deferred
command, and replies to mentions - with ``AllowedMentions.none()`` like the real bot.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal

import discord
from discord import app_commands
from discord.ext import commands

log = logging.getLogger(__name__)

WORDS = ["monza", "monaco", "silverstone", "spa", "suzuka", "interlagos"]


class AgainView(discord.ui.View):
    """A single button that replaces the message content when pressed."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Again", custom_id="echo:again", style=discord.ButtonStyle.primary)
    async def again(
        self, interaction: discord.Interaction, button: discord.ui.Button[AgainView]
    ) -> None:
        """Edit the message in place (callback type 7)."""
        await interaction.response.edit_message(content="pong again", view=None)


class EchoBot(commands.Bot):
    """The self-test bot: commands live on one guild only."""

    def __init__(self, guild_id: int) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.guild = discord.Object(guild_id)

    async def setup_hook(self) -> None:
        """Register the commands on the guild and sync that guild only (never global)."""
        self.tree.add_command(ping, guild=self.guild)
        self.tree.add_command(slow, guild=self.guild)
        synced = await self.tree.sync(guild=self.guild)
        log.info("synced %d commands to guild %s", len(synced), self.guild.id)

    async def on_message(self, message: discord.Message) -> None:
        """Reply to mentions without pinging anyone."""
        if message.author.bot or self.user is None or self.user not in message.mentions:
            return
        text = message.content.replace(self.user.mention, "").strip()
        await message.reply(f"echo: {text}", mention_author=False)


@app_commands.command()
@app_commands.describe(count="How many pongs", word="A circuit")
async def ping(
    interaction: discord.Interaction,
    count: app_commands.Range[int, 1, 10],
    word: str = "monza",
) -> None:
    """Answer with pongs and an Again button."""
    await interaction.response.send_message(f"pong x{count} {word}", view=AgainView())


@ping.autocomplete("word")
async def ping_word(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """Suggest circuits starting with what was typed."""
    return [
        app_commands.Choice(name=w.title(), value=w) for w in WORDS if w.startswith(current.lower())
    ]


@app_commands.command()
async def slow(interaction: discord.Interaction) -> None:
    """Defer ephemerally, then answer with a follow-up."""
    await interaction.response.defer(ephemeral=True, thinking=True)
    await asyncio.sleep(0.2)
    await interaction.followup.send("done slowly", ephemeral=True)


async def _run(token: str, guild_id: int) -> int:
    async with EchoBot(guild_id) as bot:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        runner = asyncio.create_task(bot.start(token), name="echo-bot")
        stopper = asyncio.create_task(stop.wait(), name="echo-stop")
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stopper in done:
            log.info("signal received; closing")
            await bot.close()
            runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await runner
            return 0
        stopper.cancel()
        runner.result()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the echo bot (``run`` is the only command); token and guild come from the env."""
    parser = argparse.ArgumentParser(prog="echo_bot")
    parser.add_argument("command", choices=["run"])
    parser.add_argument(
        "--guild-id", type=int, default=int(os.environ.get("PITWALL_GUILD_ID", "0"))
    )
    args = parser.parse_args(argv)
    discord.utils.setup_logging(level=logging.INFO)
    token = os.environ.get("DISCORD_TOKEN", "")
    if not token or not args.guild_id:
        log.error("DISCORD_TOKEN and PITWALL_GUILD_ID are required")
        return 2
    return asyncio.run(_run(token, args.guild_id))
