"""Passages: the general answer, the article's own sentences that best answer a question.

A question no command fits ("why did Russell crash?", "who won at Jerez?") is answered with
the one to three sentences of the articles that best match it, verbatim and cited. The
stemmed full-text index over every paragraph (``passages_fts``) proposes paragraphs; each
sentence is then scored here: the question's words weighted by their rarity, the people it
names (any name, alias or nickname the articles give them), the words that signal the kind of
answer asked for (a cause, a date, a winner...) and the story it points at (a race, a circuit,
a year). A sentence that is part of a quotation is shown with its speaker, a reported view is
marked as reported, and nothing is ever reworded.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

import snowballstemmer

from bot.answers._about import asked_about
from bot.answers._interviews import (
    ANSWER_SENTENCES,
    QUESTION_COVER,
    question_paragraphs,
    signed_question,
    the_answer,
)
from bot.answers._sections import (
    Section,
    heading_shaped,
    heads_nothing,
    names_team,
    other_teams,
    sections_of,
)
from bot.answers.lookup import Part
from bot.answers.places import place_book
from bot.answers.records import Found, PassageAnswer
from bot.answers.text import normalise, unaccent
from bot.answers.understand import stop_words
from bot.models import Fact, Passage, Person, Quote, ReportedStatement

__all__ = [
    "Passages",
    "Query",
    "Scored",
    "as_found",
    "forms_of",
    "initials_of",
    "split_sentences",
    "stem",
    "stems",
    "words_of",
]

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
#: What a "why" sentence gains by giving a sanction with its reason.
CAUSE_SHARE = 2.5
#: A sanction and its reason: "a drive-through penalty for speeding", "excluded from the
#: results for a technical infringement", "deleted for track limits".
_SANCTION_FOR = re.compile(
    r"\b(?:penalty|penalised|penalized|excluded|disqualified|deleted|reprimand(?:ed)?|"
    r"fined|suspended|banned|drive-through|stop-go|long lap)\b[^.;:]{0,40}?\bfor\s+"
    r"(?!(?:the|his|her|their)\s+(?:team|race|rest|season|weekend|year)\b)\w",
    re.IGNORECASE,
)
#: What a hint the sentence's headline holds (not the sentence) adds; the sentence's own: 2.
HEADLINE_HINT = 1.0
#: Stories whose sections are read (one read each) when a heading-shaped paragraph is found,
#: the paragraphs of a section a heading matching the question brings, and what a sentence
#: of a section gains per unit of the weight of the question's words its heading holds
#: (divided by one more than the paragraphs before it in the section).
HEADED_STORIES = 3
SECTION_PARAGRAPHS = 3
SECTION_SHARE = 1.0
TEAM_LENT = 0.5
#: Sentences an answer shows at most, and how close to the best a second one must score.
MAX_SENTENCES = 3
SECOND_SHARE = 0.55

_PORTER = snowballstemmer.stemmer("porter")
_STEMS: dict[str, str] = {}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A sentence ends at . ! ? (and any closing quote after it) before a space and a capital,
# digit or opening quote; "St. Devote" or "5.2 seconds" do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”’']?)\s+(?=[\"“‘'(]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\w+)\.$")
_ABBREVIATIONS = frozenset(
    {"St", "Mr", "Mrs", "Ms", "Dr", "No", "vs", "Jr", "Sr", "Mt", "Ste", "Jan", "Feb", "Mar",
     "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
)  # fmt: skip
_QUOTE_MARKS = "\"“”‘’'«»„"


def stem(word: str) -> str:
    """The Porter stem of a folded word, as the passages index stores it (cached)."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        found = _STEMS[word] = _PORTER.stemWord(word)
    return found


def words_of(text: str) -> list[str]:
    """Folded words of ``text``, apostrophes dropped ("Russell's" -> "russells")."""
    return [w.replace("'", "").replace("’", "") for w in _WORD.findall(text.casefold())]


def stems(text: str) -> frozenset[str]:
    """The stems of ``text``'s words, possessives and plain forms both (cached by text)."""
    found = _TEXT_STEMS.get(text)
    if found is not None:
        return found
    out: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        if "'" in word or "’" in word:
            out.update(stem(part) for part in re.split(r"['’]", word) if part)
            word = word.replace("'", "").replace("’", "")
        out.add(stem(word))
    if len(_TEXT_STEMS) > 50_000:
        _TEXT_STEMS.clear()
    found = _TEXT_STEMS[text] = frozenset(out)
    return found


_TEXT_STEMS: dict[str, frozenset[str]] = {}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a paragraph starts and ends, its closing quote mark included."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = _LAST_WORD.search(text, 0, m.start())
        if (
            before
            and (before[1] in _ABBREVIATIONS or (len(before[1]) == 1 and before[1].isalpha()))
            and not m[1]
        ):
            continue  # "St. Devote", "J. Smith": not the end of a sentence ("Turn 1." is)
        if not m[1] and _inside_quotation(text, start, m.start()):
            continue  # 'the elder Montoya said: "Don't be me. Be better."': one sentence
        end = m.start() + len(m[1])
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out


#: Longest a sentence grows by running on to the end of a quotation it opened.
QUOTED_RUN = 300


def _inside_quotation(text: str, start: int, at: int) -> bool:
    """Whether the sentence from ``start`` has, by ``at``, opened a quotation after its
    first words and not closed it: narration introducing words spoken ("... said it was
    short: "Don't be me.") runs on to the quotation's end, or the words are shown cut. A
    sentence opening with the quotation is the speaker's words, split as usual."""
    if at - start > QUOTED_RUN:
        return False
    before = text[:at]
    if "“" in before:
        opened = before.rfind("“")
        return opened > start and before.count("“") > before.count("”")
    opened = before.rfind('"')
    return opened > start and before.count('"') % 2 == 1


def forms_of(person: Person) -> set[str]:
    """Every folded way the articles name ``person``: full name, name parts, aliases."""
    forms = {person.name.casefold()}
    forms.update(p.casefold() for p in person.name.split() if len(p) >= 3)
    if len(initials := initials_of(person.name)) >= 3:
        forms.add(initials)  # "AFC": Antonio Felix da Costa
    for alias in person.aliases:
        a = alias.casefold()
        forms.add(a)
        if m := _CAR_ALIAS.match(a):
            # "No. 60" is written "#60", "No 60" and "car 60" too.
            forms.update((f"#{m[1]}", f"no {m[1]}", f"no.{m[1]}", f"car {m[1]}"))
        if a.startswith("the ") and " " in a[4:]:
            # "the Italian" is Bastianini, but "Italian" alone is any Italian thing.
            forms.add(a[4:])
    return {f for f in forms if f}


#: A car number given to a person as an alias ("No. 60").
_CAR_ALIAS = re.compile(r"^no\.?\s?(\d{1,3})$")


def initials_of(name: str) -> str:
    """The folded initials of a name's capitalised words ("Antonio Felix da Costa" ->
    "afc"), the way fans and columnists shorten a long name."""
    return "".join(w[0] for w in name.split() if w[:1].isupper()).casefold()


def _mentions(text: str, forms: Iterable[str]) -> bool:
    """Whether ``text`` names someone by one of ``forms`` (folded).

    An epithet used as an adjective does not name anyone: "the Italian Grand Prix" is no
    mention of "the Italian", so an epithet followed by a capitalised word is passed over.
    Accents fold on both sides: a press release writes "Hülkenberg" where the people index
    (and the fan) has "Hulkenberg".
    """
    if not text.isascii():
        text = unaccent(text)
    low = text.casefold()
    for f in forms:
        if not f.isascii():
            f = unaccent(f)
        if f not in low:
            continue  # a substring test first: most sentences name few of the people asked
        for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", low):
            if f.startswith("the ") and " " not in f[4:]:
                rest = text[m.end() : m.end() + 2]
                if len(rest) == 2 and rest[0] == " " and rest[1].isupper():
                    continue
                if _EPITHET_ADJECTIVE.match(low, m.end()):
                    continue  # "the Thai promoter" is no mention of "the Thai"
            return True
    return False


#: What follows an epithet used as a person ("the Thai driver", "the Thai finished", "the
#: Thai, who"): a racer's noun, a verb (past in -ed or irregular, present in -s, a helper)
#: or an adverb. Any other lower-case word after it makes the epithet an adjective of that
#: word ("the Thai promoter", "the Dutch crowd"): no one is named.
_EPITHET_PERSON_NOUNS = (
    "driver|rider|racer|pilot|man|woman|youngster|veteran|rookie|star|champion|team-mate"
    "|teammate|ace|teenager"
)
_EPITHET_VERBS = (
    "is|was|has|had|have|will|would|could|can|should|might|must|may|did|does|do|got|made|"
    "came|went|put|set|hit|cut|let|saw|said|found|left|felt|became|then|also|still|now|"
    "again|just|never|only|even|later|first|"
)


def _epithet_adjective() -> re.Pattern[str]:
    """The pattern of a lower-case word after an epithet that makes it an adjective."""
    past = "|".join(sorted(_PAST | {f for forms in _IRREGULAR for f in forms.split()}))
    person = rf"(?:{_EPITHET_PERSON_NOUNS}|{_EPITHET_VERBS}{past})(?:'s|’s)?(?![\w-])"
    return re.compile(rf" (?!{person})(?![a-z-]*(?:ed|s|ly)(?![\w-]))[a-z][a-z-]*(?![\w'’])")


class Searches(Protocol):
    """What a query needs of a pattern a sentence must hold: ``re.Pattern.search``."""

    def search(self, text: str, /) -> object: ...


@dataclass(slots=True)
class Query:
    """What the router understood of a question, for the passage search.

    ``groups``: the question's content words, each with the words articles use for it
    ("penalised", "penalty"); a sentence holding any word of a group covers it. ``people``
    are full names it names; ``subject`` one of them who must be named in (or speak) the
    sentence. ``cues`` signal the answer asked for (stems; ``cue_phrases`` as phrases) and,
    with ``need_cue``, a sentence without one does not answer. ``need`` is a pattern an
    answer must hold ("lap 32", a date); ``phrases`` must appear, ``hints`` only help.
    ``slugs`` limits the stories (None: any). ``required`` (stems) and ``required_phrases``
    are the cues of the kind that must be met; with ``prefer_cue``, when some answering
    sentence holds a cue only those answer. ``team_people`` are people of a team the
    question names: naming them helps, as does being quoted with ``prefer_quotes``.
    """

    groups: list[tuple[str, ...]] = field(default_factory=list)
    people: tuple[str, ...] = ()
    subject: str | None = None
    cues: tuple[str, ...] = ()
    cue_phrases: tuple[str, ...] = ()
    need_cue: bool = False
    required: tuple[str, ...] = ()
    required_phrases: tuple[str, ...] = ()
    prefer_cue: bool = False
    prefer: tuple[str, ...] = ()
    prefer_quotes: bool = False
    all_people: bool = False
    team_people: tuple[str, ...] = ()
    need_team: bool = False
    need_rarest: bool = False
    need: re.Pattern[str] | None = None
    phrases: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    slugs: list[str] | None = None
    speaker_only: str | None = None
    need_speaker: bool = False
    #: A pattern the sentence as written must hold (capitals kept: "for Tech3"); anything
    #: with a pattern's ``search``.
    need_written: Searches | None = None
    #: The people asked about are the object ("who defended Hartley"): a sentence of a
    #: story naming them answers without naming them itself.
    object_people: bool = False
    #: Stems of the question's own content words: a sentence using them ranks higher.
    asked: tuple[str, ...] = ()
    #: Words to search paragraphs by that no phrase spells out: the other names of a
    #: place asked about ("italian", "mugello" for "italy"), matched through a pattern.
    search_more: tuple[str, ...] = ()
    #: Where something happened is asked: a sentence naming no place brings the one
    #: before it that does.
    place_asked: bool = False
    #: The newest story with an answering sentence answers ("the next race").
    newest_first: bool = False
    #: ``slugs`` are a few stories whose paragraphs are read whole, not searched for.
    whole_stories: bool = False
    #: The required cue of a sentence holds for the next one of its paragraph: "Larson
    #: leads the standings by 28 points. Hamlin climbed to fifth." (the standings).
    required_carries: bool = False
    #: Stems that tell the event a "why" question asks the cause of ("crashed", "race"):
    #: of the stories where the one asked about had it, the newest answers ("why did Pecco
    #: crash" is his latest crash, not an older retirement), unless the question dates it.
    event: tuple[str, ...] = ()
    #: Stems a sentence must hold itself to cover a group, never through its headline:
    #: the words a report uses for a fan's word ("review" for "appeal") name a headline's
    #: story only loosely.
    own_only: frozenset[str] = frozenset()
    #: Paragraphs a sentence of a story must be in, by slug (stories not listed: any): a
    #: round-up's items about the series asked, each item a story of its own.
    within: dict[str, frozenset[int]] | None = None
    min_cover: float = 0.6
    #: The kinds of answer the router read in the question ("when", "why", "count"...):
    #: the shape the story's reader (``bot.answers.reading``) looks for in a sentence.
    kinds: frozenset[str] = frozenset()
    loose: bool = False  # "why": the event's own words need not be in its cause
    yes_no: bool = False  # "did X ...": X's own sentence meeting the cue answers it


@dataclass(slots=True)
class Scored:
    score: float
    text: str
    passage: Passage
    order: int
    position: int
    speaker: str | None = None
    quoted: bool = False
    reported: bool = False
    cue: bool = False
    named: bool = False
    subject: bool = False
    cover: float = 0.0
    hinted: bool = False
    required: bool = False
    all_named: bool = False
    team: bool = False
    rarest: bool = False
    story_named: bool = False
    #: The question's groups the sentence's own words hold (not its headline's), by index.
    own: frozenset[int] = frozenset()
    #: The sentence before it holds what the question asks that it lacks ("The rally
    #: turned on SS14. Thierry Neuville ... rolled"): the two are shown together.
    lead: bool = False
    #: Which of the question's people the sentence is about (named, speaking or carried).
    people: frozenset[str] = frozenset()
    #: Its people are the next sentence's, which tells what it introduces: shown after it.
    from_next: bool = False
    #: It stands in a section whose heading asks the fan's question (``_sections``): the
    #: section answers it, in words of its own.
    headed: bool = False


class Passages(Part):
    """Finds the sentences of the articles that best answer a question."""

    async def find(self, query: Query) -> tuple[list[Scored], list[Scored]]:
        """(answering sentences, best first; the nearest sentences, answering or not)."""
        index = self._index
        if query.groups:
            query = _without_fillers(query)
        if any(w in _VERB_FORMS or w in _SAME for g in query.groups for w in g):
            # "what lap did the 45 blow up": a report writes "blew"; stems never join them.
            groups = [_with_forms(g) for g in query.groups]
            added = {stem(w) for g in groups for w in g} - {
                stem(w) for g in query.groups for w in g
            }
            query = dataclasses.replace(query, groups=groups, own_only=frozenset(added))
        people = [index.people.get(n) or Person(n) for n in query.people]
        # "Fabio" names Quartararo only where no other Fabio is in the articles.
        name_forms = [
            {f for f in forms_of(p) if len(index.ambiguous.get(f, ())) < 2} or forms_of(p)
            for p in people
        ]
        # The question's own words, names and phrases first, then the words of the kind of
        # answer and a team's people: the order terms are counted and searched in.
        own = [w for g in query.groups for w in g]
        for forms in name_forms:
            own += [w for f in forms for w in words_of(f)]
        for phrase in (*query.phrases, *query.hints):
            own += words_of(phrase.removeprefix("re:").split("(")[0])
        more = list(query.cues) + list(query.required) + list(query.search_more)
        for phrase in query.cue_phrases:
            more += words_of(phrase.removeprefix("re:").split("(")[0])
        team_forms = [forms_of(index.people.get(n) or Person(n)) for n in query.team_people]
        for forms in team_forms:
            more += [w for f in forms for w in words_of(f) if len(w) > 3]
        own = [t for t in dict.fromkeys(own) if t and len(t) > 1]
        more = [t for t in dict.fromkeys(more) if t and len(t) > 1 and t not in own]
        search = own + more
        if not search or (query.slugs is not None and not query.slugs):
            return [], []
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
            read = [p for slug in query.slugs for p in await self.store.article_passages(slug)]
            whole = [
                p
                for p in read
                if _holds(p.text, search, searched)
                and (query.need_written is None or query.need_written.search(p.text))
            ]
            if not whole:
                return [], []
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
            return [], []
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
        sections, headed = await self._sections(found, read, group_stems)
        unseen_weight = math.log(1 + (total + 1) / 0.5)
        weights = [
            max((math.log(1 + (total + 1) / (counts[s] + 0.5)) for s in g if counts.get(s)),
                default=unseen_weight)
            for g in group_stems
        ]  # fmt: skip
        # The rarest group the articles hold: a word in none of them tells no sentence apart.
        held = [i for i, g in enumerate(group_stems) if any(counts.get(x) for x in g)]
        by_article: dict[str, list[Passage]] = {}
        for p in found:
            assert p.source is not None
            by_article.setdefault(p.source.slug, []).append(p)
        # A story naming many places (a calendar, a season preview) is found for each of
        # them: there, only a sentence naming the place asked is about it.
        places = _asked_places(query)
        crowded = _crowded_stories(read or found, places) if places else frozenset()
        all_quotes, all_reported = await self.store.said_in(list(by_article))
        quotes: dict[str, list[Quote]] = {slug: [] for slug in by_article}
        reported: dict[str, list[ReportedStatement]] = {slug: [] for slug in by_article}
        for q in all_quotes:
            if q.source:
                quotes[q.source.slug].append(q)
        for r in all_reported:
            if r.source:
                reported[r.source.slug].append(r)
        cue_stems = {stem(c) for c in query.cues}
        required = {stem(c) for c in query.required}
        # A short word no article holds may be a name's initials ("JGR": Joe Gibbs Racing).
        initialisms = {
            i: frozenset(w for w in g if 2 <= len(w) <= 5 and w.isalpha())
            for i, g in enumerate(query.groups)
            if not any(counts.get(x) for x in group_stems[i])
        }
        initialisms = {i: f for i, f in initialisms.items() if f}
        # How much of the question each story covers anywhere: picks the story ("indycar").
        story_stems: dict[str, set[str]] = {}
        for p in found:
            assert p.source is not None
            story_stems.setdefault(p.source.slug, set()).update(stems(p.text))
        # ... and in the text of the paragraphs found: one only their headline holds ("Big
        # One scrambles Cup playoff picture") is in none of their sentences either.
        texts = set().union(*story_stems.values()) if story_stems else set()
        held = [i for i in held if texts & set(group_stems[i])] or held
        rare_group = (
            frozenset(group_stems[max(held, key=lambda i: weights[i])]) if held else frozenset()
        )
        story_cover = {
            slug: sum(w for g, w in zip(group_stems, weights, strict=True) if have & set(g))
            for slug, have in story_stems.items()
        }
        # The story's own words ("the Spa crash" when the headline says Spa) hold for each
        # of its sentences: a sentence never repeats the race it is about.
        headline_stems = {
            slug: stems(p.source.headline) for p in found if p.source for slug in [p.source.slug]
        }
        # Stories naming the people asked about: "who defended Hartley" is answered by a
        # sentence of his story that need not name him.
        named_in = {
            p.source.slug
            for p in found
            if p.source and any(_mentions(p.text, forms) for forms in name_forms)
        }
        scored: list[Scored] = []
        story_forms: dict[str, list[set[str]]] = {}
        # Paragraphs in the article's order, so one opening "The zero leaves him 31 points
        # behind" continues with whom the paragraph before it last named.
        last_named: dict[tuple[str, int], set[str]] = {}
        all_named: dict[tuple[str, int], set[str]] = {}
        in_order = sorted(
            enumerate(found), key=lambda rp: (rp[1].source.slug if rp[1].source else "",
                                              rp[1].paragraph)
        )  # fmt: skip
        question_stems = {x for g in group_stems for x in g} | {stem(w) for w in query.asked}
        heading_stems = {
            (slug, s.heading.paragraph): _heading_stems(s.heading.text)
            for (slug, _), s in sections.items()
        }
        other_team = other_teams(sections, heading_stems, question_stems)
        for rank, passage in in_order:
            assert passage.source is not None
            slug = passage.source.slug
            if (slug, passage.paragraph) in headed and (
                passage.text.rstrip().endswith("?") or names_team(passage)
            ):
                continue  # a question heading (or a team's name) is no answer: its section is
            section = sections.get((slug, passage.paragraph))
            if section is not None and not section.asks and not names_team(section.heading):
                # A title's words ("The tyres, the track and the weather", "Lap 27: ...")
                # name its section's topic only loosely: tried, they cost more than they
                # gave. Shown, a title brings its section's first sentences instead. A
                # team's name as the heading names its section's subject exactly.
                section = None
            context = headline_stems.get(slug, frozenset())
            heading_weight = 0.0
            asked_heading = False
            under: frozenset[str] = frozenset()
            if section is not None:
                under = heading_stems.get((slug, section.heading.paragraph), frozenset())
                context = context | under
                heading_weight = sum(
                    w for g, w in zip(group_stems, weights, strict=True) if under & set(g)
                ) * (not names_team(section.heading))  # a team's name: its words hold, no more
                # ... asking it the same way, in a story about the rest of it (a word of
                # the question beyond the heading's: what "it" is in "Did it work?").
                asked_heading = (
                    section.asks
                    and _restates(under, question_stems)
                    and _same_ask(section.heading.text, query)
                    and any(
                        story_stems.get(slug, set()) & set(g) and not under & set(g)
                        for g in group_stems
                    )
                )
            previous: set[str] = set()
            first = passage.text.lstrip()
            spans = split_sentences(passage.text)
            if query.yes_no and spans and _BACK_REFERENCE.search(passage.text, 0, spans[0][1]):
                # "The stewards looked at the incident": whoever the paragraph before named
                # had a part in it, not only the last one named.
                previous.update(all_named.get((slug, passage.paragraph - 1), ()))
            elif _PRONOUN.match(first) or _DEFINITE.match(first):
                # Not a quotation, nor its "..., the Frenchman said": attribution tells those.
                previous.update(last_named.get((slug, passage.paragraph - 1), ()))
            named_last: set[str] = set()
            named_any: set[str] = set()
            items: dict[int, Scored] = {}
            if slug not in story_forms:
                story_forms[slug] = _story_forms(people, name_forms, passage.source.headline,
                                                 index.ambiguous, index.people)  # fmt: skip
            forms_here = story_forms[slug]
            for i, span in enumerate(spans):
                item = self._score(
                    query, span, passage, rank, i, group_stems, weights, cue_stems, forms_here,
                    quotes[slug], reported[slug], required, team_forms, previous,
                    context, rare_group, initialisms,
                )  # fmt: skip
                if item is not None and section is not None and names_team(section.heading):
                    # The team's name holds for the sentence as its own word would, but
                    # counts for less: a sentence naming it, or a story headed by it,
                    # says it outright.
                    # A sentence holding none of the question's other words, nor naming
                    # whom it asks about, is no answer by its heading alone ("Haas / Kofi
                    # Mensah stays" for Haas' reserve driver).
                    lent = under - stems(item.text) - headline_stems.get(slug, frozenset())
                    weight = sum(
                        w for g, w in zip(group_stems, weights, strict=True) if lent & set(g)
                    )
                    item.score -= TEAM_LENT * weight
                    if item.own or item.named:
                        item.rarest = item.rarest or bool(under & rare_group)
                    elif weight:
                        item.cover -= weight / sum(weights)
                if item is not None and section is not None and heading_weight:
                    # The heading asked what its section answers: the nearer the heading,
                    # the likelier the answer ("Did it work? / The numbers say yes.").
                    item.score += SECTION_SHARE * heading_weight / (1 + section.depth)
                    item.headed = asked_heading
                if (
                    item is not None
                    and not item.named
                    and query.yes_no
                    and not query.subject
                    and named_last
                    and item.cover >= query.min_cover
                ):
                    # "was it a mechanical failure on Pecco's bike": a statement's later
                    # sentence ("There was no technical failure") is about whom it opened with.
                    item.named = True
                    item.score += 1.5
                named_last = set(previous) or named_last
                named_any |= previous
                key = (slug, section.heading.paragraph) if section is not None else None
                if (
                    item is not None
                    and key in other_team
                    and not any(asked <= stems(item.text) for asked in other_team[key])
                ):
                    item = None  # under another team's heading, naming none asked
                if item is not None:
                    item.score += 0.5 * story_cover.get(slug, 0.0)
                    item.story_named = slug in named_in
                    scored.append(item)
                    items[i] = item
            _name_from_next(query, passage.text, spans, items, forms_here)
            last_named[(slug, passage.paragraph)] = named_last
            all_named[(slug, passage.paragraph)] = named_any
        if query.required_carries:
            told = {(id(s.passage), s.position) for s in scored if s.required and not s.speaker}
            for s in scored:
                if not s.required and (id(s.passage), s.position - 1) in told:
                    s.required = s.cue = True
                    s.score += 6.0  # the required cue's and a cue's worth, as its own would
        _lean_on_leads(scored, weights)
        _definitions(scored, query, group_stems)
        if query.need_rarest and rare_group:
            _carry_rarest(scored)
        scored.sort(key=lambda s: (-s.score, -_date(s.passage).toordinal(), s.order))
        asks = {slug: question_paragraphs(said) for slug, said in quotes.items()}
        answering = [
            s
            for s in scored
            if self._answers(query, s) or _asks_it(query, s, asks) or _under_asked(query, s)
        ]
        if crowded:
            answering = [
                s
                for s in answering
                if s.passage.source is None
                or s.passage.source.slug not in crowded
                or _names_place(s, places)
            ]
        if query.newest_first and answering:
            latest = max(_date(s.passage) for s in answering)
            answering = [s for s in answering if _date(s.passage) == latest]
        wanted = {stem(c) for c in query.prefer}
        why = query.loose and not query.prefer_quotes
        if query.event and answering:
            # "why did pecco crash": of the stories where he crashed, the newest that gives
            # a cause, not the newest that only says he crashed.
            telling = {
                s.passage.source.slug
                for s in answering
                if why
                and query.prefer
                and s.passage.source
                and s.named
                and (wanted & stems(s.text) or _SANCTION_FOR.search(s.text))
            }
            answering = _newest_event(query, answering, name_forms, index.name_word_keys, telling)
        if query.prefer:
            # "why did Russell crash": a sentence giving a cause, not one saying he crashed.
            giving = [
                s
                for s in answering
                if wanted & stems(s.text) or (why and _SANCTION_FOR.search(s.text)) or s.headed
            ]
            answering = giving or answering
        elif query.prefer_cue and any(s.cue for s in answering):
            # Under a heading asking the fan's question, the section answers in its own words.
            answering = [s for s in answering if s.cue or s.headed]
        if query.prefer_quotes and any(s.speaker for s in answering):
            answering = [s for s in answering if s.speaker]

        if about := await self._boilerplate(answering[:BOILERPLATE_CHECKED], query):
            # A press release's "About <the team>" block answers what the team is, not
            # what a question about a race or a person asks ("who won the 6 hours of
            # spa" is no "WRT has won the 24 Hours of Spa five times").
            answering = [s for s in answering if _key(s) not in about]
        every = {(id(s.passage), s.position): s for s in scored}
        asked = _asked_forms(query, name_forms)
        # Where someone finished, who won, the points: the latest race tells them, so a tie
        # there goes to the newest story, whoever else a story is about.
        central = (
            await self._about([answering, scored], group_stems, story_forms, name_forms)
            if not query.kinds & _LATEST_KINDS
            else {}
        )
        return (
            await self._with_answers(
                self._pick(answering, every, query.place_asked, asked, central),
                quotes, reported, headed,
            ),
            await self._with_answers(
                self._pick(scored, every, query.place_asked, asked, central),
                quotes, reported, headed,
            ),
        )  # fmt: skip

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
        naming them in passing. Read only where two stories tie (one read each)."""
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
        for slug in sorted(tied):
            story = await self.store.article_passages(slug)
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
        for slug in list(dict.fromkeys(slugs))[:CONTINUED_STORIES]:
            paragraphs = await self.store.article_passages(slug)
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

    def _score(
        self,
        query: Query,
        span: tuple[int, int],
        passage: Passage,
        rank: int,
        position: int,
        group_stems: list[tuple[str, ...]],
        weights: list[float],
        cue_stems: set[str],
        name_forms: list[set[str]],
        quotes: Sequence[Quote],
        reported: Sequence[ReportedStatement],
        required: set[str],
        team_forms: list[set[str]],
        previous: set[str],
        story: frozenset[str] = frozenset(),
        rare: frozenset[str] = frozenset(),
        initialisms: dict[int, frozenset[str]] | None = None,
    ) -> Scored | None:
        """Score one sentence; ``previous`` carries the names the sentence before it named,
        for a sentence that opens with a pronoun ("She pulled off at Turn 5")."""
        sentence = passage.text[span[0] : span[1]].strip()
        if not any(c.isalpha() for c in sentence):
            return None  # a numbered heading's "2." tells nothing
        have = stems(sentence)
        low = sentence.casefold()
        # A live blog's entry opens with its lap or time ("Lap 33 — DRAMA!"): every
        # sentence of the entry happened then, so its marker counts for each of them.
        marker = _MARKER.match(passage.text) if position else None
        dated = f"{marker[0].casefold()} {low}" if marker else low
        # A report's word for the fan's must be the sentence's own; so must a number (the
        # pattern ``need`` is checked on the sentence itself below), but the story's other
        # words hold for its dated sentence ("The announcement, made on July 14" of the
        # story headed "Bearman signs for Audi").
        if query.need is not None and not _asks_a_date(query.need):
            covered = have  # "how many poles": the thing counted is the sentence's own too
        else:
            covered = have | frozenset(w for w in story - query.own_only if not w[:1].isdigit())
        matched = sum(w for g, w in zip(group_stems, weights, strict=True) if covered & set(g))
        own = frozenset(i for i, g in enumerate(group_stems) if have & set(g))
        for i, forms in (initialisms or {}).items():
            if _initialled(sentence, forms):
                matched += weights[i]
                own |= {i}
        rarest = not rare or bool(have & rare)
        cover = matched / sum(weights) if weights else 0.0
        score = matched
        # The fan's own words over what articles also call them ("podium" over "won").
        score += 0.5 * len(have & set(query.asked))
        speaker, quoted, was_reported = _speaker_of(passage, span, quotes, reported)
        if query.speaker_only and speaker != query.speaker_only:
            return None
        if query.need_speaker and speaker is None:
            return None
        named = subject = False
        here: set[str] = set()
        # "She pulled off", "The Triple Eight driver blamed himself", '..., the Queenslander
        # said': a sentence naming no one continues with whom the one before named.
        pronoun = bool(
            _PRONOUN.match(sentence)
            or _DEFINITE.match(sentence)
            or _EPITHET_SAID.search(sentence)
            or _LATE_SUBJECT.search(sentence)
        )
        must = bool(required & have) or any(_has(low, c) for c in query.required_phrases)
        # "did the stewards penalise X": their decision on "the incident" is about whom the
        # sentences before it named; only a decision (the kind's cue) is, and only asked yes
        # or no ("what penalty did X get" is not told by "the incident will be investigated").
        pronoun = pronoun or bool(query.yes_no and must and _BACK_REFERENCE.search(sentence))
        # "The stewards gave him a five-second penalty": the decision (the kind's cue) done
        # to "him" is about whom the sentence before named (or who spoke it).
        pronoun = pronoun or bool(must and _OBJECT_PRONOUN.search(sentence))
        # "Bezzecchi had crossed the line third, ahead of Marquez. Forty minutes later the
        # stewards issued a 16-second penalty": a narrative sentence naming no one goes on
        # about the subject of the one before it (a quotation's speaker is told by
        # attribution instead).
        plain = bool(
            must
            and position
            and not pronoun
            and not quoted
            and _names_no_one(sentence)
            and not _BACK_REFERENCE.search(sentence)  # "the incident": see above
        )
        before = _sentence_before(passage.text, span) if plain else ""
        for forms, name in zip(name_forms, query.people, strict=True):
            carried = pronoun or (plain and _opens_with(before, forms))
            if _mentions(sentence, forms) or speaker == name or (carried and name in previous):
                here.add(name)
        team = False
        for forms, name in zip(team_forms, query.team_people, strict=True):
            if _mentions(sentence, forms) or speaker == name or (pronoun and name in previous):
                here.add(name)
                team = True
                score += 2.0
        if (
            query.all_people
            and len(here & set(query.people)) == len(query.people) - 1
            and _OBJECT_PRONOUN.search(sentence)
        ):
            # "Lewis called me. ... I thanked him for that": "him" is whom the sentence
            # before named.
            here.update(n for n in query.people if n in previous)
        previous.clear()
        previous.update(here)
        for name in here & set(query.people):
            score += 3.0
            named = True
            subject = subject or name == query.subject
        if (
            subject
            and len(query.people) >= 2
            and speaker != query.subject
            and _done_to(sentence, group_stems, name_forms[query.people.index(query.subject)])
        ):
            # "did Bezzecchi pass Acosta": "Acosta passed Bezzecchi" tells it the other way.
            subject = False
            score -= 3.0
        all_named = len(here & set(query.people)) == len(query.people)
        cue_hits = len(cue_stems & have) + sum(_has(low, c) for c in query.cue_phrases)
        cue = cue_hits > 0
        if cue:
            score += 2.0 + min(cue_hits, 3)
        if must:
            score += 3.0
        if query.prefer_quotes and speaker:
            score += 1.0
        if _tells_there_is(sentence, group_stems):
            # "is there a tyre limit", "are there limits on the tyres": "there will be no
            # limit on stint length" says whether the thing asked exists (as a cue of the
            # kind says an answer's shape); a sentence only naming a limit does not.
            score += EXISTS_SHARE
            cue = True
        if query.loose and not query.prefer_quotes and _SANCTION_FOR.search(sentence):
            # "why did X get a penalty": the sentence giving the sanction with its reason
            # ("a five-second penalty for leaving the track") tells why; the lede's "and a
            # five-second time penalty" only that it was given.
            score += CAUSE_SHARE
        told_before = False
        if query.need is not None:
            if query.need.search(dated):
                score += 2.0
            elif (
                position
                and named
                and _told_by_lead(query.need)
                and query.need.search(_sentence_before(passage.text, span))
            ):
                # "The race turned on lap 12. Petrucci ... ran into Bassani": the lap of
                # what the sentence tells is the one its lead gives; both are shown.
                score += 1.0
                told_before = True
            else:
                return None
        if query.need_written is not None and not query.need_written.search(sentence):
            return None
        for phrase in query.phrases:
            if not _has(dated, phrase):
                return None
            score += 4.0
        hinted = False
        headline = passage.source.headline.casefold() if passage.source else ""
        for phrase in query.hints:
            if _has(dated, phrase):
                score += 2.0
                hinted = True
            elif headline and _headline_has(headline, phrase):
                # "when is the mugello sprint": the preview headed by Mugello tells "with
                # the Sprint at 3pm" without repeating the place; it counts for less.
                score += HEADLINE_HINT
        # The lede tells the story; later paragraphs tell its details.
        score += 0.6 / passage.paragraph + 0.2 / (position + 1)
        return Scored(
            score, sentence, passage, rank * 100 + position, position, speaker, quoted,
            was_reported, cue, named, subject, cover, hinted, must, all_named, team, rarest,
            own=own, lead=told_before, people=frozenset(here & set(query.people)),
        )  # fmt: skip

    @staticmethod
    def _answers(query: Query, s: Scored) -> bool:
        """Whether a sentence answers the question, rather than being merely near it."""
        if (query.required or query.required_phrases) and not s.required:
            return False
        if query.need_cue and not s.cue:
            return False
        if query.subject is not None and not s.subject:
            return False
        if query.people and not s.named and not (query.object_people and s.story_named):
            return False
        if query.all_people and not s.all_named:
            return False
        if query.need_team and not s.team:
            return False
        if query.need_rarest and not s.rarest:
            return False
        if query.groups and not query.loose:
            if s.cover < query.min_cover and not (s.required or s.cue):
                return False
            asked = query.yes_no and s.subject  # "did Perez thank the fans": his thanks
            if (
                (s.required or s.cue)
                and not asked
                and (s.cover < CUED_COVER or (len(query.groups) >= 2 and s.cover <= 0.5))
            ):
                return False  # "how many seconds did Evans win by": "won" alone is not it
        return bool(s.cover or s.cue or s.named or query.phrases or query.need or s.hinted)

    @staticmethod
    def _pick(
        scored: list[Scored],
        every: dict[tuple[int, int], Scored],
        place_asked: bool = False,
        asked: frozenset[str] = frozenset(),
        central: dict[str, tuple[int, int]] | None = None,
    ) -> list[Scored]:
        """The best sentence, and up to two more nearly as good from the same story.

        Stories whose best sentences score within a point of each other are a tie: the story
        the question is about wins it (``central``: about more of whom, then of what, is
        asked), and of those equally about it, the newest. A sentence that opens with a
        pronoun brings the one before it, which names whom it is about; asked where, one
        naming no place brings the one before it when that one does ("... into the chicane.
        X went down and could not rejoin").
        """
        if not scored:
            return []
        top = scored[0].score
        tied = [s for s in scored if s.score >= top - TIE]
        central = central or {}
        best = max(
            tied,
            key=lambda s: (
                central.get(s.passage.source.slug, (0, 0)) if s.passage.source else (0, 0),
                _date(s.passage),
                s.score,
            ),
        )
        slug = best.passage.source.slug if best.passage.source else ""
        picked = [best]
        for s in scored:
            if len(picked) >= MAX_SENTENCES:
                break
            if s is best or (s.passage.source and s.passage.source.slug != slug):
                continue
            if s.score >= SECOND_SHARE * best.score and s.text not in {p.text for p in picked}:
                picked.append(s)
        spans = split_sentences(best.passage.text)
        shown = {p.text for p in picked}
        definite = _DEFINITE.match(best.text) is not None
        placeless = (
            place_asked
            and best.position > 0
            and not _PLACE_WORDS.search(best.text)
            and bool(_PLACE_WORDS.search(best.passage.text[: spans[best.position][0]]))
        )
        if best.position > 0 and (
            _PRONOUN.match(best.text)
            or _LEANS.search(best.text)
            or _LATE_SUBJECT.search(best.text)
            or best.quoted
            or definite
            or placeless
            or best.lead
        ):
            # "She pulled off..." needs whom it is about; a quote, its opening sentence.
            a, b = spans[best.position - 1]
            text = best.passage.text[a:b].strip()
            if text not in shown:
                lead = every.get((id(best.passage), best.position - 1)) or Scored(
                    best.score, text, best.passage, best.order - 1, best.position - 1
                )
                picked.insert(picked.index(best), lead)
                shown.add(text)
            else:
                # Picked already, but after it: the sentence it continues comes first.
                at = next(i for i, p in enumerate(picked) if p.text == text)
                if at > picked.index(best):
                    picked.insert(picked.index(best), picked.pop(at))
        headings = [p for p in picked if _MARKER.match(p.text) and len(p.text.split()) <= 9]
        for heading in headings[:1]:
            # "Lap 19 — HAMILTON IS OUT!": an entry's heading; what happened follows it.
            at = picked.index(heading) + 1
            own = split_sentences(heading.passage.text)
            for i in range(heading.position + 1, min(heading.position + 3, len(own))):
                a, b = own[i]
                text = heading.passage.text[a:b].strip()
                if text in shown:
                    at = max(at, 1 + next(j for j, p in enumerate(picked) if p.text == text))
                    continue
                picked.insert(at, Scored(heading.score, text, heading.passage,
                                         heading.order + 1, i))  # fmt: skip
                shown.add(text)
                at += 1
            return picked[: MAX_SENTENCES + 2]
        if (
            asked
            and best.position + 1 < len(spans)
            and not best.quoted
            and not _opens_with(best.text, asked)
        ):
            # "The Power Stage ... went to Evans, 0.4 seconds quicker than Solberg. Solberg
            # took four, ...": the next sentence is about the one asked, and tells it.
            a, b = spans[best.position + 1]
            text = best.passage.text[a:b].strip()
            if text not in shown and _opens_with(text, asked) and not _OPENS_QUOTE.match(text):
                after = every.get((id(best.passage), best.position + 1)) or Scored(
                    best.score, text, best.passage, best.order + 1, best.position + 1
                )
                picked.insert(picked.index(best) + 1, after)
                return picked[: MAX_SENTENCES + 1]
        following = every.get((id(best.passage), best.position + 1))
        # '"The rear tyres went off on the opening stint.' is a quotation's first half: the
        # rest of it ('After that I was a passenger," Dunmore said.') is shown after it.
        half = _left_open(best.text)
        if best.position + 1 < len(spans) and (
            best.speaker
            or _SAID.search(best.text)
            or _introduces(best, following)
            or best.from_next
            or half
        ):
            # "..., Evans said the win felt bittersweet." is followed by what he said; so is
            # "Martins was in no doubt about who was responsible." by his words on it.
            a, b = spans[best.position + 1]
            text = best.passage.text[a:b].strip()
            if text not in shown and (_OPENS_QUOTE.match(text) or best.from_next or half):
                after = every.get((id(best.passage), best.position + 1)) or Scored(
                    best.score, text, best.passage, best.order + 1, best.position + 1
                )
                picked.insert(picked.index(best) + 1, after)
        return picked[: MAX_SENTENCES + 1]

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
        story = [p for p in story if p.paragraph not in asking]
        ranked = reader.rank(story, (shown[0].passage.paragraph, shown[0].text.strip()))
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


#: "The New Zealander took the blame", "The drive-through penalty dropped the Team Penske
#: driver": a sentence that names its subject only by what the one before told.
#: A live blog entry's heading: "Lap 33 — ", "05:14 GMT — ".
#: Words that say where on a track something happened.
_PLACE_WORDS = re.compile(
    r"\b(?:turn|corner|hairpin|chicane|bend|straight|esses|kink|curve|bridge|sweeper)s?\b",
    re.I,
)
_MARKER = re.compile(r"^(?:lap \d+|\d{1,2}[:.]\d\d(?: [a-z]{2,4})?)\s+[—–-]+\s+", re.I)
_DEFINITE = re.compile(r"^The\s+(?!next\b|championship\b|series\b|race\b|stewards\b)\w")
_EPITHET_SAID = re.compile(
    r"[,\"”’']\s+(?:the|his|her)\s+[\w-]+(?:\s+[\w-]+){0,2}\s+(?:said|added|told|admitted|"
    r"insisted|explained)\b"
)
#: A subject told after an opening phrase, by pronoun or epithet: "On SS9, the Hyundai
#: driver clipped a bank", "After the restart, he ...": whom the sentence before named.
_LATE_SUBJECT = re.compile(
    r"^(?:[^,.]{2,60},\s+){1,2}"
    r"(?:he|she|the\s+(?:[A-Z][\w-]*\s+){1,2}(?:driver|rider|racer|man|woman))\b"
)
#: A sentence telling what became of an incident the one before it told: "The stewards
#: looked at the incident and took no further action", "Race control reviewed the clash":
#: it is about whom that one named, though it names no one.
_BACK_REFERENCE = re.compile(
    r"\b(?:the|that|this)\s+(?:incident|clash|collision|contact|crash|accident|tangle|"
    r"coming-together|coming together|shunt|lunge|move)\b",
    re.I,
)
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her|them)\b")
#: A sentence leaning on the one before for what it tells: a demonstrative its subject
#: ("That is why ...", "This meant ..."), or naming what the one before described
#: ("Engineers call that clipping."). Shown, it brings that one.
_LEANS = re.compile(
    r"^[\"“‘']?(?:that|this|these|those)\s+(?:is|was|are|were|has|had|have|meant|means|made|"
    r"makes|left|leaves|gave|gives|cost|costs|explains|explained|helped|helps|would|will|"
    r"could|can|did|does)\b|"
    r"\b(?:call|calls|called|dub|dubs|dubbed|term|terms|termed)\s+(?:that|this|it|these|those)\b",
    re.I,
)
#: A sentence giving a term's meaning, the term caught: what the one before it described
#: called by a name ("Engineers call that clipping"), a name given ("known inside the team
#: as "the bank""), or the term said to be something ("Porpoising is when ...").
_DEFINES_TERM = (
    re.compile(
        r"\b(?:call|calls|called|dub|dubs|dubbed|term|terms|termed|nicknamed|"
        r"known\s+(?:[\w'’-]+\s+){0,4}?as|referred\s+to\s+as)\s+"
        r"(?:(?:that|this|it|these|those)\s+)?[\"“‘']?(?:(?:the|a|an)\s+)?([\w'’-]+)",
        re.I,
    ),
    re.compile(
        r"^[\"“‘']?(?:(?:the|a|an)\s+)?([\w'’-]+)[\"”’']?\s+(?:is|are|means|refers\s+to)\s+"
        r"(?:when|what|where|how)\b",
        re.I,
    ),
)
#: A demonstrative after the naming verb: the term names what the sentence before told.
_NAMES_BEFORE = re.compile(
    r"\b(?:call|calls|called|dub|dubs|dubbed|term|terms|termed)\s+(?:that|this|it|these|those)\b",
    re.I,
)
#: What a sentence defining the one term asked gains.
DEFINITION_SHARE = 2.0
#: Most word groups a question asking what a term is has ("whats clipping", "what is the
#: bank on the steering wheel" asks one term, with where it is).
TERM_GROUPS = 4
_PRONOUN = re.compile(r"^[\"“‘']?(?:he|she|they|it|his|her|their|the pair|both)\b", re.I)
TIE = 1.0
#: Kinds of question the newest story answers, when tied, whatever the others are about.
_LATEST_KINDS = frozenset({"finish", "won", "points"})
#: Stories whose paragraphs going on about the person found are read (one query each).
CONTINUED_STORIES = 4
#: A sentence that meets the kind's cue must still hold this share of the question's words.
CUED_COVER = 0.34
#: A sentence telling someone spoke, or was asked ("was asked on Monday what advice he
#: had"): the quotation after it is what they said, or their answer.
_SAID = re.compile(
    r"\b(?:said|says|told|added|admitted|wrote|explained|blamed|rejected|disagreed|agreed|"
    r"insisted|conceded|countered|replied|warned|joked|was blunter|buying it|was asked)\b",
    re.I,
)
_OPENS_QUOTE = re.compile(r"^[\"“‘']")


#: How a report tells the winner, second and third place.
_PODIUM = (
    re.compile(r"\b(?:won|wins|winning|victory|triumph\w*|took the (?:win|chequered flag))\b"),
    re.compile(r"(?<!-)\b(?:second|runner-up|runners-up|2nd|ahead of|beating|beat|held off|"
               r"holding off|holds off)\b"),
    re.compile(r"\b(?:third(?! (?:win|victory|title|time|straight|career))|3rd|completed the "
               r"podium|rounded out the podium|completing the podium|podium)\b"),
)  # fmt: skip
_STANDINGS = re.compile(r"\b(?:points|standings|championship lead|leads the championship)\b")


#: How much a sentence gains from the question's words its lead holds and it lacks, per
#: unit of their weight (a tie-break among sentences naming the one asked).
LEAD_SHARE = 0.5


def _holds(text: str, words: Sequence[str], stemmed: frozenset[str]) -> bool:
    """Whether a paragraph holds one of the searched words, as written or by its stem, each
    as a plain substring ("sprint" of "sprints" is in "a sprint race"): stemming every
    paragraph of the stories read costs more than the answer is worth."""
    low = text.casefold()
    return any(w in low for w in words) or any(s in low for s in stemmed)


#: Distinct places a story names (by the places file) that make it a story of many places.
MANY_PLACES = 8


def _place_names() -> re.Pattern[str]:
    """Every name the places file knows, as whole words of a normalised text (built again
    when the file is read again)."""
    book = place_book()
    if _PLACE_PATTERN and _PLACE_PATTERN[0] is book:
        return _PLACE_PATTERN[1]
    names = sorted(book.same, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    _PLACE_PATTERN[:] = [book, pattern]
    return pattern


_PLACE_PATTERN: list[Any] = []


def _asked_places(query: Query) -> frozenset[str]:
    """Every name of the places the question asks about, from the words it is searched by
    (``search_more``: a place's names, word by word; "abu", "dhabi" are one name)."""
    book = place_book()
    words = query.search_more
    out: set[str] = set()
    for size in (1, 2, 3):
        for at in range(len(words) - size + 1):
            name = " ".join(words[at : at + size])
            if name in book.same:
                out |= book.same[name]
    return frozenset(out)


def _crowded_stories(paragraphs: Iterable[Passage], asked: frozenset[str]) -> frozenset[str]:
    """The stories whose paragraphs name :data:`MANY_PLACES` places or more, unless the
    headline is about the place asked (names it, and at most one other place): the
    Monaco report's "the race starts at 3pm" is Monaco's, the calendar's is not."""
    named: dict[str, set[frozenset[str]]] = {}
    headlines: dict[str, str] = {}
    for p in paragraphs:
        if p.source is None:
            continue
        named.setdefault(p.source.slug, set()).update(_places_in(p.text))
        headlines[p.source.slug] = p.source.headline
    out = set()
    for slug, held in named.items():
        if len(held) < MANY_PLACES:
            continue
        told = _places_in(headlines[slug])
        if len(told) <= 2 and any(asked & g for g in told):
            continue
        out.add(slug)
    return frozenset(out)


def _places_in(text: str) -> set[frozenset[str]]:
    """The places a text names, each as every name of it; a nationality ("Italian") or a
    two-letter name ("us") is no place here."""
    book = place_book()
    return {
        book.same[m]
        for m in _place_names().findall(normalise(text))
        if len(m) > 2 and m not in book.adjectives
    }


def _names_place(s: Scored, names: frozenset[str]) -> bool:
    """Whether the sentence is about the place by one of ``names``: it names it, or it names
    no place and the last place its paragraph named before it is that one ("Las Vegas joins
    as a night race. Its promoter said the race would start at 10pm")."""
    spans = split_sentences(s.passage.text)
    for a, b in reversed(spans[: s.position + 1]):
        told = _places_in(s.passage.text[a:b])
        if told:
            return any(names & g for g in told)
    return False


@functools.lru_cache(maxsize=4096)
def _headline_has(headline: str, phrase: str) -> bool:
    """:func:`_has` for a story's headline (folded), asked once per story and hint."""
    return _has(headline, phrase)


def _left_open(sentence: str) -> bool:
    """Whether a sentence opens a quotation (double marks, straight or curly) it does not
    close: the quotation goes on in the next sentence."""
    if "“" in sentence or "”" in sentence:
        return sentence.count("“") > sentence.count("”")
    at = sentence.rfind('"')
    # The last mark opens ('... said: "Don't', '"The rear'), not closes ('laps," he said').
    return sentence.count('"') % 2 == 1 and (at == 0 or sentence[at - 1].isspace())


def _lean_on_leads(scored: list[Scored], weights: list[float]) -> None:
    """Mark each sentence whose lead (the sentence before it in its paragraph) holds words
    of the question it lacks, and credit it with them: "The rally turned on SS14. Thierry
    Neuville ... rolled his Hyundai" answers "what happened to Neuville on SS14" together.

    Only a lead naming none of the people asked lends its words (one naming them is an
    answer of its own), and only to a sentence that names them.
    """
    at = {(id(s.passage), s.position): s for s in scored}
    for s in scored:
        before = at.get((id(s.passage), s.position - 1)) if s.position else None
        if before is None or before.named or not s.named:
            continue
        extra = before.own - s.own
        if extra:
            s.score += LEAD_SHARE * sum(weights[i] for i in extra)
            s.lead = True


#: "There is/are/will be (no) X": whether X exists, said; the words after it that name X.
_THERE_IS = re.compile(
    r"\bthere\s+(?:is|are|was|were|will\s+be|would\s+be|won['’]t\s+be|has\s+been|have\s+been|"
    r"is\s+not|are\s+not|isn['’]t|aren['’]t)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)",
    re.I,
)
#: What a sentence saying whether the thing a yes/no question asks about exists gains.
EXISTS_SHARE = 3.0


def _tells_there_is(sentence: str, group_stems: Sequence[tuple[str, ...]]) -> bool:
    """Whether a sentence says there is (or is no) something the question names, in the few
    words after "there is": "There is no sprint this weekend", "there will be no limit"."""
    asked = {x for g in group_stems for x in g}
    stop = stop_words()
    for m in _THERE_IS.finditer(sentence):
        words = words_of(m[1])
        while words and words[0] in _QUANTIFIERS:
            words = words[1:]
        # The thing said to exist runs to the first word that is no part of its name
        # ("no limit on stint length": the limit; "no sprint this weekend": the sprint).
        named = []
        for w in words:
            if w in stop:
                break
            named.append(w)
        if asked & {stem(w) for w in named}:
            return True
    return False


#: What may stand between "there is" and the thing said to exist.
_QUANTIFIERS = frozenset({"no", "not", "a", "an", "any", "some", "one", "only", "never"})


def _definitions(
    scored: list[Scored], query: Query, group_stems: Sequence[tuple[str, ...]]
) -> None:
    """Credit each sentence that defines a term the question asks what it is ("whats
    clipping": no one named, no kind of answer read): "Engineers call that clipping." tells
    it with the sentence before (its lead, shown with it), "Porpoising is when ..." alone."""
    if query.people or query.kinds or not 0 < len(group_stems) <= TERM_GROUPS:
        return
    asked = {x for g in group_stems for x in g}
    for s in scored:
        for pattern in _DEFINES_TERM:
            m = pattern.search(s.text)
            if m is None or stem(words_of(m[1])[0] if words_of(m[1]) else "") not in asked:
                continue
            s.score += DEFINITION_SHARE
            s.lead = s.lead or (s.position > 0 and _NAMES_BEFORE.search(s.text) is not None)
            break


#: A sentence going on with what the one before it named: "The race, planned for June 5,
#: has been replaced", "It was", "He said".
_CONTINUES = re.compile(
    r"^[\"“‘']?(?:the|this|that|these|those|it|its|he|she|they|his|her|their)\b", re.I
)


def _carry_rarest(scored: list[Scored]) -> None:
    """A sentence going on with the one before it ("Formula E has dropped the Jakarta
    E-Prix. The race ... has been replaced by a second race in Tokyo") holds the rarest
    word of the question through it, and is shown with it."""
    at = {(id(s.passage), s.position): s for s in scored}
    for s in scored:
        if s.rarest or not s.position or not _CONTINUES.match(s.text):
            continue
        before = at.get((id(s.passage), s.position - 1))
        if before is not None and before.rarest:
            s.rarest = s.lead = True


#: Runs of capitalised words: a team's or a body's name, whose initials fans type.
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:of|de|&)\s+)?){1,4}[A-Z][\w'’-]*")


def _initialled(sentence: str, forms: frozenset[str]) -> bool:
    """Whether the sentence names something whose initials are one of ``forms``."""
    for m in _CAPITALISED_RUN.finditer(sentence):
        words = [w for w in m[0].split() if w[:1].isupper()]
        if "".join(w[0] for w in words).casefold() in forms:
            return True
    return False


def _told_by_lead(need: Searches) -> bool:
    """Whether what ``need`` asks (a lap, a stage, a date) may be told by a sentence's lead:
    a place in the standings or a number, which a lead gives about someone else, may not."""
    return need.search("he was fifth, 40 points behind") is None


def _sentence_before(text: str, span: tuple[int, int]) -> str:
    """The sentence of a paragraph before the one at ``span`` (roughly: from the last
    sentence end before it), without splitting the whole paragraph again."""
    head = text[: span[0]].rstrip()
    cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("? ", 0, len(head) - 1),
              head.rfind("! ", 0, len(head) - 1))  # fmt: skip
    return head[cut + 2 :] if cut >= 0 else head


def _asks_a_date(need: Searches) -> bool:
    """Whether a query's required pattern is a date's ("on Sunday", "July 14")."""
    return need.search("it was on sunday") is not None


#: Answering sentences, best first, whose paragraphs are checked for an "About" block.
BOILERPLATE_CHECKED = 8
#: A press release's closing heading, on a paragraph of its own: "About BMW M Team WRT".
_ABOUT_HEADING = re.compile(r"^About\s+[A-Z0-9][^.!?]{0,80}$")
#: A paragraph opening by saying what an organisation is, as an "About" block does.
_DEFINES = re.compile(
    r"^[A-Z][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,6}\s+(?:is|was|are)\s+(?:a|an|the)\b"
)


def _key(s: Scored | Passage) -> tuple[str, int]:
    """Where a sentence (or a paragraph) stands: its story's slug and its paragraph."""
    passage = s.passage if isinstance(s, Scored) else s
    return (passage.source.slug if passage.source else "", passage.paragraph)


#: The share of a question heading's own words a fan's question must hold to ask it.
HEADING_COVER = 0.66


def _restates(heading: frozenset[str], question: set[str]) -> bool:
    """Whether a fan's question (its stems) asks what a question heading (its own stems)
    asks: it holds (nearly) all of the heading's words ("did the williams fix work" asks
    "Did it work?"; the story's headline names what "it" is)."""
    return bool(heading) and len(heading & question) >= HEADING_COVER * len(heading)


def _same_ask(heading: str, query: Query) -> bool:
    """Whether a question heading asks the way the fan does: a cause ("Why was Williams
    worse?") only when the fan asks why, and the fan's why only by such a heading."""
    words = heading.split(maxsplit=1)
    return (bool(words) and words[0].casefold() == "why") == ("why" in query.kinds)


def _under_asked(query: Query, s: Scored) -> bool:
    """Whether a sentence answers by standing under a heading that asks the fan's question
    (its story holding the rest of the question's words), naming whom it asks about or in
    a story that does."""
    return s.headed and (not query.people or s.named or s.story_named)


def _heading_stems(text: str) -> frozenset[str]:
    """The stems of a heading's own words, its question words and the like left out."""
    stop = stop_words()
    return frozenset(stem(w) for w in words_of(text) if w not in stop)


def _story_forms(
    people: Sequence[Person],
    name_forms: list[set[str]],
    headline: str,
    ambiguous: dict[str, tuple[str, ...]],
    everyone: dict[str, Person],
) -> list[set[str]]:
    """The forms naming each asked person inside one story: a surname several people share
    ("Montoya", father and son) names, in a story whose headline is about one of them by a
    name of his own ("Sebastián Montoya, the son who ..."), that one, unless the headline
    names another who shares it."""
    out = []
    for person, forms in zip(people, name_forms, strict=True):
        every = forms_of(person)
        shared = every - forms
        if not shared or not _mentions(headline, forms):
            out.append(forms)
            continue
        others = {n for f in shared for n in ambiguous.get(f, ()) if n != person.name}
        rivals = [everyone.get(n) or Person(n) for n in others]
        if any(
            _mentions(headline, {f for f in forms_of(r) if len(ambiguous.get(f, ())) < 2})
            for r in rivals
        ):
            out.append(forms)
            continue
        out.append(every)
    return out


def forms_in_story(
    person: Person,
    headline: str,
    ambiguous: dict[str, tuple[str, ...]],
    everyone: dict[str, Person],
) -> set[str]:
    """The forms that name ``person`` in the story under ``headline``, as the search reads
    them: a form several people share only where the headline makes it theirs
    (``_story_forms``). A check on a sentence the search found must read names the same way,
    or the father is given the son's birthplace."""
    forms = {f for f in forms_of(person) if len(ambiguous.get(f, ())) < 2} or forms_of(person)
    return _story_forms([person], [forms], headline, ambiguous, everyone)[0]


def _asked_forms(query: Query, name_forms: list[set[str]]) -> frozenset[str]:
    """The written forms of whom the question is about: its subject, else its one person."""
    if query.subject in query.people:
        return frozenset(name_forms[query.people.index(query.subject)])
    return frozenset(name_forms[0]) if len(name_forms) == 1 else frozenset()


#: How far into a sentence its subject may be named: "Mercedes team principal Toto Wolff".
SUBJECT_WORDS = 6


#: What may open a word before its first letter: quotation marks and brackets.
_OPENERS = "\"'“‘([«"


def _names_no_one(sentence: str) -> bool:
    """Whether a sentence names no one: no capitalised word after its first ("The pass that
    decided the title came on lap 19 of 27."), so it can be about no one but whom the
    sentences around it name."""
    return not any(w.lstrip(_OPENERS)[:1].isupper() for w in sentence.split()[1:])


def _name_from_next(
    query: Query,
    text: str,
    spans: Sequence[tuple[int, int]],
    items: dict[int, Scored],
    name_forms: list[set[str]],
) -> None:
    """A paragraph's lead naming no one introduces what its next sentence tells ("The pass
    that decided the title came on lap 19 of 27. Acosta ran wide, and Bezzecchi cut back
    underneath him"), so it is about whom that next sentence names."""
    for i, item in items.items():
        if i or item.all_named or item.quoted or len(spans) < 2 or not _names_no_one(item.text):
            continue
        a, b = spans[i + 1]
        after = text[a:b]
        there = {
            n for n, forms in zip(query.people, name_forms, strict=True) if _mentions(after, forms)
        }
        if not there - item.people:
            continue
        item.score += 3.0 * len(there - item.people)
        item.people |= there
        item.named = True
        item.subject = item.subject or query.subject in there
        item.all_named = len(item.people) == len(query.people)
        item.from_next = True


def _introduces(sentence: Scored, following: Scored | None) -> bool:
    """Whether a narrative sentence introduces the quote after it: its subject, in its first
    words, is the one who speaks that quote ("Leclerc saw it differently.", "Mercedes team
    principal Toto Wolff defended his driver."), so the quote tells what it only announces."""
    if following is None or following.speaker is None or sentence.quoted:
        return False
    names = {following.speaker.casefold()}
    names |= {part.casefold() for part in following.speaker.split() if len(part) >= 3}
    return _mentions(" ".join(sentence.text.split()[:SUBJECT_WORDS]), names)


def _done_to(sentence: str, group_stems: Sequence[tuple[str, ...]], forms: Iterable[str]) -> bool:
    """Whether the one asked about is the object of the question's verb in ``sentence``:
    first named after its past form ("Acosta passed Bezzecchi", "The KTM rider passed
    Bezzecchi on lap 14"), and not as its agent ("was passed by Bezzecchi")."""
    verbs = {s for g in group_stems for s in g}
    low = sentence.casefold()
    verb = next(
        (
            m
            for m in _WORD.finditer(low)
            if stem(w := re.split(r"['’]", m[0])[0]) in verbs and (w.endswith("ed") or w in _PAST)
        ),
        None,
    )
    if verb is None:
        return False
    named = [
        m.start() for f in forms for m in [re.search(rf"(?<!\w){re.escape(f)}(?!\w)", low)] if m
    ]
    first = min(named, default=-1)
    return first > verb.start() and not re.search(r"\bby\b", low[verb.end() : first])


def _opens_with(text: str, forms: Iterable[str]) -> bool:
    """Whether a sentence names one of ``forms`` in its first three words (its subject)."""
    return _mentions(" ".join(text.split()[:3]), forms)


#: Irregular verbs race reports use, each form -> all its forms: a stem joins "crashes"
#: and "crashed" but never "blow" and "blew". Forms that are other words too ("left",
#: "saw", "found") are left out.
_IRREGULAR = (
    "blow blew blown", "break broke broken", "run ran", "throw threw thrown", "fall fell fallen",
    "lose lost", "win won", "drive drove driven", "ride rode ridden", "catch caught",
    "spin spun", "lead led", "begin began begun", "give gave given", "hold held", "keep kept",
    "meet met", "pay paid", "send sent", "stand stood", "strike struck", "sweep swept",
    "tell told", "think thought", "wear wore worn", "write wrote written",
    "withdraw withdrew withdrawn", "fly flew flown", "stick stuck", "slide slid",
    "shake shook shaken", "fight fought", "bring brought", "choose chose chosen",
    "rise rose risen", "speak spoke spoken", "overtake overtook overtaken", "beat beaten",
    "bend bent", "sell sold", "take took taken", "eat ate eaten", "freeze froze frozen",
    "hide hid hidden", "sink sank sunk", "swing swung", "tear tore torn", "undercut",
)  # fmt: skip
_VERB_FORMS: dict[str, tuple[str, ...]] = {
    form: tuple(forms.split()) for forms in _IRREGULAR for form in forms.split()
}
#: Their past forms ("overtook", "blew"): a report's verb as it tells what was done.
_PAST = frozenset(forms.split()[1] for forms in _IRREGULAR if len(forms.split()) > 1)
_EPITHET_ADJECTIVE = _epithet_adjective()


#: Words a report uses for what fans call otherwise, beside the router's synonyms: the
#: "last lap" is the "final lap", a pass is made "past" someone, an upgrade is an "update".
_SAME: dict[str, tuple[str, ...]] = {
    "last": ("final",), "final": ("last",), "pass": ("past", "passed", "overtook"),
    "passed": ("past", "pass", "overtook"), "overtake": ("past", "passed", "overtook"),
    "upgrade": ("update", "upgrades", "updates"), "upgrades": ("update", "updates"),
    "pitstop": ("stop",), "pitstops": ("stop", "stops"), "yellow": ("caution",),
    "appeal": ("review", "protest"), "protest": ("appeal", "review"),
    "contract": ("deal",), "deal": ("contract",), "decide": ("decision",),
    "upset": ("hurts", "disappointed", "gutted", "frustrated", "frustrating"),
    "angry": ("unhappy", "frustrated"), "target": ("aim", "goal"),
    "push": ("forcing", "forced"), "pushed": ("forcing", "forced"),
    # A parent asked about is told by the other word for them, or as the child's: "his dad"
    # is "Papá", "the father", "advice he had given his son".
    "dad": ("father", "papa", "papá", "son"), "father": ("dad", "papa", "papá", "son"),
    "papa": ("dad", "father"), "mum": ("mother", "mom", "son", "daughter"),
    "mom": ("mother", "mum", "son", "daughter"), "mother": ("mum", "mom", "son", "daughter"),
}  # fmt: skip


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


def _with_forms(group: tuple[str, ...]) -> tuple[str, ...]:
    """A question's group with every form of its irregular verbs ("blow": "blew", "blown")
    and the words reports use for it ("last": "final")."""
    out = list(group)
    for word in group:
        out += [f for f in (*_VERB_FORMS.get(word, ()), *_SAME.get(word, ())) if f not in out]
    return tuple(out)


def _has(low: str, phrase: str) -> bool:
    """Whether a sentence holds a phrase as whole words; "re:" marks a pattern instead."""
    if phrase.startswith("re:"):
        return re.search(rf"(?<!\w){phrase[3:]}", low) is not None
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", low) is not None


def _newest_event(
    query: Query,
    answering: list[Scored],
    name_forms: Sequence[set[str]] = (),
    names: Sequence[tuple[str, int]] = (),
    telling: Collection[str] = (),
) -> list[Scored]:
    """The answering sentences of the newest story where the one asked about had the event
    the question asks the cause of: a sentence names them (or is theirs) and the event. Of
    those stories, the ``telling`` ones (a sentence about them gives a cause) come first."""
    event = set(query.event)
    had = [
        s
        for s in answering
        if (s.subject if query.subject is not None else s.named)
        and event & stems(s.text)
        and _had(s, event, name_forms, names)
    ]
    if not had:
        return answering
    had = [s for s in had if s.passage.source and s.passage.source.slug in telling] or had
    latest = max(_date(s.passage) for s in had)
    return [s for s in answering if _date(s.passage) == latest]


def _had(
    s: Scored, event: set[str], name_forms: Sequence[set[str]], names: Sequence[tuple[str, int]]
) -> bool:
    """Whether the one named had the event: no other person's name (a capitalised word of
    a person's name, ``names`` as the lookup sorts them) stands between their name and the
    event's word ("Bagnaia beat Bezzecchi, but Acosta crashed" is Acosta's crash; "Perez
    had the Cadillac running when he pulled off at Degner" is his)."""
    if s.speaker or not name_forms:
        return True
    words = _WORD.findall(s.text)
    at = next((i for i, w in enumerate(words) if stem(w.casefold()) in event), None)
    if at is None:
        return True
    own = {w for forms in name_forms for f in forms for w in words_of(f)}
    bare = [re.split(r"['’]", w)[0].casefold() for w in words[:at]]
    last = max((i for i, w in enumerate(bare) if w in own), default=None)
    if last is None:
        return True  # named after the event's word ("the crash that ended Bagnaia's race")
    between = [re.split(r"['’]", w)[0] for w in words[last + 1 : at]]

    def person(word: str) -> bool:
        at = bisect.bisect_left(names, (word,))
        return at < len(names) and names[at][0] == word

    return not any(
        w[:1].isupper() and w.casefold() not in own and person(w.casefold()) for w in between
    )


def _holds_group(text: str, group: frozenset[str]) -> bool:
    """Whether ``text`` holds a word of a question's group (by its stem)."""
    return bool(stems(text) & group)


def _date(passage: Passage) -> date:
    return passage.source.published if passage.source else date.min


def _asks_it(query: Query, s: Scored, asks: dict[str, frozenset[int]]) -> bool:
    """Whether the sentence is an interviewer's question that is the fan's own question:
    it holds nearly all their words and names whom they ask about. Its answer, the next
    paragraph, is then the answer whatever kind of words it uses ("When we deserve to")."""
    slug = s.passage.source.slug if s.passage.source else ""
    if s.passage.paragraph not in asks.get(slug, frozenset()) and not signed_question(
        s.passage.text
    ):
        return False
    return s.cover >= QUESTION_COVER and (not query.people or s.named)


def _speaker_of(
    passage: Passage,
    span: tuple[int, int],
    quotes: Sequence[Quote],
    reported: Sequence[ReportedStatement],
) -> tuple[str | None, bool, bool]:
    """(speaker, wholly inside a quotation, a reported view) for one sentence of a passage.

    Quotes are verbatim, so where each stands in the paragraph is found by position: a
    sentence mostly within a quotation is that speaker's; "..., Russell said." after it too.
    A sentence holding the quotations of two people ('Russell suggested Bottas "was trying
    to kill us both" while the Mercedes star defended himself, saying it was "completely his
    fault"') is no one speaker's: it names them itself, and labelling it with the first
    would put the second's words under the wrong name.
    """
    start, end = span
    length = max(end - start, 1)
    text = passage.text
    found: tuple[str | None, bool, bool] | None = None
    for q in quotes:
        if q.paragraph != passage.paragraph or not q.text.strip():
            continue
        at = text.find(q.text.strip())
        if at < 0:
            continue
        q_end = at + len(q.text.strip())
        overlap = min(end, q_end) - max(start, at)
        if overlap > 0 and (overlap >= 0.5 * length or overlap >= 0.5 * (q_end - at)):
            if found is None:
                inside = overlap >= length - 4  # the sentence's own quote marks aside
                if inside:
                    return q.speaker, True, False
                found = (q.speaker, False, False)
            elif found[0] != q.speaker:
                return None, False, False
    if found is not None:
        return found
    sentence = normalise(text[start:end])
    for r in reported:
        if r.paragraph != passage.paragraph:
            continue
        rn = normalise(r.text)
        if rn and sentence and (sentence in rn or (len(rn) >= 12 and rn in sentence)):
            return r.speaker, False, True
    return None, False, False


def as_found(s: Scored) -> Found:
    source = s.passage.source
    assert source is not None
    cited = dataclasses.replace(source, paragraph=s.passage.paragraph)
    text = s.text
    if s.quoted:
        text = text.strip(_QUOTE_MARKS + " ,")
    return Found(text, cited, s.speaker, s.quoted, s.reported)
