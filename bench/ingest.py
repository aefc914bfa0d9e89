"""Ingest alone: articles/s, and the CPU each article costs in the workers and the main process.

Usage: ``python -m bench.ingest --articles N --keep DIR [--limit M]`` (or
``python bench/ingest.py``). The generated corpus kept in ``DIR/articles`` (``bench.store
--keep DIR`` writes it) is ingested by ``bot.ingest.load.ingest``, the path ``python -m bot
ingest`` and ``bench.store``'s build take, into a scratch database beside it
(``DIR/ingest-only.db``, deleted before and after), so the kept store is never touched.

``bench.store`` gives the same rate but only as part of a full build followed by every
query; on a shared 2-core machine the wall-clock rate also moves with whatever else runs.
This script prints the rate and, steadier, the CPU seconds per article: the main process's
(reading the workers' results and writing the store) and the workers' (parse, people,
attribution), whose sum over the machine's cores bounds the rate (issue 12: 1,000
articles/s on 2 cores needs under 2 ms an article in all). Writes
``bench/results/ingest.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/ingest.py`: import bench from the repo
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench._common import RESULTS, print_table, write_result
from bench.corpus import generated

#: The scratch database, beside the kept store: created and deleted by each run.
SCRATCH = "ingest-only.db"
#: Seed articles ingested beside the generated ones, as bench.store's build does.
SEED_ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


async def run(keep: Path, articles: int, limit: int | None) -> dict[str, Any]:
    """Ingest the kept corpus (its first ``limit`` files) into a scratch store; time it."""
    from bot.ingest.load import discover, ingest
    from bot.store import Store

    corpus_dir = keep / "articles"
    await asyncio.to_thread(generated, corpus_dir, articles)
    paths = discover([corpus_dir, SEED_ARTICLES], corpus_dir)
    if limit is not None:
        paths = paths[:limit]
    db = keep / SCRATCH
    _remove(db)
    try:
        async with await Store.open(db) as store:
            wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
            report = await ingest(store, paths)
            wall = time.perf_counter() - wall
            cpu = time.process_time() - cpu
            children = _children_cpu() - children
    finally:
        _remove(db)
    if report.failed:
        raise SystemExit(f"bench: {len(report.failed)} articles failed: {report.failed[0]}")
    n = len(paths)
    return {
        "articles": n,
        "seconds": round(wall, 3),
        "articles_per_s": round(n / wall, 1),
        "main_cpu_ms_per_article": round(cpu * 1000 / n, 3),
        "workers_cpu_ms_per_article": round(children * 1000 / n, 3),
        "cpu_ms_per_article": round((cpu + children) * 1000 / n, 3),
        "cores": os.cpu_count(),
        "target_articles_per_s": 1000.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000, help="the kept corpus's size")
    parser.add_argument("--keep", type=Path, required=True, help="the kept store's folder")
    parser.add_argument("--limit", type=int, default=None, help="ingest only the first N")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results folder")
    args = parser.parse_args(argv)
    result = asyncio.run(run(args.keep, args.articles, args.limit))
    print_table(["ingest alone", "value"], [[k, v] for k, v in result.items()])
    write_result("ingest", result, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
