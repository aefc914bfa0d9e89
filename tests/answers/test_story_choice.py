"""Which story a question is about, on invented stories: a story is at the place its
headline and opening are about, not every place it names; the people a question names must
be in the story of the race it asks about."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

#: The newest story: a feeder race at Silverstone that names Monza only as its next round.
FEEDER = "\n\n".join(
    (
        "date 2026-06-07 Invented F3 Silverstone: Kovacs converts pole into a win",
        "Lars Kovacs won the invented Formula 3 feature race at Silverstone on Sunday after "
        "starting from pole, with Tim Okoro second.",
        "Okoro was tapped into a spin at Copse by Jan Brink on lap 4 and recovered.",
        "Rico Valdes, watching from the garage, saw Brink crash at Stowe on lap 9.",
        '"The car was perfect from the first lap," Kovacs said.',
        "Formula 3 returns at Monza for the next round, with the feature race on June 21.",
    )
)  # fmt: skip

#: An older story at Monza, whose last paragraph looks back to Silverstone.
MONZA = "\n\n".join(
    (
        "date 2026-05-24 Invented Monza race: Hale holds off Valdes",
        "Ben Hale won the invented race at Monza on Sunday, converting pole position into "
        "his third win of the year ahead of Rico Valdes.",
        "Valdes pushed all afternoon but never found a way past.",
        "Valdes had crashed at Parabolica in practice on Friday.",
        '"Silverstone is the one I want next, it is where I grew up," Hale said of the '
        "British round, where Valdes crashed out a year ago.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two invented stories, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("story-choice"),
        (("2026-06-07-feeder-silverstone", FEEDER), ("2026-05-24-monza", MONZA)),
    )


async def test_a_place_asked_is_the_story_at_it_not_one_naming_it_as_the_next_round(
    engine: AnswerEngine,
) -> None:
    """Asked "who had pole at monza": the Monza race's pole, not the newer Silverstone story that
    names Monza only as where the series goes next."""
    shown = await ask(engine, "who had pole at monza")
    assert "Hale" in shown
    assert "Kovacs" not in shown


async def test_a_person_the_story_at_a_place_never_names_gets_an_honest_negative(
    engine: AnswerEngine,
) -> None:
    """Asked "who crashed into hale at silverstone": the Silverstone story never names Hale, so
    its crash (Brink into Okoro) is no answer; the articles do not say."""
    shown = await ask(engine, "who crashed into hale at silverstone")
    assert shown.startswith("The articles don't say")
    assert "Brink" not in shown


async def test_a_place_only_mentioned_answers_for_the_people_only_that_story_names(
    engine: AnswerEngine,
) -> None:
    """Asked "what did hale say about silverstone": the story at Silverstone never names Hale;
    the Monza story that mentions Silverstone has his words about it."""
    shown = await ask(engine, "what did hale say about silverstone")
    assert "where I grew up" in shown


async def test_what_comes_at_a_place_is_told_by_a_story_only_mentioning_it(
    engine: AnswerEngine,
) -> None:
    """Asked "when is the next race at monza": the Silverstone story's next round is still read,
    though the Monza story is at the place."""
    shown = await ask(engine, "when is the next race at monza")
    assert "June 21" in shown


async def test_a_crash_is_whose_name_stands_next_to_it_not_of_anyone_named_before(
    engine: AnswerEngine,
) -> None:
    """Asked "where did valdes crash": his own crash at Parabolica, not the newer story's
    "Valdes ... saw Brink crash at Stowe", which names him before someone else's crash."""
    shown = await ask(engine, "where did valdes crash")
    assert "Parabolica" in shown
    assert "Stowe" not in shown
