"""A readers' mailbag: each reader's signed question ("..." — Name, Town) brings the writer's
reply under it, as an interviewer's question brings its answer. The fan's words match the
reader's question best; what they want is the reply."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.answers.scoring import ask, engine_over, stories_store

STORIES = {
    "2026-11-20-invented-mailbag": (
        "date 2026-11-20 Invented mailbag: your questions on the title, Varga and the Tigers",
        "Every week you send the questions, and I answer as many as I can.",
        '"Was Rennick\'s title just luck? Dace won more races." — Paul Ambry, Leeds',
        "No, Paul. Rennick finished in the points in all 22 rounds, and that is consistency, "
        "not luck. Dace crashed out three times.",
        '"Have the Tigers had a good first season or a bad one?" — Mara Ostin, Cork',
        "A good one, Mara, against what they said they wanted: they scored points in nine "
        "races and never finished last in the standings.",
    ),
    "2026-11-10-invented-report": (
        "date 2026-11-10 Invented report: Rennick crowned at the finale",
        "Kai Rennick won the title at the finale by 11 points from Ilya Dace.",
        "Dace said he had no regrets about the season.",
    ),
}


@pytest.fixture(scope="module")
def engine_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("mailbag"),
        [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()],
    )


async def _ask(db: Path, question: str) -> str:
    async with engine_over(db) as engine:
        return await ask(engine, question)


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("was rennicks title just luck", "that is consistency"),
        ("have the tigers had a good first season", "scored points in nine"),
    ],
)
async def test_a_readers_signed_question_brings_the_writers_reply(
    engine_store: Path, question: str, reply: str
) -> None:
    shown = await _ask(engine_store, question)
    assert reply in shown, shown
