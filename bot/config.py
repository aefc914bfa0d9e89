"""Settings read from .env, then the environment, into one frozen object.

Every setting is checked here, once, so a bad value becomes one line that names it instead
of a traceback deep inside the bot. The token is kept out of ``repr`` so it cannot leak into
a log line or an error report by accident.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

from bot.errors import ConfigError
from bot.store.dialect import DatabaseUrl, is_database_url, redact

__all__ = ["SETTINGS_HELP", "Settings", "load_settings"]

#: Every setting, its default and what it means; the README and .env.example mirror this.
SETTINGS_HELP: dict[str, tuple[str | None, str]] = {
    "DISCORD_TOKEN": (None, "the bot token from the Developer Portal (needed by run and sync)"),
    "PITWALL_DATABASE": (
        "pitwall.db",
        "path of the SQLite store, or postgresql://user:password@host:port/db",
    ),
    "PITWALL_DATA_DIR": ("data", "folder holding articles/ and their annotation files"),
    "PITWALL_GUILD_ID": (None, "a server ID; run syncs the commands to it at start"),
    "LOG_LEVEL": ("INFO", "DEBUG, INFO, WARNING, ERROR or CRITICAL"),
    "PITWALL_RECAP_GRACE": ("6h", "how late a missed recap slot may still be posted"),
    "PITWALL_SHARD_COUNT": (None, "total shards when running several processes"),
    "PITWALL_SHARD_IDS": (None, "comma-separated shard IDs this process runs, e.g. 0,1"),
    "PITWALL_FEED_INTERVAL": ("15m", "how often each news feed is polled (with jitter)"),
    "PITWALL_ALLOW_PRIVATE_URLS": ("0", "1 lets links and feeds reach private addresses"),
    "PITWALL_FETCH_TIMEOUT": ("20s", "how long one page or feed may take to arrive"),
    "PITWALL_HOST_INTERVAL": ("3s", "the least time between two requests to one host"),
}

_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "": 3600}


@dataclass(frozen=True, slots=True)
class Settings:
    """The validated configuration of one Pitwall process."""

    token: str | None = field(default=None, repr=False)
    #: An SQLite file, or a PostgreSQL URL (a DatabaseUrl: its repr hides the password).
    database: Path | DatabaseUrl = Path("pitwall.db")
    data_dir: Path = Path("data")
    guild_id: int | None = None
    log_level: str = "INFO"
    recap_grace: timedelta = timedelta(hours=6)
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    # Article intake (bot/intake): links and feeds.
    feed_interval: timedelta = timedelta(minutes=15)
    allow_private_urls: bool = False
    fetch_timeout: timedelta = timedelta(seconds=20)
    host_interval: timedelta = timedelta(seconds=3)

    @property
    def articles_dir(self) -> Path:
        return self.data_dir / "articles"

    def require_token(self) -> str:
        """Return the token, or explain how to set it; only run and sync need one."""
        if not self.token:
            raise ConfigError(
                "DISCORD_TOKEN is not set: expected the bot token from the Discord Developer "
                "Portal, in .env or the environment"
            )
        return self.token


def _snowflake(name: str, raw: str) -> int:
    if not raw.isdigit() or not 15 <= len(raw) <= 20:
        raise ConfigError(f"{name} must be a Discord ID (15 to 20 digits), got {raw!r}")
    return int(raw)


def _duration(name: str, raw: str) -> timedelta:
    match = _DURATION.match(raw)
    if not match:
        raise ConfigError(f"{name} must be a duration such as 6h, 90m or 3600s, got {raw!r}")
    return timedelta(seconds=float(match[1]) * _UNITS[match[2].lower()])


def _database(raw: str) -> Path | DatabaseUrl:
    """An SQLite path, or a PostgreSQL URL checked enough to fail here, password unshown."""
    if is_database_url(raw):
        parts = urlsplit(raw)
        try:
            parts.port  # noqa: B018 (raises on a port that is not a number)
        except ValueError:
            raise ConfigError(
                f"PITWALL_DATABASE has a bad port: expected postgresql://user:password@host:port/"
                f"database, got {redact(raw)!r}"
            ) from None
        if not parts.hostname or not parts.path.strip("/"):
            raise ConfigError(
                "PITWALL_DATABASE must name a host and a database: expected "
                f"postgresql://user:password@host:port/database, got {redact(raw)!r}"
            )
        return DatabaseUrl(raw)
    database = Path(raw)
    if database.exists() and database.is_dir():
        raise ConfigError(f"PITWALL_DATABASE must be a file path, {database} is a folder")
    return database


def _parse(values: Mapping[str, str | None]) -> Settings:
    def get(name: str) -> str | None:
        raw = values.get(name)
        if raw is None or not raw.strip():
            return SETTINGS_HELP[name][0]
        return raw.strip()

    token = get("DISCORD_TOKEN")
    if token is not None and (any(ch.isspace() for ch in token) or len(token) < 20):
        raise ConfigError(
            "DISCORD_TOKEN looks malformed: expected the bot token from the Developer Portal "
            "(no spaces, usually about 70 characters)"
        )
    level = (get("LOG_LEVEL") or "INFO").upper()
    if level not in _LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(_LEVELS)}, got {level!r}")
    database = _database(get("PITWALL_DATABASE") or "pitwall.db")
    guild = get("PITWALL_GUILD_ID")
    grace = _duration("PITWALL_RECAP_GRACE", get("PITWALL_RECAP_GRACE") or "6h")

    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    raw_count, raw_ids = get("PITWALL_SHARD_COUNT"), get("PITWALL_SHARD_IDS")
    if raw_count is not None:
        if not raw_count.isdigit() or int(raw_count) < 1:
            raise ConfigError(f"PITWALL_SHARD_COUNT must be a whole number >= 1, got {raw_count!r}")
        shard_count = int(raw_count)
    if raw_ids is not None:
        if shard_count is None:
            raise ConfigError("PITWALL_SHARD_IDS needs PITWALL_SHARD_COUNT to be set too")
        parts = [p.strip() for p in raw_ids.split(",") if p.strip()]
        if not parts or not all(p.isdigit() and int(p) < shard_count for p in parts):
            raise ConfigError(
                f"PITWALL_SHARD_IDS must list shard numbers from 0 to {shard_count - 1}, "
                f"comma-separated, got {raw_ids!r}"
            )
        shard_ids = tuple(sorted({int(p) for p in parts}))

    feed_interval = _duration("PITWALL_FEED_INTERVAL", get("PITWALL_FEED_INTERVAL") or "15m")
    if feed_interval < timedelta(minutes=1):
        raise ConfigError("PITWALL_FEED_INTERVAL must be at least 1m, so feeds are not hammered")
    fetch_timeout = _duration("PITWALL_FETCH_TIMEOUT", get("PITWALL_FETCH_TIMEOUT") or "20s")
    if not timedelta(0) < fetch_timeout <= timedelta(minutes=5):
        raise ConfigError("PITWALL_FETCH_TIMEOUT must be more than 0s and at most 5m")
    host_interval = _duration("PITWALL_HOST_INTERVAL", get("PITWALL_HOST_INTERVAL") or "3s")
    if host_interval > timedelta(minutes=10):
        raise ConfigError("PITWALL_HOST_INTERVAL must be at most 10m")
    allow_private = (get("PITWALL_ALLOW_PRIVATE_URLS") or "0").lower()
    if allow_private not in ("0", "1", "true", "false", "yes", "no"):
        raise ConfigError(f"PITWALL_ALLOW_PRIVATE_URLS must be 0 or 1, got {allow_private!r}")

    return Settings(
        token=token,
        database=database,
        data_dir=Path(get("PITWALL_DATA_DIR") or "data"),
        guild_id=_snowflake("PITWALL_GUILD_ID", guild) if guild else None,
        log_level=level,
        recap_grace=grace,
        shard_count=shard_count,
        shard_ids=shard_ids,
        feed_interval=feed_interval,
        allow_private_urls=allow_private in ("1", "true", "yes"),
        fetch_timeout=fetch_timeout,
        host_interval=host_interval,
    )


def load_settings(
    env_file: Path | str | None = ".env", environ: Mapping[str, str] | None = None
) -> Settings:
    """Read ``env_file`` (if present), let the environment override it, and validate.

    The environment wins so that a deployment can override a checked-out .env without
    editing it.
    """
    values: dict[str, str | None] = {}
    if env_file is not None and Path(env_file).is_file():
        values.update(dotenv_values(env_file))
    values.update(os.environ if environ is None else environ)
    settings = _parse(values)
    logging.getLogger(__name__).debug("settings loaded: %r", settings)
    return settings
