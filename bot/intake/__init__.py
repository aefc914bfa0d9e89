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

import hashlib
from dataclasses import dataclass
from datetime import datetime

from bot.config import Settings
from bot.models import ArticleSummary
from bot.store import Announcement, FeedInfo, Store

__all__ = [
    "AddResult",
    "Announcement",
    "FeedInfo",
    "Intake",
    "NewStory",
    "PollResult",
    "announce_nonce",
]

#: Discord's longest message nonce.
NONCE_LENGTH = 25


def announce_nonce(channel_id: int, item_key: str) -> str:
    """The message nonce for announcing one item in one channel: always the same, so a resend
    after a crash returns the message Discord already has (enforce_nonce)."""
    digest = hashlib.blake2b(f"{channel_id}:{item_key}".encode(), digest_size=12).hexdigest()
    nonce = f"f{digest}"
    assert len(nonce) <= NONCE_LENGTH
    return nonce


@dataclass(frozen=True, slots=True)
class AddResult:
    """What adding one link or file did.

    ``replaced``: an older version of the same story (same canonical URL, or same file name)
    was replaced by this one. ``unchanged``: the story was already stored exactly as it is
    (same URL and text, or the same text under another URL): nothing was written.
    """

    article: ArticleSummary
    url: str | None
    replaced: bool
    quotes: int
    unchanged: bool = False
    author: str | None = None
    path: str = ""  # the source file under data/articles/


@dataclass(frozen=True, slots=True)
class NewStory:
    """One story a poll added (or replaced), to announce where the feed has a channel."""

    feed_id: int
    item_key: str
    article: ArticleSummary
    url: str | None
    replaced: bool = False  # an edit of a story already taken: never announced again


@dataclass(frozen=True, slots=True)
class PollResult:
    """One poll of one feed: what it added, how many items were already taken, or why not.

    ``first_poll``: the feed's first poll loads its current items and announces none.
    ``announce``: the pending announcements this poll recorded (empty on a first poll, with
    no channel, or on error); the runner posts them (see ``Intake.pending_announcements``).
    """

    feed: FeedInfo
    added: tuple[NewStory, ...]
    unchanged: int
    error: str | None
    first_poll: bool
    refused: tuple[str, ...] = ()  # one line per item that could not be taken (not fatal)
    announce: tuple[Announcement, ...] = ()


class Intake:
    """Links, files and feeds to stored articles; one per process, closed with ``aclose``.

    Usage: ``async with Intake(store, settings) as intake: await intake.add(url)``.
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    async def __aenter__(self) -> Intake:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP session (open connections would warn at exit)."""
        raise NotImplementedError

    # -- one article ----------------------------------------------------------------------

    async def add(self, source: str) -> AddResult:
        """Fetch a URL (http/https) or read a local .html/.md/.txt file, extract, write under
        data/articles/ and ingest. Raises ``FetchError``/``UserError`` with one clear line."""
        raise NotImplementedError

    async def add_upload(self, filename: str, data: bytes) -> AddResult:
        """An uploaded file (a Discord attachment): .html, .htm, .md or .txt, at most 5 MB."""
        raise NotImplementedError

    async def remove(self, slug: str) -> ArticleSummary:
        """Remove an article from the store and move its source file out of data/articles/
        (to data/removed/), so a rebuild does not bring it back. UserError if unknown."""
        raise NotImplementedError

    async def articles(self, limit: int = 100, offset: int = 0) -> list[ArticleSummary]:
        """Stored articles, newest first (``ArticleSummary.url`` set where known)."""
        raise NotImplementedError

    async def article_count(self) -> int:
        """How many articles are stored (for paging)."""
        raise NotImplementedError

    # -- feeds ----------------------------------------------------------------------------

    async def add_feed(
        self, url: str, guild_id: int | None = None, channel_id: int | None = None
    ) -> FeedInfo:
        """Subscribe to a feed: fetch it once to check it is RSS, Atom or JSON Feed, and store
        it due now. Its first poll loads its current items and announces none. Adding a feed
        already subscribed (same URL, same guild) updates its channel and resumes it."""
        raise NotImplementedError

    async def remove_feed(self, url_or_id: str | int, guild_id: int | None = None) -> FeedInfo:
        """Unsubscribe (its articles stay). With ``guild_id``, only that server's feed."""
        raise NotImplementedError

    async def feeds(self, guild_id: int | None = None) -> list[FeedInfo]:
        """Feeds of one server (None: every feed), in the order they were added."""
        raise NotImplementedError

    async def next_due(self) -> datetime | None:
        """The earliest ``next_poll`` of an unpaused feed (None: no active feed)."""
        raise NotImplementedError

    async def poll_due(self, now: datetime) -> list[PollResult]:
        """Poll every unpaused feed whose ``next_poll`` is at or before ``now``, once each."""
        raise NotImplementedError

    async def poll(self, feed_id: int) -> PollResult:
        """Poll one feed now (conditional GET), paused or not; never raises for feed errors:
        they are in ``PollResult.error`` and counted towards pausing."""
        raise NotImplementedError

    async def poll_all(self) -> list[PollResult]:
        """Poll every unpaused feed once now (``pitwall feeds poll``)."""
        raise NotImplementedError

    async def pause_feed(self, feed_id: int, reason: str) -> None:
        """Pause a feed with the reason moderators see in /feeds list."""
        raise NotImplementedError

    async def claim_pause_notice(self, feed_id: int) -> bool:
        """Claim telling moderators of this feed's pause; False if already claimed (once)."""
        raise NotImplementedError

    async def release_pause_notice(self, feed_id: int) -> None:
        """Undo a claim whose message could not be sent."""
        raise NotImplementedError

    # -- announcing new stories exactly once (the bot's feed runner) -----------------------

    async def pending_announcements(self, guild_ids: list[int] | None = None) -> list[Announcement]:
        """Announcements recorded 'pending' (by a poll, before anything is sent), oldest
        first; on start-up these are the ones a crash left unsent. Send each with its
        ``nonce`` (enforce_nonce), then call ``announced``."""
        raise NotImplementedError

    async def announced(self, announcement_id: int, message_id: int | None) -> None:
        """Mark an announcement done after its message was sent."""
        raise NotImplementedError

    async def announcement_failed(self, announcement_id: int, detail: str) -> None:
        """Give up on an announcement (channel gone, no permission): never retried."""
        raise NotImplementedError
