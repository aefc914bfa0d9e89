"""pytest plugin: ``pg_server`` and ``pg_url``, one real PostgreSQL server per test session.

Registered from ``tests/conftest.py``. The server starts the first time a test asks for it
(a run without PostgreSQL tests starts none) and stops when the session ends.

Where no server can be started, the run says so loudly: under CI (``CI=true``) every test that
needs it fails with the reason, so CI never passes by skipping them; elsewhere they are skipped
with the reason, and the end of the run repeats it in a banner rather than a quiet "s".
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import NoReturn

import pytest

from tests.pg_server import DatabaseUrl, PgServer, ServerUnavailable, start_server

__all__ = ["pg_server", "pg_url", "unavailable"]

_REASONS = pytest.StashKey[list[str]]()


def unavailable(reason: str, *, ci: bool) -> NoReturn:
    """Fail (under CI) or skip (elsewhere) the test that needed the server, saying why."""
    message = f"PostgreSQL tests need a server and none could be started: {reason}"
    if ci:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> Iterator[PgServer]:
    """A real PostgreSQL server in a temporary directory, for the whole session."""
    server: PgServer | None = None
    reason = ""
    try:
        server = start_server()
    except ServerUnavailable as exc:
        reason = str(exc)
    if server is None:  # outside the except block: the report shows the reason alone
        request.config.stash.setdefault(_REASONS, []).append(reason)
        unavailable(reason, ci=_in_ci())
    with server:
        yield server


@pytest.fixture(scope="session")
def pg_url(pg_server: PgServer) -> DatabaseUrl:
    """The server's ``postgresql://`` URL, password included (its repr hides it)."""
    return pg_server.url


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Repeat, at the end of the run, that the PostgreSQL tests did not run and why."""
    reasons = terminalreporter.config.stash.get(_REASONS, [])
    if reasons:
        verdict = "FAILED (CI)" if _in_ci() else "SKIPPED"
        terminalreporter.write_sep("!", f"PostgreSQL tests {verdict}", red=True, bold=True)
        terminalreporter.write_line(f"no PostgreSQL server could be started: {reasons[0]}")
