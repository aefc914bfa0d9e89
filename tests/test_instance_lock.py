"""The single-instance guard: one process per store, or per shard, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.errors import ConfigError
from bot.instance_lock import (
    AdvisoryLock,
    InstanceLock,
    instance_guard,
)
from bot.store.dialect import is_database_url
from tests.pg_server import DatabaseUrl

HOLD = """
import os, sys, time
from bot.instance_lock import instance_guard
shards = None if sys.argv[1] == "-" else (int(sys.argv[1]),)
guard = instance_guard(os.environ["PITWALL_DATABASE"], shards)
guard.acquire()
if len(sys.argv) > 2:
    assert guard.try_claim(sys.argv[2])
print("held", flush=True)
time.sleep(60)
"""

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the store is: a file path, or the test server's URL (password included)."""
    if request.param == "sqlite":
        return str(tmp_path / "p.db")
    url: DatabaseUrl = request.getfixturevalue("pg_url")
    return url


def _hold(database: str, shard: str, claim: str | None = None) -> subprocess.Popen[str]:
    """Another process holding the guard, and a claim if named (the URL goes through the
    environment, not argv, so the password is never in the process list)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, shard, *([claim] if claim else [])],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PITWALL_DATABASE": database},
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def _kill(proc: subprocess.Popen[str], database: str) -> None:
    """SIGKILL the holder, then wait until its claims are gone (the server notices the dead
    connection a moment after the kernel closes it)."""
    proc.kill()
    proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()
    deadline = time.monotonic() + 10
    while True:
        try:
            with instance_guard(database):
                return
        except ConfigError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def test_second_process_on_same_database_is_refused(database: str) -> None:
    """While one process holds the store, another is refused with a clear line."""
    holder = _hold(database, "-")
    try:
        with pytest.raises(ConfigError, match="another Pitwall process is already running"):
            instance_guard(database).acquire()
    finally:
        _kill(holder, database)


def test_lock_is_released_when_holder_is_killed(database: str) -> None:
    """SIGKILL leaves no stale lock: the next process starts."""
    holder = _hold(database, "0")
    _kill(holder, database)  # waits for the whole store to be free, within 10 s
    with instance_guard(database, (0,)):
        pass


def test_different_shards_share_a_store_but_not_a_shard(database: str) -> None:
    """Shard 0 and shard 1 run side by side; a second shard 0 is refused."""
    holder = _hold(database, "0")
    try:
        with instance_guard(database, (1,)):
            pass
        with pytest.raises(ConfigError, match="shard 0"):
            instance_guard(database, (0, 1)).acquire()
        # All-or-nothing: the failed attempt did not keep shard 1 locked.
        with instance_guard(database, (1,)):
            pass
    finally:
        _kill(holder, database)


def test_unsharded_process_excludes_shards(database: str) -> None:
    """A process serving every guild and a shard process cannot run on one store together."""
    holder = _hold(database, "-")
    try:
        with pytest.raises(ConfigError, match="unsharded"):
            instance_guard(database, (0,)).acquire()
    finally:
        _kill(holder, database)


SLOT = "recap 20 2025-03-28T09:00:00+00:00 scheduled"


def test_a_slot_claimed_by_another_process_is_refused_until_it_dies(database: str) -> None:
    """Two processes that both think they own a server (any shard set-up): one posts a slot."""
    holder = _hold(database, "0", SLOT)  # shard 0 of one set-up ...
    try:
        with instance_guard(database, (1,)) as guard:  # ... shard 1 of another
            assert not guard.try_claim(SLOT)
            assert guard.try_claim(SLOT.replace("09:00", "10:00"))  # another slot is free
            guard.release_claim(SLOT.replace("09:00", "10:00"))
    finally:
        _kill(holder, database)
    with instance_guard(database, (1,)) as guard:
        assert guard.try_claim(SLOT)  # the dead holder's claim went with it
        guard.release_claim(SLOT)


async def test_claim_is_held_for_the_block_and_given_back(database: str) -> None:
    """``claim`` grants a free name for the block and releases it after, for others to take."""
    with instance_guard(database, (0,)) as guard:
        async with guard.claim(SLOT) as mine:
            assert mine
            assert not await asyncio.to_thread(_other_claims, database, SLOT)
        assert await asyncio.to_thread(_other_claims, database, SLOT)


def _other_claims(database: str, name: str) -> bool:
    """Whether another process can claim ``name`` now (it tries, then exits)."""
    done = subprocess.run(
        [sys.executable, "-c", CLAIM, name],
        env={**os.environ, "PITWALL_DATABASE": database},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return done.stdout.strip() == "True"


CLAIM = """
import os, sys
from bot.instance_lock import instance_guard
with instance_guard(os.environ["PITWALL_DATABASE"], (7,)) as guard:
    print(guard.try_claim(sys.argv[1]))
"""


def test_refusal_never_shows_the_password(pg_url: DatabaseUrl) -> None:
    """A refused second claimant names the server, never the password in its URL."""
    holder = _hold(pg_url, "3")
    try:
        with pytest.raises(ConfigError) as refused:
            instance_guard(pg_url, (3,)).acquire()
    finally:
        _kill(holder, pg_url)
    line = str(refused.value)
    assert "shard 3" in line and "***@127.0.0.1" in line, line
    password = urlsplit(pg_url).password
    assert password and password not in line


def test_unreachable_server_is_one_line_without_the_password() -> None:
    """A server that cannot be reached stops the claim with one line naming the setting."""
    secret = "s3cret-Pa55"
    url = f"postgresql://pitwall:{secret}@127.0.0.1:{_closed_port()}/postgres"
    with pytest.raises(ConfigError, match="cannot reach PITWALL_DATABASE") as refused:
        instance_guard(url, (0,)).acquire()
    assert secret not in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize(
    ("database", "kind"),
    [
        ("pitwall.db", InstanceLock),
        ("/var/lib/pitwall/store.db", InstanceLock),
        ("postgresql://u:p@db.example:5432/pitwall", AdvisoryLock),
        ("postgres://u@db/pitwall", AdvisoryLock),
    ],
)
def test_the_database_setting_chooses_the_guard(database: str, kind: type) -> None:
    """A path is guarded by a file lock, a PostgreSQL URL by advisory locks."""
    assert isinstance(instance_guard(database), kind)
    assert is_database_url(database) == (kind is AdvisoryLock)


def _closed_port() -> int:
    """A loopback port nobody listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
