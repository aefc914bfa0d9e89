"""`ingest --explain` and the register check, as a moderator runs them (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_support import run_cli, seed_data_dir


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder laid out like a checkout: data/articles with the seed article."""
    seed_data_dir(tmp_path)
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


ARTICLE = """date 2024-03-10 Stroll out early

Lance Stroll crashed out on lap six after clipping the wall.

"I just touched it slightly and the suspension broke," said Stroll.

"It is a tough way to start the year."

"Go Lance!" came the cry from the grandstand.
"""


def test_explain_prints_speaker_and_cue_of_every_quote(workdir: Path) -> None:
    """Each quote is listed with its speaker, or unattributed, and the cue that decided."""
    path = write(workdir, "2024-03-10-stroll.txt", ARTICLE)
    result = run_cli("ingest", "--explain", str(path), cwd=workdir)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "3 quotes, 2 attributed, 1 unattributed" in out
    assert '¶2   Lance Stroll: "I just touched it slightly' in out
    assert 'by tag "said Stroll" (paragraph 2)' in out
    assert "by follow-on paragraph: continues the quote of paragraph 2 (paragraph 2)" in out
    assert '¶4   unattributed: "Go Lance!"' in out
    assert "INFO" not in out + result.stderr


def test_explain_loads_nothing_into_the_store(workdir: Path) -> None:
    """Explaining is a review: the store is not written."""
    path = write(workdir, "2024-03-10-stroll.txt", ARTICLE)
    run_cli("ingest", "--explain", str(path), cwd=workdir)
    assert not (workdir / "pitwall.db").exists()


def test_explain_names_a_bad_file_and_exits_1(workdir: Path) -> None:
    """A malformed article is reported with its file and line, exit code 1."""
    path = write(workdir, "2024-01-01-bad.txt", "no header\n\ntext\n")
    result = run_cli("ingest", "--explain", str(path), cwd=workdir)
    assert result.returncode == 1
    assert "2024-01-01-bad.txt:1" in result.stderr


def test_check_reports_a_bad_register_entry(workdir: Path) -> None:
    """`check` validates data/people/ and exits 1 naming the file of a bad entry."""
    people = workdir / "data" / "people"
    people.mkdir()
    write(people, "nationalities.toml", '[Dutch]\ndemonyms = ["Dutchman"]\n')
    write(people, "f1.toml", '[[person]]\nname = "Max Verstappen"\nborn = "soon"\n')
    result = run_cli("check", cwd=workdir)
    assert result.returncode == 1
    assert "register   PROBLEM" in result.stdout
    assert "f1.toml" in result.stdout


def test_check_passes_a_good_register(workdir: Path) -> None:
    """A well-formed register is reported ok."""
    people = workdir / "data" / "people"
    people.mkdir()
    write(people, "nationalities.toml", '[Dutch]\ndemonyms = ["Dutchman"]\n')
    write(
        people,
        "f1.toml",
        '[[person]]\nname = "Max Verstappen"\nnationality = "Dutch"\nborn = 1997\n'
        'roles = ["driver"]\nseries = ["F1"]\n',
    )
    result = run_cli("check", cwd=workdir)
    assert "register   ok" in result.stdout, result.stdout
    assert result.returncode == 0, result.stdout
