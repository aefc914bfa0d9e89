"""Feelings: the one table of the words that name how someone felt, and the questions that
ask it ("was Palou upset", "is Max happy", "how is Bez feeling").

Why a table: a fan asks with one word ("upset", "angry", "happy") and a report answers with
another of the same feeling ("Second here hurts", "he was unhappy", "X wasn't happy"), so
the question's word stands for its kin (understand's SYNONYMS holds no feeling words: this
table is the only one). A yes/no question about a feeling is answered by
the sentences of or about the person that hold a word of that feeling, a "no" as well as a
"yes" ("wasn't happy" answers "was X happy").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.answers.passages import Scored, stem, stems
from bot.answers.reading import opens_with

__all__ = ["FEELING_CUES", "asked_feeling", "telling"]


#: Each feeling a fan asks about, by its words: a word asked stands for its whole row, and
#: the opposite a report may answer with ("unhappy" for "happy").
_KIN: tuple[tuple[str, ...], ...] = (
    ("upset", "hurts", "hurt", "disappointed", "disappointing", "disappointment", "gutted",
     "gutting", "devastated", "heartbroken", "sad", "frustrated", "frustrating"),
    ("angry", "mad", "furious", "fuming", "annoyed", "unhappy", "frustrated", "livid",
     "upset"),
    ("happy", "unhappy", "pleased", "delighted", "thrilled", "satisfied", "relieved",
     "proud", "glad"),
)  # fmt: skip
#: The feeling asked -> every word a report may tell it with.
_ROWS: dict[str, tuple[str, ...]] = {}
for _row in _KIN:
    for _word in _row:
        _ROWS[_word] = tuple(dict.fromkeys((*_ROWS.get(_word, ()), *_row)))
#: Words a person uses for how they feel, beside the health ones: every feeling above and
#: the words that tell one in passing ("tough", "emotional").
FEELING_CUES = tuple(
    dict.fromkeys(
        (
            "feel", "feeling", "feels", "felt", *(w for row in _KIN for w in row),
            "emotional", "painful", "tough", "hard", "difficult", "great", "amazing",
            "incredible", "confident", "sore", "tired", "exhausted",
        )
    )
)  # fmt: skip
#: "was Palou upset", "did Albon feel angry": a yes/no question ending with a feeling word
#: after the person ("hurt" is health's). One going on ("mad at Checo", "happy with the
#: penalty") asks about what follows, which the passages weigh (blame, a view of it).
_ASKS_FELT = re.compile(
    r"^(?:is|was|are|were|iz|did|does)\s+\S.*?\b("
    + "|".join(sorted((w for w in _ROWS if w != "hurt"), key=len, reverse=True))
    + r")\s*$"
)

#: A question about someone's feelings: "how is X feeling", "how does X feel", "how is X
#: doing", "how X feeling".
_ASKS_FEELING = re.compile(
    r"^how(?:\s+(?:is|was|s|does|did|are))?\s+\S.*?\b(?:feel|feeling|feels|doing|coping|"
    r"holding\s+up)\b"
)


def asked_feeling(low: str) -> tuple[str, ...] | None:
    """The words of the feeling a yes/no question asks about (``low`` folded), the asked
    word first; None when it asks none."""
    if (m := _ASKS_FELT.match(low)) is None:
        return None
    return tuple(dict.fromkeys((m[1], *_ROWS[m[1]])))


def telling(
    found: Sequence[Scored], felt: Sequence[str], name: str, forms: Iterable[str]
) -> list[Scored]:
    """The sentences of ``found`` holding a word of the feeling asked (``felt``), those where
    it is ``name``'s own first: their words, or a report opening with their name ("Hamlin
    wasn't happy."), not another's feeling in a sentence naming them ("a caption: 'Proud of
    you, partner'", "on his Happy Hour podcast ... Hamlin")."""
    words = {stem(w) for w in felt}
    forms = tuple(forms)

    def owned(s: Scored) -> bool:
        return s.speaker == name if s.speaker is not None else opens_with(s.text, forms)

    told = [s for s in found if words & stems(s.text)]
    return sorted(told, key=lambda s: not owned(s))
