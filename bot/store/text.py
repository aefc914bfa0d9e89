"""Words as the full-text indexes hold them, and the hash that finds an article's text again.

Shared by both databases: SQLite's FTS5 tokenizes inside the database, and PostgreSQL is
given the same words (folded here, stemmed with the Porter stemmer FTS5 uses), so both
indexes hold the same terms and a question finds the same rows on either.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

import snowballstemmer

__all__ = ["FTS_TERM", "fts_query", "fts_terms", "fts_tokens", "porter", "query_terms", "text_hash"]

#: A word a caller may search for: FTS5 would read anything else as syntax.
FTS_TERM = re.compile(r"\w+", re.UNICODE)
_FTS_TOKEN = re.compile(r"[^\W_]+")
_MAX_FTS_TERMS = 16
_WHITESPACE = re.compile(r"\s+")
_PORTER = snowballstemmer.stemmer("porter")


def fts_tokens(text: str) -> list[str]:
    """Every word of ``text`` in order, repeats kept: what ``unicode61 remove_diacritics``
    indexes (case and accents folded; letters and digits make words, the rest separates)."""
    folded = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _FTS_TOKEN.findall(bare)


def fts_terms(text: str, *, limit: int | None = _MAX_FTS_TERMS) -> list[str]:
    """The words of ``text`` as the quotes' FTS index holds them: case and accents folded.

    Like the ``unicode61`` tokenizer, letters and digits make words and anything else (the
    underscore too) separates them. At most ``limit`` words, the first ones.
    """
    return list(dict.fromkeys(fts_tokens(text)))[:limit]


def porter(word: str) -> str:
    """``word`` stemmed as FTS5's ``porter`` tokenizer stems it."""
    return str(_PORTER.stemWord(word))


def fts_query(text: str, *, any_term: bool = False) -> str | None:
    """Turn user text into a safe FTS5 query: words only, each a quoted string.

    User text never reaches FTS5 as syntax: ``NEAR(``, ``*``, ``"`` and column filters become
    plain words or vanish. Returns None when nothing searchable is left.
    """
    terms = FTS_TERM.findall(text.casefold())[:_MAX_FTS_TERMS]
    if not terms:
        return None
    joiner = " OR " if any_term else " "
    return joiner.join(f'"{term}"' for term in terms)


def query_terms(text: str) -> list[str]:
    """The words :func:`fts_query` searches for, in order."""
    return FTS_TERM.findall(text.casefold())[:_MAX_FTS_TERMS]


def text_hash(paragraphs: Iterable[str]) -> str:
    """A hash of an article's text that ignores how it was wrapped: the same words in the same
    paragraphs hash the same, whether typed into a file or extracted from a page."""
    digest = hashlib.sha256()
    for paragraph in paragraphs:
        folded = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", paragraph)).strip()
        if folded:
            digest.update(folded.encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()
