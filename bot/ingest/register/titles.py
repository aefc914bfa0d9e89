"""When a title counts: how many titles a person held on an article's date.

"The seven-time world champion" depends on the date: a season's title is decided only at
its finale, so an article before it may not yet count that year's title.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.ingest.register.records import RegisterPerson, TitleRecord
from bot.ingest.register.vocabulary import WORLD_SERIES

# A season's title is settled late in the year: before this month an article cannot yet
# speak of the current year's champion (the earliest finale, Formula E's, is in July).
_TITLES_SETTLED_FROM_MONTH = 6
#: The month of each series' last round: from ``_TITLES_SETTLED_FROM_MONTH`` to it, the
#: year's title may or may not be decided (an article in mid-June 2025 must not call Norris,
#: champion that December, "the reigning world champion"); after it, it is. Other series stay
#: undecided to the year's end.
_FINALE_MONTH = {
    "F1": 12,
    "F2": 12,
    "MotoGP": 11,
    "Moto2": 11,
    "Moto3": 11,
    "WEC": 11,
    "WRC": 11,
    "NASCAR": 11,
    "WorldSBK": 10,
    "IndyCar": 9,
    "Formula E": 7,
}


def _settled(series: str, on: date) -> bool | None:
    """Whether ``series``' title of ``on.year`` is decided by ``on``: None while it may be."""
    if on.month < _TITLES_SETTLED_FROM_MONTH:
        return False
    finale = _FINALE_MONTH.get(series)
    return None if finale is None or on.month <= finale else True


def _title_range(record: TitleRecord, on: date) -> tuple[int, int]:
    """How many titles the record may count on ``on``: (surely, at most)."""
    if record.years is None:
        return (record.count, record.count)
    before = sum(1 for y in record.years if y < on.year)
    this_year = sum(1 for y in record.years if y == on.year)
    settled = _settled(record.series, on)
    if settled is None:
        return (before, before + this_year)
    return (before + this_year, before + this_year) if settled else (before, before)


def _fit_titles(value: Any, person: RegisterPerson, on: date) -> bool | None:
    (how, n), series, world = value
    if not person.series and not person.title_records:
        return None
    records = list(person.title_records)
    if series is not None:
        records = [r for r in records if r.series == series]
        if not records and series not in person.series:
            return None  # the register does not follow this person in that series
    elif world:
        records = [r for r in records if r.series in WORLD_SERIES]
    undated = any(r.years is None for r in records)
    if how == "any":
        ranges = [_title_range(r, on) for r in records]
        if any(lo > 0 for lo, _ in ranges):
            return True
        # A first title this season that may not be decided yet: cannot tell.
        return None if any(hi > 0 for _, hi in ranges) else False
    if how == "former":
        # An undated count cannot say when; a dated title must come before the article.
        return any(
            r.count > 0 if r.years is None else any(y < on.year for y in r.years) for r in records
        )
    if how == "year":
        if undated:
            return None
        return any(n in (r.years or ()) for r in records)
    if how == "reigning":
        if undated:
            return None
        verdict: bool | None = False
        for r in records:
            years = r.years or ()
            now, last = on.year in years, on.year - 1 in years
            settled = _settled(r.series, on)
            if (now and last) or (settled is False and last) or (settled and now):
                return True
            if settled is None and (now or last):
                verdict = None  # this year's title may or may not have changed hands yet
        return verdict
    # how == "count"
    ranges = [_title_range(r, on) for r in records]
    if series is None and len(ranges) > 1:
        ranges.append((sum(lo for lo, _ in ranges), sum(hi for _, hi in ranges)))
    if n == -1:  # "multiple"
        return any(hi >= 2 for _, hi in ranges)
    if any(lo <= n <= hi for lo, hi in ranges):
        return True
    if undated and any(n < hi for _, hi in ranges):
        return None  # an undated count may be from a later season than the article
    return False
