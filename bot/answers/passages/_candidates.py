"""The candidate paragraphs of a passage search (``Candidates._candidates``): the words
searched for, how common each is, the rarest asked of the index (or the few stories named
read whole), and the paragraphs they find, which ``Finding.find`` then scores."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

from bot.answers.passages._reading import Reading
from bot.answers.passages._records import Query
from bot.answers.passages._words import _holds, stem, words_of
from bot.models import Passage

#: Paragraphs the index proposes per question; sentences in them are scored in Python.
CANDIDATES = 40
#: Paragraphs proposed by the question's own words alone, beside those (the kind's cue words
#: too).
OWN_CANDIDATES = 20
#: A word in more than this share of passages (and this many) only costs ranking time.
COMMON_SHARE = 0.02
COMMON_FLOOR = 50
#: Paragraphs one passage search may match in all (the rarest words are asked for first),
#: and the share of passages a word may be in and still be asked for when no rarer one is.
ROW_BUDGET = 3000
PAD_SHARE = 0.25
#: Stories a question is narrowed to that are read whole rather than searched.
FEW_STORIES = 2


@dataclasses.dataclass(slots=True)
class Found:
    """What the index proposed for a question: the paragraphs to score, those of the stories
    read whole, each word group's stems, and how many passages hold each stem (of ``total``)."""

    found: list[Passage]
    read: list[Passage]
    group_stems: list[tuple[str, ...]]
    total: int
    counts: dict[str, int]


class Candidates(Reading):
    """The first step of ``Finding.find``: the paragraphs worth scoring."""

    async def _candidates(
        self,
        query: Query,
        name_forms: list[set[str]],
        team_forms: list[set[str]],
    ) -> Found | None:
        """The paragraphs to score for ``query``; None when nothing can be searched for."""
        own, more = search_terms(query, name_forms, team_forms)
        search = own + more
        if not search or (query.slugs is not None and not query.slugs):
            return None
        whole: list[Passage] | None = None
        read: list[Passage] = []
        # A story chosen, its own paragraphs decide: how common a word is over the rest of
        # the store (which grows) must not drop it from the search inside that story.
        few = query.slugs is not None and len(query.slugs) <= FEW_STORIES
        searched = frozenset(stem(w) for w in search)
        if (query.whole_stories or few) and query.slugs is not None:
            # A few stories named by the caller: their paragraphs read by story, which costs
            # less than ranking every paragraph of the store that holds a common name. Kept:
            # paragraphs holding a searched word (by its stem: "sprints" keeps "a sprint")
            # and, when asked, the written pattern.
            stories = await self.store.stories_passages(query.slugs)
            read = [p for slug in query.slugs for p in stories.get(slug, [])]
            whole = [
                p
                for p in read
                if _holds(p.text, search, searched)
                and (query.need_written is None or query.need_written.search(p.text))
            ]
            if not whole:
                return None
        group_stems = [tuple(dict.fromkeys(stem(w) for w in g)) for g in query.groups]
        wanted = [*dict.fromkeys(s for g in group_stems for s in g)]
        wanted += [s for s in dict.fromkeys(stem(t) for t in search) if s not in wanted]
        total, counts = await self.store.passage_counts(wanted)
        # Ranking every passage that holds "after" or "said" costs more than the answer is
        # worth in a big store: the rarer words find the same passages, and a few of them do
        # (a query of forty words is ranked over every paragraph holding any of them).
        common = max(COMMON_SHARE * total, COMMON_FLOOR)

        def rarest(terms: list[str], cap: float) -> list[str]:
            held = [t for t in terms if 0 < counts.get(stem(t), 0) <= cap]
            return sorted(held, key=lambda t: counts[stem(t)])

        rare: list[str] = []
        rows = 0
        for t in [*rarest(own, common), *rarest(more, common)]:
            if rows + counts[stem(t)] > ROW_BUDGET and len(rare) >= 2:
                continue  # rarer words already find the paragraphs a big store can rank
            rare.append(t)
            rows += counts[stem(t)]
        if len(rare) < 2:
            # Only common words: the least common of them, never one nearly every paragraph
            # holds ("the"), which would rank the whole store.
            rare += [t for t in rarest(search, PAD_SHARE * total) if t not in rare][: 2 - len(rare)]
        if not rare:
            return None
        if whole is None:
            found = await self.store.passages_matching(rare, slugs=query.slugs, limit=CANDIDATES)
            worded = {w for g in query.groups for w in g}
            asked = [t for t in rare if t in worded]
            if asked and len(asked) < len(rare):
                # The kind's many cue words ("because", "mistake", "contact" ...) fill the
                # candidates with paragraphs rich in them; the paragraphs holding the
                # question's own words ("Formula E has dropped the Jakarta E-Prix") are
                # proposed too, whatever cue words they lack.
                have = {(p.source.slug if p.source else "", p.paragraph) for p in found}
                found += [
                    p
                    for p in await self.store.passages_matching(
                        asked, slugs=query.slugs, limit=OWN_CANDIDATES
                    )
                    if (p.source.slug if p.source else "", p.paragraph) not in have
                ]
            found += await self._continuing(found, name_forms, search)
        else:
            found = whole
        if query.within is not None:
            within = query.within
            found = [
                p
                for p in found
                if p.source is None
                or p.source.slug not in within
                or p.paragraph in within[p.source.slug]
            ]
        # Sub-headings (``bot.answers._sections``): a heading matching the question brings
        # its section's paragraphs, whose sentences its words hold for.
        return Found(found, read, group_stems, total, counts)


def search_terms(
    query: Query, name_forms: Sequence[Collection[str]], team_forms: Sequence[Collection[str]]
) -> tuple[list[str], list[str]]:
    """The words searched for: (the question's own words, names and phrases; then the words
    of the kind of answer and a team's people), in the order they are counted and searched in.

    A person's forms are a set; they are read sorted, so the order (which decides what a
    capped search keeps when words are equally common) never depends on string hashing:
    the same question gets the same answer in every process.
    """
    own = [w for g in query.groups for w in g]
    for forms in name_forms:
        own += [w for f in sorted(forms) for w in words_of(f)]
    for phrase in (*query.phrases, *query.hints):
        own += words_of(phrase.removeprefix("re:").split("(")[0])
    more = list(query.cues) + list(query.required) + list(query.search_more)
    for phrase in query.cue_phrases:
        more += words_of(phrase.removeprefix("re:").split("(")[0])
    for forms in team_forms:
        more += [w for f in sorted(forms) for w in words_of(f) if len(w) > 3]
    own = [t for t in dict.fromkeys(own) if t and len(t) > 1]
    more = [t for t in dict.fromkeys(more) if t and len(t) > 1 and t not in own]
    return own, more
