"""The command line: ``pitwall`` / ``python -m bot`` with run, ingest, sync, check and ask.

This is the entry point that owns the resources: it loads the settings, sets up logging,
opens the store and hands them down. Expected failures (a bad setting, a malformed article,
an unusable database) become one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import Settings, load_settings
from bot.errors import ConfigError, IngestError, PitwallError, StoreError
from bot.store import FeedInfo, Store, pg_failure

__all__ = ["main"]

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pitwall", description="Pitwall: answers motorsport fans from real reporting."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("run", help="run the Discord bot (ingests the bundled data on an empty store)")
    ingest = sub.add_parser("ingest", help="load articles into the store (default: all of them)")
    ingest.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="article files or folders"
    )
    ingest.add_argument(
        "--draft", type=Path, metavar="FILE",
        help="write a draft annotation file for one article instead of loading it",
    )  # fmt: skip
    ingest.add_argument(
        "--explain", action="store_true",
        help="print each quote with its speaker and how it was found; loads nothing",
    )  # fmt: skip
    sync = sub.add_parser("sync", help="register the slash commands with Discord")
    sync.add_argument("--guild", type=int, metavar="ID", help="a server ID (instant); else global")
    sub.add_parser("check", help="check the settings, the articles and the store")
    ask = sub.add_parser("ask", help="answer a question offline, as the bot would")
    ask.add_argument("question", nargs="+", help='e.g. "what happened on lap 32?"')
    _intake_parsers(sub)
    return parser


async def _open_store(settings: Settings, *, seed: bool) -> Store:
    """Open the store; with ``seed``, load the bundled articles first when it is empty."""
    from bot.ingest.load import discover, ingest

    store = await Store.open(settings.database)
    try:
        # Not stats(): counting every table (a million quotes) took 2 s of a cold start.
        if seed and await store.article_count() == 0:
            report = await ingest(store, discover(None, settings.articles_dir))
            for error in report.failed:
                log.warning("skipped %s", error)
    except BaseException:
        await store.close()
        raise
    return store


async def _ingest(settings: Settings, paths: list[Path], draft: Path | None) -> int:
    from bot.ingest.draft import draft_annotation
    from bot.ingest.load import discover, ingest

    if draft is not None:
        if len(paths) != 1:
            raise ConfigError("--draft FILE needs exactly one article PATH to draft from")
        text = draft_annotation(paths[0])
        await asyncio.to_thread(draft.write_text, text, encoding="utf-8")
        print(f"wrote draft annotation {draft} for {paths[0]}: review it, then save it as "
              f"{paths[0].with_suffix('.toml').name} beside the article")  # fmt: skip
        return EXIT_OK
    async with await Store.open(settings.database) as store:
        report = await ingest(store, discover(paths or None, settings.articles_dir))
        stats = await store.stats()
    for slug in report.loaded:
        print(f"loaded     {slug}")
    for slug in report.unchanged:
        print(f"unchanged  {slug}")
    for error in report.failed:
        print(f"FAILED     {error}", file=sys.stderr)
    print(
        f"store {store.location}: {stats.articles} articles, {stats.people} people, "
        f"{stats.quotes} quotes, {stats.reported} reported statements, "
        f"{stats.events} lap events, {stats.facts} facts"
    )
    return EXIT_PROBLEM if report.failed else EXIT_OK


# -- issue 8: explaining attribution, checking the register -------------------------------


def _explain(settings: Settings, paths: list[Path]) -> int:
    """Print every quote of the articles with its speaker and the cue that found it."""
    from bot.ingest.explain import explain_article
    from bot.ingest.load import build_article, discover

    failed = 0
    for path in discover(paths or None, settings.articles_dir):
        try:
            article = build_article(path)
        except IngestError as exc:
            print(f"FAILED     {exc}", file=sys.stderr)
            failed += 1
            continue
        print(explain_article(article))
    return EXIT_PROBLEM if failed else EXIT_OK


def _check_register(settings: Settings) -> int:
    """Validate the register of people (data/people/); return the number of problems."""
    folder = settings.data_dir / "people"
    if not folder.is_dir():
        print(f"register   not found ({folder}): epithets are resolved from the text alone")
        return 0
    try:
        from bot.ingest.register import validate
    except ImportError:
        print("register   not checked (this Pitwall has no register reader)")
        return 0
    problems = validate(folder)
    for problem in problems:
        print(f"register   PROBLEM {problem}")
    if not problems:
        print(f"register   ok {folder}")
    return len(problems)


async def _check(settings: Settings) -> int:
    from bot.ingest.load import build_article, discover

    problems = 0
    print(f"config     ok ({settings!r})")
    print("token      " + ("set" if settings.token else "not set (needed by run and sync)"))
    try:
        paths = discover(None, settings.articles_dir)
    except IngestError as exc:
        print(f"data       PROBLEM {exc}")
        paths, problems = [], problems + 1
    for path in paths:
        try:
            article = build_article(path)
        except IngestError as exc:
            print(f"article    PROBLEM {exc}")
            problems += 1
        else:
            print(f"article    ok {path.name}: {len(article.quotes)} quotes")
    problems += _check_register(settings)
    try:
        async with await Store.open(settings.database) as store:
            result = await store.integrity_check()
            stats = await store.stats()
    except StoreError as exc:
        print(f"store      PROBLEM {exc}")
        return EXIT_USAGE  # not a problem in the store: a store that cannot be used at all
    if result != "ok":
        print(f"store      PROBLEM integrity check: {result}")
        problems += 1
    else:
        print(
            f"store      ok {store.location}: schema v{stats.schema_version}, "
            f"{stats.articles} articles, {stats.quotes} quotes"
        )
    return EXIT_PROBLEM if problems else EXIT_OK


async def _ask(settings: Settings, question: str) -> int:
    from bot.answers import AnswerEngine
    from bot.render import render_text

    store = await _open_store(settings, seed=True)
    async with store:
        engine = AnswerEngine(store)
        await engine.refresh()
        print(render_text(await engine.ask(question)))
    return EXIT_OK


async def _run(settings: Settings, *, sync_only: bool = False, guild: int | None = None) -> int:
    from bot.client import run_bot, sync_commands

    if sync_only:
        names = await sync_commands(settings, guild)
        where = f"server {guild}" if guild else "every server (global; may take up to an hour)"
        print(f"registered {len(names)} commands to {where}: {', '.join(sorted(names))}")
        return EXIT_OK
    return await run_bot(settings, lambda: _open_store(settings, seed=True))


def _pg_errors() -> tuple[type[BaseException], ...]:
    """psycopg's error class once PostgreSQL was used; none before (psycopg is imported only
    for a PostgreSQL store: it costs about 0.3 s of every start)."""
    psycopg = sys.modules.get("psycopg")
    return (psycopg.Error,) if psycopg is not None else ()


def _store_failure(database: Path | str | None, exc: sqlite3.Error) -> str:
    """One line saying what went wrong with the store, and what to do about it."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return (
            f"the store {database} is locked by another process (waited 5 s); try again "
            "when it has finished"
        )
    if primary in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
        return f"cannot write the store {database}: {exc} (is the disk full?)"
    if primary == sqlite3.SQLITE_READONLY:
        return f"cannot write the store {database}: {exc}"
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return (
            f"the store {database} is damaged ({exc}): restore it from a backup, or move it "
            "aside and run `ingest` to rebuild it from the articles"
        )
    return f"the store {database} failed: {exc}"


# -- article intake: add, feeds (bot/intake) ------------------------------------------------


def _intake_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add = sub.add_parser("add", help="add articles from links or saved pages (.html .md .txt)")
    add.add_argument("sources", nargs="+", metavar="URL|PATH", help="http(s) links or files")
    feeds = sub.add_parser("feeds", help="follow news feeds (RSS, Atom, JSON Feed)")
    action = feeds.add_subparsers(dest="feeds_command", required=True, metavar="ACTION")
    action.add_parser("add", help="follow a feed").add_argument("url", metavar="URL")
    action.add_parser("list", help="every feed, how it is doing, and why one is paused")
    remove = action.add_parser("remove", help="stop following a feed (its articles stay)")
    remove.add_argument("feed", metavar="URL|ID")
    action.add_parser("poll", help="poll every feed once now and print what was added")


async def _add(settings: Settings, sources: list[str]) -> int:
    from bot.errors import UserError
    from bot.intake import Intake

    failed = 0
    async with await Store.open(settings.database) as store, Intake(store, settings) as intake:
        for source in sources:
            try:
                result = await intake.add(source)
            except UserError as exc:
                print(f"FAILED     {source}: {exc}", file=sys.stderr)
                failed += 1
                continue
            verb = "unchanged" if result.unchanged else ("replaced" if result.replaced else "added")
            article = result.article
            link = f" {result.url}" if result.url else ""
            print(f"{verb:<10} {article.slug}: {article.headline} ({article.published}, "
                  f"{result.quotes} quotes){link}")  # fmt: skip
    return EXIT_PROBLEM if failed else EXIT_OK


def _feed_line(feed: FeedInfo) -> str:
    state = "active"
    if feed.paused:
        state = f"PAUSED: {feed.paused}"
    elif feed.last_error:
        state = f"failing ({feed.failures} in a row): {feed.last_error}"
    last = feed.last_poll.strftime("%Y-%m-%d %H:%M UTC") if feed.last_poll else "never"
    nxt = "-" if feed.paused else feed.next_poll.strftime("%Y-%m-%d %H:%M UTC")
    title = f" {feed.title}" if feed.title else ""
    return (f"{feed.id:>4} {feed.url}{title}\n     {feed.items} items · last poll {last} · "
            f"next {nxt} · {state}")  # fmt: skip


async def _feeds(settings: Settings, command: str, arg: str | None) -> int:
    from bot.intake import Intake

    async with await Store.open(settings.database) as store, Intake(store, settings) as intake:
        if command == "add":
            assert arg is not None
            feed = await intake.add_feed(arg)
            verb = "following" if feed.created else "following again (resumed)"
            print(f"{verb} {feed.url}" + (f" ({feed.title})" if feed.title else ""))
            print("its current items load on the first poll (`pitwall feeds poll`, or the "
                  "running bot within a minute); none of them is announced")  # fmt: skip
            return EXIT_OK
        if command == "remove":
            assert arg is not None
            feed = await intake.remove_feed(arg)
            print(f"no longer following {feed.url} (its articles stay)")
            return EXIT_OK
        if command == "list":
            feeds = await intake.feeds()
            for feed in feeds:
                print(_feed_line(feed))
            if not feeds:
                print("no feeds: add one with `pitwall feeds add URL`")
            return EXIT_OK
        results = await intake.poll_all()
        failed = 0
        for result in results:
            feed = result.feed
            if result.error:
                failed += 1
                paused = f" (paused: {feed.paused})" if feed.paused else ""
                print(f"FAILED     {feed.url}: {result.error}{paused}", file=sys.stderr)
                continue
            first = " (first poll: nothing announced)" if result.first_poll else ""
            print(f"polled     {feed.url}: {len(result.added)} added, {result.unchanged} "
                  f"unchanged{first}")  # fmt: skip
            for story in result.added:
                verb = "replaced" if story.replaced else "added"
                print(f"  {verb:<8} {story.article.slug}: {story.article.headline}")
            for line in result.refused:
                print(f"  refused  {line}", file=sys.stderr)
        if not results:
            print("no active feeds to poll")
        return EXIT_PROBLEM if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run one CLI command and return its exit code."""
    args = _parser().parse_args(argv)
    database: Path | str | None = None
    try:
        settings = load_settings()
        database = settings.database
        from bot.log import setup_logging

        # `ask` and `ingest --explain` print for a person to read: only warnings beside it.
        level = settings.log_level
        quiet = args.command == "ask" or (args.command == "ingest" and args.explain)
        if quiet and logging.getLevelName(level) < logging.WARNING:
            level = "WARNING"
        # add and feeds print one line per link or feed; the log would say each thing twice.
        if args.command in ("add", "feeds") and level != "DEBUG":
            level = "ERROR"
        setup_logging(level, secrets=[settings.token or ""])
        if args.command == "run":
            settings.require_token()
            return asyncio.run(_run(settings))
        if args.command == "sync":
            settings.require_token()
            return asyncio.run(_run(settings, sync_only=True, guild=args.guild))
        if args.command == "ingest":
            if args.explain:
                return _explain(settings, list(args.paths))
            return asyncio.run(_ingest(settings, list(args.paths), args.draft))
        if args.command == "check":
            return asyncio.run(_check(settings))
        if args.command == "ask":
            return asyncio.run(_ask(settings, " ".join(args.question)))
        if args.command == "add":
            return asyncio.run(_add(settings, list(args.sources)))
        if args.command == "feeds":
            target = getattr(args, "url", None) or getattr(args, "feed", None)
            return asyncio.run(_feeds(settings, args.feeds_command, target))
    except PitwallError as exc:
        print(f"pitwall: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.Error as exc:  # locked, read-only, full or damaged past what open() checks
        print(f"pitwall: {_store_failure(database, exc)}", file=sys.stderr)
        return EXIT_USAGE
    except _pg_errors() as exc:  # PostgreSQL went away or refused a statement after open()
        print(f"pitwall: {pg_failure(str(database), exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    raise AssertionError(f"unhandled command {args.command}")  # argparse guarantees one
