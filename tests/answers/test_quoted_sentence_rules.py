"""Narration that introduces words spoken runs on to the end of the quotation it opens: a
sentence shown as "... said it was short: "Stay calm." cuts the words a fan asked for. A
quotation opening its own sentence is split as before. On invented sentences."""

from __future__ import annotations

from bot.answers.passages import _left_open, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_narration_runs_on_to_the_end_of_the_quotation_it_opens() -> None:
    text = (
        'Asked for his advice, the elder Ortega kept it short: "Stay calm. Brake late. '
        'And never argue on the radio." Then he left for the airport.'
    )
    assert _sentences(text) == [
        'Asked for his advice, the elder Ortega kept it short: "Stay calm. Brake late. '
        'And never argue on the radio."',
        "Then he left for the airport.",
    ]


def test_curly_quotation_marks_too() -> None:
    text = "Berg said the plan was “simple. Very simple.” The team agreed."
    assert _sentences(text) == [
        "Berg said the plan was “simple. Very simple.”",
        "The team agreed.",
    ]


def test_a_quotation_opening_its_sentence_is_split_as_before() -> None:
    text = '"Stay calm. Brake late," Ortega said. He smiled.'
    assert _sentences(text) == ['"Stay calm.', 'Brake late," Ortega said.', "He smiled."]


def test_a_quotations_first_half_leaves_it_open() -> None:
    """The rest of the quotation follows in the next sentence, and is shown with it."""
    assert _left_open('"The rear tyres went off on the opening stint.')
    assert _left_open("“The rear tyres went off on the opening stint.")
    assert not _left_open('After that I was a passenger for forty laps," Dunmore said.')
    assert not _left_open("After that I was a passenger for forty laps,” Dunmore said.")
    assert not _left_open('"I was a passenger," Dunmore said.')
