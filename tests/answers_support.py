"""Hand-built articles for the answer and render tests: invented people, laps and words.

They are deliberately unlike the seed article, so a test that passes on them shows the engine
reads everything from the store rather than knowing one story.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import TYPE_CHECKING

from bot.models import Article, Fact, LapEvent, Note, Person, Quote, ReportedStatement
from bot.store import Store

if TYPE_CHECKING:  # the answer tests stay free of discord; only the render helpers need it
    from bot.render import Page, Rendered

__all__ = [
    "MONZA",
    "OLDER",
    "SPA",
    "check_limits",
    "load",
    "make_article",
    "shown_text",
    "squash",
]


def make_article(
    slug: str,
    published: date,
    headline: str,
    paragraphs: tuple[str, ...],
    **parts: object,
) -> Article:
    """An ``Article`` whose content hash follows its text, as the ingester's would."""
    digest = hashlib.sha256("\n".join((headline, *paragraphs)).encode()).hexdigest()
    return Article(slug, published, headline, paragraphs, digest, **parts)  # type: ignore[arg-type]


_SPA_PARAGRAPHS = (
    "Anna Kessler has said sorry to Luc Moreau after the pair tangled at Les Combes.",
    "Kessler, racing for Falcon, and Moreau of Orion both retired on lap 14.",
    "“He left me nowhere to go,” Kessler said. “The door just closed.",
    "“I was not expecting that at all.”",
    "Moreau said it was “a reckless lunge from the German”.",
    "“It was a gamble that never works here,” one engineer said.",
    "A day later Kessler posted a statement.",
    "“I got it wrong on Sunday and I have to take responsibility for that.",
    "“I apologise to Luc and to the whole Orion crew.",
    "“I will be back stronger at the next round.”",
    "Orion principal Paolo Rinaldi said Kessler had been far too optimistic.",
    "“Everyone makes mistakes, she owned hers,” rookie Sam Okafor wrote online.",
)

SPA = make_article(
    "2023-08-28-kessler-moreau",
    date(2023, 8, 28),
    "Kessler apologises to Moreau after Les Combes clash",
    _SPA_PARAGRAPHS,
    people=(
        Person("Anna Kessler", "driver", "Falcon", ("the German",)),
        Person("Luc Moreau", "driver", "Orion", ("the Frenchman",)),
        Person("Paolo Rinaldi", "team principal", "Orion"),
        Person("Sam Okafor", "rookie driver"),
    ),
    quotes=(
        Quote("Anna Kessler", "He left me nowhere to go,", "direct", "said", 3, 1, 0),
        Quote("Anna Kessler", "The door just closed.", "direct", "said", 3, 1, 1),
        Quote("Anna Kessler", "I was not expecting that at all.", "direct", "said", 4, 1, 2),
        Quote("Luc Moreau", "a reckless lunge from the German", "partial", "said", 5, 2, 0),
        Quote(None, "It was a gamble that never works here,", "direct", "said", 6, 3, 0),
        Quote(
            "Anna Kessler",
            "I got it wrong on Sunday and I have to take responsibility for that.",
            "direct",
            "posted a statement",
            8,
            4,
            0,
        ),
        Quote(
            "Anna Kessler",
            "I apologise to Luc and to the whole Orion crew.",
            "direct",
            "posted a statement",
            9,
            4,
            1,
        ),
        Quote(
            "Anna Kessler",
            "I will be back stronger at the next round.",
            "direct",
            "posted a statement",
            10,
            4,
            2,
        ),
        Quote(
            "Sam Okafor",
            "Everyone makes mistakes, she owned hers,",
            "direct",
            "wrote online",
            12,
            5,
            0,
        ),
    ),
    reported=(
        ReportedStatement("Paolo Rinaldi", "Kessler had been far too optimistic", 11),
        ReportedStatement("Luc Moreau", "the German had left him no room at all", 5),
    ),
    events=(
        LapEvent(
            14,
            "Kessler and Moreau collide at Les Combes",
            ("Anna Kessler", "Luc Moreau"),
            "both retire",
            2,
        ),
    ),
    facts=(
        Fact("race", "Belgian Grand Prix", 1),
        Fact("lap", "14", 2),
        Fact("outcome", "both retired", 2),
        Fact("aftermath", "Kessler apologised a day later", 7),
    ),
    notes=(Note("race", "The article never names the race; Les Combes is at Spa."),),
)

MONZA = make_article(
    "2024-09-02-okafor-points",
    date(2024, 9, 2),
    "Okafor scores first points as Moreau spins",
    (
        "Sam Okafor scored his first points while Luc Moreau spun out on lap 3.",
        "“This is the best day of my life,” Okafor said.",
        "“I am sorry for the team, the car deserved better,” Moreau said.",
    ),
    people=(Person("Sam Okafor", "driver", "Vega"), Person("Luc Moreau", "driver", "Orion")),
    quotes=(
        Quote("Sam Okafor", "This is the best day of my life,", "direct", "said", 2, 1, 0),
        Quote(
            "Luc Moreau",
            "I am sorry for the team, the car deserved better,",
            "direct",
            "said",
            3,
            2,
            0,
        ),
    ),
    events=(LapEvent(3, "Moreau spins at the second chicane", ("Luc Moreau",), "retired", 1),),
    facts=(Fact("outcome", "Okafor ninth, first points", 1),),
)

OLDER = make_article(
    "2022-05-01-quiet-race",
    date(2022, 5, 1),
    "A quiet race with no drama",
    ("Nothing much happened.", "“It was a calm afternoon,” said Jo Lind."),
    people=(Person("Jo Lind", "driver"),),
    quotes=(Quote("Jo Lind", "It was a calm afternoon,", "direct", "said", 2, 1, 0),),
)


async def load(store: Store, *articles: Article) -> None:
    """Store hand-built articles as the ingester would."""
    for article in articles:
        await store.replace_article(article)


def check_limits(page: Page) -> None:
    """Assert one page fits every Discord message limit (measured as UTF-16, the stricter)."""
    from bot.render import LIMITS, size

    assert page.content is not None or page.embeds, "a page needs content or an embed"
    assert size(page.content) <= LIMITS.content
    assert len(page.embeds) <= LIMITS.embeds
    total = 0
    for embed in page.embeds:
        assert size(embed.title) <= LIMITS.title
        assert size(embed.description) <= LIMITS.description
        assert len(embed.fields) <= LIMITS.fields
        for f in embed.fields:
            assert size(f.name) <= LIMITS.field_name
            assert size(f.value) <= LIMITS.field_value
        assert size(embed.footer.text) <= LIMITS.footer
        assert size(embed.author.name) <= LIMITS.author
        total += size(embed.title) + size(embed.description) + size(embed.footer.text)
        total += size(embed.author.name) + sum(size(f.name) + size(f.value) for f in embed.fields)
    assert total <= LIMITS.total


_ESCAPED = re.compile(r"\\([_\\~|*`>#\-\[\s])")


def shown_text(rendered: Rendered, *, bodies_only: bool = False) -> str:
    """What a reader sees across all pages, as Discord shows it: escapes resolved.

    ``bodies_only`` keeps just the embed descriptions, so text split across embeds reads on.
    """
    pieces: list[str] = []
    for page in rendered.pages:
        if page.content and not bodies_only:
            pieces.append(page.content)
        for embed in page.embeds:
            if bodies_only:
                pieces.append(embed.description or "")
            else:
                pieces += [embed.title or "", embed.description or "", embed.footer.text or ""]
    return _ESCAPED.sub(r"\1", "\n".join(pieces))


def squash(text: str) -> str:
    """Drop whitespace and zero-width spaces: page splits may move or drop only those."""
    return re.sub(r"[\s\u200b]+", "", text)
