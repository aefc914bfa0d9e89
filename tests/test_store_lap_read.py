"""One lap's events across every article: read from a covering index on SQLite."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from bot.models import Article, LapEvent, Person
from bot.store import Store
from bot.store.dialect import SqliteDialect


async def test_a_laps_events_are_read_from_an_index_holding_every_column(store: Store) -> None:
    """The lap read never seeks into lap_events for each event (a page apiece at 100,000
    articles): its plan searches a covering index, and the events are the same."""
    for n in range(30):
        await store.replace_article(
            Article(
                slug=f"race-{n}",
                published=date(2021, 3, 1) + timedelta(days=n),
                headline=f"Race {n}",
                paragraphs=("One.",),
                content_hash=f"h{n}",
                people=(Person("Ann Driver", "driver", "Blue"),),
                events=tuple(
                    LapEvent(lap, f"Ann pits on lap {lap} of race {n}", ("Ann Driver",), None, 1)
                    for lap in (3, 7, 7)
                ),
            )
        )
    dialect = store._dialect
    assert isinstance(dialect, SqliteDialect)
    asked: list[tuple[str, tuple[object, ...]]] = []
    original = dialect._read_on_thread

    def spy(sql: str, params: tuple[object, ...]) -> list[object]:
        asked.append((sql, params))
        return original(sql, params)

    dialect._read_on_thread = spy  # type: ignore[method-assign]
    events = await store.lap_events(lap=7)
    assert len(events) == 60 and {e.lap for e in events} == {7}
    assert [e.source.slug for e in events[:2] if e.source] == ["race-29", "race-29"]
    [(sql, params)] = asked
    conn = sqlite3.connect(dialect.path)
    try:
        plan = " ".join(str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    finally:
        conn.close()
    assert "SEARCH e USING COVERING INDEX" in plan, plan
