"""Shared fixtures: a real SQLite store per test, and the local Discord emulator plugin."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import Store

pytest_plugins = [
    "tests.emulator.fixtures",
    "tests.conftest_pg",
    "tests.store_backends",
    "tests.pyright_run",
]

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


@pytest.fixture(scope="session")
def question_set_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and the question set's invented articles, ingested once per session through
    the real ingester: the question set's tests (tests/answers/test_question_set.py) and its
    comparison on PostgreSQL (tests/test_answers_postgresql.py) read the same file, which
    nothing writes after the build."""
    from tests.answers.scoring import articles, build

    path = tmp_path_factory.mktemp("questions") / "pitwall.db"
    asyncio.run(build(path, articles()))
    return path


@pytest.fixture(scope="session")
def question_set_answers(question_set_store: Path) -> dict[str, str]:
    """Every question in tests/answers/questions.toml asked once over ``question_set_store``
    and rendered as text: judged on SQLite, and the answers PostgreSQL must repeat."""
    from tests.answers.scoring import answer_all, load_questions

    return asyncio.run(answer_all(question_set_store, load_questions()))
