"""Passages (issue 9): every paragraph indexed, questions answered with the articles' sentences."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import AnswerEngine, FactsAnswer, NotFound, PassageAnswer
from bot.answers.passages import split_sentences
from bot.models import Fact, Person, Source
from bot.render import render_text
from bot.store import MIGRATIONS, Store
from tests.answers_support import MONZA, SPA, load


@pytest.fixture
async def engine(store: Store) -> AsyncIterator[AnswerEngine]:
    """An engine over the invented Spa and Monza stories."""
    await load(store, SPA, MONZA)
    built = AnswerEngine(store)
    await built.refresh()
    yield built


def test_sentences_split_verbatim_and_keep_closing_quotes() -> None:
    text = (
        '"He left me nowhere," Kessler said. "The door closed." It was 5.2 seconds. '
        "St. Devote next."
    )
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        '"He left me nowhere," Kessler said.',
        '"The door closed."',
        "It was 5.2 seconds.",
        "St. Devote next.",
    ]


async def test_every_paragraph_becomes_a_passage_and_follows_edits(store: Store) -> None:
    await load(store, SPA)
    count = await store.db.execute_fetchall("SELECT count(*) FROM passages")
    assert count[0][0] == len(SPA.paragraphs)
    found = await store.passages_matching(["tangled"])
    assert [p.paragraph for p in found] == [1]
    assert found[0].source is not None and found[0].source.slug == SPA.slug


def test_the_passages_migration_fills_passages_for_an_existing_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS:
        if "passages" in migration.sql:
            break
        conn.executescript(migration.sql)
    conn.execute(
        "INSERT INTO articles(id, slug, published, headline, content_hash, ingested_at) "
        "VALUES (1, 's', '2024-01-01', 'h', 'x', '2024-01-01T00:00:00+00:00')"
    )
    conn.execute("INSERT INTO paragraphs VALUES (1, 1, 'Rain fell on the grid.')")
    conn.commit()
    passages = next(m for m in MIGRATIONS if "passages" in m.sql)
    conn.executescript(passages.sql)
    rows = conn.execute(
        "SELECT paragraph FROM passages_fts JOIN passages ON passages.id = passages_fts.rowid "
        "WHERE passages_fts MATCH 'grid'"
    ).fetchall()
    conn.close()
    assert rows == [(1,)]


async def test_a_why_question_is_answered_with_a_cited_sentence(engine: AnswerEngine) -> None:
    answer = await engine.ask("why did kessler and moreau retire")
    assert isinstance(answer, PassageAnswer) and answer.passages and not answer.missing
    shown = render_text(answer)
    assert f"{SPA.headline} — {SPA.published.isoformat()}, ¶" in shown
    assert all(f.text in "\n".join(SPA.paragraphs) for f in answer.passages)


async def test_a_quoted_sentence_names_its_speaker(engine: AnswerEngine) -> None:
    answer = await engine.ask("did kessler say anything about the door")
    shown = render_text(answer)
    assert "Anna Kessler" in shown


async def test_what_the_articles_do_not_say_is_said_in_one_line(engine: AnswerEngine) -> None:
    answer = await engine.ask("who won at imola")
    assert isinstance(answer, NotFound | PassageAnswer)
    shown = render_text(answer)
    assert shown.startswith("The articles don't say who won at imola.")
    assert "I answer from" not in shown


async def test_a_person_not_in_the_articles_is_named_as_missing(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("what did fernando alonso say"))
    assert "don't name anyone called" in shown and "fernando alonso" in shown


def test_facts_show_each_person_with_their_team_and_the_headline_once() -> None:
    source = Source(SPA.slug, SPA.headline, SPA.published, 2)
    answer = FactsAnswer(
        SPA.summary,
        (
            Fact("headline", SPA.headline),
            Fact("date", SPA.published.isoformat()),
            Fact("who", "Anna Kessler and Luc Moreau", 2, source),
        ),
        (),
        people=(Person("Anna Kessler", "driver", "Falcon"), Person("Luc Moreau", None, "Orion")),
    )
    shown = render_text(answer)
    assert "Who: Anna Kessler (Falcon) and Luc Moreau (Orion) (¶2)" in shown
    assert shown.count(SPA.headline) == 1
    assert shown.count(SPA.published.isoformat()) == 1


async def test_a_passage_from_a_linked_article_links_to_it(store: Store) -> None:
    """A passage cites the original article's link, as quotes and facts do (issue 10)."""
    await load(store, dataclasses.replace(SPA, url="https://news.example/spa-clash"))
    engine = AnswerEngine(store)
    await engine.refresh()
    answer = await engine.ask("why did kessler and moreau retire")
    assert isinstance(answer, PassageAnswer) and answer.passages
    assert all(found.source and found.source.url for found in answer.passages)
    assert "https://news.example/spa-clash" in render_text(answer)
