"""Who is whose father, mother or child: the relation a story states ("his father, X,",
"Y, son of X", "his father" beside the one other person sharing the surname) answers "who is
Y's dad" with the sentences saying it, cited. On invented stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

#: A profile that never writes "Tomas's father, Ramon": "his father" and the one other Ortega.
PROFILE = "\n\n".join(
    (
        "date 2026-11-20 Invented: Tomás Ortega, the quiet rookie, signs for Norda",
        "When Tomás Ortega was nine, his father took him to a kart track near Valdora. "
        "Ramon Ortega, the 1998 champion, still keeps the stopwatch he used that day.",
        "Norda confirmed that Ortega will race alongside Lena Vidal in 2027.",
    )
)  # fmt: skip

#: An older story spelling him without the accent: one person, however written.
EARLIER = "\n\n".join(
    (
        "date 2026-06-01 Invented: Tomas Ortega wins the Valdora feature race",
        "Tomas Ortega won the invented Valdora feature race from Lena Vidal.",
    )
)  # fmt: skip

#: A story stating a mother outright.
MOTHER = "\n\n".join(
    (
        "date 2026-10-02 Invented: Kai Brandt wins at Valdora",
        "Kai Brandt won the invented Valdora race from Lena Vidal.",
        "His mother, Ilse Brandt, who runs the team, was on the pit wall.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("family"),
        (
            ("2026-11-20-ortega-profile", PROFILE),
            ("2026-06-01-ortega-valdora", EARLIER),
            ("2026-10-02-brandt-valdora", MOTHER),
        ),
    )


async def test_whose_dad_is_the_one_the_story_makes_his_father(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whos tomas ortega's dad")
    assert "Ramon Ortega" in shown
    assert "his father took him" in shown
    assert "Lena Vidal" not in shown


async def test_whose_son_is_read_the_other_way(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who is ramon ortega's son")
    assert "Tomás Ortega" in shown
    assert "his father took him" in shown


async def test_a_mother_stated_outright_answers_mum(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who is kai brandt's mum")
    assert "Ilse Brandt" in shown
    assert "Lena Vidal" not in shown.split("\n")[1]
