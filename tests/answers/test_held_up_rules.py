"""Held up, as reports tell it: a fan asks where X held Y up; the stewards' decision says X
"impeded" Y, the session's report that Y was "caught in traffic behind X". The stories are
invented for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-06-14-invented-qualifying": (
        "date 2031-06-14 Vale on pole at Kestrel Park; Orrin out in Q2",
        "Tamsin Vale took pole position at Kestrel Park on Saturday.",
        "Petra Orrin was out in Q2 in 13th, after she was caught in traffic behind Ilse Brandt "
        "at the Bayside hairpin on her final lap.",
        "Orrin said she had lost three tenths there.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("held_up"), stories)


async def test_held_up_is_caught_in_traffic_behind(engine: AnswerEngine) -> None:
    shown = await ask(engine, "where did brandt hold up orrin")
    assert "caught in traffic behind Ilse Brandt at the Bayside hairpin" in shown
    assert "don't say" not in shown
