"""Scheduled recaps end to end: the real bot process, the local Discord, a file-driven clock.

The bot runs through ``tests/e2e/clock_launcher.py``, which points the recap runner at a
clock the test moves by writing an instant to a file, so a slot "arrives" in milliseconds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.errors import IngestError
from bot.ingest.load import build_article
from bot.recaps import RETRY_FIRST
from bot.store import Store
from tests.e2e.clock_launcher import KILL_STEPS, set_clock
from tests.e2e.helpers import store_rows
from tests.emulator import DiscordEmulator, Perm, StoredMessage
from tests.emulator.fixtures import REPO_ROOT, BotProcess, Launcher
from tests.store_backends import BACKENDS

pytestmark = [pytest.mark.e2e]

ENTRY = "tests.e2e.clock_launcher:main"
EPHEMERAL = 1 << 6
#: A Friday morning; the recap time under test is 09:00 UTC.
START = datetime(2025, 3, 28, 8, 55, tzinfo=UTC)
SLOT = datetime(2025, 3, 28, 9, 0, tzinfo=UTC)
POSTS_ROUTE = r"^/channels/{}/messages$"


@dataclass
class Recaps:
    """One test's world: the emulator, a database and clock file, and a #recaps channel."""

    emulator: DiscordEmulator
    launch: Launcher
    database: Path | str  # an SQLite file, or a PostgreSQL URL
    clock: Path
    channel_id: int

    async def start(self, *, kill_at: str | None = None, wait: bool = True) -> BotProcess:
        env = {
            "PITWALL_DATABASE": str(self.database),
            "PITWALL_DATA_DIR": str(REPO_ROOT / "data"),
            "PITWALL_TEST_CLOCK": str(self.clock),
            "PITWALL_RECAP_GRACE": "6h",
            "LOG_LEVEL": "INFO",
        }
        if kill_at is not None:
            env["PITWALL_TEST_KILL_AT"] = kill_at
        proc = await self.launch(env=env, entry=ENTRY)
        if wait:
            await proc.wait_ready(timeout=30)
        return proc

    def at(self, instant: datetime) -> None:
        set_clock(self.clock, instant)

    async def command(self, name: str, options: dict[str, Any] | None = None,
                      *, user: Any = None) -> dict[str, Any]:  # fmt: skip
        """Run a slash command (as the moderator by default) and return its visible answer."""
        rec = await self.emulator.send_command(
            name, options or {}, user=user or self.emulator.moderator
        )
        return await rec.wait_final(timeout=10)

    def posts(self, channel_id: int | None = None) -> list[StoredMessage]:
        """The bot's messages in the recap channel (or another), oldest first."""
        return [m for m in self.emulator.channel_history(channel_id or self.channel_id) if m.by_bot]

    async def wait_posts(self, count: int, within: float = 10.0) -> list[StoredMessage]:
        return await self.emulator.wait_for(
            lambda: self.posts() if len(self.posts()) >= count else None, within, f"{count} posts"
        )

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        return store_rows(self.database, sql, *params)


async def eventually(check: Callable[[], bool], what: str, within: float = 10.0) -> None:
    """Wait until ``check()`` holds, for state outside the emulator (the bot's database)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def seed(database: Path | str) -> None:
    """Load the bundled articles the way ingest does, so the bot starts on a full store."""
    async with await Store.open(database) as store:
        for path in sorted((REPO_ROOT / "data" / "articles").glob("*.txt")):
            try:
                await store.replace_article(build_article(path))
            except IngestError:
                continue  # an article another engineer is still annotating
        assert (await store.stats()).articles > 0


@pytest_asyncio.fixture
async def recaps(
    emulator: DiscordEmulator, bot_launcher: Launcher, tmp_path: Path, store_target: Path | str
) -> AsyncIterator[Recaps]:
    """The world on SQLite, or on PostgreSQL where a test is parametrised with ``backend``."""
    channel = await emulator.add_channel("recaps")
    rig = Recaps(emulator, bot_launcher, store_target, tmp_path / "clock", channel.id)
    await seed(rig.database)
    rig.at(START)
    yield rig


async def schedule_0900(rig: Recaps, **options: str) -> dict[str, Any]:
    answer = await rig.command(
        "recaps schedule", {"channel": rig.channel_id, "time": "09:00", **options}
    )
    assert answer["flags"] & EPHEMERAL
    assert "Scheduled" in answer["content"] or "Updated" in answer["content"], answer["content"]
    return answer


# -- the main path ------------------------------------------------------------------------------


async def test_scheduled_recap_posts_at_each_slot(recaps: Recaps) -> None:
    """A moderator schedules 09:00; one recap arrives at each slot, none before."""
    await recaps.start()
    answer = await schedule_0900(recaps)
    assert "every day at 09:00 (UTC)" in answer["content"]
    recaps.at(SLOT - timedelta(seconds=1))
    await asyncio.sleep(0.3)
    assert recaps.posts() == []
    recaps.at(SLOT + timedelta(seconds=1))
    (first,) = await recaps.wait_posts(1)
    assert first.data["embeds"], first.data
    assert "late" not in (first.data.get("content") or "")
    assert first.nonce is not None and len(first.nonce) <= 25
    recaps.at(SLOT + timedelta(days=1, seconds=1))
    await recaps.wait_posts(2)
    await asyncio.sleep(0.3)
    assert len(recaps.posts()) == 2
    states = recaps.rows("SELECT state FROM recap_posts ORDER BY id")
    assert states == [("done",), ("done",)]


async def test_plain_member_is_refused_and_nothing_changes(recaps: Recaps) -> None:
    """Every /recaps command refuses a member without Manage Server, privately, changing nothing."""
    await recaps.start()
    member = recaps.emulator.member
    for name, options in (
        ("recaps schedule", {"channel": recaps.channel_id, "time": "09:00"}),
        ("recaps status", {}),
        ("recaps off", {"channel": recaps.channel_id}),
        ("recaps post", {"channel": recaps.channel_id}),
    ):
        answer = await recaps.command(name, options, user=member)
        assert answer["flags"] & EPHEMERAL
        assert "Manage Server" in answer["content"], (name, answer["content"])
    assert recaps.rows("SELECT count(*) FROM recap_schedules") == [(0,)]
    assert recaps.rows("SELECT count(*) FROM recap_posts") == [(0,)]
    assert recaps.posts() == []


async def test_bad_time_zone_and_channel_are_explained(recaps: Recaps) -> None:
    """A bad time or zone, or a channel the bot cannot post in, gets a private explanation."""
    await recaps.start()
    bad_time = await recaps.command(
        "recaps schedule", {"channel": recaps.channel_id, "time": "24:00"}
    )
    assert bad_time["flags"] & EPHEMERAL and "hours go from 00 to 23" in bad_time["content"]
    bad_zone = await recaps.command(
        "recaps schedule", {"channel": recaps.channel_id, "time": "09:00", "timezone": "Mars/Base"}
    )
    assert "not a time zone I know" in bad_zone["content"]
    no_embeds = await recaps.command("recaps schedule", {"channel": "no-embeds", "time": "09:00"})
    assert "Embed Links" in no_embeds["content"]
    read_only = await recaps.command("recaps schedule", {"channel": "read-only", "time": "09:00"})
    assert "Send Messages" in read_only["content"]
    assert recaps.rows("SELECT count(*) FROM recap_schedules") == [(0,)]
    choices = await recaps.emulator.send_autocomplete(
        "recaps schedule", {"channel": recaps.channel_id, "time": "09:00"}, focused="timezone"
    )
    assert choices[:1] == [{"name": "UTC", "value": "UTC"}] and len(choices) <= 25


async def test_status_shows_both_zones_and_off_stops(recaps: Recaps) -> None:
    """Status lists the schedule in its zone and in UTC; off removes it."""
    await recaps.start()
    await schedule_0900(recaps, timezone="Europe/Rome", every="weekly")
    status = await recaps.command("recaps status")
    assert status["flags"] & EPHEMERAL
    # 08:55 UTC is 09:55 in Rome: the first slot, and so the weekday, is Saturday's.
    assert "every Saturday at 09:00 (Europe/Rome)" in status["content"], status["content"]
    assert "Next: Sat 29 Mar 2025 09:00 CET (08:00 UTC)" in status["content"]
    assert "Last: none yet" in status["content"]
    off = await recaps.command("recaps off", {"channel": recaps.channel_id})
    assert "are off" in off["content"]
    status = await recaps.command("recaps status")
    assert "No recap schedules" in status["content"]


async def test_recaps_post_posts_now(recaps: Recaps) -> None:
    """/recaps post puts one recap in the channel at once, outside any schedule."""
    await recaps.start()
    answer = await recaps.command("recaps post", {"channel": recaps.channel_id})
    assert answer["flags"] & EPHEMERAL
    assert "Posted a recap" in answer["content"], answer["content"]
    (post,) = recaps.posts()
    assert post.data["embeds"]
    assert recaps.rows("SELECT kind, state FROM recap_posts") == [("manual", "done")]


# -- failures -------------------------------------------------------------------------------------


async def test_forbidden_channel_pauses_and_status_says_why(recaps: Recaps) -> None:
    """A 403 pauses the schedule (not retried slot after slot), told once; scheduling resumes."""
    await recaps.start()
    await schedule_0900(recaps)
    route = POSTS_ROUTE.format(recaps.channel_id)
    recaps.emulator.inject(
        route, status=403, count=1, method="POST",
        body={"message": "Missing Permissions", "code": 50013},
    )  # fmt: skip
    recaps.at(SLOT + timedelta(seconds=1))
    system = recaps.emulator.guild.system_channel_id
    notice = await recaps.emulator.wait_for_channel_message(system, timeout=10)
    assert "paused" in notice["content"] and "403" in notice["content"]
    status = await recaps.command("recaps status")
    assert "Paused" in status["content"] and "403" in status["content"], status["content"]
    assert "failed" in status["content"]
    recaps.at(SLOT + timedelta(days=1, seconds=1))
    await asyncio.sleep(0.5)
    assert len(recaps.emulator.requests_to(route, "POST")) == 1  # not retried while paused
    assert len(recaps.posts(system)) == 1  # told once
    await schedule_0900(recaps)  # resumes
    status = await recaps.command("recaps status")
    assert "Paused" not in status["content"]


async def test_deleted_channel_pause_is_told_on_the_next_recaps_command(recaps: Recaps) -> None:
    """Where the bot cannot speak in the system channel, the next /recaps reply tells, once."""
    await recaps.start()
    await schedule_0900(recaps)
    system = recaps.emulator.guild.system_channel_id
    assert system is not None
    await recaps.emulator.revoke_permissions(system, Perm.SEND_MESSAGES)
    await recaps.emulator.delete_channel(recaps.channel_id)
    recaps.at(SLOT + timedelta(seconds=1))
    await eventually(
        lambda: recaps.rows("SELECT paused_reason IS NOT NULL FROM recap_schedules") == [(1,)],
        "the pause",
    )
    other = await recaps.emulator.add_channel("new-recaps")
    first = await recaps.command("recaps schedule", {"channel": other.id, "time": "10:00"})
    assert "are paused" in first["content"], first["content"]
    again = await recaps.command("recaps schedule", {"channel": other.id, "time": "10:00"})
    assert "are paused" not in again["content"]  # at most once per pause
    assert recaps.posts(system) == []


async def test_rate_limit_burst_is_retried_and_posts_once(recaps: Recaps) -> None:
    """429s on the channel route are retried; exactly one message lands."""
    await recaps.start()
    await schedule_0900(recaps)
    route = POSTS_ROUTE.format(recaps.channel_id)
    recaps.emulator.inject(route, status=429, count=3, retry_after=0.2, method="POST")
    recaps.at(SLOT + timedelta(seconds=1))
    await recaps.wait_posts(1)
    await asyncio.sleep(0.5)
    assert len(recaps.posts()) == 1
    assert len(recaps.emulator.requests_to(route, "POST")) == 4


async def test_error_in_one_channel_does_not_stop_the_others(recaps: Recaps) -> None:
    """A post failing for an unexpected reason is logged and failed; other channels still post."""
    proc = await recaps.start()
    other = await recaps.emulator.add_channel("more-recaps")
    await schedule_0900(recaps)
    await recaps.command("recaps schedule", {"channel": other.id, "time": "09:00"})
    route = POSTS_ROUTE.format(recaps.channel_id)
    recaps.emulator.inject(
        route, status=400, count=1, method="POST", body={"message": "Bad", "code": 50035}
    )
    recaps.at(SLOT + timedelta(seconds=1))
    await recaps.emulator.wait_for_channel_message(other.id, timeout=10)
    await eventually(
        lambda: ("failed",) in recaps.rows("SELECT state FROM recap_posts"), "the failed post"
    )
    assert "Traceback" in proc.output()  # logged with its traceback, not swallowed
    recaps.at(SLOT + timedelta(days=1, seconds=1))  # the next slot still comes
    await recaps.wait_posts(1)


async def test_missed_slot_within_grace_posts_once_and_says_late(recaps: Recaps) -> None:
    """A slot missed while down is posted once on start, saying it is late; older ones skip."""
    proc = await recaps.start()
    await schedule_0900(recaps)
    assert await proc.terminate() == 0
    recaps.at(SLOT + timedelta(days=2, hours=2))  # three slots missed, the newest 2 h ago
    await recaps.start()
    (post,) = await recaps.wait_posts(1)
    assert "Posted late" in post.data["content"], post.data["content"]
    await eventually(
        lambda: recaps.rows("SELECT state FROM recap_posts") == [("done",)], "the post done"
    )
    assert len(recaps.posts()) == 1
    status = await recaps.command("recaps status")
    assert "Sun 30 Mar 2025 09:00 UTC" in status["content"], status["content"]  # next slot


async def test_missed_slot_beyond_grace_is_skipped(recaps: Recaps) -> None:
    """A slot missed by more than the grace is not posted; status says it was skipped."""
    proc = await recaps.start()
    await schedule_0900(recaps)
    assert await proc.terminate() == 0
    recaps.at(SLOT + timedelta(hours=7))
    await recaps.start()
    await eventually(lambda: bool(recaps.rows("SELECT 1 FROM recap_posts")), "the skip")
    status = await recaps.command("recaps status")
    assert "skipped" in status["content"] and "beyond the 6 h" in status["content"]
    assert recaps.posts() == []


async def test_second_process_on_the_same_database_is_refused(recaps: Recaps) -> None:
    """A second bot on the same store exits with code 2 and one clear line."""
    await recaps.start()
    second = await recaps.start(wait=False)
    assert await second.wait(timeout=20) == 2
    assert "another Pitwall process is already running" in second.output()
    assert "Traceback" not in second.output()


# -- crashes --------------------------------------------------------------------------------------


#: How the bot comes back after a crash: at once (Discord still remembers the nonce), or after
#: more than Discord's few minutes of nonce memory (the emulator forgets them, the clock moves).
RESTARTS = ("at once", "nonces forgotten")
#: The case the default suite keeps: the post reached Discord, its record did not, and the
#: nonce is no help any more; only reading the channel back prevents a second post.
REPRESENTATIVE = ("sent", "nonces forgotten")
HISTORY_ROUTE = POSTS_ROUTE  # GET on the same path


async def crash_at(recaps: Recaps, step: str) -> None:
    """Schedule 09:00, then let a bot reach the slot and SIGKILL itself at ``step``."""
    proc = await recaps.start()
    await schedule_0900(recaps)
    assert await proc.terminate() == 0
    crashing = await recaps.start(kill_at=step)
    recaps.at(SLOT + timedelta(seconds=30))
    assert await crashing.wait(timeout=20) == -9
    assert f"KILLED at recap step {step} " in crashing.output()


def stay_down_past_nonce_memory(recaps: Recaps) -> datetime:
    """Stand for a long downtime: Discord forgets every nonce and the clock moves on 10 min."""
    recaps.emulator.forget_nonces()
    later = SLOT + timedelta(minutes=10)
    recaps.at(later)
    return later


async def restarted_posts_once(recaps: Recaps, now: datetime) -> BotProcess:
    """Restart; the slot ends 'done' with exactly one post, and the schedule moves on."""
    proc = await recaps.start()
    await eventually(
        lambda: recaps.rows("SELECT state FROM recap_posts") == [("done",)], "the post done"
    )
    recaps.at(now + timedelta(minutes=1))  # time moves on: nothing more for this slot
    await asyncio.sleep(0.3)
    assert len(recaps.posts()) == 1, [m.data.get("content") for m in recaps.posts()]
    (post,) = recaps.posts()
    stamp = datetime.fromisoformat(post.data["embeds"][0]["timestamp"])
    assert stamp == SLOT  # the marker a restart looks for
    (message_id,) = recaps.rows("SELECT message_id FROM recap_posts")
    assert message_id == (post.id,)
    (next_slot,) = recaps.rows("SELECT next_slot FROM recap_schedules")
    assert next_slot == ((SLOT + timedelta(days=1)).isoformat(),)
    return proc


@pytest.mark.parametrize(
    ("backend", "step", "restart"),
    [
        pytest.param(
            backend,
            step,
            restart,
            marks=() if (step, restart) == REPRESENTATIVE else pytest.mark.slow,
        )
        for backend in BACKENDS
        for step in KILL_STEPS
        for restart in RESTARTS
    ],
    indirect=["backend"],
)
async def test_killed_at_any_step_posts_exactly_once(
    recaps: Recaps, step: str, restart: str
) -> None:
    """SIGKILL at each step of a post, restart at once or past Discord's nonce memory: one post,
    on SQLite and on PostgreSQL."""
    await crash_at(recaps, step)
    now = SLOT + timedelta(seconds=30)
    if restart == "nonces forgotten":
        now = stay_down_past_nonce_memory(recaps)
    proc = await restarted_posts_once(recaps, now)
    sends = recaps.emulator.requests_to(POSTS_ROUTE.format(recaps.channel_id), "POST")
    reads = recaps.emulator.requests_to(HISTORY_ROUTE.format(recaps.channel_id), "GET")
    if (step, restart) == ("sent", "at once"):
        # Restarted within the same (frozen) second: the resent nonce made Discord (here the
        # emulator) answer with the message it already had instead of creating a second one.
        assert len(sends) == 2
    else:
        assert len(sends) == 1
    if step == "sent" and restart == "nonces forgotten":
        assert reads, "the restart did not read the channel back"
        assert "already in the channel" in proc.output()
    if step in ("due", "done"):
        assert reads == []  # nothing was left pending: nothing to look for


async def test_left_pending_without_read_message_history_falls_back_to_the_nonce(
    recaps: Recaps,
) -> None:
    """Without Read Message History the restart says so and the nonce alone prevents a double."""
    await crash_at(recaps, "sent")
    await recaps.emulator.revoke_permissions(recaps.channel_id, Perm.READ_MESSAGE_HISTORY)
    now = SLOT + timedelta(minutes=1)  # a minute later: Discord still remembers the nonce
    recaps.at(now)
    proc = await restarted_posts_once(recaps, now)
    assert "lacks Read Message History" in proc.output()
    assert "only the nonce" in proc.output()
    sends = recaps.emulator.requests_to(POSTS_ROUTE.format(recaps.channel_id), "POST")
    assert len(sends) == 2  # the resend, answered with the first message
    reads = recaps.emulator.requests_to(HISTORY_ROUTE.format(recaps.channel_id), "GET")
    assert reads == []


@pytest.mark.slow
async def test_left_pending_post_is_found_in_a_busy_channel(recaps: Recaps) -> None:
    """Hundreds of messages after the lost record, nonces forgotten: still found, not reposted."""
    await crash_at(recaps, "sent")
    for i in range(150):
        await recaps.emulator.send_message(
            f"chatter {i}", channel_id=recaps.channel_id, mention_bot=False
        )
    now = stay_down_past_nonce_memory(recaps)
    proc = await restarted_posts_once(recaps, now)
    assert "already in the channel" in proc.output()
    assert len(recaps.emulator.requests_to(POSTS_ROUTE.format(recaps.channel_id), "POST")) == 1


async def test_server_error_is_retried_later_with_backoff_and_posts_once(recaps: Recaps) -> None:
    """A 503 the HTTP client does not retry itself: the slot is retried with backoff, posts once."""
    await recaps.start()
    await schedule_0900(recaps)
    route = POSTS_ROUTE.format(recaps.channel_id)
    fault = recaps.emulator.inject(route, status=503, count=2, method="POST")
    recaps.at(SLOT + timedelta(seconds=1))
    await eventually(lambda: fault.hits == 1, "the first failed attempt")
    await eventually(
        lambda: recaps.rows("SELECT attempts FROM recap_schedules") == [(1,)], "a retry planned"
    )
    assert recaps.posts() == []
    recaps.at(SLOT + RETRY_FIRST + timedelta(seconds=2))  # first backoff
    await eventually(lambda: fault.hits == 2, "the second failed attempt")
    await eventually(
        lambda: recaps.rows("SELECT attempts FROM recap_schedules") == [(2,)], "a longer backoff"
    )
    recaps.at(SLOT + 3 * RETRY_FIRST + timedelta(seconds=3))  # second backoff is twice the first
    await recaps.wait_posts(1)
    await asyncio.sleep(0.3)
    assert len(recaps.posts()) == 1
