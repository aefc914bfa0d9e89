"""Logging set up once, at the entry point, through discord.py's own helper."""

from __future__ import annotations

import logging

import discord.utils

__all__ = ["RedactingFilter", "setup_logging"]


class RedactingFilter(logging.Filter):
    """Replace secrets in every record, so a token pasted into an error never reaches a log."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        text = message
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        if record.exc_info and record.exc_info[1] is not None:
            # Render the traceback now so the token can be scrubbed from it too.
            formatted = logging.Formatter().formatException(record.exc_info)
            for secret in self._secrets:
                formatted = formatted.replace(secret, "[redacted]")
            text = f"{text}\n{formatted}"
            record.exc_info = None
            record.exc_text = None
        if text != message:
            record.msg, record.args = text, None
        return True


def setup_logging(level: str = "INFO", secrets: list[str] | None = None) -> None:
    """Configure the root logger once; every module logs through ``logging.getLogger``."""
    discord.utils.setup_logging(level=logging.getLevelNamesMapping()[level], root=True)
    redactor = RedactingFilter(secrets or [])
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
