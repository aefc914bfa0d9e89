"""Which stories and paragraphs answer, each rule on invented stories: a round-up's items are
stories of their own (a series asked is answered from its item only), a race someone missed
is told by the story naming it in passing when no story is at it, and the paragraphs holding
a "why" question's own words are read however many of the kind's cue words others hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._series import round_up_items
from bot.models import Passage
from tests.answers.scoring import DENIAL, ask, stories_store

#: Paragraphs thick with the words a "why" answer uses, none about what is asked.
_CAUSES = [
    f"Driver {name} blamed a mistake because of contact, a puncture and a gearbox failure, "
    f"then a spin into the wall and the gravel broke the car: wrong, damaged, lost."
    for name in (
        "Arlo", "Brisk", "Cato", "Dorn", "Edda", "Fenwick", "Gaul", "Hosk", "Ivers", "Jory",
        "Kemp", "Lusk", "Morrow", "Nyle", "Oakes", "Pell", "Quill", "Rusk", "Soren", "Tarn",
        "Umber", "Vance", "Wyck", "Yarrow", "Zell", "Abel", "Brant", "Corr", "Dace", "Ebb",
        "Fisk", "Gorse", "Hale", "Ilk", "Jessop", "Kell", "Lorne", "Mace", "Nash", "Orme",
        "Prowse", "Reeve", "Stone", "Tully", "Varley",
    )
]  # fmt: skip

#: Paragraphs naming no cause: over a store of them, the cause words are rare enough to rank.
_QUIET = [f"The paddock {n} hospitality unit served coffee all afternoon." for n in range(400)]

STORIES = {
    "2026-04-01-invented-quiet": (
        "date 2026-04-01 Invented paddock diary: a quiet week",
        *_QUIET,
    ),
    "2026-11-20-invented-briefing": (
        "date 2026-11-20 Invented paddock briefing: Kessel signs, Varga hurt, Lund suspended",
        "Our weekly round-up of the news across the paddocks.",
        "INDYCAR: Varga to have surgery",
        "Mirko Varga will have surgery on his broken wrist on Friday.",
        "His team said he is expected to be fit for the season opener on the streets of St. "
        "Petersburg on March 7.",
        "NASCAR: Lund suspended for four races",
        "NASCAR has suspended crew chief Odo Lund for the first four Cup Series races of 2027.",
        '"We disagree with the finding," his team said.',
    ),
    "2026-11-16-invented-ratings": (
        "date 2026-11-16 Invented MotoGP ratings from Portimao: a ten for Rask",
        "Ivo Rask won the Portuguese Grand Prix at Portimao on Sunday.",
        "Rask started from pole and led every lap.",
        "Juan Ostra was second and Remy Colle third.",
        "Back from the broken wrist that kept him out of Sepang, Tomas Kessel finished ninth "
        "and said it was the most painful ninth of his life.",
    ),
    "2026-05-10-invented-causes": (
        "date 2026-05-10 Invented notebook: a long list of troubles",
        *_CAUSES,
        "The Zorbia race was dropped from next season's calendar because its organisers could "
        "not finish the circuit in time.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("scope"), stories)


def test_a_round_up_is_read_as_its_items() -> None:
    """Heads like "NASCAR: Lund suspended" split a round-up into items; a report's one
    subhead does not make it a round-up."""
    lines = STORIES["2026-11-20-invented-briefing"][1:]
    story = [Passage(text, i + 1) for i, text in enumerate(lines)]
    assert round_up_items(story) == [("INDYCAR", [2, 3, 4]), ("NASCAR", [5, 6, 7])]
    assert round_up_items(story[:4]) == []


async def test_a_round_up_answers_a_series_only_from_its_item(engine: AnswerEngine) -> None:
    """ "when does the nascar season start": the IndyCar item's season opener is not the
    NASCAR season's, and the NASCAR item gives no date: an honest "don't say"."""
    shown = await ask(engine, "when does the nascar season start")
    assert "March 7" not in shown
    assert DENIAL in shown


async def test_a_round_up_item_answers_its_series(engine: AnswerEngine) -> None:
    """The item about the series asked still answers from the round-up."""
    shown = await ask(engine, "why was lund suspended by nascar")
    assert "first four Cup Series races" in shown


async def test_a_race_missed_is_told_where_it_is_named_in_passing(engine: AnswerEngine) -> None:
    """No story is at Sepang; the one naming it in passing tells why Kessel missed it."""
    shown = await ask(engine, "why did kessel miss sepang")
    assert "broken wrist that kept him out of Sepang" in shown


async def test_a_result_is_not_told_by_a_story_naming_the_race_in_passing(
    engine: AnswerEngine,
) -> None:
    """ "who won at sepang" is no question for a story that only names Sepang."""
    shown = await ask(engine, "who won at sepang")
    assert DENIAL in shown


async def test_a_why_reads_the_paragraphs_holding_its_own_words(engine: AnswerEngine) -> None:
    """Dozens of paragraphs full of the words causes are told in ("mistake", "contact",
    "failure") do not crowd out the one that holds what the question asks about."""
    shown = await ask(engine, "why was the zorbia race dropped")
    assert "could not finish the circuit in time" in shown
