"""A story's own facts: its race from the opening, never the next round's; previews.

The articles here are invented for the tests (real names, made-up events and words).
"""

from __future__ import annotations

from pathlib import Path

from bot.ingest.facts import find_preview, find_race
from bot.ingest.load import build_article
from tests.ingest.helpers import write_article

RACE_REPORT = """date 2026-05-24 Piastri holds off Leclerc to win a wet Monaco Grand Prix

Oscar Piastri won the Monaco Grand Prix on Sunday, keeping Charles Leclerc behind him for \
the final 40 laps after a safety car restart.

Leclerc finished second and George Russell third.

Piastri said the team had called the switch to intermediates at exactly the right moment.

The championship continues at the Spanish Grand Prix in Barcelona in a fortnight.
"""

NEXT_UP_ONLY = """date 2026-09-14 Marquez wins at Misano after Bagnaia falls

Marc Marquez won the race at Misano on Sunday after Francesco Bagnaia slid off at the \
Quercia hairpin on lap 12.

Next up is the Indonesian Grand Prix at Mandalika, where Marquez will try to seal the title.
"""

TRANSFER = """date 2026-08-03 Antonelli signs two-year contract extension with Mercedes

Kimi Antonelli will stay at Mercedes until the end of 2028, the team confirmed on Monday.

The Italian, 20, has partnered George Russell since 2025.

The news came three days after the Hungarian Grand Prix, where Antonelli finished fourth.
"""

PAST_MENTION = """date 2026-07-05 Verstappen and Norris still not talking after Austria

The rift between Max Verstappen and Lando Norris showed no sign of healing in the paddock \
on Thursday.

Neither driver had spoken to the other since the Austrian Grand Prix, a Red Bull source said.
"""

PREVIEW = """date 2026-08-27 Norris heads into the Dutch Grand Prix chasing a home-rival double

Lando Norris heads into this weekend's Dutch Grand Prix at Zandvoort eight points behind \
his team-mate Oscar Piastri in the standings.

Max Verstappen, last year's winner at the seaside circuit, will start the weekend as the \
crowd's favourite.

Lights out is at 15:00 local time on Sunday.
"""

REPORT_WITH_LAST_YEAR = """date 2026-08-30 Verstappen wins the Dutch Grand Prix at home

Max Verstappen won the Dutch Grand Prix on Sunday, repeating last year's win in front of \
his home crowd.

Lando Norris, who heads into the summer with a 10-point lead, finished second.
"""


def _race(body: str) -> str | None:
    lines = body.split("\n")
    headline = lines[0].split(" ", 2)[2]
    paragraphs = [p for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
    fact = find_race([p.strip() for p in paragraphs], headline)
    return None if fact is None else f"{fact.value} ¶{fact.paragraph}"


def test_a_race_report_keeps_its_own_race_not_the_next_one() -> None:
    assert _race(RACE_REPORT) == "Monaco Grand Prix ¶1"


def test_a_sentence_about_the_next_round_names_no_race_of_the_story() -> None:
    # "Next up is the Indonesian Grand Prix": the story is Misano's, which it names no GP.
    assert _race(NEXT_UP_ONLY) is None


def test_a_transfer_story_has_no_race() -> None:
    assert _race(TRANSFER) is None


def test_a_race_named_as_the_storys_past_is_not_its_race() -> None:
    assert _race(PAST_MENTION) is None


def test_a_preview_keeps_the_race_it_looks_ahead_to() -> None:
    assert _race(PREVIEW) == "Dutch Grand Prix ¶1"


def test_built_article_facts_race_and_preview(tmp_path: Path) -> None:
    preview = build_article(write_article(tmp_path, PREVIEW, slug="2026-08-27-preview"))
    facts = {f.key: (f.value, f.paragraph) for f in preview.facts}
    assert facts["race"] == ("Dutch Grand Prix", 1)
    assert facts["preview"] == ("Dutch Grand Prix", 1)
    assert "winner" not in facts


def test_a_race_report_is_not_a_preview(tmp_path: Path) -> None:
    for n, body in enumerate((RACE_REPORT, REPORT_WITH_LAST_YEAR, TRANSFER, NEXT_UP_ONLY)):
        article = build_article(write_article(tmp_path, body, slug=f"2026-08-3{n}-report"))
        assert "preview" not in {f.key for f in article.facts}, body.splitlines()[0]


def test_find_preview_needs_two_signs_of_the_race_ahead() -> None:
    one_sign = ["Norris will start the Dutch Grand Prix from the front row."]
    assert find_preview(one_sign, "Norris on the front row at Zandvoort") is None
    two_signs = [
        "Sebastien Ogier heads into Rally Japan as the defending winner.",
        "The first stage gets under way at 08:05 on Friday.",
    ]
    fact = find_preview(two_signs, "Ogier eyes a record in Japan")
    assert fact is not None
    assert (fact.key, fact.value, fact.paragraph) == ("preview", "the race", 1)
