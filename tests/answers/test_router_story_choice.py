"""Which story answers a question that names no race: the series' next race from the newest
story that gives one, the standings from the newest story that ranks the contenders, each on
invented stories where a newer story of the same series only seems to answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, engine_over, stories_store

RACE = "\n\n".join(
    (
        "date 2026-03-01 Invented Cup Series: Voss wins at Millbrook",
        "Dana Voss won the invented Cup Series race at Millbrook Speedway on Sunday, "
        "beating Rob Pelling by half a second.",
        "Voss leads the Cup Series standings by 20 points from Pelling.",
        "The Cup Series heads to Harlow Motor Speedway on March 15.",
    )
)  # fmt: skip

ROUNDUP = "\n\n".join(
    (
        "date 2026-03-05 Invented paddock round-up: Okafor hurt, Pelling's new sponsor",
        "Our round-up of the week's Cup Series news, from the shops in Mooresville to the "
        "sponsors' lounges.",
        "Sam Okafor will miss the Cup Series race at Harlow after breaking his ankle; his "
        "team expects him back in the car on April 12.",
        "Pelling has scored 41 points this season, eighth in the owners' championship, and "
        "finished 2.1 seconds ahead of his team-mate last weekend.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A race report and, newer, a news round-up of the same series."""
    return stories_store(
        tmp_path_factory.mktemp("choice"),
        (("2026-03-01-millbrook", RACE), ("2026-03-05-roundup", ROUNDUP)),
    )


@pytest.mark.parametrize(
    "question",
    ["when's the next cup race", "where is the next cup race", "where does the cup series go next"],
)
async def test_the_next_race_is_the_line_moving_the_series_on(
    engine: AnswerEngine, question: str
) -> None:
    """A round-up's "round-up", "breaking" and a comeback date are no next race."""
    shown = await ask(engine, question)
    assert "Harlow Motor Speedway on March 15" in shown
    assert "April 12" not in shown
    assert "round-up of the week" not in shown


@pytest.mark.parametrize("question", ["who leads the cup standings", "whats the cup standings"])
async def test_the_standings_are_the_sentence_ranking_the_contenders(
    engine: AnswerEngine, question: str
) -> None:
    """A points figure with a position, or a race's margin, ranks nobody in the table."""
    shown = await ask(engine, question)
    assert "leads the Cup Series standings by 20 points" in shown
    assert "41 points this season" not in shown
    assert DENIAL not in shown


FEEDER = "\n\n".join(
    (
        "date 2026-06-01 Invented Formula 2: Halvorsen wins the feature race at Keldby",
        "Nils Halvorsen won the invented Formula 2 feature race at Keldby on Sunday.",
        "Formula 2 returns at Ostrava for round six, with the feature race on Sunday, June 21.",
    )
)  # fmt: skip

GRAND_PRIX = "\n\n".join(
    (
        "date 2026-06-08 Invented Formula 1: Marlowe wins the Keldby Grand Prix",
        "Tom Marlowe won the invented Keldby Grand Prix on Sunday for his first F1 win.",
        "Formula 1 moves on to the Ostrava Grand Prix on June 28.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def feeder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An F2 round and, newer, an F1 race."""
    return stories_store(
        tmp_path_factory.mktemp("feeder"),
        (("2026-06-01-keldby-f2", FEEDER), ("2026-06-08-keldby-f1", GRAND_PRIX)),
    )


@pytest.mark.parametrize(
    ("question", "shown", "not_shown"),
    [
        ("when is the next f2 race", "June 21", "June 28"),
        ("when is the next formula 2 round", "June 21", "June 28"),
        ("who won the f2 race", "Halvorsen", "Marlowe"),
        ("when is the next f1 race", "June 28", "June 21"),
    ],
)
async def test_a_feeder_series_is_a_series_of_its_own(
    feeder: Path, question: str, shown: str, not_shown: str
) -> None:
    """An F2 question picks the F2 story, as "f1" picks F1's: no word a sentence must hold."""
    async with engine_over(feeder) as engine:
        answer = await ask(engine, question)
    assert shown in answer
    assert not_shown not in answer
    assert DENIAL not in answer


ENDURANCE = "\n\n".join(
    (
        "date 2026-04-12 Invented Six Hours of Varna: Alpine wins as the Peugeot is penalised",
        "The No. 12 Alpine of Jan Novak, Ola Berg and Rui Costa won the invented Six Hours "
        "of Varna on Sunday, a lap clear of the field.",
        "The No. 44 Peugeot of Anna Lind, Piotr Sowa and Remy Blanc tangled with the No. 7 "
        "Ford of Tomas Holm at the chicane in the third hour.",
        "The stewards gave the #44 a drive-through penalty for causing the collision.",
        "Holm finished fourth and Sowa brought the Peugeot home seventh.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def endurance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An endurance race told by car numbers, and an older story of another series."""
    return stories_store(
        tmp_path_factory.mktemp("endurance"),
        (("2026-03-01-millbrook", RACE), ("2026-04-12-varna", ENDURANCE)),
    )


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        # the car's crew read from its number: the sentence naming "#44" is about them
        ("what pen did the 44 get", "drive-through penalty"),
        ("what pen did the 44 car get", "drive-through penalty"),
        # "this year" dates nothing a sentence must say
        ("who won at varna this year", "won the invented Six Hours"),
        # a day the fan dates the race by helps, but the sentence need not say it
        ("where did sowa finish on sunday", "Sowa brought the Peugeot home seventh"),
        # fans' slang is no word to find
        ("wtf happened between holm and the 44", "tangled with the No. 7"),
    ],
)
async def test_the_words_that_only_date_or_point_are_not_asked_for(
    endurance: Path, question: str, shown: str
) -> None:
    """Words that point at the car, the season or the day are no content a sentence lacks."""
    async with engine_over(endurance) as engine:
        answer = await ask(engine, question)
    assert shown in answer
    assert DENIAL not in answer
