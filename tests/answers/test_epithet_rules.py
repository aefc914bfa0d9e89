"""An epithet a person is known by ("the Thai", "the Dane") is also an everyday adjective: a
story about a promoter or a crowd of that nation names no one, however many of them a growing
store holds. On invented sentences."""

from __future__ import annotations

import pytest

from bot.answers.passages import _mentions

#: The epithet of an invented driver, as the people index gives it (folded).
FORMS = {"the dane", "mads holm", "holm"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Dane finished third after a late stop.",
        "The Dane driver retired on lap 12.",
        "Holm's team-mate waited, and the Dane, who started ninth, took the lead.",
        "The Dane spun at Turn 4.",
        "The Dane said he had no grip.",
        "The Dane eventually pitted for new tyres.",
        "The Dane's engine failed.",
        "It was a good day for the Dane.",
    ],
)
def test_an_epithet_as_a_person_names_them(sentence: str) -> None:
    assert _mentions(sentence, FORMS)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Dane promoter was not so restrained.",
        "Tickets went on sale and the Dane crowd filled the main stand.",
        "The Dane government will pay for the new pit building.",
        "The Dane Grand Prix returns in May.",
    ],
)
def test_an_epithet_before_another_noun_is_an_adjective(sentence: str) -> None:
    assert not _mentions(sentence, FORMS)
