"""A why told in other words: the nearest sentence writes the cause out ("because ...").

"why did checo let bottas through at zandvoort" meets no sentence holding its words ("through"
is the fan's; the report says "asked him to let the Finn by"), so the passages deny it and show
the nearest sentence, which is the answer: "Perez was running tenth with Bottas behind him ...
when the team asked him to let the Finn by on the final lap, because Bottas was closer to
Fernando Alonso ...". A nearest sentence answers a "why" when it writes a cause out
("because", "so that", "the reason") after naming everyone asked, in the question's order,
and tells the act asked: its words, or for "let X through" a "let X by/past/through".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.answers.passages import stem, stems
from bot.answers.records import Found
from bot.answers.text import normalise

__all__ = ["gives_the_why"]

#: A cause written out in a sentence.
_CAUSE = re.compile(r"\bbecause\b|\bso\s+that\b|\bthe\s+reason\b", re.IGNORECASE)
#: "let X through", "let him by", "let the Finn past": a driver giving up a place.
_LET_BY = re.compile(r"\blet\s+(?:\S+\s+){0,3}?(?:through|by|past)\b", re.IGNORECASE)
#: The question's words "let X through" asks with, which the report may word otherwise.
_LET_WORDS = frozenset({"let", "through", "by", "past"})


def gives_the_why(
    found: Found,
    *,
    kinds: set[str],
    groups: Sequence[Sequence[str]],
    people: Sequence[Iterable[str]],
    asked: str,
    yes_no: bool,
) -> bool:
    """Whether the nearest sentence ``found`` answers a "why" question after all: a cause
    written out after the act, which names everyone asked (``people``: each one's folded
    forms) in order and tells the act (every group's word, or "let X by" for "let X
    through")."""
    text = found.text
    if "why" not in kinds or yes_no or found.quoted or "?" in text or not people:
        return False
    cause = _CAUSE.search(text)
    if cause is None:
        return False
    act = f" {normalise(text[: cause.start()])} "
    at: list[int] = []
    for forms in people:
        spots = [i for f in forms if (i := act.find(f" {normalise(f)} ")) >= 0]
        if not spots:
            return False
        at.append(min(spots))
    if at != sorted(at):
        return False
    let_by = _LET_BY.search(asked) is not None
    if let_by and not _LET_BY.search(text[: cause.start()]):
        return False
    own = stems(text[: cause.start()])
    for group in groups:
        if let_by and set(group) <= _LET_WORDS:
            continue
        if not any(stem(w) in own for w in group):
            return False
    return True
