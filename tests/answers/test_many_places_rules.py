"""The right sentence in the right story, each rule on invented stories.

A story naming many places (a calendar, a season preview) is found for every one of them: in
it, only a sentence naming the place asked answers ("what time does the monaco race start" is
never the calendar's night race at Las Vegas). A story about the place (its headline names it)
answers without repeating it. With a few stories chosen, a paragraph is kept by the stems of
the words searched: "sprints" keeps "a sprint"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import _crowded_stories, _places_in
from bot.answers.places import place_book
from bot.models import Passage, Source
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-10-20-invented-calendar": (
        "date 2026-10-20 Invented calendar for 2031: Las Vegas in, Monaco and Imola swap dates",
        "The Zephyr series will race 22 times in 2031, starting at Albert Park and ending at "
        "Yas Marina, its organisers confirmed on Tuesday.",
        "Monaco moves to early June and Imola to late May. Silverstone, Spa, Suzuka, "
        "Interlagos and Zandvoort keep their dates.",
        "Las Vegas joins as a night race. Its promoter Dario Velt said the race would start "
        "at 10pm local time, with tickets on sale in January.",
    ),
    "2026-06-01-invented-monaco": (
        "date 2026-06-01 Orsolo takes Monaco pole for the Zephyr series",
        "Pietro Orsolo took pole for the Zephyr race at Monaco by a tenth on Saturday.",
        "Orsolo goes into Sunday's race, which starts at 3pm local time, two points behind "
        "the leader Henrik Sand.",
    ),
    "2026-10-05-invented-varnell": (
        "date 2026-10-05 Varnell Cup confirms its 2032 calendar with two new rounds",
        "The Varnell Cup will race 16 times in 2032, its organisers said on Monday.",
        "Three of the weekends will have a sprint race on Saturday: Brenmoor, Caddow and "
        "Fellhurst.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("places"), stories)


async def test_a_story_of_many_places_answers_only_with_the_place_asked(
    engine: AnswerEngine,
) -> None:
    """The calendar is newer and its night race starts at 10pm: not Monaco's start."""
    shown = await ask(engine, "what time does the monaco race start")
    assert "3pm local time" in shown
    assert "10pm" not in shown


async def test_the_place_named_in_the_story_of_many_places_answers(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "what time does the las vegas race start")
    assert "10pm local time" in shown


def _paragraph(slug: str, headline: str, text: str) -> Passage:
    return Passage(text, 1, Source(slug, headline, date(2026, 6, 1)))


def test_a_headline_about_the_place_asked_is_no_story_of_many_places() -> None:
    """Eight places named in the story; its headline names the place asked (and one more)
    only in the report, and four in the calendar."""
    text = (
        "Monza, Mugello, Imola, Misano, Silverstone, Spa, Suzuka and Interlagos were all mentioned."
    )
    monaco = place_book().forms("monaco")
    report = _paragraph("report", "Orsolo takes Monaco pole", text)
    calendar = _paragraph("calendar", "Las Vegas in, Monaco and Imola swap, Spa out", text)
    assert len(_places_in(text)) >= 8
    assert _crowded_stories([report, calendar], monaco) == frozenset({"calendar"})


async def test_a_few_stories_keep_a_paragraph_by_the_stems_of_the_words(
    engine: AnswerEngine,
) -> None:
    """ "sprints" is no substring of "a sprint race"; their stems are the same."""
    shown = await ask(engine, "which tracks have sprints in 2032")
    assert "Brenmoor, Caddow and Fellhurst" in shown
