"""The answer index's flat sequences read exactly as the lists they replace (issue 12:
peak memory at 100,000 articles), and the index holds its headline words once."""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right

from bot.answers.lookup import _build_index, starting_with
from bot.answers.lookup._compact import AliasEntries, Words
from bot.models import Person


def _words(rnd: random.Random, n: int) -> list[str]:
    letters = "abcdeé01"
    return sorted(
        {"".join(rnd.choice(letters) for _ in range(rnd.randrange(1, 6))) for _ in range(n)}
    )


def test_words_read_as_their_list() -> None:
    rnd = random.Random(5)
    for n in (0, 1, 2, 7, 300, 9000):
        plain = _words(rnd, n)
        words = Words.of(plain)
        assert len(words) == len(plain)
        assert list(words) == plain and words == plain and words == Words.of(plain)
        for i in range(-len(plain), len(plain)):
            assert words[i] == plain[i]
        for lo, hi, step in [
            (0, None, None),
            (3, 40, None),
            (-5, None, None),
            (2, 90, 3),
            (9, 2, None),
        ]:
            assert words[lo:hi:step] == plain[lo:hi:step]
        for probe in ["", "a", "ab", "c0", "é", "zz", *plain[:20]]:
            assert bisect_left(words, probe) == bisect_left(plain, probe)
            assert bisect_right(words, probe) == bisect_right(plain, probe)
            assert list(starting_with(words, probe)) == list(starting_with(plain, probe))
        for bad in (len(plain), -len(plain) - 1):
            try:
                words[bad]
            except IndexError:
                pass
            else:
                raise AssertionError(f"index {bad} of {len(plain)} words read")


def test_alias_entries_read_as_their_rows() -> None:
    rnd = random.Random(8)
    rows: list[tuple[str, str, str]] = []
    entries = AliasEntries()
    for _ in range(500):
        alias = rnd.choice(["the Finn", "the ferrari driver", "The Ferrari driver", "El Profe"])
        row = (alias.casefold(), alias, f"Rider{rnd.randrange(40)} Tester")
        rows.append(row)
        entries.append(*row)
    assert len(entries) == len(rows) and list(entries) == rows and entries == rows
    assert [entries[i] for i in range(len(rows))] == rows
    assert entries[-1] == rows[-1] and entries[10:20] == rows[10:20]
    # Each (key, alias) pair is held once, however many people share it.
    assert len({id(entries[i][1]) for i in range(len(rows))}) == 4


def test_the_index_holds_its_headline_words_once() -> None:
    rows = [
        (i, f"2024-05-{1 + i % 28:02d}-story-{i}", f"2024-05-{1 + i % 28:02d}",
         f"Rain and tyres at round {i % 9}", None)
        for i in range(60, 0, -1)
    ]  # fmt: skip
    people = [Person("Rider One Tester", aliases=("the Finn", "the ferrari driver"))]
    index = _build_index(people, rows, 0, [], ())
    vocab = index.article_vocab
    assert isinstance(vocab, Words) and index.article_words.words is vocab
    assert vocab.blob is index.vocab_blob and vocab.starts is index.vocab_starts
    assert list(vocab) == sorted({w for key in index.article_keys for w in key.split()})
    assert list(index.article_words["tyres"]) == list(range(60))
    assert list(index.aliases) == [
        ("the finn", "the Finn", "Rider One Tester"),
        ("the ferrari driver", "the ferrari driver", "Rider One Tester"),
    ]
