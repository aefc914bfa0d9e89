"""Parts of a weekend or an event a question asks about, and stories told before the race.

A qualifying report tells Q1, Q2 and Q3 in sections ("Q2 ended in acrimony. Antonelli was
knocked out in 12th."), an endurance report its hours ("in the 17th hour"), a rally report
its stages ("SS14", "the Power Stage"): the sentence that answers need not repeat the part
it belongs to, so a question naming one is answered from the paragraphs that tell it.

A preview, or a qualifying report, is written before its race: it tells no winner, and
"who won" is never answered from it (nor from the race a year before it mentions).
"""

from __future__ import annotations

import re

from bot.answers.passages import split_sentences, words_of
from bot.answers.understand import ORDINAL_WORDS, Reading
from bot.models import Passage

__all__ = [
    "NUMBERED_PRACTICE",
    "PRE_RACE_KINDS",
    "Scope",
    "pre_race_kind",
    "race_told",
    "scope_asked",
    "scope_lines",
    "scope_paragraphs",
    "scope_terms",
]

#: How a report names each session (paragraph text, case folded).
_SESSION_TEXT: dict[str, str] = {
    "q1": r"\bq1\b",
    "q2": r"\bq2\b",
    "q3": r"\bq3\b",
    "sprint": r"\bsprint\b",
    "shootout": r"\bshootout\b",
    "practice": r"\b(?:practice|fp[123])\b",
    "fp1": r"\b(?:fp1|first\s+practice|practice\s+1)\b",
    "fp2": r"\b(?:fp2|second\s+practice|practice\s+2)\b",
    "fp3": r"\b(?:fp3|third\s+practice|practice\s+3)\b",
    "warmup": r"\bwarm[\s-]?up\b",
}
#: The words a report names a session by, beyond the fan's own ("fp2" is written "second
#: practice", "warmup" "warm-up"): the paragraphs to read for it hold one of them.
_SESSION_WORDS: dict[str, tuple[str, ...]] = {
    "fp1": ("practice",),
    "fp2": ("practice",),
    "fp3": ("practice",),
    "warmup": ("warm",),
}
#: The practice sessions a fan asks by number: a Friday report tells each apart, and what it
#: tells of a driver in another ("crashed in first practice") never answers for this one.
NUMBERED_PRACTICE = frozenset({"fp1", "fp2", "fp3"})
#: A paragraph naming any session (or the race itself) ends the one before it.
_ANY_SESSION = re.compile(
    r"\b(?:q[123]|sprint|shootout|fp[123]|practice|warm[\s-]?up|the\s+race|sunday['’]s\s+race)\b"
)
#: A paragraph naming a race of a meeting of several ("race three", "the third race").
_ANY_HEAT = re.compile(r"\brace\s+(?:[1-4]|one|two|three|four)\b")
#: Paragraphs after the one naming a session that still tell it, at most.
_CARRY = 3
#: Kinds a story written before its race cannot answer: the race's result.
PRE_RACE_KINDS = frozenset({"won", "finish", "did_finish", "retire"})
#: A headline about qualifying, not the race ("Norris pips Leclerc to Monaco pole").
_QUALIFYING = re.compile(r"\b(?:pole|qualifying|quali|qualifies|qualified|shootout)\b", re.I)
#: A headline that tells a race was run ("wins", "victory").
_RESULT = re.compile(r"\b(?:wins?|won|winning|victory|triumphs?|beats?|race\s+report)\b", re.I)

Scope = dict[str, set[int]]
#: A stage named by the article alone, as a stage report says its own: "won the stage".
_THE_STAGE = re.compile(r"\b(?:the|today['’]s|wednesday['’]s|the\s+day['’]s)\s+(?:stage|special)\b")
#: A stage named by its number ("stage 11", "SS4"): another stage than the report's own.
_OTHER_STAGE = re.compile(r"\b(?:[Ss]tage|SS)\s?\d+\b")


def scope_asked(reading: Reading) -> bool:
    """Whether the question names an hour, a stage or a session (qualifying as a whole
    aside: a qualifying report is all about it)."""
    return (
        reading.hour is not None
        or reading.stage is not None
        or reading.power_stage
        or reading.heat is not None
        or (reading.session is not None and reading.session in _SESSION_TEXT)
    )


def _unit_pattern(reading: Reading) -> re.Pattern[str] | None:
    """What a paragraph naming the hour or stage asked holds."""
    if reading.hour is not None:
        n = reading.hour
        word = ORDINAL_WORDS.get(n, str(n))
        return re.compile(rf"\b(?:hour\s+{n}|{n}(?:st|nd|rd|th)\s+hour|{word}\s+hour)\b")
    if reading.stage is not None:
        n = reading.stage
        word = ORDINAL_WORDS.get(n, str(n))
        # "a second-stage win"; "Blaney won the first stage and Hamlin took the second":
        # the stage named once, its number told by the ordinal after it.
        return re.compile(
            rf"\b(?:ss\s?{n}|(?:special\s+)?stage\s+{n}|{n}(?:st|nd|rd|th)[\s-]+stage|"
            rf"{word}[\s-]+stage|stage\b[^.;]*?\bthe\s+{word}(?![\s-]+\w+\b)(?=\W))"
        )
    if reading.power_stage:
        return re.compile(r"\bpower\s?stage\b")
    return None


def _heat_pattern(reading: Reading) -> re.Pattern[str] | None:
    """What a paragraph naming the race of a meeting asked ("race two", "Race 2") holds."""
    if reading.heat is None:
        return None
    n = reading.heat
    words = {1: "one", 2: "two", 3: "three", 4: "four"}
    return re.compile(rf"\brace\s+(?:{n}|{words[n]})\b")


def scope_terms(reading: Reading) -> list[str]:
    """Words to search the paragraphs naming the part asked by (any of them)."""
    if reading.hour is not None:
        n = reading.hour
        return [f"{n}th", f"{n}st", f"{n}nd", f"{n}rd", *_ordinal_word(n), "hour"]
    if reading.stage is not None:
        n = reading.stage
        return [f"ss{n}", f"{n}th", *_ordinal_word(n), "stage"]
    if reading.power_stage:
        return ["power"]
    if reading.heat is not None:
        return ["race"]
    if reading.session is not None:
        return [*words_of(reading.session), *_SESSION_WORDS.get(reading.session, ())]
    return []


def _ordinal_word(n: int) -> list[str]:
    return [ORDINAL_WORDS[n]] if n in ORDINAL_WORDS else []


def scope_paragraphs(reading: Reading, story: list[Passage]) -> set[int]:
    """The paragraphs of one story (in order) that tell the part asked about.

    An hour or a stage: the paragraphs naming it. A session: the paragraph naming it and
    those after it until one names another session (a report's section), a few at most.
    """
    unit = _unit_pattern(reading)
    if unit is not None:
        found = {p.paragraph for p in story if unit.search(p.text.casefold())}
        if story and reading.stage is not None and story[0].paragraph in found:
            # A stage report opening on the stage asked ("after a brutal tenth stage"):
            # its "won the stage by 58 seconds" is that stage, unless another is named.
            found |= {
                p.paragraph
                for p in story
                if _THE_STAGE.search(p.text.casefold()) and not _OTHER_STAGE.search(p.text)
            }
        return found
    heat = _heat_pattern(reading)
    if heat is None and (reading.session is None or reading.session not in _SESSION_TEXT):
        return set()
    own = heat or re.compile(_SESSION_TEXT[reading.session or ""])
    # A meeting's races end one another's sections ("RACE THREE" after race two's).
    other = _ANY_HEAT if heat is not None else _ANY_SESSION
    if sections := _sections(story, own):
        return sections
    found: set[int] = set()
    carry = 0
    for p in story:
        low = p.text.casefold()
        if heat is not None and other.search(low) and not own.search(low):
            carry = 0
            continue
        if own.search(low):
            found.add(p.paragraph)
            carry = _CARRY
        elif carry and not other.search(low):
            found.add(p.paragraph)
            carry -= 1
        else:
            carry = 0
    return found


#: A subhead: a short line with no sentence in it ("RACE TWO", "Q3", "Lap 19: the order").
_SUBHEAD = re.compile(r"^[^.!?\"“”]{1,60}$")


def _sections(story: list[Passage], own: re.Pattern[str]) -> set[int]:
    """The paragraphs under the subheads naming the part asked ("RACE TWO" down to "RACE
    THREE"): a report in sections tells each part under its own head, and the lede's
    passing mention ("a collision in race two") is not where it is told."""
    found: set[int] = set()
    inside = False
    for p in story:
        text = p.text.strip()
        if _SUBHEAD.match(text) and len(text.split()) <= 6:
            inside = bool(own.search(text.casefold()))
            continue
        if inside:
            found.add(p.paragraph)
    return found


def scope_lines(reading: Reading, passage: Passage, most: int = 3) -> list[tuple[int, int]]:
    """The sentences of a scoped paragraph that tell the part asked about: from the one
    naming it on (the whole paragraph when none does), ``most`` of them."""
    spans = split_sentences(passage.text)
    unit = _unit_pattern(reading) or _heat_pattern(reading)
    if unit is None and reading.session in _SESSION_TEXT:
        unit = re.compile(_SESSION_TEXT[reading.session or ""])
    start = 0
    if unit is not None:
        start = next(
            (i for i, (a, b) in enumerate(spans) if unit.search(passage.text[a:b].casefold())), 0
        )
    return spans[start : start + most]


#: A lede that says it was written before the race ("three days before the race").
_BEFORE = re.compile(
    r"\b(?:days?|hours?|weeks?|the\s+eve)\s+(?:before|ahead\s+of)\s+(?:the|this|sunday['’]s)\s+"
    r"(?:race|grand\s+prix|gp|weekend)\b",
    re.I,
)
#: A lede that tells a race was run.
_RUN = re.compile(r"\b(?:won|wins|finished|crossed\s+the\s+line|retired|crashed)\b", re.I)


def pre_race_kind(headline: str, facts: list[tuple[str, str]], lede: str = "") -> str | None:
    """Tell "preview" or "qualifying" when a story was written before its race, else None.

    ``facts`` are the story's (key, value) facts: ingest marks a preview; a lede saying it
    was written days before the race (an interview in the paddock) is one too; a headline
    about pole or qualifying that tells no win is a qualifying report.
    """
    if any(key == "preview" for key, _ in facts):
        return "preview"
    if _BEFORE.search(lede) and not _RUN.search(lede) and not _RESULT.search(headline):
        return "preview"
    if _QUALIFYING.search(headline) and not _RESULT.search(headline):
        return "qualifying"
    return None


def race_told(headline: str, lede: str) -> bool:
    """Whether a story tells its race as run: its headline says who won ("wins",
    "victory") or its lede does ("won", "finished", "retired")."""
    return _RESULT.search(headline) is not None or _RUN.search(lede) is not None
