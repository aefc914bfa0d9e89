"""The benchmark scripts run end to end with ``--quick`` and write their JSON results.

Speed is measured by the scripts, never asserted here: a slow machine must not fail tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def run_script(name: str, out: Path, *extra: str) -> dict[str, object]:
    """Run ``bench/<name>.py --quick --out OUT`` as a user would and read its JSON."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / f"{name}.py"), "--quick", "--out", str(out), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads((out / f"{name}.json").read_text(encoding="utf-8"))


def test_store_benchmark_writes_ingest_size_and_query_figures(tmp_path: Path) -> None:
    """bench/store.py --quick reports ingest rate, database size, loop lag and each query's
    p99 beside its raw SQLite query's."""
    result = run_script("store", tmp_path, "--articles", "60", "--iterations", "5")
    assert {"articles", "quotes", "ingest", "db_bytes", "queries", "targets"} <= result.keys()
    assert {"ingest_articles_per_s", "loop_lag_max_ms", "running_ingest"} <= result.keys()
    assert result["articles"] == 61  # the generated ones and the bundled seed article
    assert result["running_ingest"]["articles"] == 100
    assert result["typo_whosaid"]["found"] is True
    queries = result["queries"]
    assert isinstance(queries, dict)
    assert {"whosaid", "quote contains", "autocomplete people"} <= queries.keys()
    for figures in queries.values():
        assert {"n", "p50_ms", "p99_ms", "max_ms", "raw_p99_ms", "ratio_p99"} <= figures.keys()
        assert figures["raw_p99_ms"] > 0


def test_latency_benchmark_writes_every_level_against_the_floor(tmp_path: Path) -> None:
    """bench/latency.py --quick measures 1, 50 and 500 at once, each kind against /noop."""
    result = run_script("latency", tmp_path)
    assert {"levels", "worst_ratio_p99_at_500", "over_3s", "bot_cpu_ms_per_interaction"} <= (
        result.keys()
    )
    assert {"ratio_p99", "peak_rss_mb", "loop_lag_max_ms"} <= result.keys()
    assert result["running_ingest"]["articles"] == 10  # moderators' adds, through Discord
    levels = result["levels"]
    assert isinstance(levels, list)
    assert [level["concurrency"] for level in levels] == [1, 50, 500]
    for level in levels:
        assert {"noop", "quote", "whosaid", "apology", "autocomplete speaker"} <= level[
            "kinds"
        ].keys()
        assert {"p50_ms", "p99_ms", "max_ms", "ratio_p99"} <= level["kinds"]["quote"].keys()
    assert result["violations"] == []


def test_startup_benchmark_compares_pitwall_with_a_bare_client(tmp_path: Path) -> None:
    """bench/startup.py --quick times both clients to READY and reads their peak memory."""
    result = run_script("startup", tmp_path, "--articles", "60")
    clients = result["clients"]
    assert isinstance(clients, dict)
    assert set(clients) == {"pitwall", "bare discord.py"}
    for figures in clients.values():
        assert {"ready_s", "peak_rss_mb"} <= figures.keys()
    assert {"extra_ready_s", "extra_peak_rss_mb"} <= result.keys()
    assert {"ready_s", "bare_ready_s", "peak_rss_mb", "bare_peak_rss_mb"} <= result.keys()
