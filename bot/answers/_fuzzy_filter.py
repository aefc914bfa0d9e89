"""Moved to :mod:`bot.answers.lookup._fuzzy_filter`; this path stays for the tests that import
it."""

from bot.answers.lookup._fuzzy_filter import (
    DIGIT_SPAN,
    CharFilter,
    WordPool,
    digit_needs,
    digit_parts,
)

__all__ = ["DIGIT_SPAN", "CharFilter", "WordPool", "digit_needs", "digit_parts"]
