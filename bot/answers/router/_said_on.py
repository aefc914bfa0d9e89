"""Whether what someone said is about what a fan asked ("what did X say about T").

A speaker's statements are ranked by the topic's words, and a story that holds them anywhere
lifts every statement in it; but a statement is about a topic only when a word of the topic
stands near it: in its own words, its setting, its paragraph or the one before (what a reply
answers), or in its story's headline (the story's own subject: "the bump on Blaney" for every
reaction under it), or every word of it somewhere in the story the statement stands in.
When none of the speaker's statements has that, the honest answer is that
the articles do not say what they said about it, then the nearest of their words: their other
quotes shown under "X on T" tell the fan something X never said about T.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from bot.answers.passages import stems, words_of
from bot.answers.records import Found, PassageAnswer, QuotesAnswer
from bot.answers.text import shorten, unaccent
from bot.models import Quote

__all__ = ["NEAREST_SHOWN", "not_said_on", "said_on", "topic_stems"]

#: The speaker's statements shown after "The articles don't say what X said about T": the
#: first only, as their other words are about other things.
NEAREST_SHOWN = 1


def topic_stems(
    topic: str,
    skip: Iterable[str],
    synonyms: dict[str, tuple[str, ...]],
) -> list[frozenset[str]]:
    """Each telling word of ``topic`` as the stems that meet it (its own and its synonyms');
    the words in ``skip`` (the weakest words, and the incident's own: "the crash" is the
    story itself, whatever the article calls it) are no topic."""
    skipped = set(skip)
    groups: list[frozenset[str]] = []
    for word in words_of(topic):
        if word in skipped or len(word) < 2:
            continue
        found = set(stems(word))
        for other in synonyms.get(word, ()):
            found |= stems(other)
        groups.append(frozenset(found))
    return groups


def said_on(
    answer: QuotesAnswer,
    wanted: Sequence[frozenset[str]],
    paragraphs: dict[str, list[str]],
) -> bool:
    """Whether a statement of ``answer`` (or a view of theirs it reports) has a word of the
    topic near it: in its words, its setting, its paragraph or the paragraph before (what a
    reply answers), or failing that every word of it in its story. ``paragraphs`` are each
    cited story's paragraphs, by slug."""
    if not wanted:
        return True

    def meets(text: str) -> bool:
        held = stems(text if text.isascii() else unaccent(text))  # "Ferrière" for "ferriere"
        return any(group & held for group in wanted)

    if any(meets(r.text) for r in answer.reported):
        return True
    for parts in answer.statements:
        if meets(" ".join((*(q.text for q in parts), parts[0].setting))):
            return True
        if meets(_near(parts, paragraphs)):
            return True
    # Failing that, every word of the topic in the story a statement stands in.
    for parts in answer.statements:
        first = parts[0]
        if first.source is not None:
            text = " ".join((first.source.headline, *paragraphs.get(first.source.slug, [])))
            held = stems(text if text.isascii() else unaccent(text))
            if all(group & held for group in wanted):
                return True
    return False


def _near(parts: Sequence[Quote], paragraphs: dict[str, list[str]]) -> str:
    """The paragraphs a statement stands in, the one before its first, and its headline."""
    first = parts[0]
    if first.source is None:
        return ""
    story = paragraphs.get(first.source.slug, [])
    near = {q.paragraph for q in parts} | {first.paragraph - 1}
    told = [story[i - 1] for i in sorted(near) if 0 < i <= len(story)]
    return " ".join((first.source.headline, *told))


def not_said_on(answer: QuotesAnswer, name: str, topic: str) -> PassageAnswer:
    """ "The articles don't say what X said about T", then X's nearest statements, as quoted."""
    shown: list[Found] = []
    for parts in answer.statements[:NEAREST_SHOWN]:
        shown += [
            Found(q.text, dataclasses.replace(q.source, paragraph=q.paragraph), q.speaker, True)
            for q in parts
            if q.source is not None
        ]
    return PassageAnswer(
        tuple(shown), "", f"The articles don't say what {name} said about “{shorten(topic)}”."
    )
