"""How every command answers: within Discord's 3 seconds, exactly once, paginated if long.

A helper module (leading underscore), never loaded as an extension.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import TYPE_CHECKING

import discord

from bot.answers import Answer
from bot.errors import UserError
from bot.render import render, send_rendered

if TYPE_CHECKING:
    from bot.client import Pitwall

__all__ = ["DEFER_AFTER", "respond"]

log = logging.getLogger(__name__)

#: Answer directly when the answer is ready this fast; otherwise defer, then follow up.
#: Well inside Discord's 3-second deadline, so a slow store never costs the interaction.
DEFER_AFTER = 1.0


async def respond(interaction: discord.Interaction[Pitwall], answer: Awaitable[Answer]) -> None:
    """Compute ``answer`` and send it: directly if quick, else after deferring."""
    bot = interaction.client
    if bot.closing:
        raise UserError("Pitwall is restarting; please ask again in a minute.")
    with bot.tracking():
        task = asyncio.ensure_future(answer)
        try:
            result = await asyncio.wait_for(asyncio.shield(task), DEFER_AFTER)
        except TimeoutError:
            await interaction.response.defer(thinking=True)
            result = await task
        await send_rendered(interaction, render(result))
