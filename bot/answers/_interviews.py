"""An interview's question brings its answer: the paragraph after a "Q:" line.

A Q&A prints the interviewer's question ("Q: What is the car's biggest weakness?") and then,
in the next paragraph, the interviewee's answer. A fan asking the question in their own words
matches the question's paragraph best, since it holds their words; but what they want is the
answer under it, which rarely repeats them ("Slow corners."). So when the passages show an
interviewer's question, the first sentences of the answer come right after it, verbatim,
cited to their own paragraph and shown with the interviewee's name.

A readers' mailbag prints each reader's question the same way, signed ("Was his title just
luck?" — Giorgio Bellandi, Bergamo), and the writer's reply in the paragraphs under it: the
signed question brings its reply as an interviewer's question brings its answer.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping, Sequence

from bot.models import INTERVIEWER, TRANSCRIPT_CUE, Passage, Quote

__all__ = [
    "ANSWER_SENTENCES",
    "QUESTION_COVER",
    "question_paragraphs",
    "signed_question",
    "the_answer",
]

#: Sentences of the answer shown after the question.
ANSWER_SENTENCES = 2
#: The share of the fan's question an interviewer's question must hold to be the same
#: question, whose answer then answers whatever words it uses.
QUESTION_COVER = 0.75


#: What may close a turn after its last word: a quotation inside it ends there.
_CLOSING = " \"”’'"


#: A whole paragraph that is a quotation asking something, signed with a dash and a name
#: (and the reader's town): ``"Is Varga leaving? I keep reading things." — Lena Ost, Brno``.
_SIGNED_QUESTION = re.compile(
    r"[\"“][^\"“”]*\?[^\"“”]*[\"”]\s*[—–-]{1,2}\s*[A-Z][\w.'’ -]{1,40}(?:,[\w.'’ -]{1,40})?"
)


def signed_question(text: str) -> bool:
    """Whether a paragraph is a reader's signed question, as a mailbag prints it."""
    return _SIGNED_QUESTION.fullmatch(text.strip()) is not None


def question_paragraphs(quotes: Sequence[Quote]) -> frozenset[int]:
    """The paragraphs of one article that are an interviewer's questions: a "Q:" line, and
    a transcript's turn that ends by asking and is answered by the next turn, another
    voice's (a podcast host's "And the appeal?" before a guest's "It won't go ahead")."""
    asked = {q.paragraph for q in quotes if q.speaker is None and q.label == INTERVIEWER}
    turns: dict[int, list[Quote]] = {}
    for q in quotes:
        if q.cue is not None and q.cue.startswith(TRANSCRIPT_CUE):
            turns.setdefault(q.paragraph, []).append(q)
    for paragraph, said in turns.items():
        last = max(said, key=lambda q: (q.statement, q.part))
        answered = turns.get(paragraph + 1, ())
        if (
            last.text.rstrip(_CLOSING).endswith("?")
            and any(q.speaker for q in answered)
            and all(q.speaker != last.speaker for q in answered)
        ):
            asked.add(paragraph)
    return frozenset(asked)


async def the_answer(
    passage: Passage,
    quotes: Mapping[str, Sequence[Quote]],
    paragraphs_of: Callable[[str], Awaitable[list[Passage]]],
) -> Passage | None:
    """The answer's paragraph when ``passage`` is an interviewer's question, else None.

    The answer is the next paragraph, when it is the interviewee's words (a quote with a
    speaker), not another question or narration; under a reader's signed question, the
    writer's reply (narration) that follows it.
    """
    if passage.source is None:
        return None
    said = quotes.get(passage.source.slug, ())
    asked = question_paragraphs(said)
    after = passage.paragraph + 1
    signed = signed_question(passage.text)
    if (passage.paragraph not in asked and not signed) or after in asked:
        return None
    if not signed and not any(q.paragraph == after and q.speaker for q in said):
        return None
    for p in await paragraphs_of(passage.source.slug):
        if p.paragraph == after:
            # A mailbag's reply is the writer's: narration, never another reader's question.
            return None if signed and signed_question(p.text) else p
    return None
