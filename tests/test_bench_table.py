"""The README's Performance table prints each figure as measured."""

from __future__ import annotations

import pytest

from bench.table import _num


@pytest.mark.parametrize(
    ("value", "digits", "shown"),
    [
        (70.0, 0, "70"),
        (1.5, 2, "1.5"),
        (2.0, 2, "2"),
        (0.3, 2, "0.3"),
        (150.4, 2, "150"),
        (None, 2, "–"),
    ],
)
def test_numbers_lose_only_their_decimal_zeros(
    value: float | None, digits: int, shown: str
) -> None:
    """70 MB at no decimals stays 70 (it printed as 7)."""
    assert _num(value, digits) == shown
