"""How a "why" question is answered, on an invented story: a sanction given with its reason
("a five-second penalty for leaving the track") tells why, where the lede only tells that it
was given."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-06-28-invented-review": (
        "date 2026-06-28 Invented race review: Orlan fifth after a slow stop and a penalty",
        "Piet Orlan finished fifth in the invented Grand Prix of Valdor on Sunday after a slow "
        "pit stop and a five-second time penalty.",
        "His team-mate Sami Ruud was second, 2.1 seconds behind the winner.",
        '"The front-left did not go on at the stop, and that cost us six seconds," Orlan said.',
        "Orlan then received a five-second time penalty for leaving the track and gaining an "
        "advantage at Turn 4 while fighting Ruud.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("why"), stories)


async def test_a_sanction_with_its_reason_tells_why(engine: AnswerEngine) -> None:
    """ "why did Orlan get a penalty": the sentence giving the penalty "for leaving the
    track", not the lede saying only that he had one."""
    shown = await ask(engine, "why did orlan get a penalty")
    assert "for leaving the track" in shown
