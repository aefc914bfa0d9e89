"""The keys a name is looked up by: its surname, first name and unaccented forms.

Kept apart because every index and discovery ask for them, and each is remembered.
"""

from __future__ import annotations

import functools

from bot.ingest.people.lexicon import _COMMON, _LEADING_THE, _PARTICLES, _STOP, _SUFFIXES
from bot.ingest.text import unaccent


@functools.lru_cache(maxsize=8192)
def _alias_key(alias: str) -> str:
    """An alias as it is looked up (remembered: asked of every name span and alias)."""
    return _LEADING_THE.sub("", alias.strip()).casefold()


@functools.lru_cache(maxsize=8192)
def _keys_of(name: str) -> tuple[str, ...]:
    """The single-word keys of a full name and its forms without accents, once per name: the
    same people come back in article after article, and each article's index (two or three
    of them) asks again."""
    return (*_name_keys(name), *_unaccented_forms(name))


@functools.lru_cache(maxsize=8192)
def _plain(folded: str) -> str:
    """``unaccent``, remembered: discovery asks it of every name found, and names recur."""
    return unaccent(folded)


def _unaccented_forms(name: str) -> list[str]:
    """The name and its single-word keys without their accents ("Ferriere", "Hulkenberg" for
    Jean-Loup Ferrière, Nico Hülkenberg): copy writes one name both ways in one article."""
    if name.isascii():
        return []
    plain = unaccent(name)
    if plain == name:
        return []
    keys = set(_name_keys(name))
    return [plain, *(key for key in _name_keys(plain) if key not in keys)]


def _name_keys(name: str) -> list[str]:
    """Single words that may stand for a full name: its surname and first name."""
    tokens = [t for t in name.split() if t.rstrip(".") not in _SUFFIXES]
    if len(tokens) < 2:
        return []
    keys: list[str] = []
    surname_at = len(tokens) - 1
    while surname_at > 1 and tokens[surname_at - 1].lower() in _PARTICLES:
        surname_at -= 1
    surname = " ".join(tokens[surname_at:])
    keys.append(surname)
    if surname_at < len(tokens) - 1:
        keys.append(surname[0].upper() + surname[1:])
    first = tokens[0]
    if first not in _COMMON and first not in _STOP:
        keys.append(first)
    return keys
