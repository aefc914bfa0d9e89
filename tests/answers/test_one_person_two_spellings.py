"""A store written before migration 0010 (people keyed by their folded name) may hold one
person twice, by two spellings ("Kévin Estre" in one article, "Kevin Estre" in another): the
answers name them as one person, never "several people are called Estre", and /who shows the
words stored under either spelling."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from bot.answers.records import NotFound, PersonAnswer
from tests.answers.scoring import engine_over, stories_store

FIRST = "\n\n".join(
    (
        "date 2026-03-01 Invented: Kévin Estre wins at Sebring",
        "Kévin Estre won the invented Sebring race from Lukas Ostrava.",
        '"The car was perfect all night," Estre said.',
    )
)
SECOND = "\n\n".join(
    (
        "date 2026-04-01 Invented: Estre second at Spa",
        "Kevin Estre finished second at the invented Spa race behind Lukas Ostrava.",
        '"We lost it at the last stop," Estre said.',
    )
)


def _old_store(folder: Path) -> Path:
    """The two stories' store, then made as an old store left it: the second story's words
    under a second person, "Kevin Estre", with no folded key."""
    db = stories_store(folder, (("2026-03-01-sebring", FIRST), ("2026-04-01-spa", SECOND)))
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO people(name) VALUES ('Kevin Estre')")
        (new,) = conn.execute("SELECT id FROM people WHERE name = 'Kevin Estre'").fetchone()
        conn.execute("UPDATE quotes SET person_id = ? WHERE text LIKE 'We lost it%'", (new,))
    return db


async def _answers(db: Path) -> tuple[str | None, str | None, object]:
    async with engine_over(db) as engine:
        return (
            engine.resolve_person("estre"),
            engine.resolve_person("kevin estre"),
            await engine.who("estre"),
        )


def test_two_spellings_of_one_person_answer_as_one(tmp_path: Path) -> None:
    by_surname, by_name, who = asyncio.run(_answers(_old_store(tmp_path)))
    assert by_surname == by_name
    assert by_name in ("Kévin Estre", "Kevin Estre")
    assert not isinstance(who, NotFound)
    assert isinstance(who, PersonAnswer)
    texts = {q.text.strip(" ,") for q in who.quotes}
    assert {"The car was perfect all night", "We lost it at the last stop"} <= texts
