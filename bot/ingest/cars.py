"""Car numbers: the number an article ties to a driver ("Tyler Reddick's No. 45 Toyota").

Fans call a car by its number ("who drove the 31", "what pen did the 60 car get"), so each
person gets the number the article gives them as an alias, in one canonical form: ``No. 45``
(whatever the text wrote: "No 45", "No. 45", "#45"). A crew sharing a car ("the No. 31
Cadillac of Jack Aitken, Frederik Vesti and Earl Bamber") all get it. Only where the text
ties the number to the person unambiguously: every name must be one of the article's people,
and a number the text gives to two different drivers (outside one crew) is given to nobody.
A number no such form ties is read from a race report's turn of phrase: "The No. 98
stuttered. Majeski said the engine coughed" (see :data:`_THEN_NAMED`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

from bot.ingest.people import PeopleIndex
from bot.ingest.text import masked
from bot.models import Person

__all__ = ["car_numbers", "with_car_numbers"]

log = logging.getLogger(__name__)

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:de|da|van|von|der|di|le|la)\b))*"
_NAMES = rf"(?P<names>{_NAME}(?:,\s+{_NAME})*(?:,?\s+and\s+{_NAME})?)"
_NUMBER = r"(?:No\.?\s?|#)(?P<num>\d{1,3})"
#: What may follow the number for it to be a car's: a make or team ("Toyota", "Whelen
#: Cadillac"), "car" or "entry" (never "No. 1 status", "No. 2 driver").
_CAR = r"(?=\s+(?:[A-Z0-9]|car\b|truck\b|entry\b))"
_CAR_WORDS = r"(?:\s+(?:[A-Z0-9][\w-]*|car|truck|entry)){0,4}"

#: "Tyler Reddick's No. 45 Toyota", "Ricky Stenhouse Jr.'s No. 47 Chevrolet".
_POSSESSIVE = re.compile(rf"(?P<name>{_NAME})['’]s\s+{_NUMBER}{_CAR}")
#: "the No. 31 Cadillac of Jack Aitken, Frederik Vesti and Earl Bamber", "#10 Honda of Palou".
_CREW_OF = re.compile(rf"{_NUMBER}(?:\s+[A-Z0-9][\w-]*){{1,4}}\s+of\s+{_NAMES}")
#: "Hamlin, driving the No. 11 Toyota", "Estre, driver of the No 6 Porsche 963", "Hartley,
#: who shares the No 8 Toyota with Buemi and Hirakawa", "Blomqvist, driving the #60 Meyer
#: Shank Acura he shares with Braun and Dixon", "Hamlin, who finished 27th in the No. 11".
_DRIVING = re.compile(
    rf"(?P<name>{_NAME}),?\s+(?:who\s+(?:also\s+)?)?(?:driving|drives|drove|driver\s+of|shares|"
    rf"(?:finished|was|ran|came)\s+\w+\s+in)\s+the\s+{_NUMBER}{_CAR}{_CAR_WORDS}"
    rf"(?:\s+(?:he|she)\s+shares)?(?:\s+with\s+{_NAMES})?"
)
#: "Chase Elliott finished second in the No. 9 Chevrolet", "Dana Voss won the race in the
#: No. 5 Ford", "Voss started from the pole in the No. 5": the name is the subject and its own
#: act runs up to "in the No." (never "beat his team-mate in the No. 6", "passed the leader in
#: the No. 7", "was hit by the rookie in the No. 12": there the number is the object's). An
#: article may only name the race, pole, lead or win itself.
_FINISHED_IN = re.compile(
    rf"(?P<name>{_NAME})\s+(?!(?:was|were|is|had|has)\s)"
    rf"(?:(?:(?:the|a|an)\s+(?=(?:race|pole|lead|win|victory|final|event)\b))?"
    rf"(?!(?:his|her|their|him|them|team-?mate|by|with|past|behind|into|the|a|an)\b)"
    rf"[a-z][\w-]*\s+){{1,5}}"
    rf"in\s+the\s+{_NUMBER}{_CAR}"
)
#: A sentence the number is the subject of, naming no one, then one where a named person
#: speaks of it: "Then the No. 98 stuttered. Majeski said the engine first coughed ...".
#: Only a speech verb ties them: "The No. 98 ran dry. Larsen swept past" is another driver's
#: act. Weaker than the forms above: it gives a number none of them ties, to someone they
#: give no number.
_THEN_NAMED = re.compile(
    rf"(?:^|[.!?]\s+)(?:(?:Then|But|And|Now)\s+)?[Tt]he\s+{_NUMBER}(?:\s+(?:car|truck))?"
    rf"\s+[a-z][^.!?]*[.!?]\s+(?P<name>{_NAME})\s+(?:said|says|told|explained|radioed|reported)\b"
)
#: "#10 Acura driver Ricky Taylor".
_DRIVER_OF = re.compile(
    rf"{_NUMBER}(?:\s+[A-Z][\w-]*){{1,3}}\s+(?:driver|rider)\s+(?P<name>{_NAME})"
)

_SPLIT_NAMES = re.compile(r",?\s+and\s+|,\s+")


def _person(index: PeopleIndex, words: str) -> str | None:
    """The article's person these capitalised words end with ("TALLADEGA, Ala. — Austin
    Cindric" -> Austin Cindric), or None."""
    tokens = words.strip().rstrip(".").split()
    for i in range(len(tokens)):
        found = index.resolve(" ".join(tokens[i:]).rstrip("."))
        if found is not None:
            return found
    return None


def car_numbers(paragraphs: Sequence[str], index: PeopleIndex) -> dict[str, tuple[str, ...]]:
    """Each person's car numbers as the article ties them, canonical ("No. 45")."""
    singles: dict[str, set[str]] = {}  # number -> people a single-driver form gives it
    crews: dict[str, list[frozenset[str]]] = {}  # number -> each crew the text lists
    for paragraph in paragraphs:
        if "No" not in paragraph and "#" not in paragraph:
            continue
        text = masked(paragraph)
        for pattern in (_POSSESSIVE, _FINISHED_IN, _DRIVER_OF):
            for m in pattern.finditer(text):
                who = _person(index, m.group("name"))
                if who is not None:
                    singles.setdefault(m.group("num"), set()).add(who)
        for m in _CREW_OF.finditer(text):
            crew = _crew(index, m.group("names"))
            if crew:
                crews.setdefault(m.group("num"), []).append(crew)
        for m in _DRIVING.finditer(text):
            who = _person(index, m.group("name"))
            if who is None:
                continue
            mates = _crew(index, m.group("names")) if m.group("names") else frozenset()
            if m.group("names") and not mates:
                continue
            if mates:
                crews.setdefault(m.group("num"), []).append(frozenset({who, *mates}))
            else:
                singles.setdefault(m.group("num"), set()).add(who)
    numbers: dict[str, set[str]] = {}
    for number in set(singles) | set(crews):
        owners = _owners(singles.get(number, set()), crews.get(number, []))
        for who in owners:
            numbers.setdefault(who, set()).add(f"No. {number}")
    told = {n for found in numbers.values() for n in found} | {f"No. {n}" for n in crews}
    told |= {f"No. {n}" for n in singles}
    for number, who in _then_named(paragraphs, index).items():
        if f"No. {number}" not in told and who not in numbers:
            numbers[who] = {f"No. {number}"}
    return {who: tuple(sorted(found)) for who, found in numbers.items()}


def _then_named(paragraphs: Sequence[str], index: PeopleIndex) -> dict[str, str]:
    """The numbers :data:`_THEN_NAMED` ties, each to its one person (a number it ties to two
    people is left out)."""
    found: dict[str, set[str]] = {}
    for paragraph in paragraphs:
        if "No" not in paragraph and "#" not in paragraph:
            continue
        for m in _THEN_NAMED.finditer(masked(paragraph)):
            sentence = m.group(0)[: m.start("name") - m.start()]
            if any(n.person for n in index.mentions(sentence) if n.kind in ("name", "alias")):
                continue  # the number's own sentence names someone: whose it is is unclear
            who = _person(index, m.group("name"))
            if who is not None:
                found.setdefault(m.group("num"), set()).add(who)
    return {number: next(iter(who)) for number, who in found.items() if len(who) == 1}


def _crew(index: PeopleIndex, names: str) -> frozenset[str]:
    """The people a list of names names, or nothing if any of them is not a known person."""
    people = set()
    for part in _SPLIT_NAMES.split(names.strip()):
        who = index.resolve(part.strip().rstrip("."))
        if who is None:
            return frozenset()
        people.add(who)
    return frozenset(people)


def _owners(singles: set[str], crews: list[frozenset[str]]) -> frozenset[str]:
    """Who a number belongs to: one crew (with any single mentions inside it), or one
    driver; nobody when the text gives it to people who cannot share it."""
    distinct = set(crews)
    if len(distinct) > 1:
        return frozenset()
    if distinct:
        (crew,) = distinct
        return crew if singles <= crew else frozenset()
    return frozenset(singles) if len(singles) == 1 else frozenset()


def with_car_numbers(
    people: Iterable[Person], numbers: dict[str, tuple[str, ...]]
) -> tuple[Person, ...]:
    """The article's people with their car numbers added to their aliases."""
    out = []
    for p in people:
        extra = [n for n in numbers.get(p.name, ()) if n not in p.aliases]
        out.append(Person(p.name, p.role, p.team, (*p.aliases, *extra)) if extra else p)
    return tuple(out)
