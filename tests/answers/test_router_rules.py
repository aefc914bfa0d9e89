"""The router's general rules of language, each on invented sentences: blame taken without
the word "sorry", a defence written "stuck up for", laps written as words, a series named
by its short name, a team written beside a name."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.apologies import apology_strength
from bot.answers.router._team_of import _TeamWritten
from bot.answers.understand import both_spellings, car_numbers
from bot.store import Store
from tests.answers.scoring import ask, stories_store

KANSAS = "\n\n".join(
    (
        'date 2026-05-03 Invented Kansas 400: Voss wins as Pelling owns the Big One',
        'Dana Voss won the invented Kansas 400 on Sunday, her second Cup Series win of the year.',
        "The Big One came on Lap 12, when Rob Pelling's No. 7 Ford turned Sam Okafor into "
        "the wall in Turn 3.",
        "Jo Reyes had already lost a wheel into the Turn 1 hairpin on Lap 40. Reyes went "
        "down the order and finished 30th.",
        '"That\'s on me, I got into him. I hate it for him and for his guys," Pelling said.',
        "Okafor's crew chief, Lena Marsh, stuck up for her driver after the stewards blamed "
        "him for a pit-road clash earlier.",
        '"Sam did nothing wrong out there," Marsh said.',
    )
)  # fmt: skip

ASSEN = "\n\n".join(
    (
        'date 2026-05-10 Invented Donington round: Kallio doubles up in WorldSBK',
        "Eero Kallio won both WorldSBK races at the invented Donington round on Saturday "
        "and Sunday.",
        'Kallio now leads the WorldSBK championship on 162 points, 30 ahead of Marc Oller.',
        '"The bike was perfect all weekend," Kallio said.',
    )
)  # fmt: skip

MUGELLO = "\n\n".join(
    (
        'date 2026-05-17 Invented Mugello MotoGP: Rossi-Bianchi takes the win',
        'Luca Rossi-Bianchi won the invented MotoGP race at Mugello on Sunday.',
        'Rossi-Bianchi leads the MotoGP standings on 140 points, ahead of Pedro Lanza on 121.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three invented stories, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("rules"),
        (
            ("2026-05-03-kansas", KANSAS),
            ("2026-05-10-donington", ASSEN),
            ("2026-05-17-mugello", MUGELLO),
        ),
    )


@pytest.mark.parametrize(
    ("text", "apologetic"),
    [
        ("That's on me, I got into him.", True),
        ("This one is on us as a team.", True),
        ("I hate it for him and his guys.", True),
        ("The next round is on May 3.", False),
        ("I hate qualifying.", False),
    ],
)
def test_blame_taken_without_the_word_counts_as_an_apology(text: str, apologetic: bool) -> None:
    """ "That's on me" and "I hate it for him" take the blame as "sorry" does."""
    assert (apology_strength(text) >= 2) is apologetic


async def test_did_x_say_sorry_finds_blame_taken_without_the_word(engine: AnswerEngine) -> None:
    """A driver who said "That's on me" is shown apologising, not denied."""
    shown = await ask(engine, "did pelling say sorry")
    assert "That's on me" in shown
    assert "don't say" not in shown


async def test_stuck_up_for_is_a_defence(engine: AnswerEngine) -> None:
    """ "X stuck up for her driver" answers "did anyone stick up for ..."."""
    shown = await ask(engine, "did anyone stick up for okafor")
    assert "Marsh" in shown


@pytest.mark.parametrize(
    "question", ["what happened on lap twelve", "what happened on the twelfth lap"]
)
async def test_laps_written_as_words_are_laps(engine: AnswerEngine, question: str) -> None:
    """ "lap twelve" and "the twelfth lap" ask for lap 12."""
    shown = await ask(engine, question)
    assert "Lap 12" in shown


async def test_a_series_short_name_picks_its_story_not_another_series(engine: AnswerEngine) -> None:
    """ "wsbk" is WorldSBK: its standings, never the MotoGP story's."""
    shown = await ask(engine, "whats the wsbk standings")
    assert "162 points" in shown
    assert "140 points" not in shown
    assert "don't say" not in shown


@pytest.mark.parametrize(
    ("sentence", "teams"),
    [
        ("Carlos Sainz's Williams was quick all weekend.", ["Williams"]),
        ("Driving for Red Bull, Sainz was fifth.", ["Red Bull"]),
        ("Williams driver Sainz held on.", ["Williams"]),
        ("Sainz thanked the fans.", []),
        ("Nick Sainzburg's Ferrari was slow.", []),
    ],
)
def test_a_team_is_read_beside_the_persons_name(sentence: str, teams: list[str]) -> None:
    """The team written next to someone's name, whichever side it stands."""
    assert _TeamWritten({"carlos sainz", "sainz", "carlos"}).teams(sentence) == teams


@pytest.mark.parametrize(
    ("question", "rewritten"),
    [
        ("what lap did the 7 crash", "what lap did the No. 7 crash"),
        ("who drove the 31 car", "who drove the No. 31 car"),
        ("what happened to #45", "what happened to No. 45"),
        ("where did no 8 finish", "where did No. 8 finish"),
        ("what happened in the 12 laps after", "what happened in the 12 laps after"),
        ("who led the 24 hours", "who led the 24 hours"),
    ],
)
def test_a_car_asked_by_its_number_is_written_as_the_articles_do(
    question: str, rewritten: str
) -> None:
    """ "the 45", "#45", "45 car" are "No. 45", the alias a car's driver carries."""
    assert car_numbers(question) == rewritten


async def test_a_car_number_finds_its_sentence(engine: AnswerEngine) -> None:
    """ "the 7" is the No. 7 Ford's driver and sentence."""
    shown = await ask(engine, "what lap did the 7 crash")
    assert "Lap 12" in shown


async def test_where_brings_the_sentence_naming_the_place(engine: AnswerEngine) -> None:
    """Asked where, a sentence naming no place brings the one before it that does."""
    shown = await ask(engine, "where did reyes go down the order")
    assert "hairpin" in shown


def test_both_spellings_join_british_and_american_words() -> None:
    """ "penalised" asks for "penalized" too, and back."""
    assert "penalized" in both_spellings(("penalised",))
    assert "apologised" in both_spellings(("apologized",))
    assert both_spellings(("raised",)) == ("raised",)


def test_the_compiled_stemmer_gives_the_pure_python_stems() -> None:
    """PyStemmer (used by snowballstemmer when installed) stems as the pure-Python Porter
    stemmer the passages were first weighed with."""
    from snowballstemmer.porter_stemmer import PorterStemmer

    from bot.answers.passages import stem

    words = [
        "apologised",
        "apologized",
        "penalised",
        "penalized",
        "crashed",
        "crashing",
        "collision",
        "incredibly",
        "retirement",
        "retired",
        "standings",
        "championship",
        "generalisation",
        "russells",
        "hamilton's",
        "overheated",
        "qualifying",
        "hydraulics",
    ]
    pure = PorterStemmer()
    assert [stem(w) for w in words] == [pure.stemWord(w) for w in words]


async def test_did_anyone_defend_x_is_answered_by_a_sentence_not_naming_x(
    engine: AnswerEngine,
) -> None:
    """ "did anyone stick up for X": X is the one defended, so "her driver" in X's story
    answers, not X's own words."""
    shown = await ask(engine, "did anyone stick up for okafor")
    assert "stuck up for her driver" in shown


# -- parts of a weekend, stories written before their race, "gp", "ham" (router, s7) --------
# Invented stories: a qualifying report in sections, a preview and the race a year before
# it, an endurance race told by the hour, a rally told by stage, a NASCAR race.

WEEKEND = {
    "2025-09-07-monza": (
        "date 2025-09-07 Invented Monza: Marlow wins the Italian Grand Prix",
        "Tom Marlow won the invented Italian Grand Prix at Monza on Sunday, 1.2 seconds "
        "ahead of Ben Ashby.",
    ),
    "2026-08-29-zandvoort": (
        "date 2026-08-29 Invented Zandvoort qualifying: Marlow takes pole as Quist is out in Q2",
        "Tom Marlow took pole position for the invented Dutch Grand Prix on Saturday, two "
        "tenths clear of Ben Ashby, with Lewis Hamilton third.",
        "Q2 was chaotic. Pia Quist found a slow car in the last corner on her final lap and "
        "was knocked out in 13th.",
        "'I had nowhere to go, it was a shame,' Quist said.",
        "Q1 had its own drama. Ray Dunmore crashed at the hairpin with a minute left and "
        "brought out the red flag.",
        "The race starts at 3pm on Sunday.",
    ),
    "2026-09-02-monza-preview": (
        "date 2026-09-02 Invented Italian GP preview: Ashby heads into Monza with a ten-point lead",
        "Ben Ashby heads into this weekend's invented Italian Grand Prix at Monza with a "
        "ten-point lead over Tom Marlow in the championship.",
        "Marlow won here last year and will start the weekend as the favourite.",
    ),
    "2026-01-25-sebring": (
        "date 2026-01-25 Invented endurance race: the #9 Lotus wins after a night of drama",
        "The #9 Lotus of Nils Ekdahl won the invented endurance race by two laps on Sunday.",
        "The decisive moment came in the 14th hour. Kai Brandt spun the #4 Audi at the "
        "hairpin and lost six laps in the gravel.",
    ),
    "2026-07-19-rally": (
        "date 2026-07-19 Invented rally: Moll wins as Roth rolls on SS7",
        "Ari Moll won the invented WRC rally by 8.1 seconds on Sunday.",
        "Lena Roth was leading when she rolled her Hyundai on SS7 and retired.",
        "The Power Stage went to Vik Sandell, which gave him five bonus points; Moll took four.",
    ),
    "2026-04-06-darlington": (
        "date 2026-04-06 Invented Darlington: Hamlin wins in overtime",
        "Denny Hamlin won the invented NASCAR Cup Series race at Darlington on Sunday.",
    ),
}


@pytest.fixture(scope="module")
def weekend_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented weekend stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in WEEKEND.items()]
    return stories_store(tmp_path_factory.mktemp("weekend"), stories)


@pytest.fixture
async def weekend(weekend_database: Path) -> AsyncIterator[AnswerEngine]:
    async with await Store.open(weekend_database) as store:
        built = AnswerEngine(store)
        await built.refresh()
        yield built


@pytest.mark.parametrize(
    ("question", "hour", "stage", "power", "session"),
    [
        ("what happened in hour 17", 17, None, False, None),
        ("what happened in the 17th hour", 17, None, False, None),
        ("what happened in the seventeenth hour", 17, None, False, None),
        ("what happened to roth on ss7", None, 7, False, None),
        ("who was quickest on stage 7", None, 7, False, None),
        ("who won the power stage", None, None, True, None),
        ("who got knocked out in q1", None, None, False, "q1"),
        ("what did marlow say after quali", None, None, False, "qualifying"),
        ("who won the sprint", None, None, False, "sprint"),
    ],
)
async def test_hours_stages_and_sessions_are_read_as_parts_of_an_event(
    weekend: AnswerEngine,
    question: str,
    hour: int | None,
    stage: int | None,
    power: bool,
    session: str | None,
) -> None:
    """ "hour 17", "ss7", "the power stage", "q1", "quali" are parts of the event, read the
    way laps are; never places or names."""
    from bot.answers.understand import read

    reading = read(question, weekend.lookup)
    assert (reading.hour, reading.stage, reading.power_stage) == (hour, stage, power)
    assert reading.session == session
    assert not {"quali", "q", "q1", "hour", "stage", "power"} & set(
        " ".join(reading.places).split()
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who crashed in q1", "Dunmore"),
        ("what happened to quist in q2", "knocked out in 13th"),
        ("what happened in the 14th hour", "Brandt"),
        ("what happened in hour fourteen", "Brandt"),
        ("what happened to roth on ss7", "rolled"),
        ("who won the power stage", "Sandell"),
    ],
)
async def test_a_part_of_the_event_is_answered_from_the_paragraph_telling_it(
    weekend: AnswerEngine, question: str, expected: str
) -> None:
    """The sentence answering need not name the session, hour or stage its paragraph does."""
    shown = await ask(weekend, question)
    assert expected in shown
    assert "don't say" not in shown


async def test_a_session_no_story_tells_is_an_honest_negative(weekend: AnswerEngine) -> None:
    """ "who won the sprint at monza" when no story tells a sprint there: say so."""
    shown = await ask(weekend, "who won the monza sprint")
    assert "don't say" in shown


async def test_a_result_is_never_answered_from_a_preview(weekend: AnswerEngine) -> None:
    """ "who won at monza": the race report, not the preview's "won here last year"."""
    shown = await ask(weekend, "who won at monza")
    assert "Marlow won the invented Italian Grand Prix" in shown
    assert "don't say" not in shown


@pytest.mark.parametrize(
    ("question", "what"),
    [("who won the italian gp 2026", "preview"), ("who won the dutch gp", "qualifying")],
)
async def test_a_race_told_only_before_it_is_an_honest_negative(
    weekend: AnswerEngine, question: str, what: str
) -> None:
    """Only a preview or a qualifying report of the race asked: the articles don't say who
    won, and the line names the story written before the race."""
    shown = await ask(weekend, question)
    assert "don't say" in shown
    assert what in shown


async def test_the_standings_are_still_read_from_a_preview(weekend: AnswerEngine) -> None:
    """A preview tells no result, but it does tell the standings before the race."""
    shown = await ask(weekend, "how big is ashbys lead")
    assert "ten-point lead" in shown


async def test_last_year_dates_a_question(weekend: AnswerEngine) -> None:
    """ "last year": the year before the newest story's."""
    shown = await ask(weekend, "who won monza last year")
    assert "Marlow won the invented Italian Grand Prix" in shown


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("did ham win at darlington", "Denny Hamlin"),
        ("what did ham say in the nascar race", "Denny Hamlin"),
        ("where did ham qualify at zandvoort", "Lewis Hamilton"),
        ("what did ham say", "Lewis Hamilton"),
    ],
)
async def test_a_nickname_two_people_fit_goes_by_the_series_asked(
    weekend: AnswerEngine, question: str, person: str
) -> None:
    """ "ham" is Hamilton in F1 and Hamlin in NASCAR: the series or place named decides;
    with neither, the register's own choice stands (never both)."""
    from bot.answers.understand import read

    assert read(question, weekend.lookup).people == [person]


async def test_gp_alone_is_f1(weekend: AnswerEngine) -> None:
    """ "the last gp" is the newest F1 race run, not a newer rally nor a story written
    before its race."""
    shown = await ask(weekend, "who won the last gp")
    assert "Marlow won the invented Italian Grand Prix" in shown
    assert "Moll" not in shown
