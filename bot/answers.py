"""What a fan asked -> a typed answer, over the store: the one answer engine.

The Discord cogs and the offline ``python -m bot ask`` both call :class:`AnswerEngine`, so a
question gets the same answer wherever it is asked. Nothing here imports discord and nothing
here knows any article: names, laps and phrases all come from the store, and in-memory indexes
(people, aliases, articles, normalised quote texts) are rebuilt by :meth:`AnswerEngine.refresh`
so autocomplete and fuzzy matching never wait on SQL.
"""

from __future__ import annotations

import asyncio
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from bot.models import (
    ArticleSummary,
    Fact,
    LapEvent,
    Note,
    Person,
    Quote,
    ReportedStatement,
)
from bot.store import Store

__all__ = [
    "Answer",
    "AnswerEngine",
    "ApologyAnswer",
    "Choice",
    "FactsAnswer",
    "HelpAnswer",
    "LapAnswer",
    "NotFound",
    "PersonAnswer",
    "QuotesAnswer",
    "RecapAnswer",
    "RecapStory",
    "WhoSaidAnswer",
    "apology_strength",
    "group_statements",
    "normalise",
]

log = logging.getLogger(__name__)

#: Longest user text the engine looks at; anything past it is noise and only costs time.
MAX_QUESTION = 1000
#: Longest phrase /whosaid matches; a longer paste is cut, which only makes matching stricter.
MAX_PHRASE = 300
#: How many quotes /quote lists at most.
QUOTE_LIMIT = 50
#: Scores (0-100) a /whosaid candidate must reach: short phrases match by accident more easily.
WHOSAID_CUTOFF = 80.0
WHOSAID_SHORT_CUTOFF = 90.0
WHOSAID_SHORT = 12
WHOSAID_MIN = 4
#: A person name typed with a typo still resolves at this similarity (0-100).
PERSON_CUTOFF = 84.0
SUGGEST_CUTOFF = 60.0
COMPLETE_CUTOFF = 75.0
ARTICLE_CUTOFF = 80.0
#: /lap's range, as registered with Discord; a client ignoring min/max is told it.
MAX_LAP = 100
#: Unrouted text is tried as a /whosaid phrase only when it has at least this many words.
FALLBACK_WORDS = 3


# -- answers ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    """An autocomplete choice, discord-free; cogs turn it into ``app_commands.Choice``."""

    name: str
    value: str

    def __post_init__(self) -> None:
        if not 1 <= len(self.name) <= 100 or len(self.value) > 100:
            raise ValueError("a choice's name must be 1..100 chars and its value at most 100")


@dataclass(frozen=True, slots=True)
class QuotesAnswer:
    """Quotes for /quote, newest first; parts of one statement stay together, in order.

    ``reported`` holds paraphrases when the person was reported but never quoted, so "what
    did X say" can answer truthfully without inventing quotation marks.
    """

    quotes: tuple[Quote, ...]
    title: str
    reported: tuple[ReportedStatement, ...] = ()

    @property
    def statements(self) -> tuple[tuple[Quote, ...], ...]:
        return group_statements(self.quotes)


@dataclass(frozen=True, slots=True)
class WhoSaidAnswer:
    """The quote a phrase matched, its whole statement, and how close the match was (0-100).

    ``quote.speaker`` None means the article does not say who spoke; ``others`` are other
    quotes that matched as well, from other speakers, so an ambiguous phrase is visible.
    """

    quote: Quote
    statement_parts: tuple[Quote, ...]
    score: float
    phrase: str = ""
    others: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class LapAnswer:
    """Events on one lap across articles; empty events means none, with the laps that have."""

    lap: int
    events: tuple[LapEvent, ...]
    laps_with_events: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ApologyAnswer:
    """An apology (every part, in order) and what others said after it in the same article."""

    apology_parts: tuple[Quote, ...]
    reactions: tuple[Quote, ...]
    reported: tuple[ReportedStatement, ...]
    article: ArticleSummary

    @property
    def speaker(self) -> str | None:
        return self.apology_parts[0].speaker if self.apology_parts else None


@dataclass(frozen=True, slots=True)
class PersonAnswer:
    """A profile: who someone is, what they said (quoted) and what they were reported saying."""

    person: Person
    quotes: tuple[Quote, ...]
    reported: tuple[ReportedStatement, ...]
    articles: tuple[ArticleSummary, ...]


@dataclass(frozen=True, slots=True)
class FactsAnswer:
    """An article's key facts in stored order, the editor's notes on them, and its lap events."""

    article: ArticleSummary
    facts: tuple[Fact, ...]
    notes: tuple[Note, ...]
    events: tuple[LapEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class RecapStory:
    """One story of a recap: what happened, the line that sums it up, and what came after."""

    article: ArticleSummary
    what_happened: tuple[LapEvent | Fact, ...]
    key_quote: Quote | None
    apology_or_aftermath: ApologyAnswer | Fact | None


@dataclass(frozen=True, slots=True)
class RecapAnswer:
    """A recap of one or more stories; ``late_by``/``due_at`` say a scheduled post is late."""

    stories: tuple[RecapStory, ...]
    late_by: timedelta | None = None
    archive: bool = False
    due_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class NotFound:
    """Nothing matched; the message says what was looked for and never guesses a name."""

    message: str
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HelpAnswer:
    """What Pitwall can answer, with examples built from what the store holds."""

    message: str
    examples: tuple[str, ...]


Answer = (
    QuotesAnswer
    | WhoSaidAnswer
    | LapAnswer
    | ApologyAnswer
    | PersonAnswer
    | FactsAnswer
    | RecapAnswer
    | NotFound
    | HelpAnswer
)


# -- text helpers -------------------------------------------------------------------------

_APOSTROPHE_MARKS = ("'", "’", "‘", "`", "´")
_SPACES = re.compile(r"\s+")
_QUOTE_CHARS = "\"'“”‘’«»„‟‹›`´"


def _invisible_pattern() -> re.Pattern[str]:
    """Format and control characters (bar newline and tab) as one character class.

    Built once at import; a regex drops them C-fast, where testing each character's category
    in Python made indexing 100k quotes take seconds.
    """
    astral = [*range(0x110BD, 0x110CE), *range(0x13430, 0x13440), *range(0x1BCA0, 0x1BCA4),
              *range(0x1D173, 0x1D17B), *range(0xE0001, 0xE0080)]  # fmt: skip
    points = [
        cp
        for cp in [*range(0x10000), *astral]
        if unicodedata.category(chr(cp)) in ("Cf", "Cc", "Cs") and chr(cp) not in "\n\t"
    ]
    ranges: list[list[int]] = []
    for cp in points:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    members = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{members}]+")


_INVISIBLE = _invisible_pattern()


def _strip_invisible(text: str) -> str:
    """Drop format characters (zero-width spaces, joiners, BOMs) and control characters."""
    return _INVISIBLE.sub("", text)


def clean(text: str, limit: int = MAX_QUESTION) -> str:
    """NFKC, no invisible characters, single spaces, at most ``limit`` characters."""
    text = unicodedata.normalize("NFKC", text[: limit * 4])
    return _SPACES.sub(" ", _strip_invisible(text)).strip()[:limit]


def normalise(text: str) -> str:
    """Casefolded words only: what fuzzy matching compares, so punctuation never matters.

    Apostrophes vanish ("there's" → "theres") so either spelling matches; rapidfuzz's C
    ``default_process`` turns the rest of the punctuation into spaces.
    """
    text = _strip_invisible(unicodedata.normalize("NFKC", text))
    for mark in _APOSTROPHE_MARKS:
        text = text.replace(mark, "")
    return " ".join(default_process(text).casefold().split())


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def group_statements(quotes: Iterable[Quote]) -> tuple[tuple[Quote, ...], ...]:
    """Group quotes into statements (same article and statement number), first-seen order."""
    groups: dict[tuple[str, int], list[Quote]] = {}
    for q in quotes:
        key = (q.source.slug if q.source else "", q.statement)
        groups.setdefault(key, []).append(q)
    return tuple(tuple(sorted(g, key=lambda q: q.part)) for g in groups.values())


def _published(q: Quote | ReportedStatement) -> date:
    return q.source.published if q.source else date.min


# -- apology detection --------------------------------------------------------------------

_STRONG_APOLOGY = re.compile(
    r"\b(?:apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|sorry)\b", re.IGNORECASE
)
_FIRST_PERSON_BLAME = re.compile(
    r"\b(?:i|we)\b(?:\W+\w+){0,3}?\W+(?:take|took|taking|accept|accepted|bear)\s+"
    r"(?:full\s+|the\s+|my\s+|our\s+)?(?:responsibility|the\s+blame|blame)\b"
    r"|\b(?:my|our)\s+(?:fault|mistake|error|bad)\b"
    r"|\bi\s+was\s+(?:wrong|to\s+blame)\b"
    r"|\bi\s+(?:regret|deeply\s+regret)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:not|never|no|won'?t|wont|don'?t|dont|nothing\s+to)\b(?:\W+\w+){0,2}?\W+"
    r"(?:apologi|sorry|apology)",
    re.IGNORECASE,
)


def apology_strength(text: str) -> int:
    """Score how apologetic a statement is: 0 none, 2+ an apology (first-person, unnegated).

    Strong words (apologise, sorry, apology) count 3 unless negated ("I won't apologise");
    first-person responsibility ("I have to take responsibility", "my fault") counts 2. Praise
    of someone else's ("respect for taking responsibility") counts nothing, so a reaction to an
    apology is not mistaken for one.
    """
    strong = len(_STRONG_APOLOGY.findall(text)) - len(_NEGATED.findall(text))
    return 3 * max(strong, 0) + 2 * len(_FIRST_PERSON_BLAME.findall(text))


#: Words worth asking FTS for when hunting apologies; the regex above decides.
_APOLOGY_TERMS = (
    "apologise", "apologised", "apologises", "apologising", "apologize", "apologized",
    "apologizes", "apologizing", "apology", "apologies", "sorry", "responsibility", "fault",
    "blame", "regret", "mistake", "wrong",
)  # fmt: skip


# -- routing --------------------------------------------------------------------------------

_WHO_SAID = re.compile(
    r"^(?:so\s+)?who\s+(?:said|says|wrote|writes|tweeted|posted)\b\W*(.*)$", re.I
)
_LAP_NUMBER = re.compile(r"\blap\s*(?:no\.?|number|#)?\s*(\d{1,6})\b", re.I)
_NTH_LAP = re.compile(r"\b(\d{1,6})\s*(?:st|nd|rd|th)?\s+lap\b", re.I)
_APOLOGY_WORDS = re.compile(r"\b(?:apolog\w*|sorry|regret\w*)\b", re.I)
_WHO_IS = re.compile(
    r"^(?:who\s+(?:is|was|are|s)|who['’]s|whos|tell\s+me\s+about|profile\s+(?:of\s+)?|about)\s+"
    r"(.+)$",
    re.I,
)
_WHAT_SAID = re.compile(
    r"^(?:what|how)\s+(?:did|does|do|has|had|was|is)\s+(.+?)\s+"
    r"(?:say|said|think|thought|write|wrote|tweet|tweeted|post|posted|react|reacted|respond|"
    r"responded|reply|replied|feel|felt|saying)\b",
    re.I,
)
_QUOTE_FROM = re.compile(
    r"^(?:(?:a|random)\s+)?quotes?(?:\s+(?:from|by|of))?\s*(.*)$|^(.+?)\s+quotes?$", re.I
)
_RECAP = re.compile(r"\b(?:recap|summary|summari[sz]e|catch\s+me\s+up|tl;?dr)\b", re.I)
_FACTS = re.compile(
    r"\b(?:facts?|what\s+happened|what\s+went\s+on|the\s+story|details|key\s+points)\b", re.I
)
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,})[\"“”«»„]|(?<!\w)'([^']{2,})'(?!\w)")
_LEAD_IN = re.compile(
    r"^(?:hey|hi|please|pitwall|ok|okay|so|and|but|can\s+you\s+tell\s+me|tell\s+me|"
    r"do\s+you\s+know)\b[\s,!:]*",
    re.I,
)
_ABOUT_TAIL = re.compile(r"\s+(?:about|on|regarding|after|of)\b.*$", re.I)
_TRAILING = re.compile(r"[\s?!.,;:…]+$")
_STOPWORD_TEXT = (
    "a an the and or but of on in at to for with about after did does do is was were be been "
    "has have had what who whom whose which how why when where say said tell me please it "
    "that this he she they his her their him them i you we apologise apologize apology "
    "apologised apologized sorry quote quotes lap facts recap happened anyone anybody someone "
    "somebody everyone ever any there here really actually"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _strip_quotes(text: str) -> str:
    return text.strip().strip(_QUOTE_CHARS + " ?!.,;:").strip()


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    exact: bool
    closeness: float
    quote: Quote


# -- the engine ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Index:
    """Everything ``refresh`` builds; swapped in whole so a reader never sees half of one."""

    people: dict[str, Person] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)  # normalised key -> full name
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_names: list[str] = field(default_factory=list)
    aliases: list[tuple[str, str, str]] = field(default_factory=list)  # (key, alias, name)
    people_keys: list[tuple[str, str]] = field(default_factory=list)  # (normalised, name)
    articles: list[ArticleSummary] = field(default_factory=list)
    article_keys: list[str] = field(default_factory=list)  # normalised headline + slug
    quote_ids: list[int] = field(default_factory=list)
    quote_norm: list[str] = field(default_factory=list)
    laps: tuple[int, ...] = ()
    name_words: frozenset[str] = frozenset()  # every word of every name and alias


def _build_people_index(people: Sequence[Person], index: _Index) -> None:
    """Map every way of naming someone to their full name; a shared key maps to nobody."""
    tiers: list[dict[str, set[str]]] = [{}, {}, {}, {}]  # full, alias, surname, first name
    for person in people:
        index.people[person.name] = person
        tiers[0].setdefault(normalise(person.name), set()).add(person.name)
        for alias in person.aliases:
            key = normalise(alias)
            tiers[1].setdefault(key, set()).add(person.name)
            bare = re.sub(r"^the\s+", "", key)
            if bare != key:
                tiers[1].setdefault(bare, set()).add(person.name)
            index.aliases.append((key, alias, person.name))
        words = normalise(person.name).split()
        if len(words) > 1:
            tiers[2].setdefault(words[-1], set()).add(person.name)
            tiers[3].setdefault(words[0], set()).add(person.name)
    index.people_keys = sorted((normalise(p.name), p.name) for p in people)
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


class AnswerEngine:
    """Answers fans' questions from the store; cheap lookups come from in-memory indexes."""

    store: Store
    _index: _Index

    def __init__(self, store: Store) -> None:
        self.store = store
        self._index = _Index()

    # -- indexes -------------------------------------------------------------------------

    async def refresh(self) -> None:
        """Rebuild the in-memory indexes from the store: at start and after every ingest."""
        index = _Index()
        people = await self.store.people()
        _build_people_index(people, index)
        index.articles = await self.store.articles()
        index.article_keys = [normalise(f"{a.headline} {a.slug}") for a in index.articles]
        for quote_id, text in await self.store.quote_texts():
            index.quote_ids.append(quote_id)
            index.quote_norm.append(normalise(text))
        index.laps = tuple(await self.store.laps_with_events())
        self._index = index
        log.info(
            "answer index: %d people, %d articles, %d quotes",
            len(index.people), len(index.articles), len(index.quote_ids),
        )  # fmt: skip

    # -- resolving names and articles ------------------------------------------------------

    def resolve_person(self, text: str) -> str | None:
        """Full name for a full name, surname, first name, alias or small typo; else None."""
        key = normalise(clean(text, 200))
        if not key:
            return None
        index = self._index
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
        names = {index.fuzzy_names[i] for _, score, i in best if score >= best[0][1] - 1e-9}
        return names.pop() if len(names) == 1 else None

    def suggest_people(
        self, text: str, limit: int = 5, *, cutoff: float = SUGGEST_CUTOFF
    ) -> tuple[str, ...]:
        """Names close to ``text``, best first, for a NotFound's "did you mean"."""
        key = normalise(clean(text, 200))
        index = self._index
        if not key or not index.fuzzy_keys:
            return ()
        found = process.extract(key, index.fuzzy_keys, scorer=fuzz.WRatio, limit=limit * 3,
                                score_cutoff=cutoff)  # fmt: skip
        names: list[str] = list(index.ambiguous.get(key, ()))
        for _, _, i in found:
            if index.fuzzy_names[i] not in names:
                names.append(index.fuzzy_names[i])
        return tuple(names[:limit])

    def complete_people(self, current: str, limit: int = 25) -> list[Choice]:
        """Autocomplete: full-name prefixes, then name-word prefixes, aliases, then fuzzy."""
        index = self._index
        key = normalise(clean(current, 100))
        names = sorted(index.people)
        picked: list[tuple[str, str]] = []  # (full name, label)
        seen: set[str] = set()

        def add(name: str, label: str | None = None) -> None:
            if name not in seen:
                seen.add(name)
                picked.append((name, label or name))

        if not key:
            for name in names:
                add(name)
        else:
            for norm, name in index.people_keys:
                if norm.startswith(key):
                    add(name)
            for norm, name in index.people_keys:
                if any(w.startswith(key) for w in norm.split()):
                    add(name)
            for alias_key, alias, name in index.aliases:
                if key in alias_key:
                    add(name, f"{name} ({alias})")
            if len(key) >= 3:
                for name in self.suggest_people(current, limit, cutoff=COMPLETE_CUTOFF):
                    add(name)
        return [Choice(label[:100], name[:100]) for name, label in picked[:limit]]

    def complete_articles(self, current: str, limit: int = 25) -> list[Choice]:
        """Autocomplete articles, newest first: date or slug prefix, headline words, fuzzy."""
        index = self._index
        text = clean(current, 100).casefold()
        key = normalise(text)
        picked: list[ArticleSummary] = []
        if not key:
            picked = index.articles[:limit]
        else:
            words = key.split()
            for article, akey in zip(index.articles, index.article_keys, strict=True):
                if (
                    article.published.isoformat().startswith(text)
                    or article.slug.startswith(text)
                    or all(w in akey for w in words)
                ):
                    picked.append(article)
                    if len(picked) >= limit:
                        break
            if len(picked) < limit and len(key) >= 4 and not key.replace(" ", "").isdigit():
                extra = process.extract(key, index.article_keys, scorer=fuzz.partial_ratio,
                                        limit=limit, score_cutoff=ARTICLE_CUTOFF)  # fmt: skip
                for _, _, i in extra:
                    if index.articles[i] not in picked:
                        picked.append(index.articles[i])
        return [
            Choice(_shorten(f"{a.published.isoformat()} {a.headline}", 100), a.slug[:100])
            for a in picked[:limit]
        ]

    def resolve_article(self, text: str | None) -> ArticleSummary | None:
        """The article a slug, slug prefix, date or headline words name; None text → newest."""
        index = self._index
        if not index.articles:
            return None
        raw = clean(text or "", 300)
        if not raw:
            return index.articles[0]
        low = raw.casefold()
        for article in index.articles:
            if article.slug.casefold() == low:
                return article
        date_match = re.match(r"^(\d{4}-\d{2}-\d{2})\b\s*(.*)$", raw)
        if date_match:
            same_day = [a for a in index.articles if a.published.isoformat() == date_match[1]]
            rest = normalise(date_match[2])
            for article in same_day:
                if not rest or all(w in normalise(article.headline) for w in rest.split()):
                    return article
            if same_day and not rest:
                return same_day[0]
        prefixed = [a for a in index.articles if a.slug.casefold().startswith(low)]
        if len(prefixed) == 1:
            return prefixed[0]
        key = normalise(raw)
        if not key:
            return None
        words = key.split()
        for article, akey in zip(index.articles, index.article_keys, strict=True):
            if all(re.search(rf"\b{re.escape(w)}", akey) for w in words):
                return article
        best = process.extractOne(key, index.article_keys, scorer=fuzz.token_set_ratio,
                                  score_cutoff=ARTICLE_CUTOFF)  # fmt: skip
        return index.articles[best[2]] if best else None

    def _article_not_found(self, text: str) -> NotFound:
        suggestions = tuple(c.name for c in self.complete_articles(text, 5))
        if not self._index.articles:
            return NotFound("No articles have been loaded yet.")
        return NotFound(f"No article matches “{_shorten(clean(text, 200))}”.", suggestions)

    def _person_in(self, text: str) -> str | None:
        """A person named anywhere in free text: exact names/aliases first, then typos."""
        words = normalise(text).split()
        index = self._index
        for size in (4, 3, 2, 1):
            for start in range(len(words) - size + 1):
                key = " ".join(words[start : start + size])
                if key in index.exact and not (size == 1 and key in _STOPWORDS):
                    return index.exact[key]
        for word in words:
            if len(word) >= 5 and word not in _STOPWORDS:
                name = self.resolve_person(word)
                if name:
                    return name
        return None

    # -- commands ------------------------------------------------------------------------

    async def _statement(self, quote: Quote) -> tuple[Quote, ...]:
        if quote.source is None:
            return (quote,)
        parts = await self.store.statement(quote.source.slug, quote.statement)
        return tuple(parts) or (quote,)

    async def quote(self, speaker: str | None = None, contains: str | None = None) -> Answer:
        """Quotes by a speaker and/or containing words; neither → one random attributed quote."""
        name: str | None = None
        if speaker is not None and clean(speaker, 200):
            name = self.resolve_person(speaker)
            if name is None:
                shown = _shorten(clean(speaker, 200))
                return NotFound(
                    f"Nobody called “{shown}” is named in the articles.",
                    self.suggest_people(speaker),
                )
        words = clean(contains, MAX_PHRASE) if contains else ""
        if name is None and not words:
            picked = await self.store.random_quote()
            if picked is None:
                return NotFound("No attributed quotes have been loaded yet.")
            return QuotesAnswer(await self._statement(picked), f"A quote from {picked.speaker}")
        found = await self.store.quotes(speaker=name, contains=words or None, limit=QUOTE_LIMIT)
        if words:
            # Show the whole statement a matching part belongs to: a part alone can stop
            # mid-thought, and the parts are the same speaker's words anyway.
            expanded: list[Quote] = []
            seen: set[tuple[str, int]] = set()
            for q in found:
                key = (q.source.slug if q.source else "", q.statement)
                if key not in seen:
                    seen.add(key)
                    expanded.extend(await self._statement(q))
            found = expanded
        found.sort(key=_published, reverse=True)
        shown_words = _shorten(words)
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
        if not exact and len(phrase.split()) >= 3 and len(phrase) >= WHOSAID_SHORT:
            score = max(score, fuzz.token_set_ratio(phrase, text))
        return score, exact, fuzz.ratio(phrase, text)

    def _scan(self, phrase: str, cutoff: float) -> list[int]:
        """Indexes of quotes worth scoring, from the whole in-memory index (the slow path)."""
        texts = self._index.quote_norm
        hits = process.extract(phrase, texts, scorer=fuzz.partial_ratio, limit=20,
                               score_cutoff=cutoff)  # fmt: skip
        found = [i for _, _, i in hits]
        if len(phrase.split()) >= 3 and len(phrase) >= WHOSAID_SHORT:
            more = process.extract(phrase, texts, scorer=fuzz.token_set_ratio, limit=20,
                                   score_cutoff=cutoff)  # fmt: skip
            found += [i for _, _, i in more if i not in found]
        return found

    async def whosaid(self, phrase: str) -> Answer:
        """Who said a phrase: tolerant of case, punctuation and small typos; never guesses."""
        cleaned = _strip_quotes(clean(phrase, MAX_PHRASE))
        shown = _shorten(cleaned) or "…"
        key = normalise(cleaned)
        if len(key) < WHOSAID_MIN:
            return NotFound(f"“{shown}” is too short to match a quote: give a few more words.")
        cutoff = WHOSAID_SHORT_CUTOFF if len(key) < WHOSAID_SHORT else WHOSAID_CUTOFF
        scored: dict[int, _Scored] = {}
        for q in await self.store.search_quotes(cleaned, limit=50):
            if q.id is None:
                continue
            score, exact, closeness = self._phrase_score(key, normalise(q.text))
            if score >= cutoff:
                scored[q.id] = _Scored(score, exact, closeness, q)
        if not scored or max(s.score for s in scored.values()) < 95:
            index = self._index
            candidates = await asyncio.to_thread(self._scan, key, cutoff)
            for i in candidates:
                quote_id = index.quote_ids[i]
                if quote_id in scored:
                    continue
                score, exact, closeness = self._phrase_score(key, index.quote_norm[i])
                if score >= cutoff:
                    q = await self.store.quote_by_id(quote_id)
                    if q is not None:
                        scored[quote_id] = _Scored(score, exact, closeness, q)
        if not scored:
            return NotFound(f"No quote close to “{shown}” — nobody is named.")
        ranked = sorted(
            scored.values(),
            key=lambda s: (s.score, s.exact, s.closeness, _published(s.quote)),
            reverse=True,
        )
        best = ranked[0]
        others: list[Quote] = []
        seen = {best.quote.speaker}
        for s in ranked[1:]:
            if s.score >= best.score - 2 and s.quote.speaker not in seen:
                seen.add(s.quote.speaker)
                others.append(s.quote)
        parts = await self._statement(best.quote)
        return WhoSaidAnswer(best.quote, parts, best.score, cleaned, tuple(others[:3]))

    async def lap(self, number: int) -> Answer:
        """What happened on lap ``number`` in every article; none → the laps that have events."""
        laps = tuple(await self.store.laps_with_events())
        if not 1 <= number <= MAX_LAP:
            listed = ", ".join(map(str, laps)) or "none yet"
            return NotFound(f"Lap numbers run from 1 to {MAX_LAP}. Laps with events: {listed}.")
        return LapAnswer(number, tuple(await self.store.lap_events(lap=number)), laps)

    async def _apology_candidates(self, person: str | None, slug: str | None) -> list[Quote]:
        found: dict[int | None, Quote] = {}
        for term in _APOLOGY_TERMS:
            for q in await self.store.quotes(speaker=person, contains=term, article=slug,
                                             limit=1000):  # fmt: skip
                found.setdefault(q.id, q)
        return [q for q in found.values() if q.speaker is not None]

    async def apology(self, article: str | None = None, *, person: str | None = None) -> Answer:
        """The newest apology (or the named article's, or the named person's) and reactions.

        A statement is an apology when its parts together score 2+ on
        :func:`apology_strength`; within an article the most apologetic statement wins.
        """
        summary: ArticleSummary | None = None
        if article is not None and clean(article, 200):
            summary = self.resolve_article(article)
            if summary is None:
                return self._article_not_found(article)
        name: str | None = None
        if person is not None and clean(person, 200):
            name = self.resolve_person(person)
            if name is None:
                return NotFound(
                    f"Nobody called “{_shorten(clean(person, 200))}” is named in the articles.",
                    self.suggest_people(person),
                )
        candidates = await self._apology_candidates(name, summary.slug if summary else None)
        # Every apologetic signal scores 2+ on its own, so a statement that is an apology has
        # a part that is; only those parts' statements are fetched, newest first.
        candidates = [q for q in candidates if apology_strength(q.text) >= 2]
        candidates.sort(key=_published, reverse=True)
        best: tuple[tuple[date, int, int], tuple[Quote, ...]] | None = None
        seen: set[tuple[str, int]] = set()
        for q in candidates:
            assert q.source is not None
            if best is not None and q.source.published < best[0][0]:
                break
            key = (q.source.slug, q.statement)
            if key in seen:
                continue
            seen.add(key)
            parts = await self._statement(q)
            strength = apology_strength(" ".join(p.text for p in parts))
            rank = (q.source.published, strength, -q.statement)
            if best is None or rank > best[0]:
                best = (rank, parts)
        if best is None:
            where = f" in “{summary.headline}”" if summary else " in the articles"
            who = f" by {name}" if name else ""
            return NotFound(f"I found no apology{who}{where}.")
        parts = best[1]
        source = parts[0].source
        assert source is not None
        art = await self.store.article(source.slug) or ArticleSummary(
            source.slug, source.published, source.headline
        )
        speaker = parts[0].speaker
        last = max(p.paragraph for p in parts)
        after = [
            q
            for q in await self.store.quotes(article=source.slug, limit=10_000)
            if q.speaker is not None and q.speaker != speaker and q.paragraph > last
        ]
        after.sort(key=lambda q: (q.paragraph, q.statement, q.part))
        reported = [
            r
            for r in await self.store.reported(article=source.slug)
            if r.speaker != speaker and r.paragraph > last
        ]
        return ApologyAnswer(parts, tuple(after), tuple(reported), art)

    async def who(self, name: str) -> Answer:
        """A profile of the person ``name`` resolves to; unknown → NotFound with close names."""
        full = self.resolve_person(name)
        if full is None:
            shown = _shorten(clean(name, 200)) or "…"
            return NotFound(
                f"Nobody called “{shown}” is named in the articles.", self.suggest_people(name)
            )
        person = self._index.people.get(full) or await self.store.person(full) or Person(full)
        quotes = await self.store.quotes(speaker=full, limit=QUOTE_LIMIT)
        reported = await self.store.reported(speaker=full)
        articles: dict[str, ArticleSummary] = {}
        by_slug = {a.slug: a for a in self._index.articles}
        for item in [*quotes, *reported]:
            if item.source and item.source.slug not in articles:
                s = item.source
                articles[s.slug] = by_slug.get(s.slug) or ArticleSummary(
                    s.slug, s.published, s.headline
                )
        ordered = sorted(articles.values(), key=lambda a: a.published, reverse=True)
        return PersonAnswer(person, tuple(quotes), tuple(reported), tuple(ordered))

    async def facts(self, article: str | None = None) -> Answer:
        """The article's facts in stored order, with editor's notes and its lap events."""
        summary = self.resolve_article(article)
        if summary is None:
            return self._article_not_found(article or "")
        return FactsAnswer(
            summary,
            tuple(await self.store.facts(summary.slug)),
            tuple(await self.store.notes(summary.slug)),
            tuple(await self.store.lap_events(article=summary.slug)),
        )

    async def _story(self, summary: ArticleSummary) -> RecapStory:
        events = await self.store.lap_events(article=summary.slug)
        facts = await self.store.facts(summary.slug)
        what: tuple[LapEvent | Fact, ...] = tuple(events) if events else tuple(facts[:3])
        quotes = await self.store.quotes(article=summary.slug, limit=10_000)
        attributed = sorted(
            (q for q in quotes if q.speaker), key=lambda q: (q.kind != "direct", q.paragraph)
        )
        key_quote = attributed[0] if attributed else None
        aftermath: ApologyAnswer | Fact | None = None
        apology = await self.apology(summary.slug)
        if isinstance(apology, ApologyAnswer):
            aftermath = apology
            if key_quote is not None and key_quote in apology.apology_parts:
                others = [q for q in attributed if q not in apology.apology_parts]
                key_quote = others[0] if others else None
        else:
            aftermath = next((f for f in facts if "aftermath" in f.key.casefold()), None)
        return RecapStory(summary, what, key_quote, aftermath)

    async def recap(self, article: str | None = None) -> Answer:
        """A recap of the newest article, or of the one named."""
        summary = self.resolve_article(article)
        if summary is None:
            return self._article_not_found(article or "")
        return RecapAnswer((await self._story(summary),))

    async def recap_of(
        self,
        slugs: Sequence[str],
        *,
        late_by: timedelta | None = None,
        archive: bool = False,
        due_at: datetime | None = None,
    ) -> Answer:
        """The scheduled recap of these stories; late ones say so, old ones say "archive"."""
        stories = []
        for slug in slugs:
            summary = await self.store.article(slug)
            if summary is None:
                log.warning("recap: article %s is not in the store; skipped", slug)
                continue
            stories.append(await self._story(summary))
        if not stories:
            return NotFound("None of the stories for this recap are in the store any more.")
        if late_by is not None and due_at is None:
            due_at = datetime.now(UTC) - late_by
        return RecapAnswer(tuple(stories), late_by, archive, due_at)

    # -- plain English -------------------------------------------------------------------

    def help(self) -> HelpAnswer:
        """What the bot answers, with examples drawn from what is actually stored."""
        index = self._index
        examples: list[str] = []
        if index.laps:
            examples.append(f"what happened on lap {index.laps[0]}?")
        names = sorted(index.people)
        if names:
            surname = names[0].split()[-1]
            examples += [f"what did {surname} say?", f"who is {surname}?"]
        if index.quote_norm:
            words = index.quote_norm[0].split()[:4]
            if len(words) >= 2:
                examples.append(f"who said “{' '.join(words)}”?")
        examples += ["did anyone apologise?", "key facts", "recap"]
        return HelpAnswer(
            "I answer from the stored articles: laps, who said what, apologies, people, "
            "key facts and recaps.",
            tuple(examples),
        )

    async def ask(self, question: str) -> Answer:
        """Route a plain-English question to the command that answers it."""
        text = clean(question)
        text = _LEAD_IN.sub("", text).strip()
        bare = _TRAILING.sub("", text)
        if not bare:
            return self.help()

        if m := _WHO_SAID.match(bare):
            phrase = m[1]
            quoted = _QUOTED.search(phrase)
            phrase = (quoted[1] or quoted[2]) if quoted else phrase
            return await self.whosaid(_strip_quotes(phrase)) if phrase.strip() else self.help()

        if _APOLOGY_WORDS.search(bare) and not _QUOTED.search(bare):
            person = self._person_in(bare)
            # Words left once names are set aside may name the story ("... in Hungary").
            story = self._article_named(_APOLOGY_WORDS.sub(" ", bare), skip_names=True)
            return await self.apology(story, person=person)

        m = _LAP_NUMBER.search(bare) or _NTH_LAP.search(bare)
        if m:
            return await self.lap(int(m[1]))

        if m := _WHO_IS.match(bare):
            target = _strip_quotes(m[1])
            name = self.resolve_person(target) or self._person_in(target)
            if name:
                return await self.who(name)
            if bare.casefold().startswith("who") and self._article_named(target) is None:
                return await self.who(target)

        if m := _WHAT_SAID.match(bare):
            target = _strip_quotes(m[1])
            name = self.resolve_person(target) or self._person_in(target)
            return await self.quote(speaker=name or target)

        if _RECAP.search(bare):
            rest = _RECAP.sub(" ", bare)
            return await self.recap(self._article_named(rest))

        if _FACTS.search(bare):
            rest = _FACTS.sub(" ", bare)
            return await self.facts(self._article_named(rest))

        if m := _QUOTE_FROM.match(bare):
            target = _strip_quotes(m[1] or m[2] or "")
            if not target:
                return await self.quote()
            name = self.resolve_person(target)
            if name:
                return await self.quote(speaker=name)

        if self.resolve_person(bare):
            return await self.who(bare)

        # Last resort: the question may be a remembered phrase. Unquoted, it must be a few
        # words long, or any word a quote happens to contain would "match".
        quoted = _QUOTED.search(bare)
        if quoted:
            return await self.whosaid(quoted[1] or quoted[2])
        if len(normalise(bare).split()) >= FALLBACK_WORDS:
            found = await self.whosaid(bare)
            if isinstance(found, WhoSaidAnswer):
                return found
        return self.help()

    def _article_named(self, text: str, *, skip_names: bool = False) -> str | None:
        """The slug of an article that leftover words of a question name, if any.

        With ``skip_names``, words that name a person are ignored: a name in a headline must
        not pin a question about that person to that one story.
        """
        words = [w for w in normalise(text).split() if w not in _STOPWORDS]
        if skip_names:
            words = [w for w in words if w not in self._index.name_words]
        if not words:
            return None
        found = self.resolve_article(" ".join(words))
        return found.slug if found else None
