"""Whether an apology was accepted, on two invented stories in which the same two drivers
apologise to each other in turn: "did Oduya accept Brisco's apology" is Brisco's apology
with what Oduya said after it in that story, never the other story, where Oduya apologised
and Brisco answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from tests.answers.scoring import stories_store

SPRING = "\n\n".join(
    (
        "date 2026-04-12 Invented Dunmore 250: Tolland wins as Brisco and Oduya tangle",
        "Mira Tolland won the invented Dunmore 250 on Sunday. Ken Oduya crashed out on lap 88 "
        "after contact with Lee Brisco at the third turn.",
        '"I\'m sorry for Ken, I never saw him on my inside," Brisco said.',
        'Oduya was having none of it. "He saw me all right. You don\'t drift up like that by '
        'accident," Oduya said.',
    )
)  # fmt: skip

AUTUMN = "\n\n".join(
    (
        "date 2026-10-04 Invented Harlow 400: Oduya and Brisco tangle again",
        "Sol Imre won the invented Harlow 400. On lap 150 Ken Oduya turned Lee Brisco into the "
        "wall at the first turn.",
        '"That one is on me, I apologise to Lee and his crew," Oduya said.',
        '"Accidents happen, we move on," Brisco said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("accepted"),
        (("2026-04-12-dunmore", SPRING), ("2026-10-04-harlow", AUTUMN)),
    )


async def test_the_reaction_is_to_that_persons_apology(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("did oduya accept briscos apology"))
    assert "I never saw him on my inside" in shown
    assert "He saw me all right" in shown
    assert "we move on" not in shown


async def test_the_other_way_round_is_the_other_story(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("did brisco accept oduyas apology"))
    assert "I apologise to Lee" in shown
    assert "we move on" in shown
