"""The command tree, refusing option values Discord itself would never send.

discord.py passes interaction options on unchecked, so a broken or hostile client could hand
a command None, a list, or a value outside its choices. :class:`PitwallTree` checks them
first; the error boundary in :mod:`bot.client` answers the :class:`BadOption` it raises.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

__all__ = ["GARBLED", "BadOption", "PitwallTree", "bad_option"]

_Opt = discord.AppCommandOptionType
_SNOWFLAKE_OPTIONS = frozenset(
    t.value for t in (_Opt.user, _Opt.channel, _Opt.role, _Opt.mentionable, _Opt.attachment)
)


#: What discord.py raises finding the command in interaction data too garbled to read.
GARBLED = (LookupError, TypeError, ValueError, AttributeError)


class BadOption(app_commands.AppCommandError):
    """An option value Discord itself would refuse: the wrong type, or not one of the choices."""

    def __init__(self, name: str | None) -> None:
        self.name = name
        super().__init__(f"option {name or '?'!r} is malformed")


def _leaf_options(data: object) -> object:
    """The options of the command actually invoked (inside any subcommand and group)."""
    options = data.get("options") if isinstance(data, dict) else None
    while (
        isinstance(options, list)
        and options
        and isinstance(options[0], dict)
        and options[0].get("type") in (_Opt.subcommand.value, _Opt.subcommand_group.value)
    ):
        options = options[0].get("options")
    return [] if options is None else options


def _value_fits(option_type: int, value: object, *, focused: bool) -> bool:
    """Whether ``value`` is what Discord sends for an option of this type."""
    if focused and isinstance(value, str):
        return True  # autocomplete sends whatever the user has typed so far
    if isinstance(value, bool):
        return option_type == _Opt.boolean.value
    if option_type == _Opt.string.value:
        return isinstance(value, str)
    if option_type == _Opt.integer.value:
        return isinstance(value, int)
    if option_type == _Opt.number.value:
        return isinstance(value, int | float)
    if option_type in _SNOWFLAKE_OPTIONS:
        return isinstance(value, int | str) and str(value).isdigit()
    return option_type != _Opt.boolean.value


def bad_option(command: app_commands.Command[Any, ..., Any], data: object) -> BadOption | None:
    """The first option whose value Discord would never send, or None when all are sound.

    discord.py passes option values on unchecked (and crashes on some before any handler
    runs), so a broken or hostile client could otherwise hand a command None or a list.
    """
    params = {p.display_name: p for p in command.parameters}
    options = _leaf_options(data)
    if not isinstance(options, list):
        return BadOption(None)
    for option in options:
        if not isinstance(option, dict):
            return BadOption(None)
        name, kind = option.get("name"), option.get("type")
        if not isinstance(name, str) or not isinstance(kind, int) or isinstance(kind, bool):
            return BadOption(None)
        param = params.get(name)
        shown = name if param is not None else None
        focused = bool(option.get("focused"))
        if kind > _Opt.subcommand_group.value and "value" not in option:
            return BadOption(shown)
        value = option.get("value")
        if not _value_fits(kind, value, focused=focused):
            return BadOption(shown)
        if param is None:  # an unknown option is ignored; a missing one is a signature mismatch
            continue
        if kind != param.type.value:
            return BadOption(shown)
        choices = {choice.value for choice in param.choices}
        if choices and not focused and value not in choices:
            return BadOption(shown)
    return None


class PitwallTree(app_commands.CommandTree[Any]):
    """The command tree, refusing option values of the wrong type before any command runs."""

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        try:
            command = interaction.command
        except GARBLED:
            bad = BadOption(None)  # options too garbled to even find the command
        else:
            if not isinstance(command, app_commands.Command):
                return True
            bad = bad_option(command, interaction.data)
        if bad is None:
            return True
        if interaction.type is discord.InteractionType.autocomplete:
            await interaction.response.autocomplete([])
            return False
        raise bad
