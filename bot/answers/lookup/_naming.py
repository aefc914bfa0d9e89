"""Which stored names name one person, and which name a body rather than a person: what the
people's index (``_people``) keys each stored name by.

One person, two spellings. The articles name a driver as they please: one writes "Alex
Albon", another "Alexander Albon", and ingest stores each name it meets. The register of
motorsport people knows both for one man (its name and short forms), so the index keys them
as one: "albon" then names him, where two stored names sharing the surname made it name
nobody, and "whens albons contract up" was answered that the articles don't say.

A body is no person. A hearing report's "the National Motorsports Appeals Panel" is stored
as a speaker ("Appeals Panel") so its reasons are cited to it; but its words are everyday
words a fan asks with ("can Red Bull appeal a grid penalty", "where will the appeal be
heard"). A body is named by its whole name, its aliases and its head noun ("what did the
panel say"), never by the words before it, which would read "appeal" as the panel and lose
the question's own word.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers.text import normalise
from bot.hearing_bodies import BODY_NOUNS
from bot.models import Person

__all__ = ["is_body", "register_spellings"]


def is_body(name: str) -> bool:
    """Whether a stored name is a body's ("Appeals Panel"), by its head noun: the words
    before it name the body only with it."""
    words = normalise(name).split()
    return len(words) > 1 and words[-1] in BODY_NOUNS


def register_spellings(people: Sequence[Person]) -> dict[str, str]:
    """For each stored name the register holds as one of its people, that person's first
    stored name: "Alexander Albon" -> "Alex Albon" when the store holds "Alex Albon" first.
    A name the register does not know, or knows for several people, is its own."""
    from bot.ingest.resolve import default_register  # the register loads on first use

    register = default_register()
    first: dict[str, str] = {}  # the register's name for someone -> their first stored name
    found: dict[str, str] = {}
    for person in people:
        known = register.find(person.name)
        if len(known) != 1:
            continue
        key = str(getattr(known[0], "name", ""))
        if key:
            found[person.name] = first.setdefault(key, person.name)
    return found
