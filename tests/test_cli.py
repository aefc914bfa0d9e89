"""The command line as a moderator uses it: exit codes, one-line errors, idempotent ingest."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli_support import run_cli, seed_data_dir
from tests.conftest import SEED


def pitwall(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot`` in ``cwd``; settings default as on a fresh machine."""
    return run_cli(*args, cwd=cwd, env=env)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder laid out like a checkout: data/articles with the seed article."""
    seed_data_dir(tmp_path)
    return tmp_path


def test_ask_answers_offline_on_an_empty_store(workdir: Path) -> None:
    """`ask` ingests the bundled article first and answers without a token."""
    result = pitwall("ask", "what happened on lap 32?", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert "Lap 32" in result.stdout
    assert "George Russell" in result.stdout and "Valtteri Bottas" in result.stdout


def test_ingest_twice_reports_unchanged(workdir: Path) -> None:
    """Re-ingesting the same files loads nothing new."""
    first = pitwall("ingest", cwd=workdir)
    second = pitwall("ingest", cwd=workdir)
    assert first.returncode == second.returncode == 0
    assert "loaded     2021-04-20-russell-bottas" in first.stdout
    assert "unchanged  2021-04-20-russell-bottas" in second.stdout
    assert "1 articles" in second.stdout


def test_malformed_article_is_reported_with_file_and_line(workdir: Path) -> None:
    """A bad file is named with its line; the good one still loads; exit code 1."""
    bad = workdir / "data" / "articles" / "2024-01-01-bad.txt"
    bad.write_text("not a header\n\nA paragraph.\n", encoding="utf-8")
    result = pitwall("ingest", cwd=workdir)
    assert result.returncode == 1
    assert "2024-01-01-bad.txt:1" in result.stderr
    assert "loaded     2021-04-20-russell-bottas" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [("PITWALL_GUILD_ID", "not-a-number"), ("LOG_LEVEL", "LOUD"), ("PITWALL_RECAP_GRACE", "x")],
)
def test_bad_setting_is_one_line_and_exit_2(workdir: Path, name: str, value: str) -> None:
    """A bad setting: one line naming it on stderr, exit code 2, no traceback."""
    result = pitwall("check", cwd=workdir, **{name: value})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0]


def test_run_without_token_explains(workdir: Path) -> None:
    """`run` with no token says where to set it and exits 2."""
    result = pitwall("run", cwd=workdir)
    assert result.returncode == 2
    assert "DISCORD_TOKEN is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_passes_on_good_data(workdir: Path) -> None:
    """`check` exits 0 when settings, articles and store are all usable."""
    result = pitwall("check", cwd=workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "article    ok 2021-04-20-russell-bottas.txt" in result.stdout


def test_check_fails_on_a_corrupt_store(workdir: Path) -> None:
    """A store that is not SQLite makes `check` exit non-zero, naming the file."""
    (workdir / "pitwall.db").write_bytes(b"garbage" * 1000)
    result = pitwall("check", cwd=workdir)
    assert result.returncode != 0
    assert "pitwall.db" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_token_never_printed(workdir: Path) -> None:
    """Even `check`, which shows the settings, never prints the token."""
    token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret-token-value-abcdefghijklmnop"
    result = pitwall("check", cwd=workdir, DISCORD_TOKEN=token)
    assert token not in result.stdout + result.stderr


def test_draft_writes_a_reviewable_annotation(workdir: Path, tmp_path: Path) -> None:
    """`ingest --draft` writes TOML naming the article's people."""
    draft = tmp_path / "draft.toml"
    article = workdir / "data" / "articles" / SEED.name
    result = pitwall("ingest", "--draft", str(draft), str(article), cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert 'name = "George Russell"' in draft.read_text(encoding="utf-8")
