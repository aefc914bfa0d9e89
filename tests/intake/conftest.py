"""Fixtures for the intake tests: the local news site, and an Intake on a fresh store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.intake import Intake
from bot.intake.fetch import Fetcher
from bot.store import Store
from tests.intake.site import NewsSite

#: Short enough that the slow-server test takes a moment, long enough for a loaded machine.
TIMEOUT = 1.5


@pytest.fixture
async def site() -> AsyncIterator[NewsSite]:
    """The local news site on 127.0.0.1, empty until a test adds pages."""
    server = NewsSite()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for one test: its own data folder, feeds every 15 minutes, no host pacing."""
    (tmp_path / "data" / "articles").mkdir(parents=True)
    return Settings(
        database=tmp_path / "pitwall.db",
        data_dir=tmp_path / "data",
        feed_interval=timedelta(minutes=15),
        allow_private_urls=True,
        fetch_timeout=timedelta(seconds=TIMEOUT),
        host_interval=timedelta(0),
    )


@pytest.fixture
async def intake(store: Store, settings: Settings) -> AsyncIterator[Intake]:
    """An Intake that may reach 127.0.0.1 (the local site) and nothing else private."""
    fetcher = Fetcher(allow_private=False, exempt=["127.0.0.1"], timeout=TIMEOUT,
                      host_interval=0)  # fmt: skip
    async with Intake(store, settings, fetcher=fetcher) as opened:
        yield opened
