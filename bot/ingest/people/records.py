"""The records people finding gives: an article's person, a mention, a descriptor.

Kept apart from the code that builds them: attribution, loading and drafts import the
shapes without the machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Appositive", "Mention", "MentionKind", "PersonEntry"]


MentionKind = Literal["name", "alias", "pronoun", "unknown"]


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A person known to an article: from its annotation file or found in its text."""

    name: str
    role: str | None = None
    team: str | None = None
    aliases: tuple[str, ...] = ()
    pronoun: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to a person in (masked) text.

    ``person`` is None for a pronoun (resolved later), for someone the text leaves unnamed
    ("the Dutchman", "a spokesperson") and for a surname two people share: such mentions
    block attribution rather than guess.
    """

    start: int
    end: int
    person: str | None
    kind: MentionKind
    pronoun: str | None = None
    possessive: bool = False
    governed: bool = False
    #: A name used as a modifier ("the turn-four Ricci incident"): never a subject.
    modifier: bool = False

    @property
    def subject_like(self) -> bool:
        """Whether the mention can be a clause's subject (not "Bottas's", not "to Bottas")."""
        return not self.possessive and not self.governed and not self.modifier


@dataclass(frozen=True, slots=True)
class Appositive:
    """A descriptor written right before a name ("Mercedes boss Toto Wolff")."""

    person: str
    descriptor: str
    team: str | None
    role: str | None
    paragraph: int
    before_name: bool = True
