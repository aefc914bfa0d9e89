"""A local Discord (REST + gateway on 127.0.0.1) for end-to-end tests of the real bot process."""

from __future__ import annotations

from .emulator import DiscordEmulator
from .gateway import Intent
from .records import (
    CallbackRecord,
    CommandSync,
    Fault,
    InteractionRecord,
    RequestRecord,
    StoredMessage,
)
from .validation import Problem
from .world import Channel, Guild, Overwrite, Perm, Role, User

__all__ = [
    "CallbackRecord",
    "Channel",
    "CommandSync",
    "DiscordEmulator",
    "Fault",
    "Guild",
    "Intent",
    "InteractionRecord",
    "Overwrite",
    "Perm",
    "Problem",
    "RequestRecord",
    "Role",
    "StoredMessage",
    "User",
]
