"""pyright, in standard mode, finds no error in bot/ and cogs/ (configured in pyproject.toml)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_pyright_reports_no_errors() -> None:
    """The shipped code type-checks clean; the failure shows pyright's own report."""
    if importlib.util.find_spec("pyright") is None:
        pytest.fail('pyright is missing: pip install -e ".[test]"', pytrace=False)
    env = {
        **os.environ,
        # No look-up of the newest release at each run: the pinned, bundled pyright is used.
        "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pyright", "--pythonpath", sys.executable],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        pytest.fail(f"pyright found problems:\n{report}", pytrace=False)
    assert "0 errors" in report, report
