"""An interview's question brings its answer: the paragraph after a "Q:" line.

A Q&A prints the interviewer's question ("Q: What is the car's biggest weakness?") and then,
in the next paragraph, the interviewee's answer. A fan asking the question in their own words
matches the question's paragraph best, since it holds their words; but what they want is the
answer under it, which rarely repeats them ("Slow corners."). So when the passages show an
interviewer's question, the first sentences of the answer come right after it, verbatim,
cited to their own paragraph and shown with the interviewee's name.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence

from bot.models import INTERVIEWER, Passage, Quote

__all__ = ["ANSWER_SENTENCES", "QUESTION_COVER", "question_paragraphs", "the_answer"]

#: Sentences of the answer shown after the question.
ANSWER_SENTENCES = 2
#: The share of the fan's question an interviewer's question must hold to be the same
#: question, whose answer then answers whatever words it uses.
QUESTION_COVER = 0.75


def question_paragraphs(quotes: Sequence[Quote]) -> frozenset[int]:
    """The paragraphs of one article that are an interviewer's questions."""
    return frozenset(q.paragraph for q in quotes if q.speaker is None and q.label == INTERVIEWER)


async def the_answer(
    passage: Passage,
    quotes: Mapping[str, Sequence[Quote]],
    paragraphs_of: Callable[[str], Awaitable[list[Passage]]],
) -> Passage | None:
    """The answer's paragraph when ``passage`` is an interviewer's question, else None.

    The answer is the next paragraph, when it is the interviewee's words (a quote with a
    speaker), not another question or narration.
    """
    if passage.source is None:
        return None
    said = quotes.get(passage.source.slug, ())
    asked = question_paragraphs(said)
    after = passage.paragraph + 1
    if passage.paragraph not in asked or after in asked:
        return None
    if not any(q.paragraph == after and q.speaker for q in said):
        return None
    for p in await paragraphs_of(passage.source.slug):
        if p.paragraph == after:
            return p
    return None
