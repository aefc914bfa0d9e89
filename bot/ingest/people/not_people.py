"""Found names that are not people: a team's ("Meyer Shank"), a place's, a thing's.

Each filter reads the whole article, since how a name is used elsewhere in it is what
tells a team or a chicane from a person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from bot.ingest.people.appositives import _ends_in_role_noun
from bot.ingest.people.finder import _JOIN
from bot.ingest.people.lexicon import _FILLER, _ORGANISATION_END, _ROLE_NOUNS, _TITLE_AFTER, _words
from bot.ingest.people.records import PersonEntry
from bot.ingest.people.runs import _after_place_word
from bot.ingest.register.vocabulary import SERIES, fold


def _without_team_names(
    people: list[PersonEntry], kept: int, texts: Sequence[str]
) -> list[PersonEntry]:
    """Drop a found name the article also writes as a team's ("Meyer Shank Racing"): "the
    Meyer Shank garage" is the team's too. The first ``kept`` (known) people stay."""
    if len(people) <= kept:
        return people
    # One search of all the texts, joined by a character no name or team word holds, so no
    # match runs across two texts: the same answer as searching each text.
    joined = _JOIN.join(texts)
    return [
        person
        for i, person in enumerate(people)
        if i < kept
        or not any(f"{person.name} {end}" in joined for end in _ORGANISATION_END)
        or _as_person(person.name, joined)
    ]


#: What a team is never written with, right after a name: "Joe Gibbs spoke for the team",
#: "Joe Gibbs, who founded it", "Joe Gibbs himself", "Joe Gibbs, the team owner,". ("Meyer
#: Shank said" is as often the team as its owner: a speaking verb alone tells nothing.)
_PERSON_AFTER = re.compile(
    rf"(?:\s+(?:spoke|speaks|speaking)\s+(?:for|on\s+behalf\s+of)\b"
    rf"|\s+(?:himself|herself)\b|,\s+who\b"
    rf"|,\s+(?:the|its|his|her)\s+{_FILLER}{{0,2}}?(?:{_ROLE_NOUNS}|founder|chairman)\b)"
)


def _as_person(name: str, joined: str) -> bool:
    """Whether the text uses a name that is also its team's ("Joe Gibbs Racing") as a
    person's: a role noun before it ("team owner Joe Gibbs"), or what only a person is
    written with after it (:data:`_PERSON_AFTER`). The owner named like his team is still
    a person."""
    at = joined.find(name)
    while at >= 0:
        end = at + len(name)
        if _PERSON_AFTER.match(joined, end) or _ends_in_role_noun(joined[max(0, at - 40) : at]):
            return True
        at = joined.find(name, end)
    return False


def _without_place_names(
    people: list[PersonEntry], kept: int, texts: Sequence[str]
) -> list[PersonEntry]:
    """Drop a found name the article also writes where a place goes ("to hospital in Al
    Ula", "south of Al Ula") and never shortens to its last word: "from Al Ula to Ha'il"
    read it as a person, but a person is written "in Lando Norris" rarely, and then is
    "Norris" somewhere too. The first ``kept`` (known) people stay."""
    out = []
    # Shortened somewhere is shortened in all the texts as one: every "Lando Norris" holds a
    # "Norris" of its own, so no text counts fewer last words than names, and a line break
    # (in no name) starts no occurrence. Most people are shortened: their names are then
    # never looked for after a place word, a walk through every text per person.
    joined = "\n".join(texts)
    for i, person in enumerate(people):
        if i >= kept and " " in person.name:
            last = person.name.rsplit(" ", 1)[1]
            if joined.count(last) > joined.count(person.name):
                out.append(person)  # shortened: kept wherever it is written
                continue
            if any(_placed(text, person.name) for text in texts):
                continue
        out.append(person)
    return out


def _placed(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` right after a place word ("in", "at", "south of")."""
    at = text.find(name)
    while at >= 0:
        if _after_place_word(text, at):
            return True
        at = text.find(name, at + 1)
    return False


#: Lower-case nouns naming a thing, not a person: a capitalised phrase used as their modifier
#: ("the second Swimming Pool chicane") or set off after them ("his podcast, Actions
#: Detrimental,", "On SS3, Sleeping Warrior,") is the thing's name.
_THING_NOUNS = _TITLE_AFTER | _words(
    """
    chicane corner hairpin bend kink curve straight section complex esses stage stages
    special test book film song boat horse
    """
)
#: The thing's noun (or a stage's code, "SS3") and a comma right before a name set off.
_THING_SET_OFF = re.compile(r"(?:\b(?P<noun>[a-z][\w-]*)|\b[A-Z]{1,3}\d{1,3}),\s+$")
_THING_AFTER_NAME = re.compile(r"\s+(?P<noun>[a-z][\w-]*)")
#: A series' or title's own capitalised noun after the name: "the NASCAR Craftsman Truck
#: Series", "the Porsche Carrera Championship" are a sponsor's and a thing's words, no one's.
_SERIES_AFTER_NAME = re.compile(r"\s+(?:Series|Championship)\b")


#: A series' name as one word ("WorldSBK", "MotoGP", "IndyCar"): no person's first name.
_SERIES_WORDS = frozenset(form for forms in SERIES.values() for form in forms if " " not in form)


def _without_series_names(people: list[PersonEntry], kept: int) -> list[PersonEntry]:
    """Drop a found name opening with a series' name: "WorldSBK Aragon: Lowes wins Race 2",
    "MotoGP Mugello" head a report with the event's name (the series, then its round's
    place), which reads like a first name and a surname but is nobody's. The first ``kept``
    (known) people stay."""
    return [
        person
        for i, person in enumerate(people)
        if i < kept or " " not in person.name or fold(person.name.split()[0]) not in _SERIES_WORDS
    ]


def _without_things(
    people: list[PersonEntry], kept: int, texts: Sequence[str]
) -> list[PersonEntry]:
    """Drop a found name that reads as a thing's, as a careful reader takes it: its first word
    is no first name the register knows, the article never shortens it to its last word, and
    every time it is written it names a thing: the modifier of a thing's noun ("the second
    Swimming Pool chicane") or set off after one ("his podcast, Actions Detrimental, Hamlin
    said", "On SS3, Sleeping Warrior, Evans set the pace"). A person the article names once,
    in full, beside a role ("his co-driver, Martijn Wydaeghe,") stays. The first ``kept``
    (known) people stay."""
    out = []
    for i, person in enumerate(people):
        words = person.name.split()
        if i >= kept and len(words) == 2 and words[0] not in _register_first_names():
            uses = [
                (text, at)
                for text in texts
                for at in (m.start() for m in re.finditer(re.escape(person.name), text))
            ]
            # ("the Truck Series" shortens no one: a series' name, as its full one is)
            last = re.compile(rf"\b{re.escape(words[1])}\b(?!{_SERIES_AFTER_NAME.pattern})")
            shortened = any(len(last.findall(t)) > t.count(person.name) for t in texts)
            if uses and not shortened and all(_a_things_name(t, at, person.name) for t, at in uses):
                continue
        out.append(person)
    return out


def _a_things_name(text: str, at: int, name: str) -> bool:
    """Whether ``name`` at ``at`` names a thing: a thing's noun follows it, or it is set off
    by commas right after one."""
    after = _THING_AFTER_NAME.match(text, at + len(name))
    if after is not None and after["noun"] in _THING_NOUNS:
        return True
    if _SERIES_AFTER_NAME.match(text, at + len(name)):
        return True
    before = _THING_SET_OFF.search(text[max(0, at - 40) : at])
    return (
        before is not None
        and (before["noun"] is None or before["noun"] in _THING_NOUNS)
        and text[at + len(name) : at + len(name) + 1] == ","
    )


@functools.lru_cache(maxsize=1)
def _register_first_names() -> frozenset[str]:
    """The first names of the register's people, as written ("Alex", "Lando")."""
    from bot.ingest.resolve import default_register  # the register needs this module

    people = getattr(default_register(), "people", ())
    return frozenset(
        words[0]
        for person in people
        for name in (str(getattr(person, "name", "")), *getattr(person, "short", ()))
        if len(words := name.split()) >= 2
    )
