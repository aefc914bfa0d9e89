"""pyright, in standard mode, finds no error in bot/ and cogs/ (configured in pyproject.toml).

The check itself starts as soon as the run's tests are collected (tests/pyright_run.py) and
runs beside the tests ahead of this one; this test reads its report.
"""

from __future__ import annotations

import importlib.util

import pytest

from tests.pyright_run import report


def test_pyright_reports_no_errors(request: pytest.FixtureRequest) -> None:
    """The shipped code type-checks clean; the failure shows pyright's own report."""
    if importlib.util.find_spec("pyright") is None:
        pytest.fail('pyright is missing: pip install -e ".[test]"', pytrace=False)
    code, text = report(request.config)
    if code != 0:
        pytest.fail(f"pyright found problems:\n{text}", pytrace=False)
    assert "0 errors" in text, text
