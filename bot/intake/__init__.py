"""Articles from links, files and news feeds, into data/ and the store.

The one facade the CLI and the Discord cogs use. A page or a file becomes an article in four
steps, each its own module: ``fetch`` (safe HTTP: public addresses only, size cap, timeouts),
``extract`` (trafilatura: main text, headline, date, author, canonical URL), ``sources``
(the article written as a source file under ``data/articles/`` with its URL, then ingested
exactly as ``pitwall ingest`` does) and ``feeds`` (feedparser and JSON Feed: polling, item
dedupe, backoff, pausing). No discord import here: the bot's feed runner announces what a
poll added through the announcement methods below, exactly once (the recap mechanism).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from bot.config import Settings
from bot.errors import FetchError, UserError
from bot.intake.extract import Extracted, with_fallbacks
from bot.intake.feeds import (
    PAUSE_AFTER,
    Entry,
    backoff,
    next_poll,
    parse_feed,
    scan_feed,
    unique,
)
from bot.intake.fetch import MAX_BYTES, Fetcher, check_url
from bot.intake.formats import read_entry, read_fetched, read_file
from bot.intake.results import (
    AddResult,
    NewStory,
    PollResult,
    add_result,
    announce_nonce,
)
from bot.intake.sources import move_out, take
from bot.models import ArticleSummary
from bot.store import Announcement, FeedInfo, FeedItem, Store

__all__ = [
    "AddResult",
    "Announcement",
    "FeedInfo",
    "Intake",
    "NewStory",
    "PollResult",
    "announce_nonce",
]

log = logging.getLogger(__name__)

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class Intake:
    """Links, files and feeds to stored articles; one per process, closed with ``aclose``.

    Usage: ``async with Intake(store, settings) as intake: await intake.add(url)``. Articles
    are taken one at a time (a lock), so two adds never race for a slug or a file.
    """

    store: Store
    settings: Settings
    fetcher: Fetcher

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        fetcher: Fetcher | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.fetcher = fetcher or Fetcher(
            allow_private=settings.allow_private_urls,
            timeout=settings.fetch_timeout.total_seconds(),
            host_interval=settings.host_interval.total_seconds(),
        )
        self._rng = rng or random.Random()
        self._take_lock = asyncio.Lock()

    async def __aenter__(self) -> Intake:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP session (open connections would warn at exit)."""
        await self.fetcher.aclose()

    @property
    def articles_dir(self) -> Path:
        return self.settings.articles_dir

    # -- one article ----------------------------------------------------------------------

    async def add(self, source: str) -> AddResult:
        """Fetch a URL (http/https) or read a local .html/.md/.txt file, extract, write under
        data/articles/ and ingest. Raises ``FetchError``/``UserError`` with one clear line."""
        source = source.strip()
        if not source:
            raise UserError("give a link (http or https) or a file path")
        if _SCHEME.match(source) and not re.match(r"^[A-Za-z]:[\\/]", source):
            url = check_url(source)
            fetched = await self.fetcher.get(url, "page")
            found = await asyncio.to_thread(read_fetched, fetched)
            return await self._take(with_fallbacks(found, url=fetched.url))
        path = Path(source).expanduser()  # noqa: ASYNC240 (no I/O: expands ~ only)
        if not await asyncio.to_thread(path.is_file):
            raise UserError("no such file, and not an http(s) link")
        size = (await asyncio.to_thread(path.stat)).st_size
        if size > MAX_BYTES:
            raise UserError(f"{path.name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = await asyncio.to_thread(path.read_bytes)
        return await self.add_upload(path.name, data)

    async def add_upload(self, filename: str, data: bytes) -> AddResult:
        """An uploaded file (a Discord attachment): .html, .htm, .md or .txt, at most 5 MB."""
        name = Path(filename).name or "upload"
        if len(data) > MAX_BYTES:
            raise UserError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
        found = await asyncio.to_thread(read_file, name, data)
        return await self._take(found)

    async def _take(self, found: Extracted) -> AddResult:
        async with self._take_lock:
            taken = await take(self.store, self.articles_dir, found, _today())
        return add_result(taken, found)

    async def remove(self, slug: str) -> ArticleSummary:
        """Remove an article from the store and move its source file out of data/articles/
        (to data/removed/), so a rebuild does not bring it back. UserError if unknown."""
        async with self._take_lock:
            known = await self.store.stored_article(slug)
            if known is None:
                raise UserError(f"no article {slug!r}: pick one from the list")
            moved = await asyncio.to_thread(move_out, self.articles_dir, known.source_path, slug)
            try:
                removed = await self.store.delete_article(slug)
            except BaseException:
                if moved is not None:
                    await asyncio.to_thread(_move_back, moved, known.source_path)
                raise
        log.info("removed article %s (file moved to %s)", slug, moved)
        return removed or known.summary

    async def articles(self, limit: int = 100, offset: int = 0) -> list[ArticleSummary]:
        """Stored articles, newest first (``ArticleSummary.url`` set where known)."""
        return await self.store.articles_page(limit, offset)

    async def article_count(self) -> int:
        """How many articles are stored (for paging)."""
        return await self.store.article_count()

    # -- feeds ----------------------------------------------------------------------------

    async def add_feed(
        self, url: str, guild_id: int | None = None, channel_id: int | None = None
    ) -> FeedInfo:
        """Subscribe to a feed: fetch it once to check it is RSS, Atom or JSON Feed, and store
        it due now. Its first poll loads its current items and announces none. Adding a feed
        already subscribed (same URL, same guild) updates its channel and resumes it."""
        url = check_url(url)
        fetched = await self.fetcher.get(url, "feed")
        parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.content_type, url)
        feed, created = await self.store.add_feed(
            url, guild_id=guild_id, channel_id=channel_id, title=parsed.title, now=_now()
        )
        log.info("feed %s %s (%d items listed)", url, "added" if created else "updated",
                 len(parsed.entries))  # fmt: skip
        return replace(feed, created=created)

    async def _find_feed(self, url_or_id: str | int, guild_id: int | None) -> FeedInfo:
        wanted = str(url_or_id).strip()
        if wanted.isdigit():
            found = await self.store.feed(int(wanted))
            candidates = [found] if found is not None else []
        else:
            candidates = await self.store.feeds_with_url(wanted)
        if guild_id is not None:
            candidates = [f for f in candidates if f.guild_id == guild_id]
        elif len(candidates) > 1:
            candidates = [f for f in candidates if f.guild_id is None] or candidates[:1]
        if not candidates:
            where = " in this server" if guild_id is not None else ""
            raise UserError(f"no feed {wanted!r}{where}: see the feeds list")
        return candidates[0]

    async def remove_feed(self, url_or_id: str | int, guild_id: int | None = None) -> FeedInfo:
        """Unsubscribe (its articles stay). With ``guild_id``, only that server's feed."""
        feed = await self._find_feed(url_or_id, guild_id)
        await self.store.delete_feed(feed.id)
        log.info("feed %s removed", feed.url)
        return feed

    async def feeds(self, guild_id: int | None = None) -> list[FeedInfo]:
        """Feeds of one server (None: every feed), in the order they were added."""
        return await self.store.feeds(guild_id)

    async def next_due(self) -> datetime | None:
        """The earliest ``next_poll`` of an unpaused feed (None: no active feed)."""
        return await self.store.next_feed_poll()

    async def poll_due(self, now: datetime) -> list[PollResult]:
        """Poll every unpaused feed whose ``next_poll`` is at or before ``now``, once each."""
        return [await self.poll(f.id, now=now) for f in await self.store.due_feeds(now)]

    async def poll_all(self, now: datetime | None = None) -> list[PollResult]:
        """Poll every unpaused feed once now (``pitwall feeds poll``)."""
        feeds = [f for f in await self.store.feeds() if f.paused is None]
        return [await self.poll(f.id, now=now) for f in feeds]

    async def poll(self, feed_id: int, now: datetime | None = None) -> PollResult:
        """Poll one feed now (conditional GET), paused or not; never raises for feed errors:
        they are in ``PollResult.error`` and counted towards pausing."""
        now = now or _now()
        feed = await self.store.feed(feed_id)
        if feed is None:
            raise UserError(f"no feed {feed_id}")
        first = not feed.primed
        interval = self.settings.feed_interval
        try:
            fetched = await self.fetcher.get(
                feed.url,
                "feed",
                etag=None if first else feed.etag,
                last_modified=None if first else feed.last_modified,
            )
            digest = hashlib.blake2b(fetched.body, digest_size=16).hexdigest()
            if fetched.not_modified or (not first and digest == feed.body_hash):
                await self.store.record_feed_poll(
                    feed.id, now=now, next_poll=next_poll(now, interval, self._rng),
                    etag=fetched.etag or feed.etag, body_hash=feed.body_hash,
                    last_modified=fetched.last_modified or feed.last_modified,
                )  # fmt: skip
                updated = await self.store.feed(feed.id) or feed
                return PollResult(updated, (), feed.items, None, first_poll=False)
            scan = await asyncio.to_thread(scan_feed, fetched.body, fetched.content_type, feed.url)
            known = await self.store.feed_items(feed.id)
            if not first and all(
                (old := known.get(key)) is not None and old.fingerprint == fingerprint
                for key, fingerprint in scan.items
            ):  # every item already taken as it is now: nothing to parse
                await self.store.record_feed_poll(
                    feed.id, now=now, next_poll=next_poll(now, interval, self._rng),
                    etag=fetched.etag, last_modified=fetched.last_modified, body_hash=digest,
                )  # fmt: skip
                updated = await self.store.feed(feed.id) or feed
                unchanged = len({key for key, _ in scan.items})
                return PollResult(updated, (), unchanged, None, first_poll=False)
            parsed = await asyncio.to_thread(
                parse_feed, fetched.body, fetched.content_type, feed.url, scan
            )
        except FetchError as exc:
            return await self._failed(feed, now, str(exc), exc.status)

        added: list[NewStory] = []
        refused: list[str] = []
        claims: list[Announcement] = []
        unchanged = 0
        retry = False  # an item failed for now: the next poll must read the whole feed again
        for entry in unique(parsed.entries):
            old = known.get(entry.key)
            if old is not None and old.fingerprint == entry.fingerprint:
                unchanged += 1
                continue
            story, item, line = await self._take_entry(feed, entry, old is not None)
            if line is not None:
                refused.append(line)
            if item is None:
                retry = True  # a passing failure: not recorded, tried again next poll
                continue
            announce = []
            if story is not None and not first and not story.replaced and old is None:
                key = f"{feed.id}:{entry.key}"
                announce.append((entry.key, story.article.slug,
                                 announce_nonce(feed.channel_id or 0, key)))  # fmt: skip
            claims += await self.store.record_feed_items(feed.id, [item], announce, now=now)
            if story is not None and (story.added or story.replaced):
                added.append(story.new)
        await self.store.record_feed_poll(
            feed.id, now=now, next_poll=next_poll(now, interval, self._rng), title=parsed.title,
            etag=None if retry else fetched.etag, body_hash=None if retry else digest,
            last_modified=None if retry else fetched.last_modified,
        )  # fmt: skip
        updated = await self.store.feed(feed.id) or feed
        log.info("polled %s: %d added, %d unchanged, %d refused", feed.url, len(added),
                 unchanged, len(refused))  # fmt: skip
        return PollResult(
            updated, tuple(added), unchanged, None, first, tuple(refused), tuple(claims)
        )

    async def _take_entry(
        self, feed: FeedInfo, entry: Entry, edited: bool
    ) -> tuple[_Story | None, FeedItem | None, str | None]:
        """Take one entry: (the story, the item to record, a line saying why it was refused).

        A failure that may pass (the server down, a timeout, no network) records nothing, so
        the next poll tries again; one that will not (gone, not an article) records the item
        with the reason, so it is not fetched every poll until the entry changes.
        """
        try:
            found = await self._entry_article(entry)
            async with self._take_lock:
                taken = await take(self.store, self.articles_dir, found, _today())
        except FetchError as exc:
            line = f"{entry.link or entry.key}: {exc}"
            if exc.transient:
                return None, None, line
            return None, FeedItem(entry.key, entry.fingerprint, entry.url, None, str(exc)), line
        except UserError as exc:
            line = f"{entry.link or entry.key}: {exc}"
            return None, FeedItem(entry.key, entry.fingerprint, entry.url, None, str(exc)), line
        except Exception:  # a bug on one odd page must not stop the rest of the feed
            log.exception("feed %s: could not take %s", feed.url, entry.link or entry.key)
            detail = "an internal error (logged); the item is tried again when it changes"
            line = f"{entry.link or entry.key}: {detail}"
            return None, FeedItem(entry.key, entry.fingerprint, entry.url, None, detail), line
        story = _Story(
            NewStory(feed.id, entry.key, taken.article, taken.article.url, replaced=edited),
            added=not taken.unchanged and not taken.replaced,
            replaced=taken.replaced,
        )
        item = FeedItem(entry.key, entry.fingerprint, taken.article.url or entry.url,
                        taken.article.slug, None)  # fmt: skip
        return story, item, None

    async def _entry_article(self, entry: Entry) -> Extracted:
        if entry.content_html:
            found = await asyncio.to_thread(read_entry, entry)
            return with_fallbacks(found, url=entry.link, headline=entry.title)
        if not entry.link:
            raise UserError("the item has neither a link nor the article's text")
        fetched = await self.fetcher.get(entry.link, "page")
        found = await asyncio.to_thread(read_fetched, fetched)
        return with_fallbacks(
            found, published=entry.published, author=entry.author, url=fetched.url,
            headline=entry.title,
        )  # fmt: skip

    async def _failed(
        self, feed: FeedInfo, now: datetime, error: str, status: int | None
    ) -> PollResult:
        failures = feed.failures + 1
        reason = None
        if status == 410:
            reason = f"the feed is gone for good: {error}"
        elif failures >= PAUSE_AFTER:
            reason = f"failed {failures} times in a row; last: {error}"
        updated = await self.store.record_feed_failure(
            feed.id,
            now=now,
            error=error,
            next_poll=backoff(now, self.settings.feed_interval, failures, self._rng),
            pause_reason=reason,
        )
        if reason is not None:
            log.warning("feed %s paused: %s", feed.url, reason)
        else:
            log.warning("feed %s failed (%d in a row): %s", feed.url, failures, error)
        return PollResult(updated or feed, (), 0, error, first_poll=not feed.primed)

    async def pause_feed(self, feed_id: int, reason: str) -> None:
        """Pause a feed with the reason moderators see in /feeds list."""
        await self.store.pause_feed(feed_id, reason, now=_now())

    async def claim_pause_notice(self, feed_id: int) -> bool:
        """Claim telling moderators of this feed's pause; False if already claimed (once)."""
        return await self.store.claim_feed_pause_notice(feed_id)

    async def release_pause_notice(self, feed_id: int) -> None:
        """Undo a claim whose message could not be sent."""
        await self.store.release_feed_pause_notice(feed_id)

    # -- announcing new stories exactly once (the bot's feed runner) -----------------------

    async def pending_announcements(self, guild_ids: list[int] | None = None) -> list[Announcement]:
        """Announcements recorded 'pending' (by a poll, before anything is sent), oldest
        first; on start-up these are the ones a crash left unsent. Send each with its
        ``nonce`` (enforce_nonce), then call ``announced``."""
        return await self.store.pending_announcements(guild_ids)

    async def announced(self, announcement_id: int, message_id: int | None) -> None:
        """Mark an announcement done after its message was sent."""
        await self.store.finish_announcement(
            announcement_id, state="done", now=_now(), message_id=message_id
        )

    async def announcement_failed(self, announcement_id: int, detail: str) -> None:
        """Give up on an announcement (channel gone, no permission): never retried."""
        await self.store.finish_announcement(
            announcement_id, state="failed", now=_now(), detail=detail
        )


@dataclass(frozen=True, slots=True)
class _Story:
    new: NewStory
    added: bool
    replaced: bool

    @property
    def article(self) -> ArticleSummary:
        return self.new.article


def _now() -> datetime:
    return datetime.now(UTC)


def _today() -> date:
    return _now().date()


def _move_back(moved: Path, source_path: str) -> None:
    import os

    os.replace(moved, source_path)
