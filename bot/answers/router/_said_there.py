"""What someone said of an act at a place or session asked: "did perez blame bottas for the
miami sprint tangle".

When no sentence tells the blame in so many words, what the person said answers; of all
their words, the ones in the paragraph telling the place or session asked ("The only contact
between the two came in the Miami sprint ... 'It was a stupid move,' Perez said") are about
that act; their words on anything else (qualifying, a team-mate's feedback) are not. The
quotation need not repeat the place, nor name the other one asked: its paragraph tells them.
A paragraph naming the place counts only when it also tells the act asked (a touch for "the
monza tangle", the question's own word otherwise) or names the other one asked: a report's
lede names the place of every session ("Rask won the Monza sprint ... 'The car was
perfect,' Rask said"), and the words there are about another thing.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answers.passages import stem, stems, words_of
from bot.answers.reading import _CONTACT
from bot.answers.understand import CUES, Reading
from bot.models import Passage

__all__ = ["act_told", "paragraphs_there"]


def paragraphs_there(
    stories: dict[str, list[Passage]], reading: Reading
) -> dict[str, frozenset[int]]:
    """The paragraphs of each story naming every place the question names and its session
    ("miami sprint"), by slug; empty when it names no place or none does."""
    if not reading.places:
        return {}
    wanted = _place_stems(reading)
    act = act_told(reading, named=True)
    found: dict[str, frozenset[int]] = {}
    for slug, story in stories.items():
        there = frozenset(p.paragraph for p in story if wanted <= stems(p.text) and act(p.text))
        if there:
            found[slug] = there
    return found


def _place_stems(reading: Reading) -> set[str]:
    """The stems of every place the question names and of its session ("miami sprint")."""
    place = {stem(w) for p in reading.places for w in words_of(p)}
    if reading.session:
        place |= {stem(w) for w in words_of(reading.session)}
    return place


#: Words asking what one said of the act, not the act: "blame", "criticise", "fault".
_SAID_OF = frozenset(
    stem(w)
    for kind in ("blame", "criticise", "defend", "thank")
    for w in (kind, *CUES.get(kind, ()))
)
#: A question's words asking a touch of some kind ("the monza tangle", "the clash").
_TOUCH_ASKED = frozenset(
    stem(w) for w in ("tangle", "incident", "crash", "clash", "collision", "contact", "touch",
                      *CUES["crash"])
)  # fmt: skip


def act_told(reading: Reading, *, named: bool) -> Callable[[str], bool]:
    """Whether a paragraph tells the act asked: a touch asked ("tangle"), it tells a touch
    in any of the words reports use ("touched", "collided"); else it holds one of the
    question's own words for the act; with ``named``, naming another person asked (their surname)
    also counts."""
    place = _place_stems(reading)
    others = {stem(words_of(n)[-1]) for n in reading.people[1:] if named and words_of(n)}
    own = {stem(w) for w in reading.words} - place - _SAID_OF
    touch = bool(own & _TOUCH_ASKED)

    def tells(text: str) -> bool:
        if stems(text) & others:
            return True
        if touch:  # "the first lap tangle": the touch, not "lap", is the act
            return _CONTACT.search(text) is not None
        return bool(stems(text) & own)

    return tells
