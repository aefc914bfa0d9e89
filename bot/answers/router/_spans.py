"""How long a moment lasted and how old someone was when something happened: two figures a
fan asks with "how long" and "how old", which a report gives in its own words.

"How long was X's pit stop", "how long was the red flag": a spell in seconds, minutes or
weeks ("took 4.8 seconds", "a five-week break", "stopped for 38 minutes"), never the laps
that "how long was the race" asks. "How old was X when he moved to Italy": an age a profile
gives as "at 13 he moved", as often as "the 13-year-old" or "aged 13", and with no word of
age ("old", "aged") in the sentence at all.
"""

from __future__ import annotations

import re

from bot.answers.router._needs import _AGE, _DURATION_TEXT

__all__ = ["age_told", "span_need", "timed_asked"]

#: "how long was X's (slow, second, pit) stop", "how long is the summer break", "how long
#: did the red flag last": a moment of a race or a season timed, not a race's laps or a
#: contract's end (those stay "count_laps" and "duration").
_TIMED_ASKED = re.compile(
    r"\bhow\s+long\s+(?:was|were|is|are|did|does|will)\b.*\b(?:stops?|stoppage|delay|"
    r"red[\s-]+flag|break|wait|hold[\s-]?up|pause|interruption)\b"
)

_NUMBER_WORD = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|few|several)"
)
#: A spell of time in a sentence: "4.8 seconds", "a 2.1s stop", "five-week break", "for 38
#: minutes", "two hours".
_SPAN_TEXT = re.compile(
    rf"\b{_NUMBER_WORD}(?:\s+|-)(?:seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|"
    r"months?)\b|\b\d+(?:\.\d+)?s\b"
)
#: A spell of time or a wait's length: the seconds of a stop, and the years, races,
#: seasons or "until 2033" a wait is told in ("had to wait 47 races", "will have to wait
#: until 2033"). What a stop's question rules out is laps, never years.
_TIMED_TEXT = re.compile(f"{_SPAN_TEXT.pattern}|{_DURATION_TEXT.pattern}")

#: "how old was X when he moved", "how old were they when ...": an age at a moment.
_AGE_WHEN = re.compile(r"\bhow\s+old\s+(?:was|were|is)\b.+\bwhen\b")
#: An age given by "at": "at 13 he moved to Italy", "at the age of 13", "aged 13", "a
#: 13-year-old"; never "at 13:00", "at 3pm", "at 13.5 seconds" or "at 13 laps to go".
_AGE_AT_TEXT = re.compile(
    rf"{_AGE.pattern}|\bat\s+(?:the\s+age\s+of\s+)?\d{{1,2}}\b(?![.:,]\d)"
    r"(?!\s*(?:laps?|points?|seconds?|minutes?|per\b|percent|%|kph|mph|km|degrees?))"
)


#: "his second stop": an ordinal "second" is the unit "seconds" by its stem, so a question
#: naming one would be met by any time in seconds ("his first stop took 1.9 seconds").
_SECOND = re.compile(r"\b(?:2nd|second)\b")


def timed_asked(low: str) -> bool:
    """Whether a folded question asks how long a moment lasted (a stop, a break, a red
    flag): a spell of time is asked, never the race's laps. Not with an ordinal "second"
    in it, which the words of any time in seconds would seem to meet."""
    return _TIMED_ASKED.search(low) is not None and _SECOND.search(low) is None


def span_need(low: str) -> re.Pattern[str] | None:
    """The figure a sentence must give for "how long was X's stop": a spell of time, in
    seconds or in years, races or "until 2033" (how long a wait or a break was), never laps;
    None for other "how long" questions (a contract's or an injury's, which name no moment)."""
    return _TIMED_TEXT if timed_asked(low) else None


def age_told(low: str, primary: str | None) -> tuple[re.Pattern[str], str | None]:
    """The need for "how old" and the kind whose cue a sentence must hold: "how old was X
    when he moved" is told "at 13 he moved", with no word of age, so the age's cue ("old",
    "aged") is not required then; "how old is X" keeps both ("the 28-year-old")."""
    if _AGE_WHEN.search(low):
        return _AGE_AT_TEXT, None if primary == "age" else primary
    return _AGE, primary
