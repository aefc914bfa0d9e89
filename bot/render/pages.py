"""Answers as Discord pages: blocks to embeds within the limits, packed into pages.

Quotes are never cut short: a quote longer than an embed continues in the next one, on the
next page if need be. ``render_text`` gives the offline ``ask`` the same blocks as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import discord

from bot.answers import Answer, RecapAnswer
from bot.render.blocks import _Block, _Style
from bot.render.layout import _layout
from bot.render.text import (
    _CONTENT,
    _DESCRIPTION,
    _FOOTER,
    _TITLE,
    _ZWSP,
    LIMITS,
    _cut,
    _escape,
    size,
    split_text,
)

_COLOURS = {
    "quote": discord.Colour.blurple(),
    "reported": discord.Colour.light_grey(),
    "apology": discord.Colour.gold(),
    "lap": discord.Colour.red(),
    "facts": discord.Colour.teal(),
    "person": discord.Colour.green(),
    "recap": discord.Colour.dark_teal(),
}


@dataclass(frozen=True, slots=True)
class Page:
    """One message's worth: optional content and at most ten embeds within the limits."""

    content: str | None
    embeds: tuple[discord.Embed, ...] = ()


@dataclass(frozen=True, slots=True)
class Rendered:
    """An answer as pages; more than one page is sent with a :class:`Paginator`."""

    pages: tuple[Page, ...]
    ephemeral: bool = False


def _embed_size(embed: discord.Embed) -> int:
    total = size(embed.title) + size(embed.description) + size(embed.footer.text)
    total += size(embed.author.name)
    total += sum(size(f.name) + size(f.value) for f in embed.fields)
    return total


def _embeds(block: _Block) -> list[discord.Embed]:
    title = _cut(_escape(block.title), _TITLE)
    footer = _cut(block.footer, _FOOTER)
    chunks = split_text(block.body, _DESCRIPTION) or [_ZWSP]
    colour = _COLOURS.get(block.kind)
    embeds = []
    for i, chunk in enumerate(chunks):
        more = i < len(chunks) - 1
        embed = discord.Embed(
            title=title if i == 0 else _cut(f"{title} (continued)", LIMITS.title),
            description=chunk,
            colour=colour,
            url=block.url,  # the title links to the original article
        )
        note = f"{footer} · continues…" if more and footer else ("continues…" if more else footer)
        if note:
            embed.set_footer(text=_cut(note, LIMITS.footer))
        embeds.append(embed)
    return embeds


def _content_pages(text: str | None) -> list[str]:
    return split_text(text, _CONTENT) if text else []


def _paginate(header: str | None, blocks: Sequence[_Block]) -> tuple[Page, ...]:
    headers = _content_pages(header)
    pages: list[Page] = []
    # A header longer than one message gets text-only pages of its own first.
    for extra in headers[:-1]:
        pages.append(Page(extra))
    content = headers[-1] if headers else None
    current: list[discord.Embed] = []
    total = 0
    for block in blocks:
        for embed in _embeds(block):
            grown = _embed_size(embed)
            if current and (len(current) >= LIMITS.embeds or total + grown > LIMITS.total):
                pages.append(Page(content, tuple(current)))
                content, current, total = None, [], 0
            current.append(embed)
            total += grown
    if current or content is not None:
        pages.append(Page(content, tuple(current)))
    if not pages:
        pages.append(Page("Nothing to show."))
    return tuple(pages)


def render(answer: Answer) -> Rendered:
    """Render an answer as Discord pages, every page within Discord's limits."""
    header, blocks, ephemeral = _layout(answer, _Style(discord=True))
    pages = _paginate(header, blocks)
    if isinstance(answer, RecapAnswer) and len(pages) > 1:
        # Every page of a late or archived recap says so, not just the first.
        label = _cut(header or "", 300)
        pages = tuple(
            p if i == 0 else Page(label + f" ({i + 1}/{len(pages)})", p.embeds)
            for i, p in enumerate(pages)
        )
    return Rendered(pages, ephemeral)


def render_text(answer: Answer) -> str:
    """Render an answer as plain text for the offline ``ask``: the same information, whole."""
    header, blocks, _ = _layout(answer, _Style(discord=False))
    sections = [header] if header else []
    for block in blocks:
        section = f"{block.title}\n{block.body}"
        if block.footer:
            section += f"\n({block.footer})"
        if block.url:
            section += f"\n{block.url}"
        sections.append(section)
    return "\n\n".join(sections).strip() + "\n"


def error_page(message: str) -> Rendered:
    """A short ephemeral message for a UserError or NotFound."""
    text = _cut(_escape(message.strip() or "Something went wrong."), _CONTENT)
    return Rendered((Page(text),), ephemeral=True)
