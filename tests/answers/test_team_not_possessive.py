"""A team's own name is never read as someone's possessive: "williams" is not "William's"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from tests.answers.scoring import stories_store

CUP = "\n\n".join(
    (
        "date 2026-04-05 Invented Richmond 400: Voss wins",
        "Dana Voss won the invented Richmond 400, with William Byron second.",
        "Byron leads the standings by 12 points.",
    )
)  # fmt: skip

GROVE = "\n\n".join(
    (
        "date 2026-04-20 Invented: Williams extend Sainz to 2029",
        "Williams have extended Carlos Sainz's contract to the end of 2029.",
        "The team signed him early because he pushed the engineers on simulator correlation.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = (("2026-04-05-richmond", CUP), ("2026-04-20-sainz", GROVE))
    return stories_store(tmp_path_factory.mktemp("teams"), stories)


async def test_a_team_name_is_not_a_first_names_possessive(engine: AnswerEngine) -> None:
    """ "why did williams extend sainz": the Williams story, not William Byron's."""
    shown = render_text(await engine.ask("why did williams extend sainz"))
    assert "Byron" not in shown
    assert "2026-04-20" in shown


async def test_a_first_names_possessive_still_finds_its_person(engine: AnswerEngine) -> None:
    """ "byrons points": a possessive written without its apostrophe is still the person's."""
    shown = render_text(await engine.ask("what are byrons points"))
    assert "12 points" in shown
