"""Rows into records: the column lists and converters every domain of the store shares.

A row is whatever the connection returns (``sqlite3.Row`` or the PostgreSQL dialect's
``PgRow``): both read a column by position and by name and list their ``keys()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from bot.models import ArticleSummary, Passage, Quote, Source

__all__ = [
    "PASSAGE_COLUMNS",
    "PASSAGE_ORDER",
    "QUOTE_COLUMNS",
    "QUOTE_FROM",
    "QUOTE_ORDER",
    "StoreStats",
    "instant",
    "iso",
    "passage",
    "passages_by_story",
    "quote",
    "quotes_of",
    "source",
    "summary",
]  # fmt: skip

QUOTE_COLUMNS = """
    q.id, q.text, q.kind, q.setting, q.paragraph, q.statement, q.part,
    p.name AS speaker, a.slug, a.headline, a.published, a.url,
    q.cue, q.cue_paragraph, q.label
"""
#: How quotes of the same rank are listed: newest article first, each statement's parts in
#: order.
QUOTE_ORDER = "a.published DESC, q.statement, q.part, q.id"
#: What a passage shows: its text and paragraph, and its article's slug, headline, date and link.
PASSAGE_COLUMNS = "s.text, s.paragraph, a.slug, a.headline, a.published, a.url"
#: How passages of the same rank are listed: newest article first, then as stored.
PASSAGE_ORDER = "a.published DESC, s.id"
QUOTE_FROM = """
    FROM quotes q
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN people p ON p.id = q.person_id
"""


@dataclass(frozen=True, slots=True)
class StoreStats:
    articles: int
    people: int
    quotes: int
    reported: int
    events: int
    facts: int
    schema_version: int


def source(row: Any, paragraph: int | None) -> Source:
    url = row["url"] if "url" in row.keys() else None  # noqa: SIM118 (Row has no __contains__)
    return Source(
        row["slug"], row["headline"], date.fromisoformat(row["published"]), paragraph, url
    )


def passage(row: Any) -> Passage:
    """A row of ``PASSAGE_COLUMNS`` as a :class:`Passage`, cited by its paragraph."""
    return Passage(row["text"], row["paragraph"], source(row, row["paragraph"]))


def quote(row: Any) -> Quote:
    """A row of ``QUOTE_COLUMNS`` (which hold the article's url) as a :class:`Quote`."""
    paragraph = row["paragraph"]
    # Its source built here: ``source`` asks the row for its column names, a list per row.
    where = Source(
        row["slug"], row["headline"], date.fromisoformat(row["published"]), paragraph, row["url"]
    )
    return Quote(
        speaker=row["speaker"],
        text=row["text"],
        kind=row["kind"],
        setting=row["setting"],
        paragraph=paragraph,
        statement=row["statement"],
        part=row["part"],
        id=row["id"],
        source=where,
        cue=row["cue"],
        cue_paragraph=row["cue_paragraph"],
        label=row["label"],
    )


def quotes_of(rows: Sequence[Any]) -> list[Quote]:
    """Rows of ``QUOTE_COLUMNS`` as quotes (a converter for ``read_into``: built on the
    reader that read them, not on the event loop)."""
    return [quote(r) for r in rows]


def passages_by_story(rows: Sequence[Any]) -> dict[str, list[Passage]]:
    """Rows of ``PASSAGE_COLUMNS`` as passages by slug, each story's in the rows' order (a
    converter for ``read_into``)."""
    found: dict[str, list[Passage]] = {}
    for r in rows:
        found.setdefault(r["slug"], []).append(passage(r))
    return found


def summary(row: Any) -> ArticleSummary:
    url = row["url"] if "url" in row.keys() else None  # noqa: SIM118 (Row has no __contains__)
    return ArticleSummary(
        row["slug"], date.fromisoformat(row["published"]), row["headline"], row["id"], url
    )


def iso(moment: datetime) -> str:
    """An aware instant as the store keeps it: ISO 8601 UTC text, which sorts as it compares."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: the store keeps aware UTC instants only")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text).astimezone(UTC) if text else None
