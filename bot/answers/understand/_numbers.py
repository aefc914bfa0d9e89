"""Numbers in a question: years, laps, turns, hours, stages, heats and sessions as fans write
them (in digits or words), positions, cars by their number and the units a figure counts.

Patterns and small helpers only; :func:`bot.answers.understand.read` applies them.
"""

from __future__ import annotations

import re

from bot.answers.text import wordset

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-9]\d)\b")
_LAST_YEAR = re.compile(r"\s*\b(?:last\s+(?:year|season)|a\s+year\s+ago)\b")
#: "this year", "this season": the stories as they stand, newest first; no word a sentence
#: must hold ("Toyota won the 24 Hours of Le Mans on Sunday" says no "year").
_THIS_YEAR = re.compile(r"\s*\b(?:this|the\s+current)\s+(?:year|season)(?:['’]s)?\b")
_LAP = re.compile(r"\blap\s*(?:no\.?|number|#)?\s*(\d{1,3})\b|\b(\d{1,3})(?:st|nd|rd|th)\s+lap\b")
_FIRST_LAP = re.compile(r"\b(?:first|opening)\s+lap\b")
#: Numbers fans write as words, cardinal and ordinal: "lap twelve", "the twelfth lap".
_NUMBER_NAMES = (
    "",
    "one first",
    "two second",
    "three third",
    "four fourth",
    "five fifth",
    "six sixth",
    "seven seventh",
    "eight eighth",
    "nine ninth",
    "ten tenth",
    "eleven eleventh",
    "twelve twelfth",
    "thirteen thirteenth",
    "fourteen fourteenth",
    "fifteen fifteenth",
    "sixteen sixteenth",
    "seventeen seventeenth",
    "eighteen eighteenth",
    "nineteen nineteenth",
    "twenty twentieth",
)
_NUMBER_WORDS = {w: n for n, words in enumerate(_NUMBER_NAMES) for w in words.split()} | {
    "thirty": 30, "thirtieth": 30, "forty": 40, "fortieth": 40, "fifty": 50, "fiftieth": 50,
}  # fmt: skip
#: Ordinal words by number, 1 to 20 ("twelfth"): how reports write a lap, an hour, a stage.
ORDINAL_WORDS = {n: words.split()[1] for n, words in enumerate(_NUMBER_NAMES) if words}
#: Cardinal words by number, 1 to 20 ("seven"): how a report writes a small number a fan
#: types as a figure ("the number one plate" for "the number 1").
CARDINAL_WORDS = {n: words.split()[0] for n, words in enumerate(_NUMBER_NAMES) if words}
_WORD_LAP = re.compile(
    rf"\blap\s+({'|'.join(_NUMBER_WORDS)})\b|\b({'|'.join(_NUMBER_WORDS)})\s+lap\b"
)  # fmt: skip
_TURN = re.compile(r"\b(?:turn|t)\s*(\d{1,2})\b")
#: A turn as fans shorten it, one token ("t1"): the corner asked, never a word to find.
_TURN_SHORT = re.compile(r"t\d{1,2}")
#: An hour of an endurance race, as fans write it ("hour 17", "the 17th hour"); the word
#: forms ("the seventeenth hour") are made digits first.
_HOUR = re.compile(r"\bhour\s*(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)\s+hour\b")
#: A rally's special stage: "ss14", "ss 14", "stage 14", "special stage 14", "the 14th stage".
_STAGE = re.compile(
    r"\b(?:ss|special\s+stage|stage)\s*(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)\s+stage\b"
)
_POWER_STAGE = re.compile(r"\bpower\s*stage\b")
#: One race of a meeting that runs several ("race two" of a BTCC triple-header, "race 1"
#: of a WorldSBK weekend): read as a part of the event, the way a stage is.
_HEAT = re.compile(r"\brace\s*([1-4])\b(?!\s*(?:laps?|points|th|st|nd|rd)\b)")
_WORD_HEAT = re.compile(r"\brace\s+(one|two|three|four)\b")
#: "hour seventeen", "the ninth hour", "stage two": as digits, the way they are read.
_WORD_UNIT = re.compile(
    rf"\b(hour|stage)\s+({'|'.join(_NUMBER_WORDS)})\b|\b({'|'.join(_NUMBER_WORDS)})\s+(hour|stage)\b"
)  # fmt: skip
#: The sessions of a race weekend as fans name them -> one name each. Q1/Q2/Q3 are the
#: parts of qualifying; "quali" is fans' word for it, never a place.
SESSIONS: dict[str, str] = {
    "q1": "q1", "q2": "q2", "q3": "q3", "quali": "qualifying", "qualy": "qualifying",
    "qualifying": "qualifying", "sprint": "sprint", "shootout": "shootout",
    "practice": "practice", "fp1": "fp1", "fp2": "fp2", "fp3": "fp3", "warmup": "warmup",
}  # fmt: skip


#: "3rd", "p3", "2nd place": the position as reports write it ("third"); "the 32nd lap" stays.
_ORDINAL = re.compile(r"\b(?:p([2-9]|10)|([1-9]|10)(?:st|nd|rd|th))\b(?!\s+(?:lap|hour|stage)\b)")


#: Units a figure counts ("a 25 lap limit", "a 5-second penalty"): the figure with its unit
#: is content a sentence must give, where a bare number is none.
COUNTED_UNITS = wordset(
    "lap laps second seconds sec secs minute minutes point points place places position "
    "positions km kilometres kilometers mile miles kph mph stop stops"
)


def counted(tokens: list[str], i: int) -> bool:
    """Whether the number at ``i`` counts a unit that follows it ("25 lap", "5 second")."""
    return i + 1 < len(tokens) and tokens[i + 1] in COUNTED_UNITS


#: A car asked about by its number: "#45", "no 45", "number 45", "car 45" ...
_CAR_SAID = re.compile(
    r"(?:#|\bno\.?\s*|\bnumber\s+|\bcar\s+(?:no\.?\s*|number\s+|#)?)(\d{1,3})\b", re.I
)
#: ... "the 45 car" ...
_CAR_AFTER = re.compile(r"\b(\d{1,3})\s+(car|entry)\b", re.I)
#: ... and "the 45" alone, a number no unit follows ("the 12 laps", "the 24 hours" are not cars).
_THE_NUMBER = re.compile(
    r"\bthe\s+(\d{1,2})\b(?![-:%.,]?\d|\s*(?:laps?|points?|pts|hours?|h|seconds?|secs?|s|"
    r"minutes?|mins?|years?|races?|rounds?|stages?|drivers?|riders?|teams?|st|nd|rd|th|"
    r"percent|%|km|miles?|mph|kph|places?|positions?|spots?|cars?|entries|of)\b)",
    re.I,
)


def car_numbers(text: str) -> str:
    """Cars written the way fans write them ("the 45", "#45", "45 car", "car 45") as the
    articles' people carry them: "No. 45" (the alias ingest gives a car's driver)."""
    text = _CAR_SAID.sub(r"No. \1", text)
    text = _CAR_AFTER.sub(r"No. \1 \2", text)
    return _THE_NUMBER.sub(r"the No. \1", text)
