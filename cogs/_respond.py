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
from bot.render import ALLOWED_MENTIONS, Paginator, Rendered, render

if TYPE_CHECKING:
    from bot.client import Pitwall

__all__ = ["DEFER_AFTER", "respond", "send_rendered"]

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


async def send_rendered(interaction: discord.Interaction[Pitwall], rendered: Rendered) -> None:
    """Send the first page, with page buttons when there are more that only the asker can use."""
    first = rendered.pages[0]
    view = Paginator(rendered.pages, interaction.user.id) if len(rendered.pages) > 1 else None
    kwargs: dict[str, object] = {
        "content": first.content,
        "embeds": list(first.embeds),
        "ephemeral": rendered.ephemeral,
        "allowed_mentions": ALLOWED_MENTIONS,
    }
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        await interaction.followup.send(**kwargs)  # type: ignore[arg-type]
    else:
        await interaction.response.send_message(**kwargs)  # type: ignore[arg-type]
