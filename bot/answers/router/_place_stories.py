"""Which stories are at a place: naming it in the headline or opening, by any of its names,
a grand prix by its name (never the E-Prix run in the same streets)."""

from __future__ import annotations

import re

from bot.answers.passages import (
    _has,
    split_sentences,
    stem,
    stems,
)
from bot.answers.router._series import SeriesRouter
from bot.answers.text import normalise

__all__ = ["PlaceStoriesRouter"]

#: Formula E's race by name ("the Monaco E-Prix"): no grand prix, whatever its streets.
_EPRIX = re.compile(r"\be-?prix\b", re.I)

#: A sentence naming a place as where someone goes next, not where the story is.
_AHEAD = re.compile(
    r"\b(?:will|shall|next|heads?\s+(?:next\s+)?to|moves?\s+on|returns?\s+(?:to|at)|"
    r"upcoming|travels?\s+to)\b",
    re.IGNORECASE,
)


def _told_at(text: str, wanted: set[str] | frozenset[str]) -> bool:
    """Whether some sentence of ``text`` naming the place (every one of ``wanted``, stemmed)
    tells of it as where the story is, not only as where someone goes next ("X will drive
    ... at Portland on August 30" opens an injury story, not a Portland race's)."""
    naming = [text[a:b] for a, b in split_sentences(text) if wanted <= stems(text[a:b])] or [text]
    return any(not _AHEAD.search(sentence) for sentence in naming)


class PlaceStoriesRouter(SeriesRouter):
    """Which stories are at a place, or name its race."""

    def _eprix_stories(self, slugs: set[str]) -> set[str]:
        """The stories among ``slugs`` whose headline names an E-Prix (Formula E's race)."""
        return {
            a.slug
            for a in self.lookup.index.articles
            if a.slug in slugs and _EPRIX.search(a.headline)
        }

    async def _race_stories(self, words: list[str]) -> set[str]:
        """Stories naming the race "<words> Grand Prix" (or GP) in the headline or opening."""
        name = " ".join(words)
        phrases = [f"{name} grand prix", f"{name} gp"]
        found = await self._stories_with(phrases, lede=True)
        index = self.lookup.index
        having: set[int] | None = None
        for w in words:
            hits = set(index.article_words.get(w, ()))
            having = hits if having is None else having & hits
        for i in having or ():
            headline = index.articles[i].headline.casefold()
            if any(_has(headline, p) for p in phrases):
                found.add(index.articles[i].slug)
        return found

    async def _place_stories(self, words: list[str], *, own_race: bool) -> set[str]:
        """Stories that hold every word of a place; with ``own_race``, in headline or lede."""
        index = self.lookup.index
        wanted = {stem(w) for w in words}
        found: set[str] = set()
        # A place that is also someone's name ("Austin" Merritt) is not named by the name.
        named = self._names_with(words)

        def naming(text: str) -> bool:
            for name in named:
                text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.I)
            return wanted <= stems(text)

        # Headlines, through the lookup's word postings rather than a pass over every one.
        having: set[int] | None = None
        for w in words:
            hits = set(index.article_words.get(w, ()))
            having = hits if having is None else having & hits
        found.update(
            index.articles[i].slug
            for i in having or ()
            if not named or naming(index.articles[i].headline)
        )
        passages = await self.engine.store.passages_matching(words, limit=400)
        for p in passages:
            if p.source and naming(p.text) and (not own_race or p.paragraph <= 2):
                if own_race and not _told_at(p.text, wanted):
                    continue  # its opening names the place only as where it goes next
                found.add(p.source.slug)
        for word in words:
            if len(word) >= 4:
                found.update(await self.engine.store.notes_mentioning(word))
        return found

    def _names_with(self, words: list[str]) -> list[str]:
        """The people's full names holding a place's one word ("Austin Merritt" for
        "austin"), longest first."""
        if len(words) != 1:
            return []
        word = words[0]
        found = [
            name
            for name in self.lookup.index.people
            if word in normalise(name).split() and len(name.split()) > 1
        ]
        return sorted(found, key=len, reverse=True)

    async def _other_names_stories(self, forms: list[list[str]], *, own_race: bool) -> set[str]:
        """Stories naming a place by any of its other names (each a list of words).

        One search for all of them: each name is looked for by its rarest word, and a name
        no paragraph holds costs nothing more.
        """
        if not forms:
            return set()
        index = self.lookup.index
        found: set[str] = set()
        all_stems = list(dict.fromkeys(stem(w) for f in forms for w in f))
        counts: dict[str, int] = {}
        for at in range(0, len(all_stems), 64):
            counts.update((await self.engine.store.passage_counts(all_stems[at : at + 64]))[1])
        search: list[str] = []
        kept: list[list[str]] = []
        for form in forms:
            if not all(counts.get(stem(w)) for w in form):
                continue  # some word of it is in no paragraph: no story names it so
            kept.append(form)
            search.append(min(form, key=lambda w: counts[stem(w)]))
            having: set[int] | None = None
            for w in form:
                hits = set(index.article_words.get(w, ()))
                having = hits if having is None else having & hits
            found.update(index.articles[i].slug for i in having or ())
        if not kept:
            return found
        wanted = [frozenset(stem(w) for w in f) for f in kept]
        for p in await self.engine.store.passages_matching(search, limit=400):
            if p.source and (not own_race or p.paragraph <= 2):
                have = stems(p.text)
                if any(w <= have and (not own_race or _told_at(p.text, w)) for w in wanted):
                    found.add(p.source.slug)
        return found
