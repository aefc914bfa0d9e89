"""The error types Pitwall raises, split by who may see the message."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ConfigError", "FetchError", "IngestError", "PitwallError", "StoreError", "UserError"]


class PitwallError(Exception):
    """Base of every error Pitwall raises on purpose."""


class UserError(PitwallError):
    """A failure caused by what a user asked; its message is safe and useful to show them."""


class ConfigError(PitwallError):
    """A missing or malformed setting; the message names the setting and what is expected."""


class StoreError(PitwallError):
    """The database cannot be opened, upgraded or written; the message says why."""


class IngestError(PitwallError):
    """An article or annotation file that cannot be loaded, located by file and line.

    Carrying the line lets a moderator fix the file without reading a traceback.
    """

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path.name}:{line}" if line else self.path.name
        super().__init__(f"{where}: {message}")


class FetchError(UserError):
    """A link or feed that could not be fetched or used: one line saying why (the address
    refused, the server's answer, the size or type), safe to show the moderator who gave it.

    ``status`` is the HTTP status when the server answered (410 tells a feed poller the feed
    is gone for good); None when nothing was fetched. ``transient``: the same request may
    well work later (a timeout, no network, a server error), so a poller tries it again.
    """

    def __init__(self, message: str, *, status: int | None = None, transient: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.transient = transient
