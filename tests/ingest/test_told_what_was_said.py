"""A set-off clause that reports what someone else said ("told what Delacroix had said") is
the object of "told": the quotation after it is the sentence subject's, never the named one's."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people

PARAGRAPHS = [
    "Jonas Delacroix and Ryan Rourke collided at the hairpin on lap 12, and both were out.",
    '"He closed the door on a car that was already alongside," Delacroix said.',
    "Rourke, told what Delacroix had said, replied that the veteran "
    '"should look at the onboard footage before he complains".',
]


def test_the_quote_after_told_what_x_had_said_is_not_xs() -> None:
    quotes = extract_quotes(PARAGRAPHS, discover_people(PARAGRAPHS), published=date(2026, 6, 1))
    said = {q.text.rstrip(","): q.speaker for q in quotes}
    assert said["He closed the door on a car that was already alongside"] == "Jonas Delacroix"
    assert said["should look at the onboard footage before he complains"] == "Ryan Rourke"
