"""pytest plugin: the store on either database, for suites that run on both.

A test module that sets ``BOTH_DATABASES = True`` runs each test taking ``store`` (or
``store_target``) twice, ``[sqlite]`` and ``[postgresql]``; elsewhere they run on SQLite
only. PostgreSQL databases are cheap: the schema is migrated once per session into a
template database, and each test gets ``CREATE DATABASE ... TEMPLATE`` of it (a file copy
on the server), dropped afterwards.
"""

from __future__ import annotations

import asyncio
import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from bot.store import Store
from tests.pg_server import DatabaseUrl

__all__ = ["backend", "database_url", "pg_database_url", "pg_template", "store_target"]

BACKENDS = ("sqlite", "postgresql")
_TEMPLATE = "pitwall_template"
_NAMES = itertools.count(1)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run a BOTH_DATABASES module's store tests once per database."""
    if "backend" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_DATABASES", False):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


def database_url(url: str, name: str) -> DatabaseUrl:
    """``url`` naming another database on the same server."""
    return DatabaseUrl(urlsplit(url)._replace(path=f"/{name}").geturl())


@pytest.fixture(scope="session")
def pg_template(pg_url: DatabaseUrl) -> str:
    """A database migrated to the latest schema, once per session: each test's starts here."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {_TEMPLATE}")
        conn.execute(f"CREATE DATABASE {_TEMPLATE}")

    async def migrate() -> None:
        async with await Store.open(database_url(pg_url, _TEMPLATE)):
            pass

    asyncio.run(migrate())
    return _TEMPLATE


@pytest.fixture
def pg_database_url(pg_url: DatabaseUrl, pg_template: str) -> Iterator[DatabaseUrl]:
    """A fresh, migrated PostgreSQL database of this test's own, dropped after it."""
    name = f"pitwall_test_{os.getpid()}_{next(_NAMES)}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    try:
        yield database_url(pg_url, name)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database this test's store is on (SQLite unless its module runs on both)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def store_target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """What ``Store.open`` takes for this test: an SQLite file, or a PostgreSQL URL."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_database_url")
    return tmp_path / "pitwall.db"
