"""Database URLs: telling a PostgreSQL URL from an SQLite path, and hiding its password.

Settings, the instance lock and every error message about a store need these, whichever
database runs.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

__all__ = ["DatabaseUrl", "is_database_url", "pg_failure", "redact"]


_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")
# libpq also takes the password as a query parameter: postgresql://bot@db/pw?password=...
_PASSWORD_PARAMETER = re.compile(r"(?i)([?&]password=)[^&#]*")


class DatabaseUrl(str):
    """A PostgreSQL URL whose repr hides the password: settings and errors can show it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(redact(self))

    @property
    def redacted(self) -> str:
        return redact(self)


def is_database_url(target: object) -> bool:
    """Whether ``target`` names a PostgreSQL database (a URL) rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``: fit for logs and errors."""
    return _PASSWORD_PARAMETER.sub(r"\1***", _PASSWORD.sub(r"\1***@", url))


def pg_failure(url: str, exc: BaseException) -> str:
    """One line for a PostgreSQL error met after the store opened; no password in it."""
    return f"the store {redact(url)} failed: {_clean(exc, url)}"


def _clean(exc: BaseException, url: str) -> str:
    """The error's message, first line, with the URL's password (if it appears) hidden."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    password = urlsplit(url).password
    if password:
        text = text.replace(password, "***")
        text = text.replace(unquote(password), "***")
    return redact(text)
