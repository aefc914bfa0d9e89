"""Run the real command line as an operator would, and lay out data like a checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from tests.conftest import SEED

__all__ = ["run_cli", "seed_data_dir"]


def run_cli(
    *args: str,
    cwd: Path,
    database: Path | None = None,
    env: Mapping[str, str] | None = None,
    preexec: Callable[[], None] | None = None,
    timeout: float = 60.0,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot ARGS`` in ``cwd`` with a bare environment: no .env beyond what
    ``cwd`` holds, and no PITWALL_ or DISCORD_ settings leaking in from the test runner."""
    full = {"PATH": "/usr/bin:/bin"}
    if database is not None:
        full["PITWALL_DATABASE"] = str(database)
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=full,
        preexec_fn=preexec,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def seed_data_dir(root: Path) -> Path:
    """``root/data/articles`` holding the seed article and its annotation; returns that folder."""
    articles = root / "data" / "articles"
    articles.mkdir(parents=True)
    shutil.copy(SEED, articles)
    shutil.copy(SEED.with_suffix(".toml"), articles)
    return articles
