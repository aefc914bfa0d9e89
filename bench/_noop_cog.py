"""``/noop`` and the loop-lag probe: the bench's additions to the latency benchmark's bot.

``/noop`` answers "ok" at once: the latency floor discord.py and the emulator impose. The
probe (on when ``PITWALL_BENCH_LOOP_LAG`` names a file) is a ticker task in the bot's own
event loop that records how late the loop wakes it, and appends one line a second to that
file: ``<unix time> <worst lag in that second, ms>``, so the benchmark can read the longest
stall of any phase (answering a burst, taking in new articles) from the real bot process.

Loaded only by the benchmark's launcher (``bench/_launch.py``), never by Pitwall itself:
production code has no test hooks, so both are added from the bench side, into the same bot
process as the commands they measure.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from pathlib import Path

import discord
from discord import app_commands
from discord.ext import commands

log = logging.getLogger(__name__)

#: The file the probe appends to; unset, there is no probe.
LOOP_LAG_ENV = "PITWALL_BENCH_LOOP_LAG"
#: How often the ticker asks to wake (fine enough to see a 20 ms stall).
INTERVAL = 0.005


async def _probe(path: Path) -> None:
    """Tick every INTERVAL; each second, append the worst lateness seen in it."""
    loop = asyncio.get_running_loop()
    worst = 0.0
    window_end = loop.time() + 1.0
    with path.open("a", encoding="utf-8") as out:
        while True:
            due = loop.time() + INTERVAL
            await asyncio.sleep(INTERVAL)
            now = loop.time()
            worst = max(worst, now - due)
            if now >= window_end:
                out.write(f"{time.time():.3f} {worst * 1000:.3f}\n")
                out.flush()
                worst, window_end = 0.0, now + 1.0


class Noop(commands.Cog):
    """The floor: no store, no answer engine, no rendering; and the loop-lag probe."""

    _probe: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        target = os.environ.get(LOOP_LAG_ENV)
        if target:
            self._probe = asyncio.create_task(_probe(Path(target)), name="bench-loop-lag")

    async def cog_unload(self) -> None:
        if self._probe is not None:
            self._probe.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._probe
            self._probe = None

    @app_commands.command()
    async def noop(self, interaction: discord.Interaction) -> None:
        """Answer "ok" immediately (benchmark floor)."""
        await interaction.response.send_message("ok")


async def setup(bot: commands.Bot) -> None:
    """Add /noop (and start the loop-lag probe when asked for)."""
    await bot.add_cog(Noop())
