"""What one question costs the store (issue 12): reads that do not grow with the stories.

- "who is X" reads the stories their name is found in whole, to see which one is about
  them when the best sentences tie across several: all of them in one read, not one read a
  story (a name common in the articles ties its sentences in dozens of stories; a read each
  was 10 ms of a "who is" at 10,000 articles).
- /who asks for the sentence giving someone's role together with their quotes and reported
  words, not after them: it needs none of them, and the store has two readers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from bot.store import Store
from tests.answers.scoring import stories_store


def _round(n: int) -> tuple[str, str]:
    """Invented round ``n``: Nora Halvik named in the same words as in every other round."""
    text = "\n\n".join(
        (
            f"date 2026-{3 + n % 9:02d}-{10 + n:02d} Invented: the Quill crew's round {n}",
            f"The Quill crew changed the floor before round {n} of the invented series.",
            "Nora Halvik finished fourth for Quill on Sunday.",
            f'"The floor worked from the first lap of round {n}," Halvik said.',
            "The team now goes home to the factory.",
        )
    )
    return f"2026-round-{n:02d}", text


def _store(tmp_path_factory: pytest.TempPathFactory, rounds: int) -> Path:
    folder = tmp_path_factory.mktemp(f"rounds{rounds}")
    return stories_store(folder, [_round(n) for n in range(1, rounds + 1)])


@pytest.fixture(scope="module")
def few(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _store(tmp_path_factory, 3)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _store(tmp_path_factory, 12)


async def _reads(path: Path, question: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """The statements the store runs for ``question`` (asked once), and the answer."""
    async with await Store.open(path) as store:
        engine = AnswerEngine(store)
        await engine.refresh()
        dialect = store._dialect
        read = dialect.all
        seen: list[str] = []

        async def counted(sql: str, params: Any = ()) -> list[Any]:
            seen.append(sql)
            return await read(sql, params)

        monkeypatch.setattr(dialect, "all", counted)
        shown = render_text(await engine.ask(question))
        monkeypatch.undo()
        return len(seen), shown


async def test_who_is_reads_the_stories_naming_them_in_one_read(
    few: Path, many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nora Halvik named alike in 3 rounds or in 12: the same reads either way."""
    reads_few, shown_few = await _reads(few, "who is Nora Halvik?", monkeypatch)
    reads_many, shown_many = await _reads(many, "who is Nora Halvik?", monkeypatch)
    assert "Nora Halvik" in shown_few and "Nora Halvik" in shown_many
    assert reads_many == reads_few


BOSS = "\n\n".join(
    (
        "date 2026-06-14 Invented: Quill look for speed",
        "Quill team principal Ivo Branke said the new floor would come in July.",
        '"We are not fast enough yet," Branke said.',
        "Branke was reported to have asked the board for a bigger budget.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def boss(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("boss"), [("2026-quill-boss", BOSS)])


async def test_who_asks_for_the_role_sentence_with_the_quotes(
    boss: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/who Ivo Branke: the search for "Quill team principal" is under way before his
    quotes and reported words come back."""
    events: list[str] = []
    async with await Store.open(boss) as store:
        engine = AnswerEngine(store)
        await engine.refresh()
        for name in ("quotes", "reported", "passages_holding"):
            method = getattr(store, name)

            async def logged(
                *args: Any, _name: str = name, _method: Any = method, **kw: Any
            ) -> Any:
                events.append(f"ask {_name}")
                found = await _method(*args, **kw)
                events.append(f"got {_name}")
                return found

            monkeypatch.setattr(store, name, logged)
        shown = render_text(await engine.who("Ivo Branke"))
    assert "Quill team principal Ivo Branke said the new floor" in shown
    assert events.index("ask passages_holding") < events.index("got quotes")
    assert events.index("ask passages_holding") < events.index("got reported")
