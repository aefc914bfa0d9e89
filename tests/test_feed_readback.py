"""A feed announcement left pending is looked for in its channel before it is sent again."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import pytest

from bot.feed_runner import is_announcement_of
from bot.render import announcement_page
from tests.test_feed_runner import NOW, STORY, FakeIntake, announcement, runner
from tests.test_recaps_marker import BOT_ID, _message

PAGE = announcement_page(STORY, "Paddock Daily")


def _sent(page: Any) -> list[dict[str, Any]]:
    return [{"type": "rich", **e.to_dict()} for e in page.embeds]


def test_announcement_read_back_is_recognised_for_its_story_only() -> None:
    """Pitwall's own announcement of the story matches; another story's does not."""
    message = _message(_sent(PAGE))
    assert is_announcement_of(message, PAGE, BOT_ID)
    other = announcement_page(replace(STORY, url="https://x.test/b"), "Paddock Daily")
    assert not is_announcement_of(message, other, BOT_ID)


@pytest.mark.parametrize(
    ("why", "author", "kind", "footer"),
    [
        ("someone else's message", 77, 0, True),
        ("a command's answer", BOT_ID, 20, True),
        ("a recap featuring the same story (no announcement footer)", BOT_ID, 0, False),
    ],
)
def test_other_messages_are_not_taken_for_the_announcement(
    why: str, author: int, kind: int, footer: bool
) -> None:
    """Only Pitwall's own plain post carrying the announcement's link and footer counts."""
    embeds = _sent(PAGE)
    if not footer:
        embeds[0].pop("footer")
    assert not is_announcement_of(_message(embeds, author=author, kind=kind), PAGE, BOT_ID), why


def _history(*messages: Any) -> MagicMock:
    """``channel.history(...)``: an async iterator over ``messages``, recording its arguments."""

    async def pages(**_: Any) -> Any:
        for message in messages:
            yield message

    return MagicMock(side_effect=pages)


def _runner_with_history(intake: FakeIntake, send: AsyncMock, *messages: Any) -> Any:
    made = runner(intake, send)
    made.bot.user = SimpleNamespace(id=BOT_ID)
    made.bot.get_channel.return_value.history = _history(*messages)
    return made


async def test_left_pending_announcement_found_in_the_channel_is_recorded_not_resent() -> None:
    """A crash after the post: the restart finds it, records its id and posts nothing."""
    left = replace(announcement(1), created_at=NOW - timedelta(minutes=20))
    intake = FakeIntake(pending=[left])
    send = AsyncMock()
    found = _message(_sent(PAGE))
    made = _runner_with_history(intake, send, _message([], author=77), found)
    assert await made.announce_pending() == 1
    send.assert_not_awaited()
    assert intake.done == [(1, found.id)]
    made.bot.get_channel.return_value.history.assert_called_once()


async def test_left_pending_announcement_not_in_the_channel_is_sent() -> None:
    """A crash before the post: nothing found, so it is sent (with its nonce) and marked done."""
    left = replace(announcement(1), created_at=NOW - timedelta(minutes=20))
    intake = FakeIntake(pending=[left])
    send = AsyncMock(return_value=SimpleNamespace(id=555))
    made = _runner_with_history(intake, send, _message([], author=77))
    assert await made.announce_pending() == 1
    assert send.await_args is not None and send.await_args.kwargs["nonce"] == left.nonce
    assert intake.done == [(1, 555)]


async def test_announcement_recorded_by_this_poll_is_sent_without_reading_back() -> None:
    """A story the poll just recorded cannot be in the channel yet: no history request."""
    intake = FakeIntake(pending=[announcement(1)])  # recorded at NOW, the poll's instant
    send = AsyncMock(return_value=SimpleNamespace(id=555))
    made = _runner_with_history(intake, send)
    assert await made.announce_pending(NOW) == 1
    made.bot.get_channel.return_value.history.assert_not_called()
    assert intake.done == [(1, 555)]
