"""Shared fixtures: a real SQLite store per test, and the local Discord emulator plugin."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import Store

pytest_plugins = ["tests.emulator.fixtures", "tests.conftest_pg", "tests.store_backends"]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "2021-04-20-russell-bottas.txt"


@pytest.fixture
async def store(store_target: Path | str) -> AsyncIterator[Store]:
    """A fresh, migrated store: its own file, or its own PostgreSQL database in modules that
    run on both (tests/store_backends.py)."""
    async with await Store.open(store_target) as opened:
        yield opened


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seed article, loaded once through the real CLI and closed cleanly,
    so the file alone holds it all."""
    from tests.cli_support import run_cli

    path = tmp_path_factory.mktemp("seeded") / "pitwall.db"
    done = run_cli("ingest", str(SEED), cwd=path.parent, database=path)
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def database(seeded: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded store."""
    path = tmp_path / "store" / "pitwall.db"
    path.parent.mkdir()
    shutil.copyfile(seeded, path)
    return path
