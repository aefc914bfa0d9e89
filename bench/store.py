"""Store at scale: ingest a generated corpus through the real ingester, then time the queries.

Usage: ``python -m bench.store [--articles N] [--quick] [--databases sqlite,postgresql]`` (or
``python bench/store.py``).

The corpus (default 10,000 articles, about 100,000 quotes) is written as article text into a
temporary folder and loaded by ``bot.ingest.load.ingest`` - parse, attribute and store, the
same path as ``python -m bot ingest`` - so the ingest rate is the one a moderator gets. Then
every fan command's answer is computed through :class:`bot.answers.AnswerEngine` (what the
cogs and ``python -m bot ask`` call), and each query's p50/p99/max is reported against the
targets: every query p99 under 5 ms, autocomplete under 2 ms, ingest 1,000 articles/s.

``--databases sqlite,postgresql`` runs the same corpus and the same calls on each database in
one run and prints them side by side. PostgreSQL is a throwaway server started for the run
from the machine's own binaries (``tests/pg_server.py``, as the tests do; durability off, as
there), so nothing needs setting up and nothing is left behind.

Writes ``bench/results/store.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import random
import re
import shutil
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/store.py`: import bench from the repo
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench._common import Timer, print_table, scratch_dir, summarise, write_result
from bench.corpus import Corpus, generate

__all__ = ["TARGETS", "build_store", "main", "run"]

log = logging.getLogger(__name__)

#: The issue's targets: a query's p99 and the ingest rate.
TARGETS = {"query_p99_ms": 5.0, "autocomplete_p99_ms": 2.0, "ingest_articles_per_s": 1000.0}
DEFAULT_ARTICLES = 10_000
QUICK_ARTICLES = 300
DATABASES = ("sqlite", "postgresql")


async def build_store(
    corpus_dir: Path, db_path: Path | str, articles: int, *, reuse: bool = False
) -> tuple[Corpus, float]:
    """Generate ``articles`` into ``corpus_dir`` and ingest them into ``db_path`` (an SQLite
    file or a PostgreSQL URL).

    Returns the corpus and the seconds the ingest took (generation is not counted: it stands
    for a moderator's files already on disk). With ``reuse`` and the database already there,
    nothing is ingested and the seconds are NaN.
    """
    from bot.ingest.load import discover, ingest
    from bot.store import Store

    corpus = await asyncio.to_thread(generate, corpus_dir, articles)
    if reuse and isinstance(db_path, Path) and await asyncio.to_thread(db_path.exists):
        return corpus, math.nan
    async with await Store.open(db_path) as store:
        with Timer() as timer:
            report = await ingest(store, discover([corpus_dir], corpus_dir))
        if report.failed:
            raise SystemExit(f"bench: {len(report.failed)} generated articles failed to ingest: "
                             f"{report.failed[0]}")  # fmt: skip
    return corpus, timer.seconds


def _typo(rng: random.Random, text: str) -> str:
    """Swap two neighbouring letters of one longer word, as a fan typing fast would."""
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    k = rng.randrange(1, len(w) - 2)
    words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    return " ".join(words)


def _phrases(corpus: Corpus, rng: random.Random, count: int) -> list[str]:
    """Phrases fans remember: exact, shouted, misspelled, and some that match nothing."""
    out: list[str] = []
    texts = [s.text for s in corpus.samples if len(s.text.split()) >= 6]
    nonsense = ["purple giraffes juggle quantum marmalade", "the bakery sells warm croissants",
                "my cat prefers jazz on sundays", "orbital mechanics of teacups"]  # fmt: skip
    for i in range(count):
        words = rng.choice(texts).split()
        start = rng.randrange(0, max(1, len(words) - 5))
        phrase = " ".join(words[start : start + rng.randint(3, 6)])
        match i % 5:
            case 0 | 1:
                out.append(phrase)
            case 2:
                out.append(re.sub(r"[^\w\s']", "", phrase).upper() + "!!")
            case 3:
                out.append(_typo(rng, phrase))
            case _:
                out.append(nonsense[i % len(nonsense)])
    return out


def _queries(corpus: Corpus, engine: Any, rng: random.Random, n: int) -> dict[str, list[Any]]:
    """The calls each fan command makes, with realistic, varied arguments."""
    people = corpus.people
    words = ["gearbox", "safety car", "blue flags", "strategy", "undercut", "tyres", "pace",
             "stewards", "front wing", "championship", "sorry", "mistake", "wind", "lottery",
             "simulator", "pit stop", "fuel", "overheated", "data", "garage"]  # fmt: skip
    slugs = corpus.slugs
    prefixes: list[str] = []
    for name in rng.sample(people, min(n, len(people))):
        first, last = name.split()[0], name.split()[-1]
        prefixes += [last[:1], last[:3], first[:4], f"{first} {last[:2]}", _typo(rng, last + "x")]
    prefixes += ["", "the", "ferrari driver"]
    questions = ["what happened on lap 32?", "did anyone apologise?", "recap",
                 "who said there was nothing i could do", "what did {s} say?", "who is {s}?",
                 "key facts", "quote from {s}"]  # fmt: skip

    def speaker() -> str:
        name = rng.choice(people)
        return rng.choice([name, name.split()[-1], name.lower()])

    return {
        "whosaid": [(engine.whosaid, (p,), {}) for p in _phrases(corpus, rng, n)],
        "quote contains": [(engine.quote, (), {"contains": rng.choice(words)}) for _ in range(n)],
        "quote speaker": [(engine.quote, (), {"speaker": speaker()}) for _ in range(n)],
        "quote speaker+contains": [
            (engine.quote, (), {"speaker": rng.choice(people), "contains": rng.choice(words)})
            for _ in range(n)
        ],
        "quote random": [(engine.quote, (), {}) for _ in range(n)],
        "autocomplete people": [
            (engine.complete_people, (rng.choice(prefixes),), {}) for _ in range(n)
        ],
        "autocomplete articles": [
            (engine.complete_articles, (rng.choice(["", "2019", "monaco", "verst", s[:12]]),), {})
            for s in rng.choices(slugs, k=n)
        ],
        "who": [(engine.who, (speaker(),), {}) for _ in range(n)],
        "lap": [(engine.lap, (rng.randint(1, 100),), {}) for _ in range(n)],
        "apology": [(engine.apology, (), {}) for _ in range(n)],
        "facts": [(engine.facts, (rng.choice([None, *slugs]),), {}) for _ in range(n)],
        "recap": [(engine.recap, (rng.choice([None, *slugs]),), {}) for _ in range(n)],
        "ask": [
            (engine.ask, (rng.choice(questions).replace("{s}", speaker()),), {}) for _ in range(n)
        ],
    }


async def _time(call: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> float:
    start = time.perf_counter()
    result = call(*args, **kwargs)
    if isinstance(result, Awaitable):
        await result
    return time.perf_counter() - start


async def run(
    articles: int,
    iterations: int,
    *,
    keep: Path | None = None,
    reuse: bool = False,
    database: str | None = None,
) -> dict[str, Any]:
    """Build the store, time ingest and every query, and return the result document.

    ``database``: a PostgreSQL URL to build the store in (an empty database); by default an
    SQLite file in the work folder.
    """
    from bot.answers import AnswerEngine
    from bot.store import Store

    work = keep or scratch_dir("store")
    corpus_dir = work / "articles"
    db_path: Path | str = database or work / "pitwall.db"
    try:
        corpus, ingest_seconds = await build_store(corpus_dir, db_path, articles, reuse=reuse)
        async with await Store.open(db_path) as store:
            stats = await store.stats()
            engine = AnswerEngine(store)
            with Timer() as refresh:
                await engine.refresh()
            rng = random.Random(7)
            queries = _queries(corpus, engine, rng, iterations)
            timings: dict[str, dict[str, Any]] = {}
            for name, calls in queries.items():
                # One untimed call first: the page cache, not the query, would be measured.
                await _time(*calls[0])
                samples = [await _time(*c) for c in calls]
                limit = TARGETS["autocomplete_p99_ms" if "autocomplete" in name else
                                "query_p99_ms"]  # fmt: skip
                timings[name] = {**summarise(samples), "target_p99_ms": limit}
        size = await asyncio.to_thread(_size, db_path, work)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    rate = stats.articles / ingest_seconds if ingest_seconds else math.nan
    return {
        "articles": stats.articles,
        "people": stats.people,
        "quotes": stats.quotes,
        "reported": stats.reported,
        "lap_events": stats.events,
        "ingest": {
            "seconds": round(ingest_seconds, 3),
            "articles_per_s": round(rate, 1),
            "target_articles_per_s": TARGETS["ingest_articles_per_s"],
        },
        "db_bytes": size,
        "refresh_seconds": round(refresh.seconds, 3),
        "queries": timings,
        "targets": TARGETS,
    }


def _size(database: Path | str, work: Path) -> int:
    """The database's bytes on disk: the SQLite files, or what PostgreSQL reports."""
    if isinstance(database, str):
        import psycopg

        with psycopg.connect(database) as conn:
            row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        return int(row[0]) if row else 0
    return sum(p.stat().st_size for p in work.glob("pitwall.db*"))


async def run_databases(
    databases: list[str], articles: int, iterations: int, *, keep: Path | None = None
) -> dict[str, Any]:
    """``run`` once per database over the same corpus; PostgreSQL on a server of its own."""
    results: dict[str, Any] = {}
    work = keep or scratch_dir("store")
    try:
        for name in databases:
            print(f"store: {name} ...", flush=True)
            if name == "sqlite":
                results[name] = await run(articles, iterations, keep=work)
                continue
            from tests.pg_server import start_server

            with await asyncio.to_thread(start_server) as server:
                results[name] = await run(articles, iterations, keep=work, database=server.url)
                results[name]["server"] = server.version
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return {"databases": results}


def report_side_by_side(result: dict[str, Any]) -> None:
    """Print each database's figures in columns, and each query's p99 against the first's."""
    runs: dict[str, dict[str, Any]] = result["databases"]
    names = list(runs)
    first = names[0]
    print_table(
        ["store", *names],
        [
            ["articles", *(runs[n]["articles"] for n in names)],
            ["ingest articles/s", *(runs[n]["ingest"]["articles_per_s"] for n in names)],
            ["database MB", *(round(runs[n]["db_bytes"] / 1e6, 1) for n in names)],
            ["answer index refresh s", *(runs[n]["refresh_seconds"] for n in names)],
        ],
        title="Store at scale, side by side",
    )
    headers = ["query"]
    for n in names:
        headers += [f"{n} p50", f"{n} p99"]
    headers += [f"{n}/{first} p99" for n in names[1:]]
    rows = []
    for query, base in runs[first]["queries"].items():
        row: list[Any] = [query]
        for n in names:
            row += [runs[n]["queries"][query]["p50_ms"], runs[n]["queries"][query]["p99_ms"]]
        row += [
            round(runs[n]["queries"][query]["p99_ms"] / base["p99_ms"], 2)
            if base["p99_ms"]
            else math.nan
            for n in names[1:]
        ]
        rows.append(row)
    print_table(headers, rows, title="Queries (AnswerEngine, one at a time), ms")


def report(result: dict[str, Any]) -> None:
    """Print the result as tables (the script's output)."""
    ingest = result["ingest"]
    print_table(
        ["store", "value"],
        [
            ["articles", result["articles"]],
            ["quotes", result["quotes"]],
            ["people", result["people"]],
            ["ingest seconds", ingest["seconds"]],
            ["ingest articles/s (target 1,000)", ingest["articles_per_s"]],
            ["database MB", round(result["db_bytes"] / 1e6, 1)],
            ["answer index refresh s", result["refresh_seconds"]],
        ],
        title="Store at scale",
    )
    print_table(
        ["query", "n", "p50 ms", "p99 ms", "max ms", "target p99", "ok"],
        [
            [
                name,
                q["n"],
                q["p50_ms"],
                q["p99_ms"],
                q["max_ms"],
                q["target_p99_ms"],
                "yes" if q["p99_ms"] <= q["target_p99_ms"] else "NO",
            ]
            for name, q in result["queries"].items()
        ],
        title="Queries (AnswerEngine, one at a time)",
    )


def main(argv: list[str] | None = None) -> int:
    """Run the store benchmark from the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.store", description=__doc__)
    parser.add_argument("--articles", type=int, default=None,
                        help=f"articles to generate (default {DEFAULT_ARTICLES:,})")  # fmt: skip
    parser.add_argument("--iterations", type=int, default=None,
                        help="calls timed per query (default 300; --quick 20)")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: query the store there, ingest nothing")  # fmt: skip
    parser.add_argument("--out", type=Path, help="results folder (default bench/results)")
    parser.add_argument("--databases", default="sqlite",
                        help="comma-separated: sqlite, postgresql (default sqlite)")  # fmt: skip
    args = parser.parse_args(argv)
    databases = [d.strip() for d in args.databases.split(",") if d.strip()]
    if not databases or any(d not in DATABASES for d in databases):
        parser.error(f"--databases takes {', '.join(DATABASES)}, comma-separated")
    articles = args.articles or (QUICK_ARTICLES if args.quick else DEFAULT_ARTICLES)
    iterations = args.iterations or (20 if args.quick else 300)
    logging.basicConfig(level=logging.WARNING)
    print(f"store: generating and ingesting {articles:,} articles ...", flush=True)
    if args.reuse and (args.keep is None or databases != ["sqlite"]):
        parser.error("--reuse needs --keep DIR, on sqlite alone")
    if databases == ["sqlite"]:
        result = asyncio.run(run(articles, iterations, keep=args.keep, reuse=args.reuse))
        report(result)
    else:
        result = asyncio.run(run_databases(databases, articles, iterations, keep=args.keep))
        report_side_by_side(result)
    path = write_result("store", result, args.out)
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
