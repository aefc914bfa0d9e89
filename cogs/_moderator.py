"""What every moderator command group shares: the run-time permission check, the refusal
while shutting down, deferring first and answering privately.

A helper module (leading underscore), never loaded as an extension. The same rules as
``/recaps`` (cogs/recaps.py): Manage Server by default, and checked again at run time because
server admins can change who sees a command.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import discord
from discord import app_commands

from bot.errors import UserError
from bot.render import ALLOWED_MENTIONS

if TYPE_CHECKING:
    from bot.client import Pitwall

__all__ = ["MESSAGE_LIMIT", "defer_private", "fit", "reply_private", "require_manage_guild",
           "require_web_link", "running"]  # fmt: skip

Interaction = discord.Interaction["Pitwall"]

#: Discord's limit on a message's content.
MESSAGE_LIMIT = 2000


def require_manage_guild(interaction: Interaction) -> bool:
    """Refuse anyone without Manage Server, whatever the command's default permissions say."""
    if interaction.guild is None:
        raise app_commands.NoPrivateMessage()
    if not interaction.permissions.manage_guild:
        raise app_commands.MissingPermissions(["manage_guild"])
    return True


@contextlib.contextmanager
def running(bot: Pitwall) -> Iterator[None]:
    """Refuse new work while shutting down; otherwise count the command as running."""
    if bot.closing:
        raise UserError("Pitwall is restarting; please try again in a minute.")
    with bot.tracking():
        yield


async def defer_private(interaction: Interaction) -> None:
    """Acknowledge at once: fetching a page or a feed can take seconds, past Discord's 3."""
    if not interaction.response.is_done():
        await interaction.response.defer(ephemeral=True, thinking=True)


def fit(text: str) -> str:
    """Shorten a reply to one message, at a line break, saying that more was cut."""
    if len(text) <= MESSAGE_LIMIT:
        return text
    return text[: MESSAGE_LIMIT - 40].rsplit("\n", 1)[0] + "\n… (more not shown)"


async def reply_private(interaction: Interaction, text: str, notices: Sequence[str] = ()) -> None:
    """Answer privately (as the reply or the deferred follow-up), adding any notices."""
    body = fit("\n\n".join([text, *notices]))
    if interaction.response.is_done():
        await interaction.followup.send(body, ephemeral=True, allowed_mentions=ALLOWED_MENTIONS)
    else:
        await interaction.response.send_message(
            body, ephemeral=True, allowed_mentions=ALLOWED_MENTIONS
        )


def require_web_link(text: str, what: str = "link") -> str:
    """The link, stripped, if it is an http(s) URL; a UserError otherwise.

    The intake also reads local files for the command line; from Discord only web links are
    taken, so nobody can make the bot read a file on its own host.
    """
    link = text.strip().strip("<>")
    parts = urlsplit(link)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise UserError(f"That is not a web {what}: give one starting with https:// or http://.")
    return link
