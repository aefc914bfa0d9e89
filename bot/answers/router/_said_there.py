"""What someone said of an act at a place or session asked: "did perez blame bottas for the
miami sprint tangle".

When no sentence tells the blame in so many words, what the person said answers; of all
their words, the ones in the paragraph telling the place or session asked ("The only contact
between the two came in the Miami sprint ... 'It was a stupid move,' Perez said") are about
that act; their words on anything else (qualifying, a team-mate's feedback) are not. The
quotation need not repeat the place, nor name the other one asked: its paragraph tells them.
"""

from __future__ import annotations

from bot.answers.passages import stem, stems, words_of
from bot.answers.understand import Reading
from bot.models import Passage

__all__ = ["paragraphs_there"]


def paragraphs_there(
    stories: dict[str, list[Passage]], reading: Reading
) -> dict[str, frozenset[int]]:
    """The paragraphs of each story naming every place the question names and its session
    ("miami sprint"), by slug; empty when it names no place or none does."""
    if not reading.places:
        return {}
    wanted = {stem(w) for place in reading.places for w in words_of(place)}
    if reading.session:
        wanted |= {stem(w) for w in words_of(reading.session)}
    found: dict[str, frozenset[int]] = {}
    for slug, story in stories.items():
        there = frozenset(p.paragraph for p in story if wanted <= stems(p.text))
        if there:
            found[slug] = there
    return found
