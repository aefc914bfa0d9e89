""" "We", "us" and "our" in a team member's words stand for their team: "We will not
appeal," said by the Halvorsen team principal, tells whether Halvorsen will appeal, though
the sentence never names Halvorsen (before, it fell short of the words asked and the answer
was a denial above it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, engine_over, stories_store

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


#: A principal who moves teams: her "we" of 2029 is Corvane's, though her card's (newest)
#: team is Vanta.
BEFORE_THE_MOVE = (
    "date 2029-06-02 Corvane to appeal Marsh's Kelvale penalty",
    "Tomas Marsh lost his Kelvale podium to a five-second penalty for leaving the track.",
    'Corvane team principal Ada Quill was furious. "We will appeal this decision, it was '
    'never a gain," Quill said.',
)
AFTER_THE_MOVE = (
    "date 2030-07-14 Quill's first win with Vanta",
    "Vanta team principal Ada Quill celebrated her first win with the team as Kai Moreau "
    "won at Lakeside.",
    '"It is a special day for everyone in the factory," Quill said.',
    "Vanta were given a fine for an unsafe release; the team said it would accept it.",
)
#: "us" as the one compared with: the speaker's team is ahead, not behind.
OBJECT_US = (
    "date 2030-08-01 Tarn's boss on the fight for sixth",
    "Tarn team principal Edda Voss spoke to the press in the paddock on Thursday.",
    '"Brightwell are 11 points behind us now, and we have the quicker car," Voss said.',
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    story = ("2026-08-30-invented-dunmere-pole", "\n\n".join(STORY))
    interview = ("2026-08-31-invented-vasseur-interview", "\n\n".join(INTERVIEW))
    return stories_store(tmp_path_factory.mktemp("our_team"), [story, interview])


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stories of a principal who moves teams, and of an object "us"."""
    stories = [
        ("2029-06-02-invented-corvane-appeal", BEFORE_THE_MOVE),
        ("2030-07-14-invented-vanta-win", AFTER_THE_MOVE),
        ("2030-08-01-invented-tarn-interview", OBJECT_US),
    ]
    return stories_store(
        tmp_path_factory.mktemp("moved"), [(slug, "\n\n".join(t)) for slug, t in stories]
    )


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


async def test_we_is_the_team_of_the_speakers_own_story(moved: Path) -> None:
    """Quill spoke for Corvane in 2029; her newest team, Vanta, never said it would appeal.
    Without the rule: the 2029 quote shown as Vanta's answer."""
    async with engine_over(moved) as engine:
        assert "don't say" in await ask(engine, "will vanta appeal")
        shown = await ask(engine, "will corvane appeal")
    assert "We will appeal this decision" in shown
    assert "don't say" not in shown


async def test_an_object_us_gives_no_team(moved: Path) -> None:
    """An object "us" ("Brightwell are 11 points behind us") puts Tarn ahead. Without the
    rule: the sentence shown as how far behind Tarn are."""
    async with engine_over(moved) as engine:
        assert "don't say" in await ask(engine, "how far behind are tarn")
