"""Words as the full-text indexes hold them, and the hash that finds an article's text again.

Shared by both databases: SQLite's FTS5 tokenizes inside the database, and PostgreSQL is
given the same words, made by FTS5 itself (:func:`index_terms`), so both indexes hold the
same terms and a question finds the same rows on either.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = [
    "FTS_TERM",
    "folded_name",
    "fts_query",
    "fts_terms",
    "fts_tokens",
    "index_terms",
    "query_terms",
    "text_hash",
]

#: A word a caller may search for: FTS5 would read anything else as syntax.
FTS_TERM = re.compile(r"\w+", re.UNICODE)
_FTS_TOKEN = re.compile(r"[^\W_]+")
_MAX_FTS_TERMS = 16
_TOKENIZERS = {
    "quotes": "unicode61 remove_diacritics 2",
    "passages": "porter unicode61 remove_diacritics 2",
}
_LOCAL = threading.local()


def fts_tokens(text: str) -> list[str]:
    """Every word of ``text`` in order, repeats kept: what ``unicode61 remove_diacritics``
    indexes (case and accents folded; letters and digits make words, the rest separates)."""
    if text.isascii():  # nothing to decompose or strip: the same words, at a third the cost
        return _FTS_TOKEN.findall(text.lower())
    folded = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _FTS_TOKEN.findall(bare)


def folded_name(name: str) -> str:
    """A person's key: their name's words without case, accents or punctuation.

    "Kévin Estre" and "Kevin Estre", "O’Ward" and "O'Ward" are one person however an
    article writes them (``people.folded``, which the write path looks people up by).
    """
    return " ".join(fts_tokens(name))


def fts_terms(text: str, *, limit: int | None = _MAX_FTS_TERMS) -> list[str]:
    """The words of ``text`` as the quotes' FTS index holds them: case and accents folded.

    Like the ``unicode61`` tokenizer, letters and digits make words and anything else (the
    underscore too) separates them. At most ``limit`` words, the first ones.
    """
    return list(dict.fromkeys(fts_tokens(text)))[:limit]


def index_terms(kind: str, texts: Sequence[str]) -> list[list[str]]:
    """Each text's terms, in order, exactly as the SQLite index of ``kind`` holds them.

    ``kind`` is ``quotes`` (words, case and accents folded) or ``passages`` (Porter-stemmed
    too). Made by FTS5 itself, in a private in-memory database per thread: its Porter
    stemmer is not snowball's ("incredibly" is "incred" there, "incredibli" here), and
    PostgreSQL must hold the very terms SQLite holds to answer alike.
    """
    conn: sqlite3.Connection | None = getattr(_LOCAL, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        for name, tokenize in _TOKENIZERS.items():
            conn.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(text, tokenize='{tokenize}')")
            conn.execute(f"CREATE VIRTUAL TABLE {name}_terms USING fts5vocab({name}, 'instance')")
        _LOCAL.conn = conn
    if kind not in _TOKENIZERS:
        raise ValueError(f"no full-text index of {kind!r}")
    found: list[list[str]] = [[] for _ in texts]
    conn.execute("BEGIN")
    try:
        conn.executemany(
            f"INSERT INTO {kind}(rowid, text) VALUES (?, ?)", enumerate(texts, start=1)
        )
        for doc, term in conn.execute(
            f"SELECT doc, term FROM {kind}_terms ORDER BY doc, offset"
        ).fetchall():
            found[doc - 1].append(term)
    finally:
        conn.execute("ROLLBACK")
    return found


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
        # split() and join fold runs of whitespace (str.isspace, the characters regex \s
        # matches) to one space and strip the ends, as re.sub did, in a quarter of the time.
        folded = " ".join(unicodedata.normalize("NFC", paragraph).split())
        if folded:
            digest.update(folded.encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()
