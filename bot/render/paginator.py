"""The paginator (Previous/Next, only for the asker) and sending rendered pages.

A paginator keeps its pages packed as compressed JSON, so a long answer's embeds are not held
as objects for its lifetime (issue 12: memory); ``pack_pages`` packs them off the loop.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Sequence
from typing import Any

import discord

from bot.render.pages import Page, Rendered
from bot.render.text import ALLOWED_MENTIONS

log = logging.getLogger(__name__)

OWNER_ONLY = "Only the person who asked can turn these pages."


class Paginator(discord.ui.View):
    """Previous/Next buttons with a page counter; only the asker may turn the pages.

    After ``timeout`` seconds the buttons are disabled on the message (set ``message`` after
    sending); a message deleted meanwhile is ignored.
    """

    owner_id: int
    index: int
    message: discord.Message | discord.InteractionMessage | None
    #: The interaction whose own response shows the pages (set instead of ``message`` by
    #: send_rendered): its original response is edited on timeout, so no message is fetched
    #: for it (a request per paginated answer) nor held for ``timeout`` seconds.
    interaction: discord.Interaction[Any] | None = None
    #: Each page packed (see _pack_page): a paginator lives for ``timeout`` seconds, and a
    #: long answer's embeds as objects held 3 MB at 100,000 articles (a lap's events): a
    #: burst of answers kept hundreds of megabytes alive (issue 12: memory).
    _packed: tuple[bytes, ...]

    def __init__(
        self,
        pages: Sequence[Page],
        owner_id: int,
        *,
        timeout: float = 180,
        packed: tuple[bytes, ...] | None = None,
    ) -> None:
        super().__init__(timeout=timeout)
        if not pages and not packed:
            raise ValueError("a paginator needs at least one page")
        # ``packed``: the pages already packed (pack_pages), e.g. on a worker thread.
        self._packed = packed if packed else tuple(_pack_page(page) for page in pages)
        self.owner_id = owner_id
        self.index = 0
        self.message = None
        self._sync()

    @property
    def pages(self) -> tuple[Page, ...]:
        """Every page, unpacked."""
        return tuple(_unpack_page(packed) for packed in self._packed)

    @property
    def page(self) -> Page:
        return _unpack_page(self._packed[self.index])

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self._packed) - 1
        self.counter.label = f"{self.index + 1}/{len(self._packed)}"

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            OWNER_ONLY, ephemeral=True, allowed_mentions=ALLOWED_MENTIONS
        )
        return False

    async def show(self, interaction: discord.Interaction[Any], index: int) -> None:
        self.index = min(max(index, 0), len(self._packed) - 1)
        self._sync()
        await interaction.response.edit_message(
            content=self.page.content,
            embeds=list(self.page.embeds),
            view=self,
            allowed_mentions=ALLOWED_MENTIONS,
        )

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self.show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        """The page counter; disabled, so never pressed."""

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self.show(interaction, self.index + 1)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        try:
            if self.message is not None:
                await self.message.edit(view=self)
            elif self.interaction is not None:
                await self.interaction.edit_original_response(view=self)
        except discord.NotFound:
            log.debug("paginated message was deleted before its buttons timed out")


def _pack_page(page: Page) -> bytes:
    """A page as compressed JSON: its content and its embeds as Discord receives them."""
    data = [page.content, [embed.to_dict() for embed in page.embeds]]
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _unpack_page(packed: bytes) -> Page:
    """The page :func:`_pack_page` packed (its embeds equal, sent as the same JSON)."""
    content, embeds = json.loads(zlib.decompress(packed))
    return Page(content, tuple(discord.Embed.from_dict(data) for data in embeds))


# -- long answers rendered once, off the loop (issue 12) --------------------------------------


def pack_pages(pages: Sequence[Page]) -> tuple[bytes, ...]:
    """Every page packed as a :class:`Paginator` keeps them (pass as ``packed=``)."""
    return tuple(_pack_page(page) for page in pages)


def first_page(packed: tuple[bytes, ...], ephemeral: bool = False) -> Rendered:
    """The first of packed pages, to send with ``send_rendered(..., packed=packed)``."""
    return Rendered((_unpack_page(packed[0]),), ephemeral)


async def send_rendered(
    interaction: discord.Interaction[Any],
    rendered: Rendered,
    *,
    packed: tuple[bytes, ...] | None = None,
) -> None:
    """Send rendered pages as the interaction's reply (or follow-up once deferred).

    One page goes as is; several get a :class:`Paginator` owned by the asker. With
    ``packed`` (every page, see :func:`pack_pages`), ``rendered`` need hold only the first.
    """
    first = rendered.pages[0]
    many = len(packed) > 1 if packed else len(rendered.pages) > 1
    view = Paginator(rendered.pages, interaction.user.id, packed=packed) if many else None
    kwargs: dict[str, Any] = {
        "embeds": list(first.embeds),
        "ephemeral": rendered.ephemeral,
        "allowed_mentions": ALLOWED_MENTIONS,
    }
    if first.content is not None:
        kwargs["content"] = first.content
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        message = await interaction.followup.send(wait=view is not None, **kwargs)
        if view is not None:
            view.message = message
    else:
        await interaction.response.send_message(**kwargs)
        # Only a paginator needs to reach its message again (to disable the buttons on
        # timeout), through the interaction: fetching the message would add a request to
        # every paginated answer, and holding it its embeds, for the paginator's lifetime.
        if view is not None:
            view.interaction = interaction
