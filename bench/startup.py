"""Start-up: from ``python -m bot run`` to READY with a large store, and peak memory.

Usage: ``python -m bench.startup [--articles N] [--quick]`` (or ``python bench/startup.py``).

Pitwall is started exactly as ``python -m bot run`` (through ``tests/emulator/launch_bot.py``,
which only points discord.py at the local Discord) over a generated store (default 10,000
articles, about 100,000 quotes); a bare discord.py client (``tests/emulator/echo_bot.py``)
is started the same way for comparison. Each start is timed from spawning the process to the
emulator seeing it READY with its commands synced, and its peak resident memory is read from
``/proc/<pid>/status`` (VmHWM) once ready. Starts alternate, and the median is reported.

Writes ``bench/results/startup.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/startup.py`: import bench from the repo
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench._common import print_table, scratch_dir, write_result
from bench.store import build_store

__all__ = ["main", "peak_rss_mb", "run"]

log = logging.getLogger(__name__)

DEFAULT_ARTICLES = 10_000
QUICK_ARTICLES = 300
#: The issue's targets (12) for the bot at READY: a 2-core machine with little memory.
TARGETS = {"ready_s": 2.0, "peak_rss_mb": 200.0}
CLIENTS = {"pitwall": "bot.cli:main", "bare discord.py": "tests.emulator.echo_bot:main"}


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a live process (VmHWM), in MB; NaN where /proc is missing."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _start_once(entry: str, db_path: Path, log_dir: Path) -> dict[str, float]:
    from tests.emulator import DiscordEmulator
    from tests.emulator.fixtures import BotProcess

    emu = DiscordEmulator()
    await emu.start()
    try:
        bot = await BotProcess.start(
            emu,
            ["run"],
            env={"PITWALL_DATABASE": str(db_path), "LOG_LEVEL": "WARNING"},
            entry=entry,
            log_dir=log_dir,
        )
        try:
            await bot.wait_ready(600)
            ready = time.monotonic() - bot.started_at
            peak = await asyncio.to_thread(peak_rss_mb, bot.process.pid)
            await bot.terminate(30)
        finally:
            await bot.close()
    finally:
        await emu.stop()
    return {"ready_s": ready, "peak_rss_mb": peak}


async def run(articles: int, repeats: int, *, store_dir: Path | None = None) -> dict[str, Any]:
    """Build (or reuse) the store, then start each client ``repeats`` times, alternating."""
    from bot.store import Store

    work = store_dir or scratch_dir("startup")
    try:
        db_path = work / "pitwall.db"
        await build_store(work / "articles", db_path, articles, reuse=True)
        async with await Store.open(db_path) as store:
            stats = await store.stats()
        size = sum(p.stat().st_size for p in work.glob("pitwall.db*"))
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in CLIENTS}
        for n in range(repeats):
            for name, entry in CLIENTS.items():
                print(f"startup: {name}, start {n + 1} of {repeats} ...", flush=True)
                runs[name].append(await _start_once(entry, db_path, work / "logs"))
    finally:
        if store_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    clients = {
        name: {
            "ready_s": round(statistics.median(r["ready_s"] for r in results), 3),
            "peak_rss_mb": round(statistics.median(r["peak_rss_mb"] for r in results), 1),
            "runs": results,
        }
        for name, results in runs.items()
    }
    bot, bare = clients["pitwall"], clients["bare discord.py"]
    return {
        "ready_s": bot["ready_s"],
        "bare_ready_s": bare["ready_s"],
        "peak_rss_mb": bot["peak_rss_mb"],
        "bare_peak_rss_mb": bare["peak_rss_mb"],
        "targets": TARGETS,
        "articles": stats.articles,
        "quotes": stats.quotes,
        "db_bytes": size,
        "repeats": repeats,
        "clients": clients,
        "extra_ready_s": round(bot["ready_s"] - bare["ready_s"], 3),
        "extra_peak_rss_mb": round(bot["peak_rss_mb"] - bare["peak_rss_mb"], 1),
    }


def report(result: dict[str, Any]) -> None:
    """Print the comparison (the script's output)."""
    print_table(
        ["client", "to READY s", "peak RSS MB"],
        [[name, c["ready_s"], c["peak_rss_mb"]] for name, c in result["clients"].items()]
        + [["Pitwall's extra", result["extra_ready_s"], result["extra_peak_rss_mb"]]]
        + [["target (Pitwall)", f"<= {TARGETS['ready_s']:g}", f"<= {TARGETS['peak_rss_mb']:g}"]]
        + [
            [
                "met",
                _yes(result["ready_s"] <= TARGETS["ready_s"]),
                _yes(result["peak_rss_mb"] <= TARGETS["peak_rss_mb"]),
            ]
        ],
        title=(
            f"Start-up with {result['articles']:,} articles, {result['quotes']:,} quotes "
            f"(median of {result['repeats']})"
        ),
    )


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


def main(argv: list[str] | None = None) -> int:
    """Run the start-up benchmark from the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__)
    parser.add_argument("--articles", type=int, default=None,
                        help=f"articles in the store (default {DEFAULT_ARTICLES:,})")  # fmt: skip
    parser.add_argument("--repeats", type=int, default=None,
                        help="starts per client (default 3; --quick 1)")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--store", "--keep", "--reuse", type=Path, dest="store",
                        help="build the store in this folder and keep it, or use the one "
                        "there (as bench.store --keep DIR built it)")  # fmt: skip
    parser.add_argument("--out", type=Path, help="results folder (default bench/results)")
    args = parser.parse_args(argv)
    articles = args.articles or (QUICK_ARTICLES if args.quick else DEFAULT_ARTICLES)
    repeats = args.repeats or (1 if args.quick else 3)
    logging.basicConfig(level=logging.WARNING)
    print(f"startup: preparing a store of {articles:,} articles ...", flush=True)
    result = asyncio.run(run(articles, repeats, store_dir=args.store))
    report(result)
    path = write_result("startup", result, args.out)
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
