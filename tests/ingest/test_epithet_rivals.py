"""An epithet that fits two people of one paragraph names neither (issue 9, unseen3)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        pytest.param(
            'Fernando Alonso passed Carlos Sainz late on. "I saw a gap," the Spaniard said.',
            None,
            id="two-spaniards-one-passing-the-other",
        ),
        pytest.param(
            'Carlos Sainz and Fernando Alonso both struggled. "Undriveable," the Spaniard said.',
            None,
            id="two-spaniards-together",
        ),
        pytest.param(
            'Lando Norris finished ahead of Max Verstappen. "A good day," the Briton said.',
            "Lando Norris",
            id="the-subject-and-someone-it-does-not-fit",
        ),
        pytest.param(
            'Max Verstappen passed Lando Norris. "That was tight," the Briton said.',
            "Lando Norris",
            id="the-one-person-it-fits",
        ),
    ],
)
def test_an_epithet_names_someone_only_when_one_person_fits(
    paragraph: str, speaker: str | None
) -> None:
    """The current subject takes the epithet unless another person named there fits too."""
    texts = [paragraph]
    (quote,) = extract_quotes(texts, discover_people(texts), published=date(2024, 11, 4))
    assert quote.speaker == speaker
