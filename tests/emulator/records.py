"""What the emulator remembers: requests, messages, interactions, command syncs and faults.

Tests assert on these records rather than on the bot's logs, so they are plain dataclasses holding
the Discord-shaped dicts exactly as the bot sent or received them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .emulator import DiscordEmulator

log = logging.getLogger(__name__)

__all__ = [
    "CallbackRecord",
    "ChangeNotifier",
    "CommandSync",
    "Fault",
    "InteractionRecord",
    "RequestRecord",
    "StoredMessage",
]

T = TypeVar("T")

FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7


class ChangeNotifier:
    """Wake test coroutines when emulator state changes.

    ``notify`` is synchronous so any handler can call it; waiters re-check their predicate on
    every change instead of polling with sleeps.
    """

    def __init__(self) -> None:
        self._futures: list[asyncio.Future[None]] = []

    def notify(self) -> None:
        """Wake every waiter so it re-evaluates its predicate."""
        futures, self._futures = self._futures, []
        for fut in futures:
            if not fut.done():
                fut.set_result(None)

    async def wait_for(self, predicate: Callable[[], T | None], timeout: float, what: str) -> T:  # noqa: ASYNC109 - timeouts are part of the test API
        """Return the first non-None value of ``predicate``; raise TimeoutError naming ``what``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = predicate()
            if result is not None:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout:.1f}s waiting for {what}")
            fut: asyncio.Future[None] = loop.create_future()
            self._futures.append(fut)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(fut, remaining)


@dataclass
class RequestRecord:
    """One HTTP request the bot made (Authorization header never stored)."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[str]
    time: float
    authorized: bool
    status: int = 0
    route: str | None = None

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}"


@dataclass
class CallbackRecord:
    """One interaction callback as the bot sent it, with its timing relative to creation."""

    type: int
    data: dict[str, Any] | None
    elapsed: float
    status: int
    error_code: int | None = None


@dataclass
class StoredMessage:
    """A message held by the emulator, with its edit history.

    ``data`` is the Discord message object, kept current across edits; ``edits`` holds each raw
    edit payload in order.
    """

    data: dict[str, Any]
    channel_id: int
    ephemeral: bool = False
    by_bot: bool = False
    interaction_id: int | None = None
    deleted: bool = False
    nonce: str | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    edits: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> int:
        """Return the message id as an int."""
        return int(self.data["id"])

    @property
    def loading(self) -> bool:
        """Return True while this is a deferred "thinking" placeholder."""
        return bool(self.data.get("flags", 0) & FLAG_LOADING)


@dataclass
class CommandSync:
    """One bulk overwrite (``PUT .../commands``); ``guild_id`` None means global."""

    guild_id: int | None
    names: list[str]
    time: float


@dataclass
class Fault:
    """An injected failure: the next ``count`` matching requests get ``status`` (or a delay).

    ``status`` 0 means "only delay, then serve normally" (a slow response).
    """

    pattern: re.Pattern[str]
    status: int
    count: int
    retry_after: float | None = None
    global_: bool = False
    delay: float | None = None
    method: str | None = None
    body: dict[str, Any] | None = None
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        """Return True if this fault should fire for the request."""
        if self.hits >= self.count:
            return False
        if self.method is not None and self.method.upper() != method:
            return False
        return self.pattern.search(path) is not None

    @property
    def exhausted(self) -> bool:
        """Return True once the fault has fired ``count`` times."""
        return self.hits >= self.count


class InteractionRecord:
    """One interaction the test dispatched, and everything the bot did in answer.

    Times are measured from creation (when the test dispatched it), because that is when
    Discord's 3-second acknowledgement clock starts.
    """

    def __init__(
        self,
        emulator: DiscordEmulator,
        *,
        interaction_id: int,
        token: str,
        type: int,
        payload: dict[str, Any],
        created_at: float,
        guild_id: int | None,
        channel_id: int | None,
        component_message_id: int | None = None,
        user_id: int | None = None,
        name: str | None = None,
    ) -> None:
        self._emu = emulator
        self.id = interaction_id
        self.token = token
        self.type = type
        self.payload = payload
        self.created_at = created_at
        self.guild_id = guild_id
        self.channel_id = channel_id
        self.component_message_id = component_message_id
        self.user_id = user_id
        self.name = name
        self.callbacks: list[CallbackRecord] = []
        self.rejected: list[CallbackRecord] = []
        self.original_id: int | None = None
        self.followup_ids: list[int] = []
        self.edits_at_ack = 0

    def __repr__(self) -> str:
        kinds = [c.type for c in self.callbacks]
        return f"<InteractionRecord id={self.id} type={self.type} callbacks={kinds}>"

    @property
    def acknowledged(self) -> bool:
        """Return True once a callback was accepted."""
        return bool(self.callbacks)

    @property
    def original(self) -> dict[str, Any] | None:
        """Return the current @original message (None if none or deleted)."""
        stored = self._emu.messages.get(self.original_id) if self.original_id else None
        return stored.data if stored is not None and not stored.deleted else None

    @property
    def followups(self) -> list[dict[str, Any]]:
        """Return follow-up messages still present, oldest first."""
        out = []
        for mid in self.followup_ids:
            stored = self._emu.messages.get(mid)
            if stored is not None and not stored.deleted:
                out.append(stored.data)
        return out

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Return the original (if any) then follow-ups; check ``flags & 64`` for ephemeral."""
        original = self.original
        return ([original] if original is not None else []) + self.followups

    async def first_response(self, timeout: float = 5.0) -> CallbackRecord:  # noqa: ASYNC109 - timeouts are part of the test API
        """Wait for the first accepted callback (type, data, elapsed seconds)."""
        return await self._emu.notifier.wait_for(
            lambda: self.callbacks[0] if self.callbacks else None,
            timeout,
            f"a callback to interaction {self.id}",
        )

    def _final(self) -> dict[str, Any] | None:
        if not self.callbacks:
            return None
        ctype = self.callbacks[0].type
        stored = self._emu.messages.get(self.original_id) if self.original_id else None
        if ctype in (4, 7):
            return stored.data if stored is not None else None
        if ctype == 5 and stored is not None and not stored.deleted and not stored.loading:
            return stored.data
        if ctype == 6 and stored is not None and len(stored.edits) > self.edits_at_ack:
            return stored.data
        followups = self.followups
        return followups[0] if followups else None

    async def wait_final(self, timeout: float = 10.0) -> dict[str, Any]:  # noqa: ASYNC109 - timeouts are part of the test API
        """Wait until the user can see an answer and return that message.

        Type 4: the original. Type 5: the original once edited (or the first follow-up). Type 7:
        the updated component message. Type 6: the component message once edited, or the first
        follow-up.
        """
        first = await self.first_response(timeout)
        if first.type in (8, 9, 1):
            raise AssertionError(
                f"interaction {self.id} was answered with type {first.type}, no message"
            )
        return await self._emu.notifier.wait_for(
            self._final, timeout, f"a visible answer to interaction {self.id}"
        )

    async def wait_followups(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:  # noqa: ASYNC109 - timeouts are part of the test API
        """Wait until at least ``count`` follow-ups exist and return them."""
        return await self._emu.notifier.wait_for(
            lambda: self.followups if len(self.followups) >= count else None,
            timeout,
            f"{count} follow-ups to interaction {self.id}",
        )
