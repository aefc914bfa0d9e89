"""The words the register's files may use (roles, series) and how names compare (:func:`fold`).

A typo in a data file must be reported, not silently make an epithet contradict its
person: these are the lists every value is checked against.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["EPITHET_KINDS", "ROLES", "SERIES", "WORLD_SERIES", "fold"]


EPITHET_KINDS = ("nationality", "team", "role", "age", "titles")

# Roles a person may hold. A typo in a data file would otherwise silently make every role
# epithet ("the team principal") contradict that person, so unknown roles are reported.
ROLES = frozenset(
    {
        "driver",
        "rider",
        "team principal",
        "team boss",
        "team owner",
        "team manager",
        "team director",
        "ceo",
        "chairman",
        "president",
        "managing director",
        "sporting director",
        "technical director",
        "chief technical officer",
        "engineer",
        "race engineer",
        "crew chief",
        "strategist",
        "advisor",
        "commentator",
        "pundit",
        "presenter",
        "reporter",
        "analyst",
        "journalist",
        "official",
        "race director",
        "steward",
    }
)

# Series a person may race or work in, with the words articles use for them. The values are
# folded forms (see fold()). World championships are the ones "world champion" speaks of.
SERIES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "F1": ("f1", "formula 1", "formula one", "grand prix"),
        "F2": ("f2", "formula 2", "formula two", "fia f2"),
        "GP2": ("gp2",),
        "F3": ("f3", "formula 3", "fia f3"),
        "GP3": ("gp3",),
        "MotoGP": ("motogp",),
        "500cc": ("500cc",),
        "350cc": ("350cc",),
        "Moto2": ("moto2",),
        "250cc": ("250cc",),
        "Moto3": ("moto3",),
        "125cc": ("125cc",),
        "MotoE": ("motoe",),
        "WorldSBK": ("worldsbk", "world superbike", "superbike", "wsbk"),
        "IndyCar": ("indycar", "indy car", "champ car", "cart"),
        "Indy Lights": ("indy lights",),
        "Formula E": ("formula e", "fe"),
        "WEC": ("wec", "world endurance", "endurance"),
        "IMSA": ("imsa",),
        "NASCAR": ("nascar", "cup", "cup series", "nascar cup", "nascar cup series", "sprint cup"),
        "DTM": ("dtm",),
        "Super Formula": ("super formula",),
        "Supercars": ("supercars", "v8 supercars"),
        "WRC": ("wrc", "world rally", "rally"),
        "Extreme E": ("extreme e",),
    }
)
WORLD_SERIES = frozenset(
    {"F1", "MotoGP", "500cc", "350cc", "Moto2", "250cc", "Moto3", "125cc", "WorldSBK", "WEC",
     "WRC", "Formula E"}
)  # fmt: skip


# Folding: every comparison is case- and accent-insensitive.

_FOLD_EXTRA = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ð": "d", "þ": "th", "’": "'", "‘": "'",
     "‐": "-", "‑": "-", "–": "-", "—": "-", ".": " ", ",": " "}
)  # fmt: skip
_SPACES = re.compile(r"[\s\-_]+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a name or phrase for comparison: no accents, no case, hyphens and dots as spaces.

    "Jean-Éric Vergne", "jean eric vergne" and "JEAN-ERIC VERGNE" fold alike, so do
    "Räikkönen" and "Raikkonen", "Magnussen" and "Magnußen".
    """
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text.casefold()).strip(" '\"")
