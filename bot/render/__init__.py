"""Answers -> Discord messages (embeds, pages) and plain text, within Discord's limits.

The rendering module: nowhere else in bot/ builds an embed or a view.
One layout serves both outputs: each answer becomes a list of blocks (title, body, citation);
Discord gets them as embeds split at paragraph, sentence or word boundaries and packed into
pages, the offline ``ask`` gets the same blocks as text.

- ``text``: Discord's limits, sizes in UTF-16 units, mention safety, cutting and splitting
- ``blocks``: a quote, statement, lap event or fact as a block, with its citation
- ``layout``: each kind of answer as a header and blocks
- ``pages``: blocks to embeds and pages (``render``), or to text (``render_text``)
- ``paginator``: the Previous/Next view and ``send_rendered``
- ``articles``: ``/articles`` replies and feed announcements
"""

from bot.render.articles import (
    ARTICLES_PER_PAGE,
    announcement_page,
    article_added,
    article_list,
    story_link,
)
from bot.render.blocks import cite, reported_line
from bot.render.pages import Page, Rendered, error_page, render, render_text
from bot.render.paginator import OWNER_ONLY, Paginator, first_page, pack_pages, send_rendered
from bot.render.text import ALLOWED_MENTIONS, LIMITS, clip, neutralise, size, split_text

__all__ = [
    "ALLOWED_MENTIONS",
    "ARTICLES_PER_PAGE",
    "LIMITS",
    "OWNER_ONLY",
    "Page",
    "Paginator",
    "Rendered",
    "announcement_page",
    "article_added",
    "article_list",
    "cite",
    "clip",
    "error_page",
    "first_page",
    "neutralise",
    "pack_pages",
    "render",
    "render_text",
    "reported_line",
    "send_rendered",
    "size",
    "split_text",
    "story_link",
]
