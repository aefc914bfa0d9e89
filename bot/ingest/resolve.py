"""The second stage of attribution: from a mention ("the Dutchman", "Checo") to a person.

The first stage (``attribute``) links a quote to a mention: a name in a tag, a pronoun, an
epithet, a transcript label. A name is its own answer; this module answers for the rest,
using the article's own words about its people (descriptors such as "Ducati team manager
Davide Tardozzi") and the register of motorsport people in ``data/people/``. The register
only ever narrows the people the article names, or names the one person a nickname stands
for; it never adds a speaker the text does not support.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from bot.errors import IngestError
from bot.ingest.people import Appositive, PeopleIndex
from bot.ingest.text import unaccent

__all__ = ["Describer", "RegisterLike", "default_register", "register_folder"]

log = logging.getLogger(__name__)

_REPO_DATA = Path(__file__).resolve().parents[2] / "data"


class RegisterLike(Protocol):
    """What attribution asks of the register (``bot.ingest.register.Register``)."""

    def find(self, name: str) -> tuple[object, ...]: ...
    def by_nickname(self, nickname: str) -> object | None: ...
    def describes(self, epithet: str, name: str, on: date) -> bool | None: ...
    def organisations(self, phrase: str) -> frozenset[str]: ...
    def all_team_names(self) -> frozenset[str]: ...


class _Nobody:
    """The register that knows nobody: every question gets "cannot tell"."""

    def find(self, name: str) -> tuple[object, ...]:
        return ()

    def by_nickname(self, nickname: str) -> object | None:
        return None

    def describes(self, epithet: str, name: str, on: date) -> bool | None:
        return None

    def organisations(self, phrase: str) -> frozenset[str]:
        return frozenset()

    def all_team_names(self) -> frozenset[str]:
        return frozenset()


def register_folder() -> Path:
    """The register's folder: ``$PITWALL_DATA_DIR/people`` if set and present, else the repo's."""
    configured = os.environ.get("PITWALL_DATA_DIR")
    if configured:
        folder = Path(configured) / "people"
        if folder.is_dir():
            return folder
    return _REPO_DATA / "people"


@functools.lru_cache(maxsize=4)
def _load(folder: Path) -> RegisterLike:
    try:
        from bot.ingest.register import Register
    except ImportError:  # the register is optional: without it epithets need the text alone
        return _Nobody()
    if not folder.is_dir():
        return Register.empty()
    try:
        return Register.load(folder)
    except IngestError as exc:
        # `pitwall check` names the problem; ingest goes on as if the register were empty,
        # which only ever leaves more quotes unattributed.
        log.warning("register not used: %s", exc)
        return Register.empty()


_ANSWERS: dict[tuple[int, str, str, date], bool | None] = {}


def _describes(register: RegisterLike, epithet: str, name: str, on: date) -> bool | None:
    """``register.describes``, remembered: the same epithets and names recur across articles."""
    key = (id(register), epithet, name, on)
    if key not in _ANSWERS:
        if len(_ANSWERS) > 50_000:  # bounded: a huge ingest must not grow it for ever
            _ANSWERS.clear()
        _ANSWERS[key] = register.describes(epithet, name, on)
    return _ANSWERS[key]


#: ``register_folder()``'s answer for each value of ``$PITWALL_DATA_DIR``: building an
#: article asks for the register about twenty times, and working out the folder (a Path
#: joined, a directory stat) cost a tenth of people discovery.
_FOLDERS: dict[str | None, Path] = {}


def default_register() -> RegisterLike:
    """The register ingest uses, loaded once per process."""
    configured = os.environ.get("PITWALL_DATA_DIR")
    folder = _FOLDERS.get(configured)
    if folder is None:
        folder = _FOLDERS[configured] = register_folder()
    return _load(folder)


def fold(text: str) -> str:
    """Case and accents folded: "Pérez" and "perez" are one written name."""
    return unaccent(text.casefold()).strip()


#: Role nouns an epithet may end in, grouped by what they mean.
_DRIVING = frozenset({"driver", "rider", "racer", "pilot", "star", "ace", "rookie", "youngster"})
_RUNNING = frozenset({"boss", "chief", "principal", "manager", "director", "owner", "ceo"})
_EPITHET_SHAPE = re.compile(
    r"^the\s+(?P<team>(?:[A-Z][\w'’.&-]*\s+){0,3})(?P<role>[a-z][\w-]*)$", re.IGNORECASE
)
_AGE = re.compile(r"^the\s+(\d{1,2})-year-old$", re.IGNORECASE)


@dataclass
class Describer:
    """Does an epithet fit a person the article names? From the register and the article.

    ``fits`` is True (fits), False (contradicts) or None (cannot tell). The article's own
    descriptors speak for people the register does not know ("Invicta driver Jack Doohan"),
    and its stated ages ("Acosta, 19,") for "the 19-year-old".
    """

    register: RegisterLike
    published: date | None
    people: PeopleIndex
    appositives: Sequence[Appositive] = ()
    #: The article's masked paragraphs, read for stated ages only when an age epithet asks.
    masked: Sequence[str] = ()
    _ages: dict[str, int] | None = field(default=None, repr=False)
    _cache: dict[tuple[str, str], bool | None] = field(default_factory=dict, repr=False)

    @property
    def ages(self) -> dict[str, int]:
        if self._ages is None:
            self._ages = stated_ages(self.masked, self.people)
        return self._ages

    def fits(self, epithet: str, name: str) -> bool | None:
        key = (epithet.casefold(), name)
        if key not in self._cache:
            self._cache[key] = self._fits(epithet, name)
        return self._cache[key]

    def _fits(self, epithet: str, name: str) -> bool | None:
        text = " ".join(epithet.split())
        if text[:4] == "The ":
            text = "the " + text[4:]  # opening a sentence
        from_register = (
            _describes(self.register, text, name, self.published)
            if self.published is not None
            else None
        )
        from_article = self._from_article(text, name)
        if from_register is None:
            return from_article
        if from_article is None or from_article == from_register:
            return from_register
        return None  # the two disagree: cannot tell

    def _from_article(self, epithet: str, name: str) -> bool | None:
        age = _AGE.match(epithet)
        if age is not None:
            stated = self.ages.get(name)
            return None if stated is None else stated == int(age.group(1))
        shape = _EPITHET_SHAPE.match(epithet)
        if shape is None:
            return None
        team = shape.group("team").strip()
        role = shape.group("role").lower()
        wanted = _DRIVING if role in _DRIVING else _RUNNING if role in _RUNNING else None
        if wanted is None or not team:
            return None
        verdict: bool | None = None
        for app in self.appositives:
            if app.person != name or not app.team or not app.role:
                continue
            same_team = fold(app.team) == fold(team)
            words = set(app.role.lower().replace("-", " ").split())
            same_role = bool(words & wanted) or (wanted is _RUNNING and "team" in words)
            if same_team and same_role:
                return True
            verdict = False
        return verdict

    def nickname(self, word: str) -> str | None:
        """The person a nickname names, as the article writes them (else the register's name)."""
        person = self.register.by_nickname(word)
        if person is None:
            return None
        full = str(getattr(person, "name", ""))
        forms = {fold(full), *(fold(s) for s in getattr(person, "short", ()))}
        for entry in self.people.people:
            if fold(entry.name) in forms:
                return entry.name
        return full or None

    def matching(self, epithet: str, names: Iterable[str]) -> str | None:
        """The one name the epithet fits, when it fits one and contradicts all the others."""
        fitting: list[str] = []
        for name in names:
            verdict = self.fits(epithet, name)
            if verdict is None:
                return None
            if verdict:
                fitting.append(name)
        return fitting[0] if len(fitting) == 1 else None


_STATED_AGE = re.compile(r",\s+(\d{1,2}),")


def stated_ages(masked: Sequence[str], people: PeopleIndex) -> dict[str, int]:
    """Ages the article states right after a name: "Pedro Acosta, 19, finished third"."""
    ages: dict[str, int] = {}
    for text in masked:
        if "," not in text:
            continue
        for mention in people.mentions(text):
            if mention.person is None or mention.kind == "pronoun":
                continue
            m = _STATED_AGE.match(text, mention.end)
            if m is not None:
                ages.setdefault(mention.person, int(m.group(1)))
    return ages
