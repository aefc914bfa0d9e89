"""The README's Performance table, from the benchmarks' JSON: ``python -m bench.table DIR...``.

Each DIR holds one size's ``store.json``, ``startup.json`` and ``latency.json`` (written by
``python -m bench.store|startup|latency ... --out DIR``); each becomes a column, beside the
issue's targets. The output is Markdown, pasted into the README as it is, so the table is
never typed by hand: the commands and their JSON are the source of truth.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/table.py`: import bench from the repo
    sys.path[0] = str(Path(__file__).resolve().parents[1])

__all__ = ["main", "rows"]

Results = dict[str, Any]
#: (figure, target, how to read a column's cell from its results, whether the cell is met).
Row = tuple[str, str, Callable[[Results], str], Callable[[Results], bool | None]]

#: Queries in the order the table lists them, with the command a fan types.
QUERIES = [
    ("whosaid", "/whosaid"),
    ("quote contains", "/quote contains"),
    ("quote speaker+contains", "/quote speaker + contains"),
    ("quote speaker", "/quote speaker"),
    ("quote random", "/quote (random)"),
    ("who", "/who"),
    ("lap", "/lap"),
    ("apology", "/apology"),
    ("facts", "/facts"),
    ("recap", "/recap"),
    ("ask", "/ask"),
]


def _get(r: Results, *keys: str) -> Any:
    value: Any = r
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _num(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float | int) and abs(value) >= 100:
        return f"{value:,.0f}"
    if not isinstance(value, float):
        return str(value)
    text = f"{value:.{digits}f}"
    # Trailing zeros of the decimals only: 70.0 MB at no digits is "70", not "7".
    return text.rstrip("0").rstrip(".") if "." in text else text


def _query(name: str) -> tuple[Callable[[Results], str], Callable[[Results], bool | None]]:
    def cell(r: Results) -> str:
        q = _get(r, "store", "queries", name)
        if q is None:
            return "–"
        return f"{_num(q['p99_ms'])} ms ({_num(q['raw_p99_ms'])} ms, {_num(q['ratio_p99'])}x)"

    def met(r: Results) -> bool | None:
        return _get(r, "store", "queries", name, "met")

    return cell, met


def _le(value: Any, limit: float) -> bool | None:
    return None if value is None else value <= limit


def rows() -> list[Row]:
    """Every row of the table: what it shows, its target, and where its figure is read."""
    out: list[Row] = [
        ("peak memory of the bot, READY + interactions (bare discord.py at READY)", "≤ 200 MB",
         lambda r: f"{_num(_get(r, 'latency', 'peak_rss_mb'), 0)} MB "
                   f"({_num(_get(r, 'startup', 'bare_peak_rss_mb'), 0)} MB)",
         lambda r: _le(_get(r, "latency", "peak_rss_mb"), 200)),
        ("peak memory at READY", "≤ 200 MB",
         lambda r: f"{_num(_get(r, 'startup', 'peak_rss_mb'), 0)} MB",
         lambda r: _le(_get(r, "startup", "peak_rss_mb"), 200)),
        ("start to READY (bare discord.py)", "≤ 2 s",
         lambda r: f"{_num(_get(r, 'startup', 'ready_s'))} s "
                   f"({_num(_get(r, 'startup', 'bare_ready_s'))} s)",
         lambda r: _le(_get(r, "startup", "ready_s"), 2.0)),
    ]  # fmt: skip
    for name, label in QUERIES:
        cell, met = _query(name)
        out.append((f"{label} p99 (raw SQLite p99, ratio)", "≤ 3x raw or < 1 ms", cell, met))
    for name, label in (("autocomplete people", "people"), ("autocomplete articles", "articles")):
        cell, met = _query(name)
        out.append((f"autocomplete {label} p99 (raw, ratio)", "≤ 2 ms", cell, met))
    out += [
        ('/whosaid "tryin to kil us both" finds the seed quote', "yes",
         lambda r: {True: "yes", False: "no", None: "–"}[_get(r, "store", "typo_whosaid", "found")],
         lambda r: _get(r, "store", "typo_whosaid", "found")),
        ("loop lag max, answering one at a time (engine; bot)", "≤ 20 ms",
         lambda r: f"{_num(_get(r, 'store', 'loop_lag', 'answering', 'max_ms'))}; "
                   f"{_num(_get(r, 'latency', 'loop_lag', 'answering_max_ms'))} ms",
         lambda r: _all_le(20, _get(r, "store", "loop_lag", "answering", "max_ms"),
                           _get(r, "latency", "loop_lag", "answering_max_ms"))),
        ("loop lag max, new articles taken in (engine, refresh every N; bot, /articles add)",
         "≤ 20 ms",
         lambda r: f"{_num(_get(r, 'store', 'loop_lag', 'running_ingest', 'max_ms'))} ms "
                   f"({_num(_get(r, 'store', 'running_ingest', 'articles'))}, N = "
                   f"{_num(_get(r, 'store', 'running_ingest', 'batch'))}); "
                   f"{_num(_get(r, 'latency', 'loop_lag', 'running_ingest_max_ms'))} ms "
                   f"({_num(_get(r, 'latency', 'running_ingest', 'articles'))})",
         lambda r: _all_le(20, _get(r, "store", "loop_lag", "running_ingest", "max_ms"),
                           _get(r, "latency", "loop_lag", "running_ingest_max_ms"))),
        ("loop lag max in bursts of 200 (bot; the queue included)", "–",
         lambda r: f"{_num(_get(r, 'latency', 'loop_lag', 'bursts_max_ms'))} ms",
         lambda r: None),
        ("ingest (build the store)", "≥ 1,000 articles/s",
         lambda r: f"{_num(_get(r, 'store', 'ingest_articles_per_s'), 0)} articles/s",
         lambda r: None if _get(r, "store", "ingest_articles_per_s") is None
         else _get(r, "store", "ingest_articles_per_s") >= 1000),
        ("through the local Discord: worst p99 ÷ no-op floor (bursts of 200)", "≤ 1.3x",
         lambda r: f"{_num(_get(r, 'latency', 'ratio_p99'))}x "
                   f"(floor {_num(_get(r, 'latency', 'floor_p99_ms'), 0)} ms)",
         lambda r: _le(_get(r, "latency", "ratio_p99"), 1.3)),
        ("interactions past 3 s", "0",
         lambda r: _num(_get(r, "latency", "over_3s")),
         lambda r: _le(_get(r, "latency", "over_3s"), 0)),
    ]  # fmt: skip
    return out


def _all_le(limit: float, *values: Any) -> bool | None:
    known = [v for v in values if v is not None]
    return all(v <= limit for v in known) if known else None


def _load(folder: Path) -> Results:
    found: Results = {}
    for name in ("store", "startup", "latency"):
        path = folder / f"{name}.json"
        if path.is_file():
            found[name] = json.loads(path.read_text(encoding="utf-8"))
    return found


def _heading(r: Results, folder: Path) -> str:
    articles = _get(r, "store", "articles") or _get(r, "startup", "articles")
    quotes = _get(r, "store", "quotes") or _get(r, "startup", "quotes")
    if articles is None:
        return folder.name
    return f"{articles:,} articles ({quotes:,} quotes)"


def _mark(ok: bool | None) -> str:
    return "" if ok is None else "" if ok else " ✗"


def main(argv: list[str] | None = None) -> int:
    """Print the Markdown table for the result folders given, one column each."""
    parser = argparse.ArgumentParser(prog="python -m bench.table", description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path, help="result folders, one per column")
    args = parser.parse_args(argv)
    columns = [(_load(f), f) for f in args.folders]
    print("| figure | target | " + " | ".join(_heading(r, f) for r, f in columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for label, target, cell, met in rows():
        cells = [cell(r) + _mark(met(r)) if r else "–" for r, _f in columns]
        print(f"| {label} | {target} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
