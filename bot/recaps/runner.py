"""The recap runner: one task that posts each channel's scheduled recap exactly once per slot.

Modelled on RoboDanny's reminder dispatch loop: a single task asks the store for the schedule
due soonest, sleeps until then, and is woken early by an ``asyncio.Event`` when a moderator
changes a schedule. Nothing polls, and there is no task per guild.

Exactly once per slot, across crashes and restarts:

1. the slot is recorded 'pending', with the stories it will feature, before anything is sent;
2. the message is sent with a nonce derived from (channel, slot), so resending it after a crash
   returns the message Discord already has instead of creating a second one;
3. the post is marked 'done' and the schedule moved to its next slot in one transaction.

A restart finds a 'pending' row. Discord remembers a nonce for a few minutes only, so before
resending it the runner reads the channel's messages since the row was recorded and looks for
its own post of that slot (a scheduled recap's first embed carries the slot as its timestamp,
see :func:`is_recap_of`): found, the slot is recorded done and nothing is sent; not found, it is
resent (same nonce, same stories). Where the channel's history cannot be read (no Read Message
History), the nonce alone guards the resend, and the log says so.

Between processes (shards on one store, on one host or several), the slot is claimed through
the instance guard while it is posted (``bot/instance_lock.py``): the pending row is found by
whoever asks, as a restart must find it, so the row cannot tell a crashed predecessor from a
live process; the claim can.

A slot missed while the bot was down is posted once if it is still within
``settings.recap_grace``, and recorded 'skipped' otherwise; older missed slots are skipped,
never posted in a burst.

Failures are never silent. Server errors and rate limits (after discord.py's own retries)
are retried with backoff while the slot is within grace. A 403 or 404 from the channel
pauses the schedule with the reason, which ``/recaps status`` shows and moderators are told
once (in the server's system channel if Pitwall can speak there, else on their next
``/recaps`` command); ``/recaps schedule`` resumes it. Any other error fails that one post,
is logged with its traceback, and the loop carries on with the other servers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

import discord

from bot.answers import RecapAnswer
from bot.dispatch import DispatchLoop
from bot.recaps.channels import (
    ChannelPaused,
    _backoff,
    pause_reason,
    sendable_channel,
    transient_send_error,
)
from bot.recaps.readback import find_own_post, is_recap_of, left_pending, mark_slot
from bot.recaps.status import rule_of
from bot.render import ALLOWED_MENTIONS, Page, render
from bot.scheduling import (
    Clock,
    SystemClock,
    latest_slot,
    missed_slots,
    next_slot,
    recap_nonce,
)
from bot.store import RecapAdvance, RecapPost, RecapSchedule

if TYPE_CHECKING:
    from bot.client import Pitwall

log = logging.getLogger(__name__)

#: The clock a ``RecapRunner`` uses when none is passed to it: a plain dependency-injection
#: default, read when the runner is built. Production never changes it; the end-to-end tests'
#: launcher (tests/e2e/clock_launcher.py) sets it to a file-driven fake before the bot starts.
DEFAULT_CLOCK: Clock = SystemClock()

#: At most this many new stories in one recap; the rest are counted ("and N more").
MAX_STORIES = 5
#: A post this long after its slot says it is late (a catch-up or a retry).
LATE_AFTER = timedelta(minutes=2)
#: After an unexpected error in the loop itself (the store unusable), wait this long.
LOOP_ERROR_PAUSE = timedelta(seconds=30)
#: With nothing scheduled, sleep until woken (clocks cap a real sleep at an hour anyway).
IDLE = timedelta(days=365)

Outcome = Literal["done", "skipped", "failed", "paused", "retrying"]


@dataclass(frozen=True, slots=True)
class PostOutcome:
    """What happened to one recap post, for the log and the moderator who asked."""

    state: Outcome
    channel_id: int
    slot: datetime
    message_id: int | None = None
    detail: str | None = None
    jump_url: str | None = None


class RecapRunner(DispatchLoop):
    """Post every due recap of the guilds this process owns; one task for all of them."""

    task_name = "pitwall-recaps"
    label = "the recap scheduler"

    bot: Pitwall
    clock: Clock
    grace: timedelta
    _lock: asyncio.Lock

    def __init__(self, bot: Pitwall, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.bot = bot
        self.clock = clock if clock is not None else DEFAULT_CLOCK
        self.grace = bot.settings.recap_grace
        # One post at a time: the scheduled loop and /recaps post share the store's connection.
        self._lock = asyncio.Lock()

    # -- the dispatch loop -----------------------------------------------------------------

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        log.info("recap scheduler started (grace %s)", self.grace)
        while True:
            # Cleared before reading the store, so a change made while we work is not lost.
            self._wake.clear()
            try:
                until = await self._dispatch_due()
            except Exception:
                log.exception("recap scheduler: unexpected error; trying again shortly")
                until = self.clock.now() + LOOP_ERROR_PAUSE
            log.debug("recap scheduler sleeping until %s", until)
            await self.clock.sleep_until(until, self._wake)

    async def _dispatch_due(self) -> datetime:
        """Handle every schedule due now; return when the next one is due."""
        settings = self.bot.settings
        previous: tuple[int, datetime] | None = None
        while True:
            schedule = await self.bot.store.next_due_recap_schedule(
                settings.shard_count, settings.shard_ids
            )
            now = self.clock.now()
            if schedule is None:
                return now + IDLE
            if schedule.due > now:
                return schedule.due
            if previous == (schedule.channel_id, schedule.due):
                # Handling it did not move it on: never spin on one row; look again later.
                log.error("recap channel=%s did not advance; pausing the loop", schedule.channel_id)
                return now + LOOP_ERROR_PAUSE
            previous = (schedule.channel_id, schedule.due)
            try:
                await self._handle_due(schedule, now)
            except Exception:
                # One guild's failure never stops the others: fail this slot and move on.
                log.exception(
                    "recap for channel %s in guild %s failed",
                    schedule.channel_id,
                    schedule.guild_id,
                )
                await self._give_up_on(schedule.channel_id, now, "an internal error (logged)")

    async def _give_up_on(self, channel_id: int, now: datetime, detail: str) -> None:
        """Fail the schedule's current slot and move it on, so an error cannot repeat hot."""
        store = self.bot.store
        schedule = await store.recap_schedule(channel_id)  # re-read: it may have moved
        if schedule is None or schedule.paused_reason or schedule.due > now:
            return
        try:
            rule = rule_of(schedule)
        except Exception as exc:
            await store.pause_recap_schedule(
                channel_id, f"the stored schedule cannot be read ({exc})", now=now
            )
            return
        slot = schedule.next_slot
        await store.close_recap_slot(
            guild_id=schedule.guild_id,
            channel_id=channel_id,
            slot=slot,
            nonce=recap_nonce(channel_id, slot),
            detail=detail,
            now=now,
            state="failed",
            advance=RecapAdvance(channel_id, slot, next_slot(rule, max(now, slot))),
        )

    async def _handle_due(self, schedule: RecapSchedule, now: datetime) -> None:
        store = self.bot.store
        rule = rule_of(schedule)
        channel_id = schedule.channel_id
        slot = latest_slot(rule, now)
        if slot > schedule.next_slot:
            # Down over several slots: only the newest may still be posted, once.
            missed = missed_slots(rule, schedule.next_slot, slot) - 1
            superseded = await store.supersede_recap_posts(
                channel_id, slot, detail="superseded by a later slot", now=now
            )
            if missed:
                log.warning(
                    "recap channel=%s: skipped %d older missed slot(s) since %s",
                    channel_id, missed, schedule.next_slot,
                )  # fmt: skip
            if superseded:
                log.warning(
                    "recap channel=%s: %d unfinished post(s) superseded", channel_id, superseded
                )
            await store.move_recap_schedule(RecapAdvance(channel_id, schedule.next_slot, slot))
        advance = RecapAdvance(channel_id, slot, next_slot(rule, slot))
        late = now - slot
        if late > self.grace:
            detail = (
                f"missed while Pitwall was down ({_hours(late)} late, "
                f"beyond the {_hours(self.grace)} grace)"
            )
            await store.close_recap_slot(
                guild_id=schedule.guild_id, channel_id=channel_id, slot=slot,
                nonce=recap_nonce(channel_id, slot), detail=detail, now=now, advance=advance,
            )  # fmt: skip
            log.warning(
                "recap channel=%s slot=%s skipped: %s", channel_id, slot.isoformat(), detail
            )
            return
        outcome = await self._post(
            schedule.guild_id,
            channel_id,
            slot,
            kind="scheduled",
            late_by=late if late > LATE_AFTER else None,
            advance=advance,
        )
        if outcome.state == "retrying":
            attempt = schedule.attempts + 1
            retry_at = now + _backoff(attempt)
            if retry_at - slot > self.grace:
                detail = f"gave up after {attempt} attempts: {outcome.detail}"
                await store.close_recap_slot(
                    guild_id=schedule.guild_id, channel_id=channel_id, slot=slot,
                    nonce=recap_nonce(channel_id, slot), detail=detail, now=now,
                    state="failed", advance=advance,
                )  # fmt: skip
                log.error("recap channel=%s slot=%s not posted: %s", channel_id, slot, detail)
            else:
                await store.retry_recap_later(
                    channel_id, slot=slot, retry_at=retry_at, attempts=attempt
                )
                log.warning(
                    "recap channel=%s slot=%s failed (%s); retry %d at %s",
                    channel_id, slot.isoformat(), outcome.detail, attempt, retry_at.isoformat(),
                )  # fmt: skip

    # -- one post ---------------------------------------------------------------------------

    async def post_now(self, guild_id: int, channel_id: int) -> PostOutcome:
        """Post a recap in ``channel_id`` now, outside the schedule (``/recaps post``)."""
        slot = self.clock.now().replace(microsecond=0)
        return await self._post(guild_id, channel_id, slot, kind="manual")

    async def _post(
        self,
        guild_id: int,
        channel_id: int,
        slot: datetime,
        *,
        kind: str,
        late_by: timedelta | None = None,
        advance: RecapAdvance | None = None,
    ) -> PostOutcome:
        store = self.bot.store
        step = f"channel={channel_id} slot={slot.isoformat()} kind={kind}"
        async with self._lock:
            log.debug("recap step due %s", step)
            begun = self.clock.now()
            post = await store.begin_recap_post(
                guild_id=guild_id,
                channel_id=channel_id,
                slot=slot,
                kind=kind,
                nonce=recap_nonce(channel_id, slot, kind),
                now=begun,
                limit=MAX_STORIES,
            )
            log.debug("recap step pending %s post=%s nonce=%s", step, post.id, post.nonce)
            if post.state != "pending":  # already finished in an earlier run
                await store.move_recap_schedule(advance)
                return PostOutcome("done" if post.state == "done" else "skipped", channel_id,
                                   slot, post.message_id, post.detail)  # fmt: skip
            if not post.slugs:
                detail = "no stories in the store yet"
                await store.finish_recap_post(
                    post.id, state="skipped", now=self.clock.now(), detail=detail, advance=advance
                )
                log.warning("recap %s skipped: %s", step, detail)
                return PostOutcome("skipped", channel_id, slot, detail=detail)
            # The row is one per slot, but finding it is how a restart resumes, so it cannot
            # tell a crashed predecessor from a live process posting the same slot; the claim
            # can (see bot/instance_lock.py): whoever holds it posts, anyone else waits.
            async with self._claim(f"recap {channel_id} {slot.isoformat()} {kind}") as mine:
                if not mine:
                    detail = "another Pitwall process is posting this slot"
                    log.warning("recap %s: %s; looking again later", step, detail)
                    return PostOutcome("retrying", channel_id, slot, detail=detail)
                current = await store.recap_post(post.id)  # finished by the claim's last holder?
                if current is not None and current.state != "pending":
                    await store.move_recap_schedule(advance)
                    state: Outcome = "done" if current.state == "done" else "skipped"
                    return PostOutcome(state, channel_id, slot, current.message_id, current.detail)
                try:
                    page = await self._compose(post, late_by, slot)
                    if kind == "scheduled":
                        page = mark_slot(page, slot)
                    channel = await sendable_channel(self.bot, channel_id)
                    found = None
                    if kind == "scheduled" and left_pending(post.created_at, begun):
                        found = await find_own_post(
                            self.bot,
                            channel,
                            since=post.created_at,
                            matches=lambda message, me: is_recap_of(message, post.slot, me),
                            where=f"recap channel={post.channel_id} slot={post.slot.isoformat()}",
                        )
                    if found is not None:
                        message = found
                        log.info(
                            "recap %s was already in the channel as message %s (posted before a "
                            "crash or a lost reply): recorded, not posted again",
                            step, message.id,
                        )  # fmt: skip
                        log.debug("recap step found %s message=%s", step, message.id)
                    else:
                        log.debug("recap step sending %s", step)
                        message = await channel.send(
                            content=page.content,
                            embeds=list(page.embeds),
                            nonce=post.nonce,
                            allowed_mentions=ALLOWED_MENTIONS,
                        )
                        log.debug("recap step sent %s message=%s", step, message.id)
                except (ChannelPaused, discord.Forbidden, discord.NotFound) as exc:
                    reason = pause_reason(exc, channel_id)
                    await store.finish_recap_post(
                        post.id, state="failed", now=self.clock.now(), detail=reason
                    )
                    if kind == "scheduled":
                        await self._pause(guild_id, channel_id, reason)
                    else:
                        log.warning("recap %s refused: %s", step, reason)
                    return PostOutcome("paused" if kind == "scheduled" else "failed", channel_id,
                                       slot, detail=reason)  # fmt: skip
                except Exception as exc:
                    detail = f"{type(exc).__name__}: {exc}"[:300]
                    if not transient_send_error(exc):
                        await store.finish_recap_post(
                            post.id, state="failed", now=self.clock.now(), detail=detail
                        )
                        raise
                    if kind == "manual":
                        await store.finish_recap_post(
                            post.id, state="failed", now=self.clock.now(), detail=detail
                        )
                        log.warning("recap %s failed: %s", step, detail)
                        return PostOutcome("failed", channel_id, slot, detail=detail)
                    return PostOutcome("retrying", channel_id, slot, detail=detail)
                await store.finish_recap_post(
                    post.id,
                    state="done",
                    now=self.clock.now(),
                    message_id=message.id,
                    advance=advance,
                )
                log.debug("recap step done %s message=%s", step, message.id)
        log.info(
            "recap posted in channel %s of guild %s (%s, %d stories%s)",
            channel_id, guild_id, kind, len(post.slugs), ", late" if late_by else "",
        )  # fmt: skip
        return PostOutcome("done", channel_id, slot, message.id, jump_url=message.jump_url)

    def _claim(self, name: str) -> contextlib.AbstractAsyncContextManager[bool]:
        """This process's claim on one slot (always granted to a bot run without a guard)."""
        guard = self.bot.guard
        return guard.claim(name) if guard is not None else contextlib.nullcontext(True)

    async def _compose(self, post: RecapPost, late_by: timedelta | None, slot: datetime) -> Page:
        """The recap as one message: as many of the stories as fit, then "and N more"."""
        slugs = list(post.slugs)
        if not slugs:
            raise RuntimeError("a recap needs at least one story")
        due_at = slot if late_by is not None else None
        count = len(slugs)
        while True:
            answer = await self.bot.answers.recap_of(
                slugs[:count], late_by=late_by, archive=post.archive, due_at=due_at
            )
            if not isinstance(answer, RecapAnswer):
                raise RuntimeError(f"no recap for stories {slugs}: {answer}")
            pages = render(answer).pages
            if len(pages) == 1 or count == 1:
                break
            count -= 1
        left = post.more + len(slugs) - count
        page = pages[0]
        if left or len(pages) > 1:
            more = f"…and {left} more: /recap" if left else "The full story: /recap"
            content = f"{page.content}\n{more}" if page.content else more
            page = Page(content, page.embeds)
        return page

    # -- pauses and telling moderators -----------------------------------------------------

    async def _pause(self, guild_id: int, channel_id: int, reason: str) -> None:
        paused = await self.bot.store.pause_recap_schedule(channel_id, reason, now=self.clock.now())
        log.warning("recaps paused for channel %s in guild %s: %s", channel_id, guild_id, reason)
        if paused:
            await self._tell_system_channel(guild_id, channel_id, reason)

    async def _tell_system_channel(self, guild_id: int, channel_id: int, reason: str) -> None:
        """Tell moderators in the server's system channel, if Pitwall may speak there."""
        guild = self.bot.get_guild(guild_id)
        target = guild.system_channel if guild is not None else None
        if guild is None or target is None or guild.me is None:
            return
        perms = target.permissions_for(guild.me)
        if target.id == channel_id or not (perms.view_channel and perms.send_messages):
            return  # cannot speak there: the next /recaps command shows the pause instead
        if not await self.bot.store.claim_recap_pause_notice(channel_id):
            return
        try:
            await target.send(
                f"Scheduled recaps for <#{channel_id}> are paused: {reason}. A moderator can "
                "fix the channel, then resume them with `/recaps schedule`.",
                allowed_mentions=ALLOWED_MENTIONS,
            )
        except discord.HTTPException as exc:
            log.warning("could not tell guild %s about the pause: %s", guild_id, exc)
            await self.bot.store.release_recap_pause_notice(channel_id)

    async def pause_notices(self, guild_id: int) -> list[str]:
        """Pauses moderators have not been told about yet, claimed so they are told once."""
        notices = []
        for schedule in await self.bot.store.recap_schedules(guild_id):
            if (
                schedule.paused_reason
                and not schedule.pause_notified
                and await self.bot.store.claim_recap_pause_notice(schedule.channel_id)
            ):
                notices.append(
                    f"⏸ Recaps for <#{schedule.channel_id}> are paused: "
                    f"{schedule.paused_reason}. `/recaps schedule` there resumes them."
                )
        return notices

    # -- schedule changes (from the cog) ----------------------------------------------------

    async def save_schedule(self, schedule: RecapSchedule) -> bool:
        """Create or replace a channel's schedule (resuming it) and wake the loop."""
        async with self._lock:
            replaced = await self.bot.store.save_recap_schedule(schedule)
        self.wake()
        return replaced

    async def remove_schedule(self, channel_id: int) -> bool:
        """Turn a channel's recaps off and wake the loop."""
        async with self._lock:
            removed = await self.bot.store.delete_recap_schedule(channel_id)
        self.wake()
        return removed


def _hours(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02} min" if hours else f"{minutes} min"
