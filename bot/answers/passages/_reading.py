"""Reading around the sentences found: a story's "About" block, a section whose heading
asks the question, a story that goes on in another, an interview's answers, and the chosen
story read whole for a better answer.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence

from bot.answers._about import asked_about
from bot.answers._interviews import (
    ANSWER_SENTENCES,
    the_answer,
)
from bot.answers._sections import (
    Section,
    heading_shaped,
    sections_of,
)
from bot.answers._turns import Turns
from bot.answers.lookup import Part
from bot.answers.passages._corrections import corrects
from bot.answers.passages._direction import act_of_another
from bot.answers.passages._picking import TIE
from bot.answers.passages._records import Query, Scored, _key, _speaker_of
from bot.answers.passages._shapes import _DEFINITE, _PRONOUN
from bot.answers.passages._words import (
    _holds,
    _holds_group,
    _mentions,
    _with_forms,
    forms_of,
    split_sentences,
    stem,
    stems,
    words_of,
)
from bot.answers.understand import stop_words
from bot.models import Passage, Person, Quote, ReportedStatement

#: Stories whose sections are read (one read each) when a heading-shaped paragraph is found,
#: the paragraphs of a section a heading matching the question brings, and what a sentence
#: of a section gains per unit of the weight of the question's words its heading holds
#: (divided by one more than the paragraphs before it in the section).
HEADED_STORIES = 3
SECTION_PARAGRAPHS = 3
SECTION_SHARE = 1.0


#: Stories whose paragraphs going on about the person found are read (in one query).
CONTINUED_STORIES = 4


#: A press release's closing heading, on a paragraph of its own: "About BMW M Team WRT".
_ABOUT_HEADING = re.compile(r"^About\s+[A-Z0-9][^.!?]{0,80}$")
#: A paragraph opening by saying what an organisation is, as an "About" block does.
_DEFINES = re.compile(
    r"^[A-Z][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,6}\s+(?:is|was|are)\s+(?:a|an|the)\b"
)


def _heading_stems(text: str) -> frozenset[str]:
    """The stems of a heading's own words, its question words and the like left out."""
    stop = stop_words()
    return frozenset(stem(w) for w in words_of(text) if w not in stop)


#: Fans' fillers, which no report writes: a sentence cannot cover them, so a question holding
#: one ("are Ferrari gonna protest", "wtf happened") would be answered by none.
_FILLERS = frozenset(
    {"gonna", "wanna", "gotta", "wtf", "lol", "tho", "pls", "plz", "omg", "ngl", "tbh", "idk",
     "smh", "btw", "rn", "fr", "ya", "yeah", "yea", "hey", "huh", "eh", "lmao", "bruh", "dude",
     "guys", "ok", "okay", "hmm", "um", "uh"}
)  # fmt: skip


def _without_fillers(query: Query) -> Query:
    """The query without the groups no sentence needs to hold: fans' fillers, and the
    words of a phrase every answer must hold anyway ("car" of "the 60 car", whose number
    the sentence must name as "#60", "No. 60" or "car 60")."""
    spelt = {w for p in query.phrases for w in words_of(p.removeprefix("re:"))}
    groups = [g for g in query.groups if not set(g) <= _FILLERS and not set(g) & spelt]
    if len(groups) == len(query.groups):
        return query
    return dataclasses.replace(query, groups=groups)


class Reading(Part):
    """The reads of the store the passage search makes around what it found."""

    async def _about(
        self,
        ranked: Sequence[Sequence[Scored]],
        group_stems: list[tuple[str, ...]],
        story_forms: dict[str, list[set[str]]],
        name_forms: list[set[str]],
    ) -> dict[str, tuple[int, int]]:
        """For the stories tied at the top of each of ``ranked`` (best first), how many of
        the people asked, then of the question's word groups, each is about
        (``bot.answers._about``): the tie goes to the story about them, not to a newer one
        naming them in passing. Read only where two stories tie (one read for them all)."""
        tied: set[str] = set()
        for scored in ranked:
            if scored:
                top = scored[0].score
                slugs = {
                    s.passage.source.slug
                    for s in scored
                    if s.score >= top - TIE and s.passage.source
                }
                tied |= slugs if len(slugs) > 1 else set()
        out: dict[str, tuple[int, int]] = {}
        stories = await self.store.stories_passages(sorted(tied))  # one read, not one each
        turns = Turns()  # every paragraph of dozens of stories read: turns between stories
        for slug in sorted(tied):
            await turns.take()
            story = stories.get(slug, [])
            if not story or story[0].source is None:
                continue
            headline = story[0].source.headline
            texts = [p.text for p in story]
            people = [
                functools.partial(_mentions, forms=named)
                for named in story_forms.get(slug, name_forms)
            ]
            words = [functools.partial(_holds_group, group=frozenset(g)) for g in group_stems]
            # A word is about a story only as its headline: one a fan uses ("dry", "lead")
            # fills any race report's paragraphs, whatever that report is about.
            out[slug] = (asked_about(headline, texts, people), asked_about(headline, (), words))
        return out

    async def _sections(
        self, found: list[Passage], read: Sequence[Passage], group_stems: list[tuple[str, ...]]
    ) -> tuple[dict[tuple[str, int], Section], dict[tuple[str, int], Passage]]:
        """The sections of the stories found with a heading-shaped paragraph: each paragraph
        under a heading, by (slug, paragraph), and the headings by the same key, each
        mapping to the first paragraph of its section. A heading holding a word of the
        question brings its section's first paragraphs into ``found`` (in place): what it
        asks is answered there, in words of their own."""
        slugs = [p.source.slug for p in found if p.source and heading_shaped(p.text)]
        if not slugs:
            return {}, {}
        asked = {s for g in group_stems for s in g}
        have = {_key(p) for p in found}
        sections: dict[tuple[str, int], Section] = {}
        headed: dict[tuple[str, int], Passage] = {}
        for slug in list(dict.fromkeys(slugs))[:HEADED_STORIES]:
            story = [p for p in read if p.source and p.source.slug == slug]
            story = story or await self.store.article_passages(slug)
            under = sections_of(story)
            for p in story:
                section = under.get(p.paragraph)
                if section is None:
                    continue
                key = (slug, section.heading.paragraph)
                sections[(slug, p.paragraph)] = section
                headed.setdefault(key, p)
                if (
                    section.depth < SECTION_PARAGRAPHS
                    and (slug, p.paragraph) not in have
                    and key in have
                    and asked & _heading_stems(section.heading.text)
                ):
                    found.append(p)
                    have.add((slug, p.paragraph))
        return sections, headed

    async def _boilerplate(
        self, best: Sequence[Scored], query: Query
    ) -> frozenset[tuple[str, int]]:
        """The (slug, paragraph) of the "About ..." blocks the best answering sentences stand
        in, where the question is not about the block's subject; else empty.

        Read only for a paragraph opening as such a block does ("BMW M Team WRT is the
        factory ..."), past a story's first paragraphs: one indexed read of that story."""
        out: set[tuple[str, int]] = set()
        seen: set[str] = set()
        for s in best:
            passage = s.passage
            if (
                passage.source is None
                or passage.source.slug in seen
                or passage.paragraph < 4
                or not _DEFINES.match(passage.text)
            ):
                continue
            seen.add(passage.source.slug)
            out |= await self._about_block(passage, query)
        return frozenset(out)

    async def _about_block(self, passage: Passage, query: Query) -> set[tuple[str, int]]:
        """:meth:`_boilerplate` for one paragraph's story: its "About" block, unless the
        question asks about the block's subject."""
        assert passage.source is not None
        story = await self.store.article_passages(passage.source.slug)
        # The story's last "About" heading: the block runs from it to the story's end, so
        # the one read answers for every paragraph of the story.
        heading = next((p for p in reversed(story) if _ABOUT_HEADING.match(p.text.strip())), None)
        if heading is None:
            return set()
        subject = stems(heading.text.strip()[len("About") :])
        asked = {stem(w) for g in query.groups for w in g}
        if subject & asked or any(subject & stems(n) for n in query.people):
            return set()  # "whats wrt": the block is the answer
        return {
            (passage.source.slug, p.paragraph) for p in story if p.paragraph > heading.paragraph
        }

    async def _continuing(
        self, found: Sequence[Passage], name_forms: list[set[str]], search: Sequence[str]
    ) -> list[Passage]:
        """The paragraphs that go on about whom a found paragraph names ("Nasser Al-Attiyah
        moved into the lead ... / The Qatari ... turned a deficit into a lead of 6 minutes
        55 seconds"): they open with a pronoun or an epithet, never the name the search
        looks for, and hold a searched word. Read for the first few stories found."""
        have = {(p.source.slug if p.source else "", p.paragraph) for p in found}
        slugs = [
            p.source.slug
            for p in found
            if p.source
            and (p.source.slug, p.paragraph + 1) not in have
            and any(_mentions(p.text, forms) for forms in name_forms)
        ]
        added: list[Passage] = []
        read = list(dict.fromkeys(slugs))[:CONTINUED_STORIES]
        stories = await self.store.stories_passages(read)
        for slug in read:
            paragraphs = stories.get(slug, [])
            at = {p.paragraph: p for p in paragraphs}
            for p in found:
                nxt = at.get(p.paragraph + 1) if p.source and p.source.slug == slug else None
                if (
                    nxt is None
                    or (slug, nxt.paragraph) in have
                    or not any(_mentions(p.text, forms) for forms in name_forms)
                ):
                    continue
                first = nxt.text.lstrip()
                if not (_PRONOUN.match(first) or _DEFINITE.match(first)):
                    continue
                if any(_mentions(nxt.text, forms) for forms in name_forms):
                    continue  # named there: the search proposes it itself
                if _holds(nxt.text, search, frozenset(stem(w) for w in search)):
                    added.append(nxt)
                    have.add((slug, nxt.paragraph))
        return added

    async def _with_answers(
        self,
        picked: list[Scored],
        quotes: dict[str, list[Quote]],
        reported: dict[str, list[ReportedStatement]],
        headed: dict[tuple[str, int], Passage] | None = None,
    ) -> list[Scored]:
        """An interviewer's question shown brings the first sentences of its answer, the
        next paragraph, right after it (``bot.answers._interviews``); a heading shown, the
        first sentences of its section."""
        for at, s in enumerate(picked):
            section = (headed or {}).get(_key(s))
            answer = section or await the_answer(s.passage, quotes, self.store.article_passages)
            if answer is None or any(p.passage.paragraph == answer.paragraph for p in picked):
                continue
            slug = answer.source.slug if answer.source else ""
            added: list[Scored] = []
            for i, span in enumerate(split_sentences(answer.text)[:ANSWER_SENTENCES]):
                speaker, quoted, was_reported = _speaker_of(
                    answer, span, quotes.get(slug, ()), reported.get(slug, ())
                )
                text = answer.text[span[0] : span[1]].strip()
                added.append(Scored(s.score, text, answer, s.order + 1 + i, i, speaker, quoted,
                                    was_reported))  # fmt: skip
            # A topic heading ("The tyres, the track and the weather") names what its section
            # tells and tells none of it: its section stands in its place. One holding a
            # figure ("Lap 27", "Bagnaia, 7/10") is a claim of its own, and stays.
            keep = section is None or any(c.isdigit() for c in s.text)
            return picked[: at + keep] + added + picked[at + 1 :]
        return picked

    async def _read_whole(
        self, query: Query, shown: Sequence[Scored], denied: bool
    ) -> Scored | None:
        """The chosen story's sentence that answers better than those shown (or, ``denied``,
        than none), read from its paragraphs in one indexed read; None when none does."""
        if not shown or shown[0].passage.source is None:
            return None
        from bot.answers.reading import StoryReader  # (it reads with this module's helpers)

        index = self._index
        groups = [
            frozenset(stem(w) for w in _with_forms(g)) for g in _without_fillers(query).groups
        ]
        people = [index.people.get(n) or Person(n) for n in query.people]
        forms = [
            {f for f in forms_of(p) if len(index.ambiguous.get(f, ())) < 2} or forms_of(p)
            for p in people
        ]
        reader = StoryReader(
            groups, forms, query.kinds, query.asked,
            mentions=_mentions, sentences=split_sentences, stems_of=stems,
        )  # fmt: skip
        if reader.shape is None or (denied and not reader.strict):
            return None
        slug = shown[0].passage.source.slug
        story = await self.store.article_passages(slug)
        if query.within is not None and slug in query.within:
            story = [p for p in story if p.paragraph in query.within[slug]]
        # A question heading is no answer (``bot.answers._sections``).
        asking = {s.heading.paragraph for s in sections_of(story).values() if s.asks}
        # (nor is a correction's "earlier version": the body tells the corrected fact)
        story = [p for p in story if p.paragraph not in asking and not corrects(p.text)]
        ranked = reader.rank(story, (shown[0].passage.paragraph, shown[0].text.strip()))
        if query.act:
            # "did Larsen crash": "His team-mate Odo Brandt crashed on lap 12", next to his
            # win, tells Brandt's crash; the search took it from the subject, so does this.
            acts = set(query.act)
            ranked = [r for r in ranked if not act_of_another(r.text, acts, query.act_by)]
        best = (
            reader.instead_of_denial(ranked)
            if denied
            else reader.better(ranked, [s.text.strip() for s in shown])
        )
        if best is None:
            return None
        quotes, reported = await self.store.said_in([slug])
        span = split_sentences(best.passage.text)[best.position]
        speaker, quoted, was_reported = _speaker_of(best.passage, span, quotes, reported)
        return Scored(best.score, best.text, best.passage, 0, best.position, speaker, quoted,
                      was_reported)  # fmt: skip
