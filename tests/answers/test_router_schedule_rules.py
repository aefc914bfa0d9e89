"""The router's rules for races still to come and for the table a fan means, each on invented
stories: "when is <place>" is the schedule line announcing it (with the place's own date,
not the race's before it), not a newer story recalling an older race there; "the first
race" is the season's opening; "what time" is a clock time; "who leads the championship"
is the drivers' table, not the constructors'."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

JEREZ = "\n\n".join(
    (
        "date 2026-04-26 Invented Jerez MotoGP: Kallio wins at home of the Spanish fans",
        "Eero Kallio won the invented MotoGP race at Jerez on Sunday, his first win of the year.",
        "The riders stay in Spain for a test at Jerez on Monday, April 27.",
        "After Jerez, the championship moves on to the Sachsenring on May 10, "
        "the first of two races in two weekends.",
    )
)  # fmt: skip

BRNO = "\n\n".join(
    (
        "date 2026-06-21 Invented Brno MotoGP: Oller takes his third win",
        "Marc Oller won the invented MotoGP race at Brno on Sunday.",
        "Kallio had crashed at the Sachsenring on May 10 and lost the lead there.",
        "After the Sachsenring the series heads to Mugello on May 24, Oller said.",
        "The championship moves straight on to Assen next Sunday, June 28.",
    )
)  # fmt: skip

MONZA = "\n\n".join(
    (
        "date 2026-09-06 Invented Italian GP: Norris wins at Monza",
        "Lando Norris won the invented Italian Grand Prix at Monza on Sunday.",
        "Norris leads the drivers' standings on 300 points, 12 ahead of Oscar Piastri.",
        "The 2027 season starts in Melbourne on March 8, a week later than this year.",
    )
)  # fmt: skip

COLUMN = "\n\n".join(
    (
        "date 2026-09-08 Invented column: a hard weekend for Williams at Monza",
        "Williams scored two points at Monza with Carlos Sainz in ninth.",
        "They leave Italy six points ahead of Haas in the constructors' championship.",
    )
)  # fmt: skip

F2 = "\n\n".join(
    (
        "date 2026-09-05 Invented F2 Monza: Ortiz wins the feature race",
        "Sam Ortiz, a member of the Alpine Academy, won the invented Formula 2 feature race "
        "at Monza on Saturday.",
    )
)  # fmt: skip

ACADEMY = "\n\n".join(
    (
        "date 2026-09-04 Invented F1 Academy Monza: Vance wins",
        "Lia Vance won the invented F1 Academy race at Monza on Friday.",
    )
)  # fmt: skip

INJURY = "\n\n".join(
    (
        "date 2026-08-11 Invented IndyCar: Lowe breaks her wrist in Iowa practice",
        "Kim Lowe broke her left wrist in a crash in practice at Iowa on Saturday, her team "
        "said on Monday.",
        "Lowe will be out for six to eight weeks, and Tom Briar takes her car at Gateway on "
        "August 23.",
        "Lowe signed a new deal in May, and her contract runs to the end of 2028.",
    )
)  # fmt: skip

SPA = "\n\n".join(
    (
        "date 2026-05-10 Invented WEC Spa: Toyota win the six hours",
        "Toyota won the invented Six Hours of Spa in the WEC on Saturday.",
        "Toyota lead the manufacturers' championship by 18 points from Ferrari.",
    )
)  # fmt: skip


TITLE = "\n\n".join(
    (
        "date 2026-11-15 Invented WorldSBK finale: Kallio is champion by four points",
        "PORTIMAO — Eero Kallio is the 2026 WorldSBK world champion. Marc Oller won the last "
        "race of the year at Portimao, but fourth was enough for Kallio, who takes the title "
        "by four points, 402 to 398.",
        "Oller also won the sprint race on Saturday.",
    )
)  # fmt: skip

REMAIN = "\n\n".join(
    (
        "date 2026-10-19 Invented Austin press conference: two points in it",
        "Two races remain after Austin, in Interlagos on November 8 and in Abu Dhabi on "
        "December 6.",
    )
)  # fmt: skip

THEN = "\n\n".join(
    (
        "date 2026-10-26 Invented Mexico City GP: Orte wins",
        "Nils Orte won the invented Mexico City Grand Prix on Sunday.",
        "The championship moves on to Interlagos on November 8, then Abu Dhabi.",
    )
)  # fmt: skip

LAUNCH = "\n\n".join(
    (
        "date 2026-02-02 Invented launch: Ravenna unveils its first car with Ortiz and Lind",
        "Ravenna pulled the covers off its first car in Turin on Monday night, a red machine "
        "that will carry Sam Ortiz and Tove Lind onto the grid when the season opens in "
        "Melbourne on March 8.",
    )
)  # fmt: skip

TESTING = "\n\n".join(
    (
        "date 2026-02-20 Invented test: Ravenna quickest in Bahrain",
        "Ravenna topped the timesheets in Bahrain on Wednesday, February 18, with Sam Ortiz "
        "fastest.",
    )
)  # fmt: skip

PREVIEW = "\n\n".join(
    (
        "date 2026-07-01 Dutch TT preview: Kallio arrives at Assen with a 20-point lead",
        "Eero Kallio arrives at Assen for the Dutch round with a 20-point lead over Marc Oller.",
        "Oller has won there twice and says the fast sweeps suit his bike.",
        "The weekend begins with practice on Friday, July 3, at 9.45am local time. Qualifying "
        "is on Saturday, July 4, at 10.50am, with the sprint at 3pm. The race itself starts at "
        "2pm on Sunday, July 5.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("schedule"),
        (
            ("2026-04-26-jerez", JEREZ),
            ("2026-06-21-brno", BRNO),
            ("2026-09-06-monza", MONZA),
            ("2026-09-08-column", COLUMN),
            ("2026-09-05-f2", F2),
            ("2026-09-04-academy", ACADEMY),
            ("2026-08-11-injury", INJURY),
            ("2026-05-10-spa", SPA),
            ("2026-10-19-remain", REMAIN),
            ("2026-10-26-then", THEN),
            ("2026-02-02-launch", LAUNCH),
            ("2026-02-20-testing", TESTING),
            ("2026-07-01-preview", PREVIEW),
            ("2026-11-15-title", TITLE),
        ),
    )


async def test_when_is_a_place_is_the_schedule_line_announcing_it(engine: AnswerEngine) -> None:
    """A newer story recalling the race there ("crashed at the Sachsenring on May 10")
    does not answer "when is the sachsenring": the line moving the series on to it does."""
    shown = await ask(engine, "when is the sachsenring")
    assert "moves on to the Sachsenring on May 10" in shown
    assert "had crashed" not in shown


async def test_a_schedule_line_names_the_place_it_moves_on_to(engine: AnswerEngine) -> None:
    """ "After the Sachsenring the series heads to Mugello" announces no Sachsenring race,
    though newer; "moves straight on to Assen next Sunday, June 28" announces Assen's."""
    assert "moves straight on to Assen next Sunday, June 28" in await ask(engine, "whens assen")
    shown = await ask(engine, "when is the sachsenring")
    assert "moves on to the Sachsenring on May 10" in shown
    assert "heads to Mugello" not in shown


async def test_the_date_is_the_places_own(engine: AnswerEngine) -> None:
    """ "moves on to Interlagos on November 8, then Abu Dhabi" dates Interlagos, not Abu
    Dhabi: "when is abu dhabi" is the older line giving its own date, a race that remains."""
    shown = await ask(engine, "when is abu dhabi")
    assert "in Abu Dhabi on December 6" in shown
    assert "then Abu Dhabi" not in shown
    assert "moves on to Interlagos on November 8" in await ask(engine, "when is interlagos")


@pytest.mark.parametrize(
    "question", ["when is the first race for ravenna", "when is ravennas first race"]
)
async def test_the_first_race_is_the_season_opening(engine: AnswerEngine, question: str) -> None:
    """ "the first race": the sentence telling the season's opening, never a newer one that
    only names the team and a date."""
    shown = await ask(engine, question)
    assert "season opens in Melbourne on March 8" in shown
    assert "February 18" not in shown


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what time does the race start at assen", "2pm"),
        ("what time is the sprint at assen", "sprint at 3pm"),
    ],
)
async def test_what_time_is_a_clock_time(
    engine: AnswerEngine, question: str, expected: str
) -> None:
    """ "what time": the schedule's clock time, though its sentence does not repeat the
    place; a date alone does not answer it."""
    shown = await ask(engine, question)
    assert expected in shown
    assert "don't say" not in shown


async def test_when_did_is_not_a_race_to_come(engine: AnswerEngine) -> None:
    """ "when did Kallio crash at the Sachsenring" asks the past, not the schedule."""
    shown = await ask(engine, "when did kallio crash at the sachsenring")
    assert "had crashed at the Sachsenring on May 10" in shown


async def test_the_championship_is_the_drivers_table(engine: AnswerEngine) -> None:
    """ "who leads the championship" is answered from the drivers' standings, though a newer
    story ranks teams in the constructors' championship."""
    shown = await ask(engine, "who leads the championship")
    assert "Norris leads the drivers' standings on 300 points" in shown
    assert "constructors'" not in shown


async def test_the_constructors_table_when_asked(engine: AnswerEngine) -> None:
    """Asked for the constructors' table, that sentence answers."""
    shown = await ask(engine, "whats the constructors standings")
    assert "six points ahead of Haas in the constructors' championship" in shown


async def test_a_teams_academy_is_a_programme_not_the_series(engine: AnswerEngine) -> None:
    """ "which academy is Ortiz in" asks for a driver programme, which an F2 story tells;
    "the academy race" is still the F1 Academy's."""
    assert "a member of the Alpine Academy" in await ask(engine, "which academy is ortiz in")
    assert "Lia Vance won" in await ask(engine, "who won the academy race")


async def test_a_year_no_story_was_written_in_limits_no_story(engine: AnswerEngine) -> None:
    """ "the 2027 season" in stories written in 2026 is what a sentence tells, not the
    date of a story: no story is 2027's, yet one says when it starts."""
    shown = await ask(engine, "when does the 2027 season start")
    assert "The 2027 season starts in Melbourne on March 8" in shown


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("how long is lowe out for", "out for six to eight weeks"),
        ("when is lowes contract up", "runs to the end of 2028"),
        ("how long is lowe signed for", "runs to the end of 2028"),
    ],
)
async def test_how_long_is_a_spell_of_time_not_a_date(
    engine: AnswerEngine, question: str, told: str
) -> None:
    """ "how long is X out", "when is X's contract up": the sentence telling the spell or
    its end, though another gives a calendar date ("at Gateway on August 23")."""
    assert told in await ask(engine, question)


async def test_a_years_sentence_must_say_it(engine: AnswerEngine) -> None:
    """ "who drives for Williams in 2030": no story is 2030's and no sentence says 2030, so
    the articles don't say, however many sentences name Williams."""
    assert "The articles don't say" in await ask(engine, "who drives for williams in 2030")


async def test_a_test_at_a_place_is_not_its_race(engine: AnswerEngine) -> None:
    """ "when is the jerez test": the test's own sentence, never a schedule line."""
    assert "a test at Jerez on Monday, April 27" in await ask(engine, "whens the jerez test")


async def test_a_series_told_only_by_its_makes_table_has_standings(engine: AnswerEngine) -> None:
    """ "whats the wec standings": where only the manufacturers' table is told, it answers."""
    shown = await ask(engine, "whats the wec standings")
    assert "lead the manufacturers' championship by 18 points" in shown


@pytest.mark.parametrize(
    "question",
    ["who won the worldsbk title", "who won the championship", "who clinched the sbk title"],
)
async def test_a_title_won_is_not_a_race_won(engine: AnswerEngine, question: str) -> None:
    """ "who won the title" is a sentence telling the champion, not the race's winner."""
    shown = await ask(engine, question)
    assert "Kallio is the 2026 WorldSBK world champion" in shown or (
        "enough for Kallio, who takes the title by four points" in shown
    )
    assert "Oller also won the sprint" not in shown


async def test_the_margin_of_a_title_is_told_with_it(engine: AnswerEngine) -> None:
    """ "by how many points did X win the title": the title's sentence tells the margin."""
    shown = await ask(engine, "by how many points did kallio win the championship")
    assert "takes the title by four points" in shown
