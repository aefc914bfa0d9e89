"""Interaction latency: 1, 50 and 500 concurrent interactions through the local Discord.

Usage: ``python -m bench.latency [--articles N] [--quick]`` (or ``python bench/latency.py``).

The real bot process (``python -m bot run`` through ``bench/_launch.py``, which adds
``/noop``) runs against the emulator in ``tests/emulator`` over the store it ships with (the
bundled articles), or with ``--articles N`` over a generated one. Each level fires its
interactions at once, mixed across every command, option form and autocomplete, and records
for each the time from INTERACTION_CREATE (the emulator building and sending it) to the
bot's first callback: the clock Discord's 3-second deadline runs on. ``/noop`` answers "ok"
and does nothing else, in the same process and the same burst, so each command's p99 is also
given as a ratio to that floor. Last, each kind is sent one at a time and the bot process's
CPU time per interaction is measured (Linux): what the ratio comes down to under load.

Targets: every command's p99 within 1.3x the floor at 500 concurrent; none over 3 s.
Writes ``bench/results/latency.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/latency.py`: import bench from the repo
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench._common import REPO_ROOT, print_table, scratch_dir, summarise, write_result
from bench._noop_cog import LOOP_LAG_ENV
from bench.corpus import generate
from bench.startup import peak_rss_mb as _peak_rss_mb
from bench.store import RUNNING_INGEST, build_store, forget_running, running_dir

__all__ = ["TARGETS", "main", "run"]

log = logging.getLogger(__name__)

#: The issue's targets (12): p99 within 1.3x the floor (at 500 concurrent by default, or at
#: --burst), none past Discord's 3 s, the bot under 200 MB and its loop never held 20 ms.
TARGETS = {"ratio_p99_at_500": 1.3, "deadline_s": 3.0, "peak_rss_mb": 200.0,
           "loop_lag_max_ms": 20.0}  # fmt: skip
#: 0: the bundled articles, the store the bot ships with and seeds itself from.
DEFAULT_ARTICLES = 0
LEVELS = (1, 50, 500)
#: Rounds of every kind sent one at a time while the bot's loop lag is read.
SEQUENTIAL = 10
#: Interactions per level: enough samples per kind for a p99 that means something.
SAMPLES = {1: 60, 50: 400, 500: 1500}
QUICK_SAMPLES = {1: 20, 50: 100, 500: 500}

Send = Callable[[Any], Awaitable[Any]]


@dataclass
class Material:
    """What the store holds, for realistic options: names, stories, laps and quote words."""

    people: list[str]
    slugs: list[str]
    laps: list[int]
    quotes: list[str]


async def _material(db_path: Path) -> Material:
    from bot.store import Store

    async with await Store.open(db_path) as store:
        people = [p.name for p in await store.people()]
        slugs = [a.slug for a in await store.articles()]
        laps = await store.laps_with_events() or [1]
        texts = [text for _id, text, _attributed in await store.quote_index()]
    rng = random.Random(5)
    quotes = [t for t in rng.sample(texts, min(len(texts), 2000)) if len(t.split()) >= 4]
    return Material(people, slugs, laps, quotes)


def _mix(material: Material, rng: random.Random) -> list[tuple[str, Callable[[Any], Any]]]:
    """One entry per kind of interaction: (label, how to send it to the emulator)."""
    people = material.people
    slugs = material.slugs
    phrases = material.quotes
    words = ["gearbox", "safety car", "strategy", "tyres", "stewards", "DRS", "fault", "lap"]

    def phrase() -> str:
        words_ = rng.choice(phrases).split()
        start = rng.randrange(0, max(1, len(words_) - 4))
        return " ".join(words_[start : start + rng.randint(3, 5)])[:200]

    def surname() -> str:
        return rng.choice(people).split()[-1]

    def command(name: str, options: Callable[[], dict[str, Any]]) -> Callable[[Any], Any]:
        return lambda emu: emu.send_command(name, options())

    def complete(name: str, option: str, value: Callable[[], str]) -> Callable[[Any], Any]:
        return lambda emu: emu.send_autocomplete(
            name, {option: value()}, focused=option, timeout=60
        )

    return [
        ("noop", command("noop", dict)),
        ("quote", command("quote", dict)),
        ("quote speaker", command("quote", lambda: {"speaker": surname()})),
        ("quote contains", command("quote", lambda: {"contains": rng.choice(words)})),
        (
            "quote speaker+contains",
            command(
                "quote", lambda: {"speaker": rng.choice(people), "contains": rng.choice(words)}
            ),
        ),
        ("whosaid", command("whosaid", lambda: {"phrase": phrase()})),
        ("lap", command("lap", lambda: {"number": rng.choice([*material.laps, 7])})),
        ("apology", command("apology", dict)),
        ("who", command("who", lambda: {"name": surname()})),
        ("facts", command("facts", lambda: {"article": rng.choice(slugs)})),
        ("recap", command("recap", lambda: {"article": rng.choice(slugs)})),
        (
            "ask",
            command(
                "ask",
                lambda: {
                    "question": rng.choice(
                        [
                            f"what happened on lap {rng.choice(material.laps)}?",
                            "did anyone apologise?",
                            f"who is {surname()}?",
                            f"what did {surname()} say?",
                            f"who said {phrase()}",
                        ]
                    )
                },
            ),
        ),
        ("autocomplete speaker", complete("quote", "speaker", lambda: surname()[:3])),
        ("autocomplete name", complete("who", "name", lambda: rng.choice(people)[:5])),
        ("autocomplete article", complete("facts", "article", lambda: rng.choice(slugs)[:7])),
    ]


async def _burst(emu: Any, sends: list[tuple[str, Callable[[Any], Any]]]) -> dict[str, list[float]]:
    """Fire these interactions at once; return first-callback latencies (s) by kind."""
    before = max(emu.interactions, default=0)

    async def one(label: str, send: Callable[[Any], Any]) -> tuple[str, Any]:
        return label, await send(emu)

    sent = await asyncio.gather(*(one(label, send) for label, send in sends))
    latencies: dict[str, list[float]] = defaultdict(list)
    finals = []
    for label, record in sent:
        if label.startswith("autocomplete"):
            continue
        first = await record.first_response(60)
        latencies[label].append(first.elapsed)
        if first.type in (4, 5):
            finals.append(record.wait_final(60))
    # Autocomplete records are not returned by the emulator: find this burst's by type.
    autocompletes = {"quote": "autocomplete speaker", "who": "autocomplete name",
                     "facts": "autocomplete article"}  # fmt: skip
    for iid, record in emu.interactions.items():
        if iid > before and record.type == 4 and record.callbacks:
            latencies[autocompletes[record.name]].append(record.callbacks[0].elapsed)
    # Let deferred answers finish, so the next burst starts from an idle bot.
    await asyncio.gather(*finals)
    return latencies


async def _level(
    emu: Any, mix: list[tuple[str, Callable[[Any], Any]]], level: int, total: int, seed: int
) -> dict[str, Any]:
    rng = random.Random(seed)
    samples: dict[str, list[float]] = defaultdict(list)
    # Each burst's worst per kind: a p99 of ~70 samples is one burst's worst, and which
    # burst (the first, cold; one with a refresh beside it) says where the time went.
    bursts: list[dict[str, float]] = []
    done = 0
    while done < total:
        size = min(level, total - done)
        # Every kind equally often, in random order; /noop among them.
        sends = [mix[(done + i) % len(mix)] for i in range(size)]
        rng.shuffle(sends)
        worst: dict[str, float] = {}
        for label, values in (await _burst(emu, sends)).items():
            samples[label].extend(values)
            worst[label] = round(max(values) * 1000, 1)
        bursts.append(worst)
        done += size
    floor = summarise(samples["noop"])
    kinds: dict[str, Any] = {}
    for label, _send in mix:
        stats: dict[str, Any] = summarise(samples[label])
        stats["ratio_p99"] = round(stats["p99_ms"] / floor["p99_ms"], 3) if floor["n"] else None
        stats["over_3s"] = sum(1 for v in samples[label] if v > TARGETS["deadline_s"])
        kinds[label] = stats
    return {"concurrency": level, "interactions": total, "floor": floor, "kinds": kinds,
            "bursts_max_ms": bursts}  # fmt: skip


async def _bundled_store(db_path: Path) -> None:
    """Load ``data/articles`` as ``python -m bot run`` does on an empty store."""
    from bot.ingest.load import discover, ingest
    from bot.store import Store

    async with await Store.open(db_path) as store:
        if (await store.stats()).articles == 0:
            await ingest(store, discover(None, REPO_ROOT / "data" / "articles"))


def _cpu_seconds(pid: int) -> float:
    """CPU time of a live process, all its threads, from the scheduler's nanosecond counts."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (FileNotFoundError, ProcessLookupError):  # a thread that just ended
            continue
    return total / 1e9


async def _cpu_per_kind(
    emu: Any, pid: int, mix: list[tuple[str, Callable[[Any], Any]]], repeats: int
) -> dict[str, float]:
    """CPU milliseconds the bot process spends per interaction of each kind, one at a time.

    What the ratio to the floor comes down to at high concurrency: the bot is CPU-bound, so a
    burst takes as long as the CPU it needs, and a command needs more than "ok" does.
    """
    cost: dict[str, float] = {}
    for label, send in mix:
        before = _cpu_seconds(pid)
        for _ in range(repeats):
            await _burst(emu, [(label, send)])
        cost[label] = round((_cpu_seconds(pid) - before) / repeats * 1000, 3)
    return cost


async def run(
    articles: int,
    samples: dict[int, int],
    *,
    store_dir: Path | None = None,
    cpu_repeats: int = 40,
    running_ingest: int = RUNNING_INGEST,
) -> dict[str, Any]:
    """Build (or reuse) a store, start the emulator and the bot, and measure every level,
    then (``running_ingest``) have moderators add that many new articles while the bot's
    loop is watched.

    ``articles`` 0 means the bundled articles, as the bot ships; more, a generated store.
    """
    from bot.store import Store
    from tests.emulator import DiscordEmulator
    from tests.emulator.fixtures import BotProcess

    work = store_dir or scratch_dir("latency")
    lag_file = work / "loop-lag.txt"
    try:
        db_path = work / "pitwall.db"
        if articles:
            await build_store(work / "articles", db_path, articles, reuse=True)
        else:
            await _bundled_store(db_path)
        async with await Store.open(db_path) as store:
            await forget_running(store, work)  # what a run stopped half way left behind
        lag_file.unlink(missing_ok=True)
        material = await _material(db_path)
        # A callback is accepted however late, so a slow one is measured, not lost; this
        # script counts the ones past Discord's 3 seconds itself.
        emu = DiscordEmulator(ack_deadline=3600.0, strict_interactions=False)
        await emu.start()
        bot = await BotProcess.start(
            emu,
            ["run"],
            env={
                "PITWALL_DATABASE": str(db_path),
                "LOG_LEVEL": "WARNING",
                # Moderators' new articles are fetched from a local site, into a folder of
                # the bench's own (removed again after the run).
                "PITWALL_DATA_DIR": str(running_dir(work)),
                "PITWALL_ALLOW_PRIVATE_URLS": "1",
                "PITWALL_HOST_INTERVAL": "0s",
                LOOP_LAG_ENV: str(lag_file),
            },
            entry="bench._launch:main",
            log_dir=work / "logs",
        )
        try:
            started = time.monotonic()
            await bot.wait_ready(300)
            ready_s = time.monotonic() - started
            mix = _mix(material, random.Random(11))
            levels = []
            answering = [time.time()]
            for n, (level, total) in enumerate(samples.items()):
                print(f"latency: {total} interactions, {level} at a time ...", flush=True)
                levels.append(await _level(emu, mix, level, total, seed=n))
            answering.append(time.time())
            # One at a time, the loop has nothing else to do: its lag is then the longest
            # any one interaction held it (in a burst it is the queue as well).
            print(f"latency: each kind {SEQUENTIAL} times, one at a time ...", flush=True)
            # The probe writes each second's worst lag at its end: the second that would
            # straddle the last burst and this phase counted the burst's queue here.
            await asyncio.sleep(1.2)
            alone = [time.time()]
            for _ in range(SEQUENTIAL):
                for entry in mix:
                    await _burst(emu, [entry])
            alone.append(time.time())
            peak_rss_mb = round(await asyncio.to_thread(_peak_rss_mb, bot.process.pid), 1)
            taking: dict[str, Any] = {}
            if running_ingest:
                print(f"latency: moderators add {running_ingest} new articles ...", flush=True)
                taking = await _moderators_add(emu, work, running_ingest)
            await asyncio.sleep(1.2)  # the probe writes each second: let it write the last
            cpu: dict[str, float] = {}
            if cpu_repeats and sys.platform == "linux":
                print("latency: bot CPU per interaction, one at a time ...", flush=True)
                cpu = await _cpu_per_kind(emu, bot.process.pid, mix, cpu_repeats)
            code = await bot.terminate(30)
        finally:
            await bot.close()
            await emu.stop()
        violations = list(emu.violations)
        lags = await asyncio.to_thread(_read_lag, lag_file)
        async with await Store.open(db_path) as store:
            await forget_running(store, work)
    finally:
        if store_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    at_500 = next((lv for lv in levels if lv["concurrency"] == 500), levels[-1])
    worst = max(k["ratio_p99"] or 0 for name, k in at_500["kinds"].items() if name != "noop")
    top = levels[-1]  # the highest concurrency measured: what the targets are read at
    top_worst = max(k["ratio_p99"] or 0 for name, k in top["kinds"].items() if name != "noop")
    lag_bursts = _window_max(lags, *answering)
    lag_answering = _window_max(lags, *alone)
    lag_ingest = _window_max(lags, *taking["window"]) if taking else None
    return {
        "ratio_p99": top_worst,
        "concurrency": top["concurrency"],
        "floor_p99_ms": top["floor"]["p99_ms"],
        "peak_rss_mb": peak_rss_mb,
        "loop_lag_max_ms": max(v for v in (lag_answering, lag_ingest) if v is not None)
        if lag_answering is not None
        else None,
        "loop_lag": {
            "answering_max_ms": lag_answering,
            "running_ingest_max_ms": lag_ingest,
            "bursts_max_ms": lag_bursts,
        },
        "running_ingest": {k: v for k, v in taking.items() if k != "window"},
        "articles": articles,
        "bot_ready_seconds": round(ready_s, 2),
        "bot_exit_code": code,
        "levels": levels,
        "bot_cpu_ms_per_interaction": cpu,
        "worst_ratio_p99_at_500": worst,
        "over_3s": sum(k["over_3s"] for lv in levels for k in lv["kinds"].values()),
        "violations": violations[:20],
        "targets": TARGETS,
    }


def _read_lag(path: Path) -> list[tuple[float, float]]:
    """The probe's lines: (unix time at the end of a second, worst lag in it, ms)."""
    if not path.is_file():
        return []
    out: list[tuple[float, float]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            out.append((float(parts[0]), float(parts[1])))
    return out


def _window_max(lags: list[tuple[float, float]], start: float, end: float) -> float | None:
    """The worst lag of the seconds that overlap ``start``..``end`` (unix times)."""
    inside = [ms for at, ms in lags if start <= at <= end + 1.0]
    return round(max(inside), 2) if inside else None


async def _moderators_add(emu: Any, work: Path, count: int) -> dict[str, Any]:
    """A moderator adds ``count`` new articles, one after another, with ``/articles add file:``
    (the files served by a local site, as Discord serves attachments): the bot fetches,
    extracts, builds and stores each, then refreshes its answers, as it does in production."""
    from tests.e2e.site import LocalSite

    source = work / "running-source"
    fresh = await asyncio.to_thread(generate, source, count, seed=2)
    site = await LocalSite().start()
    failed: list[str] = []
    added = 0
    try:
        for slug in fresh.slugs:
            body = await asyncio.to_thread((source / f"{slug}.txt").read_bytes)
            site.put(f"/{slug}.txt", body, "text/plain; charset=utf-8")
        start, clock = time.time(), time.perf_counter()
        for n, slug in enumerate(fresh.slugs):
            url = site.url(f"/{slug}.txt")
            size = len(site.routes[f"/{slug}.txt"][2])
            upload = {"id": str(1357924680135792468 + n), "filename": f"{slug}.txt",
                      "size": size, "url": url, "proxy_url": url,
                      "content_type": "text/plain"}  # fmt: skip
            record = await emu.send_command("articles add", {"file": upload}, user=emu.moderator)
            content = str((await record.wait_final(120)).get("content", ""))
            if content.startswith("Added"):
                added += 1
            else:
                failed.append(content[:120])
        seconds = time.perf_counter() - clock
        end = time.time()
    finally:
        await site.stop()
        await asyncio.to_thread(shutil.rmtree, source, True)
    return {
        "articles": added,
        "failed": failed[:5],
        "seconds": round(seconds, 3),
        "articles_per_s": round(added / seconds, 3) if seconds else None,
        "window": (start, end),
    }


def report(result: dict[str, Any]) -> None:
    """Print one table per level (the script's output)."""
    for level in result["levels"]:
        floor = level["floor"]
        print_table(
            ["interaction", "n", "p50 ms", "p99 ms", "max ms", "p99/floor", "over 3 s"],
            [
                [name, k["n"], k["p50_ms"], k["p99_ms"], k["max_ms"], k["ratio_p99"], k["over_3s"]]
                for name, k in level["kinds"].items()
            ],
            title=(
                f"{level['concurrency']} concurrent ({level['interactions']} interactions; "
                f"floor /noop p99 {floor['p99_ms']:.1f} ms)"
            ),
        )
        bursts = level.get("bursts_max_ms") or []
        if len(bursts) > 1 and level["concurrency"] > 1:  # one at a time: no burst
            rows = []
            for n, worst in enumerate(bursts):
                others = [k for k in worst if k != "noop"]
                slowest = max(others, key=worst.__getitem__) if others else "-"
                rows.append([n, worst.get("noop", "-"), slowest, worst.get(slowest, "-")])
            print_table(["burst", "noop max ms", "slowest kind", "its max ms"], rows,
                        title="Each burst's worst (the first follows READY at once)")  # fmt: skip
    cpu = result["bot_cpu_ms_per_interaction"]
    if cpu:
        floor = cpu.get("noop") or float("nan")
        print_table(
            ["interaction", "bot CPU ms", "x noop"],
            [[name, ms, round(ms / floor, 2)] for name, ms in cpu.items()],
            title="Bot process CPU per interaction (one at a time)",
        )
    lag = result["loop_lag"]
    taking = result["running_ingest"]
    rows = [
        [f"worst command p99 / floor at {result['concurrency']} concurrent",
         result["ratio_p99"], f"<= {TARGETS['ratio_p99_at_500']}",
         _yes(result["ratio_p99"] <= TARGETS["ratio_p99_at_500"])],
        ["interactions over 3 s", result["over_3s"], "0", _yes(result["over_3s"] == 0)],
        ["bot peak RSS MB, through READY and the interactions", result["peak_rss_mb"],
         f"<= {TARGETS['peak_rss_mb']:g}", _yes(result["peak_rss_mb"] <= TARGETS["peak_rss_mb"])],
        ["bot loop lag max ms, answering one at a time", lag["answering_max_ms"],
         f"<= {TARGETS['loop_lag_max_ms']:g}", _lag_ok(lag["answering_max_ms"])],
        ["bot loop lag max ms, in the bursts (queueing included)", lag["bursts_max_ms"],
         "-", "-"],
    ]  # fmt: skip
    if taking:
        rows += [
            [f"bot loop lag max ms, {taking['articles']} articles added",
             lag["running_ingest_max_ms"], f"<= {TARGETS['loop_lag_max_ms']:g}",
             _lag_ok(lag["running_ingest_max_ms"])],
            ["/articles add, articles/s (one at a time)", taking["articles_per_s"], "-", "-"],
        ]  # fmt: skip
    print_table(["figure", "measured", "target", "met"], rows, title="Against the targets")
    if result["violations"]:
        print("emulator violations:", *result["violations"], sep="\n  ")


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


def _lag_ok(ms: float | None) -> str:
    return "-" if ms is None else _yes(ms <= TARGETS["loop_lag_max_ms"])


def main(argv: list[str] | None = None) -> int:
    """Run the latency benchmark from the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.latency", description=__doc__)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES,
                        help="a generated store of N articles (default: the bundled)")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--store", "--keep", "--reuse", type=Path, dest="store",
                        help="build the store in this folder and keep it, or use the one "
                        "there (as bench.store --keep DIR built it)")  # fmt: skip
    parser.add_argument("--burst", type=int,
                        help="one level only: this many interactions at a time")  # fmt: skip
    parser.add_argument("--interactions", type=int, default=1000,
                        help="with --burst: interactions in all (default 1,000)")  # fmt: skip
    parser.add_argument("--running-ingest", type=int, default=None,
                        help=f"new articles moderators add at the end (default "
                        f"{RUNNING_INGEST}; --quick 10; 0: none)")  # fmt: skip
    parser.add_argument("--cpu-repeats", type=int, default=None,
                        help="one-at-a-time calls per kind for bot CPU (default 100, --quick "
                        "20, with --burst 0)")  # fmt: skip
    parser.add_argument("--out", type=Path, help="results folder (default bench/results)")
    args = parser.parse_args(argv)
    samples = dict(QUICK_SAMPLES if args.quick else SAMPLES)
    if args.burst:
        samples = {args.burst: args.interactions}
    logging.basicConfig(level=logging.WARNING)
    what = f"{args.articles:,} generated articles" if args.articles else "the bundled articles"
    print(f"latency: preparing a store of {what} ...", flush=True)
    repeats = args.cpu_repeats
    if repeats is None:
        repeats = 0 if args.burst else 20 if args.quick else 100
    taking = args.running_ingest
    if taking is None:
        taking = 10 if args.quick else RUNNING_INGEST
    result = asyncio.run(run(args.articles, samples, store_dir=args.store, cpu_repeats=repeats,
                             running_ingest=taking))  # fmt: skip
    report(result)
    path = write_result("latency", result, args.out)
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
