"""The people's part of the lookup: their index (every way of naming someone, to their full
name) built from the store's people, and names resolved, suggested and completed, in a
question's free text too (a person, a team's name, a team's boss named by role).
"""

from __future__ import annotations

import heapq
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import accumulate

from rapidfuzz import fuzz, process

from bot.answers.lookup._fuzzy_filter import CharFilter, WordPool
from bot.answers.lookup._index import _COUNTS_KEPT, _Index
from bot.answers.lookup._naming import is_body, register_spellings
from bot.answers.lookup._search import _STOPWORDS, _containing, starting_with
from bot.answers.records import Choice
from bot.answers.text import clean, normalise, wordset
from bot.models import Person

#: A person name typed with a typo still resolves at this similarity (0-100).
PERSON_CUTOFF = 84.0
#: How close a typed word must be to a team's word an alias names ("wiliams" for "williams").
TEAM_TYPO = 80.0
SUGGEST_CUTOFF = 60.0
COMPLETE_CUTOFF = 75.0
#: Words fans use for the one in charge of a team, and the roles articles give such people.
_BOSS_WORDS = wordset("boss bos principal tp chief director manager owner head gm ceo president")
_ROLE_BOSS = wordset("boss principal chief director manager owner head ceo president")
#: Words that open or close a name and are everyday words in the name's language ("El
#: Profe", "de Vries", "van der Linde"): alone they name no one, or a fan's "who is el
#: diablos manager" would be answered for whoever's name starts with "El".
_NAME_PARTICLES = wordset(
    "el la le les los las de del della dei der den des di da das do dos du van von vom zu"
)


def _build_people_index(people: Sequence[Person], index: _Index) -> None:
    """Map every way of naming someone to their full name; a shared key maps to nobody."""
    tiers: list[dict[str, set[str]]] = [{}, {}, {}, {}]  # full, alias, surname, first name
    # Many people share an alias ("the Finn"): each is normalised once, its strings shared.
    seen: dict[str, tuple[str, str, str]] = {}
    # One person however the store spells them ("Kevin Estre", "Kévin Estre"; by the
    # register, "Alex Albon", "Alexander Albon"): the first spelling names them all.
    first: dict[str, str] = {}
    same = register_spellings(people)
    for person in people:
        index.people[person.name] = person
        name = first.setdefault(normalise(person.name), same.get(person.name, person.name))
        if name != person.name:
            index.spellings[name] = (*index.spellings.get(name, ()), person.name)
        tiers[0].setdefault(normalise(person.name), set()).add(name)
        for alias in person.aliases:
            known = seen.get(alias)
            if known is None:
                key = normalise(alias)
                known = seen[alias] = (alias, key, re.sub(r"^the\s+", "", key))
            alias, key, bare = known
            tiers[1].setdefault(key, set()).add(name)
            if bare != key:
                tiers[1].setdefault(bare, set()).add(name)
            index.aliases.append(key, alias, name)
        words = normalise(person.name).split()
        body = is_body(person.name)  # "the panel" names it; "appeals" does not
        if len(words) > 1:
            if words[-1] not in _NAME_PARTICLES:
                tiers[2].setdefault(words[-1], set()).add(name)
            if words[0] not in _NAME_PARTICLES and not body:
                tiers[3].setdefault(words[0], set()).add(name)
            k = len(words) - 1
            while k > 1 and words[k - 1] in _NAME_PARTICLES:
                k -= 1
            if k < len(words) - 1:
                # The surname with its particles ("de Vries", "van der Linde").
                tiers[2].setdefault(" ".join(words[k:]), set()).add(name)
            if len(words) > 2 and not body:
                # Given names without the surname ("Juan Pablo" for Juan Pablo Montoya): what
                # tells him from a son who shares the surname.
                tiers[3].setdefault(" ".join(words[:-1]), set()).add(name)
    index.people_keys = sorted((key, name) for key, name in first.items())
    index.people_norms = [norm for norm, _ in index.people_keys]
    index.name_word_keys = sorted(
        (word, i) for i, norm in enumerate(index.people_norms) for word in norm.split()
    )
    _index_alias_keys(index)
    index.names = sorted(set(first.values()))
    for tier in tiers:
        for key, names in tier.items():
            if not key or key in index.exact or key in index.ambiguous:
                continue
            if len(names) == 1:
                index.exact[key] = next(iter(names))
            else:
                index.ambiguous[key] = tuple(sorted(names))
    index.name_words = frozenset(
        w for key in [*index.exact, *index.ambiguous] for w in key.split()
    ) | {w + "s" for key in index.exact for w in key.split()}
    for key, name in index.exact.items():
        index.fuzzy_keys.append(key)
        index.fuzzy_names.append(name)
    index.fuzzy_filter = CharFilter(index.fuzzy_keys)
    index.word_pool = WordPool(index.fuzzy_keys, COMPLETE_CUTOFF)


def _index_alias_keys(index: _Index) -> None:
    """The alias search's blob of distinct alias keys and, for each, where its people's
    entries stand in ``index.aliases``.

    Generated and real stores give thousands of people the same role alias ("ferrari
    driver"): at 100,000 articles 82,000 aliases held 101 distinct keys, and a search of
    every alias key (1.7 MB) was most of a people autocomplete's 1.8 ms. Only the first
    entry of each person under a key is kept: a later one could add nobody new.
    """
    entries: dict[str, tuple[array[int], set[str]]] = {}
    for i, (alias_key, _alias, name) in enumerate(index.aliases):
        kept = entries.get(alias_key)
        if kept is None:
            kept = entries[alias_key] = (array("i"), set())
        if name not in kept[1]:
            kept[1].add(name)
            kept[0].append(i)
    index.alias_blob = "\0".join(entries)
    index.alias_starts = array("i", accumulate((len(k) + 1 for k in entries), initial=0))
    index.alias_entries = [positions for positions, _ in entries.values()]


def _alias_entries(index: _Index, key: str) -> Iterator[int]:
    """Positions in ``index.aliases`` (ascending) of the entries whose alias key holds
    ``key``: every entry that could name someone new, in the order a pass over every alias
    would find them."""
    matching = _containing(index.alias_blob, index.alias_starts, key, 0) or []
    if len(matching) == 1:
        return iter(index.alias_entries[matching[0]])
    return heapq.merge(*(index.alias_entries[k] for k in matching))


class People:
    """The people's part of :class:`Lookup`: names resolved, suggested and completed."""

    index: _Index

    def spellings(self, name: str) -> tuple[str, ...]:
        """Every name the store holds ``name`` under: itself, then any other spelling a
        store written before migration 0010 keeps as a second person ("Kevin Estre")."""
        return (name, *self.index.spellings.get(name, ()))

    def resolve_person(self, text: str) -> str | None:
        """Full name for a full name, surname, first name, alias or small typo; else None."""
        key = normalise(clean(text, 200))
        if not key:
            return None
        index = self.index
        if key in index.exact:
            return index.exact[key]
        if key.endswith("s") and key[:-1] in index.exact:  # a possessive: "Russell's"
            return index.exact[key[:-1]]
        if key in index.ambiguous or len(key) < 4 or not index.fuzzy_keys:
            return None
        best = process.extract(key, index.fuzzy_keys, scorer=fuzz.ratio, limit=2,
                               score_cutoff=PERSON_CUTOFF)  # fmt: skip
        if not best:
            return None
        names = {
            index.fuzzy_names[i]
            for found, score, i in best
            if score >= best[0][1] - 1e-9 and self._team_typed(key, found, index.fuzzy_names[i])
        }
        return names.pop() if len(names) == 1 else None

    def _team_typed(self, typed: str, key: str, name: str) -> bool:
        """Whether a fuzzy match to ``key`` keeps the team it names: an alias such as
        "williams team principal" is met only by a question typing that team (with a typo at
        most), never by "cadillacs team principal", close as the rest of the words are."""
        person = self.index.people.get(name)
        team = normalise(person.team or "").split() if person is not None else []
        words = key.split()
        if not team or not all(w in words for w in team):
            return True
        typed_words = typed.split()
        return all(
            any(fuzz.ratio(w, t.removesuffix("s")) >= TEAM_TYPO or fuzz.ratio(w, t) >= TEAM_TYPO
                for t in typed_words)
            for w in team
        )  # fmt: skip

    def suggest_people(
        self, text: str, limit: int = 5, *, cutoff: float = SUGGEST_CUTOFF
    ) -> tuple[str, ...]:
        """Names close to ``text``, best first, for a NotFound's "did you mean"."""
        key = normalise(clean(text, 200))
        index = self.index
        if not key or not index.fuzzy_keys:
            return ()
        memo = (key, limit, cutoff)
        kept = index.suggested.get(memo)
        if kept is None:
            kept = self._suggest(index, key, limit, cutoff)
            if len(index.suggested) > _COUNTS_KEPT:
                index.suggested.clear()
            index.suggested[memo] = kept
        return kept

    @staticmethod
    def _suggest(index: _Index, key: str, limit: int, cutoff: float) -> tuple[str, ...]:
        """:meth:`suggest_people` for a normalised key, worked out."""
        names: list[str] = list(index.ambiguous.get(key, ()))
        if len(names) >= limit:
            # A surname many share ("Glock"): its people fill the suggestions before any
            # fuzzy match could, so the fuzzy pass (most of a NotFound's time) is skipped.
            return tuple(names[:limit])
        # Only the keys that could reach the cutoff are scored, in their order: the same
        # suggestions, in a fraction of the time (see bot/answers/lookup/_fuzzy_filter.py).
        # A few letters of one name (autocomplete's "Geor") have a tighter pool of their own.
        pool = index.word_pool.candidates(key, cutoff) if index.word_pool else None
        if pool is None and index.fuzzy_filter:
            pool = index.fuzzy_filter.candidates(key, cutoff)
        keys = index.fuzzy_keys if pool is None else [index.fuzzy_keys[i] for i in pool]
        found = process.extract(key, keys, scorer=fuzz.WRatio, limit=limit * 3,
                                score_cutoff=cutoff)  # fmt: skip
        for _, _, i in found:
            name = index.fuzzy_names[i if pool is None else pool[i]]
            if name not in names:
                names.append(name)
        return tuple(names[:limit])

    def complete_people(self, current: str, limit: int = 25) -> list[Choice]:
        """Autocomplete: full-name prefixes, then name-word prefixes, aliases, then fuzzy.

        Runs on every keystroke, so each step reads precomputed, sorted keys and stops as
        soon as ``limit`` names are picked (later ones could never be shown).
        """
        index = self.index
        key = normalise(clean(current, 100))
        picked: list[tuple[str, str]] = []  # (full name, label)
        seen: set[str] = set()

        def add(name: str, label: str | None = None) -> None:
            if name not in seen:
                seen.add(name)
                picked.append((name, label or name))

        if not key:
            for name in index.names[:limit]:
                add(name)
        else:
            for i in starting_with(index.people_norms, key):
                add(index.people_keys[i][1])
                if len(picked) >= limit:
                    break
            if len(picked) < limit:
                start = bisect_left(index.name_word_keys, (key,))
                hits = set()
                for word, i in index.name_word_keys[start:]:
                    if not word.startswith(key):
                        break
                    hits.add(i)
                for i in sorted(hits):
                    add(index.people_keys[i][1])
            if len(picked) < limit:
                for i in _alias_entries(index, key):
                    _alias_key, alias, name = index.aliases[i]
                    add(name, f"{name} ({alias})")
                    if len(picked) >= limit:
                        break
            if len(key) >= 3 and len(picked) < limit:
                for name in self.suggest_people(current, limit, cutoff=COMPLETE_CUTOFF):
                    add(name)
        return [Choice(label[:100], name[:100]) for name, label in picked[:limit]]

    def person_in(self, text: str) -> str | None:
        """A person named anywhere in free text: exact names/aliases first, then typos."""
        words = normalise(text).split()
        index = self.index
        team = self.team_name_words(words)  # "aston martins ...": the team's, no name
        for size in (4, 3, 2, 1):
            for start in range(len(words) - size + 1):
                key = " ".join(words[start : start + size])
                if team.intersection(range(start, start + size)):
                    continue
                if key in index.exact and not (size == 1 and key in _STOPWORDS):
                    return index.exact[key]
        for i, word in enumerate(words):
            if len(word) >= 5 and word not in _STOPWORDS and i not in team:
                name = self.resolve_person(word)
                if name:
                    return name
        return None

    def team_name_words(self, tokens: Sequence[str]) -> set[int]:
        """Where a question's words spell a team's name of two or three words, possessive or
        not ("whos aston martins trackside engineering director"): those words name the team,
        never a person by one of them ("martins" is no Victor Martins there). A span that is
        also a stored person's full name ("joe gibbs") stays a name."""
        from bot.ingest.resolve import default_register  # the register loads on first use

        register = default_register()
        found: set[int] = set()
        for size in (3, 2):
            for start in range(len(tokens) - size + 1):
                words = list(tokens[start : start + size])
                if words[-1].endswith("s") and len(words[-1]) > 3:
                    forms = (" ".join(words), " ".join([*words[:-1], words[-1][:-1]]))
                else:
                    forms = (" ".join(words),)
                if any(f in self.index.exact for f in forms):
                    continue
                if any(register.organisations(f) for f in forms):
                    found.update(range(start, start + size))
        return found

    def people_by_role(self, text: str) -> tuple[str, ...]:
        """People a role names ("the Yamaha boss", "Toyota's team principal", "the team
        owner"): a boss word (or the role's own words) and the team's words, matched against
        the role and team the articles give each person. Nobody when it names no boss."""
        words = [w.removesuffix("s") if w.endswith("s") and len(w) > 4 else w
                 for w in normalise(text).split() if w not in ("the", "a", "an", "of")]  # fmt: skip
        boss = [w for w in words if w in _BOSS_WORDS]
        if not boss:
            return ()
        rest = [w for w in words if w not in _BOSS_WORDS and w not in ("team", "race", "racing")]
        found = []
        for person in self.index.people.values():
            role = set(normalise(person.role or "").split())
            team = normalise(person.team or "").split()
            named = set(boss) & _ROLE_BOSS - {"boss", "chief", "head"}
            if not (role & named if named else role & _ROLE_BOSS):
                continue  # "the team owner" is an owner; "the boss" any of them
            if rest and not all(any(t.startswith(w) for t in team) for w in rest):
                continue
            found.append(person.name)
        return tuple(sorted(found))
