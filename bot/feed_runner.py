"""The feed runner: one task that polls the news feeds when due and announces new stories.

The recap runner's design (bot/recaps/runner.py), for feeds: a single task asks the intake for the
feed due soonest, sleeps until then, and is woken early by an ``asyncio.Event`` when a
moderator adds or removes a feed. Nothing polls on a timer of its own, and there is no task
per feed. It is a task of its own beside the recap runner so that a slow feed host (seconds
of timeouts) can never make a recap late.

Exactly once per story and channel, across crashes and restarts:

1. the poll that stores a new story records its announcement 'pending' in the same
   transaction (the intake's outbox), so a crash cannot keep the story and lose its post;
2. the message is sent with a nonce derived from (channel, item), so resending it after a
   crash returns the message Discord already has instead of creating a second one;
3. the announcement is marked 'done' with the message id.

At start-up, and after every poll, every 'pending' announcement is sent. One left pending by an
earlier attempt (a crash, or a send that failed in a way that may have reached Discord) may be
in the channel already, and Discord forgets a nonce after a few minutes, so first the channel is
read back for Pitwall's own announcement of that story, as recaps do (see
:func:`bot.recaps.find_own_post` and :func:`is_announcement_of`): found, it is recorded done and
nothing is sent. The first poll of a
new feed records none: subscribing never floods a channel with the feed's back catalogue.

Failures are never silent and never stop the bot. A feed that keeps failing is paused by the
intake; a channel that refuses posts (403/404) pauses its feed here. Either way moderators are
told once, in the server's system channel if Pitwall can speak there, else on their next
``/feeds`` command, and ``/feeds list`` shows the reason; ``/feeds add`` resumes the feed.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import discord

from bot.dispatch import DispatchLoop
from bot.intake import Announcement, FeedInfo, Intake, PollResult
from bot.recaps import (
    ChannelPaused,
    find_own_post,
    left_pending,
    pause_reason,
    sendable_channel,
    transient_send_error,
)
from bot.render import ALLOWED_MENTIONS, Page, announcement_page, neutralise
from bot.scheduling import Clock, SystemClock

if TYPE_CHECKING:
    from bot.client import Pitwall

__all__ = [
    "DEFAULT_CLOCK",
    "FeedRunner",
    "feed_lines",
    "is_announcement_of",
    "pause_notice",
    "polls_here",
]

log = logging.getLogger(__name__)

#: The clock a ``FeedRunner`` uses when none is passed: read when the runner is built.
#: Production never changes it; tests/e2e/feed_launcher.py sets a file-driven fake.
DEFAULT_CLOCK: Clock = SystemClock()

#: An announcement Discord could not take for a passing reason is tried again after this.
RETRY_SEND = timedelta(seconds=30)
#: After an unexpected error in the loop itself (the store unusable), wait this long.
LOOP_ERROR_PAUSE = timedelta(seconds=30)
#: With no feed to poll, sleep until woken (clocks cap a real sleep at an hour anyway).
IDLE = timedelta(days=365)


def polls_here(bot: Pitwall) -> bool:
    """Whether this process polls the feeds: exactly one does, the one running shard 0.

    Feeds are not per shard (a CLI-added feed has no server), and any process can post to
    any channel over HTTP, so the process with shard 0 (or the only process) does it all.
    """
    shard_ids = bot.settings.shard_ids
    return shard_ids is None or 0 in shard_ids


def is_announcement_of(message: discord.Message, page: Page, bot_id: int) -> bool:
    """Whether ``message`` is Pitwall's own announcement rendered as ``page``.

    The marker is the embed's link to the story (its headline when it has none) and the
    announcement's footer: a recap featuring the same story links to it too, but never
    carries that footer. The headline is compared only without a link, since an edit at the
    source may change it between the post and the restart.
    """
    if not page.embeds or not message.embeds:
        return False
    sent, expected = message.embeds[0], page.embeds[0]
    return (
        message.author.id == bot_id
        and message.type is discord.MessageType.default  # not a command reply or a reply
        and sent.footer.text == expected.footer.text
        and (sent.url == expected.url if expected.url else sent.title == expected.title)
    )


class FeedRunner(DispatchLoop):
    """Poll every due feed and announce what is new; one task for all feeds."""

    task_name = "pitwall-feeds"
    label = "the feed poller"

    bot: Pitwall
    intake: Intake
    clock: Clock
    _retry_at: datetime | None

    def __init__(self, bot: Pitwall, intake: Intake, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.bot = bot
        self.intake = intake
        self.clock = clock if clock is not None else DEFAULT_CLOCK
        self._retry_at = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Start the dispatch task (it waits for the bot to be ready) on the polling process."""
        if not polls_here(self.bot):
            log.info("feeds are polled by the process running shard 0, not this one")
            return
        super().start()

    # -- the dispatch loop -----------------------------------------------------------------

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        log.info("feed poller started")
        while True:
            # Cleared before reading the store, so a change made while we work is not lost.
            self._wake.clear()
            try:
                until = await self._pass()
            except Exception:
                log.exception("feed poller: unexpected error; trying again shortly")
                until = self.clock.now() + LOOP_ERROR_PAUSE
            log.debug("feed poller sleeping until %s", until)
            await self.clock.sleep_until(until, self._wake)

    async def _pass(self) -> datetime:
        """Announce what is pending, poll every due feed, announce again; return when next due."""
        await self.announce_pending()  # at start-up: finish what a crash left half done
        now = polled_at = self.clock.now()
        results = await self.intake.poll_due(now)
        if results:
            for result in results:
                await self._after_poll(result)
            if any(r.added for r in results):
                await self.bot.articles_changed()
            await self.announce_pending(now)  # the poll recorded its announcements at ``now``
        now = self.clock.now()
        due = await self.intake.next_due()
        until = due if due is not None else now + IDLE
        if results and due is not None and due <= polled_at:
            # Polling did not move the feed on: never spin on one row; look again later.
            # Judged against the instant polled at, not after: a slow pass (ingest, refresh)
            # must not make a feed that did advance look stuck and wait out an error pause.
            log.error("feed poller: a feed did not advance; waiting before the next poll")
            until = now + LOOP_ERROR_PAUSE
        if self._retry_at is not None:
            until = min(until, self._retry_at)
        return until

    async def _after_poll(self, result: PollResult) -> None:
        feed = result.feed
        if result.error:
            log.warning("feed %s (%s) failed: %s", feed.id, feed.url, result.error)
        elif result.added:
            log.info(
                "feed %s added %d stor%s%s",
                feed.id,
                len(result.added),
                "y" if len(result.added) == 1 else "ies",
                " (first poll: nothing announced)" if result.first_poll else "",
            )
        if feed.paused:
            await self._tell_moderators(feed)

    # -- announcing ------------------------------------------------------------------------

    async def announce_pending(self, begun: datetime | None = None) -> int:
        """Send every pending announcement, oldest first; return how many were sent.

        ``begun``: when this attempt's own announcements were recorded (the poll's instant);
        any other pending one was left by an earlier attempt and is looked for in its channel
        before it is sent again.
        """
        begun = begun if begun is not None else self.clock.now()
        self._retry_at = None
        sent = 0
        pending = await self.intake.pending_announcements()
        titles = {f.id: f.title for f in await self.intake.feeds()} if pending else {}
        for announcement in pending:
            title = titles.get(announcement.feed_id) if announcement.feed_id else None
            try:
                if await self._announce(announcement, title, begun):
                    sent += 1
            except Exception:
                # One channel's failure never stops the others: fail this one and move on.
                log.exception("announcing %s in channel %s failed",
                              announcement.item_key, announcement.channel_id)  # fmt: skip
                await self.intake.announcement_failed(announcement.id, "an internal error (logged)")
        return sent

    async def _announce(self, item: Announcement, feed_title: str | None, begun: datetime) -> bool:
        """Send one announcement; True when it is done, False when failed or left for later."""
        step = f"channel={item.channel_id} item={item.item_key} nonce={item.nonce}"
        log.debug("feed step pending %s", step)
        try:
            channel = await sendable_channel(self.bot, item.channel_id)
            page = announcement_page(item.article, feed_title)
            found = None
            if left_pending(item.created_at, begun):
                found = await find_own_post(
                    self.bot,
                    channel,
                    since=item.created_at,
                    matches=lambda message, me: is_announcement_of(message, page, me),
                    where=f"announcement channel={item.channel_id} item={item.item_key}",
                )
            if found is not None:
                message = found
                log.info(
                    "announcement %s was already in the channel as message %s (posted before a "
                    "crash or a lost reply): recorded, not posted again",
                    step, message.id,
                )  # fmt: skip
            else:
                log.debug("feed step sending %s", step)
                message = await channel.send(
                    content=page.content,
                    embeds=list(page.embeds),
                    nonce=item.nonce,  # discord.py sends enforce_nonce with it
                    allowed_mentions=ALLOWED_MENTIONS,
                )
        except (ChannelPaused, discord.Forbidden, discord.NotFound) as exc:
            reason = pause_reason(exc, item.channel_id)
            await self.intake.announcement_failed(item.id, reason)
            if item.feed_id is not None:  # None: the feed was removed since the poll
                await self.pause(item.feed_id, reason)
            else:
                log.warning("announcement %s not posted: %s", item.id, reason)
            return False
        except Exception as exc:
            if not transient_send_error(exc):
                raise
            retry = self.clock.now() + RETRY_SEND
            self._retry_at = retry if self._retry_at is None else min(self._retry_at, retry)
            log.warning("announcing %s failed for now (%s); retrying later", step, exc)
            return False
        log.debug("feed step sent %s message=%s", step, message.id)
        await self.intake.announced(item.id, message.id)
        log.debug("feed step done %s", step)
        return True

    # -- pauses and telling moderators -----------------------------------------------------

    async def pause(self, feed_id: int, reason: str) -> None:
        """Pause a feed whose channel refuses posts, and tell its moderators once."""
        await self.intake.pause_feed(feed_id, reason)
        log.warning("feed %s paused: %s", feed_id, reason)
        for feed in await self.intake.feeds():
            if feed.id == feed_id:
                await self._tell_moderators(feed)

    async def _tell_moderators(self, feed: FeedInfo) -> None:
        """Tell the feed's server in its system channel, if Pitwall may speak there."""
        if feed.guild_id is None or feed.pause_notified:
            return
        guild = self.bot.get_guild(feed.guild_id)
        target = guild.system_channel if guild is not None else None
        if guild is None or target is None or guild.me is None:
            return
        perms = target.permissions_for(guild.me)
        if target.id == feed.channel_id or not (perms.view_channel and perms.send_messages):
            return  # cannot speak there: the next /feeds command says it instead
        if not await self.intake.claim_pause_notice(feed.id):
            return
        try:
            await target.send(pause_notice(feed), allowed_mentions=ALLOWED_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not tell guild %s about feed %s: %s", feed.guild_id, feed.id, exc)
            await self.intake.release_pause_notice(feed.id)

    async def pause_notices(self, guild_id: int) -> list[str]:
        """Pauses this server's moderators have not been told about, claimed so told once."""
        notices = []
        for feed in await self.intake.feeds(guild_id):
            if (
                feed.paused
                and not feed.pause_notified
                and await self.intake.claim_pause_notice(feed.id)
            ):
                notices.append(pause_notice(feed))
        return notices


def pause_notice(feed: FeedInfo) -> str:
    """What moderators are told, once, when a feed is paused."""
    return (
        f"⏸ The news feed <{feed.url}> is paused: {neutralise(feed.paused or '')}. "
        "A moderator can fix it, then resume it with `/feeds add` (same link)."
    )


def _when(instant: datetime | None) -> str:
    return f"{instant:%d %b %H:%M} UTC" if instant is not None else "not yet"


def feed_lines(feeds: list[FeedInfo]) -> list[str]:
    """What ``/feeds list`` shows: one block per feed, with its pause reason if paused."""
    lines = []
    for feed in feeds:
        title = discord.utils.escape_markdown(neutralise(feed.title or ""))[:100]
        name = f"**{title}** <{feed.url}>" if title else f"<{feed.url}>"
        where = f"announced in <#{feed.channel_id}>" if feed.channel_id else "not announced"
        lines.append(f"• {name}\n  {feed.items} stories taken, {where}")
        if feed.paused:
            lines.append(f"  ⏸ **Paused** since {_when(feed.paused_at)}: {neutralise(feed.paused)}")
            lines.append("  Resume it with `/feeds add` and the same link.")
            continue
        status = f"  Last check: {_when(feed.last_poll)} · next: {_when(feed.next_poll)}"
        if feed.last_error:
            status += f"\n  ⚠ Failing ({feed.failures} in a row): {neutralise(feed.last_error)}"
        lines.append(status)
    return lines
