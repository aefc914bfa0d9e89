"""A sentence telling that someone spoke ("Okafor admitted the pit stop had cost her.") is
followed by what they said, wherever it stands among the sentences shown: not only when it
is the best one. Shown second, below the lede, it used to come without the words it
announces, which held the answer ("why did X lose the podium": the jammed wheel gun)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2026-06-21 Varga beats Okafor to the win at Kellmoor",
    "Ilona Varga won the Kellmoor 200 on Sunday, beating Tess Okafor by 1.4 seconds after "
    "the final round of pit stops on lap 61.",
    "Varga led from pole and lost the lead only during the stops.",
    "Okafor was content with second but admitted the pit stop had cost her the podium's top "
    'step. "The wheel gun jammed on the left rear and that was the win gone," the Rotterdam '
    "driver said.",
    "Varga now leads the standings by 19 points from Okafor.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    story = ("2026-06-21-invented-kellmoor", "\n\n".join(STORY))
    return stories_store(tmp_path_factory.mktemp("said_after"), [story])


async def test_a_shown_sentence_telling_someone_spoke_brings_their_words(
    engine: AnswerEngine,
) -> None:
    """Without the rule only "Okafor ... admitted the pit stop had cost her" was shown."""
    shown = await ask(engine, "why did okafor lose the race")
    assert "admitted the pit stop had cost her" in shown
    assert "wheel gun jammed" in shown
