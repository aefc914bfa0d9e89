"""Run every Pitwall benchmark with its defaults and print a summary: ``python -m bench``.

``python -m bench [--quick]`` runs the store, start-up and latency benchmarks in turn (the
large store is generated and ingested once, then started from), each printing its tables and
writing ``bench/results/<name>.json``, and ends with one summary against the targets.
``python -m bench store|latency|startup [options]`` runs one of them, as ``python -m
bench.<name>`` does.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/__main__.py`: import bench from the repo
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench import latency, startup, store
from bench._common import RESULTS, print_table, scratch_dir

SCRIPTS = {"store": store.main, "latency": latency.main, "startup": startup.main}


def _verdict(ok: bool) -> str:
    return "yes" if ok else "NO"


def main(argv: list[str] | None = None) -> int:
    """Run one benchmark by name, or all of them and a summary."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SCRIPTS:
        return SCRIPTS[args[0]](args[1:])
    if args and args[0] not in ("--quick",):
        print(f"usage: python -m bench [--quick] | python -m bench {{{','.join(SCRIPTS)}}} ...")
        return 2
    quick = ["--quick"] if "--quick" in args else []
    shared = scratch_dir("all")
    try:
        store.main([*quick, "--keep", str(shared)])
        startup.main([*quick, "--store", str(shared)])
        latency.main(quick)
    finally:
        shutil.rmtree(shared, ignore_errors=True)
    _summary(RESULTS)
    return 0


def _summary(folder: Path) -> None:
    import json

    s = json.loads((folder / "store.json").read_text())
    u = json.loads((folder / "startup.json").read_text())
    lat = json.loads((folder / "latency.json").read_text())
    rate = s["ingest_articles_per_s"]
    rows = [
        ["ingest articles/s", rate, ">= 1,000", _verdict(rate >= 1000)],
        ["database MB", round(s["db_bytes"] / 1e6, 1), "-", "-"],
    ]
    for name, q in s["queries"].items():
        target = "<= 2 ms" if "autocomplete" in name else "<= 3x raw or < 1 ms"
        rows.append([f"{name} p99 ms (raw)", f"{q['p99_ms']} ({q['raw_p99_ms']})", target,
                     _verdict(q["met"])])  # fmt: skip
    lag = max(s["loop_lag_max_ms"], lat["loop_lag_max_ms"] or 0.0)
    rows += [
        ["start-up to READY s (bare)", f"{u['ready_s']} ({u['bare_ready_s']})", "<= 2",
         _verdict(u["ready_s"] <= 2)],
        ["peak RSS MB at READY (bare)", f"{u['peak_rss_mb']} ({u['bare_peak_rss_mb']})",
         "<= 200", _verdict(u["peak_rss_mb"] <= 200)],
        ["peak RSS MB after the interactions", lat["peak_rss_mb"], "<= 200",
         _verdict(lat["peak_rss_mb"] <= 200)],
        ["loop lag max ms (engine; bot)", f"{s['loop_lag_max_ms']}; {lat['loop_lag_max_ms']}",
         "<= 20", _verdict(lag <= 20)],
        [f"worst p99/floor at {lat['concurrency']}", lat["ratio_p99"], "<= 1.3",
         _verdict(lat["ratio_p99"] <= 1.3)],
        ["interactions over 3 s", lat["over_3s"], "0", _verdict(lat["over_3s"] == 0)],
    ]  # fmt: skip
    print_table(
        ["figure", "measured", "target", "met"],
        rows,
        title=f"Summary ({s['articles']:,} articles, {s['quotes']:,} quotes)",
    )


if __name__ == "__main__":
    raise SystemExit(main())
