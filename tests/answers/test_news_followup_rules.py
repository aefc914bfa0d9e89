"""A news follow-up, told under short sub-headings, on an invented story (a team drops its
protest against a driver's penalty): whose reported words follow another clause's "said",
a "Why ..." title answering the fan's why, a "when would" whose condition restates the event,
where someone was when they spoke, a blame the asked one voices in his own words, and a
quotation's later sentence shown as the quotation it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-06-12-invented-protest-dropped": (
        "date 2031-06-12 Vantor drops Kessling protest, so his ten-second penalty stays",
        "Vantor Racing has dropped its protest against Rolf Kessling's ten-second penalty "
        "from the Ostmark Grand Prix, the team confirmed on Thursday.",
        "The team has also given up on asking the stewards for a right of review.",
        "The stewards had found Kessling to blame for the lap-30 tangle that cost Piet "
        "Andersen a podium.",
        "Why Vantor gave up",
        'Tomas Brill, the team principal, said the data had not backed the driver. "We '
        'looked at every frame. We simply could not show the stewards were wrong," he said.',
        "Asked whether the decision was linked to the choice of Kessling's team-mate for "
        '2032, which Vantor has said it will name in August, Brill said it was "a separate '
        'matter entirely".',
        "Kessling's message",
        'Kessling posted a short message on his own channel. "I asked them to let it go. I '
        'got the braking wrong and I owe Piet a podium," he wrote.',
        "Andersen, speaking at a charity dinner in Lisbon on Wednesday, welcomed the news. "
        'Asked whether he still held Kessling responsible, Andersen said it had been "a '
        'rookie error, nothing more".',
        "Four more points would bring a one-race ban, to be served at the first race of 2032 "
        "in Sakhir, Kessling said.",
        "Kessling will start Sunday's Brenner Grand Prix ten seconds down on the leader's "
        "pace in the team's own estimate. For him, qualifying in Brenner turns into damage "
        "limitation: qualifying fifth there would put him tenth.",
        'Not everyone was impressed. Jan Moravec said Vantor had "kicked up a fuss for a '
        'whole week to end up where everyone expected".',
    ),
    "2031-06-09-invented-penalty-given": (
        "date 2031-06-09 Kessling handed ten-second penalty after Ostmark tangle",
        "Rolf Kessling was given a ten-second penalty for the lap-30 tangle at Ostmark, "
        "where he had qualified seventh.",
        "Vantor Racing will go for a right of review before the end of the week, and may "
        "also protest.",
    ),
    "2031-06-11-invented-paddock-talk": (
        "date 2031-06-11 Paddock talk: the Ostmark week",
        "Hosts Lena Voss and Ari Mendel went through the week in the paddock.",
        'Voss asked about the rest of the grid, then turned to Mendel. "And the protest?" '
        "she said.",
        '"Everyone in the paddock has an opinion on it," Mendel said.',
        '"Vantor will make a fuss over the protest, then drop it for nothing," Mendel said.',
    ),
    "2031-06-14-invented-radio-row": (
        "date 2031-06-14 Radio row at Vantor after Ostmark",
        "Rolf Kessling and Tomas Brill were heard arguing on the team radio after the race.",
        '"Brill blamed the brakes for the tangle, not me. I just drove the car," said Rolf '
        "Kessling.",
        '"I blame the tyres for that, not the team," said Piet Andersen.',
    ),
    "2031-04-20-invented-first-win": (
        "date 2031-04-20 Kessling's long wait ends at Tarvik",
        "Rolf Kessling won the Tarvik Grand Prix on Sunday, his first win in five seasons.",
        "Piet Andersen was second and Lena Voss third.",
    ),
    "2031-06-28-invented-second-win": (
        "date 2031-06-28 Kessling wins again at Lomond",
        "Rolf Kessling won the Lomond Grand Prix from pole on Sunday.",
        "Piet Andersen crashed into Lena Voss at Turn 1 and was given a penalty.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("followup"), stories)


async def test_reported_words_after_another_clauses_said_are_the_named_speakers(
    engine: AnswerEngine,
) -> None:
    """'..., which Vantor has said it will name in August, Brill said it was "..."': the
    words are Brill's, whose own "said" follows his name, not the relative clause's."""
    shown = await ask(engine, "what did brill say about the team-mate choice")
    assert "a separate matter entirely" in shown
    assert "don't say" not in shown


async def test_a_why_title_answers_the_fans_why(engine: AnswerEngine) -> None:
    """ "Why Vantor gave up" heads the reasons for the headline's event ("drops ...
    protest"), which a fan asks in words of their own ("withdraw")."""
    shown = await ask(engine, "why did vantor withdraw kesslings protest")
    assert "could not show the stewards were wrong" in shown or "not backed the driver" in shown


async def test_when_would_with_a_condition_is_the_time_told(engine: AnswerEngine) -> None:
    """ "if he gets one" restates the ban: the sentence giving its time need not hold it."""
    shown = await ask(engine, "when would kessling serve a ban if he gets one")
    assert "first race of 2032" in shown.split("\n(")[0]
    assert "don't say" not in shown


async def test_where_someone_was_when_he_spoke(engine: AnswerEngine) -> None:
    """The place of a remark is told beside its speaker ("speaking at a charity dinner in
    Lisbon"), not beside the topic the fan names."""
    shown = await ask(engine, "where was andersen when he talked about the protest")
    assert "Lisbon" in shown
    assert "don't say" not in shown


async def test_a_blame_voiced_by_the_one_asked_is_his(engine: AnswerEngine) -> None:
    """'Asked whether he still held Kessling responsible, Andersen said it had been "..."':
    Andersen's own words tell his blame, though the sentence names Kessling with the cue."""
    shown = await ask(engine, "does andersen still blame kessling")
    assert "a rookie error, nothing more" in shown


async def test_a_short_quote_holding_two_words_is_not_the_phrase(engine: AnswerEngine) -> None:
    """A host's "And the protest?" holds two of a long remembered phrase's words and every
    word of its own: it is not who said "vantor kicked up a fuss for nothing over the
    protest", which Moravec's reported words tell."""
    shown = await ask(engine, "who said vantor kicked up a fuss for nothing over the protest")
    assert "Moravec" in shown
    assert "Lena Voss" not in shown


async def test_how_it_ended_is_the_newest_storys(engine: AnswerEngine) -> None:
    """ "did vantor go for a right of review in the end": the follow-up tells the end (they
    gave it up), not the older story's "looking at" it."""
    shown = await ask(engine, "did vantor go for a right of review in the end")
    assert "given up" in shown.split("\n(")[0]


async def test_where_someone_qualified_is_a_place_they_took(engine: AnswerEngine) -> None:
    """ "where did X qualify" is answered by the place they qualified in ("had qualified
    seventh"); a race still ahead, whose story only sums what qualifying would bring, has
    none: the articles don't say."""
    shown = await ask(engine, "where did kessling qualify at ostmark")
    assert "qualified seventh" in shown
    shown = await ask(engine, "where did kessling qualify in brenner")
    assert shown.startswith("The articles don't say"), shown


async def test_a_paraphrase_is_of_the_words_it_keeps_in_order(engine: AnswerEngine) -> None:
    """ "kicked up a fuss for" kept word for word tells Moravec's sentence, over Mendel's that
    holds more of the paraphrase's words one by one ("fuss", "protest", "nothing")."""
    shown = await ask(engine, "who said vantor kicked up a fuss for nothing over the protest")
    assert "Moravec" in shown.split("\n(")[0]


async def test_a_quotations_later_sentence_keeps_its_opening_mark(engine: AnswerEngine) -> None:
    """'"I asked them to let it go. I got the braking wrong ...," he wrote.' cut into two:
    the second sentence, shown alone, still opens with the quotation's mark."""
    shown = await ask(engine, "did kessling admit he got the braking wrong")
    assert "I got the braking wrong" in shown
    for line in shown.splitlines():
        if "I got the braking wrong" in line and "he wrote" in line:
            assert line.lstrip()[:1] in '"“', line


async def test_a_quote_naming_another_as_the_doer_is_no_yes(engine: AnswerEngine) -> None:
    """'"Brill blamed the brakes for the tangle, not me," said Kessling': the quote is
    Kessling's, but the blame in it is Brill's (and "not me" denies his own); a first-person
    "I blame the tyres" is still the speaker's own."""
    shown = await ask(engine, "did kessling blame the brakes")
    assert "Brill blamed the brakes" not in shown.split("\n(")[0]
    shown = await ask(engine, "did andersen blame the tyres")
    assert "I blame the tyres" in shown.split("\n(")[0]


async def test_finally_is_at_last_not_the_newest_story(engine: AnswerEngine) -> None:
    """ "did kessling finally win" asks for the long-awaited win ("his first win in five
    seasons"), not the newest story's later one."""
    shown = await ask(engine, "did kessling finally win")
    assert "Tarvik" in shown.split("\n(")[0]
    assert "Lomond" not in shown.split("\n(")[0]
    shown = await ask(engine, "where did kessling finally win")
    assert "Lena Voss" not in shown.split("\n(")[0]
