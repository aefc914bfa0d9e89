""" "How did X take it" on an invented story: a fan's way of asking X's reaction, answered as
"how did X react to it" (X's own words about it), while "how did X take the lead" stays a
question about the race."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._shapes import _TAKING
from bot.render import render_text
from tests.answers.scoring import stories_store

FEATURE = "\n\n".join(
    (
        "date 2026-10-11 Invented Sollen feature race: Ivo Marck wins as Joel Tarrant retires",
        "Ivo Marck won the invented Sollen feature race on Sunday after the championship "
        "leader Joel Tarrant retired from second place on lap 12 with a gearbox failure.",
        "Tarrant climbed out at the hairpin and walked back to the pits.",
        '"Some days the car just stops under you and there is nothing to be done about it," '
        'Tarrant said. "I will be back at Orrin to fight for every point."',
    )
)  # fmt: skip


RULING = "\n\n".join(
    (
        "date 2026-10-18 Invented Bram sprint: Rhys Galt penalised for the Turn 4 move",
        "The stewards gave Rhys Galt a five-second penalty for forcing Ivo Marck wide at Turn "
        "4 of the invented Bram sprint, which dropped him from third to sixth.",
        '"I was alongside at the apex and he ran out of road on his own, and that is all I '
        'have to say," Galt said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("taking"),
        (("2026-10-11-sollen", FEATURE), ("2026-10-18-bram", RULING)),
    )


async def test_how_did_x_take_a_setback_is_their_reaction(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("how did tarrant take the dnf"))
    assert "nothing to be done about it" in shown
    assert "Joel Tarrant" in shown
    assert "retired from second place" not in shown  # what befell him is no reaction of his


async def test_hows_x_feel_about_it_is_their_reaction(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("hows tarrant feel about the gearbox failure"))
    assert "nothing to be done about it" in shown
    assert "don't say" not in shown
    assert "retired from second place" not in shown  # the report of it is no words of his


async def test_did_x_agree_with_it_is_their_view(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("did galt agree with his penalty"))
    assert "I was alongside at the apex" in shown
    assert "don't say" not in shown
    assert "five-second penalty" not in shown  # the stewards' ruling is no view of his


@pytest.mark.parametrize(
    ("question", "taken"),
    [
        ("how did browning take the dnf", "the dnf"),
        ("how is piastri taking the news", "the news"),
        ("how did lawson take his weekend", "his weekend"),
        ("how did norris take the lead", None),
        ("how did max take pole", None),
        ("how did verstappen take his first win", None),
    ],
)
def test_what_is_taken_is_news_or_a_setback_never_a_place(question: str, taken: str | None) -> None:
    m = _TAKING.match(question)
    assert (m[2] if m else None) == taken
