"""Words the writer heard in their own interviews, at a place the text gives ("Varga told me
at Misano", "When we met again at Aragon"): "what did Varga say at Aragon" shows the words
said there first, cited, with the interview's place."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.answers.scoring import ask, engine_over, stories_store

STORY = "\n\n".join(
    (
        "date 2026-09-20 Invented: Varga and the long road back to the top",
        "Tomas Varga is back on the podium, and he knows why.",
        '"I have never felt stronger in the car, and the team finally listens to me," Varga '
        "told me at Misano in September.",
        "When we met again at Aragon a month later, the mood had changed. "
        '"The bike is fast but I am not sleeping," he said.',
        'Lukas Ostrava won at Misano. "Tomas is the man to beat," Ostrava said.',
    )
)


async def _ask(db: Path, question: str) -> str:
    async with engine_over(db) as engine:
        return await ask(engine, question)


def test_the_words_said_at_the_place_asked_come_first(tmp_path: Path) -> None:
    db = stories_store(tmp_path, (("2026-09-20-invented-varga", STORY),))
    shown = asyncio.run(_ask(db, "what did varga say at aragon"))
    assert "not sleeping" in shown
    assert shown.index("not sleeping") < shown.find("never felt stronger") or (
        "never felt stronger" not in shown
    )
    assert "Aragon" in shown
