"""A why told in other words, on invented text: "why did rask let lund through" meets no
sentence with "through", and the nearest, "... asked him to let the Dane by on the last lap,
because Lund was closer to the car ahead", is the answer; a cause naming the two the other way
round, a sentence with no cause written out, or a yes/no question is not answered by it.

The nearest-sentence check (``answers_its_kind``) never judges a "why" (its kind is the
passages'), so on main these sentences stay under a denial whenever the passages miss them:
``gives_the_why`` is that check for the why shape."""

from __future__ import annotations

from datetime import date

from bot.answers.records import Found
from bot.answers.router._nearest import answers_its_kind
from bot.answers.router._why_nearest import gives_the_why
from bot.models import Source

SOURCE = Source(
    "invented", "Rask v Lund: how Halden's drivers compare after 22 rounds", date(2031, 11, 20), 5
)
LET_BY = Found(
    "Jonas Rask was running tenth with Pia Lund behind him when the team asked him to let "
    "the Dane by on the last lap, because Lund was closer to the car ahead and on newer tyres.",
    SOURCE,
)
PEOPLE = [{"rask", "jonas rask"}, {"lund", "pia lund"}]
GROUPS = [("let",), ("through",)]
ASKED = "why did rask let lund through"


def test_a_cause_after_the_act_answers_the_why() -> None:
    """ "let X through" is "let the Dane by", and "because ..." is the why."""
    assert not answers_its_kind(
        LET_BY, kinds={"why"}, groups=GROUPS, need=None, yes_no=False, people=PEOPLE, places=[]
    )
    assert gives_the_why(
        LET_BY, kinds={"why"}, groups=GROUPS, people=PEOPLE, asked=ASKED, yes_no=False
    )


def test_the_other_way_round_or_no_cause_is_no_answer() -> None:
    """Who let whom by matters; a sentence with no cause written out, or a yes/no question,
    is never answered by this."""
    assert not gives_the_why(
        LET_BY,
        kinds={"why"},
        groups=GROUPS,
        people=list(reversed(PEOPLE)),
        asked="why did lund let rask through",
        yes_no=False,
    )
    plain = Found("Jonas Rask let Pia Lund by on the last lap and finished eleventh.", SOURCE)
    assert not gives_the_why(
        plain, kinds={"why"}, groups=GROUPS, people=PEOPLE, asked=ASKED, yes_no=False
    )
    assert not gives_the_why(
        LET_BY, kinds={"why"}, groups=GROUPS, people=PEOPLE, asked=ASKED, yes_no=True
    )
