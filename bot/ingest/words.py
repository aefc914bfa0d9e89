"""Which lower-case words a text holds, asked one word at a time instead of listed in full."""

from __future__ import annotations

import re

__all__ = ["LOWER_WORD", "LowerWords"]

#: A lower-case word as people discovery reads one ("brilliant", "rock-'n'"): what tells a
#: capitalised word opening a sentence ("Brilliant drive from Norris") from a name.
LOWER_WORD = re.compile(r"\b[a-z][a-z'-]*\b")
#: The words :class:`LowerWords` answers by searching for them: a-z letters, with
#: apostrophes and hyphens inside. Any other word is answered from the full list, or not
#: at all when it has a character no listed word has.
_PLAIN = re.compile(r"[a-z](?:[a-z'-]*[a-z])?")
_LISTED = re.compile(r"[a-z][a-z'-]*")


def _word_char(char: str) -> bool:
    r"""``\w`` in a ``str`` pattern: what ``\b`` tells from the rest."""
    return char.isalnum() or char == "_"


class LowerWords:
    """``word in LowerWords(text)`` is ``word in set(LOWER_WORD.findall(text))``.

    Discovery asks about a few words an article (a capitalised word opening a sentence:
    is it written in lower case too?), but listing every lower-case word of the article
    took a seventh of finding its names. Each word asked is found with ``str.find`` instead:
    a place where the text holds the word between characters that no ``findall`` match
    could run on over (a non-word character, neither an apostrophe nor a hyphen) is a match.
    Only where the characters around the word leave that in doubt ("lap-", "'n") is the
    full list made, once, and asked.
    """

    __slots__ = ("_asked", "_listed", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._listed: frozenset[str] | None = None
        self._asked: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._listed is not None:
            return word in self._listed
        known = self._asked.get(word)
        if known is None:
            known = self._asked[word] = self._held(word)
        return known

    def _held(self, word: str) -> bool:
        if _PLAIN.fullmatch(word) is None:
            return _LISTED.fullmatch(word) is not None and word in self._all()
        text = self._text
        size = len(text)
        doubt = False
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            before = text[at - 1] if at else " "
            after = text[end] if end < size else " "
            if _word_char(before):
                pass  # no word starts here
            elif before in "'-" or after in "'-":
                doubt = True  # inside a longer match, or one that may stop here or run on
            elif not _word_char(after):
                return True
            at = text.find(word, at + 1)
        return doubt and word in self._all()

    def _all(self) -> frozenset[str]:
        if self._listed is None:
            self._listed = frozenset(LOWER_WORD.findall(self._text))
        return self._listed
