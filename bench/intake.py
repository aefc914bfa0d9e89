"""Article intake: extraction time per page, and the CPU one poll of many unchanged feeds costs.

Usage: ``python -m bench.intake [--feeds N] [--items N] [--quick]`` (or
``python bench/intake.py``).

1. Extraction: each news-shaped page of the test site (a full page with JSON-LD, its AMP
   variant, a byline-only page) and a long page (40 paragraphs among heavy boilerplate) is
   extracted with trafilatura many times; p50/p99 per page. Then ``add`` end to end (fetch
   from a local server, extract, build, write the file, store) per article.
2. Polling: a local server in ANOTHER process (so its CPU is not counted) serves N feeds of M
   items each (default 20 x 50, full text in each item). The feeds are subscribed and polled
   once (the first poll takes every item), then every feed is polled again, all unchanged,
   and this process's CPU time (``time.process_time``) for that whole poll is measured in
   three cases: the server sends the same bytes again (the body hash short-cut), the server
   sends a document whose ``lastBuildDate`` changed but whose items did not (every document
   is read and every item compared with the store: the honest case), and the server answers
   304 to the conditional request. For reference, the CPU of a full feedparser parse of the
   same documents is measured too (what a poll would cost without the cheap scan).

Writes ``bench/results/intake.json``. Invented text only: generated sentences about real
drivers, never real reporting.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/intake.py`: import bench from the repo
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench._common import print_table, scratch_dir, summarise, write_result

DEFAULT_FEEDS, DEFAULT_ITEMS = 20, 50
QUICK_FEEDS, QUICK_ITEMS = 4, 10

_DRIVERS = ("Lando Norris", "Max Verstappen", "Charles Leclerc", "Oscar Piastri",
            "George Russell", "Lewis Hamilton", "Carlos Sainz", "Fernando Alonso")  # fmt: skip
_PLACES = ("Monza", "Suzuka", "Interlagos", "Silverstone", "Spa", "Zandvoort", "Baku")
_THINGS = ("the new floor", "the tyre warm-up", "the second stint", "the safety car restart",
           "the pit stop", "the rear wing", "the brake balance", "the final sector")  # fmt: skip


def _story(rng: random.Random, n: int) -> tuple[str, list[str]]:
    """An invented story, unique by its number: a headline and four paragraphs."""
    who, rival = rng.sample(_DRIVERS, 2)
    place, thing = rng.choice(_PLACES), rng.choice(_THINGS)
    headline = f"{who} on {thing} at {place} (story {n})"
    paragraphs = [
        f"{who} said on Sunday that {thing} had decided the race at {place}, where he "
        f"finished ahead of {rival} after {rng.randint(40, 70)} laps (report {n}).",
        f"“We found something in {thing} this weekend and it showed in every lap,” {who} "
        f"said. “I could push when it mattered.”",
        f"{rival} was less happy. “We lost {rng.randint(2, 9)} tenths in {thing} alone,” he "
        f"told reporters after the race.",
        f"The result leaves {who} {rng.randint(5, 60)} points from the lead with "
        f"{rng.randint(3, 12)} rounds to go.",
    ]
    return headline, paragraphs


def _feed_xml(base: str, feed: int, items: int, build: str) -> bytes:
    from html import escape

    rng = random.Random(feed)
    entries = []
    for i in range(items):
        headline, paragraphs = _story(rng, feed * 10_000 + i)
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        day = date(2024, 1, 1) + timedelta(days=i)
        entries.append(
            f"<item><title>{escape(headline)}</title><link>{base}/a/{feed}/{i}</link>"
            f"<guid>bench-{feed}-{i}</guid><pubDate>{day:%a, %d %b %Y} 12:00:00 +0000</pubDate>"
            f"<description>{escape(paragraphs[0])}</description>"
            f"<content:encoded>{escape(body)}</content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Bench feed {feed}</title><link>{base}/</link><description>bench</description>"
        f"<lastBuildDate>{build}</lastBuildDate>{''.join(entries)}</channel></rss>"
    ).encode()


def _serve(port_out: Any, feeds: int, items: int) -> None:
    """The feed server, in its own process: modes 'same', 'fresh' and 'etag'."""
    from aiohttp import web

    state = {"mode": "same", "n": 0}
    cache: dict[int, bytes] = {}

    async def feed(request: web.Request) -> web.StreamResponse:
        i = int(request.match_info["i"])
        base = f"http://127.0.0.1:{request.url.port}"
        if state["mode"] == "etag" and request.headers.get("If-None-Match") == f'"{i}"':
            return web.Response(status=304)
        if state["mode"] == "fresh":
            state["n"] += 1
            body = _feed_xml(base, i, items, f"Mon, 01 Jan 2024 00:00:{state['n'] % 60:02d} +0000")
        else:
            if i not in cache:
                cache[i] = _feed_xml(base, i, items, "Mon, 01 Jan 2024 00:00:00 +0000")
            body = cache[i]
        headers = {"ETag": f'"{i}"'} if state["mode"] == "etag" else {}
        return web.Response(body=body, content_type="application/rss+xml", headers=headers)

    async def mode(request: web.Request) -> web.Response:
        state["mode"] = request.match_info["m"]
        return web.Response(text="ok")

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feed/{i}.xml", feed)
        app.router.add_get("/mode/{m}", mode)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port_out.put(runner.addresses[0][1])
        await asyncio.Event().wait()

    asyncio.run(main())


def _extraction(repeats: int) -> dict[str, Any]:
    from bot.intake.extract import extract_html
    from tests.intake.site import STORIES, Story, amp_page, article_page, byline_page

    base = "https://gridpulse.example"
    rng = random.Random(7)
    long_paragraphs = tuple(p for n in range(10) for p in _story(rng, n)[1])
    long_story = Story("long-read", "A long read about a long season", date(2024, 9, 1),
                       "Dana Whitfield", long_paragraphs)  # fmt: skip
    pages = {
        "full page (JSON-LD, OpenGraph)": article_page(STORIES[0], base),
        "AMP variant": amp_page(STORIES[0], base),
        "byline-only date": byline_page(STORIES[3], base),
        "long page (40 paragraphs)": article_page(long_story, base),
    }
    extract_html(pages["AMP variant"], f"{base}/warm-up")  # imports and caches, not measured
    out: dict[str, Any] = {}
    for name, html in pages.items():
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            extract_html(html, f"{base}/news/x")
            samples.append(time.perf_counter() - started)
        out[name] = {"bytes": len(html.encode()), **summarise(samples)}
    return out


async def _add_end_to_end(folder: Path, repeats: int) -> dict[str, Any]:
    from bot.config import Settings
    from bot.intake import Intake
    from bot.intake.fetch import Fetcher
    from bot.store import Store
    from tests.intake.site import NewsSite, Story, article_page

    site = NewsSite()
    await site.start()
    rng = random.Random(11)
    urls = []
    for n in range(repeats):
        headline, paragraphs = _story(rng, n)
        story = Story(f"s{n}", headline, date(2024, 5, 1), "Bench Writer", tuple(paragraphs))
        site.page(f"/news/s{n}", article_page(story, site.base))
        urls.append(site.url(f"/news/s{n}"))
    (folder / "data" / "articles").mkdir(parents=True)
    settings = Settings(database=folder / "add.db", data_dir=folder / "data")
    samples = []
    try:
        async with await Store.open(settings.database) as store:
            fetcher = Fetcher(allow_private=True, host_interval=0)
            async with Intake(store, settings, fetcher=fetcher) as intake:
                await intake.add(urls[0])  # warm-up: imports, first connection
                for url in urls[1:]:
                    started = time.perf_counter()
                    await intake.add(url)
                    samples.append(time.perf_counter() - started)
    finally:
        await site.stop()
    return summarise(samples)


async def _polling(folder: Path, feeds: int, items: int, repeats: int, port: int) -> dict[str, Any]:
    import aiohttp

    from bot.config import Settings
    from bot.intake import Intake
    from bot.intake.feeds import parse_feed
    from bot.intake.fetch import Fetcher
    from bot.store import Store

    base = f"http://127.0.0.1:{port}"
    (folder / "data" / "articles").mkdir(parents=True)
    settings = Settings(database=folder / "poll.db", data_dir=folder / "data")
    result: dict[str, Any] = {"feeds": feeds, "items_per_feed": items}

    async def set_mode(mode: str) -> None:
        async with aiohttp.ClientSession() as http, http.get(f"{base}/mode/{mode}") as r:
            await r.read()

    async with await Store.open(settings.database) as store:
        fetcher = Fetcher(allow_private=True, host_interval=0)
        async with Intake(store, settings, fetcher=fetcher) as intake:
            for i in range(feeds):
                await intake.add_feed(f"{base}/feed/{i}.xml")
            started, cpu = time.perf_counter(), time.process_time()
            first = await intake.poll_all()
            taken = sum(len(r.added) for r in first)
            result["first_poll"] = {
                "articles_taken": taken,
                "wall_s": round(time.perf_counter() - started, 2),
                "cpu_s": round(time.process_time() - cpu, 2),
                "errors": [r.error for r in first if r.error],
            }
            for mode in ("same", "fresh", "etag"):
                await set_mode(mode)
                if mode == "etag":  # one poll to learn the ETags
                    await intake.poll_all(datetime.now(UTC))
                cpu_samples, wall_samples, unchanged = [], [], 0
                for _ in range(repeats):
                    cpu, started = time.process_time(), time.perf_counter()
                    polled = await intake.poll_all(datetime.now(UTC))
                    cpu_samples.append(time.process_time() - cpu)
                    wall_samples.append(time.perf_counter() - started)
                    assert all(not r.added and r.error is None for r in polled), polled
                    unchanged = sum(r.unchanged for r in polled)
                result[mode] = {
                    "cpu_s_median": round(statistics.median(cpu_samples), 4),
                    "cpu_s_max": round(max(cpu_samples), 4),
                    "wall_s_median": round(statistics.median(wall_samples), 4),
                    "items_unchanged": unchanged,
                }
            await set_mode("same")
            bodies = [
                (await fetcher.get(f"{base}/feed/{i}.xml", "feed")).body for i in range(feeds)
            ]
            cpu = time.process_time()
            for i, body in enumerate(bodies):
                parse_feed(body, "application/rss+xml", f"{base}/feed/{i}.xml")
            result["full_parse_cpu_s"] = round(time.process_time() - cpu, 4)
    return result


def run(feeds: int, items: int, repeats: int) -> dict[str, Any]:
    folder = scratch_dir("intake")
    extraction = _extraction(max(repeats * 10, 20))
    add = asyncio.run(_add_end_to_end(folder / "add", max(repeats * 4, 8)))
    queue: multiprocessing.Queue[int] = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(queue, feeds, items), daemon=True)
    server.start()
    try:
        port = queue.get(timeout=30)
        polling = asyncio.run(_polling(folder / "poll", feeds, items, repeats, port))
    finally:
        server.terminate()
        server.join(5)
    return {
        "extraction": extraction,
        "add_end_to_end": add,
        "polling": polling,
        "targets": {"unchanged_poll_cpu_s": 1.0},
    }


def report(result: dict[str, Any]) -> None:
    print_table(
        ["page", "bytes", "p50 ms", "p99 ms", "n"],
        [[name, r["bytes"], r["p50_ms"], r["p99_ms"], r["n"]]
         for name, r in result["extraction"].items()],
        title="Extraction (trafilatura), per page",
    )  # fmt: skip
    add = result["add_end_to_end"]
    print_table(
        ["step", "p50 ms", "p99 ms", "n"],
        [["add URL: fetch, extract, build, write, store", add["p50_ms"], add["p99_ms"], add["n"]]],
        title="One article added from a local server, end to end",
    )
    p = result["polling"]
    first = p["first_poll"]
    print(f"\nfirst poll of {p['feeds']} feeds x {p['items_per_feed']} items: "
          f"{first['articles_taken']} articles taken in {first['wall_s']} s "
          f"({first['cpu_s']} s CPU)")  # fmt: skip
    target = result["targets"]["unchanged_poll_cpu_s"]
    rows = []
    for mode, label in (
        ("same", "same bytes (body hash)"),
        ("fresh", "new lastBuildDate, items unchanged (scanned)"),
        ("etag", "304 Not Modified"),
    ):
        r = p[mode]
        ok = "yes" if r["cpu_s_max"] < target else "NO"
        rows.append([label, r["cpu_s_median"], r["cpu_s_max"], r["wall_s_median"],
                     r["items_unchanged"], ok])  # fmt: skip
    print_table(
        ["one poll of every feed, all unchanged", "CPU s p50", "CPU s max", "wall s",
         "items", f"< {target} s"],
        rows,
        title=f"Polling {p['feeds']} feeds x {p['items_per_feed']} items (this process's CPU)",
    )  # fmt: skip
    print(f"for reference, a full feedparser parse of the same {p['feeds']} documents: "
          f"{p['full_parse_cpu_s']} s CPU")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run the intake benchmark from the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.intake", description=__doc__)
    parser.add_argument("--feeds", type=int, default=None, help="feeds (default 20)")
    parser.add_argument("--items", type=int, default=None, help="items per feed (default 50)")
    parser.add_argument("--repeats", type=int, default=None, help="polls per case (default 5)")
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--out", type=Path, help="results folder (default bench/results)")
    args = parser.parse_args(argv)
    feeds = args.feeds or (QUICK_FEEDS if args.quick else DEFAULT_FEEDS)
    items = args.items or (QUICK_ITEMS if args.quick else DEFAULT_ITEMS)
    repeats = args.repeats or (2 if args.quick else 5)
    logging.basicConfig(level=logging.ERROR)
    print(f"intake: {feeds} feeds x {items} items, {repeats} polls per case ...", flush=True)
    result = run(feeds, items, repeats)
    report(result)
    path = write_result("intake", result, args.out)
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
