"""Rendering answers as Discord pages and plain text: limits, splitting, safety, pagination."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, create_autospec

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():
    # discord.py imports the stdlib audioop, deprecated since 3.11; not ours to fix here.
    warnings.simplefilter("ignore", DeprecationWarning)
    import discord

from bot.answers import (
    Answer,
    AnswerEngine,
    ApologyAnswer,
    FactsAnswer,
    HelpAnswer,
    LapAnswer,
    NotFound,
    PersonAnswer,
    QuotesAnswer,
    RecapAnswer,
    RecapStory,
    WhoSaidAnswer,
)
from bot.models import (
    ArticleSummary,
    Fact,
    LapEvent,
    Note,
    Person,
    Quote,
    ReportedStatement,
    Source,
)
from bot.render import (
    ALLOWED_MENTIONS,
    OWNER_ONLY,
    Page,
    Paginator,
    Rendered,
    error_page,
    neutralise,
    render,
    render_text,
    send_rendered,
    split_text,
)
from bot.store import Store
from tests.answers_support import MONZA, OLDER, SPA, check_limits, load, shown_text, squash

SOURCE = Source("some-story", "A headline", date(2024, 5, 6), 3)
ARTICLE = ArticleSummary("some-story", date(2024, 5, 6), "A headline")


def q(text: str, speaker: str | None = "Ann Lee", paragraph: int = 3, part: int = 0) -> Quote:
    source = Source(SOURCE.slug, SOURCE.headline, SOURCE.published, paragraph)
    return Quote(speaker, text, "direct", "said", paragraph, 1, part, source=source)


def all_pages_fit(rendered: Rendered) -> None:
    assert rendered.pages
    for page in rendered.pages:
        check_limits(page)


@pytest.fixture
async def engine(store: Store) -> AnswerEngine:
    await load(store, SPA, MONZA, OLDER)
    built = AnswerEngine(store)
    await built.refresh()
    return built


# -- every answer type, from the engine ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "who said nowhere to go",
        "lap 14",
        "lap 99",
        "did Kessler apologise?",
        "who is the German?",
        "what did Rinaldi say?",
        "facts about les combes",
        "recap",
        "quote",
        "who is Nobody Atall",
        "what is the weather like",
    ],
)
async def test_every_engine_answer_renders_within_limits(
    engine: AnswerEngine, question: str
) -> None:
    answer = await engine.ask(question)
    all_pages_fit(render(answer))
    assert render_text(answer).strip()


async def test_apology_renders_complete_and_in_order(engine: AnswerEngine) -> None:
    answer = await engine.apology(SPA.slug)
    assert isinstance(answer, ApologyAnswer)
    shown = squash(shown_text(render(answer), bodies_only=True))
    positions = [shown.index(squash(p.text)) for p in answer.apology_parts]
    assert positions == sorted(positions)


async def test_reported_speech_is_marked_and_never_quoted(engine: AnswerEngine) -> None:
    answer = await engine.apology(SPA.slug)
    text = render_text(answer)
    line = next(line for line in text.splitlines() if line.startswith("Reported: Paolo"))
    assert line == "Reported: Paolo Rinaldi said Kessler had been far too optimistic"
    assert "“Kessler had been" not in text


async def test_unattributed_quote_says_the_article_does_not_name_the_speaker(
    engine: AnswerEngine,
) -> None:
    text = render_text(await engine.whosaid("a gamble that never works"))
    assert "does not say who said it" in text


# -- limits under any input ---------------------------------------------------------------------

texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\u200b"),
    min_size=1,
    max_size=5000,
)
words = st.text(min_size=1, max_size=300)


@st.composite
def answers(draw: st.DrawFn) -> Answer:
    speaker = draw(st.one_of(st.none(), words))
    headline = draw(words)
    source = Source("s", headline, date(2020, 1, 2), draw(st.integers(1, 500)))
    article = ArticleSummary("s", date(2020, 1, 2), headline)
    quotes = tuple(
        Quote(speaker, t, "direct", draw(words), i + 1, 1, i, source=source)
        for i, t in enumerate(draw(st.lists(texts, min_size=1, max_size=6)))
    )
    reported = tuple(
        ReportedStatement(draw(words), t, 50, source=source)
        for t in draw(st.lists(texts, max_size=3))
    )
    event = LapEvent(7, draw(texts), (draw(words),), draw(texts), 2, source=source)
    fact = Fact(draw(words), draw(texts), 4, source)
    note = Note(draw(words), draw(texts))
    apology = ApologyAnswer(quotes, quotes, reported, article)
    kind = draw(st.integers(0, 9))
    return [
        QuotesAnswer(quotes, draw(texts), reported),
        WhoSaidAnswer(quotes[0], quotes, 90.0, draw(texts), quotes[:2]),
        LapAnswer(7, (event,) * draw(st.integers(0, 12)), tuple(range(draw(st.integers(0, 900))))),
        apology,
        PersonAnswer(
            Person(draw(words), draw(words), draw(words), (draw(words),)),
            quotes,
            reported,
            (article,) * 30,
        ),
        FactsAnswer(article, (fact,) * 12, (note,) * 3, (event,)),
        RecapAnswer(
            (RecapStory(article, (event, fact), quotes[0], apology),) * 3,
            timedelta(minutes=draw(st.integers(0, 5000))),
            draw(st.booleans()),
        ),
        NotFound(draw(texts), tuple(draw(st.lists(words, max_size=5)))),
        HelpAnswer(draw(texts), tuple(draw(st.lists(texts, max_size=5)))),
        QuotesAnswer((), draw(words), reported),
    ][kind]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers())
def test_any_answer_fits_discord_limits(answer: Answer) -> None:
    all_pages_fit(render(answer))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=5))
def test_quotes_are_never_truncated(parts: list[str]) -> None:
    quotes = tuple(q(t, paragraph=i + 1, part=i) for i, t in enumerate(parts))
    shown = squash(shown_text(render(QuotesAnswer(quotes, "t")), bodies_only=True))
    for part in quotes:
        assert squash(part.text) in shown


def test_hundred_long_quotes_paginate_within_limits() -> None:
    body = "A sentence about racing that goes on. " * 105  # about 4,000 characters
    quotes = tuple(
        Quote("Ann Lee", body, "direct", "said", i, i, 0, source=SOURCE) for i in range(100)
    )
    rendered = render(QuotesAnswer(quotes, "Quotes"))
    all_pages_fit(rendered)
    assert len(rendered.pages) >= 50
    assert squash(shown_text(rendered, bodies_only=True)).count(squash(body)) == 100


def test_a_quote_longer_than_an_embed_continues_on_the_next() -> None:
    body = "Word " * 2000
    rendered = render(QuotesAnswer((q(body),), "Quotes"))
    embeds = [e for p in rendered.pages for e in p.embeds]
    assert len(embeds) >= 3
    assert all("(continued)" in (e.title or "") for e in embeds[1:])
    assert "continues" in (embeds[0].footer.text or "")
    assert squash(body) in squash(shown_text(rendered, bodies_only=True))


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("First para.\n\nSecond para that is longer.", 20),
        ("One sentence. Two sentence. Three sentence.", 20),
        ("words " * 50, 37),
        ("x" * 100, 30),
        ("🏁" * 50, 11),
    ],
)
def test_split_text_respects_the_limit_and_keeps_every_character(text: str, limit: int) -> None:
    chunks = split_text(text, limit)
    assert all(len(c.encode("utf-16-le")) // 2 <= limit for c in chunks)
    assert squash("".join(chunks)) == squash(text)


def test_split_text_prefers_paragraph_breaks() -> None:
    chunks = split_text("Alpha beta.\n\nGamma delta epsilon.", 25)
    assert chunks == ["Alpha beta.", "Gamma delta epsilon."]


def test_split_text_prefers_sentences_to_words() -> None:
    chunks = split_text("One two three. Four five six seven.", 30)
    assert chunks[0] == "One two three."


# -- presentation -------------------------------------------------------------------------------


def test_quote_shows_typographic_quotes_speaker_and_citation() -> None:
    rendered = render(QuotesAnswer((q("We were quick."),), "Quotes"))
    [embed] = rendered.pages[0].embeds
    assert "“We were quick.”" in (embed.description or "")
    assert "Ann Lee" in (embed.description or "") + (embed.title or "")
    assert embed.footer.text == "A headline — 2024-05-06, ¶3"


def test_statement_parts_cite_their_paragraph_range() -> None:
    parts = (q("One.", paragraph=4), q("Two.", paragraph=5, part=1))
    [embed] = render(QuotesAnswer(parts, "t")).pages[0].embeds
    assert embed.footer.text == "A headline — 2024-05-06, ¶4–5"


@pytest.mark.parametrize("ping", ["@everyone", "@here", "<@123>", "<@!123>", "<@&123>", "<#9>"])
def test_mentions_are_neutralised(ping: str) -> None:
    rendered = render(QuotesAnswer((q(f"hi {ping} there"),), f"title {ping}"))
    page = rendered.pages[0]
    for text in (page.content or "", page.embeds[0].description or ""):
        assert ping not in text
        assert ping[:1] + "\u200b" in text or "@\u200b" in text


def test_allowed_mentions_allow_nothing() -> None:
    assert ALLOWED_MENTIONS.everyone is False
    assert ALLOWED_MENTIONS.users is False
    assert ALLOWED_MENTIONS.roles is False


def test_neutralise_leaves_ordinary_text_alone() -> None:
    assert neutralise("Lap 32 at 3pm, email me@x") == "Lap 32 at 3pm, email me@x"


def test_markdown_in_quotes_is_escaped_so_it_shows_verbatim() -> None:
    [embed] = render(QuotesAnswer((q("**not bold** and _x_"),), "t")).pages[0].embeds
    assert "\\*\\*not bold\\*\\*" in (embed.description or "")


def test_plain_quotes_gain_no_backslashes() -> None:
    text = "It's (Russell's) fault - really. 100% sure!"
    [embed] = render(QuotesAnswer((q(text),), "t")).pages[0].embeds
    assert f"“{text}”" in (embed.description or "")


def test_render_text_has_no_markdown_escapes() -> None:
    text = render_text(QuotesAnswer((q("**not bold** and @everyone"),), "t"))
    assert "“**not bold** and @everyone”" in text
    assert "A headline — 2024-05-06, ¶3" in text


def test_editors_notes_are_labelled_and_cite_their_fact() -> None:
    answer = FactsAnswer(ARTICLE, (Fact("race", "Some GP", 2, SOURCE),), (Note("race", "Wrong."),))
    text = render_text(answer)
    assert "Race: Some GP (¶2)" in text
    assert "Editor's note: Wrong. (on race, ¶2)" in text


def test_lap_without_events_is_ephemeral_and_lists_laps() -> None:
    rendered = render(LapAnswer(5, (), (1, 32)))
    assert rendered.ephemeral
    assert rendered.pages[0].content == "No event is recorded on lap 5. Laps with events: 1, 32."


def test_late_recap_says_it_is_late_and_when_it_was_due() -> None:
    story = RecapStory(ARTICLE, (), None, None)
    due = datetime(2024, 5, 6, 18, 0, tzinfo=UTC)
    rendered = render(RecapAnswer((story,), timedelta(minutes=42), False, due))
    content = rendered.pages[0].content or ""
    assert "Posted late: this recap was due at 18:00 UTC" in content
    assert "42 min late" in content


def test_archive_recap_is_labelled() -> None:
    story = RecapStory(ARTICLE, (), None, None)
    assert "from the archive" in (render(RecapAnswer((story,), None, True)).pages[0].content or "")


def test_not_found_is_ephemeral_with_suggestions() -> None:
    rendered = render(NotFound("Nobody called “X”.", ("Ann Lee",)))
    assert rendered.ephemeral
    assert "Did you mean: Ann Lee?" in (rendered.pages[0].content or "")


def test_error_page_is_short_and_ephemeral() -> None:
    rendered = error_page("x" * 5000)
    assert rendered.ephemeral
    assert len(rendered.pages) == 1
    check_limits(rendered.pages[0])


# -- pagination ---------------------------------------------------------------------------------


def fake_interaction(user_id: int) -> Any:
    interaction = create_autospec(discord.Interaction, instance=True)
    interaction.user = create_autospec(discord.User, instance=True)
    interaction.user.id = user_id
    interaction.response = create_autospec(discord.InteractionResponse, instance=True)
    return interaction


def pages(n: int) -> Sequence[Page]:
    return [Page(f"page {i + 1}") for i in range(n)]


async def test_paginator_starts_on_the_first_page_with_a_counter() -> None:
    view = Paginator(pages(3), owner_id=1)
    assert view.counter.label == "1/3"
    assert view.previous.disabled and not view.next.disabled
    assert view.timeout == 180


async def test_paginator_lets_the_owner_turn_pages() -> None:
    view = Paginator(pages(3), owner_id=1)
    interaction = fake_interaction(1)
    assert await view.interaction_check(interaction)
    await view.show(interaction, 1)
    interaction.response.edit_message.assert_awaited_once()
    kwargs = interaction.response.edit_message.await_args.kwargs
    assert kwargs["content"] == "page 2"
    assert kwargs["allowed_mentions"] is ALLOWED_MENTIONS
    assert view.counter.label == "2/3"


async def test_paginator_refuses_anyone_else_ephemerally() -> None:
    view = Paginator(pages(2), owner_id=1)
    interaction = fake_interaction(2)
    assert not await view.interaction_check(interaction)
    interaction.response.send_message.assert_awaited_once_with(
        OWNER_ONLY, ephemeral=True, allowed_mentions=ALLOWED_MENTIONS
    )


async def test_paginator_stops_at_the_last_page() -> None:
    view = Paginator(pages(2), owner_id=1)
    await view.show(fake_interaction(1), 5)
    assert view.index == 1 and view.next.disabled


async def test_paginator_timeout_disables_buttons_and_edits_the_message() -> None:
    view = Paginator(pages(2), owner_id=1)
    view.message = create_autospec(discord.Message, instance=True)
    await view.on_timeout()
    assert all(item.disabled for item in view.children if isinstance(item, discord.ui.Button))
    view.message.edit.assert_awaited_once_with(view=view)


async def test_paginator_timeout_edits_the_interactions_own_response() -> None:
    """A paginator sent as the interaction's response edits it through the interaction."""
    view = Paginator(pages(2), owner_id=1)
    view.interaction = create_autospec(discord.Interaction, instance=True)
    await view.on_timeout()
    assert all(item.disabled for item in view.children if isinstance(item, discord.ui.Button))
    view.interaction.edit_original_response.assert_awaited_once_with(view=view)


async def test_paginator_timeout_ignores_a_deleted_message() -> None:
    view = Paginator(pages(2), owner_id=1)
    view.message = create_autospec(discord.Message, instance=True)
    response = create_autospec(discord.abc.Snowflake)  # any object with .status/.reason
    response.status, response.reason = 404, "Not Found"
    view.message.edit = AsyncMock(side_effect=discord.NotFound(response, "Unknown Message"))
    await view.on_timeout()


async def test_paginator_needs_a_page() -> None:
    with pytest.raises(ValueError):
        Paginator([], owner_id=1)


# -- the real seed article ----------------------------------------------------------------------

SEED = (
    Path(__file__).resolve().parent.parent / "data" / "articles" / "2021-04-20-russell-bottas.txt"
)


@pytest.fixture
async def seed(store: Store) -> AnswerEngine:
    from bot.ingest.load import ingest

    assert (await ingest(store, [SEED])).ok
    built = AnswerEngine(store)
    await built.refresh()
    return built


async def test_seed_apology_renders_whole_in_order_with_wolff_reported(
    seed: AnswerEngine,
) -> None:
    answer = await seed.ask("did Russell apologise?")
    assert isinstance(answer, ApologyAnswer)
    rendered = render(answer)
    all_pages_fit(rendered)
    shown = squash(shown_text(rendered, bodies_only=True))
    positions = [shown.index(squash(p.text)) for p in answer.apology_parts]
    assert positions == sorted(positions)
    text = render_text(answer)
    assert "Reported: Toto Wolff said Russell was in the wrong" in text
    assert "“Russell was in the wrong" not in text


@pytest.mark.parametrize(
    "question",
    ["who said kill us both", "lap 32", "facts", "recap", "who is the Finn", "what did Wolff say"],
)
async def test_seed_answers_render_within_limits(seed: AnswerEngine, question: str) -> None:
    answer = await seed.ask(question)
    all_pages_fit(render(answer))
    assert "¶" in render_text(answer)


async def test_send_rendered_sends_one_page_without_buttons() -> None:
    interaction = fake_interaction(1)
    interaction.response.is_done.return_value = False
    await send_rendered(interaction, Rendered((Page("hello"),), ephemeral=True))
    kwargs = interaction.response.send_message.await_args.kwargs
    assert kwargs["content"] == "hello" and kwargs["ephemeral"] is True
    assert kwargs["allowed_mentions"] is ALLOWED_MENTIONS
    assert "view" not in kwargs


async def test_send_rendered_pages_through_a_paginator_after_defer() -> None:
    interaction = fake_interaction(7)
    interaction.response.is_done.return_value = True
    interaction.followup = create_autospec(discord.Webhook, instance=True)
    await send_rendered(interaction, Rendered(tuple(pages(2))))
    kwargs = interaction.followup.send.await_args.kwargs
    assert isinstance(kwargs["view"], Paginator)
    assert kwargs["view"].owner_id == 7
    assert kwargs["view"].message is interaction.followup.send.return_value
