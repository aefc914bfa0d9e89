""" "We", "us" and "our" in a team member's words stand for their team: "We will not
appeal," said by the Halvorsen team principal, tells whether Halvorsen will appeal, though
the sentence never names Halvorsen (before, it fell short of the words asked and the answer
was a denial above it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2026-08-30 Renner keeps pole at Dunmere after the stewards clear her lap",
    "Pia Renner keeps pole position for the Dunmere Grand Prix after the stewards cleared "
    "her final qualifying lap on Saturday evening, ahead of Jon Larsen's Halvorsen, with "
    "both Ferrari cars on the third row.",
    "The stewards found that Renner had slowed for the yellow flags at the last corner, "
    "as the rules require, and took no action.",
    'Halvorsen team principal Odo Brandt was unhappy with the decision. "We will not '
    'appeal, it would change nothing for tomorrow," Brandt said.',
    "The race starts at 2pm local time.",
)
#: A team principal never written as his team's: the register gives his team that season.
INTERVIEW = (
    "date 2026-08-31 Vasseur: the upgrade comes at Dunmere, not before",
    "Frédéric Vasseur spent twenty minutes with us in the paddock on Thursday.",
    '"We are 14 points behind the car in front and we need the new floor to work," Vasseur said.',
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented qualifying report, ingested through the real ingester."""
    story = ("2026-08-30-invented-dunmere-pole", "\n\n".join(STORY))
    interview = ("2026-08-31-invented-vasseur-interview", "\n\n".join(INTERVIEW))
    return stories_store(tmp_path_factory.mktemp("our_team"), [story, interview])


async def test_we_in_a_team_members_words_is_the_team(engine: AnswerEngine) -> None:
    """Without the rule: "The articles don't say whether halvorsen gonna appeal" first."""
    shown = await ask(engine, "are halvorsen gonna appeal")
    assert "We will not appeal" in shown
    assert "don't say" not in shown


async def test_we_is_the_team_the_register_gives_the_speaker(engine: AnswerEngine) -> None:
    """The articles never give Vasseur a team; the register does (Ferrari since 2023).
    Without it: "The articles don't say how far behind are ferrari" first."""
    shown = await ask(engine, "how far behind are ferrari")
    assert "14 points behind" in shown
    assert "don't say" not in shown
