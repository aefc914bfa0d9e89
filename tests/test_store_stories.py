"""A recap's reads of one article: each gives what the smaller reads it stands for give."""

from __future__ import annotations

from datetime import date

from bot.models import Article, Fact, LapEvent, Person, Quote, ReportedStatement
from bot.store import Store

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True


def story(slug: str, published: date, h: str, url: str | None = None) -> Article:
    """An article with facts, events on several laps, quotes over several statements (one
    unattributed, one in two parts) and reported statements."""
    return Article(
        slug=slug,
        published=published,
        headline=f"Headline of {slug}",
        paragraphs=("First paragraph.", "Second paragraph.", "Third.", "Fourth."),
        content_hash=h,
        url=url,
        people=(Person("Ann Driver", "driver", "Blue"), Person("Bob Rival", "driver", "Red")),
        quotes=(
            Quote("Ann Driver", "I am sorry, it was my mistake.", "direct", "said", 2, 1, 0),
            Quote("Ann Driver", "I will learn from it.", "direct", "said", 3, 1, 1),
            Quote(None, "Nobody knows who said this.", "direct", "", 3, 2, 0),
            Quote("Bob Rival", "She owned it.", "partial", "told reporters", 4, 3, 0),
        ),
        reported=(
            ReportedStatement("Bob Rival", "Rival said he accepted the apology", 4),
            ReportedStatement("Ann Driver", "Driver said the tyres went", 2),
        ),
        events=(
            LapEvent(40, "Late drama", ("Ann Driver", "Bob Rival"), "retired", 3),
            LapEvent(3, "Early move", ("Ann Driver",), None, 1),
        ),
        facts=(Fact("race", "Test Grand Prix", 1), Fact("winner", "Bob Rival", 2)),
    )


async def test_article_recap_is_facts_events_quotes_and_what_was_told_in_one_read(
    store: Store,
) -> None:
    """One statement gives what the facts, lap events, quotes, article, reported statements
    and paragraphs reads give (a recap with an apology read the article a second time)."""
    await store.replace_article(story("one", date(2021, 4, 20), "h1", "https://example.com/1"))
    await store.replace_article(story("two", date(2021, 5, 2), "h2"))
    for slug in ("one", "two"):
        found = await store.article_recap(slug)
        assert found == (
            await store.facts(slug),
            await store.lap_events(article=slug),
            await store.quotes(article=slug, limit=10_000),
            (
                await store.article(slug),
                await store.reported(article=slug),
                await store.paragraphs(slug),
            ),
        )
    facts, events, quotes, (stored, told, paragraphs) = await store.article_recap("one")
    assert [f.key for f in facts] == ["race", "winner"]
    assert [e.lap for e in events] == [3, 40]
    assert [(q.speaker, q.statement, q.part) for q in quotes] == [
        ("Ann Driver", 1, 0), ("Ann Driver", 1, 1), (None, 2, 0), ("Bob Rival", 3, 0),
    ]  # fmt: skip
    assert quotes[0].source is not None and quotes[0].source.url == "https://example.com/1"
    assert stored is not None and stored.url == "https://example.com/1"
    assert [r.paragraph for r in told] == [2, 4]
    assert paragraphs[0] == "First paragraph."


async def test_an_unknown_article_reads_as_empty(store: Store) -> None:
    assert await store.article_recap("nowhere") == ([], [], [], (None, [], []))


async def test_a_recaps_apology_among_its_quotes_is_the_apology_answer(store: Store) -> None:
    """Found among the quotes and reactions the recap read, the apology and its reactions
    are what /apology finds for that article."""
    from bot.answers import AnswerEngine
    from bot.answers.records import ApologyAnswer

    await store.replace_article(story("one", date(2021, 4, 20), "h1"))
    engine = AnswerEngine(store)
    await engine.refresh()
    summary = engine.resolve_article("one")
    assert summary is not None
    _facts, _events, quotes, told = await store.article_recap("one")
    among = await engine._apologies.apology_among(summary, quotes, told)
    assert isinstance(among, ApologyAnswer)
    assert [q.text for q in among.apology_parts] == [
        "I am sorry, it was my mistake.", "I will learn from it.",
    ]  # fmt: skip
    assert [q.speaker for q in among.reactions] == ["Bob Rival"]
    assert [r.speaker for r in among.reported] == ["Bob Rival"]
    assert among == await engine.apology("one")
