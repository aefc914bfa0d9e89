"""Article files: the header, the paragraphs, and every way a file can be refused."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from bot.errors import IngestError
from bot.ingest.parse import MAX_ARTICLE_BYTES, parse_article
from tests.ingest.helpers import SEED

BAD_FILES = [
    pytest.param(b"", 1, "empty", id="empty"),
    pytest.param(b"\n  \n\t\n", 1, "empty", id="blank-lines-only"),
    pytest.param(b"date 2021-04-20 Head\n\nbody\x00more\n", 3, "binary", id="nul-byte"),
    pytest.param(b"date 2021-04-20 Head\n\n\xff\xfe body\n", 3, "not UTF-8", id="latin-1"),
    pytest.param(b"Russell wins\n\nbody\n", 1, "date YYYY-MM-DD headline", id="no-header"),
    pytest.param(b"dated 2021-04-20 Head\n\nbody\n", 1, "date YYYY-MM-DD headline", id="bad-word"),
    pytest.param(b"date 2021-02-30 Head\n\nbody\n", 1, "invalid date", id="impossible-date"),
    pytest.param(b"date 20-04-2021 Head\n\nbody\n", 1, "YYYY-MM-DD", id="wrong-date-order"),
    pytest.param(b"date 2021-04-20\n\nbody\n", 1, "headline", id="no-headline"),
    pytest.param(b"date\n\nbody\n", 1, "date is missing", id="no-date"),
    pytest.param(b"\n\ndate 2021-04-20 Head\n\n\n", 3, "no paragraphs", id="no-paragraphs"),
]


@pytest.mark.parametrize(("content", "line", "message"), BAD_FILES)
def test_malformed_file_is_refused_with_line_and_reason(
    tmp_path: Path, content: bytes, line: int, message: str
) -> None:
    """Each malformed file raises IngestError naming the line and what is wrong."""
    path = tmp_path / "2024-01-01-bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        parse_article(path)
    assert caught.value.line == line
    assert message in caught.value.message
    assert caught.value.path == path


def test_five_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    """A huge file is refused as too large, from its size, without reading it all."""
    path = tmp_path / "2024-01-01-huge.txt"
    path.write_bytes(b"date 2024-01-01 Huge\n\n" + b"x" * (5 * 1024 * 1024))
    started = time.perf_counter()
    with pytest.raises(IngestError, match="too large"):
        parse_article(path)
    assert time.perf_counter() - started < 0.5


def test_file_just_under_the_limit_is_accepted(tmp_path: Path) -> None:
    """The size limit refuses only files over it."""
    head = b"date 2024-01-01 Long\n\n"
    path = tmp_path / "2024-01-01-long.txt"
    path.write_bytes(head + b"word " * ((MAX_ARTICLE_BYTES - len(head)) // 5))
    assert len(parse_article(path).paragraphs) == 1


@pytest.mark.parametrize("over", [False, True], ids=["grows-under", "grows-over"])
def test_file_grown_since_its_size_was_read_is_read_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, over: bool
) -> None:
    """A file longer than its stat() said (written meanwhile) is read whole, or refused
    once past the limit: reading first what stat() gave must not cut it short."""
    head = b"date 2024-01-01 Grown\n\n"
    body = b"word " * ((MAX_ARTICLE_BYTES if over else 4000) // 5 + 1)
    path = tmp_path / "2024-01-01-grown.txt"
    path.write_bytes(head + body)
    real_stat = Path.stat

    class Small:
        st_size = 10

    def stat(self: Path, **kwargs: object) -> object:
        return Small() if self == path else real_stat(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", stat)
    if over:
        with pytest.raises(IngestError, match="over"):
            parse_article(path)
    else:
        assert parse_article(path).paragraphs[0].endswith("word")
        assert len(parse_article(path).paragraphs[0]) == len(body) - 1


def test_missing_file_is_an_ingest_error(tmp_path: Path) -> None:
    """A path that does not exist is reported, not a traceback."""
    with pytest.raises(IngestError, match="no such file"):
        parse_article(tmp_path / "nope.txt")


def test_seed_header_with_leading_space_parses() -> None:
    """The seed's header has a leading space and still gives date, headline and slug."""
    parsed = parse_article(SEED)
    assert parsed.slug == "2021-04-20-russell-bottas"
    assert parsed.published == date(2021, 4, 20)
    assert parsed.headline.startswith("George Russell was seeing red after the Italian GP")
    assert len(parsed.paragraphs) == 17
    assert parsed.paragraphs[0].startswith("George Russell has backed down")


def test_bom_crlf_and_hard_wraps_are_tolerated(tmp_path: Path) -> None:
    """A BOM, CRLF line ends and hard-wrapped paragraphs give clean joined paragraphs."""
    path = tmp_path / "2024-01-01-wrapped.txt"
    path.write_bytes(
        "\ufeff  date 2024-01-01 Wrapped  \r\n\r\n"
        "One line\r\n  and its wrap.\r\n\r\nTwo.\r\n".encode()
    )
    parsed = parse_article(path)
    assert parsed.headline == "Wrapped"
    assert parsed.paragraphs == ("One line and its wrap.", "Two.")
    assert parsed.paragraph_lines == (3, 6)


def test_raw_bytes_are_kept_for_hashing(tmp_path: Path) -> None:
    """The parsed text keeps the exact file bytes, so any edit changes the hash input."""
    content = b"date 2024-01-01 H\n\nBody.\n"
    path = tmp_path / "2024-01-01-raw.txt"
    path.write_bytes(content)
    assert parse_article(path).raw == content


def test_a_lists_items_are_paragraphs_of_their_own(tmp_path: Path) -> None:
    """A calendar typed as a numbered list: each item its own paragraph (with its own line),
    never one run-on paragraph gluing each row's number to the row before."""
    path = tmp_path / "2027-01-01-invented-calendar.txt"
    path.write_text(
        "date 2027-01-01 Invented calendar\n\n"
        "The calendar:\n"
        "1. Valmont Grand Prix, Valmont, March 7\n"
        "2. Korvale Grand Prix, Korvale, March 21\n"
        "- Dunmere is gone\n\n"
        "Two of the rounds are new.\n",
        encoding="utf-8",
    )
    parsed = parse_article(path)
    assert parsed.paragraphs == (
        "The calendar:",
        "1. Valmont Grand Prix, Valmont, March 7",
        "2. Korvale Grand Prix, Korvale, March 21",
        "- Dunmere is gone",
        "Two of the rounds are new.",
    )
    assert parsed.paragraph_lines == (3, 4, 5, 6, 8)


def test_one_line_opening_like_an_item_is_no_list(tmp_path: Path) -> None:
    """A hard-wrapped paragraph whose second line happens to open with "2." stays whole."""
    path = tmp_path / "2027-01-01-invented-wrap.txt"
    path.write_text(
        "date 2027-01-01 Invented wrap\n\nValmont finished the season in second, then\n"
        "2. place went to Korvale.\n",
        encoding="utf-8",
    )
    assert parse_article(path).paragraphs == (
        "Valmont finished the season in second, then 2. place went to Korvale.",
    )
