"""A ratings piece's marks: "who got the worst mark", "what rating did X get"."""

from __future__ import annotations

import re

from bot.answers.passages import (
    Scored,
    _mentions,
    forms_of,
    split_sentences,
)
from bot.answers.records import (
    Answer,
    PassageAnswer,
)
from bot.answers.router._team_people import TeamPeopleRouter
from bot.answers.understand import (
    Reading,
)
from bot.models import Person

__all__ = ["RatingsRouter"]


class RatingsRouter(TeamPeopleRouter):
    """A ratings piece's marks."""

    async def _marks(self, bare: str, reading: Reading) -> Answer | None:
        """A ratings story's marks: "who got the worst mark", "best rating", "what rating did
        X get". A ratings piece heads each rider's paragraph with a line of its own, "Name
        (Team) - 7/10", and the paragraph under it is about them: the line giving the mark
        asked (the lowest, the highest, or the one naming X) and the first sentences under
        it answer, cited. The story is the one of the question's place or race, else the
        newest with marks. None when not asked or no line fits: the passages may know."""
        low = bare.casefold()
        if not _ASKS_MARK.search(low):
            return None
        lowest = _LOWEST.search(low) is not None
        highest = not lowest and _HIGHEST.search(low) is not None
        people = list(reading.people[:1])
        if not (lowest or highest or people):
            return None
        lines: dict[str, list[tuple[float, int]]] = {}
        for p in await self.engine.store.passages_matching(["10"], limit=MARK_PASSAGES):
            if p.source is not None and (m := _MARK_LINE.match(p.text.strip())):
                lines.setdefault(p.source.slug, []).append((float(m["mark"]), p.paragraph))
        told = {slug: marks for slug, marks in lines.items() if len(marks) >= MARKS_IN_RATINGS}
        if not told:
            return None
        asked = await self._stories(reading, set())
        order = [a.slug for a in self.lookup.index.articles if a.slug in told]
        order = [s for s in order if asked is None or s in asked] or order
        for slug in order:
            passages = await self.engine.store.article_passages(slug)
            by_number = {p.paragraph: p for p in passages}
            marks = sorted(told[slug])
            if people:
                person = self.lookup.index.people.get(people[0]) or Person(people[0])
                forms = forms_of(person)
                chosen = [n for _, n in marks if _mentions(by_number[n].text, forms)]
            else:
                best = marks[0][0] if lowest else marks[-1][0]
                chosen = sorted(n for mark, n in marks if mark == best)
            if not chosen:
                continue
            shown: list[Scored] = []
            for n in chosen[:3]:
                shown.append(Scored(0.0, by_number[n].text.strip(), by_number[n], n, 0))
                under = by_number.get(n + 1)
                if under is not None and not _MARK_LINE.match(under.text.strip()):
                    spans = split_sentences(under.text)[:2]
                    shown += [
                        Scored(0.0, under.text[a:b].strip(), under, n + 1, i)
                        for i, (a, b) in enumerate(spans)
                    ]
            return PassageAnswer(tuple(self.passages_found(shown)), "")
        return None


#: How many paragraphs that may be marks are read: a ratings piece's lines are short, so
#: they rank high among the paragraphs holding "10".
MARK_PASSAGES = 400
#: A story with this many mark lines is a ratings piece (one "7/10" line is a quote's).
MARKS_IN_RATINGS = 3
#: A question about a ratings piece's marks.
_ASKS_MARK = re.compile(
    r"\b(?:marks?|ratings?|rated|rate|score\s+out\s+of|out\s+of\s+(?:10|ten))\b"
)
_LOWEST = re.compile(r"\b(?:worst|lowest|low|bottom|poorest|least)\b")
_HIGHEST = re.compile(r"\b(?:best|highest|top|perfect|most)\b")
#: A ratings line: a name, perhaps its team in brackets, and a mark out of 10 ("Pedro
#: Acosta (Red Bull KTM) - 10/10", "Bezzecchi: 8.5/10", "Mir - 7 out of 10").
_MARK_LINE = re.compile(
    r"^(?P<who>[A-Z][^\n]{1,60}?)\s*(?:\([^)]{1,40}\)\s*)?[-–—:]\s*"
    r"(?P<mark>\d{1,2}(?:\.\d)?)\s*(?:/\s*10|out\s+of\s+(?:10|ten))\.?$"
)
