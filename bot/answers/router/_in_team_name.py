"""A person's one-word name inside a team's name ("Martin" of "Aston Martin", "Williams" of a
driver's surname and a team) names the team there, not the person."""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.answers.passages import _mentions
from bot.answers.understand import is_team

#: The capitalised word before a name, the two read together as a team's name.
_BEFORE = re.compile(r"([A-Z][\w'’-]*)\s+$")


def names_outside_teams(text: str, forms: Collection[str]) -> bool:
    """Whether ``text`` names someone by one of ``forms`` other than as the last word of a
    team's name the register knows: "Lance Stroll's Aston Martin" does not name Jorge
    Martin, so it does not make a Monaco story his. Read only where a form is found."""
    if not _mentions(text, forms):
        return False
    for form in forms:
        if " " in form:
            if _mentions(text, {form}):
                return True
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE):
            before = _BEFORE.search(text, 0, m.start())
            team = f"{before[1]} {m[0]}".casefold() if before else ""
            if not team or not is_team(team):
                return True
    return False
