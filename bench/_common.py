"""What every benchmark script shares: percentiles, the results folder, tables, the machine.

A helper module (leading underscore): the scripts are ``latency``, ``store`` and ``startup``.
"""

from __future__ import annotations

import json
import math
import os
import platform
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "REPO_ROOT",
    "RESULTS",
    "Timer",
    "machine",
    "percentile",
    "print_table",
    "scratch_dir",
    "summarise",
    "write_result",
]

REPO_ROOT = Path(__file__).resolve().parents[1]
RESULTS = REPO_ROOT / "bench" / "results"


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by nearest rank: a value that was actually measured.

    Nearest rank rather than interpolation, so "p99 of 50 samples" is honestly the worst but
    one sample, not a blend that no request ever saw.
    """
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summarise(samples: Sequence[float], scale: float = 1000.0) -> dict[str, float | int]:
    """p50, p99 and max of samples in seconds, as milliseconds (``scale``), with the count."""
    return {
        "n": len(samples),
        "p50_ms": round(percentile(samples, 50) * scale, 3),
        "p99_ms": round(percentile(samples, 99) * scale, 3),
        "max_ms": round(max(samples) * scale, 3) if samples else math.nan,
    }


class Timer:
    """``with Timer() as t: ...`` then ``t.seconds``: wall time by the monotonic clock."""

    seconds: float

    def __enter__(self) -> Timer:
        self._start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start


def machine() -> dict[str, Any]:
    """What the figures were measured on, so a result file is never read without it."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "argv": sys.argv,
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def write_result(name: str, result: dict[str, Any], out_dir: Path | None = None) -> Path:
    """Write ``bench/results/<name>.json`` (or into ``out_dir``) and return its path."""
    folder = out_dir or RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    result = {"name": name, "machine": machine(), **result}
    path.write_text(json.dumps(result, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return path


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "") -> None:
    """Print a plain-text table with right-aligned numbers (a script's output, not a log)."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    if title:
        print(f"\n{title}")
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w)
                    for i, (h, w) in enumerate(zip(headers, widths, strict=True))))  # fmt: skip
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))))  # fmt: skip


def _cell(value: Any) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def scratch_dir(prefix: str) -> Path:
    """A fresh temporary folder for a generated corpus and store (never inside the repo)."""
    return Path(tempfile.mkdtemp(prefix=f"pitwall-bench-{prefix}-"))
