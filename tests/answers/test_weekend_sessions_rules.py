"""A Superbike weekend told session by session, asked the way fans ask: "the spr" is the
Superpole Race; "binning it" is a crash; "get past X for the lead" is the race's lead, never
the standings; a grid place taken "under the rules" is why someone started there; a headline
opening with the event's name ("WorldSBK Aragon: ...") names nobody, so "the next round
after aragon" is the round it tells."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

STORY = (
    "date 2031-09-14 WorldSBK Aragon: Dario Venn wins Race 2 as a Superpole Race clash "
    "leaves Kai Ostrander tenth on the grid",
    "Dario Venn won Sunday's second WorldSBK race at Aragon and cut Kai Ostrander's title "
    "lead to 20 points, after the leader's morning ended in the gravel.",
    "Superpole",
    "Luca Ferrante put the Kestrel Yamaha on pole on Saturday with a 1:40.118, two "
    "hundredths quicker than Ostrander.",
    "Race 1",
    "Ferrante led until lap 9, when he tucked the front at the final hairpin and slid into "
    "the gravel. Ostrander took over at the front and won from Venn and Tomas Quiroga.",
    '"I pushed too hard on a cold tyre, that one is on me," Ferrante said of his crash.',
    "Superpole Race",
    "At the first chicane Quiroga dived up the inside of Ostrander and the pair touched, "
    "sending Ostrander off the track. Ostrander rejoined last and took the flag 15th.",
    "Under the rules a rider outside the top nine of the Superpole Race takes his Race 2 "
    "grid slot from Saturday's Superpole instead, and Ostrander's was tenth.",
    '"Tomas was never going to stop in time," Ostrander said. "It was a kamikaze move."',
    "Quiroga won the Superpole Race from Venn.",
    "Race 2",
    "Venn took the lead from Quiroga at the hairpin on lap 4 and stayed clear to the flag. "
    "Ostrander recovered from tenth to fifth.",
    "Standings",
    "Ostrander leads on 402 points, 20 clear of Venn. The next round is at Portola from "
    "October 2 to 4.",
)


#: A stock car race where the lead changes hands inside a sentence ("led until X passed him").
OVAL = (
    "date 2031-10-05 Orrin Cask wins at Ridgeline after a late pass on Wade Sorrel",
    "Orrin Cask won Sunday's race at Ridgeline Speedway, his third win of the year.",
    "Wade Sorrel had the best truck for most of the night and led every lap of the second "
    "stage. After the restart on Lap 150 Sorrel led until Cask passed him on Lap 171 with "
    "a run to the inside of Turn 3.",
    "Sorrel faded to fourth on worn tires.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented weekend report and oval race, ingested through the real ingester."""
    stories = [("2031-09-14-invented", "\n\n".join(STORY)), ("2031-10-05-oval", "\n\n".join(OVAL))]
    return stories_store(tmp_path_factory.mktemp("weekend"), stories)


async def test_the_spr_is_the_superpole_race_not_a_place(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what did ostrander say about quiroga taking him out in the spr")
    assert "kamikaze move" in shown


async def test_binning_it_is_a_crash(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what did ferrante say about binning it in race 1")
    assert DENIAL not in shown
    assert "that one is on me" in shown


async def test_getting_past_for_the_lead_is_the_races_lead(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what lap did venn get past quiroga for the lead in race 2")
    assert DENIAL not in shown
    assert "lap 4" in shown
    assert "lap 9" not in shown  # Race 1's lead


async def test_a_grid_place_decided_by_a_rule_is_why(engine: AnswerEngine) -> None:
    shown = await ask(engine, "why did ostrander start race 2 from 10th")
    assert "Under the rules a rider outside the top nine" in shown


async def test_the_events_name_in_the_headline_is_nobody(engine: AnswerEngine) -> None:
    shown = await ask(engine, "when is the next wsbk round after aragon")
    assert DENIAL not in shown
    assert "October 2 to 4" in shown


async def test_getting_by_for_the_lead_is_told_by_the_clause_of_the_pass(
    engine: AnswerEngine,
) -> None:
    """ "Sorrel led until Cask passed him": Cask made the pass; the lead Sorrel held is no act
    done to Cask, the name after "until" opening a clause of its own."""
    shown = await ask(engine, "what lap did cask get by sorrel for the lead")
    assert DENIAL not in shown
    assert "Lap 171" in shown
