"""An act told only as a wish or a possibility is no yes to "will X" or "did X".

"will Pentara appeal" is not answered yes by the principal's "We think we should appeal":
a "should", "could" or "might" weighs the act, it does not say it happens. "We could
protest, but we will not" does answer, since it says what they will do. A question asking
the same way ("could X appeal", "would X race here again") is answered by such a sentence;
the question's own verb decides (``router._yes_no.Turn.firm``).
"""

from __future__ import annotations

import re

from bot.answers.passages._words import _VERB_FORMS, _WORD, stem
from bot.answers.text import unaccent

__all__ = ["act_only_hedged"]

#: The words right before an act's word that weigh it rather than tell it ("should appeal",
#: "could well protest", "might have to appeal", "would like to appeal"), adverbs between.
_HEDGE_BEFORE = re.compile(
    r"\b(?:should|could|might|may|ought\s+to|would\s+(?:like|love|want|prefer)\s+to|"
    r"want\s+to|wants\s+to|hope\s+to|hopes\s+to|consider(?:s|ing)?)"
    r"(?:\s+(?:\w+ly|well|still|also|have\s+to|need\s+to|be\s+able\s+to))*\s+$"
)
#: What tells the act decided or done after all, anywhere in the sentence: a "will" or
#: "won't", a "not" or "never", a "going to" ("we could protest, but we will not").
_DECIDED = re.compile(
    r"\b(?:will|won['’]?t|shall|not|never|going\s+to|gonna|decided|intend)\b|\w['’]ll\b"
)


def act_only_hedged(sentence: str, acts: set[str]) -> bool:
    """Whether every telling of the act (a word stemming to one of ``acts``) in ``sentence``
    is weighed by a "should", "could" or "might" right before it, and nothing in the
    sentence says it is decided ("will", "not", "going to")."""
    low = unaccent(sentence).casefold()
    if _DECIDED.search(low):
        return False
    told = False
    for m in _WORD.finditer(low):
        word = re.split(r"['’]", m[0])[0]
        if not any(stem(f) in acts for f in _VERB_FORMS.get(word, (word,))):
            continue
        if not _HEDGE_BEFORE.search(low, 0, m.start()):
            return False
        told = True
    return told
