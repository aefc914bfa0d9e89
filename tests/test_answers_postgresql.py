"""The fans' question set (tests/answers/questions.toml) on PostgreSQL: the same answers as
on SQLite, word for word, so the same score.

The set's own module (tests/answers/test_question_set.py) judges the answers on SQLite; this
one builds the same store on PostgreSQL through the real ingester, asks every question on
both, and compares: full-text search there must find and rank exactly as FTS5 does.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.answers.scoring import (
    answer_all,
    articles,
    build,
    headlines,
    load_questions,
    score,
)
from tests.answers.test_question_set import PASS_MARK
from tests.pg_server import DatabaseUrl


@pytest.fixture(scope="module")
def both(question_set_answers: dict[str, str], pg_url: DatabaseUrl) -> dict[str, dict[str, str]]:
    """Every question answered over the question-set articles on SQLite (the session's store,
    built and asked once in tests/conftest.py) and on PostgreSQL, built here the same way."""
    import psycopg

    from tests.store_backends import database_url

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS pitwall_questions")
        conn.execute("CREATE DATABASE pitwall_questions")
    target = database_url(pg_url, "pitwall_questions")
    asyncio.run(build(target, articles()))  # type: ignore[arg-type]
    on_pg = asyncio.run(answer_all(target, load_questions()))  # type: ignore[arg-type]
    return {"sqlite": question_set_answers, "postgresql": on_pg}


def test_postgresql_answers_every_question_as_sqlite_does(
    both: dict[str, dict[str, str]],
) -> None:
    """Each answer rendered from PostgreSQL is the one rendered from SQLite."""
    sqlite, postgresql = both["sqlite"], both["postgresql"]
    differ = [q for q in sqlite if sqlite[q] != postgresql[q]]
    shown = "\n\n".join(
        f"{q!r}\n--- sqlite\n{sqlite[q]}\n--- postgresql\n{postgresql[q]}" for q in differ[:5]
    )
    assert not differ, f"{len(differ)} of {len(sqlite)} answers differ:\n{shown}"


def test_question_set_scores_the_pass_mark_on_postgresql(
    both: dict[str, dict[str, str]],
) -> None:
    """The set scores at least the pass mark on PostgreSQL, and what it scores on SQLite."""
    questions = load_questions()
    on_pg, report = score(questions, both["postgresql"], headlines())
    on_sqlite, _ = score(questions, both["sqlite"], headlines())
    print(f"question set: {on_sqlite:.1%} on SQLite, {on_pg:.1%} on PostgreSQL")
    assert on_pg >= PASS_MARK, report
    assert on_pg == on_sqlite, report
