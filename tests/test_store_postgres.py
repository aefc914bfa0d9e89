"""The store on PostgreSQL: opened by URL, migrated, written and read; its password unshown."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.config import load_settings
from bot.errors import StoreError
from bot.store import MIGRATIONS, Store
from bot.store.dialect import redact
from tests.cli_support import run_cli
from tests.conftest import SEED
from tests.pg_server import DatabaseUrl
from tests.test_store import make_article


def _password(url: str) -> str:
    password = urlsplit(url).password
    assert password and len(password) >= 8  # a real secret, or the greps below prove nothing
    return password


async def test_store_opens_migrates_stores_and_finds_an_article(
    pg_database_url: DatabaseUrl,
) -> None:
    """A URL opens PostgreSQL at the latest schema; an article written is found by its words."""
    async with await Store.open(pg_database_url) as store:
        assert store.dialect.name == "postgresql"
        assert await store.schema_version() == MIGRATIONS[-1].version
        assert await store.replace_article(make_article()) is True
        found = await store.quotes(contains="MASSIVELY fast")
        assert [q.text for q in found] == ["I was massively fast"]
        assert [e.lap for e in await store.lap_events(lap=12)] == [12]


async def test_every_migration_has_postgresql_text() -> None:
    """One numbering for both databases: each step is written for PostgreSQL too."""
    assert [m.name for m in MIGRATIONS if m.postgresql is None] == []


async def test_a_second_process_finds_the_schema_already_applied(
    pg_database_url: DatabaseUrl,
) -> None:
    """Opening a migrated database again applies nothing and keeps what is stored."""
    async with await Store.open(pg_database_url) as store:
        await store.replace_article(make_article())
    async with await Store.open(pg_database_url) as again:
        assert (await again.stats()).articles == 1


async def test_wrong_password_is_refused_without_showing_either_password(
    pg_url: DatabaseUrl, caplog: pytest.LogCaptureFixture
) -> None:
    """A refused login is one StoreError line naming the server, with no password in it."""
    real = _password(pg_url)
    wrong = "Wr0ng-s3cret-pw"
    bad = DatabaseUrl(pg_url.replace(f":{urlsplit(pg_url).password}@", f":{wrong}@"))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(StoreError) as refused:
        await Store.open(bad)
    message = str(refused.value)
    assert "password authentication failed" in message
    assert "***" in message
    for secret in (real, wrong):
        assert secret not in message
        assert secret not in caplog.text


async def test_password_never_reaches_logs_reprs_or_cli_output(
    pg_database_url: DatabaseUrl,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Settings' repr, the store's location, its log lines and the CLI's output all hide it."""
    password = _password(pg_database_url)
    url = pg_database_url
    monkeypatch.setenv("PITWALL_DATABASE", url)
    settings = load_settings(tmp_path / "no.env")
    assert str(settings.database) == url
    assert password not in repr(settings)
    caplog.set_level(logging.DEBUG)
    async with await Store.open(settings.database) as store:
        assert password not in store.location
        await store.stats()
    assert password not in caplog.text
    done = run_cli("check", cwd=tmp_path, env={"PITWALL_DATABASE": url, "LOG_LEVEL": "DEBUG"})
    assert "store      ok postgresql://" in done.stdout
    assert password not in done.stdout + done.stderr


def test_cli_ingests_then_answers_a_lap_question_on_postgresql(
    pg_database_url: DatabaseUrl, tmp_path: Path
) -> None:
    """`ingest` then `ask "what happened on lap 32?"` against PostgreSQL, password unshown."""
    env = {"PITWALL_DATABASE": pg_database_url}
    loaded = run_cli("ingest", str(SEED), cwd=tmp_path, env=env)
    assert loaded.returncode == 0, loaded.stderr
    assert "loaded     2021-04-20-russell-bottas" in loaded.stdout
    asked = run_cli("ask", "what happened on lap 32?", cwd=tmp_path, env=env)
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.startswith("Lap 32\nRussell and Bottas crashed")
    password = _password(pg_database_url)
    for done in (loaded, asked):
        assert password not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql://bot@db/pw?password=hunter2&sslmode=require",
            "postgresql://bot@db/pw?password=***&sslmode=require",
        ),
        (
            "postgresql://bot@db/pw?sslmode=require&PASSWORD=hunter2",
            "postgresql://bot@db/pw?sslmode=require&PASSWORD=***",
        ),
        ("postgresql://bot:hunter2@db:5432/pw", "postgresql://bot:***@db:5432/pw"),
    ],
)
def test_redact_hides_a_password_in_the_userinfo_or_a_query_parameter(url: str, shown: str) -> None:
    """libpq takes the password as ``?password=`` too: that one is hidden like the other."""
    assert redact(url) == shown
    assert "hunter2" not in redact(url)
