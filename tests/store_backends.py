"""pytest plugin: the store on either database, for suites that run on both.

A test module that sets ``BOTH_DATABASES = True`` runs each test taking ``store`` (or
``store_target``) twice, ``[sqlite]`` and ``[postgresql]``; elsewhere they run on SQLite
only. PostgreSQL is cheap: the schema is migrated once per session into one database, and
each test finds it emptied (TRUNCATE ... RESTART IDENTITY), as new as a fresh one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from bot.store import Store
from tests.pg_server import DatabaseUrl

__all__ = ["backend", "database_url", "pg_database_url", "pg_tests_database", "store_target"]

BACKENDS = ("sqlite", "postgresql")
_DATABASE = "pitwall_tests"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run a BOTH_DATABASES module's store tests once per database."""
    if "backend" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_DATABASES", False):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


def database_url(url: str, name: str) -> DatabaseUrl:
    """``url`` naming another database on the same server."""
    return DatabaseUrl(urlsplit(url)._replace(path=f"/{name}").geturl())


@pytest.fixture(scope="session")
def pg_tests_database(pg_url: DatabaseUrl) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """A database migrated once per session for the store tests, and a connection to it
    that empties it between tests."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {_DATABASE}")
        conn.execute(f"CREATE DATABASE {_DATABASE}")
    url = database_url(pg_url, _DATABASE)

    async def migrate() -> None:
        async with await Store.open(url):
            pass

    asyncio.run(migrate())
    with psycopg.connect(url, autocommit=True) as conn:
        yield conn


_EMPTY: dict[str, str] = {}


def _empty_sql(conn: psycopg.Connection[tuple[object, ...]]) -> str:
    """One script deleting every row (foreign keys unchecked meanwhile: the session's user is
    the server's superuser) and restarting every identity, read from the catalog once."""
    if "sql" not in _EMPTY:
        tables = [
            str(row[0])
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename NOT IN ('pitwall_schema', 'pitwall_meta')"
            ).fetchall()
        ]
        sequences = [
            str(row[0])
            for row in conn.execute(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()"
            ).fetchall()
        ]
        _EMPTY["sql"] = (
            "SET session_replication_role = replica;"
            + "".join(f"DELETE FROM {t};" for t in tables)
            + "".join(f"ALTER SEQUENCE {s} RESTART;" for s in sequences)
            + "UPDATE pitwall_meta SET articles_version = 0;"
            + "SET session_replication_role = DEFAULT;"
        )
    return _EMPTY["sql"]


@pytest.fixture
def pg_database_url(
    pg_url: DatabaseUrl, pg_tests_database: psycopg.Connection[tuple[object, ...]]
) -> DatabaseUrl:
    """The session's PostgreSQL test database, emptied for this test: every row but the
    schema's own deleted and ids restarting at 1, as in a new database (and some twenty
    times cheaper than CREATE DATABASE for each test)."""
    pg_tests_database.execute(_empty_sql(pg_tests_database))
    return database_url(pg_url, _DATABASE)


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
