"""Helpers for end-to-end tests: read what a user would see in a bot message."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any

from bot.store.dialect import is_database_url
from tests.emulator import DiscordEmulator
from tests.emulator.fixtures import BotProcess

EPHEMERAL = 1 << 6


def store_rows(database: Path | str, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Read the bot's store from outside, as it is on disk or on the server, on either
    database (SQLite's ``?`` placeholders; a PostgreSQL URL is connected to with psycopg)."""
    if is_database_url(str(database)):
        import psycopg

        with psycopg.connect(str(database), autocommit=True) as conn:
            return [tuple(r) for r in conn.execute(sql.replace("?", "%s"), params).fetchall()]
    with contextlib.closing(sqlite3.connect(database, timeout=5)) as db, db:
        return db.execute(sql, params).fetchall()


def text_of(message: dict[str, Any]) -> str:
    """Everything a user reads in a message: content, then each embed's visible text."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts.append((embed.get("author") or {}).get("name", ""))
        parts.append(embed.get("title", ""))
        parts.append(embed.get("description", ""))
        for field in embed.get("fields") or []:
            parts.append(field.get("name", ""))
            parts.append(field.get("value", ""))
        parts.append((embed.get("footer") or {}).get("text", ""))
    return "\n".join(p for p in parts if p)


def is_ephemeral(message: dict[str, Any]) -> bool:
    return bool(int(message.get("flags") or 0) & EPHEMERAL)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Every button on the message, in order."""
    found = []
    for row in message.get("components") or []:
        for component in row.get("components") or []:
            if component.get("type") == 2:
                found.append(component)
    return found


def button(message: dict[str, Any], label: str) -> dict[str, Any] | None:
    """The button with this label, or None."""
    for found in buttons(message):
        if found.get("label") == label:
            return found
    return None


@contextlib.asynccontextmanager
async def live_bot(
    tmp: Path, env: Mapping[str, str] | None = None, entry: str = "bot.cli:main"
) -> AsyncIterator[tuple[DiscordEmulator, BotProcess]]:
    """An emulator and the real bot process (``run``, through ``entry``) on a store in ``tmp``,
    ready for commands.

    On the way out the bot must stop cleanly on SIGTERM (exit 0), and no payload it sent may
    have broken Discord's limits or the no-ping rule.
    """
    emu = DiscordEmulator()
    await emu.start()
    bot = await BotProcess.start(
        emu,
        ["run"],
        env={"PITWALL_DATABASE": str(tmp / "p.db"), **(env or {})},
        entry=entry,
        log_dir=tmp / "bot-logs",
    )
    try:
        await bot.wait_ready(30)
        yield emu, bot
        assert await bot.terminate() == 0, bot.output()
    finally:
        await bot.close()
        await emu.stop()
    assert emu.violations == [], "\n".join(emu.violations)
