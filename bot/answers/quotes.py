"""Quotes and who said them: /quote and /whosaid."""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.answers.lookup import SCAN_ALL, Part
from bot.answers.records import Answer, NotFound, QuotesAnswer, WhoSaidAnswer
from bot.answers.text import clean, normalise, published, shorten, strip_quotes
from bot.models import Quote
from bot.store import fts_terms

__all__ = ["MAX_PHRASE", "QUOTE_LIMIT", "Quotes", "organisation_said"]

#: Longest phrase /whosaid matches; a longer paste is cut, which only makes matching stricter.
MAX_PHRASE = 300
#: The weight of a topic's words in what a statement answers or sits in (``_context``).
CONTEXT_WEIGHT = 0.5
#: How far into its paragraph an answer may start and still open it (a transcript label).
_LABEL_ROOM = 40
#: How many quotes /quote lists at most.
QUOTE_LIMIT = 50
#: Scores (0-100) a /whosaid candidate must reach: short phrases match by accident more easily.
WHOSAID_CUTOFF = 80.0
WHOSAID_SHORT_CUTOFF = 90.0
WHOSAID_SHORT = 12
WHOSAID_MIN = 4
#: Quotes one text search hands /whosaid, how many of those are scored in full, and how
#: many matches a search may have to rank to find them (ranking costs about 0.7 µs each).
WHOSAID_CANDIDATES = 200
WHOSAID_RANKED = 5000
WHOSAID_SCORED = 50
#: A word held by more than this share of quotes (and this many) tells little about which
#: one was meant; up to SCAN_ALL quotes, a phrase the search misses is sought in all of them.
COMMON_SHARE = 0.03
COMMON_FLOOR = 100

#: How close a quote's word must be to one of the phrase's to stand for it (a typo's worth).
_WORD_CLOSE = 80.0


def _words_within(text: str, phrase: str) -> bool:
    """Whether every word of a (normalised) quote is a word of the phrase, typos tolerated:
    the phrase holds the quote, not only its letters."""
    words = phrase.split()
    return all(any(fuzz.ratio(w, p) >= _WORD_CLOSE for p in words) for w in text.split())


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    exact: bool
    closeness: float
    quote: Quote
    parts: tuple[Quote, ...] = ()  # the quote's whole statement, when fetched with it


class Quotes(Part):
    """Quotes by speaker or words, a random quote, and who said a remembered phrase."""

    async def _random_statement(self) -> tuple[Quote, tuple[Quote, ...]] | None:
        """One attributed quote, at random, with its whole statement.

        A random point in the attributed quotes' ids, found by an index seek
        (:meth:`~bot.store.Store.random_statement`): ``ORDER BY random()`` in SQL reads
        every quote to pick one, and a list of every id in memory grows with the store.
        """
        chosen = await self.store.random_statement(random.random())
        if chosen is not None:
            quote_id, parts = chosen
            picked = next((q for q in parts if q.id == quote_id), None)
            if picked is not None and picked.speaker is not None:
                return picked, tuple(parts)
        found = await self.store.random_quote()
        return None if found is None else (found, await self._statement(found))

    async def quote(self, speaker: str | None = None, contains: str | None = None) -> Answer:
        """Quotes by a speaker and/or containing words; neither → one random attributed quote."""
        name: str | None = None
        if speaker is not None and clean(speaker, 200):
            name = self.lookup.resolve_person(speaker)
            if name is None:
                shown = shorten(clean(speaker, 200))
                return NotFound(
                    f"Nobody called “{shown}” is named in the articles.",
                    self.lookup.suggest_people(speaker),
                )
        words = clean(contains, MAX_PHRASE) if contains else ""
        if name is None and not words:
            chosen = await self._random_statement()
            if chosen is None:
                return NotFound("No attributed quotes have been loaded yet.")
            picked, parts = chosen
            return QuotesAnswer(parts, f"A quote from {picked.speaker}")
        found = await self.store.quotes(speaker=name, contains=words or None, limit=QUOTE_LIMIT)
        if words:
            # Show the whole statement a matching part belongs to: a part alone can stop
            # mid-thought, and the parts are the same speaker's words anyway.
            expanded: list[Quote] = []
            keys = list(
                dict.fromkeys((q.source.slug if q.source else "", q.statement) for q in found)
            )
            whole = await self.store.statements(keys)
            seen: set[tuple[str, int]] = set()
            for q in found:
                key = (q.source.slug if q.source else "", q.statement)
                if key not in seen:
                    seen.add(key)
                    expanded.extend(whole.get(key) or (q,))
            found = expanded
        found.sort(key=published, reverse=True)
        shown_words = shorten(words)
        if found:
            if name and words:
                title = f"{name} on “{shown_words}”"
            elif name:
                title = f"Quotes from {name}"
            else:
                title = f"Quotes containing “{shown_words}”"
            return QuotesAnswer(tuple(found), title)
        if name and not words:
            reported = await self.store.reported(speaker=name)
            if reported:
                return QuotesAnswer(
                    (), f"{name} is not quoted directly; the articles report", tuple(reported)
                )
            return NotFound(f"The articles name {name} but quote nothing from them.")
        if name:
            return NotFound(f"No quote from {name} contains “{shown_words}”.")
        return NotFound(f"No quote contains “{shown_words}”.")

    def _phrase_score(self, phrase: str, text: str) -> tuple[float, bool, float]:
        """(score, exact, closeness) of a normalised phrase against a normalised quote text."""
        exact = bool(re.search(rf"(?:^|\s){re.escape(phrase)}(?:\s|$)", text))
        score = 100.0 if exact else fuzz.partial_ratio(phrase, text)
        if not exact and len(text) < len(phrase) and not _words_within(text, phrase):
            # A quote shorter than the phrase is found inside it: word for word ("who said
            # it was exactly what the rulebook says"), never as letters inside a longer word
            # ("CAMPIONE" in "championship").
            score = fuzz.ratio(phrase, text)
        if (
            not exact
            and len(phrase.split()) >= 3
            and len(phrase) >= WHOSAID_SHORT
            # "who said red bull made a lot of noise for nothing over the appeal": a
            # podcast's "And the appeal?" holds two of its words, and all of its own, which
            # a word-set ratio scores near-perfect; a quote must hold half as many words.
            and 2 * len(text.split()) >= len(phrase.split())
        ):
            score = max(score, fuzz.token_set_ratio(phrase, text))
        return score, exact, fuzz.ratio(phrase, text)

    def _shortlist(self, phrase: str, texts: Sequence[str], cutoff: float) -> list[int]:
        """Indexes of the texts worth scoring in full: the closest by rapidfuzz's C scorers."""
        hits = process.extract(phrase, texts, scorer=fuzz.partial_ratio, limit=WHOSAID_SCORED,
                               score_cutoff=cutoff)  # fmt: skip
        found = [i for _, _, i in hits]
        if len(phrase.split()) >= 3 and len(phrase) >= WHOSAID_SHORT:
            more = process.extract(phrase, texts, scorer=fuzz.token_set_ratio, limit=20,
                                   score_cutoff=cutoff)  # fmt: skip
            found += [i for _, _, i in more if i not in found]
        return found

    async def _score(
        self,
        phrase: str,
        cutoff: float,
        candidates: Sequence[int] | Sequence[tuple[int, str]],
        scored: dict[int, _Scored],
    ) -> None:
        """Score candidate quotes (ids, or (id, text) as the text search hands them) against
        the phrase; keep those at the cutoff or above."""
        rows = [c for c in candidates if isinstance(c, tuple)]
        if len(rows) < len(candidates):
            wanted = [c for c in candidates if isinstance(c, int) and c not in scored]
            stored = await self.store.quote_texts(wanted) if wanted else {}
            rows = [(i, stored[i]) for i in wanted if i in stored]
        ids = [i for i, _ in rows if i not in scored]
        texts = self.lookup.normalised_texts([r for r in rows if r[0] not in scored])
        pool = [i for i in ids if i in texts]
        kept: dict[int, tuple[float, bool, float]] = {}
        for n in self._shortlist(phrase, [texts[i] for i in pool], cutoff):
            score, exact, closeness = self._phrase_score(phrase, texts[pool[n]])
            if score >= cutoff:
                kept[pool[n]] = (score, exact, closeness)
        # Each kept quote comes with its whole statement: the answer shows the best one's.
        statements = await self.store.statements_of(list(kept)) if kept else {}
        for quote_id, (score, exact, closeness) in kept.items():
            parts = tuple(statements.get(quote_id, ()))
            q = next((p for p in parts if p.id == quote_id), None)
            if q is not None:
                scored[quote_id] = _Scored(score, exact, closeness, q, parts)

    async def whosaid(self, phrase: str) -> Answer:
        """Who said a phrase: tolerant of case, punctuation and small typos; never guesses.

        The text search proposes candidates and fuzzy matching decides. First the quotes
        holding every telling word of the phrase (words in more than a few percent of quotes
        tell little and cost the most to rank); failing a near-exact match there, the quotes
        holding any telling word, or a word starting like one no quote uses (a typo). A
        phrase sharing no such word or word start with a quote does not find it: scoring all
        100,000 quotes of a big store instead took a third of a second.
        """
        cleaned = strip_quotes(clean(phrase, MAX_PHRASE))
        shown = shorten(cleaned) or "…"
        key = normalise(cleaned)
        if len(key) < WHOSAID_MIN:
            return NotFound(f"“{shown}” is too short to match a quote: give a few more words.")
        cutoff = WHOSAID_SHORT_CUTOFF if len(key) < WHOSAID_SHORT else WHOSAID_CUTOFF
        index = self._index
        terms = fts_terms(cleaned)
        counts = await self.lookup.quote_counts(terms)
        common = max(COMMON_SHARE * index.quote_count, COMMON_FLOOR)
        known = sorted((t for t in terms if counts[t]), key=counts.__getitem__)
        telling = [t for t in known if counts[t] <= common]
        starts = {t[:4] if len(t) >= 6 else t[:3] for t in terms if not counts[t] and len(t) >= 4}
        cap = int(common) + 1  # only "how many, up to common" matters: count no further
        typos = [p for p in sorted(starts) if 0 < await self.lookup.prefix_count(p, cap) <= common]
        scored: dict[int, _Scored] = {}
        every = telling
        if not every and len(known) >= 2:
            # No telling word: the two rarest together may still be few quotes, or may not.
            total = max(index.quote_count, 1)
            if counts[known[0]] * counts[known[1]] / total <= WHOSAID_RANKED:
                every = known[:2]
        if every:
            rows = await self.store.quote_texts_matching(every, limit=WHOSAID_CANDIDATES)
            await self._score(key, cutoff, rows, scored)
        if (not scored or max(s.score for s in scored.values()) < 95) and (telling or typos):
            rows = await self.store.quote_texts_matching(
                telling, any_term=True, prefixes=typos, limit=WHOSAID_CANDIDATES
            )
            await self._score(key, cutoff, rows, scored)
        if (not scored or max(s.score for s in scored.values()) < 95) and (
            index.quote_count <= SCAN_ALL and index.quote_ids
        ):
            # A small store is scanned whole, as it always was: cheap, and it finds a phrase
            # that shares no word with the quote ("nowhre too goo").
            hits = await asyncio.to_thread(self._shortlist, key, index.quote_norm, cutoff)
            await self._score(key, cutoff, [index.quote_ids[i] for i in hits], scored)
        if not scored:
            return NotFound(f"No quote close to “{shown}” — nobody is named.")
        ranked = sorted(
            scored.values(),
            key=lambda s: (s.score, s.exact, s.closeness, published(s.quote)),
            reverse=True,
        )
        if named := self._named_in(cleaned):
            # "who said hadjar was never going to make that corner": the quote says "he";
            # one from a story that never names Hadjar is about someone else, however close.
            people_of: dict[str, set[str]] = {}  # each story's people, read once
            about: list[_Scored] = []
            rest: list[_Scored] = []
            for s in ranked:
                names = await self._story_names(s.quote, named, people_of)
                (about if names else rest).append(s)
            ranked = about + rest
        best = ranked[0]
        others: list[Quote] = []
        seen = {best.quote.speaker}
        for s in ranked[1:]:
            if s.score >= best.score - 2 and s.quote.speaker not in seen:
                seen.add(s.quote.speaker)
                others.append(s.quote)
        parts = best.parts or await self._statement(best.quote)
        return WhoSaidAnswer(best.quote, parts, best.score, cleaned, tuple(others[:3]))

    def _named_in(self, phrase: str) -> tuple[str, ...]:
        """The people a remembered phrase names ("hadjar was never going to ..."); never a
        word only taken for a name as a typo of it ("lane" is no Lance)."""
        from bot.answers.understand import read

        reading = read(phrase, self.lookup)
        guessed = {name for _, name in reading.guessed}
        return tuple(p for p in reading.people if p not in guessed)

    async def _story_names(
        self, quote: Quote, named: Sequence[str], people_of: dict[str, set[str]]
    ) -> bool:
        """Whether the quote's story names everyone in ``named`` other than its speaker;
        ``people_of`` keeps each story's people, as many candidates share a story."""
        if quote.source is None:
            return False
        slug = quote.source.slug
        if slug not in people_of:
            people_of[slug] = {p.name for p in await self.store.article_people(slug)}
        return {n for n in named if n != quote.speaker} <= people_of[slug]

    async def said_about(self, name: str, topic: str, *, strict: bool = False) -> Answer:
        """What ``name`` said about ``topic``: their statements, the most relevant first.

        Relevance is the topic's words (stemmed, so "crash" meets "crashing") found in a
        statement or in the setting it was said in, and the names, aliases and nicknames of a
        person the topic names. With no topic, or nothing relevant, all their quotes show in
        the usual order. Reported views are ranked the same way and stay marked as reported.
        With ``strict`` (the topic came as "about ..."), nothing relevant is a NotFound.
        """
        from bot.answers.passages import forms_of, stems
        from bot.answers.understand import SYNONYMS, stop_words

        words = [w for w in normalise(topic).split() if w not in stop_words()]
        if not words:
            return await self.quote(speaker=name)
        quotes, reported = await asyncio.gather(
            self.store.quotes(speaker=name, limit=QUOTE_LIMIT), self.store.reported(speaker=name)
        )
        if not quotes:
            return await self.quote(speaker=name)
        wanted = set()
        for w in words:
            wanted |= stems(w)
            for other in SYNONYMS.get(w, ()):
                wanted |= stems(other)
        about = self.lookup.person_in(topic)
        forms = forms_of(self._index.people[about]) if about in self._index.people else set()

        def relevance(text: str) -> float:
            low = text.casefold()
            named = any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", low) for f in forms)
            return len(wanted & stems(text)) + (2.0 if named else 0.0)

        # A statement from a story about the topic beats one from another story: Hamilton's
        # words under Russell's apology are about Russell even when they do not name him.
        stories: dict[str, float] = {}
        paragraphs: dict[str, list[str]] = {}
        for slug in {q.source.slug for q in quotes if q.source}:
            paragraphs[slug] = await self.store.paragraphs(slug)
            stories[slug] = 0.5 if relevance(" ".join(paragraphs[slug])) else 0.0

        def rank(parts: tuple[Quote, ...]) -> float:
            text = " ".join(q.text for q in parts) + " " + parts[0].setting
            story = stories.get(parts[0].source.slug, 0.0) if parts[0].source else 0.0
            around = _context(parts, paragraphs)
            # The words around a statement count less than its own: they may be anyone's.
            return relevance(text) + story + (CONTEXT_WEIGHT * relevance(around) if around else 0)

        statements = group_statements_of(quotes)
        ranked = sorted(enumerate(statements), key=lambda item: (-rank(item[1]), item[0]))
        best = rank(ranked[0][1])
        if strict and not best and not any(relevance(r.text) for r in reported):
            return NotFound(f"The articles have no quote from {name} about “{topic}”.")
        ordered = tuple(q for _, parts in ranked for q in parts)
        told = tuple(sorted(reported, key=lambda r: -relevance(r.text)))
        title = f"{name} on “{shorten(clean(topic, 200))}”" if best else f"Quotes from {name}"
        relevant = tuple(r for r in told if relevance(r.text))
        if not best and relevant:
            # No quote of theirs is about it, but words of theirs another reports are ("Alex
            # told us it felt like ..." in an engineer's quote): those, marked reported.
            shown = shorten(clean(topic, 200))
            return QuotesAnswer(
                (), f"{name} is not quoted on “{shown}”; the articles report", relevant
            )
        return QuotesAnswer(ordered, title, told if best else ())


def _context(parts: Sequence[Quote], paragraphs: dict[str, list[str]]) -> str:
    """What a statement answers or sits in, for ranking it by a topic its words may not
    repeat: the question put just before an answer that opens its paragraph (a transcript's
    "Are you in this fight?" before "Of course. Twelve points is nothing"), and the sentence
    around a partial quote ("Hamlin said he had spoken to Blaney and that the call was
    "short, honest and fine""). Empty when there is neither."""
    first = parts[0]
    if first.source is None or first.source.slug not in paragraphs:
        return ""
    story = paragraphs[first.source.slug]
    if not 0 < first.paragraph <= len(story):
        return ""
    own = story[first.paragraph - 1]
    if first.kind == "partial":
        return own
    before = story[first.paragraph - 2].rstrip() if first.paragraph > 1 else ""
    at = own.lstrip("\"“'‘ ").find(first.text[:40].lstrip("\"“'‘ "))
    opens = 0 <= at <= _LABEL_ROOM  # -1: not in its paragraph as stored, so not opening it
    return before if before.endswith("?") and opens else ""


def group_statements_of(quotes: Sequence[Quote]) -> list[tuple[Quote, ...]]:
    """Quotes grouped by statement, in first-seen order (see ``records.group_statements``)."""
    from bot.answers.records import group_statements

    return list(group_statements(quotes))


# -- an organisation's statements (issue 9; attribution labels them) -----------------------
#: Paragraphs the text search hands over when looking for an organisation's statements.
ORGANISATION_PASSAGES = 40
#: Settings attribution gives an organisation's words (``bot.ingest.attribute``).
_ORGANISATION_SETTINGS = frozenset({"statement", "written statement", "social media post"})


async def organisation_said(part: Part, who: str, topic: str = "") -> QuotesAnswer | None:
    """What a team or body said ("what did ducati say", "what did the stewards say").

    Attribution stores an organisation's statement with no speaker and the organisation,
    as the article wrote it, for a label ("the Ducati Lenovo Team"). The label matches when
    it names the same team or body in the register (data/people/teams.toml: "Ducati" and
    "the Ducati Lenovo Team") or holds every word asked. The statements most about
    ``topic`` come first, then the newest. None when no stored statement is theirs.
    """
    from bot.answers.passages import stems
    from bot.ingest.resolve import default_register

    register = default_register()
    wanted = register.organisations(clean(who, 200))
    words = [w for w in normalise(who).split() if w not in ("the", "team", "s")]
    if not words:
        return None
    found = await part.store.passages_matching([*words, "statement"], limit=ORGANISATION_PASSAGES)
    slugs = list(dict.fromkeys(p.source.slug for p in found if p.source))
    if not slugs:
        return None
    quotes, _reported = await part.store.said_in(slugs)

    def theirs(q: Quote) -> bool:
        if q.speaker is not None or not q.label or q.setting not in _ORGANISATION_SETTINGS:
            return False
        if wanted and register.organisations(q.label) & wanted:
            return True
        return set(words) <= set(normalise(q.label).split())

    statements = group_statements_of([q for q in quotes if theirs(q)])
    if not statements:
        return None
    about = stems(topic) if topic else frozenset()

    def rank(parts: tuple[Quote, ...]) -> tuple[int, str]:
        text = " ".join(q.text for q in parts)
        return (len(about & stems(text)), published(parts[0]).isoformat())

    ranked = sorted(statements, key=rank, reverse=True)
    label = ranked[0][0].label or who
    return QuotesAnswer(tuple(q for parts in ranked for q in parts), f"What {label} said")
