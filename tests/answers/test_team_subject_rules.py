"""A team of two words or more is one yes/no subject (``router._yes_no._subject_end``):
"did aston martin grumble" asks whether Aston Martin grumbled, so "martin" is no act, and a
sentence telling another team's grumble is no yes to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import act_of_another, stem
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-05-11 Invented: floor rows at Quarry Lane",
    "Aston Martin ran a stiffer floor at Quarry Lane, though Alpine grumbled about bouncing "
    "on the back straight.",
    "Red Bull brought a new rear wing and Haas kept last year's.",
    "Haas, Aston Martin and Sauber skipped the tyre test on Monday.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented upgrade story, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("team_subject"),
        [("2031-05-11-invented-quarry-lane", "\n\n".join(STORY))],
    )


async def test_two_word_team_is_one_subject(engine: AnswerEngine) -> None:
    """Without the rule: "aston" is the subject and "martin" the act, so Alpine's grumble
    is shown as the answer, no denial above it."""
    shown = await ask(engine, "did aston martin grumble about bouncing")
    assert shown.startswith("The articles don't say"), shown


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("did alpine grumble about bouncing", "Alpine grumbled"),
        ("did the alpine team grumble about bouncing", "Alpine grumbled"),
        ("did aston martin run a stiffer floor", "Aston Martin ran a stiffer floor"),
        ("did red bull bring a new rear wing", "Red Bull brought a new rear wing"),
        # A list acting: each of it does ("passages._direction._own_subject").
        ("did aston martin skip the tyre test", "Sauber skipped the tyre test"),
    ],
)
async def test_the_team_acting_still_answers(
    engine: AnswerEngine, question: str, expected: str
) -> None:
    shown = await ask(engine, question)
    assert expected in shown, shown
    assert "don't say" not in shown, shown


def test_each_of_a_list_acts() -> None:
    """Without the list rule, only the last name before the act ("Sauber") acted."""
    skip = {stem("skip"), stem("skipped")}
    listed = "Haas, Aston Martin and Sauber skipped the tyre test."
    assert not act_of_another(listed, skip, {"aston martin"})
    assert not act_of_another(listed, skip, {"haas"})
    assert act_of_another(listed, skip, {"alpine"})
    assert act_of_another("Haas slowed, Sauber skipped the test.", skip, {"haas"})
