"""`python -m bot sync` against the local Discord: commands go where asked, over HTTP only."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.emulator import DiscordEmulator
from tests.emulator.fixtures import BotProcess

pytestmark = pytest.mark.e2e

EVERY_COMMAND = {"quote", "whosaid", "lap", "apology", "who", "facts", "recap", "ask", "recaps"}
EVERY_COMMAND |= {"articles", "feeds"}  # issue 10: moderators feed Pitwall links and news feeds


async def test_sync_to_a_guild(emulator: DiscordEmulator, tmp_path: Path) -> None:
    """`sync --guild ID` registers every command to that server and none globally."""
    env = {"PITWALL_DATABASE": str(tmp_path / "p.db")}
    args = ["sync", "--guild", str(emulator.guild_id)]
    async with await BotProcess.start(emulator, args, env=env, guild_id=0, log_dir=tmp_path) as bot:
        assert await bot.wait(30) == 0, bot.output()
        assert f"registered {len(EVERY_COMMAND)} commands" in bot.output()
    assert {c["name"] for c in emulator.commands_for(emulator.guild_id)} == EVERY_COMMAND
    assert emulator.global_syncs == 0
    assert emulator.identifies == {}  # HTTP only: no gateway session


async def test_sync_globally(emulator: DiscordEmulator, tmp_path: Path) -> None:
    """Plain `sync` registers the commands globally, once."""
    env = {"PITWALL_DATABASE": str(tmp_path / "p.db")}
    async with await BotProcess.start(
        emulator, ["sync"], env=env, guild_id=0, log_dir=tmp_path
    ) as bot:
        assert await bot.wait(30) == 0, bot.output()
    assert emulator.global_syncs == 1
    assert emulator.guild_syncs(emulator.guild_id) == 0
