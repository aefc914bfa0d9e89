"""What a story is about: whom and what a question asks that the story is about, rather than
names in passing.

A store grows every week, and a newer story often names someone an older story is about: a
driver-market roundup gives a line to the driver whose signing an older press release
announced; a penalty report recalls another team's appeal in one sentence. When the best
sentences of the two score alike, the newer one must not take the question only by being
newer: the story the question is about answers it. A story is about someone its headline
names, or that a good share of its paragraphs name; a story naming them once or twice in
thirty paragraphs only mentions them. The caller counts a word of the question by headline
only (a fan's word, "dry" or "lead", fills any race report). Of stories equally about it, the
newest still wins the tie (the latest race's report, the latest table).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["ABOUT_LEAST", "ABOUT_SHARE", "asked_about"]

#: The share of a story's paragraphs naming someone that makes it about them though its
#: headline does not name them: one paragraph in seven or more (a race report names its
#: podium that often; a roundup of the whole grid names one driver once or twice), and never
#: fewer than ``ABOUT_LEAST`` paragraphs (a brief of four paragraphs naming someone once
#: only mentions them).
ABOUT_SHARE = 0.15
ABOUT_LEAST = 2


def asked_about(
    headline: str, paragraphs: Sequence[str], asked: Sequence[Callable[[str], bool]]
) -> int:
    """How many of the things ``asked`` (each a test of a text: does it name this person,
    hold this word) the story under ``headline`` with ``paragraphs`` is about."""
    count = 0
    for names in asked:
        if names(headline):
            count += 1
        elif paragraphs:
            naming = sum(1 for text in paragraphs if names(text))
            count += naming >= max(ABOUT_SHARE * len(paragraphs), ABOUT_LEAST)
    return count
