"""A head-to-head told by score lines: "Qualifying: 14-9 to Bottas" heading its section.

Season reviews and team-mate comparisons tell the count between two drivers under
sub-headings that are themselves the answer ("Qualifying: 14-9 to Bottas", "Races: 10-7 to
Perez", "Points: 2-1"), and the prose under them words the count its own way ("out-qualified
his team-mate 14 times to nine"). A fan asks for the count in shorthand ("whats the quali
head to head at cadillac", "race h2h checo vs bottas"): the score line whose topic is the
one asked (qualifying for "quali", races for "race") is the answer, with the first sentence
under it; with no topic asked, every score line of the story. Any other heading is a title,
no count: these lines are read only when a question asks for a head-to-head.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers._sections import sections_of
from bot.answers.lookup import Lookup
from bot.answers.passages import Scored, forms_of, split_sentences, stem, words_of
from bot.answers.text import wordset
from bot.answers.understand import Reading
from bot.models import Passage, Person
from bot.store import Store

__all__ = [
    "asks_head_to_head",
    "head_to_head",
    "score_lines",
    "shown",
    "topic_words",
    "wanted_lines",
]

#: "head to head", "head-to-head", "head 2 head", "h2h": a count between two asked for.
_ASKS = re.compile(r"\bhead[\s-]*(?:to|2)[\s-]*head\b|\bh2h\b", re.IGNORECASE)
#: A score in a heading: "14-9", "10 – 7" (never a time's "1:32" or a year's span "2024-25").
_SCORE = re.compile(r"(?<![\d:.])\d{1,3}\s*[-–]\s*\d{1,3}(?![\d:.])")
#: Words of a head-to-head question that name no topic of the count.
_FILLER = wordset(
    "what whats wat is was the a at in of for on with between vs v versus against and or "
    "who whos how hows s so far this year season head to 2 h2h tell me give show like "
    "looking look now currently score count record battle team mates team-mates teammates"
    " teammate team-mate"
)


def asks_head_to_head(text: str) -> bool:
    """Whether a question asks for a head-to-head count ("the quali head to head")."""
    return _ASKS.search(text) is not None


def topic_words(tokens: Sequence[str], named: set[str]) -> list[str]:
    """The words of a head-to-head question naming the count's topic ("quali", "race"):
    its words less the asking, the head-to-head and the people and teams (``named``)."""
    return [t for t in tokens if t not in _FILLER and t not in named and not t.isdigit()]


def score_lines(story: Sequence[Passage]) -> list[Passage]:
    """The headings of one story (paragraphs in order) holding a score ("Races: 10-7 to
    Perez"): a sub-heading over prose, by ``sections_of``'s reading of the shape."""
    headings = {s.heading.paragraph: s.heading for s in sections_of(story).values()}
    return [h for _, h in sorted(headings.items()) if _SCORE.search(h.text)]


def _topic_of(line: str) -> set[str]:
    """The stems of a score line's topic: its words before the score ("Qualifying", "Races")."""
    m = _SCORE.search(line)
    before = line[: m.start()] if m else line
    return {stem(w) for w in words_of(before)}


def _meets(asked: str, topic: set[str]) -> bool:
    """Whether an asked word names a line's topic: by stem, or as a clipped form of it
    ("quali" for "qualifying", "quals" for "qualifying")."""
    one = stem(asked)
    clipped = asked.rstrip("s")
    return one in topic or any(len(clipped) >= 4 and t.startswith(clipped[:5]) for t in topic)


def wanted_lines(lines: Sequence[Passage], topics: Sequence[str]) -> list[Passage]:
    """The score lines a question asks for: those whose topic an asked word names, every
    line when none is asked; none when topics are asked and no line is of them."""
    if not topics:
        return list(lines)
    return [line for line in lines if any(_meets(t, _topic_of(line.text)) for t in topics)]


#: A sentence telling a count in words: a figure, or a small number written out.
_COUNTED = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|once|twice)\b",
    re.IGNORECASE,
)
#: Paragraphs under a score line read for the sentence telling its count in words.
UNDER_READ = 2


def shown(line: Passage, story: Sequence[Passage]) -> list[Scored]:
    """A score line and the first sentence under it telling a count ("Perez has come home
    ahead ten times", past a lead-in's "On Sunday the order turns round."), as an answer
    shows them: the count, then the count in the story's words."""
    out = [Scored(0.0, line.text.strip(), line, 0, 0)]
    under = [p for p in story if line.paragraph < p.paragraph <= line.paragraph + UNDER_READ]
    sentences = [
        (p, i, p.text[a:b].strip())
        for p in under
        for i, (a, b) in enumerate(split_sentences(p.text))
    ]
    pick = next((s for s in sentences if _COUNTED.search(s[2])), None) or next(
        iter(sentences), None
    )
    if pick is not None:
        out.append(Scored(0.0, pick[2], pick[0], 1, pick[1]))
    return out


#: Paragraphs searched for the stories naming the people or team asked; stories read.
SEARCHED = 80
STORIES_READ = 8


def _names_all(forms: Sequence[set[str]], text: str) -> bool:
    """Whether ``text`` names every person asked, by any of their forms, as whole words."""
    low = " ".join(words_of(text))
    return all(
        any(re.search(rf"(?<!\w){re.escape(' '.join(words_of(f)))}(?!\w)", low) for f in fs)
        for fs in forms
    )


def _the_pair(
    lines: Sequence[Passage], story: Sequence[Passage], headline: str, forms: Sequence[set[str]]
) -> list[Scored]:
    """The score lines, each with its sentence, that are of the pair asked: every line when
    the headline names them all ("Rask v Lund"), else only a line whose words or sentence
    name them. A review of Rask v Lund that names Rask's old team-mate Berg once tells no
    count of Rask v Berg."""
    whole = _names_all(forms, headline)
    out: list[Scored] = []
    for line in lines:
        told = shown(line, story)
        if whole or _names_all(forms, " ".join(s.text for s in told)):
            out += told
    return out


async def head_to_head(
    store: Store, lookup: Lookup, reading: Reading, chosen: Sequence[str] | None = None
) -> list[Scored] | None:
    """The score lines answering a head-to-head question, each with the sentence under
    it: of the newest story, of those the router chose by year and place (``chosen``; None:
    any), naming everyone asked (and the team or place) that has lines of the topic asked
    and whose headline or shown sentence names the pair asked. None when not asked, or no
    story tells the count as a score line: the passages answer then."""
    if not asks_head_to_head(reading.low):
        return None
    index = lookup.index
    forms = [forms_of(index.people.get(n) or Person(n)) for n in reading.people]
    places = {w for place in reading.places for w in words_of(place)}
    named = {w for fs in forms for f in fs for w in words_of(f)} | places
    # Searched by their names and the team or place: an alias's common words ("the") never.
    terms = sorted({w for n in reading.people for w in words_of(n)} | places)
    if not terms:
        return None
    found = await store.passages_matching(terms, limit=SEARCHED)
    having = {p.source.slug for p in found if p.source}
    if chosen is not None:
        having &= set(chosen)  # "in 2030": that year's review, never the newest one
    articles = [a for a in index.articles if a.slug in having][:STORIES_READ]
    topics = topic_words(reading.tokens, named)
    stories = await store.stories_passages([a.slug for a in articles])
    for article in articles:
        story = stories.get(article.slug, [])
        lines = wanted_lines(score_lines(story), topics)
        if not lines:
            continue
        told = _the_pair(lines, story, article.headline, forms)
        year = reading.told_year
        if year and not any(year in s.text for s in told) and year not in article.headline:
            continue  # "in 2029", a year no story was written in: the count must tell it
        if told:
            return told
    return None
