"""The moderator cogs' shared checks: only web links reach the intake from Discord."""

from __future__ import annotations

import pytest

from bot.errors import UserError
from cogs._moderator import MESSAGE_LIMIT, fit, require_web_link


@pytest.mark.parametrize(
    ("given", "taken"),
    [
        ("https://example.test/a", "https://example.test/a"),
        ("  <http://example.test/a?b=1>  ", "http://example.test/a?b=1"),
        ("HTTPS://Example.test/", "HTTPS://Example.test/"),
    ],
)
def test_web_links_are_taken(given: str, taken: str) -> None:
    """http(s) links pass, without the spaces or angle brackets Discord users add."""
    assert require_web_link(given) == taken


@pytest.mark.parametrize(
    "given",
    [
        "/etc/passwd",
        "~/notes.txt",
        "file:///etc/passwd",
        "ftp://host/x",
        "https://",
        "C:\\x.html",
        "javascript:alert(1)",
        "example.test/a",
        "@everyone",
    ],
)
def test_anything_else_is_refused_with_one_line(given: str) -> None:
    """Paths and other schemes never reach the intake: nobody reads the bot host's files."""
    with pytest.raises(UserError, match="https://"):
        require_web_link(given)


def test_long_replies_are_cut_at_a_line_and_say_so() -> None:
    text = "\n".join(f"line {i}" for i in range(1000))
    cut = fit(text)
    assert len(cut) <= MESSAGE_LIMIT and cut.endswith("(more not shown)")
    assert fit("short") == "short"
