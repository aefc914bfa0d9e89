"""The router's state and the small reads every kind of question shares."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from bot.answers.lookup import Lookup
from bot.answers.passages import (
    Passages,
    Scored,
    as_found,
    stem,
    words_of,
)
from bot.answers.quotes import Quotes
from bot.answers.records import (
    Found,
    HelpAnswer,
    NotFound,
)
from bot.answers.text import normalise

if TYPE_CHECKING:
    from bot.answers.engine import AnswerEngine


__all__ = ["RouterBase"]


class RouterBase:
    """The router's state and the small reads every kind of question shares."""

    def __init__(self, engine: AnswerEngine) -> None:
        self.engine = engine
        self.lookup: Lookup = engine.lookup
        self.passages = Passages(engine.lookup)
        self.quotes: Quotes = engine._quotes
        self._women_of: tuple[object, set[str]] | None = None
        self._series_of: tuple[object, dict[str, set[str]]] = (None, {})
        self._series_text_of: tuple[object, dict[str, set[str]]] = (None, {})
        self._people_series_of: tuple[object, dict[str, str | None]] = (None, {})
        #: Per story: written before its race ("preview", "qualifying" or None), and
        #: whether it tells its race as run; one read of its facts and lede for both.
        self._pre_race_of: tuple[object, dict[str, tuple[str | None, bool]]] = (None, {})

    def help(self) -> HelpAnswer:
        """What the bot answers, with examples drawn from what is actually stored."""
        index = self.lookup.index
        examples: list[str] = []
        if index.laps:
            examples.append(f"what happened on lap {index.laps[0]}?")
        names = sorted(index.people)
        if names:
            surname = names[0].split()[-1]
            examples += [f"what did {surname} say?", f"who is {surname}?"]
        if index.quote_norm:
            words = index.quote_norm[0].split()[:4]
            if len(words) >= 2:
                examples.append(f"who said “{' '.join(words)}”?")
        examples += ["why did they crash?", "who won?", "did anyone apologise?", "key facts"]
        return HelpAnswer(
            "I answer from the stored articles: who said what, what happened and why, laps, "
            "apologies, people and their teams, results, key facts and recaps.",
            tuple(examples),
        )

    def passages_found(self, scored: list[Scored]) -> list[Found]:
        """The sentences picked, as an answer shows them."""
        return [as_found(s) for s in scored]

    def _several(self, text: str) -> NotFound | None:
        """A name several people share ("Russell" when two are called it): ask which."""
        names = self.lookup.index.ambiguous.get(normalise(text))
        if not names:
            return None
        return NotFound(f"Several people in the articles are called “{text}”.", names[:5])

    def _in_headlines(self, word: str) -> bool:
        """Whether some headline holds ``word`` in any form ("blocking" for "Blocked"): the
        story's own subject, which its paragraphs need not repeat."""
        vocab = self.lookup.index.article_vocab
        root = stem(word)
        at = bisect.bisect_left(vocab, root[:4])
        while at < len(vocab) and vocab[at].startswith(root[:4]):
            if stem(vocab[at]) == root:
                return True
            at += 1
        return False

    async def _plain_words(self, guessed: list[tuple[str, str]]) -> list[str]:
        """The words taken for a misspelt name that the articles use as words of their
        own; one sharing the name's stem ("russel" for Russell) is the name after all."""
        own = [
            word for word, name in guessed if stem(word) not in {stem(w) for w in words_of(name)}
        ]
        return await self._known_words(own)

    async def _known_words(self, words: list[str]) -> list[str]:
        if not words:
            return []
        _, counts = await self.engine.store.passage_counts([stem(w) for w in words])
        return [w for w in words if counts.get(stem(w))]

    async def _all_known(self, words: list[str]) -> bool:
        return len(await self._known_words(words)) == len(words)

    async def _any_known(self, words: list[str]) -> bool:
        return bool(await self._known_words(words))
