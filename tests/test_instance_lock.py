"""The single-instance guard: one process per store, or per shard."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.instance_lock import InstanceLock

HOLD = """
import sys, time
from pathlib import Path
from bot.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]), None if sys.argv[2] == "-" else (int(sys.argv[2]),))
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def _hold(database: Path, shard: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(database), shard], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def test_second_process_on_same_database_is_refused(tmp_path: Path) -> None:
    """While one process holds the store, another is refused with a clear line."""
    holder = _hold(tmp_path / "p.db", "-")
    try:
        with pytest.raises(ConfigError, match="another Pitwall process is already running"):
            InstanceLock(tmp_path / "p.db").acquire()
    finally:
        _stop(holder)


def test_lock_is_released_when_holder_is_killed(tmp_path: Path) -> None:
    """SIGKILL leaves no stale lock: the next process starts."""
    holder = _hold(tmp_path / "p.db", "-")
    _stop(holder)
    with InstanceLock(tmp_path / "p.db"):
        pass


def test_different_shards_share_a_store_but_not_a_shard(tmp_path: Path) -> None:
    """Shard 0 and shard 1 run side by side; a second shard 0 is refused."""
    holder = _hold(tmp_path / "p.db", "0")
    try:
        with InstanceLock(tmp_path / "p.db", (1,)):
            pass
        with pytest.raises(ConfigError, match="shard 0"):
            InstanceLock(tmp_path / "p.db", (0, 1)).acquire()
        # All-or-nothing: the failed attempt did not keep shard 1 locked.
        with InstanceLock(tmp_path / "p.db", (1,)):
            pass
    finally:
        _stop(holder)


def test_unsharded_process_excludes_shards(tmp_path: Path) -> None:
    """A process serving every guild and a shard process cannot run on one store together."""
    holder = _hold(tmp_path / "p.db", "-")
    try:
        with pytest.raises(ConfigError, match="unsharded"):
            InstanceLock(tmp_path / "p.db", (0,)).acquire()
    finally:
        _stop(holder)
