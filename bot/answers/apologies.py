"""Apologies and the reactions to them: /apology, and "did X apologise?"."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import re
from collections.abc import AsyncGenerator, Sequence
from datetime import date

from bot.answers.lookup import Lookup, Part
from bot.answers.records import Answer, ApologyAnswer, NotFound
from bot.answers.text import clean, shorten
from bot.models import ArticleSummary, Person, Quote, ReportedStatement
from bot.store.stories import Told
from bot.store.text import FTS_TERM, fts_terms

__all__ = ["Apologies", "apology_strength", "name_pattern", "refusal_at"]

#: Apology candidates read per query, newest first; answers kept (see ``apology``).
APOLOGY_PAGE = 200
APOLOGY_CACHE = 256

_STRONG_APOLOGY = re.compile(
    r"\b(?:apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|sorry)\b", re.IGNORECASE
)
_FIRST_PERSON_BLAME = re.compile(
    r"\b(?:i|we)\b(?:\W+\w+){0,3}?\W+(?:take|took|taking|accept|accepted|bear)\s+"
    r"(?:full\s+|the\s+|my\s+|our\s+)?(?:responsibility|the\s+blame|blame)\b"
    r"|\b(?:my|our)\s+(?:fault|mistake|error|bad)\b"
    r"|\bi\s+was\s+(?:wrong|to\s+blame)\b"
    r"|\bi\s+(?:regret|deeply\s+regret)\b"
    # Blame taken without the word: "That's on me", "this one is on us", "I hate it for him".
    r"|\b(?:that|it|this|that\s+one|this\s+one)(?:['’]s|\s+is|\s+was)\s+(?:all\s+|totally\s+)?"
    r"on\s+(?:me|us)\b"
    r"|\bi\s+hate\s+it\s+for\s+(?:him|her|them)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:not|never|no|won'?t|wont|don'?t|dont|nothing\s+to)\b(?:\W+\w+){0,2}?\W+"
    r"(?:apologi|sorry|apology)",
    re.IGNORECASE,
)

#: An apology spoken of, not made: "sorry" or "an apology" as the subject of a dismissal
#: ("Sorry doesn't fix a race car", "an apology won't change anything") or someone else's
#: ("his apology", "their apologies"). A driver refusing another's apology says "sorry" too.
_DISMISSED = re.compile(
    r"\b(?:sorry|apolog(?:y|ies))\s+(?:doesn['’]?t|does\s+not|don['’]?t|do\s+not|won['’]?t|"
    r"will\s+not|isn['’]?t|is\s+not|wasn['’]?t|means?\s+nothing|changes?\s+nothing|"
    r"fix(?:es)?\s+nothing|counts?\s+for\s+nothing)\b"
    r"|\b(?:his|her|their|your)\s+apolog(?:y|ies)\b",
    re.IGNORECASE,
)

#: A piece of a word each pattern above needs to score (a strong word, or the noun of
#: first-person blame; "hate" for "I hate it for him"), as ``str.casefold`` folds it: text
#: holding none, and no "on me"/"on us" (_ON_SELF), scores 0 whatever its negations. None has
#: an "i", the one letter ``re.IGNORECASE`` matches ("ı", "İ") to a letter that does not fold
#: to it. A new alternative in the patterns above needs its piece here (test_router_rules).
_APOLOGY_HINTS = (
    "apolog", "sorry", "respons", "blame", "fault", "stake", "error", "bad", "wrong", "regret",
    "hate",
)  # fmt: skip
#: "That's on me", "this one is on us": blame taken without a blame word.
_ON_SELF = re.compile(r"\bon\s+(?:me|us)\b")


def apology_strength(text: str) -> int:
    """Score how apologetic a statement is: 0 none, 2+ an apology (first-person, unnegated).

    Strong words (apologise, sorry, apology) count 3 unless negated ("I won't apologise") or
    dismissed ("Sorry doesn't fix a race car", "his apology");
    first-person responsibility ("I have to take responsibility", "my fault") counts 2. Praise
    of someone else's ("respect for taking responsibility") counts nothing, so a reaction to an
    apology is not mistaken for one.
    """
    folded = text.casefold()  # most text is spared the backtracking patterns below
    if not any(hint in folded for hint in _APOLOGY_HINTS) and not _ON_SELF.search(folded):
        return 0
    strong = (
        len(_STRONG_APOLOGY.findall(text))
        - len(_NEGATED.findall(text))
        - len(_DISMISSED.findall(text))
    )
    return 3 * max(strong, 0) + 2 * len(_FIRST_PERSON_BLAME.findall(text))


#: Words worth asking FTS for when hunting apologies; the regex above decides.
_APOLOGY_TERMS = (
    "apologise", "apologised", "apologises", "apologising", "apologize", "apologized",
    "apologizes", "apologizing", "apology", "apologies", "sorry", "responsibility", "fault",
    "blame", "regret", "mistake", "wrong", "hate",
)  # fmt: skip


#: Words with which a reaction speaks of an apology without naming who made it.
_REACTION_WORDS = re.compile(
    r"\b(?:apolog\w*|sorry|mistakes?|forgiv\w*|responsibility|owned|owning|accept\w*)\b",
    re.IGNORECASE,
)


def refusal_at(text: str) -> int:
    """Where ``text`` tells an apology withheld ("he would not apologise for it", "never
    said sorry"), -1 if it does not: the answer to "did X apologise" when the articles tell a
    no, and where its teller's name must stand (before it)."""
    found = _NEGATED.search(text)
    return found.start() if found else -1


@functools.lru_cache(maxsize=4096)
def name_pattern(person: Person) -> re.Pattern[str]:
    """Every way the article names ``person``: full name, each name of three letters or more,
    and the aliases. A reaction to an apology is one whose paragraph names the apologiser.

    Kept per person: compiling the case-blind alternation costs about 1 ms, more than the
    rest of a recap's apology search, and ``re``'s own cache holds 512 patterns of any kind.
    """
    forms = {person.name, *person.aliases}
    forms.update(part for part in person.name.split() if len(part) >= 3)
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class NameMatcher:
    """Whether a text names ``person`` as :func:`name_pattern` finds it, mostly without it.

    A recap of an article with an apology met a new apologiser about once in five recaps,
    and compiling their pattern (about 1 ms of ``re``'s Python) was most of that recap's
    p99. For ASCII names in ASCII text, IGNORECASE matching is exactly equal lower-case
    text, and ``\\w`` is exactly ``isalnum()`` or ``_``: a plain search finds the same names.
    Anything else (an accent, a dotless i, which IGNORECASE folds in its own ways) asks the
    compiled pattern, built on first need.
    """

    __slots__ = ("_forms", "_pattern", "person")

    def __init__(self, person: Person) -> None:
        self.person = person
        forms = {person.name, *person.aliases}
        forms.update(part for part in person.name.split() if len(part) >= 3)
        ascii_forms = all(f.isascii() for f in forms)
        self._forms = tuple(f.lower() for f in forms) if ascii_forms else None
        self._pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> bool:
        """Whether ``text`` names the person (a whole word or words, any case)."""
        if self._forms is None or not text.isascii():
            if self._pattern is None:
                self._pattern = name_pattern(self.person)
            return self._pattern.search(text) is not None
        low = text.lower()
        end = len(low)
        for form in self._forms:
            at = low.find(form)
            while at >= 0:
                after = at + len(form)
                if (at == 0 or not _word_char(low[at - 1])) and (
                    after == end or not _word_char(low[after])
                ):
                    return True
                at = low.find(form, at + 1)
        return False


def _word_char(c: str) -> bool:
    """``re``'s ``\\w`` for one character."""
    return c.isalnum() or c == "_"


class Apologies(Part):
    """Finds the newest (or a named) apology and what others said after it."""

    # Apology answers by (article, person) asked, with the store version they were found at.
    _apology_cache: dict[tuple[str | None, str | None], tuple[object, asyncio.Future[Answer]]]

    def __init__(self, lookup: Lookup) -> None:
        super().__init__(lookup)
        self._apology_cache = {}

    def forget(self) -> None:
        """Drop cached answers: the store has changed."""
        self._apology_cache.clear()

    async def apology(self, article: str | None = None, *, person: str | None = None) -> Answer:
        """The newest apology (or the named article's, or the named person's) and reactions.

        A statement is an apology when its parts together score 2+ on
        :func:`apology_strength`; within an article the most apologetic statement wins.

        The answer only changes when the store does, so it is kept until then: finding the
        newest apology reads every quote with an apologetic word, thousands in a big store.
        Callers asking at the same moment share one search.
        """
        key = (article, person)
        version = await self.store.version()
        cached = self._apology_cache.get(key)
        if cached is None or cached[0] != version:
            task = asyncio.ensure_future(self._find_apology(article, person))
            # Seen here if every asker gave up before it failed: never "never retrieved".
            task.add_done_callback(lambda t: t.cancelled() or t.exception())
            if len(self._apology_cache) >= APOLOGY_CACHE:
                del self._apology_cache[next(iter(self._apology_cache))]
            cached = self._apology_cache[key] = (version, task)
        try:
            return await asyncio.shield(cached[1])
        except Exception:
            if self._apology_cache.get(key) is cached:
                del self._apology_cache[key]
            raise

    async def _find_apology(self, article: str | None, person: str | None) -> Answer:
        summary: ArticleSummary | None = None
        if article is not None and clean(article, 200):
            summary = self.lookup.resolve_article(article)
            if summary is None:
                return self.lookup.article_not_found(article)
        name: str | None = None
        if person is not None and clean(person, 200):
            name = self.lookup.resolve_person(person)
            if name is None:
                return NotFound(
                    f"Nobody called “{shorten(clean(person, 200))}” is named in the articles.",
                    self.lookup.suggest_people(person),
                )
        best = await self._best_apology(name, summary.slug if summary else None)
        if best is None:
            where = f" in “{summary.headline}”" if summary else " in the articles"
            who = f" by {name}" if name else ""
            return NotFound(f"I found no apology{who}{where}.")
        parts = best[1]
        source = parts[0].source
        assert source is not None
        stored, quotes, told, paragraphs = await asyncio.gather(
            self.store.article(source.slug),
            self.store.quotes(article=source.slug, limit=10_000),
            self.store.reported(article=source.slug),
            self.store.paragraphs(source.slug),
        )
        return await self._reactions(parts, stored, quotes, told, paragraphs)

    async def _reactions(
        self,
        parts: tuple[Quote, ...],
        stored: ArticleSummary | None,
        quotes: Sequence[Quote],
        told: Sequence[ReportedStatement],
        paragraphs: Sequence[str],
    ) -> ApologyAnswer:
        """The apology ``parts`` with what others said after it, from its article's summary,
        quotes (in statement order), reported statements and paragraphs."""
        source = parts[0].source
        assert source is not None
        speaker = parts[0].speaker
        # From the in-memory index: reading one person from the store ranks every person's
        # articles (0.4 s with 10,000 articles); only someone stored since the last refresh
        # is read.
        who = self._index.people.get(speaker or "")
        if who is None and speaker:
            who = await self.store.person(speaker)
        art = stored or ArticleSummary(source.slug, source.published, source.headline)
        last = max(p.paragraph for p in parts)
        names = NameMatcher(who) if who is not None else None
        in_paragraph: dict[int, list[str]] = {}
        for q in quotes:
            in_paragraph.setdefault(q.paragraph, []).append(q.text)

        def about_them(paragraph: int, own_text: str = "") -> bool:
            """Whether it answers the apology: the reporter's words around it name the
            apologiser, or its own words do, or speak of the apology itself."""
            if _REACTION_WORDS.search(own_text) or (names and names.search(own_text)):
                return True
            if names is None or not 1 <= paragraph <= len(paragraphs):
                return False
            narrative = paragraphs[paragraph - 1]
            for text in in_paragraph.get(paragraph, ()):
                narrative = narrative.replace(text, " ")
            return bool(names.search(narrative))

        statements: dict[int, list[Quote]] = {}
        for q in quotes:
            if q.speaker is not None and q.speaker != speaker and q.paragraph > last:
                statements.setdefault(q.statement, []).append(q)
        after = [
            q
            for group in statements.values()
            if any(about_them(q.paragraph, q.text) for q in group)
            for q in group
        ]
        after.sort(key=lambda q: (q.paragraph, q.statement, q.part))
        reported = [
            r
            for r in told
            if r.speaker != speaker and r.paragraph > last and about_them(r.paragraph, r.text)
        ]
        return ApologyAnswer(parts, tuple(after), tuple(reported), art)

    async def _best_apology(
        self, person: str | None, slug: str | None
    ) -> tuple[tuple[date, int, int], tuple[Quote, ...]] | None:
        """The most apologetic statement of the newest day that has one, with its rank.

        Every apologetic signal scores 2+ on its own, so a statement that is an apology has a
        part that is; only those parts' statements are fetched. Candidates come newest first,
        a page at a time, and the search stops at the first day older than the best found.
        """
        best: tuple[tuple[date, int, int], tuple[Quote, ...]] | None = None
        async with contextlib.aclosing(self._apologetic(person, slug)) as found:
            async for q in found:
                assert q.source is not None
                if best is not None and q.source.published < best[0][0]:
                    return best
                parts = await self._statement(q)
                strength = apology_strength(" ".join(p.text for p in parts))
                rank = (q.source.published, strength, -q.statement)
                if best is None or rank > best[0]:
                    best = (rank, parts)
        return best

    async def _apologetic(
        self, person: str | None, slug: str | None
    ) -> AsyncGenerator[Quote, None]:
        """The first apologetic part (2+ on its own) of each statement holding an apology
        word, newest first, read a page at a time: the one search for apologies, which
        :meth:`_best_apology` stops at the first day older than its best and
        :meth:`apology_stories` reads whole."""
        seen: set[tuple[str, int]] = set()
        offset = 0
        while True:
            page = await self.store.quotes_with_any(
                _APOLOGY_TERMS, speaker=person, article=slug, limit=APOLOGY_PAGE, offset=offset
            )
            for q in page:
                if apology_strength(q.text) < 2:
                    continue
                assert q.source is not None
                key = (q.source.slug, q.statement)
                if key in seen:
                    continue
                seen.add(key)
                yield q
            if len(page) < APOLOGY_PAGE:
                return
            offset += APOLOGY_PAGE

    async def apology_stories(self, person: str) -> list[str]:
        """The stories holding ``person``'s apologies, newest first: found as /apology finds
        them (an apology of someone else's story, asked whether it was accepted)."""
        async with contextlib.aclosing(self._apologetic(person, None)) as found:
            return list(dict.fromkeys([q.source.slug async for q in found if q.source]))

    # -- a recap's apology, from the quotes the recap has read (issue 12) ------------------

    async def apology_among(
        self, summary: ArticleSummary, quotes: Sequence[Quote], told: Told
    ) -> Answer:
        """``apology(summary.slug)``'s answer, found among the article's quotes the caller
        has read (every one, in statement and part order) and its reactions in ``told``
        (what ``Store.article_recap`` read with them) rather than read again.

        A recap with an apology read the article's quotes three times and each candidate's
        statement once more (seven trips, ten times the raw query); this is the same search
        as :meth:`_best_apology` over one article, with no read of its own.
        """
        wanted = {w.casefold() for w in _APOLOGY_TERMS if FTS_TERM.fullmatch(w)}
        best: tuple[tuple[date, int, int], tuple[Quote, ...]] | None = None
        seen: set[int] = set()
        # ``quotes_with_any``'s candidates: attributed quotes holding an apology word, by id.
        for q in sorted(quotes, key=lambda q: q.id or 0):
            if q.speaker is None or q.statement in seen or apology_strength(q.text) < 2:
                continue
            if not wanted.intersection(fts_terms(q.text, limit=None)):
                continue
            seen.add(q.statement)
            parts = tuple(sorted((p for p in quotes if p.statement == q.statement),
                                 key=lambda p: p.part)) or (q,)  # fmt: skip
            strength = apology_strength(" ".join(p.text for p in parts))
            rank = (summary.published, strength, -q.statement)
            if best is None or rank > best[0]:
                best = (rank, parts)
        if best is None:
            return NotFound(f"I found no apology in “{summary.headline}”.")
        stored, reported, paragraphs = told
        return await self._reactions(best[1], stored, quotes, reported, paragraphs)
