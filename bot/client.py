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
from collections.abc import Awaitable, Callable, Iterator

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import AnswerEngine
from bot.config import Settings
from bot.errors import ConfigError, StoreError, UserError
from bot.instance_lock import InstanceLock
from bot.render import ALLOWED_MENTIONS
from bot.store import Store

__all__ = ["EXTENSIONS", "Pitwall", "run_bot", "sync_commands"]

log = logging.getLogger(__name__)

#: Extensions loaded at start, in order; a failing one is logged and the rest still load.
EXTENSIONS: tuple[str, ...] = ("cogs.fan", "cogs.mentions", "cogs.recaps")

#: How long SIGTERM waits for commands already running to finish before closing anyway.
DRAIN_SECONDS = 10.0

GENERIC_FAILURE = "Something went wrong on our side; it has been logged. Please try again."


class Pitwall(commands.AutoShardedBot):
    """Pitwall's bot: slash commands only, no prefix commands, no privileged intents."""

    settings: Settings
    store: Store
    answers: AnswerEngine
    sync_on_start: bool
    _inflight: int
    _idle: asyncio.Event
    _closing: bool

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
            shard_ids=list(settings.shard_ids) if settings.shard_ids is not None else None,
            max_messages=None,
            chunk_guilds_at_startup=False,
        )
        self.settings = settings
        self.store = store
        self.answers = AnswerEngine(store)
        self.sync_on_start = sync_on_start
        self._inflight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._closing = False
        self.tree.on_error = self.on_app_command_error

    async def setup_hook(self) -> None:
        await self.answers.refresh()
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

    async def on_message(self, message: discord.Message, /) -> None:
        """Ignore prefix commands: mentions are answered by the mentions cog instead."""

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
        command; a bad option value; a failed permission check; an unusable store (logged as an
        error); anything else (logged with its traceback, the user gets a generic line).
        """
        cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        name = interaction.command.qualified_name if interaction.command else "?"
        if isinstance(cause, UserError):
            message = str(cause)
        elif isinstance(error, app_commands.CommandNotFound):
            message = "That command is not available any more. Type / to see Pitwall's commands."
        elif isinstance(error, app_commands.TransformerError):
            message = f"That value for {error.value!r:.60} is not valid here; please check it."
        elif isinstance(error, app_commands.MissingPermissions):
            message = "You need the Manage Server permission to use this command."
        elif isinstance(error, app_commands.CheckFailure):
            message = "You can't use this command here."
        elif isinstance(cause, StoreError):
            log.error("/%s: the store failed: %s", name, cause)
            message = "Pitwall's database is unavailable right now; please try again later."
        else:
            log.error(
                "/%s by user %s in guild %s failed",
                name,
                interaction.user.id,
                interaction.guild_id,
                exc_info=cause,
            )
            message = GENERIC_FAILURE
        await send_ephemeral(interaction, message)


async def send_ephemeral(interaction: discord.Interaction, message: str) -> None:
    """Send a short private message, as the first response or as a follow-up."""
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


async def run_bot(settings: Settings, open_store: Callable[[], Awaitable[Store]]) -> int:
    """Run the bot until SIGTERM or SIGINT, then close it and the store cleanly."""
    token = settings.require_token()
    with InstanceLock(settings.database, settings.shard_ids):
        store = await open_store()
        async with store:
            bot = Pitwall(settings, store)
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
