"""One running process per store (and per shard): an OS file lock beside the database.

A lock file rather than a row in the store: the kernel drops it the moment the process
dies, even on SIGKILL, so a crash never leaves a stale lock for a moderator to clear.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from bot.errors import ConfigError

__all__ = ["InstanceLock"]


class InstanceLock:
    """Hold an exclusive lock on a file (or on a list of shard slots) for a process's lifetime."""

    def __init__(self, database: Path, shard_ids: tuple[int, ...] | None = None) -> None:
        self.database = database
        self.shard_ids = shard_ids
        self._fds: list[int] = []

    def _locks(self) -> list[tuple[Path, int, str]]:
        """(file, flock mode, what it guards). Shards share the database lock, so an
        unsharded process (which serves every guild) excludes them all, and vice versa."""
        base = self.database
        if self.shard_ids is None:
            return [(Path(f"{base}.lock"), fcntl.LOCK_EX, "this database")]
        shared = [(Path(f"{base}.lock"), fcntl.LOCK_SH, "this database unsharded")]
        return shared + [
            (Path(f"{base}.shard-{sid}.lock"), fcntl.LOCK_EX, f"shard {sid}")
            for sid in self.shard_ids
        ]

    def acquire(self) -> None:
        """Take every lock or none; refuse with one clear line when another process holds one."""
        try:
            for path, mode, what in self._locks():
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    fcntl.flock(fd, mode | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    raise ConfigError(
                        f"another Pitwall process is already running {what} on {self.database} "
                        "(two bots on one store post everything twice); stop it first"
                    ) from None
                self._fds.append(fd)
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        while self._fds:
            fd = self._fds.pop()
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
