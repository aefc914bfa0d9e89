"""Which extractor each way in goes to: a fetched page (by its content type), an uploaded file
(by its suffix: HTML, Markdown or plain text, UTF-8 only) or a feed entry (its HTML content
wrapped as a page, the feed's own date, author and title winning over the page's).

Synchronous and CPU-bound: ``Intake`` runs these in a thread.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

from bot.errors import UserError
from bot.intake.extract import (
    Extracted,
    extract_html,
    extract_text,
    looks_like_html,
    refuse_unreadable,
    with_fallbacks,
)
from bot.intake.feeds import Entry
from bot.intake.fetch import Fetched

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_TEXT_SUFFIXES = frozenset({".txt"})


def read_fetched(fetched: Fetched) -> Extracted:
    """A page as served: plain text or Markdown read as text unless it is HTML in disguise."""
    if fetched.content_type in ("text/plain", "text/markdown", "text/x-markdown"):
        text = fetched.text()
        if not looks_like_html(text):
            markdown = fetched.content_type != "text/plain" or fetched.url.endswith(".md")
            found = extract_text(text, fetched.url, markdown=markdown)
            return with_fallbacks(found, url=fetched.url)
    return extract_html(fetched.body, fetched.url)


def read_file(name: str, data: bytes) -> Extracted:
    """An uploaded file by its suffix; anything else is refused with a short reason."""
    suffix = Path(name).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return extract_html(data, None)
    if suffix not in _MARKDOWN_SUFFIXES | _TEXT_SUFFIXES:
        raise refuse_unreadable(name)
    if b"\x00" in data:
        raise UserError(f"{name}: a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{name}: not UTF-8 text") from None
    return extract_text(text, name, markdown=suffix in _MARKDOWN_SUFFIXES)


def read_entry(entry: Entry) -> Extracted:
    """A feed item whose content is the whole story, read as the page it would be."""
    title = escape(entry.title or "")
    page = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{entry.content_html}</article></body></html>"
    )
    found = extract_html(page, entry.link)
    return replace(
        found,
        published=entry.published or found.published,
        author=entry.author or found.author,
        headline=entry.title or found.headline,
    )
