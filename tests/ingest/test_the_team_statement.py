""" "The team said in a statement": the one team the narration has speaking, labelled."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people


def labelled(paragraphs: list[str]) -> list[tuple[str | None, str | None]]:
    """(speaker, label) of every quote, in order."""
    quotes = extract_quotes(paragraphs, discover_people(paragraphs), published=date(2026, 7, 1))
    return [(q.speaker, q.label) for q in quotes]


def test_the_team_is_the_team_the_narration_has_speaking() -> None:
    """A team named saying something, then "the team said in a statement": its statement."""
    got = labelled(
        [
            "Tom Ardley will miss the next race with a broken wrist, Meyer Shank Racing said.",
            '"Tom is in good spirits," the team said in a statement.',
        ]
    )
    assert got == [(None, "Meyer Shank Racing")]


def test_the_team_with_two_teams_speaking_is_nobody_known() -> None:
    """Two teams have spoken: "the team" could be either, so no label is guessed."""
    got = labelled(
        [
            "Meyer Shank Racing said Tom Ardley will miss the race. Arrow McLaren said "
            "Pat Doyle will race.",
            '"Tom is in good spirits," the team said in a statement.',
        ]
    )
    assert got == [(None, None)]


def test_the_team_is_the_team_the_paragraph_opens_with() -> None:
    """No team has said anything yet: "Williams were furious. '...,' the team said in a
    statement" is Williams's statement, the team the paragraph's sentence opens with."""
    got = labelled(
        [
            "Williams were furious after the race. "
            '"Our driver did nothing wrong," the team said in a statement on Monday.'
        ]
    )
    assert got == [(None, "Williams")]


def test_the_team_after_two_teams_opening_a_sentence_is_nobody_known() -> None:
    """ "Williams and Haas both protested": either could be "the team", so no label."""
    got = labelled(
        [
            "Williams and Haas both protested after the race. "
            '"Our driver did nothing wrong," the team said in a statement on Monday.'
        ]
    )
    assert got == [(None, None)]
