"""Shared fixtures: a real SQLite store per test, and the local Discord emulator plugin."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import Store

pytest_plugins = ["tests.emulator.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "2021-04-20-russell-bottas.txt"


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """A fresh, migrated store in its own file."""
    async with await Store.open(tmp_path / "pitwall.db") as opened:
        yield opened
