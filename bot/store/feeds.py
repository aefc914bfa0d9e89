"""News feeds and their announcements (bot/intake): subscriptions, the items each feed
listed, and the exactly-once claims to announce a story in a channel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.models import ArticleSummary
from bot.store._base import StoreBase
from bot.store.records import instant, iso

__all__ = ["Announcement", "FeedInfo", "FeedItem", "FeedsMixin"]


def _marks(values: Sequence[Any]) -> str:
    """Placeholders for ``IN (...)``; NULL for none (PostgreSQL refuses an empty list)."""
    return ", ".join("?" for _ in values) or "NULL"


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """One feed subscription: where it announces, when it polls next, how it is doing."""

    id: int
    url: str
    title: str | None
    guild_id: int | None  # None: added from the command line
    channel_id: int | None  # where new stories are announced (None: nowhere)
    next_poll: datetime
    last_poll: datetime | None
    last_error: str | None
    failures: int  # failed polls in a row
    paused: str | None  # the reason, while paused
    paused_at: datetime | None = None
    pause_notified: bool = False
    primed: bool = False  # its first poll is done
    created_at: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    items: int = 0  # items taken so far
    created: bool = False  # set by Intake.add_feed: a new subscription, not an update


_FEED_COLUMNS = "f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS items"


def _feed(row: Any) -> FeedInfo:
    return FeedInfo(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        next_poll=instant(row["next_poll"]),  # type: ignore[arg-type]
        last_poll=instant(row["last_poll"]),
        last_error=row["last_error"],
        failures=row["failures"],
        paused=row["paused_reason"],
        paused_at=instant(row["paused_at"]),
        pause_notified=bool(row["pause_notified"]),
        primed=bool(row["primed"]),
        created_at=instant(row["created_at"]),
        etag=row["etag"],
        last_modified=row["last_modified"],
        body_hash=row["body_hash"],
        items=row["items"],
    )


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item a feed listed: its key, the fingerprint of the entry, what it became."""

    item_key: str
    fingerprint: str
    url: str | None = None
    slug: str | None = None  # None: refused (see detail), tried again when the entry changes
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Announcement:
    """A claim to announce one story in one channel, exactly once (see feed_announcements)."""

    id: int
    feed_id: int | None
    guild_id: int | None
    channel_id: int
    article: ArticleSummary
    url: str | None
    item_key: str
    nonce: str
    state: str  # pending, done or failed
    created_at: datetime
    message_id: int | None = None
    detail: str | None = None


def _announcement(row: Any) -> Announcement:
    return Announcement(
        id=row["id"],
        feed_id=row["feed_id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        article=ArticleSummary(
            row["slug"],
            date.fromisoformat(row["published"]),
            row["headline"],
            row["article_id"],
            row["url"],
        ),
        url=row["url"],
        item_key=row["item_key"],
        nonce=row["nonce"],
        state=row["state"],
        created_at=instant(row["created_at"]),  # type: ignore[arg-type]
        message_id=row["message_id"],
        detail=row["detail"],
    )


class FeedsMixin(StoreBase):
    """Feed subscriptions, polls and announcement claims."""

    async def add_feed(
        self,
        url: str,
        *,
        guild_id: int | None,
        channel_id: int | None,
        title: str | None,
        now: datetime,
    ) -> tuple[FeedInfo, bool]:
        """Subscribe (or again: resumed, due now, the channel changed when one is given);
        True if it is new."""

        async def work() -> tuple[int, bool]:
            rows = await self._all(
                "SELECT id FROM feeds WHERE url = ? AND coalesce(guild_id, 0) = coalesce(?, 0)",
                (url, guild_id),
            )
            if not rows:
                # DO NOTHING, not an error, when another process added the feed since our
                # SELECT (PostgreSQL under READ COMMITTED); its row is then updated below.
                inserted = await self._all(
                    "INSERT INTO feeds(url, guild_id, channel_id, title, next_poll, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(url, (coalesce(guild_id, 0))) DO NOTHING RETURNING id",
                    (url, guild_id, channel_id, title, iso(now), iso(now)),
                )
                if inserted:
                    return int(inserted[0]["id"]), True
                rows = await self._all(
                    "SELECT id FROM feeds WHERE url = ? AND coalesce(guild_id, 0) = coalesce(?, 0)",
                    (url, guild_id),
                )
            await self._run(
                "UPDATE feeds SET channel_id = coalesce(?, channel_id), "
                "title = coalesce(?, title), next_poll = ?, failures = 0, "
                "paused_reason = NULL, paused_at = NULL, pause_notified = 0 WHERE id = ?",
                (channel_id, title, iso(now), rows[0]["id"]),
            )
            return int(rows[0]["id"]), False

        feed_id, new = await self._transaction(work)
        feed = await self.feed(feed_id)
        assert feed is not None
        return feed, new

    async def feed(self, feed_id: int) -> FeedInfo | None:
        rows = await self._all(f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.id = ?", (feed_id,))
        return _feed(rows[0]) if rows else None

    async def feeds_with_url(self, url: str) -> list[FeedInfo]:
        rows = await self._all(
            f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.url = ? ORDER BY f.id", (url,)
        )
        return [_feed(r) for r in rows]

    async def feeds(self, guild_id: int | None = None) -> list[FeedInfo]:
        """One server's feeds (None: every feed), in the order they were added."""
        if guild_id is None:
            rows = await self._all(f"SELECT {_FEED_COLUMNS} FROM feeds f ORDER BY f.id")
        else:
            rows = await self._all(
                f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.guild_id = ? ORDER BY f.id",
                (guild_id,),
            )
        return [_feed(r) for r in rows]

    async def delete_feed(self, feed_id: int) -> bool:
        """Unsubscribe; its items go with it, its articles and sent announcements stay."""
        changed = await self._write("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return changed > 0

    async def next_feed_poll(self) -> datetime | None:
        """When the soonest unpaused feed is due (None: no active feed)."""
        row = (await self._all("SELECT min(next_poll) FROM feeds WHERE paused_reason IS NULL"))[0]
        return instant(row[0])

    async def due_feeds(self, now: datetime) -> list[FeedInfo]:
        """Unpaused feeds due at or before ``now``, soonest first."""
        rows = await self._all(
            f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.paused_reason IS NULL "
            "AND f.next_poll <= ? ORDER BY f.next_poll, f.id",
            (iso(now),),
        )
        return [_feed(r) for r in rows]

    async def feed_items(self, feed_id: int) -> dict[str, FeedItem]:
        """Every item the feed listed so far, by key: one query per poll."""
        rows = await self._all(
            "SELECT item_key, fingerprint, url, slug, detail FROM feed_items WHERE feed_id = ?",
            (feed_id,),
        )
        return {
            r["item_key"]: FeedItem(
                r["item_key"], r["fingerprint"], r["url"], r["slug"], r["detail"]
            )
            for r in rows
        }

    async def record_feed_poll(
        self,
        feed_id: int,
        *,
        now: datetime,
        next_poll: datetime,
        items: Sequence[FeedItem] = (),
        announce: Sequence[tuple[str, str, str]] = (),
        etag: str | None = None,
        last_modified: str | None = None,
        body_hash: str | None = None,
        title: str | None = None,
    ) -> list[Announcement]:
        """Record a good poll in one transaction: the items it took, the feed's new state
        (failures reset, primed; ``etag``, ``last_modified`` and ``body_hash`` stored as
        given, None clearing them so the next poll reads the whole feed) and a 'pending'
        claim per (item_key, slug, nonce) in ``announce``, unless that story was already
        claimed in the feed's channel. Returns the claims made. A feed deleted meanwhile
        records nothing."""

        async def work() -> list[int]:
            feed = await self.feed(feed_id)
            if feed is None:
                return []
            await self._run(
                "UPDATE feeds SET last_poll = ?, next_poll = ?, failures = 0, last_error = NULL, "
                "primed = 1, etag = ?, last_modified = ?, body_hash = ?, "
                "title = coalesce(?, title) WHERE id = ?",
                (iso(now), iso(next_poll), etag, last_modified, body_hash, title, feed_id),
            )
            return await self._feed_items_and_claims(feed, items, announce, now)

        ids = await self._transaction(work)
        return await self._announcements(f"a.id IN ({_marks(ids)})", ids)

    async def record_feed_items(
        self,
        feed_id: int,
        items: Sequence[FeedItem],
        announce: Sequence[tuple[str, str, str]] = (),
        *,
        now: datetime,
    ) -> list[Announcement]:
        """Record items as they are taken, with their claims, in one transaction, leaving the
        feed's state alone: a poll cut short keeps what it took and what it must announce."""

        async def work() -> list[int]:
            feed = await self.feed(feed_id)
            if feed is None:
                return []
            return await self._feed_items_and_claims(feed, items, announce, now)

        ids = await self._transaction(work)
        return await self._announcements(f"a.id IN ({_marks(ids)})", ids)

    async def _feed_items_and_claims(
        self,
        feed: FeedInfo,
        items: Sequence[FeedItem],
        announce: Sequence[tuple[str, str, str]],
        now: datetime,
    ) -> list[int]:
        """Inside a transaction: upsert items, then claim each announcement not yet claimed."""
        feed_id = feed.id
        await self._executemany(
            "INSERT INTO feed_items(feed_id, item_key, fingerprint, url, slug, detail, "
            "seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(feed_id, item_key) DO UPDATE "
            "SET fingerprint = excluded.fingerprint, url = coalesce(excluded.url, feed_items.url), "
            "slug = coalesce(excluded.slug, feed_items.slug), detail = excluded.detail",
            [
                (feed_id, i.item_key, i.fingerprint, i.url, i.slug, i.detail, iso(now))
                for i in items
            ],
        )
        claimed: list[int] = []
        if feed.channel_id is None:
            return claimed
        for item_key, slug, nonce in announce:
            # A claim already made (this channel, this story) makes nothing and returns no id.
            inserted = await self._all(
                "INSERT INTO feed_announcements(feed_id, guild_id, channel_id, "
                "article_id, item_key, nonce, state, created_at) "
                "SELECT ?, ?, ?, id, ?, ?, 'pending', ? FROM articles WHERE slug = ? "
                "ON CONFLICT DO NOTHING RETURNING id",
                (feed_id, feed.guild_id, feed.channel_id, item_key, nonce, iso(now), slug),
            )
            claimed.extend(int(r["id"]) for r in inserted)
        return claimed

    async def record_feed_failure(
        self,
        feed_id: int,
        *,
        now: datetime,
        error: str,
        next_poll: datetime,
        pause_reason: str | None = None,
    ) -> FeedInfo | None:
        """Count a failed poll (the error kept for /feeds list); pause with a reason."""
        await self._write(
            "UPDATE feeds SET last_poll = ?, next_poll = ?, failures = failures + 1, "
            "last_error = ?, paused_reason = coalesce(paused_reason, ?), "
            "paused_at = CASE WHEN CAST(? AS TEXT) IS NOT NULL AND paused_reason IS NULL THEN ? "
            "ELSE paused_at END WHERE id = ?",
            (iso(now), iso(next_poll), error, pause_reason, pause_reason, iso(now), feed_id),
        )
        return await self.feed(feed_id)

    async def pause_feed(self, feed_id: int, reason: str, *, now: datetime) -> bool:
        """Pause a feed with the reason moderators will see; True if it was active."""
        changed = await self._write(
            "UPDATE feeds SET paused_reason = ?, paused_at = ?, pause_notified = 0 "
            "WHERE id = ? AND paused_reason IS NULL",
            (reason, iso(now), feed_id),
        )
        return changed > 0

    async def claim_feed_pause_notice(self, feed_id: int) -> bool:
        """Claim telling moderators of this pause; False if it was already claimed."""
        changed = await self._write(
            "UPDATE feeds SET pause_notified = 1 "
            "WHERE id = ? AND paused_reason IS NOT NULL AND pause_notified = 0",
            (feed_id,),
        )
        return changed > 0

    async def release_feed_pause_notice(self, feed_id: int) -> None:
        await self._write(
            "UPDATE feeds SET pause_notified = 0 WHERE id = ? AND paused_reason IS NOT NULL",
            (feed_id,),
        )

    async def _announcements(self, where: str, params: Sequence[Any]) -> list[Announcement]:
        rows = await self._all(
            "SELECT a.*, ar.slug, ar.published, ar.headline, ar.url FROM feed_announcements a "
            f"JOIN articles ar ON ar.id = a.article_id WHERE {where} ORDER BY a.id",
            params,
        )
        return [_announcement(r) for r in rows]

    async def pending_announcements(
        self, guild_ids: Sequence[int] | None = None
    ) -> list[Announcement]:
        """Claims recorded but not yet marked sent, oldest first (optionally of some guilds)."""
        if guild_ids is None:
            return await self._announcements("a.state = 'pending'", ())
        return await self._announcements(
            f"a.state = 'pending' AND a.guild_id IN ({_marks(guild_ids)})", list(guild_ids)
        )

    async def announcement(self, announcement_id: int) -> Announcement | None:
        found = await self._announcements("a.id = ?", (announcement_id,))
        return found[0] if found else None

    async def finish_announcement(
        self,
        announcement_id: int,
        *,
        state: str,
        now: datetime,
        message_id: int | None = None,
        detail: str | None = None,
    ) -> None:
        """Close a claim as done (sent) or failed (given up); a closed one stays closed."""
        if state not in ("done", "failed"):
            raise ValueError(f"an announcement finishes as done or failed, not {state!r}")
        await self._write(
            "UPDATE feed_announcements SET state = ?, message_id = ?, detail = ?, "
            "finished_at = ? WHERE id = ? AND state = 'pending'",
            (state, message_id, detail, iso(now), announcement_id),
        )
