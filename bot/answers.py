"""What a fan asked -> a typed answer, over the store: the one answer engine.

The Discord cogs and the offline ``python -m bot ask`` both call :class:`AnswerEngine`, so a
question gets the same answer wherever it is asked. Nothing here imports discord and nothing
here knows any article: names, laps and phrases all come from the store, and in-memory indexes
(people, aliases, articles, normalised quote texts) are rebuilt by :meth:`AnswerEngine.refresh`
so autocomplete and fuzzy matching never wait on SQL.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

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
from bot.store import Store, fts_terms

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
#: Quotes one text search hands /whosaid, how many of those are scored in full, and how
#: many matches a search may have to rank to find them (ranking costs about 0.7 µs each).
WHOSAID_CANDIDATES = 200
WHOSAID_RANKED = 5000
WHOSAID_SCORED = 50
#: A word held by more than this share of quotes (and this many) tells little about which
#: one was meant; up to SCAN_ALL quotes, a phrase the search misses is sought in all of them.
COMMON_SHARE = 0.03
COMMON_FLOOR = 100
SCAN_ALL = 2000
#: Apology candidates read per query, newest first; answers kept (see ``apology``).
APOLOGY_PAGE = 200
APOLOGY_CACHE = 256
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


def _unaccent(text: str) -> str:
    """Drop accents, as the quotes' FTS index does (``remove_diacritics``)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


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


#: Words with which a reaction speaks of an apology without naming who made it.
_REACTION_WORDS = re.compile(
    r"\b(?:apolog\w*|sorry|mistakes?|forgiv\w*|responsibility|owned|owning|accept\w*)\b",
    re.IGNORECASE,
)


def _name_pattern(person: Person) -> re.Pattern[str]:
    """Every way the article names ``person``: full name, each name of three letters or more,
    and the aliases. A reaction to an apology is one whose paragraph names the apologiser."""
    forms = {person.name, *person.aliases}
    forms.update(part for part in person.name.split() if len(part) >= 3)
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _strip_quotes(text: str) -> str:
    return text.strip().strip(_QUOTE_CHARS + " ?!.,;:").strip()


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    exact: bool
    closeness: float
    quote: Quote
    parts: tuple[Quote, ...] = ()  # the quote's whole statement, when fetched with it


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
    # Worked out once here rather than on every keystroke or question:
    names: list[str] = field(default_factory=list)  # every full name, sorted
    people_norms: list[str] = field(default_factory=list)  # people_keys' keys, sorted
    name_word_keys: list[tuple[str, int]] = field(default_factory=list)  # (word, people_keys i)
    alias_blob: str = ""  # every alias key, NUL-separated, for one C-speed substring search
    alias_starts: list[int] = field(default_factory=list)  # where each alias key starts in it
    position: dict[int, int] = field(default_factory=dict)  # quote id -> index in quote_norm
    attributed: list[int] = field(default_factory=list)  # ids of quotes with a speaker
    slugs: dict[str, ArticleSummary] = field(default_factory=dict)  # casefolded, newest wins
    article_dates: list[str] = field(default_factory=list)  # ISO date of each article
    slug_keys: list[str] = field(default_factory=list)  # casefolded slug of each article
    by_slug: dict[str, ArticleSummary] = field(default_factory=dict)
    article_words: dict[str, list[int]] = field(default_factory=dict)  # word -> articles
    article_vocab: list[str] = field(default_factory=list)  # article_words' words, sorted
    article_lengths: list[tuple[int, int]] = field(default_factory=list)  # (len of words, i)
    sorted_slugs: list[tuple[str, int]] = field(default_factory=list)  # (casefolded, i)
    by_date: dict[str, list[ArticleSummary]] = field(default_factory=dict)  # newest first
    # How many quotes use each word (folded as the FTS index folds it), and the words sorted
    # with running totals, so a prefix's total is two bisections: /whosaid's search plan.
    word_quotes: dict[str, int] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    words_total: list[int] = field(default_factory=list)

    def quotes_with_prefix(self, prefix: str) -> int:
        """How many (quote, word) pairs have a word starting with ``prefix``."""
        lo = bisect_left(self.words, prefix)
        hi = bisect_left(self.words, prefix + "\U0010ffff")
        return self.words_total[hi] - self.words_total[lo]


def _starting_with(ordered: Sequence[str], prefix: str) -> Iterator[int]:
    """Indexes of the sorted strings that start with ``prefix``: one contiguous run."""
    for i in range(bisect_left(ordered, prefix), len(ordered)):
        if not ordered[i].startswith(prefix):
            return
        yield i


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
    index.people_norms = [norm for norm, _ in index.people_keys]
    index.name_word_keys = sorted(
        (word, i) for i, norm in enumerate(index.people_norms) for word in norm.split()
    )
    starts, at = [], 0
    for alias_key, _alias, _name in index.aliases:
        starts.append(at)
        at += len(alias_key) + 1
    index.alias_starts = starts
    index.alias_blob = "\0".join(alias_key for alias_key, _, _ in index.aliases)
    index.names = sorted(index.people)
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
    # Apology answers by (article, person) asked, with the store version they were found at.
    _apology_cache: dict[tuple[str | None, str | None], tuple[object, asyncio.Future[Answer]]]

    def __init__(self, store: Store) -> None:
        self.store = store
        self._index = _Index()
        self._apology_cache = {}

    # -- indexes -------------------------------------------------------------------------

    async def refresh(self) -> None:
        """Rebuild the in-memory indexes from the store: at start and after every ingest."""
        index = _Index()
        people = await self.store.people()
        _build_people_index(people, index)
        index.articles = await self.store.articles()
        index.article_keys = [normalise(f"{a.headline} {a.slug}") for a in index.articles]
        index.article_dates = [a.published.isoformat() for a in index.articles]
        index.slug_keys = [a.slug.casefold() for a in index.articles]
        index.by_slug = {a.slug: a for a in index.articles}
        for i, akey in enumerate(index.article_keys):
            words = sorted(set(akey.split()))
            index.article_lengths.append((len(" ".join(words)), i))
            for word in words:
                index.article_words.setdefault(word, []).append(i)
        index.article_lengths.sort()
        index.article_vocab = sorted(index.article_words)
        index.sorted_slugs = sorted((slug, i) for i, slug in enumerate(index.slug_keys))
        for article, day in zip(index.articles, index.article_dates, strict=True):
            index.by_date.setdefault(day, []).append(article)
        for article in index.articles:
            index.slugs.setdefault(article.slug.casefold(), article)
        word_quotes: Counter[str] = Counter()
        for quote_id, text, attributed in await self.store.quote_index():
            index.position[quote_id] = len(index.quote_ids)
            index.quote_ids.append(quote_id)
            norm = normalise(text)
            index.quote_norm.append(norm)
            word_quotes.update(set((norm if norm.isascii() else _unaccent(norm)).split()))
            if attributed:
                index.attributed.append(quote_id)
        index.word_quotes = dict(word_quotes)
        index.words = sorted(word_quotes)
        index.words_total = [0, *accumulate(word_quotes[w] for w in index.words)]
        index.laps = tuple(await self.store.laps_with_events())
        self._apology_cache.clear()
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
        """Autocomplete: full-name prefixes, then name-word prefixes, aliases, then fuzzy.

        Runs on every keystroke, so each step reads precomputed, sorted keys and stops as
        soon as ``limit`` names are picked (later ones could never be shown).
        """
        index = self._index
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
            for i in _starting_with(index.people_norms, key):
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
            at = index.alias_blob.find(key) if len(picked) < limit else -1
            while at != -1 and len(picked) < limit:
                i = bisect_right(index.alias_starts, at) - 1
                _alias_key, alias, name = index.aliases[i]
                add(name, f"{name} ({alias})")
                after = index.alias_starts[i + 1] if i + 1 < len(index.alias_starts) else None
                at = -1 if after is None else index.alias_blob.find(key, after)
            if len(key) >= 3 and len(picked) < limit:
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
            for article, akey, day in zip(
                index.articles, index.article_keys, index.article_dates, strict=True
            ):
                if (
                    day.startswith(text)
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
        if (same_slug := index.slugs.get(low)) is not None:
            return same_slug
        date_match = re.match(r"^(\d{4}-\d{2}-\d{2})\b\s*(.*)$", raw)
        if date_match:
            same_day = index.by_date.get(date_match[1], [])
            rest = normalise(date_match[2])
            for article in same_day:
                if not rest or all(w in normalise(article.headline) for w in rest.split()):
                    return article
            if same_day and not rest:
                return same_day[0]
        slugs = [slug for slug, _ in index.sorted_slugs]
        prefixed = list(itertools.islice(_starting_with(slugs, low), 2))
        if len(prefixed) == 1:
            return index.articles[index.sorted_slugs[prefixed[0]][1]]
        key = normalise(raw)
        if not key:
            return None
        words = key.split()
        # The first article in which every word starts a word (what ``\bword`` finds in
        # its key), from the words' postings rather than a pass over every article.
        having: set[int] | None = None
        for word in words:
            starting = set()
            for v in _starting_with(index.article_vocab, word):
                starting.update(index.article_words[index.article_vocab[v]])
            having = starting if having is None else having & starting
            if not having:
                break
        if having:
            return index.articles[min(having)]
        # Only articles that share a word with the text, or whose words are short enough,
        # can reach the cutoff (with no word shared the score is a plain ratio of the two
        # word lists, at most 2 * shorter / both lengths); scoring only those finds the same
        # best article as scoring all 10,000, in order, in a fraction of the time.
        mine = " ".join(sorted(set(key.split())))
        pool = {i for w in set(key.split()) for i in index.article_words.get(w, ())}
        short = bisect_right(index.article_lengths, (int(1.5 * len(mine)), len(index.articles)))
        pool.update(i for _n, i in index.article_lengths[:short])
        ordered = sorted(pool)
        choices = [index.article_keys[i] for i in ordered]
        best = process.extractOne(key, choices, scorer=fuzz.token_set_ratio,
                                  score_cutoff=ARTICLE_CUTOFF)  # fmt: skip
        return index.articles[ordered[best[2]]] if best else None

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

    async def _random_statement(self) -> tuple[Quote, tuple[Quote, ...]] | None:
        """One attributed quote, uniformly at random, with its whole statement.

        Picked from the in-memory ids: ``ORDER BY random()`` in SQL reads every quote to pick
        one. A quote gone since the last refresh, or an empty index, falls back to SQL.
        """
        ids = self._index.attributed
        if ids:
            quote_id = random.choice(ids)
            parts = (await self.store.statements_of([quote_id])).get(quote_id, [])
            picked = next((q for q in parts if q.id == quote_id), None)
            if picked is not None and picked.speaker is not None:
                return picked, tuple(parts)
        found = await self.store.random_quote()
        return None if found is None else (found, await self._statement(found))

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
        self, phrase: str, cutoff: float, ids: Sequence[int], scored: dict[int, _Scored]
    ) -> None:
        """Score candidate quotes against the phrase; keep those at the cutoff or above."""
        index = self._index
        ids = [i for i in ids if i not in scored]
        texts: dict[int, str] = {i: index.quote_norm[index.position[i]] for i in ids
                                 if i in index.position}  # fmt: skip
        fresh = [i for i in ids if i not in texts]  # stored since the last refresh
        fetched = await self.store.quotes_by_ids(fresh) if fresh else {}
        texts.update((i, normalise(q.text)) for i, q in fetched.items())
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
            q = next((p for p in parts if p.id == quote_id), None) or fetched.get(quote_id)
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
        cleaned = _strip_quotes(clean(phrase, MAX_PHRASE))
        shown = _shorten(cleaned) or "…"
        key = normalise(cleaned)
        if len(key) < WHOSAID_MIN:
            return NotFound(f"“{shown}” is too short to match a quote: give a few more words.")
        cutoff = WHOSAID_SHORT_CUTOFF if len(key) < WHOSAID_SHORT else WHOSAID_CUTOFF
        index = self._index
        terms = fts_terms(cleaned)
        counts = {t: index.word_quotes.get(t, 0) for t in terms}
        common = max(COMMON_SHARE * len(index.quote_ids), COMMON_FLOOR)
        known = sorted((t for t in terms if counts[t]), key=counts.__getitem__)
        telling = [t for t in known if counts[t] <= common]
        starts = {t[:4] if len(t) >= 6 else t[:3] for t in terms if not counts[t] and len(t) >= 4}
        typos = [p for p in sorted(starts) if 0 < index.quotes_with_prefix(p) <= common]
        scored: dict[int, _Scored] = {}
        every = telling
        if not every and len(known) >= 2:
            # No telling word: the two rarest together may still be few quotes, or may not.
            total = max(len(index.quote_ids), 1)
            if counts[known[0]] * counts[known[1]] / total <= WHOSAID_RANKED:
                every = known[:2]
        if every:
            ids = await self.store.quote_ids_matching(every, limit=WHOSAID_CANDIDATES)
            await self._score(key, cutoff, ids, scored)
        if (not scored or max(s.score for s in scored.values()) < 95) and (telling or typos):
            ids = await self.store.quote_ids_matching(
                telling, any_term=True, prefixes=typos, limit=WHOSAID_CANDIDATES
            )
            await self._score(key, cutoff, ids, scored)
        if (not scored or max(s.score for s in scored.values()) < 95) and len(
            index.quote_ids
        ) <= SCAN_ALL:
            # A small store is scanned whole, as it always was: cheap, and it finds a phrase
            # that shares no word with the quote ("nowhre too goo").
            hits = await asyncio.to_thread(self._shortlist, key, index.quote_norm, cutoff)
            await self._score(key, cutoff, [index.quote_ids[i] for i in hits], scored)
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
        parts = best.parts or await self._statement(best.quote)
        return WhoSaidAnswer(best.quote, parts, best.score, cleaned, tuple(others[:3]))

    async def lap(self, number: int) -> Answer:
        """What happened on lap ``number`` in every article; none → the laps that have events."""
        if not 1 <= number <= MAX_LAP:
            listed = ", ".join(map(str, await self.store.laps_with_events())) or "none yet"
            return NotFound(f"Lap numbers run from 1 to {MAX_LAP}. Laps with events: {listed}.")
        laps, events = await asyncio.gather(
            self.store.laps_with_events(), self.store.lap_events(lap=number)
        )
        return LapAnswer(number, tuple(events), tuple(laps))

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
        best = await self._best_apology(name, summary.slug if summary else None)
        if best is None:
            where = f" in “{summary.headline}”" if summary else " in the articles"
            who = f" by {name}" if name else ""
            return NotFound(f"I found no apology{who}{where}.")
        parts = best[1]
        source = parts[0].source
        assert source is not None
        speaker = parts[0].speaker
        stored, quotes, told, paragraphs, who = await asyncio.gather(
            self.store.article(source.slug),
            self.store.quotes(article=source.slug, limit=10_000),
            self.store.reported(article=source.slug),
            self.store.paragraphs(source.slug),
            self.store.person(speaker or ""),
        )
        art = stored or ArticleSummary(source.slug, source.published, source.headline)
        last = max(p.paragraph for p in parts)
        names = _name_pattern(who) if who is not None else None
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
                if best is not None and q.source.published < best[0][0]:
                    return best
                key = (q.source.slug, q.statement)
                if key in seen:
                    continue
                seen.add(key)
                parts = await self._statement(q)
                strength = apology_strength(" ".join(p.text for p in parts))
                rank = (q.source.published, strength, -q.statement)
                if best is None or rank > best[0]:
                    best = (rank, parts)
            if len(page) < APOLOGY_PAGE:
                return best
            offset += APOLOGY_PAGE

    async def who(self, name: str) -> Answer:
        """A profile of the person ``name`` resolves to; unknown → NotFound with close names."""
        full = self.resolve_person(name)
        if full is None:
            shown = _shorten(clean(name, 200)) or "…"
            return NotFound(
                f"Nobody called “{shown}” is named in the articles.", self.suggest_people(name)
            )
        person = self._index.people.get(full) or await self.store.person(full) or Person(full)
        # Independent reads are asked together: they share one trip through the store's
        # queue, where a busy bot's commands otherwise wait a turn per read.
        quotes, reported = await asyncio.gather(
            self.store.quotes(speaker=full, limit=QUOTE_LIMIT), self.store.reported(speaker=full)
        )
        articles: dict[str, ArticleSummary] = {}
        by_slug = self._index.by_slug
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
        facts, notes, events = await asyncio.gather(
            self.store.facts(summary.slug),
            self.store.notes(summary.slug),
            self.store.lap_events(article=summary.slug),
        )
        return FactsAnswer(summary, tuple(facts), tuple(notes), tuple(events))

    async def _story(self, summary: ArticleSummary) -> RecapStory:
        events, facts, quotes, apology = await asyncio.gather(
            self.store.lap_events(article=summary.slug),
            self.store.facts(summary.slug),
            self.store.quotes(article=summary.slug, limit=10_000),
            self.apology(summary.slug),
        )
        what: tuple[LapEvent | Fact, ...] = tuple(events) if events else tuple(facts[:3])
        attributed = sorted(
            (q for q in quotes if q.speaker), key=lambda q: (q.kind != "direct", q.paragraph)
        )
        key_quote = attributed[0] if attributed else None
        aftermath: ApologyAnswer | Fact | None = None
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
