"""A throwaway PostgreSQL server for the tests, started from the machine's own binaries.

Red-DiscordBot's habit: tests run against real storage in a temporary directory. Nothing is
installed or configured beforehand: :func:`start_server` runs ``initdb`` into a fresh temporary
directory (a superuser with a random password, SCRAM authentication), starts ``postgres`` on a
free loopback port with its Unix socket in that directory and durability off (fsync, WAL
flushes: a test server that loses its data in a power cut loses nothing of value), waits until
it accepts connections, and :meth:`PgServer.stop` ends it and removes the directory.

PostgreSQL refuses to run as root. Run as root (as CI is), the server and ``initdb`` run as the
unprivileged ``postgres`` system user the Debian packages create (``PITWALL_PG_USER`` names
another); run as anyone else, as that user.

The password is in :attr:`PgServer.url` for the code that connects, and nowhere else: not in a
repr, an error message, the process list or a log line.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

__all__ = [
    "DatabaseUrl",
    "PgServer",
    "ServerUnavailable",
    "find_binaries",
    "start_server",
]

log = logging.getLogger(__name__)

#: Where Debian and Ubuntu put each installed major version's server programs.
DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin"
#: The superuser initdb creates; tests connect as it.
SUPERUSER = "pitwall"
#: How long the server may take to accept connections after it is started.
READY_TIMEOUT = 30.0
#: How long a fast shutdown may take before the server is killed.
STOP_TIMEOUT = 10.0
#: Speed over durability, and a log quiet enough to read when start-up fails.
SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "100",
    "logging_collector": "off",
    "log_min_messages": "warning",
}
_READY = "database system is ready to accept connections"


class ServerUnavailable(Exception):
    """No PostgreSQL server could be started here; the message says why (never the password)."""


class DatabaseUrl(str):
    """A connection URL whose repr hides the password, so a failing assert cannot show it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", str(self)))


@dataclass
class PgServer:
    """A running server: where it listens, the URL to reach it, and how to stop it."""

    host: str
    port: int
    user: str
    database: str
    directory: Path
    version: str
    _password: str = field(repr=False)
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> DatabaseUrl:
        """``postgresql://user:password@127.0.0.1:port/database``, password included."""
        return DatabaseUrl(
            f"postgresql://{quote(self.user, safe='')}:{quote(self._password, safe='')}"
            f"@{self.host}:{self.port}/{quote(self.database, safe='')}"
        )

    @property
    def socket_dir(self) -> Path:
        """The directory holding the server's Unix socket."""
        return self.directory

    @property
    def log_path(self) -> Path:
        """The server's own log (start-up problems are there)."""
        return self.directory / "server.log"

    def running(self) -> bool:
        """Whether the server process is still alive."""
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        """Shut the server down (SIGINT: fast shutdown, killed if slow) and remove its files."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                log.warning("PostgreSQL did not stop within %.0f s; killing it", STOP_TIMEOUT)
                process.kill()
                process.wait()
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> PgServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def find_binaries(bin_dir: Path | None = None) -> Path:
    """The directory holding ``initdb`` and ``postgres``: given, Debian's newest, or on PATH."""
    candidates: list[Path] = []
    if bin_dir is not None:
        candidates.append(bin_dir)
    else:
        if os.environ.get("PITWALL_PG_BIN"):
            candidates.append(Path(os.environ["PITWALL_PG_BIN"]))
        debian = sorted(
            Path("/").glob(DEBIAN_BINARIES.lstrip("/")),
            key=lambda p: _version_key(p.parent.name),
            reverse=True,
        )
        candidates += debian
        on_path = shutil.which("initdb")
        if on_path:
            candidates.append(Path(on_path).parent)
    for directory in candidates:
        if (directory / "initdb").is_file() and (directory / "postgres").is_file():
            return directory
    looked = ", ".join(str(c) for c in candidates) or f"{DEBIAN_BINARIES} and PATH"
    raise ServerUnavailable(
        f"no PostgreSQL server programs (initdb and postgres) found in {looked}; "
        "install them (Debian: apt-get install postgresql) or set PITWALL_PG_BIN"
    )


def start_server(
    *,
    bin_dir: Path | None = None,
    database: str = "postgres",
    settings: dict[str, str] | None = None,
) -> PgServer:
    """Create a cluster in a new temporary directory, start it, and wait until it is ready.

    Raises :class:`ServerUnavailable` with the reason (and the server log's tail) when any
    step fails; the temporary directory is removed then.
    """
    binaries = find_binaries(bin_dir)
    account = _server_account()
    directory = Path(tempfile.mkdtemp(prefix="pitwall-pg-"))
    password = secrets.token_urlsafe(24)
    server: PgServer | None = None
    try:
        if account is not None:
            os.chown(directory, account.pw_uid, account.pw_gid)
        directory.chmod(0o700)
        version = _run(account, [str(binaries / "postgres"), "--version"], directory).strip()
        _initdb(binaries, account, directory, password)
        server = _launch(
            binaries, account, directory, password, version, database, settings or SETTINGS
        )
        return server
    except BaseException:
        if server is not None:
            server.stop()
        shutil.rmtree(directory, ignore_errors=True)
        raise


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", name)) or (0,)


def _server_account() -> pwd.struct_passwd | None:
    """The account the server runs as: None for the current one, unless that is root."""
    if os.geteuid() != 0:
        return None
    name = os.environ.get("PITWALL_PG_USER", "postgres")
    try:
        return pwd.getpwnam(name)
    except KeyError:
        raise ServerUnavailable(
            f"running as root, and PostgreSQL refuses root, but there is no {name!r} user to "
            "run it as (create one, or set PITWALL_PG_USER to an unprivileged user)"
        ) from None


def _child_env(account: pwd.struct_passwd | None) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}
    if account is not None:
        env |= {"HOME": account.pw_dir, "USER": account.pw_name, "LOGNAME": account.pw_name}
    return env


@dataclass(frozen=True, slots=True)
class _Drop:
    """Popen's ``user``, ``group`` and ``extra_groups``: root drops to the server's account."""

    user: int | None = None
    group: int | None = None
    extra_groups: list[int] | None = None


def _drop_to(account: pwd.struct_passwd | None) -> _Drop:
    if account is None:
        return _Drop()
    return _Drop(account.pw_uid, account.pw_gid, [])  # and root's supplementary groups


def _run(account: pwd.struct_passwd | None, args: Sequence[str], cwd: Path) -> str:
    """Run a server program to completion; its output, or ServerUnavailable with the reason."""
    drop = _drop_to(account)
    try:
        done = subprocess.run(
            list(args),
            cwd=cwd,
            env=_child_env(account),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            user=drop.user,
            group=drop.group,
            extra_groups=drop.extra_groups,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise ServerUnavailable(f"{Path(args[0]).name} could not run: {exc}") from None
    if done.returncode != 0:
        tail = _tail(done.stderr or done.stdout)
        raise ServerUnavailable(f"{Path(args[0]).name} failed ({done.returncode}): {tail}")
    return done.stdout


def _initdb(
    binaries: Path, account: pwd.struct_passwd | None, directory: Path, password: str
) -> None:
    """A new cluster in ``directory/data``: UTF-8, SCRAM only, the password from a file."""
    pwfile = directory / "pwfile"
    fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(password + "\n")
    if account is not None:
        os.chown(pwfile, account.pw_uid, account.pw_gid)
    locale = ["--locale=C.UTF-8"] if _has_c_utf8() else ["--no-locale"]
    try:
        _run(
            account,
            [
                str(binaries / "initdb"),
                "--pgdata", str(directory / "data"),
                "--username", SUPERUSER,
                "--pwfile", str(pwfile),
                "--auth", "scram-sha-256",
                "--encoding", "UTF8",
                *locale,
                "--no-sync",
            ],
            directory,
        )  # fmt: skip
    finally:
        pwfile.unlink(missing_ok=True)


def _has_c_utf8() -> bool:
    """Whether the C.UTF-8 locale exists (it classifies non-ASCII letters, unlike plain C)."""
    try:
        listed = subprocess.run(
            ["locale", "-a"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return any(name.lower().replace("-", "") == "c.utf8" for name in listed.split())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _launch(
    binaries: Path,
    account: pwd.struct_passwd | None,
    directory: Path,
    password: str,
    version: str,
    database: str,
    settings: dict[str, str],
) -> PgServer:
    """Start ``postgres`` on a free port (a few tries: another process may take the port)."""
    problem = "not started"
    drop = _drop_to(account)
    for _ in range(3):
        port = _free_port()
        options = {
            **settings,
            "listen_addresses": "127.0.0.1",
            "port": str(port),
            "unix_socket_directories": str(directory),
        }
        args = [str(binaries / "postgres"), "-D", str(directory / "data")]
        for name, value in options.items():
            args += ["-c", f"{name}={value}"]
        log_path = directory / "server.log"
        with open(log_path, "ab") as log_file:
            if account is not None:
                os.chown(log_path, account.pw_uid, account.pw_gid)
            try:
                process = subprocess.Popen(
                    args,
                    cwd=directory,
                    env=_child_env(account),
                    stdin=subprocess.DEVNULL,
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # a Ctrl-C in the terminal is the tests' to handle
                    user=drop.user,
                    group=drop.group,
                    extra_groups=drop.extra_groups,
                )
            except OSError as exc:
                raise ServerUnavailable(f"postgres could not run: {exc}") from None
        server = PgServer(
            "127.0.0.1", port, SUPERUSER, database, directory, version, password, process
        )
        problem = _wait_ready(server, log_path)
        if not problem:
            log.info("PostgreSQL (%s) for the tests on 127.0.0.1:%d", version, port)
            return server
        server._process = None
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        process.wait()
        if "could not bind" not in problem and "in use" not in problem:
            break
    raise ServerUnavailable(f"postgres did not start: {problem}")


def _wait_ready(server: PgServer, log_path: Path) -> str:
    """Empty once the server accepts connections; else why it never will (the log's tail)."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        text = log_path.read_text(encoding="utf-8", errors="replace")
        if _READY in text and _accepts(server.port):
            return ""
        if not server.running():
            return _tail(text) or "the server exited without a word"
        time.sleep(0.05)
    return f"not ready after {READY_TIMEOUT:.0f} s: " + _tail(
        log_path.read_text(encoding="utf-8", errors="replace")
    )


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _tail(text: str, lines: int = 5) -> str:
    return " | ".join(line.strip() for line in text.strip().splitlines()[-lines:])
