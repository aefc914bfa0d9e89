"""One running process per store, and per shard: the guard the database URL chooses.

Two bots on one store post everything twice, so a process claims its store (or its shards)
before it opens the store, and a second claimant exits with one line. Both guards are released
by someone other than the process when it dies, even on SIGKILL, so a crash never leaves a
stale lock for a moderator to clear:

- SQLite (a path): an OS file lock beside the database; the kernel drops it. One machine only,
  as the database file itself is.
- PostgreSQL (a ``postgresql://`` URL): session-level advisory locks held by a dedicated
  connection for the process's lifetime; the server drops them when that connection ends. Every
  host that reaches the server sees them.

The claims are the same on both: an unsharded process takes the whole store exclusively; a
shard process shares the whole store with other shards and takes each of its shards
exclusively. So shards 0 and 1 run side by side, a second shard 0 is refused, and an unsharded
process and a shard process exclude each other.

The same guard also claims one piece of work at a time (:meth:`InstanceGuard.claim`: a recap
slot while it is being posted), so that even two processes that both believe they own a
server (hosts set up with different ``PITWALL_SHARD_COUNT``) cannot post one slot twice. Such
a claim dies with its process too: a byte-range lock in one file beside the database
(SQLite), a second advisory lock on the guard's connection (PostgreSQL).
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import fcntl
import logging
import os
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from bot.errors import ConfigError
from bot.store.dialect import is_database_url, redact

if TYPE_CHECKING:
    import psycopg

__all__ = [
    "ADVISORY_CLASS",
    "AdvisoryLock",
    "InstanceGuard",
    "InstanceLock",
    "instance_guard",
]

log = logging.getLogger(__name__)

#: The first key of every Pitwall advisory lock (a signed 32-bit number derived from the app's
#: name), so another application's advisory locks on the same database never collide with ours.
ADVISORY_CLASS = zlib.crc32(b"pitwall instance guard") - 2**31
#: The second key standing for the whole store (shard IDs are 0 and up).
WHOLE_STORE = -1
#: The first key of a claim on one piece of work; the second is derived from its name.
CLAIM_CLASS = ADVISORY_CLASS + 1
#: How long reaching the PostgreSQL server may take before the process gives up.
CONNECT_TIMEOUT_SECONDS = 10


def claim_key(name: str) -> int:
    """A signed 32-bit number standing for a claim's name (a collision only makes one of two
    different claims wait for the other, never lets two processes hold one)."""
    return zlib.crc32(name.encode("utf-8")) - 2**31


def _scrub(text: str, database: str | os.PathLike[str]) -> str:
    """``text`` without the URL's password, even where a driver's message quotes the URL."""
    text = redact(text)
    try:
        password = urlsplit(str(database)).password
    except ValueError:
        password = None
    for secret in {password, unquote(password or "")} - {None, ""}:
        text = text.replace(str(secret), "***")
    return text


@dataclass(frozen=True, slots=True)
class Claim:
    """One lock a process takes: the shard (None: the whole store), shared or not, and what
    the refusal names."""

    shard: int | None
    shared: bool
    what: str


def claims(shard_ids: tuple[int, ...] | None) -> list[Claim]:
    """What a process running ``shard_ids`` (None: unsharded) must hold, in order."""
    if shard_ids is None:
        return [Claim(None, False, "this database")]
    return [Claim(None, True, "this database unsharded")] + [
        Claim(sid, False, f"shard {sid}") for sid in shard_ids
    ]


class InstanceGuard(abc.ABC):
    """Hold every claim of a process for its lifetime, all or none."""

    def __init__(self, database: str | os.PathLike[str], shard_ids: tuple[int, ...] | None) -> None:
        self.database = database
        self.shard_ids = shard_ids

    @abc.abstractmethod
    def acquire(self) -> None:
        """Take every claim or none; ConfigError, one clear line, when one is held elsewhere."""

    @abc.abstractmethod
    def release(self) -> None:
        """Give every claim back (also safe when nothing is held)."""

    @abc.abstractmethod
    def try_claim(self, name: str) -> bool:
        """Claim one piece of work for this process; False when another process holds it."""

    @abc.abstractmethod
    def release_claim(self, name: str) -> None:
        """Give a claim back (a process that dies gives back all of its claims)."""

    @contextlib.asynccontextmanager
    async def claim(self, name: str) -> AsyncIterator[bool]:
        """Hold ``name`` for the block if no other process holds it; yields whether it does.

        Runs off the event loop: on PostgreSQL a claim is a round trip to the server.
        """
        held = await asyncio.to_thread(self.try_claim, name)
        try:
            yield held
        finally:
            if held:
                await asyncio.to_thread(self.release_claim, name)

    def refusal(self, claim: Claim) -> ConfigError:
        """The one line a second claimant exits with (never a password)."""
        return ConfigError(
            f"another Pitwall process is already running {claim.what} on "
            f"{redact(str(self.database))} (two bots on one store post everything twice); "
            "stop it first"
        )

    def __enter__(self) -> InstanceGuard:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def instance_guard(
    database: str | os.PathLike[str], shard_ids: tuple[int, ...] | None = None
) -> InstanceGuard:
    """The guard for this database: advisory locks on PostgreSQL, a file lock on SQLite."""
    if is_database_url(str(database)):
        return AdvisoryLock(str(database), shard_ids)
    return InstanceLock(Path(database), shard_ids)


class InstanceLock(InstanceGuard):
    """SQLite: exclusive or shared ``flock`` on files beside the database."""

    def __init__(self, database: Path, shard_ids: tuple[int, ...] | None = None) -> None:
        super().__init__(database, shard_ids)
        self._fds: list[int] = []
        self._claims_fd: int | None = None

    def _path(self, claim: Claim) -> Path:
        suffix = ".lock" if claim.shard is None else f".shard-{claim.shard}.lock"
        return Path(f"{self.database}{suffix}")

    def acquire(self) -> None:
        try:
            for claim in claims(self.shard_ids):
                path = self._path(claim)
                try:
                    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
                except OSError as exc:
                    raise ConfigError(
                        f"cannot create the lock file beside {self.database} ({exc.strerror}): "
                        "its folder must be writable for this user"
                    ) from exc
                mode = fcntl.LOCK_SH if claim.shared else fcntl.LOCK_EX
                try:
                    fcntl.flock(fd, mode | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    raise self.refusal(claim) from None
                self._fds.append(fd)
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        while self._fds:
            fd = self._fds.pop()
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        if self._claims_fd is not None:
            os.close(self._claims_fd)  # drops every byte-range claim of this process
            self._claims_fd = None

    def try_claim(self, name: str) -> bool:
        # POSIX record locks on one byte per claim of a single file. The file is opened once
        # and kept open: closing any descriptor of it would drop every claim of the process.
        if self._claims_fd is None:
            self._claims_fd = os.open(f"{self.database}.claims.lock", os.O_RDWR | os.O_CREAT, 0o644)
        offset = claim_key(name) + 2**31
        try:
            fcntl.lockf(self._claims_fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset)
        except OSError:  # EACCES or EAGAIN: another process holds that byte
            return False
        return True

    def release_claim(self, name: str) -> None:
        if self._claims_fd is not None:
            fcntl.lockf(self._claims_fd, fcntl.LOCK_UN, 1, claim_key(name) + 2**31)


class AdvisoryLock(InstanceGuard):
    """PostgreSQL: session-level advisory locks on a connection kept for the process's life.

    A dedicated connection, not one from the store's pool: a pooled connection is reset, closed
    and replaced at the pool's will, and session locks go with it. ``pg_try_advisory_lock``
    never waits, so a second claimant is refused at once instead of queueing behind the first.
    """

    def __init__(self, url: str, shard_ids: tuple[int, ...] | None = None) -> None:
        super().__init__(url, shard_ids)
        self._connection: psycopg.Connection[tuple[bool]] | None = None

    def acquire(self) -> None:
        connection = self._connect()
        self._connection = connection
        try:
            for claim in claims(self.shard_ids):
                function = "pg_try_advisory_lock_shared" if claim.shared else "pg_try_advisory_lock"
                key = WHOLE_STORE if claim.shard is None else claim.shard
                row = connection.execute(
                    f"SELECT {function}(%s::int, %s::int)", (ADVISORY_CLASS, key)
                ).fetchone()
                if row is None or not row[0]:
                    raise self.refusal(claim)
        except BaseException:
            self.release()  # closing the session gives back what it took
            raise
        log.info(
            "holding %s on %s",
            ", ".join(c.what for c in claims(self.shard_ids) if not c.shared),
            redact(str(self.database)),
        )

    def _connect(self) -> psycopg.Connection[tuple[bool]]:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg comes with Pitwall's dependencies
            raise ConfigError(
                "a PostgreSQL PITWALL_DATABASE needs psycopg: pip install psycopg"
            ) from None
        try:
            return psycopg.connect(
                str(self.database),
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_SECONDS,
                application_name="pitwall instance guard",
            )
        except psycopg.Error as exc:
            reason = _scrub(" ".join(str(exc).split()) or type(exc).__name__, self.database)
            raise ConfigError(
                f"cannot reach PITWALL_DATABASE {redact(str(self.database))} to claim "
                f"{'the store' if self.shard_ids is None else 'the shards'}: {reason}"
            ) from None

    def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()

    def try_claim(self, name: str) -> bool:
        if self._connection is None:
            raise RuntimeError("claim before acquire: the guard's connection holds claims")
        row = self._connection.execute(
            "SELECT pg_try_advisory_lock(%s::int, %s::int)", (CLAIM_CLASS, claim_key(name))
        ).fetchone()
        return bool(row and row[0])

    def release_claim(self, name: str) -> None:
        if self._connection is not None:
            self._connection.execute(
                "SELECT pg_advisory_unlock(%s::int, %s::int)", (CLAIM_CLASS, claim_key(name))
            )
