"""What intake reports back: one add, one story a poll found, one poll; and the nonce that
makes an announcement of one story in one channel exactly-once across restarts.

Records only (no I/O), kept apart from the ``Intake`` facade so it reads in a minute.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.intake.extract import Extracted
from bot.intake.sources import Taken
from bot.models import ArticleSummary
from bot.scheduling import message_nonce
from bot.store import Announcement, FeedInfo


def announce_nonce(channel_id: int, item_key: str) -> str:
    """The message nonce for announcing one item in one channel: always the same, so a resend
    after a crash returns the message Discord already has (enforce_nonce)."""
    return message_nonce("f", f"{channel_id}:{item_key}")


@dataclass(frozen=True, slots=True)
class AddResult:
    """What adding one link or file did.

    ``replaced``: an older version of the same story (same canonical URL, or same file name)
    was replaced by this one. ``unchanged``: the story was already stored exactly as it is
    (same URL and text, or the same text under another URL): nothing was written.
    """

    article: ArticleSummary
    url: str | None
    replaced: bool
    quotes: int
    unchanged: bool = False
    author: str | None = None
    path: str = ""  # the source file under data/articles/


@dataclass(frozen=True, slots=True)
class NewStory:
    """One story a poll added (or replaced), to announce where the feed has a channel."""

    feed_id: int
    item_key: str
    article: ArticleSummary
    url: str | None
    replaced: bool = False  # an edit of a story already taken: never announced again


@dataclass(frozen=True, slots=True)
class PollResult:
    """One poll of one feed: what it added, how many items were already taken, or why not.

    ``first_poll``: the feed's first poll loads its current items and announces none.
    ``announce``: the pending announcements this poll recorded (empty on a first poll, with
    no channel, or on error); the runner posts them (see ``Intake.pending_announcements``).
    """

    feed: FeedInfo
    added: tuple[NewStory, ...]
    unchanged: int
    error: str | None
    first_poll: bool
    refused: tuple[str, ...] = ()  # one line per item that could not be taken (not fatal)
    announce: tuple[Announcement, ...] = ()


def add_result(taken: Taken, found: Extracted) -> AddResult:
    """The report of one story taken: the stored article, and the byline the page gave."""
    return AddResult(
        article=taken.article,
        url=taken.article.url or found.url,
        replaced=taken.replaced,
        quotes=taken.quotes,
        unchanged=taken.unchanged,
        author=found.author,
        path=str(taken.path),
    )
