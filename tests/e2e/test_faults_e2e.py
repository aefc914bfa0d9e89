"""Faults end to end: the real bot process against the local Discord, when things go wrong.

The gateway drops, Discord rate-limits or is slow, the database is locked, read-only, full or
damaged, SIGTERM arrives mid-traffic, and several shard processes share one store. In each
case a user gets exactly one answer in time (or a clear one when it cannot be given), the
bot says what happened in one log line, and nothing already stored is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import pytest
import pytest_asyncio

from bot.client import STORE_FAILURE
from bot.store import Store
from tests.cli_support import run_cli
from tests.e2e.clock_launcher import set_clock
from tests.e2e.helpers import is_ephemeral, text_of
from tests.emulator import DiscordEmulator, InteractionRecord
from tests.emulator.fixtures import LAUNCHER, REPO_ROOT, BotProcess

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

SEED = REPO_ROOT / "data" / "articles" / "2021-04-20-russell-bottas.txt"
#: Discord's acknowledgement deadline.
DEADLINE = 3.0
CALLBACK = r"^/interactions/\d+/[^/]+/callback$"
CHANNEL_POSTS = r"^/channels/\d+/messages$"
#: What a fan asks throughout: the answer is known and quick.
LAP = ("lap", {"number": 32})


# -- helpers ----------------------------------------------------------------------------------


async def answer(
    emu: DiscordEmulator, name: str, options: dict[str, Any], **kwargs: Any
) -> tuple[InteractionRecord, dict[str, Any]]:
    """Run a command; check it was answered once, in time; return the record and the answer."""
    record = await emu.send_command(name, options, **kwargs)
    return record, await answered_once(record)


async def answered_once(record: InteractionRecord, within: float = 10.0) -> dict[str, Any]:
    """The one visible answer to an interaction, acknowledged within Discord's deadline."""
    first = await record.first_response(within)
    assert first.elapsed < DEADLINE, f"acknowledged after {first.elapsed:.2f}s"
    final = await record.wait_final(within)
    assert len(record.callbacks) == 1 and not record.rejected, record
    assert len(record.messages) == 1, record.messages
    return final


def lap_32(message: dict[str, Any]) -> bool:
    text = text_of(message)
    return "Russell" in text and "Bottas" in text


async def until(check: Callable[[], bool], what: str, within: float = 5.0) -> None:
    """Wait for state the emulator does not announce (a request still in flight)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def store_lines(output: str) -> list[str]:
    """The bot's own one-line reports that the store failed."""
    return [line for line in output.splitlines() if "the store failed" in line]


@contextlib.contextmanager
def write_lock(database: Path) -> Iterator[sqlite3.Connection]:
    """Hold the store's write lock from another process's connection, as a long ingest does."""
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        yield holder
        holder.execute("ROLLBACK")
    finally:
        holder.close()


def limit_file_size(limit: int) -> Callable[[], None]:
    """preexec_fn: a full disk, as the process sees it (CPython already ignores SIGXFSZ)."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder unwritable for the bot, whoever runs the tests.

    Root ignores permission bits, so as root the path is made immutable instead.
    """
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("needs chattr to make a path read-only for root")
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if made.returncode != 0:
            pytest.skip(f"cannot make {path} immutable here: {made.stderr!r}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)


def cli(
    database: Path, *args: str, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot ARGS`` on ``database`` in its folder, on the bundled articles."""
    env = {"PITWALL_DATA_DIR": str(REPO_ROOT / "data")}
    return run_cli(*args, cwd=database.parent, database=database, env=env, preexec=preexec)


def one_clear_line(output: str, *expected: str) -> str:
    """The single ``pitwall:`` line of a refused start, naming what it must; no traceback."""
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if line.startswith("pitwall:")]
    assert len(lines) == 1, output
    for part in expected:
        assert part in lines[0], lines[0]
    return lines[0]


def damage(database: Path, how: str) -> None:
    """Damage a (cleanly closed) store file: wholly, cut short, or one table's pages."""
    if how == "not a database":
        database.write_bytes(b"These are not the pages you are looking for.\n" * 500)
    elif how == "truncated":
        with open(database, "r+b") as raw:
            raw.truncate(database.stat().st_size // 3)
    else:
        table = how.removesuffix(" table")
        with contextlib.closing(sqlite3.connect(database)) as db:
            sql = "SELECT rootpage FROM sqlite_master WHERE name = ?"
            (root,) = db.execute(sql, (table,)).fetchone()
            (page_size,) = db.execute("PRAGMA page_size").fetchone()
        with open(database, "r+b") as raw:
            raw.seek((root - 1) * page_size)
            raw.write(b"\xff" * page_size)


def set_journal(database: Path, mode: str) -> None:
    with contextlib.closing(sqlite3.connect(database)) as db:
        assert db.execute(f"PRAGMA journal_mode = {mode}").fetchone() == (mode,)


def wal_left(database: Path) -> bool:
    return Path(f"{database}-wal").exists()


async def contents(database: Path) -> tuple[Any, ...]:
    """What a fan can be shown: articles, quotes, lap events and people."""
    async with await Store.open(database) as store:
        return (
            await store.articles(),
            await store.quotes(limit=100_000),
            await store.lap_events(),
            await store.people(),
        )


async def spawn(
    emu: DiscordEmulator,
    log_dir: Path,
    env: Mapping[str, str],
    *,
    args: Sequence[str] = ("run",),
    guild_id: int | None = None,
    preexec: Callable[[], None] | None = None,
    cwd: Path = REPO_ROOT,
    entry: str = "bot.cli:main",
) -> BotProcess:
    """Start the bot like ``BotProcess.start``, optionally through a preexec_fn."""
    if preexec is None:
        return await BotProcess.start(emu, args, env=env, guild_id=guild_id, log_dir=log_dir,
                                      cwd=cwd, entry=entry)  # fmt: skip
    gid = emu.guild_id if guild_id is None else guild_id
    full_env = {**os.environ, "DISCORD_TOKEN": emu.token, "PYTHONUNBUFFERED": "1"}
    full_env["PITWALL_GUILD_ID"] = str(gid)
    full_env.update(env)
    log_path, log_file = _new_log(log_dir)
    started = time.monotonic()
    try:
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(LAUNCHER), "--api-base", emu.api_base, "--gateway-url",
            emu.gateway_url, "--entry", entry, "--", *args,
            stdin=asyncio.subprocess.DEVNULL, stdout=log_file, stderr=asyncio.subprocess.STDOUT,
            cwd=str(cwd), env=full_env, preexec_fn=preexec,
        )  # fmt: skip
    except BaseException:
        log_file.close()
        raise
    return BotProcess(emu, process, log_path, log_file, started, gid)


def _new_log(folder: Path) -> tuple[Path, IO[bytes]]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bot-{time.monotonic_ns()}.log"
    return path, open(path, "wb")  # BotProcess.close() closes it


@dataclass
class Rig:
    """A fresh emulator for one test, and the bot processes it starts (all reaped after)."""

    emu: DiscordEmulator
    tmp: Path
    started: list[BotProcess]

    async def start(
        self,
        database: Path,
        *,
        ready: bool = True,
        shard: int | None = None,
        env: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> BotProcess:
        full = {"PITWALL_DATABASE": str(database), **(env or {})}
        bot = await spawn(self.emu, self.tmp / "logs", full, **kwargs)
        self.started.append(bot)
        if ready:
            await bot.wait_ready(30, shard_id=shard or 0)
        return bot


@pytest_asyncio.fixture(loop_scope="module")
async def rig(tmp_path: Path) -> AsyncIterator[Rig]:
    emu = DiscordEmulator()
    await emu.start()
    rig = Rig(emu, tmp_path, [])
    try:
        yield rig
    finally:
        for bot in rig.started:
            await bot.close()
        await emu.stop()
    assert emu.violations == [], "\n".join(emu.violations)


# -- one bot for the gateway, rate-limit and slow-Discord faults ------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def live(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Rig]:
    tmp = tmp_path_factory.mktemp("faults-live")
    database = tmp / "pitwall.db"
    shutil.copyfile(seeded, database)
    emu = DiscordEmulator()
    await emu.start()
    rig = Rig(emu, tmp, [])
    try:
        bot = await rig.start(database)
        yield rig
        assert await bot.terminate() == 0, bot.output()
        assert "Traceback" not in bot.output(), bot.output()
    finally:
        for started in rig.started:
            await started.close()
        await emu.stop()
    assert emu.violations == [], "\n".join(emu.violations)


@pytest.fixture
def emu(live: Rig) -> Iterator[DiscordEmulator]:
    """The shared emulator; every test leaves it without violations or leftover faults."""
    yield live.emu
    leftover = [f for f in live.emu.faults if not f.exhausted]
    live.emu.faults.clear()
    problems = live.emu.take_violations()
    assert problems == [], "\n".join(problems)
    assert leftover == [], f"faults never hit: {leftover}"


async def test_dropped_connection_resumes_and_answers_the_next_command(
    emu: DiscordEmulator,
) -> None:
    """The gateway drops mid-conversation: the bot RESUMEs (no new IDENTIFY) and answers."""
    _, before = await answer(emu, *LAP)
    resumes, identifies = emu.resumes.get(0, 0), emu.identifies[0]
    await emu.drop_gateway()
    await emu.wait_for_resume(count=resumes + 1)
    _, after = await answer(emu, *LAP)
    assert lap_32(before) and lap_32(after)
    assert emu.identifies[0] == identifies


async def test_command_sent_during_an_outage_is_answered_once(emu: DiscordEmulator) -> None:
    """A command dispatched while the socket is down is replayed on RESUME and answered once."""
    resumes = emu.resumes.get(0, 0)
    await emu.drop_gateway()
    record = await emu.send_command(*LAP)
    assert lap_32(await answered_once(record))
    assert emu.resumes[0] == resumes + 1


async def test_reconnect_request_loses_nothing(emu: DiscordEmulator) -> None:
    """Discord asks the bot to reconnect (op 7) mid-conversation: the next answer still comes."""
    resumes = emu.resumes.get(0, 0)
    await emu.request_reconnect()
    record = await emu.send_command(*LAP)
    assert lap_32(await answered_once(record))
    await emu.wait_for_resume(count=resumes + 1)


async def test_invalidated_session_identifies_again_and_answers(emu: DiscordEmulator) -> None:
    """A session Discord invalidates (op 9, not resumable) is replaced by a new IDENTIFY."""
    identifies = emu.identifies[0]
    await emu.invalidate_session()
    await emu.wait_for(
        lambda: (emu.identifies[0] > identifies and emu.gateway.by_shard[0].ready) or None,
        10,
        "a new IDENTIFY",
    )
    _, message = await answer(emu, *LAP)
    assert lap_32(message)


@pytest.mark.parametrize("global_", [False, True], ids=["route", "global"])
async def test_rate_limited_answer_is_retried_once(emu: DiscordEmulator, global_: bool) -> None:
    """Discord answers the callback with 429: the bot waits retry_after, then answers once."""
    emu.inject(CALLBACK, 429, 1, retry_after=0.5, global_=global_)
    record, message = await answer(emu, *LAP)
    assert lap_32(message)
    tries = [r.status for r in emu.requests_to(CALLBACK) if f"/{record.id}/" in r.path]
    assert tries[0] == 429 and tries[1:] in ([200], [204]), tries
    assert record.callbacks[0].elapsed >= 0.5  # it did wait


async def test_rate_limited_mention_reply_is_sent_once(emu: DiscordEmulator) -> None:
    """Two 429s on the reply (route, then global): one reply arrives, not two, not none."""
    channel = emu.channel_id("general")
    emu.inject(CHANNEL_POSTS, 429, 1, retry_after=0.3, method="POST")
    emu.inject(CHANNEL_POSTS, 429, 1, retry_after=0.3, global_=True, method="POST")
    sent = await emu.send_message("what happened on lap 32?", channel_id=channel)
    reply = await emu.wait_for_channel_message(channel, reply_to=sent, timeout=10)
    assert lap_32(reply)
    await until(lambda: all(f.exhausted for f in emu.faults), "both 429s")
    replies = [
        m
        for m in emu.channel_history(channel)
        if (m.data.get("message_reference") or {}).get("message_id") == sent["id"]
    ]
    assert len(replies) == 1


async def test_slow_discord_gets_one_callback_not_two(emu: DiscordEmulator) -> None:
    """Discord takes 2 s to take the answer: the bot waits for it rather than answering twice."""
    emu.inject(CALLBACK, status=0, count=1, delay=2.0)
    record, message = await answer(emu, *LAP)
    assert lap_32(message)
    assert record.callbacks[0].elapsed >= 2.0
    assert len([r for r in emu.requests_to(CALLBACK) if f"/{record.id}/" in r.path]) == 1


async def test_held_write_lock_never_slows_a_fans_answer(emu: DiscordEmulator, live: Rig) -> None:
    """Another process holding the store's write lock: fans are still answered directly."""
    with write_lock(live.tmp / "pitwall.db"):
        record, message = await answer(emu, *LAP)
    assert lap_32(message)
    assert record.callbacks[0].type == 4  # answered outright: WAL readers never wait


async def test_mention_where_the_bot_cannot_speak_is_logged_not_raised(
    emu: DiscordEmulator, live: Rig
) -> None:
    """@Pitwall in a channel it may not post in: one warning in the log, no traceback."""
    channel = emu.channel_id("read-only")
    await emu.send_message("what happened on lap 32?", channel_id=channel)
    bot = live.started[0]
    await until(lambda: "could not reply to message" in bot.output(), "the warning")
    assert "Traceback" not in bot.output()


# -- the database ---------------------------------------------------------------------------


async def test_fans_are_answered_while_a_moderator_write_waits_on_a_lock(
    rig: Rig, database: Path
) -> None:
    """A moderator's write waits on another process's lock: a fan's command meanwhile is
    answered within Discord's deadline, once: at once (a read has connections of its own
    beside the waiting writer, issue 12) or deferred in time and answered when it can."""
    await rig.start(database)
    emu = rig.emu
    with write_lock(database):
        schedule = await emu.send_command(
            "recaps schedule", {"channel": "general", "time": "09:00"}, user=emu.moderator
        )
        await asyncio.sleep(0.5)  # the moderator's write is now waiting on the lock
        fan = await emu.send_command(*LAP)
        first = await fan.first_response(DEADLINE)
        assert first.type in (4, 5)  # the answer, or deferred: "Pitwall is thinking…"
        await asyncio.sleep(0.5)
    assert lap_32(await answered_once(fan))
    # The moderator's own answer is the recaps tests' business (it does not defer: see
    # test_recap_schedule_behind_a_held_lock_is_still_answered), so only wait for it here.
    await schedule.first_response(5)
    emu.take_violations()


@pytest.mark.slow  # holds the lock past the deadline
async def test_recap_schedule_behind_a_held_lock_is_still_answered(
    rig: Rig, database: Path
) -> None:
    """A moderator's /recaps schedule waiting 4 s on a lock is deferred in time, then answered."""
    await rig.start(database)
    emu = rig.emu
    try:
        with write_lock(database):
            record = await emu.send_command(
                "recaps schedule", {"channel": "general", "time": "09:00"}, user=emu.moderator
            )
            await asyncio.sleep(4.0)
        assert "Scheduled" in text_of(await answered_once(record, within=5))
    finally:
        assert emu.take_violations() == []


async def test_damaged_table_gets_a_clear_answer_and_the_rest_still_works(
    rig: Rig, database: Path
) -> None:
    """Pages of one table are overwritten: /facts says the database is unavailable (one log
    line, no traceback) and every other answer still comes."""
    damage(database, "notes table")
    bot = await rig.start(database)
    _, facts = await answer(rig.emu, "facts", {})
    assert is_ephemeral(facts) and text_of(facts) == STORE_FAILURE
    _, lap = await answer(rig.emu, *LAP)
    assert lap_32(lap)
    assert len(store_lines(bot.output())) == 1 and "malformed" in store_lines(bot.output())[0]
    assert await bot.terminate() == 0
    assert "Traceback" not in bot.output()


@pytest.mark.parametrize("how", ["not a database", "truncated"])
@pytest.mark.parametrize("command", ["run", "check"])
async def test_damaged_store_at_start_is_one_line_and_exit_2(
    rig: Rig, database: Path, how: str, command: str
) -> None:
    """A store that is not a database, or cut short: exit 2, one line naming it, no traceback."""
    damage(database, how)
    if command == "check":
        done = cli(database, "check")
        assert done.returncode == 2, done.stdout + done.stderr
        assert "Traceback" not in done.stdout + done.stderr
        problems = [line for line in done.stdout.splitlines() if "PROBLEM" in line]
        assert len(problems) == 1 and str(database) in problems[0]
        return
    bot = await rig.start(database, ready=False)
    assert await bot.wait(20) == 2
    one_clear_line(bot.output(), str(database))


@pytest.mark.parametrize("journal", ["delete", "wal"])
async def test_read_only_store_still_answers_fans(rig: Rig, database: Path, journal: str) -> None:
    """A store file the bot may not write (in journal mode DELETE, WAL cannot even be turned
    on): one warning, fans are answered, a moderator's write gets a clear answer."""
    before = await contents(database)
    set_journal(database, journal)  # (after contents(): opening the store turns WAL back on)
    with read_only(database):
        bot = await rig.start(database)
        _, lap = await answer(rig.emu, *LAP)
        assert lap_32(lap)
        rec = await rig.emu.send_command(
            "recaps schedule", {"channel": "general", "time": "09:00"}, user=rig.emu.moderator
        )
        assert text_of(await answered_once(rec)) == STORE_FAILURE
        assert await bot.terminate() == 0
    if journal == "delete":
        assert "is read-only: answering from it" in bot.output()
    assert len(store_lines(bot.output())) == 1
    assert "Traceback" not in bot.output()
    assert await contents(database) == before


async def test_read_only_folder_is_one_line_and_exit_2(rig: Rig, database: Path) -> None:
    """A store in a folder the bot may not write (no lock file, no WAL): exit 2, one line."""
    with read_only(database.parent):
        bot = await rig.start(database, ready=False)
        assert await bot.wait(20) == 2
    one_clear_line(bot.output(), str(database), "writable")


async def test_full_disk_at_first_start_is_one_line_and_harmless(rig: Rig, tmp_path: Path) -> None:
    """The disk fills while a new store is set up: exit 2, one line; the next start is fine."""
    database = tmp_path / "new" / "pitwall.db"
    database.parent.mkdir()
    bot = await rig.start(database, ready=False, preexec=limit_file_size(64 * 1024))
    assert await bot.wait(20) == 2
    one_clear_line(bot.output(), str(database))
    done = cli(database, "check")
    assert done.returncode == 0, done.stdout + done.stderr


async def test_full_disk_during_ingest_keeps_what_was_stored(database: Path) -> None:
    """`ingest` runs out of disk: exit 2, one line; the store holds exactly what it held."""
    before = await contents(database)
    big = database.parent / "2024-06-01-long-read.txt"
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    big.write_text("\n\n".join([paragraphs[0], *paragraphs[1:] * 8]), encoding="utf-8")
    done = cli(database, "ingest", str(big), preexec=limit_file_size(40 * 1024))
    assert done.returncode == 2, done.stdout + done.stderr
    one_clear_line(done.stderr, str(database))
    assert await contents(database) == before
    assert cli(database, "check").returncode == 0


async def test_ingest_waits_for_a_lock_then_stores(database: Path) -> None:
    """Another process holds the write lock for a second: `ingest` waits, then stores."""
    copy = database.parent / "2024-06-02-copy.txt"
    copy.write_bytes(SEED.read_bytes())
    with write_lock(database):
        started = subprocess.Popen(  # noqa: ASYNC220 - waited for below, outside the loop's path
            [sys.executable, "-m", "bot", "ingest", str(copy)],
            cwd=database.parent,
            env={"PITWALL_DATABASE": str(database), "PATH": "/usr/bin:/bin"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        await asyncio.sleep(1.0)
    out, err = started.communicate(timeout=30)
    assert started.returncode == 0, out + err
    assert "loaded     2024-06-02-copy" in out


@pytest.mark.slow  # waits out SQLite's 5 s busy timeout
async def test_ingest_gives_up_on_a_held_lock_with_one_line(database: Path) -> None:
    """The write lock stays held: `ingest` gives up after its wait with one line, exit 2."""
    before = await contents(database)
    copy = database.parent / "2024-06-03-copy.txt"
    copy.write_bytes(SEED.read_bytes())
    with write_lock(database):
        done = await asyncio.to_thread(cli, database, "ingest", str(copy))
    assert done.returncode == 2, done.stdout + done.stderr
    one_clear_line(done.stderr, str(database), "locked")
    assert await contents(database) == before


# -- shutting down ------------------------------------------------------------------------------


async def test_sigterm_mid_traffic_finishes_every_answer_and_closes_the_store(
    rig: Rig, database: Path
) -> None:
    """SIGTERM while five answers are on their way (Discord slow to take them) and one more
    arrives: each gets exactly one answer, the exit code is 0 and the store closes cleanly."""
    bot = await rig.start(database)
    emu = rig.emu
    emu.inject(CALLBACK, status=0, count=5, delay=1.5)
    running = [await emu.send_command(*LAP) for _ in range(5)]
    await until(lambda: len(emu.requests_to(CALLBACK)) >= 5, "five answers in flight")
    bot.process.send_signal(signal.SIGTERM)
    await until(lambda: "waiting for" in bot.output(), "the drain to start")
    late = await emu.send_command(*LAP)
    assert await bot.wait(15) == 0, bot.output()
    for record in running:
        assert lap_32(await answered_once(record))
    assert "restarting" in text_of(await answered_once(late))
    assert "stopped" in bot.output() and "Traceback" not in bot.output()
    # A cleanly closed store has folded its write-ahead log back into the file.
    assert not wal_left(database)
    with contextlib.closing(sqlite3.connect(database)) as db:
        assert db.execute("PRAGMA quick_check").fetchone() == ("ok",)
    asked = await asyncio.to_thread(cli, database, "ask", "what happened on lap 32?")
    assert "Bottas" in asked.stdout, asked.stderr


async def test_fatal_gateway_close_is_one_line_and_exit_2(rig: Rig, database: Path) -> None:
    """Discord closes the gateway for good (disallowed intents): exit 2 with one clear line."""
    bot = await rig.start(database)
    for _ in range(3):
        # Now and then discord.py reads the close before its code arrives and resumes
        # instead (its decision, not Pitwall's): then Discord closes again, as it would.
        await rig.emu.wait_for(lambda: rig.emu.gateway.by_shard[0].connected or None, 10)
        await rig.emu.drop_gateway(code=4014)
        with contextlib.suppress(TimeoutError):
            await bot.wait(5)
            break
    assert bot.returncode == 2, bot.output()
    one_clear_line(bot.output(), "intents")


# -- several shard processes on one store -----------------------------------------------------

SHARDS = 2


def shard_env(shard: int) -> dict[str, str]:
    return {"PITWALL_SHARD_COUNT": str(SHARDS), "PITWALL_SHARD_IDS": str(shard)}


async def test_second_process_for_a_shard_is_refused(rig: Rig, database: Path) -> None:
    """Two processes claiming one shard of one store: the second exits 2 with one line."""
    home = (rig.emu.guild_id >> 22) % SHARDS
    first = await rig.start(database, env=shard_env(home), shard=home)
    second = await rig.start(database, env=shard_env(home), ready=False)
    assert await second.wait(20) == 2
    one_clear_line(second.output(), f"shard {home}", str(database))
    _, message = await answer(rig.emu, *LAP)
    assert lap_32(message) and first.returncode is None


async def test_shards_share_the_store_each_answering_its_own_guilds(
    rig: Rig, database: Path
) -> None:
    """Shard processes 0 and 1 on one store: each guild's commands are answered by its shard."""
    emu = rig.emu
    home = (emu.guild_id >> 22) % SHARDS
    other = await emu.add_guild("Other Paddock", shard=(1 - home, SHARDS))
    first = await rig.start(database, env=shard_env(home), shard=home)
    second = await rig.start(database, env=shard_env(1 - home), shard=1 - home,
                             guild_id=other.id)  # fmt: skip
    for guild in (emu.guild_id, other.id):
        _, message = await answer(emu, *LAP, guild_id=guild, user=emu.owner)
        assert lap_32(message)
    assert first.returncode is None and second.returncode is None
    assert {s.shard_id for s in emu.gateway.by_shard.values()} == {0, 1}


async def test_shards_started_together_on_a_new_store_both_come_up(
    rig: Rig, tmp_path: Path
) -> None:
    """Both shard processes start at once on a store that does not exist yet: both set it up
    (WAL, migrations, the bundled articles) without tripping over each other, and answer."""
    emu = rig.emu
    database = tmp_path / "new" / "pitwall.db"
    database.parent.mkdir()
    home = (emu.guild_id >> 22) % SHARDS
    other = await emu.add_guild("Other Paddock", shard=(1 - home, SHARDS))
    env = {"PITWALL_DATA_DIR": str(REPO_ROOT / "data")}
    first, second = await asyncio.gather(
        rig.start(database, env={**env, **shard_env(home)}, shard=home),
        rig.start(database, env={**env, **shard_env(1 - home)}, shard=1 - home,
                  guild_id=other.id),
    )  # fmt: skip
    for guild in (emu.guild_id, other.id):
        _, message = await answer(emu, *LAP, guild_id=guild, user=emu.owner)
        assert lap_32(message)
    assert "Traceback" not in first.output() + second.output()


# -- scheduled recaps through faults (the file-driven clock of tests/e2e/clock_launcher.py) ----

CLOCK_ENTRY = "tests.e2e.clock_launcher:main"
#: A Friday, five minutes before the 09:00 UTC slot under test.
START = datetime(2025, 3, 28, 8, 55, tzinfo=UTC)
SLOT = datetime(2025, 3, 28, 9, 0, tzinfo=UTC)


def recap_env(clock: Path, **more: str) -> dict[str, str]:
    return {"PITWALL_TEST_CLOCK": str(clock), "LOG_LEVEL": "INFO", **more}


async def schedule_0900(emu: DiscordEmulator, channel: int, guild: int, user: Any) -> None:
    record = await emu.send_command(
        "recaps schedule", {"channel": channel, "time": "09:00"}, guild_id=guild, user=user
    )
    text = text_of(await answered_once(record))
    assert "Scheduled" in text, text


def bot_posts(emu: DiscordEmulator, channel: int) -> list[Any]:
    return [m for m in emu.channel_history(channel) if m.by_bot]


async def test_recap_due_during_an_outage_is_posted_once(
    rig: Rig, database: Path, tmp_path: Path
) -> None:
    """The slot passes while the gateway is down (a new IDENTIFY takes seconds): the recap is
    posted once, not zero times and not again after the bot reconnects."""
    emu, clock = rig.emu, tmp_path / "clock"
    set_clock(clock, START)
    channel = (await emu.add_channel("recaps")).id
    bot = await rig.start(database, entry=CLOCK_ENTRY, env=recap_env(clock))
    await schedule_0900(emu, channel, emu.guild_id, emu.moderator)
    identifies = emu.identifies[0]
    await emu.invalidate_session()  # discord.py waits ~5 s before identifying again
    await emu.wait_for(lambda: not emu.gateway.by_shard[0].connected or None, 5, "the outage")
    set_clock(clock, SLOT + timedelta(seconds=1))
    await emu.wait_for(lambda: bot_posts(emu, channel) or None, 10, "the recap")
    assert not emu.gateway.by_shard[0].connected, "the outage ended before the post"
    await emu.wait_for(
        lambda: (emu.identifies[0] > identifies and emu.gateway.by_shard[0].ready) or None,
        15,
        "the new session",
    )
    _, message = await answer(emu, *LAP)
    assert lap_32(message)
    assert len(bot_posts(emu, channel)) == 1
    assert "Traceback" not in bot.output()


async def test_each_guilds_recap_is_posted_by_its_own_shard_once(
    rig: Rig, database: Path, tmp_path: Path
) -> None:
    """Two shard processes share one store and one clock: each guild's recap is posted once,
    by the shard that owns the guild."""
    emu, clock = rig.emu, tmp_path / "clock"
    set_clock(clock, START)
    home = (emu.guild_id >> 22) % SHARDS
    other = await emu.add_guild("Other Paddock", shard=(1 - home, SHARDS),
                                channels=("general", "recaps"))  # fmt: skip
    here = (await emu.add_channel("recaps")).id
    there = other.channel_by_name("recaps").id
    bots = {
        home: await rig.start(database, entry=CLOCK_ENTRY, shard=home,
                              env=recap_env(clock, **shard_env(home))),
        1 - home: await rig.start(database, entry=CLOCK_ENTRY, shard=1 - home, guild_id=other.id,
                                  env=recap_env(clock, **shard_env(1 - home))),
    }  # fmt: skip
    await schedule_0900(emu, here, emu.guild_id, emu.moderator)
    await schedule_0900(emu, there, other.id, emu.owner)
    set_clock(clock, SLOT + timedelta(seconds=1))
    for channel in (here, there):
        await emu.wait_for(lambda c=channel: bot_posts(emu, c) or None, 10, f"a recap in {channel}")
    await until(
        lambda: all(f"recap step done channel={c}" in b.output()
                    for c, b in ((here, bots[home]), (there, bots[1 - home]))),
        "both posts recorded done",
    )  # fmt: skip
    assert len(bot_posts(emu, here)) == len(bot_posts(emu, there)) == 1
    assert f"channel={there}" not in bots[home].output()
    assert f"channel={here}" not in bots[1 - home].output()
