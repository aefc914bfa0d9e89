"""Answer a message that mentions the bot, as /ask would, as a reply."""

from __future__ import annotations

import logging
import re
import sqlite3
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.client import STORE_FAILURE
from bot.errors import StoreError, UserError
from bot.render import ALLOWED_MENTIONS, render

if TYPE_CHECKING:
    from bot.client import Pitwall

log = logging.getLogger(__name__)

#: Longest question passed on, as for /ask; the rest is ignored rather than refused.
MAX_QUESTION = 300

_MENTION = re.compile(r"<@[!&]?\d+>|@(?:everyone|here)\b")


class Mentions(commands.Cog):
    """Reply to @Pitwall questions; no privileged intent is needed since mentions carry content."""

    def __init__(self, bot: Pitwall) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None or message.author.bot or message.guild is None:
            return
        if not any(user.id == me.id for user in message.mentions):
            return
        # Drop every mention (the bot's, users', roles', @everyone): they are addressing, not
        # part of the question.
        question = _MENTION.sub(" ", message.content).strip()[:MAX_QUESTION]
        if self.bot.closing:
            return
        with self.bot.tracking():
            try:
                # The same call as /ask: an empty mention gets the help text from ask itself.
                answer = await self.bot.answers.ask(question)
                rendered = render(answer)
            except UserError as exc:
                await self._reply(message, str(exc))
                return
            except (StoreError, sqlite3.Error) as exc:
                log.error("mention %s: the store failed: %s", message.id, exc)
                await self._reply(message, STORE_FAILURE)
                return
            except Exception:
                log.exception("mention %s in guild %s failed", message.id, message.guild.id)
                await self._reply(message, "Something went wrong on our side; it has been logged.")
                return
            # Replies cannot be ephemeral or paginated by buttons: send each page in turn.
            try:
                for page in rendered.pages:
                    await message.reply(
                        content=page.content,
                        embeds=list(page.embeds),
                        mention_author=False,
                        allowed_mentions=ALLOWED_MENTIONS,
                    )
            except discord.HTTPException as exc:  # e.g. no Send Messages in that channel
                log.warning("could not reply to message %s: %s", message.id, exc)

    async def _reply(self, message: discord.Message, text: str) -> None:
        try:
            await message.reply(text, mention_author=False, allowed_mentions=ALLOWED_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not reply to message %s: %s", message.id, exc)


async def setup(bot: Pitwall) -> None:
    """Add the mention listener."""
    await bot.add_cog(Mentions(bot))
