"""bench/intake.py runs end to end with --quick and writes its figures (never asserted as
speed: a slow machine must not fail tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_bench_smoke import run_script

pytestmark = pytest.mark.slow


def test_intake_benchmark_writes_extraction_and_polling_figures(tmp_path: Path) -> None:
    result = run_script("intake", tmp_path)
    assert set(result["extraction"]) >= {"full page (JSON-LD, OpenGraph)", "AMP variant"}  # type: ignore[arg-type]
    polling = result["polling"]
    assert isinstance(polling, dict)
    assert polling["first_poll"]["articles_taken"] == polling["feeds"] * polling["items_per_feed"]
    for case in ("same", "fresh", "etag"):
        assert polling[case]["items_unchanged"] == polling["feeds"] * polling["items_per_feed"]
        assert polling[case]["cpu_s_median"] > 0
