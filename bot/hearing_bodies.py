"""The words that name a hearing body (the stewards, a panel, a tribunal, a court): one list
for ingest, which tells a body's words from a person's, and answers, which tell a body's
stored name from a person's.

Both sides read the same knowledge, so it lives here, outside either: ``bot/answers`` never
imports ``bot/ingest``'s internals for it, nor the reverse. A word added for one side counts
for the other.
"""

from __future__ import annotations

__all__ = ["BODY_NOUNS", "LOWER_CASE_BODIES"]

#: The head noun a hearing body's name ends with ("the National Motorsports Appeals Panel",
#: "the World Motor Sport Council", "the International Court of Appeal" read as its court):
#: a stored name ending in one is a body's, never a person's, whatever the words before it.
BODY_NOUNS = frozenset(
    {
        "stewards",
        "panel",
        "panels",
        "tribunal",
        "court",
        "committee",
        "commission",
        "council",
        "board",
        "jury",
    }
)

#: The bodies the press names in lower case after "the" ("the stewards", "the appeals
#: panel", "the tribunal"), the longer name before the shorter it holds. Fewer than
#: :data:`BODY_NOUNS`: "the court", "the board", "the council" in lower case are as often a
#: tennis court, a company's board or a town's council as a hearing; a capitalised run
#: ("the Court of Appeal") is found as a name anyway. Their words, capitalised, are also
#: never part of a person's name ("Stewards", "Appeals", "Panel", "Tribunal"), where a
#: capitalised "Court" or "Board" may be a surname.
LOWER_CASE_BODIES = ("stewards", "appeals panel", "panel", "tribunal")
