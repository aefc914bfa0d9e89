"""How every command answers: within Discord's 3 seconds, exactly once, paginated if long.

A helper module (leading underscore), never loaded as an extension.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import discord

from bot.answers import Answer
from bot.answers._kept import keep_rendering, records_in, rendering_of
from bot.errors import UserError
from bot.render import Rendered, first_page, pack_pages, render, send_rendered

if TYPE_CHECKING:
    from bot.client import Pitwall

__all__ = ["DEFER_AFTER", "respond"]

log = logging.getLogger(__name__)

#: Answer directly when the answer is ready this fast; otherwise defer, then follow up.
#: Well inside Discord's 3-second deadline, so a slow store never costs the interaction.
DEFER_AFTER = 1.0
#: An answer with more records than this is rendered (and its pages packed) on a worker
#: thread: a lap's 200 events at 10,000 articles are 22 pages, 23 ms of the loop.
RENDER_ON_LOOP = 40


async def respond(interaction: discord.Interaction[Pitwall], answer: Awaitable[Answer]) -> None:
    """Compute ``answer`` and send it: directly if quick, else after deferring."""
    bot = interaction.client
    if bot.closing:
        raise UserError("Pitwall is restarting; please ask again in a minute.")
    with bot.tracking():
        # The answer runs in this task, a timer defers it if it is not ready in time: in a
        # burst every extra task or wakeup (wait_for's, shield's) waits a whole turn of the
        # loop behind the other interactions, and an answer that needs no other thread
        # (/facts, a kept lap) is then found without yielding at all.
        deferring: asyncio.Task[object] | None = None

        def defer() -> None:
            nonlocal deferring
            deferring = asyncio.ensure_future(interaction.response.defer(thinking=True))

        timer = asyncio.get_running_loop().call_later(DEFER_AFTER, defer)
        try:
            result = await answer
        finally:
            timer.cancel()
            if deferring is not None:  # a reply or an error message must come after it
                await deferring
        rendered, packed = await _rendered(result)
        await send_rendered(interaction, rendered, packed=packed)


async def _rendered(answer: Answer) -> tuple[Rendered, tuple[bytes, ...] | None]:
    """``answer`` rendered, and its pages packed when it is long (else None).

    A long answer the engine keeps (a lap, the same question asked again) is given as the
    same object until the store changes: its packed pages are kept beside it
    (:func:`~bot.answers._kept.keep_rendering`) and it is rendered once.
    """
    kept = rendering_of(answer)
    if isinstance(kept, _Packed):
        return first_page(kept.pages, kept.ephemeral), kept.pages
    if records_in(answer) <= RENDER_ON_LOOP:
        return render(answer), None
    rendered, packed = await asyncio.to_thread(_render_packed, answer)
    if len(packed) > 1:
        keep_rendering(answer, _Packed(packed, rendered.ephemeral))
    return rendered, packed


@dataclass(frozen=True, slots=True)
class _Packed:
    """A kept answer's packed pages, and whether they are shown to the asker alone."""

    pages: tuple[bytes, ...]
    ephemeral: bool


def _render_packed(answer: Answer) -> tuple[Rendered, tuple[bytes, ...]]:
    rendered = render(answer)
    return rendered, pack_pages(rendered.pages)
