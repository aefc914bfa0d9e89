"""Settings: defaults, overrides, and one clear line for each bad value."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import SETTINGS_HELP, load_settings
from bot.errors import ConfigError

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"


def test_defaults_apply_when_nothing_is_set() -> None:
    """An empty environment gives the documented defaults and no token."""
    settings = load_settings(env_file=None, environ={})
    assert settings.token is None
    assert settings.database == Path("pitwall.db")
    assert settings.data_dir == Path("data")
    assert settings.guild_id is None
    assert settings.log_level == "INFO"
    assert settings.recap_grace == timedelta(hours=6)


def test_environment_overrides_env_file(tmp_path: Path) -> None:
    """A value in the environment wins over the same key in .env."""
    env = tmp_path / ".env"
    env.write_text("PITWALL_DATABASE=from-file.db\nLOG_LEVEL=DEBUG\n")
    settings = load_settings(env, environ={"PITWALL_DATABASE": "from-env.db"})
    assert settings.database == Path("from-env.db")
    assert settings.log_level == "DEBUG"


def test_token_never_appears_in_repr() -> None:
    """The token is kept out of repr, so logging the settings cannot leak it."""
    settings = load_settings(env_file=None, environ={"DISCORD_TOKEN": TOKEN})
    assert settings.token == TOKEN
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("PITWALL_GUILD_ID", "abc", "PITWALL_GUILD_ID must be a Discord ID"),
        ("PITWALL_GUILD_ID", "12", "PITWALL_GUILD_ID must be a Discord ID"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be one of"),
        ("PITWALL_RECAP_GRACE", "soon", "PITWALL_RECAP_GRACE must be a duration"),
        ("DISCORD_TOKEN", "has a space in it and is long", "DISCORD_TOKEN looks malformed"),
        ("DISCORD_TOKEN", "short", "DISCORD_TOKEN looks malformed"),
        ("PITWALL_SHARD_COUNT", "0", "PITWALL_SHARD_COUNT must be"),
        ("PITWALL_SHARD_IDS", "0", "PITWALL_SHARD_IDS needs PITWALL_SHARD_COUNT"),
    ],
)
def test_bad_setting_names_itself(name: str, value: str, expected: str) -> None:
    """Each malformed setting fails with a message naming it and what is expected."""
    with pytest.raises(ConfigError, match=expected):
        load_settings(env_file=None, environ={name: value})


def test_shard_ids_must_be_below_the_count() -> None:
    """A shard ID outside 0..count-1 is refused."""
    with pytest.raises(ConfigError, match="from 0 to 1"):
        load_settings(env_file=None, environ={"PITWALL_SHARD_COUNT": "2", "PITWALL_SHARD_IDS": "2"})


@pytest.mark.parametrize(
    ("raw", "seconds"), [("90m", 5400), ("2", 7200), ("30s", 30), ("1d", 86400)]
)
def test_grace_accepts_durations(raw: str, seconds: int) -> None:
    """Durations take s/m/h/d suffixes; a bare number means hours."""
    settings = load_settings(env_file=None, environ={"PITWALL_RECAP_GRACE": raw})
    assert settings.recap_grace == timedelta(seconds=seconds)


def test_require_token_explains_how_to_set_it() -> None:
    """Commands that need Discord say where the token comes from."""
    with pytest.raises(ConfigError, match="DISCORD_TOKEN is not set"):
        load_settings(env_file=None, environ={}).require_token()


def test_env_example_lists_every_setting() -> None:
    """.env.example documents every setting the code reads."""
    example = (Path(__file__).parent.parent / ".env.example").read_text()
    for name in SETTINGS_HELP:
        assert f"\n{name}=" in example, name
