"""The places and series a question names: races and circuits named without "at" or "in",
places after a verb of winning, places only compared with, and series written alone or as two
words. The places themselves come from the places file (:func:`place_book`).
"""

from __future__ import annotations

from bot.answers.places import place_book
from bot.answers.text import wordset
from bot.answers.understand._words import _STOP, SERIES


def _compared(tokens: list[str], describes: bool) -> set[int]:
    """The words naming what a question compares with ("like in qatar", "unlike monza",
    "as at spa"): up to three after the comparing word, never the place asked about.
    ``describes``: the question asks what something is like, and "like" compares nothing."""
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if token == "like" and describes:
            continue
        if token not in ("like", "unlike", "than") and not (
            token == "as" and i + 1 < len(tokens) and tokens[i + 1] in ("in", "at")
        ):
            continue
        at = i + 1
        while at < len(tokens) and tokens[at] in ("in", "at", "the"):
            at += 1
        found.update(range(at, min(at + 3, len(tokens))))
    return found


def _known_place(words: list[str]) -> bool:
    """Whether the places file knows ``words`` (or one of them) as a place's name."""
    same = place_book().same
    return " ".join(words) in same or any(w in same for w in words)


def _places_named(tokens: list[str], used: set[int], places: list[str]) -> list[str]:
    """Places the question names without "at" or "in" ("who won bathurst", "monza winner"),
    as the places file knows them; words already read as a name or a place are passed over."""
    book = place_book()
    nouns = book.nouns
    if not nouns:
        return []
    have = {w for p in places for w in p.split()}
    found: list[str] = []
    taken = set(used)
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = set(range(start, start + size))
            if span & taken:
                continue
            words = tokens[start : start + size]
            key = " ".join(words)
            after = tokens[start + size] if start + size < len(tokens) else ""
            race = key in book.adjectives and after in _RACE_WORDS  # "the aussie round"
            if (key not in nouns and not race) or (size == 1 and key in _STOP):
                continue
            if set(words) <= have:
                continue
            found.append(key)
            taken |= span
    return found


_RACE_WORDS = wordset("race round weekend event")
#: Verbs whose object is a race: "who won austin", "who took monaco", "winning at sebring".
_WON = wordset("won win wins winning winner take took takes")


def _won_places(tokens: list[str]) -> set[int]:
    """Place words right after a verb of winning ("who won austin", "who won at sebring"):
    one wins a race, never a person, so a place that is also someone's name ("Austin"
    Cindric) is the place there."""
    nouns = place_book().nouns
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if token in ("winner", "winners") and i > 0 and tokens[i - 1] in nouns:
            found.add(i - 1)  # "austin winner"
        if token not in _WON:
            continue
        at = i + 1
        while at < len(tokens) and tokens[at] in ("at", "in", "the"):
            at += 1
        for size in (3, 2, 1):
            if " ".join(tokens[at : at + size]) in nouns:
                found.update(range(at, at + size))
                break
    return found


#: What may stand before "academy" when it names the F1 Academy series ("the academy race",
#: "who leads f1 academy"); any other word makes it a driver programme ("which academy",
#: "the Ferrari academy", "an Alpine academy driver").
_ACADEMY_SERIES_BEFORE = wordset("the f1 formula in at of")


def names_series(tokens: list[str], i: int) -> bool:
    """Whether the word at ``i`` names a series on its own ("indycar", "the academy"): a
    team's academy ("which academy is Mini in") is a word a sentence must hold."""
    if tokens[i] not in SERIES:
        return False
    if tokens[i] == "academy" and i > 0:
        return tokens[i - 1] in _ACADEMY_SERIES_BEFORE
    return True


def _series_pair(tokens: list[str], i: int) -> bool:
    """Whether the word at ``i`` is half of a series written as two ("f1 academy")."""
    before = tokens[i - 1] + tokens[i] if i > 0 else ""
    after = tokens[i] + tokens[i + 1] if i + 1 < len(tokens) else ""
    return before in SERIES or after in SERIES or tokens[i] == "series"


#: Words after "at"/"in" that are not a race or a place.
_NOT_PLACES = wordset(
    "lap laps turn turns pits pit lane wet dry rain end start first last race races time "
    "points standings championship constructors drivers riders team crash penalty lead "
    "front back gravel wall media social fault order total all next this that podium pole "
    "season year weekend home manufacturers manufacturer constructor teams class classes "
    "category title fight "
    # a position, a time of day or a phase of the race ("in second", "in the morning", "during
    # the safety car", "in traffic"), never a place
    "second third fourth fifth sixth seventh eighth ninth tenth morning afternoon evening "
    "night day dark darkness daylight traffic stint stints safety virtual restart restarts "
    "car press conference presser interview "
    # a class of the event, never a place ("who won in the trucks", "in lmp2", "in gt3")
    "trucks truck bikes cars quads quad challenger challengers ssv ssvs lmp2 lmp3 gt3 gte gtd "
    "lmgt3 pro rookies rookie juniors independents independent privateers amateurs "
    # the parts of a weekend or an event, read as such ("in q2", "after quali", "in hour 17")
    "q quali qualy qualifying sprint shootout practice fp1 fp2 fp3 warmup hour hours stage "
    "stages ss power session "
    # an idiom after "in" ("three wins in a row", "in total", "in charge"), never a place
    "row charge general particular fact case"
)
