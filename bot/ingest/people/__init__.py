"""Who an article names: discovery of people in the text, and finding mentions of them.

A package by step (see each module's docstring): ``runs`` reads names out of capitalised
words, ``not_people`` drops teams, places and things, ``aliases`` and ``nicknames`` learn the
other names a person goes by, ``discover`` puts them together into an ``index``, and
``appositives`` reads the descriptors written beside names (and the roles speaker headings
give: ``headings`` reads a press release's or quotes sheet's speaker lines). What the rest of
the code imports is here.
"""

from __future__ import annotations

from bot.ingest.people.appositives import find_appositives
from bot.ingest.people.discover import discover_people
from bot.ingest.people.index import PeopleIndex
from bot.ingest.people.lexicon import NATIONALITY_NOUNS, ROLE_NOUN
from bot.ingest.people.records import Appositive, Mention, PersonEntry

__all__ = [
    "NATIONALITY_NOUNS",
    "ROLE_NOUN",
    "Appositive",
    "Mention",
    "PeopleIndex",
    "PersonEntry",
    "discover_people",
    "find_appositives",
]
