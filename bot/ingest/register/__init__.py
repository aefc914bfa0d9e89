"""The register of motorsport people shipped as data (data/people/*.toml), and its epithets.

The register never adds a speaker to an article: it only tells whether an epithet an article
uses ("the Dutchman", "the Red Bull driver", "the 23-year-old", "the seven-time world
champion") fits a person the article names, and which single person a nickname ("Checo")
stands for. The format is documented in data/people/README.md.

A package by part (see each module's docstring): ``reading`` turns the files into
``records``, ``epithets`` reads an epithet into checks, ``titles`` counts titles on a date,
``lookup`` holds the :class:`Register` that answers, ``validation`` lists what to fix, and
``vocabulary`` the words the files may use. What the rest of the code imports is here.
"""

from __future__ import annotations

from bot.ingest.register.lookup import Register
from bot.ingest.register.records import RegisterPerson, Stint, TitleRecord
from bot.ingest.register.validation import validate
from bot.ingest.register.vocabulary import EPITHET_KINDS, ROLES, SERIES, fold

__all__ = [
    "EPITHET_KINDS",
    "ROLES",
    "SERIES",
    "Register",
    "RegisterPerson",
    "Stint",
    "TitleRecord",
    "fold",
    "validate",
]
