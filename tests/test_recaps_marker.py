"""The marker a scheduled recap carries, by which a restart recognises a post it lost track of."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import discord
import pytest
from discord.state import ConnectionState

from bot.recaps import is_recap_of, mark_slot
from bot.render import Page

SLOT = datetime(2025, 3, 28, 9, 0, tzinfo=UTC)
BOT_ID = 55
CHANNEL_ID = 10


def _page() -> Page:
    return Page(
        "Recap",
        (discord.Embed(title="Story", description="one"), discord.Embed(title="Quote")),
    )


def _message(embeds: list[dict[str, Any]], *, author: int = BOT_ID, kind: int = 0) -> Any:
    """A real discord.Message from the payload Discord returns for a channel's history."""
    # Parsing only: no HTTP client behind the state, and the payload is a plain dict.
    state = ConnectionState(dispatch=lambda *_: None, handlers={}, hooks={}, http=None)  # type: ignore[arg-type]
    channel = discord.PartialMessageable(state=state, id=CHANNEL_ID)
    data = {
        "id": "1355",
        "type": kind,
        "channel_id": str(CHANNEL_ID),
        "author": {"id": str(author), "username": "x", "discriminator": "0", "avatar": None},
        "content": "Recap",
        "timestamp": "2025-03-28T09:00:02+00:00",
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": embeds,
        "pinned": False,
        "flags": 0,
        "components": [],
    }
    return discord.Message(state=state, channel=channel, data=data)  # type: ignore[arg-type]


def _sent(page: Page) -> list[dict[str, Any]]:
    """The embeds as discord.py sends them and Discord hands them back."""
    return [{"type": "rich", **e.to_dict()} for e in page.embeds]


def test_mark_slot_stamps_the_first_embed_only_and_leaves_the_page_alone() -> None:
    """Marking copies the first embed with the slot as timestamp; the rest and the input stay."""
    page = _page()
    marked = mark_slot(page, SLOT)
    assert marked.embeds[0].timestamp == SLOT
    assert marked.embeds[1].timestamp is None
    assert marked.embeds[1] is page.embeds[1]
    assert page.embeds[0].timestamp is None
    assert marked.content == page.content


def test_mark_slot_without_embeds_changes_nothing() -> None:
    """A text-only page has nowhere to carry the marker and is returned as is."""
    page = Page("text only")
    assert mark_slot(page, SLOT) is page


def test_marked_post_read_back_is_recognised_for_its_slot_only() -> None:
    """The post read back from the channel matches its own slot, not the next or a minute off."""
    message = _message(_sent(mark_slot(_page(), SLOT)))
    assert is_recap_of(message, SLOT, BOT_ID)
    assert not is_recap_of(message, SLOT + timedelta(days=1), BOT_ID)
    assert not is_recap_of(message, SLOT + timedelta(minutes=1), BOT_ID)


@pytest.mark.parametrize(
    ("why", "author", "kind", "marked"),
    [
        ("someone else's message", 77, 0, True),
        ("a command's answer", BOT_ID, 20, True),
        ("a reply to a mention", BOT_ID, 19, True),
        ("an unmarked post (/recaps post)", BOT_ID, 0, False),
    ],
)
def test_other_messages_are_not_taken_for_the_recap(
    why: str, author: int, kind: int, marked: bool
) -> None:
    """Only Pitwall's own plain post stamped with the slot counts."""
    page = mark_slot(_page(), SLOT) if marked else _page()
    message = _message(_sent(page), author=author, kind=kind)
    assert not is_recap_of(message, SLOT, BOT_ID), why
