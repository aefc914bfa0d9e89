"""Exact attribution of every quote in the seed and in the articles written for these tests.

Paragraph numbers count from the first paragraph after the header line (models.Source).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.load import build_article
from bot.models import Article
from tests.ingest.helpers import FICTION, SEED

Row = tuple[int, int, int, str, str | None, str, str]


def rows(article: Article) -> list[Row]:
    """Flatten quotes to (paragraph, statement, part, kind, speaker, setting, text)."""
    return [
        (q.paragraph, q.statement, q.part, q.kind, q.speaker, q.setting, q.text)
        for q in article.quotes
    ]


SEED_QUOTES: list[Row] = [
    (
        3,
        1,
        0,
        "partial",
        "George Russell",
        "remarks after the race",
        "the speed and the conditions",
    ),
    (
        4,
        2,
        0,
        "direct",
        "George Russell",
        "remarks after the race",
        "I was coming up to Valtteri massively fast. I had the slipstream. I had the DRS,",
    ),
    (
        4,
        2,
        1,
        "direct",
        "George Russell",
        "remarks after the race",
        (
            "And just as I pulled out, he jolted very, very slightly to the right - which is a "
            "tactical defence that drivers in the past used to do. It was sort of the "
            "Verstappen move of 2015."
        ),
    ),
    (
        5,
        2,
        2,
        "direct",
        "George Russell",
        "remarks after the race",
        (
            "There is a gentlemen's agreement that that is not what you do because it is "
            "incredibly dangerous. In completely dry conditions I would have been fine, but it "
            "put me onto the wet patch and I lost it."
        ),
    ),
    (
        6,
        2,
        3,
        "direct",
        "George Russell",
        "remarks after the race",
        "There's absolutely no reason to jolt like that.",
    ),
    (7, 3, 0, "partial", "George Russell", "remarks after the race", "was trying to kill us both"),
    (
        7,
        4,
        0,
        "partial",
        "Valtteri Bottas",
        "remarks after the race",
        "completely his (Russell's) fault.",
    ),
    (
        10,
        5,
        0,
        "direct",
        "George Russell",
        "social media post",
        "Yesterday wasn't my proudest day,",
    ),
    (
        10,
        5,
        1,
        "direct",
        "George Russell",
        "social media post",
        (
            "I knew it would be one of our best opportunities to score points this season and, "
            "when those points matter as much as they do to us right now, sometimes you take "
            "risks."
        ),
    ),
    (
        11,
        5,
        2,
        "direct",
        "George Russell",
        "social media post",
        (
            "It didn't pay off and I have to take responsibility for that. Having had time to "
            "reflect on what happened afterwards, I know I should have handled the whole "
            "situation better."
        ),
    ),
    (
        12,
        5,
        3,
        "direct",
        "George Russell",
        "social media post",
        "Emotions can run high in the heat of the moment and yesterday mine got the better of me.",
    ),
    (
        13,
        5,
        4,
        "direct",
        "George Russell",
        "social media post",
        (
            "I apologise to Valtteri, to my team and to anyone who felt let down by my actions. "
            "That's not who I am and I expect more from myself, as I know others expect more "
            "from me."
        ),
    ),
    (
        14,
        5,
        5,
        "direct",
        "George Russell",
        "social media post",
        (
            "I've learned some tough lessons this weekend and will come out of this a better "
            "driver and a better person for the experience."
        ),
    ),
    (
        15,
        5,
        6,
        "direct",
        "George Russell",
        "social media post",
        (
            "Now it's full focus on Portugal and a chance to show what I'm really about. Thanks "
            "for all the messages, both positive and negative. They will all help me to grow."
        ),
    ),
    (
        17,
        6,
        0,
        "direct",
        "Lewis Hamilton",
        "Instagram comment",
        "Strength comes from vulnerability,",
    ),
    (
        17,
        6,
        1,
        "direct",
        "Lewis Hamilton",
        "Instagram comment",
        (
            "If you don't make the mistake you can never learn the lesson. Respect for taking "
            "responsibility. On to the next one."
        ),
    ),
]

AUSTRIA_QUOTES: list[Row] = [
    (
        3,
        1,
        0,
        "direct",
        "Charles Leclerc",
        "remarks to reporters",
        "It was a nightmare in the last ten laps,",
    ),
    (
        3,
        1,
        1,
        "direct",
        "Charles Leclerc",
        "remarks to reporters",
        "The throttle was not coming back properly and I was praying on every braking zone.",
    ),
    (
        5,
        2,
        0,
        "direct",
        "Max Verstappen",
        "remarks",
        (
            "We simply didn’t have the pace today. Charles was quicker and there’s nothing more "
            "to say."
        ),
    ),
    (
        7,
        3,
        0,
        "direct",
        "Mattia Binotto",
        "remarks",
        (
            "We have to understand what happened with the throttle, because it’s not the first "
            "time we’ve had a reliability issue this year,"
        ),
    ),
    (
        8,
        4,
        0,
        "direct",
        "Mattia Binotto",
        "remarks",
        "Carlos did a fantastic job and he deserved the podium,",
    ),
    (9, 5, 0, "partial", "Carlos Sainz", "remarks", "a real shame after such a strong weekend"),
    (10, 6, 0, "direct", None, "remarks", "Forza Ferrari!"),
    (
        11,
        7,
        0,
        "direct",
        "Lewis Hamilton",
        "remarks",
        "I’m proud of the team, we’re clawing our way back,",
    ),
    (
        12,
        8,
        0,
        "direct",
        "Lewis Hamilton",
        "remarks",
        "The engineers kept telling me ‘keep pushing, keep pushing’ and that’s exactly what I did,",
    ),
]

HUNGARY_QUOTES: list[Row] = [
    (
        3,
        1,
        0,
        "direct",
        "Lando Norris",
        "interview with Sky Sports F1",
        (
            "It was just one of those racing incidents. I went for the gap, Oscar went for the "
            "same piece of track and there wasn't room for both of us."
        ),
    ),
    (
        4,
        1,
        1,
        "direct",
        "Lando Norris",
        "interview with Sky Sports F1",
        (
            "We've spoken about it already and there's no drama. We race hard but we race fair, "
            "that's always been the deal at McLaren."
        ),
    ),
    (5, 2, 0, "partial", "Oscar Piastri", "remarks", "a bit optimistic"),
    (5, 3, 0, "partial", "Oscar Piastri", "remarks", "nowhere to go"),
    (
        6,
        4,
        0,
        "direct",
        "Oscar Piastri",
        "remarks to reporters",
        "I'm not going to make a big deal of it,",
    ),
    (
        6,
        4,
        1,
        "direct",
        "Oscar Piastri",
        "remarks to reporters",
        "But I'd like to think we can give each other a bit more room next time.",
    ),
    (
        8,
        5,
        0,
        "direct",
        "Zak Brown",
        "social media post",
        "Great recovery from both drivers today. Racing is racing - proud of this team.",
    ),
    (10, 6, 0, "partial", "Max Verstappen", "remarks", "felt like it was on rails"),
    (
        11,
        7,
        0,
        "direct",
        None,
        "remarks",
        "Somebody needs to calm those two down before they end up in the wall,",
    ),
    (
        12,
        8,
        0,
        "direct",
        "Lewis Hamilton",
        "remarks",
        (
            "I didn't see it, but I know what it's like with a team-mate. You have to trust "
            "each other,"
        ),
    ),
]

MONACO_QUOTES: list[Row] = [
    (
        3,
        1,
        0,
        "direct",
        "Charles Leclerc",
        "interview with Sky Sports",
        "I've dreamed about this since I was a kid,",
    ),
    (
        3,
        1,
        1,
        "direct",
        "Charles Leclerc",
        "interview with Sky Sports",
        "To finally do it here, in front of my family, is impossible to describe.",
    ),
    (
        4,
        2,
        0,
        "direct",
        "Charles Leclerc",
        "remarks",
        (
            "There were so many laps where I was thinking about my dad. I had to stay focused "
            "on the job."
        ),
    ),
    (5, 2, 1, "direct", "Charles Leclerc", "remarks", "Today was for him,"),
    (7, 3, 0, "partial", "Sergio Perez", "remarks to reporters", "stupid"),
    (7, 4, 0, "partial", "Sergio Perez", "remarks to reporters", "completely unnecessary"),
    (
        9,
        5,
        0,
        "direct",
        "Bruno Famin",
        "remarks",
        (
            "Esteban knows the rules. You do not take risks like that against your team-mate on "
            "the first lap,"
        ),
    ),
    (
        10,
        6,
        0,
        "direct",
        "Esteban Ocon",
        "social media post",
        "I saw a gap and went for it, as any racer would,",
    ),
    (
        10,
        6,
        1,
        "direct",
        "Esteban Ocon",
        "social media post",
        "Onwards to Canada.",
    ),
    (
        12,
        7,
        0,
        "direct",
        "Susie Wolff",
        "remarks to reporters",
        "They cleared the track incredibly quickly,",
    ),
    (
        13,
        8,
        0,
        "direct",
        "Charles Leclerc",
        "remarks",
        (
            "When my engineer said 'stay calm, just stay calm' I was laughing, because my heart "
            "rate was through the roof,"
        ),
    ),
]


def test_seed_quotes_exactly() -> None:
    """Every seed quote: speaker, kind, setting, paragraph, statement and part, none extra."""
    assert rows(build_article(SEED)) == SEED_QUOTES


def test_seed_reported_statement_is_wolffs() -> None:
    """The seed's one paraphrase is Wolff's, cut before ", but"."""
    article = build_article(SEED)
    assert [(r.speaker, r.text, r.paragraph) for r in article.reported] == [
        (
            "Toto Wolff",
            "Russell was in the wrong and should not have tried to overtake Bottas at that point",
            16,
        )
    ]


def test_seed_people_come_from_the_annotation() -> None:
    """The annotation's people, roles, teams and aliases are authoritative."""
    people = {p.name: p for p in build_article(SEED).people}
    assert list(people) == ["George Russell", "Valtteri Bottas", "Toto Wolff", "Lewis Hamilton"]
    assert people["George Russell"].team == "Williams"
    assert "the Finn" in people["Valtteri Bottas"].aliases
    assert people["Toto Wolff"].team == "Mercedes"


def test_seed_lap_event_facts_and_note() -> None:
    """Lap 32, the facts in the article's words with their paragraphs, and the editor's note."""
    article = build_article(SEED)
    assert [(e.lap, e.who, e.paragraph) for e in article.events] == [
        (32, ("George Russell", "Valtteri Bottas"), 2)
    ]
    assert article.events[0].outcome is not None
    facts = {f.key: (f.value, f.paragraph) for f in article.facts}
    assert facts["date"] == ("2021-04-20", None)
    assert facts["race"] == ("Italian Grand Prix", 1)
    assert facts["lap"] == ("32", 2)
    assert facts["next_race"] == ("Portugal", 15)
    assert [n.about for n in article.notes] == ["race"]
    assert "Emilia Romagna" in article.notes[0].text


def test_seed_without_annotation_leaves_the_unknown_descriptor_unattributed(
    tmp_path: Path,
) -> None:
    """Without the annotation, "the Mercedes star" is nobody known: that quote gets no speaker."""
    copy = tmp_path / SEED.name
    copy.write_bytes(SEED.read_bytes())
    speakers = {q.text: q.speaker for q in build_article(copy).quotes}
    assert speakers["completely his (Russell's) fault."] is None
    assert speakers["was trying to kill us both"] == "George Russell"
    assert speakers["Strength comes from vulnerability,"] == "Lewis Hamilton"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2022-07-11-leclerc-austria-throttle.txt", AUSTRIA_QUOTES),
        ("2023-07-24-norris-piastri-hungary.txt", HUNGARY_QUOTES),
        ("2024-05-27-leclerc-monaco-home-win.txt", MONACO_QUOTES),
    ],
)
def test_unannotated_article_quotes_exactly(name: str, expected: list[Row]) -> None:
    """Every quote of an unannotated article is attributed exactly, or left unattributed."""
    path = FICTION / name
    assert not path.with_suffix(".toml").exists()
    assert rows(build_article(path)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "2022-07-11-leclerc-austria-throttle.txt",
            [("Max Verstappen", "Red Bull would bring upgrades to France", 6)],
        ),
        (
            "2023-07-24-norris-piastri-hungary.txt",
            [("Andrea Stella", "the pair had accepted responsibility", 7)],
        ),
        (
            "2024-05-27-leclerc-monaco-home-win.txt",
            [("Kevin Magnussen", "the Mexican had left him no room", 6)],
        ),
    ],
)
def test_unannotated_article_reported_statements(
    name: str, expected: list[tuple[str, str, int]]
) -> None:
    """Paraphrase is found with its speaker, including a pronoun subject."""
    article = build_article(FICTION / name)
    assert [(r.speaker, r.text, r.paragraph) for r in article.reported] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "2022-07-11-leclerc-austria-throttle.txt",
            [
                (12, ("Max Verstappen",), 2),
                (33, ("Max Verstappen",), 2),
                (57, ("Carlos Sainz",), 4),
            ],
        ),
        ("2023-07-24-norris-piastri-hungary.txt", [(1, ("Oscar Piastri",), 2)]),
        (
            "2024-05-27-leclerc-monaco-home-win.txt",
            [
                (1, ("Charles Leclerc", "Sergio Perez", "Kevin Magnussen", "Nico Hulkenberg"), 1),
                (1, ("Esteban Ocon", "Pierre Gasly"), 8),
            ],
        ),
    ],
)
def test_unannotated_article_lap_events(
    name: str, expected: list[tuple[int, tuple[str, ...], int]]
) -> None:
    """Lap mentions in narration become events; laps inside quotes do not."""
    article = build_article(FICTION / name)
    assert [(e.lap, e.who, e.paragraph) for e in article.events] == expected


@pytest.mark.parametrize(
    ("name", "race", "people"),
    [
        (
            "2022-07-11-leclerc-austria-throttle.txt",
            "Austrian Grand Prix",
            [
                "Charles Leclerc",
                "Max Verstappen",
                "Carlos Sainz",
                "Mattia Binotto",
                "Lewis Hamilton",
            ],
        ),
        (
            "2023-07-24-norris-piastri-hungary.txt",
            "Hungarian Grand Prix",
            [
                "Lando Norris",
                "Oscar Piastri",
                "Andrea Stella",
                "Zak Brown",
                "Max Verstappen",
                "Lewis Hamilton",
            ],
        ),
        (
            "2024-05-27-leclerc-monaco-home-win.txt",
            "Monaco Grand Prix",
            [
                "Charles Leclerc",
                "Sergio Perez",
                "Kevin Magnussen",
                "Nico Hulkenberg",
                "Esteban Ocon",
                "Pierre Gasly",
                "Bruno Famin",
                "Oscar Piastri",
                "Carlos Sainz",
                "Susie Wolff",
            ],
        ),
    ],
)
def test_unannotated_article_people_and_race(name: str, race: str, people: list[str]) -> None:
    """People are discovered from full names outside quotes; places and teams are not people."""
    article = build_article(FICTION / name)
    assert [p.name for p in article.people] == people
    assert ("race", race) in [(f.key, f.value) for f in article.facts]
