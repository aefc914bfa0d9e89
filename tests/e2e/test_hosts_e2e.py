"""Shard processes on one PostgreSQL store as if on several hosts: real bots, the local Discord.

Each process runs from a working directory of its own with nothing shared on disk but the
read-only articles, as on two machines: only the database server can keep them apart. The
clock file stands for the one wall clock both hosts read.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.store import RecapSchedule, Store
from tests.e2e.clock_launcher import set_clock
from tests.e2e.helpers import store_rows
from tests.e2e.test_faults_e2e import (
    CLOCK_ENTRY,
    SHARDS,
    SLOT,
    START,
    Rig,
    bot_posts,
    one_clear_line,
    recap_env,
    rig,
    schedule_0900,
    shard_env,
    until,
)
from tests.e2e.test_recaps_e2e import seed
from tests.emulator.fixtures import REPO_ROOT, BotProcess
from tests.store_backends import BACKENDS

# The emulator of the shared ``rig`` fixture lives on the module's event loop.
pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

__all__ = ["rig"]  # the fixture, shared with the faults suite

POSTS_ROUTE = r"^/channels/{}/messages$"


async def on_host(
    rig: Rig, host: str, database: str, env: dict[str, str], **kwargs: object
) -> BotProcess:
    """Start a bot as host ``host`` would: its own working directory and logs, one store URL."""
    home = rig.tmp / host
    home.mkdir(exist_ok=True)
    full = {"PITWALL_DATA_DIR": str(REPO_ROOT / "data"), **env}
    # Rig.start takes the store as a path; it only ever passes str() of it on.
    return await rig.start(database, cwd=home, env=full, **kwargs)  # type: ignore[arg-type]


def lock_files(rig: Rig) -> list[Path]:
    return sorted(rig.tmp.rglob("*.lock"))


async def test_each_guilds_recap_is_posted_by_its_own_host(rig: Rig, pg_database_url: str) -> None:
    """Shard 0 on one host, shard 1 on another, one PostgreSQL store: each guild's recap is
    posted once, by the process running the guild's shard."""
    emu, clock = rig.emu, rig.tmp / "clock"
    set_clock(clock, START)
    await seed(pg_database_url)
    home = (emu.guild_id >> 22) % SHARDS
    other = await emu.add_guild("Other Paddock", shard=(1 - home, SHARDS),
                                channels=("general", "recaps"))  # fmt: skip
    here = (await emu.add_channel("recaps")).id
    there = other.channel_by_name("recaps").id
    bots = {
        home: await on_host(rig, "host-a", pg_database_url, recap_env(clock, **shard_env(home)),
                            entry=CLOCK_ENTRY, shard=home),
        1 - home: await on_host(rig, "host-b", pg_database_url,
                                recap_env(clock, **shard_env(1 - home)), entry=CLOCK_ENTRY,
                                shard=1 - home, guild_id=other.id),
    }  # fmt: skip
    await schedule_0900(emu, here, emu.guild_id, emu.moderator)
    await schedule_0900(emu, there, other.id, emu.owner)
    set_clock(clock, SLOT + timedelta(seconds=1))
    for channel in (here, there):
        await emu.wait_for(lambda c=channel: bot_posts(emu, c) or None, 15, f"a recap in {channel}")
    await until(
        lambda: all(f"recap step done channel={c}" in b.output()
                    for c, b in ((here, bots[home]), (there, bots[1 - home]))),
        "both posts recorded done",
        within=10,
    )  # fmt: skip
    assert len(bot_posts(emu, here)) == len(bot_posts(emu, there)) == 1
    assert f"channel={there}" not in bots[home].output()
    assert f"channel={here}" not in bots[1 - home].output()
    assert store_rows(pg_database_url, "SELECT state FROM recap_posts") == [("done",), ("done",)]
    assert lock_files(rig) == []  # no file kept them apart: the server did


async def test_second_process_for_a_shard_on_another_host_is_refused(
    rig: Rig, pg_database_url: str
) -> None:
    """A second process for a running shard, from another host: one line, no password."""
    await seed(pg_database_url)
    home = (rig.emu.guild_id >> 22) % SHARDS
    first = await on_host(rig, "host-a", pg_database_url, shard_env(home), shard=home)
    second = await on_host(rig, "host-b", pg_database_url, shard_env(home), ready=False)
    assert await second.wait(20) == 2
    line = one_clear_line(second.output(), "another Pitwall process is already running",
                          f"shard {home}", "***@127.0.0.1")  # fmt: skip
    password = urlsplit(pg_database_url).password
    assert password and password not in second.output() + line
    assert first.returncode is None


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
async def test_two_hosts_both_owning_a_guild_post_its_slot_once(
    rig: Rig, store_target: Path | str
) -> None:
    """Hosts set up with different shard counts both own a guild (shard 0 of 1, shard 1 of 2):
    the slot's claim lets one of them post it; the other sends nothing. On SQLite the two are
    processes of one host sharing the file (its claims are byte locks beside it)."""
    database = str(store_target)
    emu, clock = rig.emu, rig.tmp / "clock"
    set_clock(clock, START)
    await seed(database)
    guild = await emu.add_guild("Shared Paddock", shard=(1, 2), channels=("general", "recaps"))
    channel = guild.channel_by_name("recaps").id
    async with await Store.open(database) as store:
        await store.save_recap_schedule(
            RecapSchedule(
                channel_id=channel,
                guild_id=guild.id,
                hour=9,
                minute=0,
                timezone="UTC",
                every="daily",
                weekday=None,
                next_slot=SLOT,
                created_by=emu.owner.id,
                created_at=START,
            )
        )
    one = {"PITWALL_SHARD_COUNT": "1", "PITWALL_SHARD_IDS": "0"}
    two = {"PITWALL_SHARD_COUNT": "2", "PITWALL_SHARD_IDS": "1"}
    bots = [
        await on_host(rig, "host-a", database, recap_env(clock, **one),
                      entry=CLOCK_ENTRY, shard=0, guild_id=0),
        await on_host(rig, "host-b", database, recap_env(clock, **two),
                      entry=CLOCK_ENTRY, shard=1, guild_id=0),
    ]  # fmt: skip
    # Whoever sends first is slow to hear back, so the other reaches the slot meanwhile.
    emu.inject(POSTS_ROUTE.format(channel), status=0, delay=3.0, count=2, method="POST")
    set_clock(clock, SLOT + timedelta(seconds=1))
    await emu.wait_for(lambda: bot_posts(emu, channel) or None, 15, "the recap")
    await until(
        lambda: store_rows(database, "SELECT state FROM recap_posts") == [("done",)],
        "the post recorded done",
        within=10,
    )
    set_clock(clock, SLOT + timedelta(minutes=5))  # past any retry the other host planned
    await until(
        lambda: (
            store_rows(database, "SELECT next_slot FROM recap_schedules")
            == [((SLOT + timedelta(days=1)).isoformat(),)]
        ),
        "the schedule moved on",
        within=10,
    )
    assert len(bot_posts(emu, channel)) == 1
    assert len(emu.requests_to(POSTS_ROUTE.format(channel), "POST")) == 1
    assert all(b.returncode is None for b in bots)
    assert sum(f"recap step sending channel={channel}" in b.output() for b in bots) == 1
    assert any("another Pitwall process is posting this slot" in b.output() for b in bots)
