"""The router's general rules of language, each on invented sentences: blame taken without
the word "sorry", a defence written "stuck up for", laps written as words, a series named
by its short name, a team written beside a name."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.apologies import apology_strength
from bot.answers.router._people import _TeamWritten
from bot.answers.understand import both_spellings, car_numbers
from bot.render import render_text
from bot.store import Store
from tests.answers.scoring import build

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
    folder = tmp_path_factory.mktemp("rules")
    paths = []
    for slug, text in (
        ("2026-05-03-kansas", KANSAS),
        ("2026-05-10-donington", ASSEN),
        ("2026-05-17-mugello", MUGELLO),
    ):
        path = folder / f"{slug}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    import asyncio

    db = folder / "pitwall.db"
    asyncio.run(build(db, paths))
    return db


@pytest.fixture
async def engine(database: Path) -> AsyncIterator[AnswerEngine]:
    async with await Store.open(database) as store:
        built = AnswerEngine(store)
        await built.refresh()
        yield built


async def ask(engine: AnswerEngine, question: str) -> str:
    return render_text(await engine.ask(question))


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
