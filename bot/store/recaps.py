"""Scheduled recaps: each channel's schedule and every post (or skipped slot) it made.

Instants are stored as ISO 8601 UTC text (see ``records.iso``). A post is recorded
'pending' before it is sent, with the stories it features, so a restart resends the same
message; see bot/recaps/runner.py for the runner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.store._base import StoreBase
from bot.store.records import instant, iso

__all__ = ["RecapAdvance", "RecapPost", "RecapSchedule", "RecapsMixin"]


@dataclass(frozen=True, slots=True)
class RecapSchedule:
    """One channel's recap schedule, as stored: the rule, the next slot and its state."""

    channel_id: int
    guild_id: int
    hour: int
    minute: int
    timezone: str
    every: str
    weekday: int | None
    next_slot: datetime
    created_by: int
    created_at: datetime
    retry_at: datetime | None = None
    attempts: int = 0
    paused_reason: str | None = None
    paused_at: datetime | None = None
    pause_notified: bool = False

    @property
    def due(self) -> datetime:
        """When the runner should look at this schedule next: a retry, else the slot."""
        return self.retry_at or self.next_slot


@dataclass(frozen=True, slots=True)
class RecapPost:
    """One recap post or skipped slot of a channel, with the stories it features."""

    id: int
    guild_id: int
    channel_id: int
    slot: datetime
    kind: str
    state: str
    nonce: str
    archive: bool
    more: int
    watermark: int
    message_id: int | None
    detail: str | None
    created_at: datetime
    finished_at: datetime | None
    slugs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RecapAdvance:
    """Move a channel's schedule from the slot just handled to the next one."""

    channel_id: int
    from_slot: datetime
    to_slot: datetime


def _recap_schedule(row: Any) -> RecapSchedule:
    return RecapSchedule(
        channel_id=row["channel_id"],
        guild_id=row["guild_id"],
        hour=row["hour"],
        minute=row["minute"],
        timezone=row["timezone"],
        every=row["every"],
        weekday=row["weekday"],
        next_slot=instant(row["next_slot"]),  # type: ignore[arg-type]
        created_by=row["created_by"],
        created_at=instant(row["created_at"]),  # type: ignore[arg-type]
        retry_at=instant(row["retry_at"]),
        attempts=row["attempts"],
        paused_reason=row["paused_reason"],
        paused_at=instant(row["paused_at"]),
        pause_notified=bool(row["pause_notified"]),
    )


def _recap_post(row: Any, slugs: tuple[str, ...]) -> RecapPost:
    return RecapPost(
        id=row["id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        slot=instant(row["slot"]),  # type: ignore[arg-type]
        kind=row["kind"],
        state=row["state"],
        nonce=row["nonce"],
        archive=bool(row["archive"]),
        more=row["more"],
        watermark=row["watermark"],
        message_id=row["message_id"],
        detail=row["detail"],
        created_at=instant(row["created_at"]),  # type: ignore[arg-type]
        finished_at=instant(row["finished_at"]),
        slugs=slugs,
    )


class RecapsMixin(StoreBase):
    """Recap schedules and posts (bot/recaps/runner.py)."""

    async def save_recap_schedule(self, schedule: RecapSchedule) -> bool:
        """Create or replace the channel's schedule, active again; True when it replaced one.

        Replacing clears a pause and any pending retry: scheduling again is how a moderator
        resumes a paused channel.
        """

        async def work() -> bool:
            existed = await self._all(
                "SELECT 1 FROM recap_schedules WHERE channel_id = ?", (schedule.channel_id,)
            )
            await self._run(
                "INSERT INTO recap_schedules(channel_id, guild_id, hour, minute, timezone, every, "
                "weekday, next_slot, retry_at, attempts, paused_reason, paused_at, "
                "pause_notified, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL, NULL, 0, ?, ?) "
                "ON CONFLICT(channel_id) DO UPDATE SET guild_id = excluded.guild_id, "
                "hour = excluded.hour, minute = excluded.minute, timezone = excluded.timezone, "
                "every = excluded.every, weekday = excluded.weekday, "
                "next_slot = excluded.next_slot, retry_at = NULL, attempts = 0, "
                "paused_reason = NULL, paused_at = NULL, pause_notified = 0, "
                "created_by = excluded.created_by, created_at = excluded.created_at",
                (
                    schedule.channel_id,
                    schedule.guild_id,
                    schedule.hour,
                    schedule.minute,
                    schedule.timezone,
                    schedule.every,
                    schedule.weekday,
                    iso(schedule.next_slot),
                    schedule.created_by,
                    iso(schedule.created_at),
                ),
            )
            return bool(existed)

        return bool(await self._transaction(work))

    async def delete_recap_schedule(self, channel_id: int) -> bool:
        """Stop the channel's recaps; True when there was a schedule. Post history stays."""
        changed = await self._run("DELETE FROM recap_schedules WHERE channel_id = ?", (channel_id,))
        return changed > 0

    async def recap_schedule(self, channel_id: int) -> RecapSchedule | None:
        rows = await self._all("SELECT * FROM recap_schedules WHERE channel_id = ?", (channel_id,))
        return _recap_schedule(rows[0]) if rows else None

    async def recap_schedules(self, guild_id: int) -> list[RecapSchedule]:
        """Every schedule of one server, soonest first."""
        rows = await self._all(
            "SELECT * FROM recap_schedules WHERE guild_id = ? ORDER BY next_slot, channel_id",
            (guild_id,),
        )
        return [_recap_schedule(r) for r in rows]

    async def next_due_recap_schedule(
        self, shard_count: int | None = None, shard_ids: Sequence[int] | None = None
    ) -> RecapSchedule | None:
        """The active schedule due soonest, among the guilds this process's shards own.

        A guild belongs to shard ``(guild_id >> 22) % shard_count``; with no ``shard_ids``
        (unsharded, or every shard in one process) every guild is this process's.
        """
        sql = "SELECT * FROM recap_schedules WHERE paused_reason IS NULL"
        params: list[Any] = []
        if shard_count is not None and shard_ids is not None:
            marks = ", ".join("?" for _ in shard_ids) or "NULL"  # PostgreSQL refuses IN ()
            sql += f" AND ((guild_id >> 22) % ?) IN ({marks})"
            params += [shard_count, *shard_ids]
        sql += " ORDER BY coalesce(retry_at, next_slot), channel_id LIMIT 1"
        rows = await self._all(sql, params)
        return _recap_schedule(rows[0]) if rows else None

    async def begin_recap_post(
        self,
        *,
        guild_id: int,
        channel_id: int,
        slot: datetime,
        kind: str,
        nonce: str,
        now: datetime,
        limit: int = 5,
    ) -> RecapPost:
        """Record a post as 'pending' with the stories it features, or return the one recorded.

        Recording before sending is what makes a slot exactly-once: after a crash the same row
        (same nonce, same stories) is found and resent. The stories: on a channel's first
        recap, the newest ``limit``; after that, those ingested since the channel's last
        successful recap (newest first, ``limit`` of them); when nothing is new, one archive
        story, the least recently featured in this channel (never featured first, then the
        oldest feature; ties go to the older article).
        """

        async def work() -> int:
            existing = await self._all(
                "SELECT id FROM recap_posts WHERE channel_id = ? AND slot = ? AND kind = ?",
                (channel_id, iso(slot), kind),
            )
            if existing:
                return int(existing[0]["id"])
            top = (await self._all("SELECT coalesce(max(id), 0) FROM articles"))[0][0]
            last = await self._all(
                "SELECT watermark FROM recap_posts WHERE channel_id = ? AND state = 'done' "
                "ORDER BY id DESC LIMIT 1",
                (channel_id,),
            )
            archive = False
            if last:
                fresh = await self._all(
                    "SELECT id FROM articles WHERE id > ? ORDER BY published DESC, id DESC",
                    (last[0]["watermark"],),
                )
            else:
                fresh = await self._all("SELECT id FROM articles ORDER BY published DESC, id DESC")
            chosen = [int(r["id"]) for r in fresh[:limit]]
            if not chosen:
                archive = True
                rows = await self._all(
                    "SELECT a.id FROM articles a LEFT JOIN ("
                    "  SELECT f.article_id, max(p.id) AS last_post FROM recap_features f"
                    "  JOIN recap_posts p ON p.id = f.post_id"
                    "  WHERE p.channel_id = ? AND p.state = 'done' GROUP BY f.article_id"
                    ") r ON r.article_id = a.id "
                    "ORDER BY r.last_post IS NOT NULL, r.last_post, a.published, a.id LIMIT 1",
                    (channel_id,),
                )
                chosen = [int(r["id"]) for r in rows]
            inserted = await self._all(
                "INSERT INTO recap_posts(guild_id, channel_id, slot, kind, state, nonce, archive, "
                "more, watermark, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?) "
                "ON CONFLICT(channel_id, slot, kind) DO NOTHING RETURNING id",
                (
                    guild_id,
                    channel_id,
                    iso(slot),
                    kind,
                    nonce,
                    int(archive),
                    max(0, len(fresh) - limit),
                    int(top),
                    iso(now),
                ),
            )
            if not inserted:
                # Another process claimed the slot between our SELECT and INSERT (PostgreSQL
                # under READ COMMITTED; SQLite's single writer never gets here). The INSERT
                # waited for its transaction, so its row is visible now: return the winner's,
                # whose stories are the ones recorded.
                winner = await self._all(
                    "SELECT id FROM recap_posts WHERE channel_id = ? AND slot = ? AND kind = ?",
                    (channel_id, iso(slot), kind),
                )
                return int(winner[0]["id"])
            post_id = int(inserted[0]["id"])
            await self._executemany(
                "INSERT INTO recap_features(post_id, article_id, position) VALUES (?, ?, ?)",
                [(post_id, article_id, i) for i, article_id in enumerate(chosen)],
            )
            return int(post_id or 0)

        post_id = await self._transaction(work)
        post = await self.recap_post(post_id)
        assert post is not None
        return post

    async def recap_post(self, post_id: int) -> RecapPost | None:
        rows = await self._all("SELECT * FROM recap_posts WHERE id = ?", (post_id,))
        if not rows:
            return None
        return (await self._with_slugs(rows))[0]

    async def recap_posts(self, channel_id: int) -> list[RecapPost]:
        """Every post and skipped slot of a channel, oldest first."""
        rows = await self._all(
            "SELECT * FROM recap_posts WHERE channel_id = ? ORDER BY id", (channel_id,)
        )
        return await self._with_slugs(rows)

    async def last_recap_posts(self, guild_id: int) -> dict[int, RecapPost]:
        """The latest post (of any outcome) of each channel of a server, by channel id."""
        rows = await self._all(
            "SELECT * FROM recap_posts WHERE id IN "
            "(SELECT max(id) FROM recap_posts WHERE guild_id = ? GROUP BY channel_id)",
            (guild_id,),
        )
        return {p.channel_id: p for p in await self._with_slugs(rows)}

    async def _with_slugs(self, rows: list[Any]) -> list[RecapPost]:
        posts = []
        for row in rows:
            slugs = await self._all(
                "SELECT a.slug FROM recap_features f JOIN articles a ON a.id = f.article_id "
                "WHERE f.post_id = ? ORDER BY f.position",
                (row["id"],),
            )
            posts.append(_recap_post(row, tuple(r["slug"] for r in slugs)))
        return posts

    async def move_recap_schedule(self, advance: RecapAdvance | None) -> None:
        """Move a schedule to another slot, unless it was replaced meanwhile."""
        await self._advance_recap_schedule(advance)

    async def _advance_recap_schedule(self, advance: RecapAdvance | None) -> None:
        # Guarded by the slot it moves from, so a schedule replaced meanwhile keeps its new slot.
        if advance is None:
            return
        await self._run(
            "UPDATE recap_schedules SET next_slot = ?, retry_at = NULL, attempts = 0 "
            "WHERE channel_id = ? AND next_slot = ?",
            (iso(advance.to_slot), advance.channel_id, iso(advance.from_slot)),
        )

    async def finish_recap_post(
        self,
        post_id: int,
        *,
        state: str,
        now: datetime,
        message_id: int | None = None,
        detail: str | None = None,
        advance: RecapAdvance | None = None,
    ) -> None:
        """Close a post as done, failed or skipped and move the schedule on, atomically."""
        if state not in ("done", "failed", "skipped"):
            raise ValueError(f"a post finishes as done, failed or skipped, not {state!r}")

        async def work() -> None:
            await self._run(
                "UPDATE recap_posts SET state = ?, message_id = coalesce(?, message_id), "
                "detail = ?, finished_at = ? WHERE id = ?",
                (state, message_id, detail, iso(now), post_id),
            )
            await self._advance_recap_schedule(advance)

        await self._transaction(work)

    async def close_recap_slot(
        self,
        *,
        guild_id: int,
        channel_id: int,
        slot: datetime,
        nonce: str,
        detail: str,
        now: datetime,
        state: str = "skipped",
        advance: RecapAdvance | None = None,
    ) -> None:
        """Record a slot that will not be posted (missed, or failed for good), and move on.

        A post still pending for the slot is closed with this state; a finished one is kept.
        """
        if state not in ("failed", "skipped"):
            raise ValueError(f"a slot closes as failed or skipped, not {state!r}")

        async def work() -> None:
            await self._run(
                "INSERT INTO recap_posts(guild_id, channel_id, slot, kind, state, nonce, "
                "detail, created_at, finished_at) VALUES (?, ?, ?, 'scheduled', ?, ?, ?, ?, ?) "
                "ON CONFLICT(channel_id, slot, kind) DO UPDATE SET state = excluded.state, "
                "detail = excluded.detail, finished_at = excluded.finished_at "
                "WHERE recap_posts.state = 'pending'",
                (guild_id, channel_id, iso(slot), state, nonce, detail, iso(now), iso(now)),
            )
            await self._advance_recap_schedule(advance)

        await self._transaction(work)

    async def supersede_recap_posts(
        self, channel_id: int, before: datetime, *, detail: str, now: datetime
    ) -> int:
        """Mark scheduled posts still pending for slots before ``before`` as skipped."""
        changed = await self._run(
            "UPDATE recap_posts SET state = 'skipped', detail = ?, finished_at = ? "
            "WHERE channel_id = ? AND kind = 'scheduled' AND state = 'pending' AND slot < ?",
            (detail, iso(now), channel_id, iso(before)),
        )
        return changed

    async def retry_recap_later(
        self, channel_id: int, *, slot: datetime, retry_at: datetime, attempts: int
    ) -> None:
        """Wait until ``retry_at`` before trying the schedule's current slot again."""
        await self._run(
            "UPDATE recap_schedules SET retry_at = ?, attempts = ? "
            "WHERE channel_id = ? AND next_slot = ?",
            (iso(retry_at), attempts, channel_id, iso(slot)),
        )

    async def pause_recap_schedule(self, channel_id: int, reason: str, *, now: datetime) -> bool:
        """Pause a schedule with the reason moderators will see; True if it was active."""
        changed = await self._run(
            "UPDATE recap_schedules SET paused_reason = ?, paused_at = ?, pause_notified = 0, "
            "retry_at = NULL, attempts = 0 WHERE channel_id = ? AND paused_reason IS NULL",
            (reason, iso(now), channel_id),
        )
        return changed > 0

    async def claim_recap_pause_notice(self, channel_id: int) -> bool:
        """Claim telling moderators of this pause; False if it was already claimed.

        Claiming before telling keeps it to at most once per pause, whoever tells them.
        """
        changed = await self._run(
            "UPDATE recap_schedules SET pause_notified = 1 "
            "WHERE channel_id = ? AND paused_reason IS NOT NULL AND pause_notified = 0",
            (channel_id,),
        )
        return changed > 0

    async def release_recap_pause_notice(self, channel_id: int) -> None:
        """Undo a claim whose message could not be sent, so the next /recaps tells them."""
        await self._run(
            "UPDATE recap_schedules SET pause_notified = 0 "
            "WHERE channel_id = ? AND paused_reason IS NOT NULL",
            (channel_id,),
        )
