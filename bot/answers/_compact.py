"""Moved to :mod:`bot.answers.lookup._compact`; this path stays for the tests that import it."""

from bot.answers.lookup._compact import AliasEntries, Words

__all__ = ["AliasEntries", "Words"]
