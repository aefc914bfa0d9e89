"""Lap events: a lap's (or an article's) events, the laps that have any, and the fast way
thousands of rows become records."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

from bot.models import LapEvent, Source
from bot.store._base import StoreBase

__all__ = ["LapReadsMixin"]


class LapReadsMixin(StoreBase):
    """Lap events, newest article first, and which laps have them."""

    async def lap_events(
        self, lap: int | None = None, article: str | None = None
    ) -> list[LapEvent]:
        where: list[str] = []
        params: list[Any] = []
        if lap is not None:
            where.append("e.lap = ?")
            params.append(lap)
        if article is not None:
            where.append("a.slug = ?")
            params.append(article)
        sql = (
            "SELECT e.id, e.lap, e.description, e.who, e.outcome, e.paragraph, "
            "a.slug, a.headline, a.published, a.url "
            "FROM lap_events e JOIN articles a ON a.id = e.article_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, e.lap, e.id"
        # A lap of a big store has thousands of events (about 2,000 at 100,000 articles):
        # turning them into records is tens of milliseconds of Python, which a worker thread
        # does while the event loop keeps answering (it gets the GIL back every switch).
        # A list of the caller's own: the read's may be shared with the same read asked
        # meanwhile (``Dialect.read_into``).
        return list(await self._read_into(sql, params, _lap_events))

    async def laps_with_events(self) -> list[int]:
        # Each lap is one seek in the index on the lap for the next larger lap: DISTINCT reads
        # every event's index entry (12 ms at 100,000 articles) to find the same 70 laps.
        rows = await self._all(
            "WITH RECURSIVE l(lap) AS ("
            " SELECT min(lap) FROM lap_events"
            " UNION ALL"
            " SELECT (SELECT min(e.lap) FROM lap_events e WHERE e.lap > l.lap) FROM l"
            " WHERE l.lap IS NOT NULL"
            ") SELECT lap FROM l WHERE lap IS NOT NULL ORDER BY lap"
        )
        return [int(r[0]) for r in rows]


# -- rows into records, fast (issue 12: answers at the speed of SQLite) ----------------------
# An answer that shows thousands of rows (every event on a lap) spent more time building its
# records from rows by column name than the database spent finding them.


def _lap_events(rows: Sequence[Any]) -> list[LapEvent]:
    """Lap events from rows of (id, lap, description, who, outcome, paragraph, slug,
    headline, published, url), by position; each date is parsed once."""
    if not _SLOTS_SET_DIRECTLY:
        return _lap_events_built(rows)
    days: dict[str, date] = {}
    found = []
    new = object.__new__
    for r in rows:
        day = days.get(r[8])
        if day is None:
            day = days[r[8]] = date.fromisoformat(r[8])
        where = new(Source)
        _source_slug(where, r[6])
        _source_headline(where, r[7])
        _source_published(where, day)
        _source_paragraph(where, r[5])
        _source_url(where, r[9])
        event = new(LapEvent)
        _event_lap(event, r[1])
        _event_description(event, r[2])
        _event_who(event, tuple(filter(None, r[3].split("\n"))) if r[3] else ())
        _event_outcome(event, r[4])
        _event_paragraph(event, r[5])
        _event_id(event, r[0])
        _event_source(event, where)
        found.append(event)
    return found


def _lap_events_built(rows: Sequence[Any]) -> list[LapEvent]:
    """:func:`_lap_events` through the records' constructors (the models' fields changed)."""
    days: dict[str, date] = {}
    found = []
    for r in rows:
        day = days.get(r[8])
        if day is None:
            day = days[r[8]] = date.fromisoformat(r[8])
        who = tuple(filter(None, r[3].split("\n"))) if r[3] else ()
        found.append(
            LapEvent(r[1], r[2], who, r[4], r[5], r[0], Source(r[6], r[7], day, r[5], r[9]))
        )
    return found


# A frozen dataclass's __init__ sets each field through object.__setattr__: building a lap's
# 1,900 events at 100,000 articles that way was 14 ms, as long as reading them. Setting the
# slots through their descriptors makes the same records (equal, hashing alike) in about
# 60 % of it. Only while the models' fields are the ones set here; else the constructors.
_SOURCE_FIELDS = ("slug", "headline", "published", "paragraph", "url")
_EVENT_FIELDS = ("lap", "description", "who", "outcome", "paragraph", "id", "source")
_SLOTS_SET_DIRECTLY = (
    tuple(f.name for f in dataclasses.fields(Source)) == _SOURCE_FIELDS
    and tuple(f.name for f in dataclasses.fields(LapEvent)) == _EVENT_FIELDS
    and not hasattr(Source, "__post_init__")
    and not hasattr(LapEvent, "__post_init__")
)


def _setters(cls: type, names: tuple[str, ...]) -> list[Callable[[object, object], None]]:
    """Each field's slot setter (its descriptor's ``__set__``; object.__setattr__ for one
    that is no slot, which only a changed model has, and then they are not used)."""
    found: list[Callable[[object, object], None]] = []
    for name in names:
        slot = getattr(cls.__dict__.get(name), "__set__", None)
        found.append(slot if slot is not None else partial(_set_named, name))
    return found


def _set_named(name: str, record: object, value: object) -> None:
    object.__setattr__(record, name, value)


_source_slug, _source_headline, _source_published, _source_paragraph, _source_url = _setters(
    Source, _SOURCE_FIELDS
)
(
    _event_lap,
    _event_description,
    _event_who,
    _event_outcome,
    _event_paragraph,
    _event_id,
    _event_source,
) = _setters(LapEvent, _EVENT_FIELDS)
