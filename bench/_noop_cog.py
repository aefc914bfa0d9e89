"""``/noop``: answers "ok" at once, the latency floor discord.py and the emulator impose.

Loaded only by the benchmark's launcher (``bench/_launch.py``), never by Pitwall itself:
production code has no test hooks, so the floor command is added from the bench side, into
the same bot process as the commands it is compared with.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands


class Noop(commands.Cog):
    """The floor: no store, no answer engine, no rendering."""

    @app_commands.command()
    async def noop(self, interaction: discord.Interaction) -> None:
        """Answer "ok" immediately (benchmark floor)."""
        await interaction.response.send_message("ok")


async def setup(bot: commands.Bot) -> None:
    """Add /noop."""
    await bot.add_cog(Noop())
