"""What a mention is beyond its span: possessive, governed, a modifier; and the unnamed ones.

Pronouns and unnamed references ("the Dutchman") are the same whoever an article names,
so they are found once per text here, apart from any index.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from bot.ingest.people.lexicon import _POSSESSIVE_AFTER, _PREPOSITIONS, _PRONOUN, _UNKNOWN, _words
from bot.ingest.people.records import Mention, MentionKind


def _decoration(masked: str, start: int, end: int, kind: MentionKind) -> tuple[bool, bool, bool]:
    """A mention's (possessive, governed, modifier), from the text around it."""
    after = masked[end : end + 2]
    possessive = bool(_POSSESSIVE_AFTER.match(after))
    before = _word_before(masked, start)
    governed = bool(before and before.lower() in _PREPOSITIONS)
    if before and before.lower() == "to":
        # "according to X" names a source, which the caller handles on purpose.
        governed = not masked[:start].rstrip().lower().endswith("according to")
    elif before in ("and", "or"):
        governed = _coordinated_object(masked, start, end)
    modifier = (
        kind in ("name", "alias")
        and not possessive
        and (after_word := _MODIFIED_NOUN.match(masked, end)) is not None
        and after_word.group(1) not in _NOT_NOUNS
        and not after_word.group(1).endswith(("ed", "ly"))
        and _MODIFIER_BEFORE.search(masked, max(0, start - 40), start) is not None
    )
    return possessive, governed, modifier


#: A preposition, a short noun phrase and "and" right before a name: "with Honda power and ".
_PREPOSITION_AND = re.compile(r"\b([a-z]+)\s+(?:[\w'’.-]+\s+){1,3}?(?:and|or)\s+$")
#: What may follow a name that is the object of a preposition, not a new clause's subject.
_OBJECT_AFTER = re.compile(r"\s*(?:[,.;:)]|$|([a-z]+)\b)")
_AFTER_OBJECT = _PREPOSITIONS | {"across", "in", "through", "throughout", "inside", "within"}


def _coordinated_object(masked: str, start: int, end: int) -> bool:
    """Whether a name after "and" shares the preposition before it: "with Honda power and
    Jenson Button across the garage" names no subject, though "and Button said" does."""
    m = _PREPOSITION_AND.search(masked, max(0, start - 50), start)
    if m is None or m[1] not in _PREPOSITIONS:
        return False
    after = _OBJECT_AFTER.match(masked, end)
    return after is not None and (after[1] is None or after[1] in _AFTER_OBJECT)


def _leftmost_longest(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.start - mention.end


def _without_overlaps(ordered: Iterable[Mention]) -> list[Mention]:
    """Keep each mention (in leftmost-longest order) that starts after the last one kept."""
    result: list[Mention] = []
    last_end = -1
    for mention in ordered:
        if mention.start >= last_end:
            result.append(mention)
            last_end = mention.end
    return result


@functools.lru_cache(maxsize=4096)
def _unnamed_mentions(masked: str) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """Pronouns and unnamed references ("the Dutchman"): the same whoever the article names.

    All of them in leftmost-longest order (names are merged in by each index), and those
    kept when no name overlaps them.
    """
    found: list[Mention] = []
    # (Each Mention built once, decorated: a frozen dataclass is slow to build.)
    for m in _UNKNOWN.finditer(masked):
        start, end = m.span()
        found.append(
            Mention(start, end, None, "unknown", None, *_decoration(masked, start, end, "unknown"))
        )
    for m in _PRONOUN.finditer(masked):
        start, end = m.span()
        word = m.group(1).lower()
        found.append(
            Mention(start, end, None, "pronoun", word, *_decoration(masked, start, end, "pronoun"))
        )
    found.sort(key=_leftmost_longest)
    return tuple(found), tuple(_without_overlaps(found))


#: "the ", "a turn-four ": a determiner (and lower-case words) right before a name...
_MODIFIER_BEFORE = re.compile(r"\b(?:[Tt]he|an?|this|that)\s+(?:[a-z][\w-]*\s+){0,2}$")
#: ...and a lower-case word right after it: the name modifies a noun ("the Sainz crash").
_MODIFIED_NOUN = re.compile(r"\s+([a-z][a-z-]+)\b")
_NOT_NOUNS = _words(
    """
    said says added told insisted admitted explained was is were are had has have would could
    will can did does and or but who which that as when while after before of to in on at
    for with from by later also then still never just again took made went got
    """
)


def _word_before(text: str, end: int) -> str | None:
    r"""The word ending ``text[:end]``, trailing spaces aside; None if it ends otherwise.

    What ``re.search(r"(\w+)\s*$", text[:end])`` finds, read from the end rather than tried
    at every position from the start (once per mention of a person, so it added up).
    """
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:stop] if start < stop else None
