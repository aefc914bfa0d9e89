""" "What did X say about Y" on invented stories: a quote counts as about a person only when
the person is named near it (its paragraph, or the one it answers); otherwise an honest
negative, never X's other words. A topic of words ("the crash") is left to the ranking.
"Did <team or shared first name> apologise to Y": Y receives it, never makes it. A sentence
that only announces someone's view ("X was in no doubt") comes with the quote giving it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.store import Store
from tests.answers.scoring import ask, stories_store

HARBOUR = "\n\n".join(
    (
        "date 2026-08-09 Invented Harbour 200: Quill wins as Marrow misses the cut",
        "Tobin Quill won the invented Harbour 200 on Sunday, his third win of the year.",
        "Quill, Dace Ferrow and Lio Banes go through to the final round. Ezra Marrow was "
        "knocked out.",
        "Quill led 150 of the 200 laps from pole.",
        '"The car was on rails from the first lap, and the crew nailed every stop," Quill '
        "said.",
        "Marrow was squeezed on the last restart and lost three places to Banes, who came "
        "down on him at the first corner.",
        '"I was racing for the win, not for anybody else\'s points," Banes said.',
    )
)  # fmt: skip

DESERT = "\n\n".join(
    (
        "date 2026-09-13 Invented Desert 500: Ferrow and Sund collide at the hairpin",
        "Dace Ferrow and Kit Sund collided at the hairpin on lap 12 of the invented Desert "
        "500, and both retired.",
        '"He left me no room at all," Ferrow said.',
    )
)  # fmt: skip

FAREWELL = "\n\n".join(
    (
        "date 2026-10-04 Invented: Varo Lind calls time on a 20-year career",
        "Varo Lind will retire at the end of the invented season, he said on Friday.",
        "Pia Holm, his engineer for ten years, remembers the first test. \"He was 17 and he "
        'already told us what the car was doing," Holm said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("said_about"),
        (
            ("2026-08-09-harbour", HARBOUR),
            ("2026-09-13-desert", DESERT),
            ("2026-10-04-farewell", FAREWELL),
        ),
    )


async def test_words_about_something_else_are_no_answer_about_a_person(
    engine: AnswerEngine,
) -> None:
    """Quill's words are about his car; Marrow is named in the headline and two paragraphs
    before them, never near them: the articles have no quote from Quill about Marrow."""
    shown = await ask(engine, "what did quill say about marrow")
    assert "no quote from Tobin Quill" in shown
    assert "on rails" not in shown


async def test_a_reply_to_the_paragraph_before_is_about_its_person(
    engine: AnswerEngine,
) -> None:
    """Banes answers the paragraph that tells how he came down on Marrow: his words are
    about Marrow though they do not name him."""
    shown = await ask(engine, "what did banes say about marrow")
    assert "racing for the win" in shown
    assert "no quote" not in shown


async def test_the_crash_asked_of_a_speaker_in_a_crash_story_is_answered(
    engine: AnswerEngine,
) -> None:
    """Ferrow speaks in the story of his collision: his words answer "about the crash"."""
    shown = await ask(engine, "what did ferrow say about the crash")
    assert "He left me no room at all" in shown


async def test_he_in_a_feature_is_the_person_the_headline_is_about(engine: AnswerEngine) -> None:
    """Holm's "he", in a paragraph naming nobody else, in the feature on Lind: about Lind."""
    shown = await ask(engine, "what did holm say about lind")
    assert "He was 17" in shown
    assert "no quote" not in shown


PRESSURE = "\n\n".join(
    (
        "date 2026-10-18 Invented Coastal GP: Remy Vance loses his podium to a tyre penalty",
        "Remy Vance lost third place at the invented Coastal GP after his front tyre was "
        "found below the minimum pressure.",
        "Vortex team principal Ola Brand took the blame for the team. \"The mistake was ours. "
        'We apologise to Remy, because he rode a perfect race," Brand said.',
        "Niko Arda, who won, was asked about the late clash with Jonas Peel. \"I'm not "
        'going to apologise for racing," Arda said. "Jonas left the door open."',
        "Peel, who lost second in the clash, was in no doubt about who was responsible. "
        '"He shut the door on me at the last moment," the Dane said.',
    )
)  # fmt: skip

SHARED = "\n\n".join(
    (
        "date 2026-10-25 Invented Valley 100: Niko Sval takes his first win",
        "Niko Sval won the invented Valley 100 on Sunday from Mara Quist.",
        '"It is a dream," Sval said.',
        "Mara Quist was given a five-second penalty for a late lunge on Sval. Orbit team "
        "principal Hugo Lamar defended his driver after the hearing. \"Mara raced hard and "
        'fair all day," Lamar said.',
        "Quist apologised to the winner in parc ferme. Marshal chief Oto Ruhl, whose crew "
        "cleared the debris, accepted the apology too, and said the crew had seen worse.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def apology_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("apology_to"),
        (("2026-10-18-coastal", PRESSURE), ("2026-10-25-valley", SHARED)),
    )


@pytest.fixture
async def apology_engine(apology_database: Path) -> AsyncIterator[AnswerEngine]:
    async with await Store.open(apology_database) as store:
        built = AnswerEngine(store)
        await built.refresh()
        yield built


async def test_a_team_apologising_to_its_rider_is_its_people_speaking(
    apology_engine: AnswerEngine,
) -> None:
    """ "did Vortex apologise to Remy": Vance receives the apology, never makes it; the
    team's principal makes it."""
    shown = await ask(apology_engine, "did vortex apologise to remy")
    assert "We apologise to Remy" in shown
    assert "Vance apologised" not in shown


async def test_a_shared_first_name_is_the_one_who_met_the_receiver(
    apology_engine: AnswerEngine,
) -> None:
    """Two Nikos: the one whose story has Peel answers, with his own words on it."""
    shown = await ask(apology_engine, "did niko apologise to jonas")
    assert "not going to apologise for racing" in shown
    assert "Peel apologised" not in shown


async def test_no_apology_from_a_team_is_an_honest_negative(
    apology_engine: AnswerEngine,
) -> None:
    """Nobody of a team never named apologises: the negative says who did not."""
    shown = await ask(apology_engine, "did zenith apologise to remy")
    assert "don't say" in shown


async def test_a_sentence_announcing_a_view_comes_with_the_quote_giving_it(
    apology_engine: AnswerEngine,
) -> None:
    """ "Peel was in no doubt about who was responsible." names no one: his next words do."""
    shown = await ask(apology_engine, "who did peel blame")
    assert "He shut the door on me" in shown


async def test_the_announcing_sentence_may_name_its_speaker_after_their_title(
    apology_engine: AnswerEngine,
) -> None:
    """ "Orbit team principal Hugo Lamar defended his driver." announces; the quote after
    it, his, tells the defence."""
    shown = await ask(apology_engine, "did lamar defend his driver")
    assert "raced hard and fair" in shown


async def test_accepting_an_apology_asked_of_no_named_person_is_read_in_the_passages(
    apology_engine: AnswerEngine,
) -> None:
    """ "did the marshals accept the apology" names no person: the sentence telling who
    accepted it answers, never whichever apology is newest."""
    shown = await ask(apology_engine, "did the marshals accept the apology")
    assert "accepted the apology too" in shown
    assert "Apology:" not in shown


async def test_admitting_asked_of_no_named_person_is_read_in_the_passages(
    apology_engine: AnswerEngine,
) -> None:
    """ "did orbit admit the mistake": a team, no person, and nothing of Orbit's admits
    one; never the apology another team's principal made."""
    shown = await ask(apology_engine, "did orbit admit the mistake")
    assert "Apology:" not in shown
    assert "The mistake was ours" not in shown or "don't say" in shown


MENTOR = "\n\n".join(
    (
        "date 2026-11-02 Invented: Lars Okker calls time on his career",
        "Lars Okker will stop racing after the invented finale, he said on Tuesday.",
        "The finale is a night race on a street circuit, the last of eleven rounds.",
        "Bram Teel, his manager from the start and now a team owner, remembers the boy who "
        'turned up with one kart. "He was 12 and he already raced like a champion," Teel '
        "said.",
    )
)  # fmt: skip

MARSHAL = "\n\n".join(
    (
        "date 2026-10-20 Invented Ridge 300: Stuart Venn wins from the back",
        "Stuart Venn won the invented Ridge 300 from last on the grid.",
        '"I never gave up," Venn said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def mentor_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("said_about_mentor"),
        (("2026-10-20-ridge", MARSHAL), ("2026-11-02-mentor", MENTOR)),
    )


@pytest.fixture
async def mentor_engine(mentor_database: Path) -> AsyncIterator[AnswerEngine]:
    async with await Store.open(mentor_database) as store:
        built = AnswerEngine(store)
        await built.refresh()
        yield built


async def test_a_word_like_a_name_elsewhere_is_nobody_in_the_paragraph(
    mentor_engine: AnswerEngine,
) -> None:
    """ "from the start" names no Stuart: the paragraph names only Teel, so his "he", in the
    feature on Okker, is Okker (a fan's typo tolerance is for questions, not articles)."""
    shown = await ask(mentor_engine, "what did teel say about okker")
    assert "raced like a champion" in shown
    assert "no quote" not in shown
