"""The Discord client: the Bot subclass, its error boundary, and how a process runs it.

The bot receives its settings and store from the entry point, loads the cogs as extensions,
and owns the one error handler for slash commands. Expected failures are ``UserError``s shown
briefly to the user; anything else is logged with the command and user, and the user gets a
generic line. The process never dies because one command failed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sqlite3
from collections.abc import Awaitable, Callable, Iterator

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import AnswerEngine
from bot.answers._collector import spare_full_collections
from bot.command_tree import GARBLED, BadOption, PitwallTree
from bot.config import Settings
from bot.errors import ConfigError, StoreError, UserError
from bot.instance_lock import InstanceGuard, instance_guard
from bot.intake import Intake
from bot.render import ALLOWED_MENTIONS, clip
from bot.store import Store

__all__ = ["EXTENSIONS", "Pitwall", "run_bot", "sync_commands"]

log = logging.getLogger(__name__)

#: Extensions loaded at start, in order; a failing one is logged and the rest still load.
EXTENSIONS: tuple[str, ...] = (
    "cogs.fan",
    "cogs.mentions",
    "cogs.recaps",
    "cogs.articles",
    "cogs.feeds",
)

#: How long SIGTERM waits for commands already running to finish before closing anyway.
DRAIN_SECONDS = 10.0

#: How often the running bot looks for articles ingested by another process.
ARTICLE_CHECK_SECONDS = 10.0

#: How long setup_hook waits, before the gateway connects, for the start's answer index
#: (people and articles, read from setup_hook's start beside the extensions' loading): the
#: first interactions come at READY, and each that found the index unbuilt waited for it
#: (at 10,000 articles about 0.8 s, a burst's worst). Bounded so that a large store (2.5 s
#: at 100,000) keeps READY within issue 12's 2 s; the build then ends after READY.
INDEX_BEFORE_READY = 0.6

GENERIC_FAILURE = "Something went wrong on our side; it has been logged. Please try again."
STORE_FAILURE = "Pitwall's database is unavailable right now; please try again later."


class Pitwall(commands.AutoShardedBot):
    """Pitwall's bot: slash commands only, no prefix commands, no privileged intents."""

    settings: Settings
    store: Store
    answers: AnswerEngine
    intake: Intake
    sync_on_start: bool
    _inflight: int
    _idle: asyncio.Event
    _closing: bool
    _watcher: asyncio.Task[None] | None = None
    _reader: asyncio.Task[None] | None = None
    _early: asyncio.Task[None] | None = None  # the start's read of all but the articles
    _articles_seen: tuple[int, str | None] = (0, None)
    _refreshing: asyncio.Lock
    _changes: int  # articles_changed calls so far
    _refreshed: int  # how many of them the last finished refresh covers
    #: This process's instance guard, for claims on work (run_bot sets it; None in tests).
    guard: InstanceGuard | None = None

    def __init__(self, settings: Settings, store: Store, *, sync_on_start: bool = True) -> None:
        # Guilds for channels and permissions; guild messages for @mentions, whose content
        # Discord delivers without the privileged message-content intent.
        intents = discord.Intents.none()
        intents.guilds = True
        intents.guild_messages = True
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents,
            allowed_mentions=ALLOWED_MENTIONS,
            shard_count=settings.shard_count,
            # Typed List[int] by discord.py, though None (its own default) means every shard.
            shard_ids=list(settings.shard_ids) if settings.shard_ids is not None else None,  # pyright: ignore[reportArgumentType]
            max_messages=None,
            chunk_guilds_at_startup=False,
            tree_cls=PitwallTree,
        )
        self.settings = settings
        self.store = store
        self.answers = AnswerEngine(store)
        self.intake = Intake(store, settings)  # links and feeds (cogs/articles, cogs/feeds)
        # One answer-index refresh at a time (see articles_changed).
        self._refreshing = asyncio.Lock()
        self._changes = 0
        self._refreshed = 0
        self.sync_on_start = sync_on_start
        self._inflight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._closing = False
        self.tree.on_error = self.on_app_command_error

    async def setup_hook(self) -> None:
        # The answer index is built beside the extensions' loading and the sync: everything
        # but the articles first (_read_people), then the articles (_read_articles, which
        # also sets _articles_seen). The gateway connects once both are in, or after
        # INDEX_BEFORE_READY at most (at 100,000 articles they take 2.5 s): answers asked
        # before the index holds them wait for it (Lookup.wait_for_articles).
        started = asyncio.get_running_loop().time()
        spare_full_collections()  # a running bot's full collections (see its docstring)
        self._early = asyncio.create_task(self._read_people(), name="pitwall-read-people")
        self._reader = asyncio.create_task(self._read_articles(), name="pitwall-read-articles")
        self._watcher = asyncio.create_task(self._watch_articles(), name="pitwall-articles")
        for name in EXTENSIONS:
            try:
                await self.load_extension(name)
            except Exception:
                log.exception("extension %s failed to load; the others still run", name)
        guild_id = self.settings.guild_id
        if self.sync_on_start and guild_id is not None:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), guild_id)
        left = started + INDEX_BEFORE_READY - asyncio.get_running_loop().time()
        with contextlib.suppress(TimeoutError):  # READY first; the index follows
            await asyncio.wait_for(asyncio.shield(self._reader), max(left, 0.0))

    async def on_message(self, message: discord.Message, /) -> None:
        """Ignore prefix commands: mentions are answered by the mentions cog instead."""

    async def _read_people(self) -> None:
        """Build everything but the articles' index (people, quote counts, laps) at start.

        Run beside setup_hook's rest rather than before it, and answers wait for the
        articles (:meth:`Lookup.wait_for_articles`), which this marks as not read yet. A
        failure is logged; :meth:`_read_articles` builds it all anyway.
        """
        try:
            async with self._refreshing:  # never beside the article watcher's refresh
                await self.answers.refresh(articles=False)
        except Exception:
            log.exception("reading the people failed; the articles' read builds them")

    async def _read_articles(self) -> None:
        """Read the articles into the answer indexes at start, once the people are in;
        meanwhile answers that need them wait (:meth:`Lookup.wait_for_articles`). If this
        fails, the article watcher reads them within ARTICLE_CHECK_SECONDS (it has seen no
        articles yet)."""
        if self._early is not None:
            await self._early  # one refresh at a time: this one reads the people again
        try:
            await self.articles_changed()
        except Exception:
            log.exception("reading the articles failed; the article watcher will try again")

    async def _watch_articles(self) -> None:
        """Rebuild the answer indexes when a moderator ingests while the bot runs.

        Ingest is another process; without this, autocomplete and /whosaid would not know
        the new article until a restart. One cheap query every ARTICLE_CHECK_SECONDS.
        """
        while True:
            await asyncio.sleep(ARTICLE_CHECK_SECONDS)
            try:
                async with self._refreshing:  # never beside a refresh articles_changed runs
                    seen = await self.store.articles_fingerprint()
                    if seen != self._articles_seen:
                        await self.answers.refresh()
                        self._articles_seen = seen
                        log.info("articles changed: answer indexes rebuilt (%d articles)", seen[0])
            except StoreError as exc:
                log.warning("could not check for new articles: %s", exc)
            except Exception:
                log.exception("checking for new articles failed; will try again")

    async def articles_changed(self) -> None:
        """Rebuild the answer indexes now: this process added or removed an article.

        Returns once a refresh begun after the call has finished. Changes that arrive while
        one runs (a moderator adding files one after another, a feed poll) share the next
        refresh instead of each running its own beside it: at 100,000 articles a refresh
        takes seconds, and overlapping ones multiplied the work and the loop's stalls.
        """
        self._changes += 1
        wanted = self._changes
        async with self._refreshing:
            if self._refreshed >= wanted:
                return  # a refresh begun after this change has finished meanwhile
            begun = self._changes
            # Read before the refresh: a change made while it reads is then seen as new.
            seen = await self.store.articles_fingerprint()
            await self.answers.refresh()
            self._articles_seen = seen
            self._refreshed = begun

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
            self._reader = None
        if self._early is not None:
            self._early.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._early
            self._early = None
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
            self._watcher = None
        await super().close()
        await self.intake.aclose()

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guilds", self.user, len(self.guilds))

    # -- in-flight tracking, so SIGTERM lets running commands finish -----------------------

    @contextlib.contextmanager
    def tracking(self) -> Iterator[None]:
        """Count a command as running until it has answered."""
        self._inflight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._inflight -= 1
            if self._inflight == 0:
                self._idle.set()

    @property
    def closing(self) -> bool:
        return self._closing

    async def drain_and_close(self, grace: float = DRAIN_SECONDS) -> None:
        """Stop taking commands, let the running ones answer, then close."""
        self._closing = True
        if self._inflight:
            log.info("waiting for %d running commands to finish", self._inflight)
            try:
                await asyncio.wait_for(self._idle.wait(), grace)
            except TimeoutError:
                log.warning("%d commands still running after %.0fs", self._inflight, grace)
        await self.close()

    # -- the error boundary ----------------------------------------------------------------

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Answer every failed command once, briefly and privately.

        Handled in this order: a ``UserError`` (its message is for the user); an unknown
        command, or options that do not match it (a stale client; logged as a warning); a bad
        option value; a failed permission check; an unusable store (logged as an error);
        anything else (logged with its traceback, the user gets a generic line).
        """
        cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        if interaction.type is discord.InteractionType.autocomplete:
            # Autocomplete can only answer with choices: none is the clear answer here.
            log.warning("autocomplete failed: %s", error)
            if not interaction.response.is_done():
                await interaction.response.autocomplete([])
            return
        try:
            name = interaction.command.qualified_name if interaction.command else "?"
        except GARBLED:
            name = "?"
        if isinstance(cause, UserError):
            message = str(cause)
        elif isinstance(error, app_commands.CommandNotFound):
            message = "That command is not available any more. Type / to see Pitwall's commands."
        elif isinstance(error, app_commands.CommandSignatureMismatch):
            log.warning("/%s: the options sent do not match the command (stale client?)", name)
            message = "That command has changed since Discord showed it to you; please retype it."
        elif isinstance(error, BadOption):
            what = f"`{error.name}`" if error.name else "an option"
            message = f"That value for {what} is not valid here; please check it."
        elif isinstance(error, app_commands.TransformerError):
            message = f"That value for {error.value!r:.60} is not valid here; please check it."
        elif isinstance(error, app_commands.MissingPermissions):
            message = "You need the Manage Server permission to use this command."
        elif isinstance(error, app_commands.CheckFailure):
            message = "You can't use this command here."
        elif isinstance(cause, StoreError | sqlite3.Error):
            # Locked, read-only, full or damaged: one clear line, no traceback to wade through.
            log.error("/%s: the store failed: %s", name, cause)
            message = STORE_FAILURE
        else:
            log.error(
                "/%s by user %s in guild %s failed",
                name,
                interaction.user.id,
                interaction.guild_id,
                exc_info=cause,
            )
            message = GENERIC_FAILURE
        with self.tracking():  # SIGTERM's drain waits for this answer too
            await send_ephemeral(interaction, message)


async def send_ephemeral(interaction: discord.Interaction, message: str) -> None:
    """Send a short private message, as the first response or as a follow-up."""
    message = clip(message)  # an error may quote what the user typed, at any length
    try:
        if interaction.response.is_done():
            await interaction.followup.send(
                message, ephemeral=True, allowed_mentions=ALLOWED_MENTIONS
            )
        else:
            await interaction.response.send_message(
                message, ephemeral=True, allowed_mentions=ALLOWED_MENTIONS
            )
    except discord.HTTPException as exc:
        log.warning("could not tell user %s about an error: %s", interaction.user.id, exc)


#: Gateway close codes that end the session for good, and what to do about each.
_GATEWAY_CLOSES: dict[int, str] = {
    4004: "DISCORD_TOKEN is no longer valid: reset it in the Developer Portal and update .env",
    4010: "Discord refused the shard: check PITWALL_SHARD_IDS and PITWALL_SHARD_COUNT",
    4011: "Discord requires sharding for this many servers: set PITWALL_SHARD_COUNT",
    4012: "Discord refused the gateway version: upgrade discord.py",
    4013: "Discord refused the gateway intents as invalid: upgrade Pitwall",
    4014: "Discord refused the gateway intents Pitwall asked for: allow them for the bot in "
    "the Developer Portal",
}


async def run_bot(settings: Settings, open_store: Callable[[], Awaitable[Store]]) -> int:
    """Run the bot until SIGTERM or SIGINT, then close it and the store cleanly."""
    token = settings.require_token()
    with instance_guard(settings.database, settings.shard_ids) as guard:
        store = await open_store()
        async with store:
            bot = Pitwall(settings, store)
            bot.guard = guard
            async with bot:
                stop = asyncio.Event()
                loop = asyncio.get_running_loop()
                for sig in (signal.SIGTERM, signal.SIGINT):
                    loop.add_signal_handler(sig, stop.set)
                runner = asyncio.create_task(bot.start(token), name="pitwall-bot")
                stopper = asyncio.create_task(stop.wait(), name="pitwall-stop")
                try:
                    done, _ = await asyncio.wait(
                        {runner, stopper}, return_when=asyncio.FIRST_COMPLETED
                    )
                    if stopper in done:
                        log.info("stop signal received; shutting down")
                        await bot.drain_and_close()
                    await runner
                except discord.LoginFailure as exc:
                    raise ConfigError(
                        "DISCORD_TOKEN was rejected by Discord: reset the token in the "
                        "Developer Portal and update .env"
                    ) from exc
                except discord.PrivilegedIntentsRequired as exc:
                    raise ConfigError(_GATEWAY_CLOSES[4014]) from exc
                except discord.ConnectionClosed as exc:  # a close code discord.py cannot resume
                    what = _GATEWAY_CLOSES.get(exc.code, "see Discord's gateway close codes")
                    raise ConfigError(
                        f"Discord closed the gateway with code {exc.code}: {what}"
                    ) from exc
                finally:
                    stopper.cancel()
                    for sig in (signal.SIGTERM, signal.SIGINT):
                        loop.remove_signal_handler(sig)
    log.info("stopped")
    return 0


async def sync_commands(settings: Settings, guild_id: int | None) -> list[str]:
    """Register the slash commands with Discord over HTTP only, without connecting."""
    token = settings.require_token()
    async with await Store.open(settings.database) as store:
        bot = Pitwall(settings, store, sync_on_start=False)
        async with bot:
            try:
                await bot.login(token)
            except discord.LoginFailure as exc:
                raise ConfigError("DISCORD_TOKEN was rejected by Discord") from exc
            if guild_id is not None:
                guild = discord.Object(id=guild_id)
                bot.tree.copy_global_to(guild=guild)
                synced = await bot.tree.sync(guild=guild)
            else:
                synced = await bot.tree.sync()
    return [command.name for command in synced]
