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

import asyncio
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import snowballstemmer

from bot.answers.lookup import Part
from bot.answers.records import Found, PassageAnswer
from bot.answers.text import normalise
from bot.models import Passage, Person, Quote, ReportedStatement, Source

__all__ = ["Passages", "Query", "forms_of", "split_sentences", "stem", "stems", "words_of"]

#: Paragraphs the index proposes per question; sentences in them are scored in Python.
CANDIDATES = 60
#: Sentences an answer shows at most, and how close to the best a second one must score.
MAX_SENTENCES = 3
SECOND_SHARE = 0.7

_PORTER = snowballstemmer.stemmer("porter")
_STEMS: dict[str, str] = {}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A sentence ends at . ! ? (and any closing quote after it) before a space and a capital,
# digit or opening quote; "St. Devote" or "5.2 seconds" do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”’']?)\s+(?=[\"“‘'(]?[A-Z0-9])")
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
    return [w.replace("'", "").replace("’", "") for w in _WORD.findall(normalise_case(text))]


def normalise_case(text: str) -> str:
    return text.casefold()


def stems(text: str) -> set[str]:
    """The set of stems of ``text``'s words, possessives and plain forms both."""
    out: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        for part in re.split(r"['’]", word):
            if part:
                out.add(stem(part))
        out.add(stem(word.replace("'", "").replace("’", "")))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a paragraph starts and ends, its closing quote mark included."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + len(m[1])
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out


def forms_of(person: Person) -> set[str]:
    """Every folded way the articles name ``person``: full name, name parts, aliases."""
    forms = {person.name.casefold()}
    forms.update(p.casefold() for p in person.name.split() if len(p) >= 3)
    for alias in person.aliases:
        a = alias.casefold()
        forms.add(a)
        if a.startswith("the "):
            forms.add(a[4:])
    return {f for f in forms if f}


def _mentions(text: str, forms: Iterable[str]) -> bool:
    low = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", low) for f in forms)


@dataclass(slots=True)
class Query:
    """What the router understood of a question, for the passage search.

    ``groups``: the question's content words, each with the words articles use for it
    ("penalised", "penalty"); a sentence holding any word of a group covers it. ``people``
    are full names it names; ``subject`` one of them who must be named in (or speak) the
    sentence. ``cues`` signal the answer asked for (stems; ``cue_phrases`` as phrases) and,
    with ``need_cue``, a sentence without one does not answer. ``need`` is a pattern an
    answer must hold ("lap 32", a date); ``phrases`` must appear, ``hints`` only help.
    ``slugs`` limits the stories (None: any).
    """

    groups: list[tuple[str, ...]] = field(default_factory=list)
    people: tuple[str, ...] = ()
    subject: str | None = None
    cues: tuple[str, ...] = ()
    cue_phrases: tuple[str, ...] = ()
    need_cue: bool = False
    need: re.Pattern[str] | None = None
    phrases: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    slugs: list[str] | None = None
    speaker_only: str | None = None
    need_speaker: bool = False
    min_cover: float = 0.5


@dataclass(slots=True)
class _Scored:
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


class Passages(Part):
    """Finds the sentences of the articles that best answer a question."""

    async def find(self, query: Query) -> tuple[list[_Scored], list[_Scored]]:
        """(answering sentences, best first; the nearest sentences, answering or not)."""
        index = self._index
        people = [index.people.get(n) or Person(n) for n in query.people]
        name_forms = [forms_of(p) for p in people]
        terms = [w for g in query.groups for w in g]
        for forms in name_forms:
            terms += [w for f in forms for w in words_of(f)]
        terms += list(query.cues)
        for phrase in (*query.phrases, *query.hints, *query.cue_phrases):
            terms += words_of(phrase)
        search = [t for t in dict.fromkeys(terms) if t and len(t) > 1]
        if not search or (query.slugs is not None and not query.slugs):
            return [], []
        found = await self.store.passages_matching(search, slugs=query.slugs, limit=CANDIDATES)
        group_stems = [tuple(dict.fromkeys(stem(w) for w in g)) for g in query.groups]
        total, counts = await self.store.passage_counts(sorted({s for g in group_stems for s in g}))
        rare = math.log(1 + (total + 1) / 0.5)
        weights = [
            max((math.log(1 + (total + 1) / (counts[s] + 0.5)) for s in g if counts.get(s)),
                default=rare)
            for g in group_stems
        ]  # fmt: skip
        by_article: dict[str, list[Passage]] = {}
        for p in found:
            assert p.source is not None
            by_article.setdefault(p.source.slug, []).append(p)
        said = await asyncio.gather(
            *(self.store.quotes(article=slug, limit=10_000) for slug in by_article),
            *(self.store.reported(article=slug) for slug in by_article),
        )
        n = len(by_article)
        quotes = {slug: said[i] for i, slug in enumerate(by_article)}
        reported = {slug: said[n + i] for i, slug in enumerate(by_article)}
        cue_stems = {stem(c) for c in query.cues}
        scored: list[_Scored] = []
        for rank, passage in enumerate(found):
            assert passage.source is not None
            slug = passage.source.slug
            for i, span in enumerate(split_sentences(passage.text)):
                item = self._score(
                    query, span, passage, rank, i, group_stems, weights, cue_stems, name_forms,
                    quotes[slug], reported[slug],
                )  # fmt: skip
                if item is not None:
                    scored.append(item)
        scored.sort(key=lambda s: (-s.score, -_date(s.passage).toordinal(), s.order))
        answering = [s for s in scored if self._answers(query, s)]
        return self._pick(answering, found), self._pick(scored, found)

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
    ) -> _Scored | None:
        sentence = passage.text[span[0] : span[1]].strip()
        have = stems(sentence)
        low = sentence.casefold()
        matched = sum(w for g, w in zip(group_stems, weights, strict=True) if have & set(g))
        cover = matched / sum(weights) if weights else 0.0
        score = matched
        speaker, quoted, was_reported = _speaker_of(passage, span, quotes, reported)
        if query.speaker_only and speaker != query.speaker_only:
            return None
        if query.need_speaker and speaker is None:
            return None
        named = subject = False
        for forms, name in zip(name_forms, query.people, strict=True):
            if _mentions(low, forms) or speaker == name:
                score += 3.0
                named = True
                subject = subject or name == query.subject
        cue = bool(cue_stems & have) or any(_has(low, c) for c in query.cue_phrases)
        if cue:
            score += 3.0
        if query.need is not None:
            if not query.need.search(low):
                return None
            score += 2.0
        for phrase in query.phrases:
            if not _has(low, phrase):
                return None
            score += 4.0
        hinted = False
        for phrase in query.hints:
            if _has(low, phrase):
                score += 2.0
                hinted = True
        # The lede tells the story; later paragraphs tell its details.
        score += 0.6 / passage.paragraph + 0.2 / (position + 1)
        return _Scored(
            score, sentence, passage, rank * 100 + position, position, speaker, quoted,
            was_reported, cue, named, subject, cover, hinted,
        )  # fmt: skip

    @staticmethod
    def _answers(query: Query, s: _Scored) -> bool:
        """Whether a sentence answers the question, rather than being merely near it."""
        if query.need_cue and not s.cue:
            return False
        if query.subject is not None and not s.subject:
            return False
        if query.people and not s.named:
            return False
        if query.groups and s.cover < query.min_cover and not (s.cue and query.cues):
            return False
        return bool(s.cover or s.cue or s.named or query.phrases or query.need or s.hinted)

    @staticmethod
    def _pick(scored: list[_Scored], found: Sequence[Passage]) -> list[_Scored]:
        """The best sentence, and up to two more nearly as good from the same story.

        Stories whose best sentences score within a point of each other are a tie, and the
        newest story wins it. A sentence that opens with a pronoun brings the one before it,
        which names whom it is about.
        """
        if not scored:
            return []
        top = scored[0].score
        tied = [s for s in scored if s.score >= top - TIE]
        best = max(tied, key=lambda s: (_date(s.passage), s.score))
        slug = best.passage.source.slug if best.passage.source else ""
        picked = [best]
        for s in scored:
            if len(picked) >= MAX_SENTENCES:
                break
            if s is best or (s.passage.source and s.passage.source.slug != slug):
                continue
            if s.score >= SECOND_SHARE * best.score and s.text not in {p.text for p in picked}:
                picked.append(s)
        if _PRONOUN.match(best.text) and best.position > 0:
            before = split_sentences(best.passage.text)[best.position - 1]
            text = best.passage.text[before[0] : before[1]].strip()
            if text not in {p.text for p in picked}:
                lead = _Scored(best.score, text, best.passage, best.order - 1, best.position - 1)
                picked.insert(picked.index(best), lead)
                picked = picked[: MAX_SENTENCES + 1]
        return picked

    async def answer(self, query: Query, title: str, missing: str) -> PassageAnswer:
        """The sentences answering ``query``; none → ``missing`` and the nearest ones."""
        answering, nearest = await self.find(query)
        if answering:
            return PassageAnswer(tuple(_found(s) for s in answering), title)
        return PassageAnswer(tuple(_found(s) for s in nearest[:2]), title, missing)

    async def lede(self, slug: str, sentences: int = 2) -> PassageAnswer | None:
        """The opening sentences of a story: what happened, as the article tells it."""
        passages = await self.store.article_passages(slug)
        if not passages:
            return None
        first = passages[0]
        spans = split_sentences(first.text)[:sentences]
        found = [
            _Scored(0.0, first.text[a:b].strip(), first, i, i) for i, (a, b) in enumerate(spans)
        ]
        return PassageAnswer(tuple(_found(s) for s in found), "")


_PRONOUN = re.compile(r"^[\"“‘']?(?:he|she|they|it|his|her|their|the pair|both)\b", re.I)
TIE = 1.0


def _has(low: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", low) is not None


def _date(passage: Passage) -> date:
    return passage.source.published if passage.source else date.min


def _speaker_of(
    passage: Passage,
    span: tuple[int, int],
    quotes: Sequence[Quote],
    reported: Sequence[ReportedStatement],
) -> tuple[str | None, bool, bool]:
    """(speaker, wholly inside a quotation, a reported view) for one sentence of a passage.

    Quotes are verbatim, so where each stands in the paragraph is found by position: a
    sentence mostly within a quotation is that speaker's; "..., Russell said." after it too.
    """
    start, end = span
    length = max(end - start, 1)
    text = passage.text
    for q in quotes:
        if q.paragraph != passage.paragraph or not q.text.strip():
            continue
        at = text.find(q.text.strip())
        if at < 0:
            continue
        q_end = at + len(q.text.strip())
        overlap = min(end, q_end) - max(start, at)
        if overlap > 0 and (overlap >= 0.5 * length or overlap >= 0.5 * (q_end - at)):
            inside = overlap >= length - 4  # the sentence's own quote marks aside
            return q.speaker, inside, False
    sentence = normalise(text[start:end])
    for r in reported:
        if r.paragraph != passage.paragraph:
            continue
        rn = normalise(r.text)
        if rn and sentence and (sentence in rn or (len(rn) >= 12 and rn in sentence)):
            return r.speaker, False, True
    return None, False, False


def _found(s: _Scored) -> Found:
    source = s.passage.source
    assert source is not None
    cited = Source(source.slug, source.headline, source.published, s.passage.paragraph)
    text = s.text
    if s.quoted:
        text = text.strip(_QUOTE_MARKS + " ,")
    return Found(text, cited, s.speaker, s.quoted, s.reported)
