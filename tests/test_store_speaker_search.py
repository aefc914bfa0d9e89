"""/quote speaker + contains on SQLite: ranked from the smaller side, the same quotes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.models import Article, Person, Quote
from bot.store import Store
from bot.store.dialect import Dialect
from bot.store.dialect.sqlite import search as sqlite_search


def _story(n: int, quotes: tuple[tuple[str, str], ...]) -> Article:
    """Article ``n`` with these (speaker, text) quotes, a statement each."""
    return Article(
        slug=f"story-{n}",
        published=date(2020, 1, 1) + timedelta(days=n % 40),
        headline=f"Headline {n}",
        paragraphs=tuple(f"Paragraph {i}." for i in range(1, len(quotes) + 2)),
        content_hash=f"h{n}",
        people=(Person("Ann Driver", "driver", "Blue"), Person("Bob Rival", "driver", "Red")),
        quotes=tuple(
            Quote(who, text, "direct", "said", i + 1, i) for i, (who, text) in enumerate(quotes)
        ),
    )


@pytest.fixture
async def crowded(store: Store) -> Store:
    """Ann quoted 4 times, Bob 120 times; "tyres" in 64 quotes, "gravel" in one of Bob's."""
    await store.replace_article(
        _story(0, tuple(("Ann Driver", f"The tyres were {w} today") for w in ("fine", "gone")))
    )
    await store.replace_article(
        _story(1, (("Ann Driver", "Tyres tyres tyres"), ("Ann Driver", "Nothing to add")))
    )
    for n in range(2, 32):
        texts = [f"Run {n} was long and the tyres held {'up ' * (n % 5)}well", f"Lap {n} done"]
        texts += ["Straight into the gravel"] if n == 9 else [f"Quiet stint {n}"]
        texts += [f"More tyres talk {n}"]
        await store.replace_article(_story(n, tuple(("Bob Rival", t) for t in texts)))
    return store


@pytest.mark.parametrize(
    ("speaker", "words", "index_driven"),
    [
        ("Ann Driver", ["tyres"], False),  # 4 quotes of hers, 63 matches: from her side
        ("Bob Rival", ["gravel"], True),  # 120 quotes of his, 1 match: from the index
        ("Bob Rival", ["tyres"], False),
        ("Ann Driver", ["tyres", "today"], False),
        ("Ann Driver", ["gravel"], False),  # no quote of hers holds it
        ("Nobody Known", ["tyres"], False),
    ],
)
async def test_a_speakers_quotes_holding_words_are_the_index_drivens_from_either_side(
    crowded: Store,
    monkeypatch: pytest.MonkeyPatch,
    speaker: str,
    words: list[str],
    index_driven: bool,
) -> None:
    """Each plan gives the rows, scores' order and ties the index-driven query gives; the
    speaker's side is taken unless the matches are few next to the speaker's quotes."""
    sqlite = crowded._dialect
    expected = [tuple(r) for r in await Dialect.speaker_quotes(sqlite, speaker, words, 50)]
    taken: list[str] = []
    generic = Dialect.speaker_quotes

    async def spy(self: Dialect, *args: object) -> list[object]:
        taken.append("index")
        return await generic(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Dialect, "speaker_quotes", spy)
    found = [tuple(r) for r in await sqlite.speaker_quotes(speaker, words, 50)]
    assert found == expected
    assert taken == (["index"] if index_driven else [])
    # And the speaker's side alone, whatever the counts say, gives them too.
    monkeypatch.setattr(sqlite_search, "_MATCH_SEEK_COST", 10**9)
    forced = [tuple(r) for r in await sqlite.speaker_quotes(speaker, words, 50)]
    assert forced == expected


async def test_quote_speaker_and_contains_is_ranked_best_first(crowded: Store) -> None:
    """Through ``Store.quotes``: the quote holding the word most, for its length, first."""
    found = await crowded.quotes(speaker="Ann Driver", contains="tyres")
    assert [q.text for q in found] == [
        "Tyres tyres tyres",
        "The tyres were fine today",  # a tie: the same story, in statement order
        "The tyres were gone today",
    ]
    assert {q.speaker for q in found} == {"Ann Driver"}
