"""When the nearest sentence is the answer after all.

The passages deny a question when no sentence meets every word and cue it asks; they then show
the nearest sentences. Often the first of those is the answer in other words: "what time does
the Bangkok race start" is met by "the race would be held at night, with the start at 8pm local
time" in the Bangkok story, "when does X first drive the car" by "X will drive the car for the
first time ... on December 15". A denial above the answer misleads the fan, so the sentence is
shown as the answer when it has the shape the question's kind wants (a time, a date, a place,
a number, a statement for a yes/no question) and is plainly about what was asked: everyone the
question names, every place, and each of its words in the sentence or the story's headline.
Anything less keeps the denial: a date for another driver's test is no answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.answers.passages import stem, words_of
from bot.answers.records import Found
from bot.answers.router._reading import _CLOCK_TEXT, _DATE
from bot.answers.text import normalise

__all__ = ["answers_its_kind"]

#: A place written after "in"/"at" ("born in Emmerich", "at the Circuito de Monteblanco").
_PLACE_TEXT = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?[A-Z][\w'-]+")
#: Kinds whose answer has a shape of its own that this check does not read (why, who, the
#: standings, a finishing place): the passages' own cues decide those.
_OTHER_KINDS = frozenset({"why", "blame", "criticise", "defend", "thank", "points", "finish",
                          "won", "next", "start", "react", "nickname", "lap", "unit"})  # fmt: skip


def _stems(text: str) -> set[str]:
    return {stem(w) for w in words_of(normalise(text))}


def _covered(group: Sequence[str], own: set[str], folded: str) -> bool:
    """One of the group's words (by stem) or phrases (in ``folded``, the normalised text
    padded with spaces) is in the text."""
    for word in group:
        parts = words_of(word)
        if len(parts) > 1:
            if f" {' '.join(parts)} " in folded:
                return True
        elif parts and stem(parts[0]) in own:
            return True
    return False


def answers_its_kind(
    found: Found,
    *,
    kinds: set[str],
    groups: Sequence[Sequence[str]],
    need: re.Pattern[str] | None,
    yes_no: bool,
    people: Sequence[Iterable[str]],
    places: Sequence[Sequence[str]],
) -> bool:
    """Whether the nearest sentence ``found`` answers the question after all.

    ``need`` is the shape the question's kind wants (a date for "when", a clock time for
    "what time", a number for "how many"), read as the passages read it; "where" wants a
    place, a yes/no question a statement of its own. ``people`` are each person's folded name
    forms: all must be in the sentence. ``places`` (each place's names) and the groups of the
    question's words must each be in the sentence or its story's headline, and at least one
    in the sentence; for a yes/no question, all in the sentence.
    """
    text = found.text
    if found.quoted or "?" in text or kinds & _OTHER_KINDS:
        return False
    folded = text.casefold()
    if need is None and not kinds & {"when", "where"} and not yes_no:
        return False
    if need is not None and not need.search(folded):
        return False
    if "when" in kinds and not (_DATE.search(folded) or _CLOCK_TEXT.search(folded)):
        return False  # "when was X born": the date, not only "born"
    if "where" in kinds and not _PLACE_TEXT.search(text):
        return False
    padded = f" {normalise(text)} "
    for forms in people:
        if not any(f" {normalise(f)} " in padded for f in forms):
            return False
    head = f" {normalise(found.source.headline)} "
    own, heading = _stems(text), _stems(found.source.headline)
    asked = [*groups, *places]
    if not asked and not people:
        return False
    in_sentence = [_covered(g, own, padded) for g in asked]
    if yes_no:
        return all(in_sentence)
    if not all(s or _covered(g, heading, head) for s, g in zip(in_sentence, asked, strict=True)):
        return False
    return any(in_sentence) or not asked
