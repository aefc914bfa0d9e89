"""pytest plugin: the ``emulator`` fixture, the ``bot_launcher`` fixture and :class:`BotProcess`.

Enable with ``pytest_plugins = ["tests.emulator.fixtures"]`` in ``tests/conftest.py``.
The bot always runs as a separate process through ``launch_bot.py``, so the test exercises the
same code path as production, only with discord.py pointed at 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import pytest
import pytest_asyncio

from .emulator import DiscordEmulator

log = logging.getLogger(__name__)

__all__ = ["BotProcess", "bot_launcher", "emulator"]

REPO_ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = Path(__file__).resolve().parent / "launch_bot.py"


class BotProcess:
    """A bot running in a subprocess against an emulator, with its output captured to files."""

    def __init__(
        self,
        emu: DiscordEmulator,
        process: asyncio.subprocess.Process,
        log_path: Path,
        log_file: IO[bytes],
        started_at: float,
        guild_id: int | None,
    ) -> None:
        self.emu = emu
        self.process = process
        self.log_path = log_path
        self._log_file = log_file
        self.started_at = started_at
        self.guild_id = guild_id
        self._closed = False

    @classmethod
    async def start(
        cls,
        emu: DiscordEmulator,
        args: Sequence[str] = ("run",),
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        entry: str = "bot.cli:main",
        *,
        guild_id: int | None = None,
        log_dir: str | os.PathLike[str],
    ) -> BotProcess:
        """Spawn ``launch_bot.py --api-base ... --entry ... -- args``.

        The environment gets DISCORD_TOKEN (the emulator's) and PITWALL_GUILD_ID (default guild
        unless ``guild_id`` is given; pass 0 to leave it unset), then ``env`` on top.
        """
        gid = emu.guild_id if guild_id is None else guild_id
        full_env = dict(os.environ)
        full_env.update({"DISCORD_TOKEN": emu.token, "PYTHONUNBUFFERED": "1"})
        if gid:
            full_env["PITWALL_GUILD_ID"] = str(gid)
        else:
            full_env.pop("PITWALL_GUILD_ID", None)
        full_env.update(env or {})
        # The caller names the folder (a pytest tmp_path, a bench's work folder): a temporary
        # folder made here was never removed, and every run left one in /tmp.
        directory = Path(log_dir)
        directory.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - a local folder
        log_path = directory / f"bot-{int(time.time() * 1000)}.log"
        # The child needs a real file descriptor; a tiny local open() is fine in the loop.
        log_file = open(log_path, "wb")  # noqa: ASYNC230, SIM115 - closed in close()
        command = [
            sys.executable,
            str(LAUNCHER),
            "--api-base",
            emu.api_base,
            "--gateway-url",
            emu.gateway_url,
            "--entry",
            entry,
            "--",
            *args,
        ]
        started_at = time.monotonic()
        process = await asyncio.create_subprocess_exec(
            *command,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log_file,
            stderr=asyncio.subprocess.STDOUT,
            cwd=str(cwd or REPO_ROOT),
            env=full_env,
        )
        log.info("started bot pid %s: %s", process.pid, " ".join(command[1:]))
        return cls(emu, process, log_path, log_file, started_at, gid or None)

    @property
    def returncode(self) -> int | None:
        """Return the exit code, or None while running."""
        return self.process.returncode

    def output(self) -> str:
        """Return everything the process wrote to stdout and stderr so far."""
        if not self._log_file.closed:
            self._log_file.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    async def wait_ready(
        self,
        timeout: float = 20.0,  # noqa: ASYNC109 - timeouts are part of the test API
        *,
        shard_id: int = 0,
        commands: bool | None = None,
    ) -> None:
        """Wait until this process IDENTIFYed and got READY (and synced commands to its guild).

        ``commands`` defaults to True when a guild id was set; it then waits until the guild
        has registered commands (synced now or earlier).
        """
        need_commands = self.guild_id is not None if commands is None else commands

        def ready() -> bool | None:
            if self.process.returncode is not None:
                raise AssertionError(
                    f"bot exited with {self.process.returncode} before READY:\n{self.output()}"
                )
            session = self.emu.gateway.by_shard.get(shard_id)
            if session is None or not session.ready or session.created_at < self.started_at:
                return None
            if need_commands and not self.emu.commands_for(self.guild_id):
                return None
            return True

        try:
            await self.emu.wait_for(ready, timeout, "the bot to be ready")
        except TimeoutError as exc:
            raise TimeoutError(f"{exc}\n--- bot output ---\n{self.output()}") from None

    async def wait(self, timeout: float = 10.0) -> int:  # noqa: ASYNC109 - timeouts are part of the test API
        """Wait for the process to exit and return its code."""
        return await asyncio.wait_for(self.process.wait(), timeout)

    async def terminate(self, timeout: float = 10.0) -> int:  # noqa: ASYNC109 - timeouts are part of the test API
        """Send SIGTERM and wait for the exit code (SIGKILL if it does not stop in time)."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return await self.wait(timeout)
        except TimeoutError:
            self.kill()
            await self.process.wait()
            raise AssertionError(f"bot ignored SIGTERM for {timeout}s:\n{self.output()}") from None

    def kill(self) -> None:
        """Send SIGKILL (no cleanup in the bot)."""
        if self.process.returncode is None:
            self.process.kill()

    async def close(self) -> None:
        """Kill if still running, reap the process, close the log; check the token never leaked."""
        if self._closed:
            return
        self._closed = True
        if self.process.returncode is None:
            self.kill()
        await self.process.wait()
        output = self.output()
        self._log_file.close()
        assert self.emu.token not in output, (
            f"the bot token appears in the bot's output ({self.log_path})"
        )

    async def __aenter__(self) -> BotProcess:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


Launcher = Callable[..., Awaitable[BotProcess]]


@pytest_asyncio.fixture
async def emulator() -> AsyncIterator[DiscordEmulator]:
    """Yield a started emulator; fail the test if any payload broke Discord's or Pitwall's rules."""
    emu = DiscordEmulator()
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()
    assert emu.violations == [], "payload violations:\n" + "\n".join(emu.violations)


@pytest_asyncio.fixture
async def bot_launcher(emulator: DiscordEmulator, tmp_path: Path) -> AsyncIterator[Launcher]:
    """Yield ``launch(args=..., env=..., entry=..., cwd=...)`` that starts a BotProcess.

    Every process started is killed (if still running) and checked for token leaks at teardown,
    before the emulator stops.
    """
    started: list[BotProcess] = []

    async def launch(
        args: Sequence[str] = ("run",),
        env: Mapping[str, str] | None = None,
        entry: str = "bot.cli:main",
        cwd: str | os.PathLike[str] | None = None,
        **kwargs: Any,
    ) -> BotProcess:
        proc = await BotProcess.start(
            emulator,
            args=args,
            env=env,
            entry=entry,
            cwd=cwd,
            log_dir=tmp_path / "bot-logs",
            **kwargs,
        )
        started.append(proc)
        return proc

    try:
        yield launch
    finally:
        errors: list[BaseException] = []
        for proc in started:
            try:
                await proc.close()
            except AssertionError as exc:
                errors.append(exc)
        if errors:
            raise errors[0]


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker used by emulator end-to-end tests."""
    config.addinivalue_line(
        "markers", "e2e: end-to-end test running the bot against the local Discord"
    )
