"""Which story answers, among several about the same people: the cue the question gives and
only one story meets picks it, over an older or a busier story that names them as well.

Invented stories: a strategy piece on the race where Vantor ran Harlow on three stops, a
later report where Harlow and the Vantor team fall out, and a newer report of a weekend
Harlow took no part in; and a preview of another series' weekend, where Martin returns.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

CRASH = (
    "date 2026-09-27 Harlow blames Vantor after crash at Dunmere",
    "Ada Harlow crashed out of the Dunmere Grand Prix on lap 12 and blamed her Vantor team "
    "for a loose wheel.",
    "Vantor boss Piet Grell said the team had made a mistake and apologised to Harlow.",
    "Harlow said the Vantor car had been difficult all weekend because of its brakes.",
)
STRATEGY = (
    "date 2026-09-20 Strategy: how Vantor won at Keswall on three stops",
    "Vantor called Harlow in three times at Keswall, and the team said the soft tyre had been "
    "worth half a second a lap on the fresh asphalt.",
    "Grell said the call was made on Friday night after the long runs.",
    "Rival teams ran one stop and lost out once the track cooled.",
)
OTHER = (
    "date 2026-10-04 Okafor wins at Brenmoor as rain arrives late",
    "Tom Okafor won the Brenmoor Grand Prix on Sunday, 3.2 seconds ahead of Jon Larsen.",
    "Larsen said the rain came too late to change anything for his Aston Martin.",
)


PREVIEW = (
    "date 2026-09-30 Martin returns at Corvale after his shoulder injury",
    "Rui Martin is back on the bike at Corvale this weekend, six weeks after breaking his "
    "shoulder in a practice fall.",
    "Martin's target is a place in the top ten on Sunday, his crew chief said.",
)
STORIES = (
    ("2026-09-27-invented-dunmere", CRASH),
    ("2026-09-20-invented-keswall-strategy", STRATEGY),
    ("2026-09-30-invented-corvale-preview", PREVIEW),
    ("2026-10-04-invented-brenmoor", OTHER),
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("story_cue"), [(slug, "\n\n".join(s)) for slug, s in STORIES]
    )


async def test_a_figure_typed_as_digits_meets_the_word_a_report_spells(
    engine: AnswerEngine,
) -> None:
    """ "3 stop" is the strategy story's "three times ... three stops": without the rule the
    figure was dropped and the newer story's Harlow-and-Vantor sentences answered."""
    shown = await ask(engine, "why did vantor 3 stop harlow")
    assert "soft tyre had been worth half a second" in shown
    assert "loose wheel" not in shown


async def test_this_weekend_of_someone_is_the_newest_story_naming_them(
    engine: AnswerEngine,
) -> None:
    """ "this weekend" is the newest story's race, but Martin is not in it: his weekend is the
    newest story naming him. Its "Aston Martin" is a team's name, which names no Martin.
    Without the rule: the newest story only (Larsen's rain), "Aston Martin" taken for him."""
    shown = await ask(engine, "whats martins target this weekend")
    assert "top ten" in shown
    assert "Larsen" not in shown


async def test_a_digit_of_another_script_is_no_figure(engine: AnswerEngine) -> None:
    """ "፩" is a digit to ``str.isdigit`` but not to ``int``: read as a figure it raised
    ValueError and the question got no answer at all. It is an ordinary word now."""
    shown = await ask(engine, "why did vantor ፩ stop harlow")
    assert shown.strip()
    assert "Traceback" not in shown
