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

A quotation is the answer on the same terms when the question wants a figure of a shape of
its own (a sum of money, a time of day, a speed, a lap time) and the quotation gives it ("how
much is the cost cap this year": a team principal's "The cap is $215 million this year",
shown as his words with his name); its speaker stands for himself ("I", "we"). A bare number
("Five places is a lot, but ... you pay" for "how much is X paying him") is no such figure, and
a yes/no question is never answered by someone's quotation here: whose word it is matters
there (``_yes_no``).

"Plainly about what was asked" is read as a careful reader reads it. A report words the
question's verb its own way: "when did the team bring the new wing" is met by "a rear wing,
introduced at the Spanish Grand Prix", "what changed at turn 9" by "the kerb at Turn 9 has
been replaced by gravel", "how often did X score" by "scored points in eight races" (the
verb's family, ``_FAMILIES``). A race is a time ("at the Spanish Grand Prix" answers when),
and "how fast" wants a speed with its unit ("347 km/h"), which then stands for the words
"fast" and "speed". A question with no kind of its own ("what changed at turn 9") is
answered only by a sentence naming every word, turn and person asked itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.answers.passages import _FILLERS, stem, words_of
from bot.answers.records import Found
from bot.answers.router._needs import (
    _CLOCK_TEXT,
    _DATE,
    _LAP_TIME_TEXT,
    _MONEY_TEXT,
    _RACE_TIME,
    _SPEED_ASKED,
    _SPEED_TEXT,
    LAP_TIME_WORDS,
)
from bot.answers.text import normalise

__all__ = ["answers_its_kind"]

#: A place written after "in"/"at" ("born in Emmerich", "at the Circuito de Monteblanco").
_PLACE_TEXT = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?[A-Z][\w'-]+")
#: Kinds whose answer has a shape of its own that this check does not read (why, who, the
#: standings, a finishing place): the passages' own cues decide those.
_OTHER_KINDS = frozenset({"why", "blame", "criticise", "defend", "thank", "points", "finish",
                          "won", "next", "start", "react", "nickname", "lap", "unit"})  # fmt: skip
#: The shapes a quotation may answer with: a figure with its own unit or form ("$215
#: million", "10am", "347 km/h", "1:15.918"). A bare number in someone's words ("Five places is
#: a lot") is too loose to stand for the figure asked.
_QUOTABLE = frozenset({_MONEY_TEXT, _CLOCK_TEXT, _SPEED_TEXT, _LAP_TIME_TEXT})
#: The words a speed question uses only to ask for the speed, which the figure answers.
_SPEED_WORDS = frozenset({"fast", "quick", "speed", "speeds"})
#: Words that stand for one act however a report words it: a question's verb ("bring",
#: "change", "score", "aim") is met by the report's ("introduced", "replaced", "scored
#: points", "target"); "new" is said by the act of bringing or changing. Read only to judge
#: the nearest sentence: the passages' search keeps its own words.
_FAMILIES: tuple[frozenset[str], ...] = tuple(
    frozenset(stem(w) for w in family.split())
    for family in (
        "change changed changes changing replace replaced replacement new moved removed "
        "added introduced altered modified updated swapped rewrote rewritten different",
        "bring brings brought introduce introduced introduces debut debuted arrive arrived "
        "arrives fitted added new upgrade",
        "score scored scores scoring points",
        "aim aims aiming aimed target targets goal goals",
    )
)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in words_of(normalise(text))}


def _covered(group: Sequence[str], own: set[str], folded: str) -> bool:
    """One of the group's words (by stem, or its act's family) or phrases (in ``folded``,
    the normalised text padded with spaces) is in the text."""
    for word in group:
        parts = words_of(word)
        if len(parts) > 1:
            if f" {' '.join(parts)} " in folded:
                return True
        elif parts:
            found = stem(parts[0])
            if found in own or any(found in f and f & own for f in _FAMILIES):
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
    turn: int | None = None,
    asked: str = "",
) -> bool:
    """Whether the nearest sentence ``found`` answers the question after all.

    ``need`` is the shape the question's kind wants (a date for "when", a clock time for
    "what time", a number for "how many"), read as the passages read it; "where" wants a
    place, a yes/no question a statement of its own. ``people`` are each person's folded name
    forms: all must be in the sentence, in the question's order (who did what to whom).
    ``places`` (each place's names) and the groups of the question's words must each be in
    the sentence or its story's headline, and at least one in the sentence; for a yes/no
    question, all in the sentence. ``turn`` is a turn the
    question names, which the sentence must name; ``asked`` the question's folded text.
    A question of no kind (no shape wanted) is answered only by a sentence holding every
    group, place and person itself, as for a yes/no question.
    """
    text = found.text
    if "?" in text or kinds & _OTHER_KINDS:
        return False
    if found.quoted and (yes_no or need not in _QUOTABLE):
        return False  # a quotation answers only a sum, a time of day, a speed, a lap time
    folded = text.casefold()
    speed = _SPEED_ASKED.search(asked) is not None
    if speed and not _SPEED_TEXT.search(folded):
        return False  # "how fast was X": "at 347 km/h", not "the fastest man"
    if speed:
        groups = [g for g in groups if not _SPEED_WORDS & set(g)]
    # A fan's filler ("how big are the new engines gonna be") is no word of what is asked:
    # no report writes it, as the passages' search knows (it drops them too).
    groups = [g for g in groups if not set(g) <= _FILLERS]
    if need is _LAP_TIME_TEXT:
        groups = [g for g in groups if not LAP_TIME_WORDS & set(g)]
    # A question of no kind ("what changed at turn 9") wants a sentence naming it all; a
    # kind of its own with no shape here ("who crashed") is the passages' to judge.
    whole = need is None and not kinds and not yes_no and not speed
    if need is None and kinds and not kinds & {"when", "where"} and not yes_no and not speed:
        return False
    if need is not None and not need.search(folded):
        return False
    if "when" in kinds and not (
        _DATE.search(folded) or _CLOCK_TEXT.search(folded) or _RACE_TIME.search(folded)
    ):
        return False  # "when was X born": the date (or the race), not only "born"
    if "where" in kinds and not _PLACE_TEXT.search(text):
        return False
    if turn is not None and not re.search(rf"\b(?:turn|t)\s*{turn}\b", folded):
        return False  # "what changed at turn 9": Turn 9's sentence, not the circuit's
    padded = f" {normalise(text)} "
    speaker = f" {normalise(found.speaker)} " if found.quoted and found.speaker else ""
    at: list[int] = []
    for forms in people:
        spots = [i for f in forms if (i := padded.find(f" {normalise(f)} ")) >= 0]
        if not spots and any(f" {normalise(f)} " in speaker for f in forms):
            spots = [-1]  # the speaker's own words ("I", "we") are about them
        if not spots:
            return False
        at.append(min(spots))
    if at != sorted(at):
        return False  # "when did Pell pass Harlow" is not "Harlow passed Pell"
    head = f" {normalise(found.source.headline)} "
    own, heading = _stems(text), _stems(found.source.headline)
    wanted = [*groups, *places]
    if not wanted and not people:
        return False
    in_sentence = [_covered(g, own, padded) for g in wanted]
    if whole:
        return bool(groups) and all(in_sentence)
    if yes_no:
        return all(in_sentence)
    if not all(s or _covered(g, heading, head) for s, g in zip(in_sentence, wanted, strict=True)):
        return False
    return any(in_sentence) or not wanted
