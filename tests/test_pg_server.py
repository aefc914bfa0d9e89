"""The test session's own PostgreSQL server: it starts, answers, and guards its password."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.conftest_pg import unavailable
from tests.pg_server import DatabaseUrl, PgServer, ServerUnavailable, start_server


async def test_server_answers_select_1_through_the_url(pg_url: DatabaseUrl) -> None:
    """The URL the fixture yields reaches a live server with the store's driver."""
    async with await psycopg.AsyncConnection.connect(pg_url) as conn:
        cursor = await conn.execute("SELECT 1")
        assert await cursor.fetchone() == (1,)


async def test_server_is_set_up_for_tests(pg_server: PgServer) -> None:
    """Loopback only, SCRAM passwords, UTF-8, durability off for speed, socket in its temp dir."""
    async with await psycopg.AsyncConnection.connect(pg_server.url) as conn:
        cursor = await conn.execute(
            "SELECT current_setting('listen_addresses'), current_setting('password_encryption'),"
            " pg_encoding_to_char(encoding), current_setting('fsync'),"
            " current_setting('unix_socket_directories')"
            " FROM pg_database WHERE datname = current_database()"
        )
        row = await cursor.fetchone()
    assert row == ("127.0.0.1", "scram-sha-256", "UTF8", "off", str(pg_server.socket_dir))


async def test_wrong_password_is_refused(pg_url: DatabaseUrl) -> None:
    """Authentication is real: the same URL with another password cannot connect."""
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        await psycopg.AsyncConnection.connect(pg_url, password="not-the-password")


def test_password_is_in_the_url_but_never_in_a_repr(pg_server: PgServer) -> None:
    """repr() of the URL and of the server (what a failing assert shows) masks the password."""
    password = pg_server._password
    assert len(password) >= 24
    assert password in str(pg_server.url)
    assert password not in repr(pg_server.url)
    assert "***" in repr(pg_server.url)
    assert password not in repr(pg_server)


def test_missing_binaries_are_explained(tmp_path: Path) -> None:
    """No initdb/postgres where told to look: the reason says what to install."""
    with pytest.raises(ServerUnavailable, match=r"initdb and postgres.*apt-get install postgresql"):
        start_server(bin_dir=tmp_path / "nowhere")


@pytest.mark.parametrize(
    ("ci", "outcome"), [(True, pytest.fail.Exception), (False, pytest.skip.Exception)]
)
def test_no_server_fails_under_ci_and_skips_elsewhere(ci: bool, outcome: type) -> None:
    """Under CI a missing server is a failure with the reason; elsewhere a skip with it."""
    with pytest.raises(outcome, match="none could be started: no initdb here"):
        unavailable("no initdb here", ci=ci)
