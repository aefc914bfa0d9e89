"""How every command answers: within Discord's 3 seconds, exactly once, paginated if long.

A helper module (leading underscore), never loaded as an extension.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable
from typing import TYPE_CHECKING

import discord

from bot.answers import Answer
from bot.answers.records import LapAnswer, PassageAnswer, PersonAnswer, QuotesAnswer
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
#: Long answers' packed pages kept by answer, up to this many records in all (the answers
#: are held too, so that an id stays theirs: 25 laps at 10,000 articles, 2 at 100,000): the
#: engine gives a kept answer (a lap, the same question) as the same object until the store
#: changes, and it is rendered once.
KEPT_RECORDS = 5000

# answer id -> (the answer, so the id stays its own; its packed pages; ephemeral)
_kept: OrderedDict[int, tuple[Answer, tuple[bytes, ...], bool]] = OrderedDict()


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
    """``answer`` rendered, and its pages packed when it is long (else None)."""
    kept = _kept.get(id(answer))
    if kept is not None and kept[0] is answer:
        _kept.move_to_end(id(answer))
        return first_page(kept[1], kept[2]), kept[1]
    if _records(answer) <= RENDER_ON_LOOP:
        return render(answer), None
    rendered, packed = await asyncio.to_thread(_render_packed, answer)
    records = _records(answer)
    if len(packed) > 1 and records <= KEPT_RECORDS:
        _kept[id(answer)] = (answer, packed, rendered.ephemeral)
        held = sum(_records(a) for a, _p, _e in _kept.values())
        while held > KEPT_RECORDS:
            _id, (dropped, _packed, _ephemeral) = _kept.popitem(last=False)
            held -= _records(dropped)
    return rendered, packed


def _render_packed(answer: Answer) -> tuple[Rendered, tuple[bytes, ...]]:
    rendered = render(answer)
    return rendered, pack_pages(rendered.pages)


def _records(answer: Answer) -> int:
    """How many records an answer shows: what its rendering costs grows with."""
    if isinstance(answer, LapAnswer):
        return len(answer.events)
    if isinstance(answer, QuotesAnswer | PersonAnswer):
        return len(answer.quotes) + len(answer.reported)
    if isinstance(answer, PassageAnswer):
        return len(answer.passages)
    return 0
