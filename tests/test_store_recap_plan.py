"""A recap's one read of an article: SQLite reads its five kinds of rows without sorting."""

from __future__ import annotations

import sqlite3
from datetime import date

from bot.models import Article, Fact, LapEvent, Person, Quote, ReportedStatement
from bot.store import Store
from bot.store.dialect import SqliteDialect
from bot.store.stories import _ARTICLE_RECAP


async def test_the_recap_read_sorts_its_rows_in_python_not_in_temporary_b_trees(
    store: Store,
) -> None:
    """The statement's plan has no temporary B-tree (an ORDER BY sorted each branch in one:
    0.04 ms of a 0.14 ms read), and the records still come in order: reported statements
    by paragraph, events by lap, quotes by statement and part, whatever order the rows
    were stored in."""
    await store.replace_article(
        Article(
            slug="late-rain",
            published=date(2022, 6, 5),
            headline="Late rain decides it",
            paragraphs=("Rain came.", "Cara pitted.", "Dan stayed out.", "Dan won."),
            content_hash="h1",
            people=(Person("Cara Pilot", "driver", "Green"), Person("Dan Racer", "driver", "Gold")),
            quotes=(
                Quote("Dan Racer", "We gambled and it paid.", "direct", "said", 4, 2, 0),
                Quote("Cara Pilot", "The call was late.", "direct", "said", 2, 1, 0),
                Quote("Cara Pilot", "Next time we go earlier.", "direct", "said", 2, 1, 1),
            ),
            reported=(
                ReportedStatement("Dan Racer", "Racer said the slicks held", 3),
                ReportedStatement("Cara Pilot", "Pilot said the radio failed", 2),
            ),
            events=(
                LapEvent(51, "Dan takes the lead", ("Dan Racer",), None, 3),
                LapEvent(48, "Cara pits", ("Cara Pilot",), None, 2),
            ),
            facts=(Fact("winner", "Dan Racer", 4), Fact("race", "Wet Grand Prix", 1)),
        )
    )
    dialect = store._dialect
    assert isinstance(dialect, SqliteDialect)
    conn = sqlite3.connect(dialect.path)
    try:
        plan = " ".join(
            str(row[3])
            for row in conn.execute(f"EXPLAIN QUERY PLAN {_ARTICLE_RECAP}", ("late-rain",))
        )
    finally:
        conn.close()
    assert "TEMP B-TREE" not in plan, plan
    facts, events, quotes, (_, told, paragraphs) = await store.article_recap("late-rain")
    assert [f.key for f in facts] == ["winner", "race"]
    assert [e.lap for e in events] == [48, 51]
    assert [(q.statement, q.part) for q in quotes] == [(1, 0), (1, 1), (2, 0)]
    assert [r.paragraph for r in told] == [2, 3]
    assert paragraphs == ["Rain came.", "Cara pitted.", "Dan stayed out.", "Dan won."]
