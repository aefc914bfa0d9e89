"""Moved to :mod:`bot.answers.lookup._article_index`; this path stays for the tests that import
it."""

from bot.answers.lookup._article_index import _Postings as _Postings
from bot.answers.lookup._article_index import build_articles, position_of, update_articles

__all__ = ["build_articles", "position_of", "update_articles"]
