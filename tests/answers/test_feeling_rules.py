"""Yes/no questions about a feeling on invented stories: "was X upset" is answered by a
sentence of X's, or one about X, holding a word of that feeling ("Second here stings ...
hurts"), X's own first; asked a feeling the stories never give X, the answer says so and
shows the feelings they do give. A question going on past the feeling ("mad at Y") stays
a question about what follows."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._feelings import asked_feeling
from bot.render import render_text
from tests.answers.scoring import stories_store

HILLCLIMB = "\n\n".join(
    (
        "date 2026-05-10 Invented Brannock Hillclimb: Tamsin Oakes beats Rui Feld by a tenth",
        "Tamsin Oakes won the invented Brannock Hillclimb on Sunday by a tenth of a second "
        "from Rui Feld, who had led after the first two runs.",
        "Feld lost the time on his last run at the Gorse hairpin, where his rear tyres "
        "slid wide on the damp kerb.",
        '"I knew the hairpin was damp, I just did not know how damp," Feld said. "I '
        "backed off at the top and there was nothing more to find.",
        '"Second by a tenth hurts more than losing by a second. But Tamsin drove it '
        'perfectly today."',
        "Oakes was disappointed with her first run and said so.",
        '"The first run was scruffy, I left two tenths on the road," Oakes said.',
    )
)  # fmt: skip

SPRINT = "\n\n".join(
    (
        "date 2026-06-14 Invented Carrow Sprint: Rui Feld back on top",
        "Rui Feld won the invented Carrow Sprint by four seconds, a month after losing "
        "Brannock by a tenth.",
        'A marshal said on the radio that the crowd was "happy to see Feld back on the top '
        'step".',
        "Feld wasn't happy with the car on Saturday, and the team changed the gearing "
        "overnight.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("feelings"),
        (("2026-05-10-brannock", HILLCLIMB), ("2026-06-14-carrow", SPRINT)),
    )


async def test_upset_is_told_by_a_word_of_that_feeling_in_a_quote_carried_over(
    engine: AnswerEngine,
) -> None:
    shown = render_text(await engine.ask("was feld upset"))
    assert "hurts more than losing by a second" in shown
    assert "don't say" not in shown


async def test_happy_is_told_by_a_no_the_person_named_first(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("was rui feld happy"))
    assert "Feld wasn't happy with the car" in shown
    assert "don't say" not in shown
    # The marshal's "happy to see Feld" comes first in the story and names him, but the
    # feeling is the crowd's: his own no is shown first.
    marshal = shown.find("happy to see Feld")
    assert marshal < 0 or shown.find("Feld wasn't happy") < marshal


async def test_a_feeling_never_told_is_an_honest_negative_with_the_feelings_told(
    engine: AnswerEngine,
) -> None:
    shown = render_text(await engine.ask("was oakes angry"))
    assert shown.startswith("The articles don't say whether Tamsin Oakes was angry.")
    assert "Oakes was disappointed with her first run" in shown


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("was palou upset", "upset"),
        ("is max happy", "happy"),
        ("did albon feel angry", "angry"),
        ("is kmag mad at checo", None),  # a blame question: whom he is mad at
        ("was norris happy with the penalty", None),  # a view of the penalty
        ("was he hurt", None),  # health, not a feeling
        ("who was happy", None),
    ],
)
def test_a_yes_no_feeling_is_one_ending_on_the_feeling(question: str, asked: str | None) -> None:
    felt = asked_feeling(question)
    assert (felt[0] if felt else None) == asked
