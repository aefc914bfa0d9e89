"""Results lists read as rows, each rule on an invented results report: a classification's
first row is who won it, its "Fastest lap:" line who set it, a championship's first row who
leads it; two races sharing every name are told apart by their headings; a row answers whom,
never why. A series written with its number ("f2") is no place."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers._tables import tables_of
from bot.answers.understand import read
from bot.models import Passage
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-10-04-invented-f3-valdora": (
        "date 2026-10-04 Invented F3 at Valdora: Reyes wins the feature and Okoye keeps his lead",
        "Ana Reyes won the feature race of the Formula 3 weekend at Valdora on Sunday, and Tom "
        "Okoye kept his lead in the standings with a steady drive.",
        "Ines Moll had a good weekend too, and the Arc team said afterwards it had found "
        "pace on the long runs.",
        "Sprint classification (18 laps)",
        "1. Ines Moll (Arc) 18 laps 30m02.118s",
        "2. Tom Okoye (Kestrel) +0.884s",
        "3. Ana Reyes (Team Vela) +2.406s",
        "Retired: Piet Lund (Kestrel), 5 laps, brakes\nFastest lap: Okoye, 1m39.004s",
        "Feature classification (25 laps)",
        "1. Ana Reyes (Team Vela) 25 laps 42m11.950s",
        "2. Ines Moll (Arc) +3.120s",
        "3. Tom Okoye (Kestrel) +5.515s",
        "Fastest lap: Moll, 1m38.612s",
        "Teams' championship",
        "1. Kestrel 288",
        "2. Arc 251",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented report, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("list_rows"), stories)


def test_lines_run_on_into_a_label_are_rows_of_their_own() -> None:
    lines = ["Sprint classification", "1. Moll 18 laps", "2. Okoye +0.884s Retired: Lund, brakes"]
    tables = tables_of([Passage(text, n) for n, text in enumerate(lines, start=1)])
    assert [row.text for row in tables[0].rows] == [
        "1. Moll 18 laps",
        "2. Okoye +0.884s",
        "Retired: Lund, brakes",
    ]


async def test_the_first_row_of_a_race_is_its_winner(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who took the sprint at valdora")
    assert "1. Ines Moll (Arc)" in shown


async def test_two_races_sharing_names_are_told_by_their_headings(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "who set the fastest lap in the feature")
    assert "Fastest lap: Moll" in shown
    shown = await ask(engine, "who was 3rd in the sprint")
    assert "3. Ana Reyes" in shown


async def test_a_championships_first_row_leads_it(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who leads the f3 teams champ")
    assert "1. Kestrel 288" in shown


async def test_a_row_tells_whom_never_why(engine: AnswerEngine) -> None:
    shown = await ask(engine, "why did okoye finish 3rd in the feature")
    assert "3. Tom Okoye" not in shown


def test_a_series_with_its_number_is_no_place(engine: AnswerEngine) -> None:
    assert read("who won the sprint in qatar f2", engine.lookup).places == ["qatar"]
    assert read("who set fastest lap in the f2 feature", engine.lookup).places == []
