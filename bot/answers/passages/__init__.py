"""Passages: the general answer, the article's own sentences that best answer a question.

A question no command fits ("why did Russell crash?", "who won at Jerez?") is answered with
the one to three sentences of the articles that best match it, verbatim and cited. The
stemmed full-text index over every paragraph (``passages_fts``) proposes paragraphs; each
sentence is then scored here: the question's words weighted by their rarity, the people it
names (any name, alias or nickname the articles give them), the words that signal the kind of
answer asked for (a cause, a date, a winner...) and the story it points at (a race, a circuit,
a year). A sentence that is part of a quotation is shown with its speaker, a reported view is
marked as reported, and nothing is ever reworded.

Where things are: this module holds the facade ``Passages`` (an answer, a race's podium, a
story's lede) and the names other modules import. The search ``Passages.find`` is in
``_finding``, built on the steps it calls: ``_candidates`` (the paragraphs the index
proposes, the words searched for), ``_scoring`` (a sentence scored, and whether it
answers), ``_picking`` (the sentences shown), ``_reading`` (sections, "About" blocks,
continuing stories, interviews, the story read whole), ``_credit`` (credit passed between
sentences), ``_stories`` (the stories asked about and whom they name), ``_places`` (places
asked and named), ``_asked`` (a sentence giving what the kind asks in its own terms: a place
for "where", the team itself), ``_our_team`` (the team a speaker's "we" stands for: the one
their story gives them, else the register's that season), ``_direction`` (whom an act is
done to, which the yes/no router reads too). Shared by all: ``_records``
(``Query``, ``Scored``, how a sentence is shown), ``_words`` (stems, sentences, a person's
forms) and ``_shapes`` (sentence patterns).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers._sections import heads_nothing
from bot.answers.passages._direction import act_of_another, done_to
from bot.answers.passages._finding import Finding
from bot.answers.passages._hedged import act_only_hedged
from bot.answers.passages._our_team import our_team
from bot.answers.passages._picking import _left_open as _left_open
from bot.answers.passages._places import _crowded_stories as _crowded_stories
from bot.answers.passages._places import _places_in as _places_in
from bot.answers.passages._reading import _FILLERS as _FILLERS
from bot.answers.passages._records import _QUOTE_MARKS, Query, Scored, as_found
from bot.answers.passages._scoring import _tells_there_is as _tells_there_is
from bot.answers.passages._shapes import _opens_with as _opens_with
from bot.answers.passages._stories import forms_in_story as forms_in_story
from bot.answers.passages._words import _has as _has
from bot.answers.passages._words import _mentions as _mentions
from bot.answers.passages._words import (
    forms_of,
    initials_of,
    split_sentences,
    stem,
    stems,
    words_of,
)
from bot.answers.records import PassageAnswer
from bot.models import Fact

__all__ = [
    "Passages",
    "Query",
    "Scored",
    "act_of_another",
    "act_only_hedged",
    "as_found",
    "done_to",
    "forms_of",
    "initials_of",
    "our_team",
    "split_sentences",
    "stem",
    "stems",
    "words_of",
]

#: How a report tells the winner, second and third place.
_PODIUM = (
    re.compile(r"\b(?:won|wins|winning|victory|triumph\w*|took the (?:win|chequered flag))\b"),
    re.compile(r"(?<!-)\b(?:second|runner-up|runners-up|2nd|ahead of|beating|beat|held off|"
               r"holding off|holds off)\b"),
    re.compile(r"\b(?:third(?! (?:win|victory|title|time|straight|career))|3rd|completed the "
               r"podium|rounded out the podium|completing the podium|podium)\b"),
)  # fmt: skip
_STANDINGS = re.compile(r"\b(?:points|standings|championship lead|leads the championship)\b")


class Passages(Finding):
    """Finds the sentences of the articles that best answer a question."""

    async def answer(self, query: Query, title: str, missing: str) -> PassageAnswer:
        """The sentences answering ``query``; none → ``missing`` and the nearest ones.

        The story of the first sentence found is then read whole (``bot.answers.reading``):
        a sentence of it with the shape of answer the question's kind wants, where the one
        found lacks it, is shown first; where nothing answered, a sentence of the nearest
        story holding a date, lap or number and every word asked answers instead.
        """
        answering, nearest = await self.find(query)
        read = await self._read_whole(query, answering or nearest[:1], not answering)
        if answering:
            if read is not None:
                answering = [read, *answering]
            return PassageAnswer(
                tuple(as_found(s) for s in answering), title, "", await self.race_of(answering)
            )
        if read is not None:
            return PassageAnswer((as_found(read),), title, "", await self.race_of([read]))
        return PassageAnswer(tuple(as_found(s) for s in nearest[:2]), title, missing)

    async def race_of(self, picked: Sequence[Scored]) -> Fact | None:
        """The race of the story the sentences come from, as its facts name it."""
        source = picked[0].passage.source if picked else None
        if source is None:
            return None
        facts = await self.store.facts(source.slug)
        return next((f for f in facts if f.key == "race"), None)

    async def podium(self, slug: str) -> PassageAnswer | None:
        """The sentences of a story that give its podium: the winner, second and third.

        Race reports spread the podium over the lede and the sentences after it ("... ahead
        of Brown", "Waters completed the podium"), so the first sentence telling each place
        is shown, in the article's order; a sentence about the standings tells no place.
        """
        passages = await self.store.article_passages(slug)
        picked: list[Scored] = []
        told: set[int] = set()
        for passage in passages:
            text = passage.text
            for i, (a, b) in enumerate(split_sentences(text)):
                sentence = text[a:b].strip()
                low = sentence.casefold()
                if sentence[:1] in _QUOTE_MARKS or _STANDINGS.search(low):
                    continue
                places = {n for n, pattern in enumerate(_PODIUM) if pattern.search(low)} - told
                if places:
                    told |= places
                    picked.append(Scored(0.0, sentence, passage, len(picked), i))
            if len(told) == len(_PODIUM):
                break
        if not told or 0 not in told:
            return None
        return PassageAnswer(tuple(as_found(s) for s in picked), "", "", await self.race_of(picked))

    async def lede(self, slug: str, sentences: int = 2) -> PassageAnswer | None:
        """The opening sentences of a story: what happened, as the article tells it."""
        passages = await self.store.article_passages(slug)
        # A byline ("By Tom Okafor") or a heading tells nothing: the lede is the first prose.
        passages = [p for p in passages if not heads_nothing(p.text)] or passages
        if not passages:
            return None
        first = passages[0]
        spans = split_sentences(first.text)[:sentences]
        found = [
            Scored(0.0, first.text[a:b].strip(), first, i, i) for i, (a, b) in enumerate(spans)
        ]
        return PassageAnswer(tuple(as_found(s) for s in found), "")
