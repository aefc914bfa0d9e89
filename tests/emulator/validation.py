"""Check payloads the bot sends against Discord's limits and Pitwall's own rules.

Each function returns a list of :class:`Problem` instead of raising, so the emulator can both
record every problem for the test and answer the bot the way real Discord would (a 400 with
code 50035 for anything Discord itself rejects). Pure functions: the self-test calls them
directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Problem",
    "form_body_error",
    "is_empty_message",
    "validate_allowed_mentions",
    "validate_autocomplete",
    "validate_callback",
    "validate_commands",
    "validate_components",
    "validate_embeds",
    "validate_message",
    "validate_modal",
]

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_EMBED_TITLE = 256
MAX_EMBED_DESCRIPTION = 4096
MAX_EMBED_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER_TEXT = 2048
MAX_AUTHOR_NAME = 256
MAX_EMBED_TOTAL = 6000
MAX_ACTION_ROWS = 5
MAX_ROW_BUTTONS = 5
MAX_CUSTOM_ID = 100
MAX_BUTTON_LABEL = 80
MAX_V2_COMPONENTS = 40
MAX_CHOICES = 25
MAX_CHOICE_NAME = 100
MAX_CHOICE_STRING_VALUE = 100
MAX_OPTIONS = 25
MAX_COMMAND_DESCRIPTION = 100
MAX_COMMAND_TOTAL_CHARS = 8000
MAX_ATTACHMENTS = 10
MAX_MODAL_TITLE = 45

COMMAND_NAME_RE = re.compile(r"^[-_\w]{1,32}$")
FLAG_EPHEMERAL = 1 << 6
FLAG_SUPPRESS_EMBEDS = 1 << 2
FLAG_SUPPRESS_NOTIFICATIONS = 1 << 12
FLAG_COMPONENTS_V2 = 1 << 15
SENDABLE_FLAGS = (
    FLAG_EPHEMERAL | FLAG_SUPPRESS_EMBEDS | FLAG_SUPPRESS_NOTIFICATIONS | FLAG_COMPONENTS_V2
)
SELECT_TYPES = {3, 5, 6, 7, 8}
SUBCOMMAND, SUBCOMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = (
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a payload.

    ``rejected`` is True when real Discord would answer 400; False for Pitwall-only rules
    (Discord accepts the payload, but our project forbids it).
    """

    path: str
    message: str
    code: str = "BASE_TYPE_INVALID"
    rejected: bool = True

    def __str__(self) -> str:
        return f"{self.path or '<root>'}: {self.message}"


def _join(prefix: str, key: str | int) -> str:
    return f"{prefix}.{key}" if prefix else str(key)


def _max_len(value: Any, limit: int, path: str, out: list[Problem], *, minimum: int = 0) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        out.append(
            Problem(path, f"must be a string, got {type(value).__name__}", "BASE_TYPE_STRING")
        )
        return
    if len(value) > limit:
        out.append(Problem(path, f"length {len(value)} > {limit}", "BASE_TYPE_MAX_LENGTH"))
    elif len(value) < minimum:
        out.append(Problem(path, f"length {len(value)} < {minimum}", "BASE_TYPE_MIN_LENGTH"))


def validate_embeds(embeds: Any, prefix: str = "embeds") -> list[Problem]:
    """Check embed count, per-field lengths and the 6000-character total across all embeds."""
    out: list[Problem] = []
    if embeds is None:
        return out
    if not isinstance(embeds, list):
        return [Problem(prefix, "must be a list", "BASE_TYPE_LIST")]
    if len(embeds) > MAX_EMBEDS:
        out.append(Problem(prefix, f"{len(embeds)} embeds > {MAX_EMBEDS}", "BASE_TYPE_MAX_LENGTH"))
    total = 0
    for i, embed in enumerate(embeds):
        path = _join(prefix, i)
        if not isinstance(embed, dict):
            out.append(Problem(path, "must be an object", "DICT_TYPE_CONVERT"))
            continue
        title = embed.get("title")
        description = embed.get("description")
        _max_len(title, MAX_EMBED_TITLE, _join(path, "title"), out)
        _max_len(description, MAX_EMBED_DESCRIPTION, _join(path, "description"), out)
        total += len(title or "") + len(description or "")
        fields = embed.get("fields") or []
        if len(fields) > MAX_EMBED_FIELDS:
            out.append(
                Problem(
                    _join(path, "fields"),
                    f"{len(fields)} fields > {MAX_EMBED_FIELDS}",
                    "BASE_TYPE_MAX_LENGTH",
                )
            )
        for j, fld in enumerate(fields):
            fpath = _join(_join(path, "fields"), j)
            name, value = fld.get("name"), fld.get("value")
            if not name:
                out.append(
                    Problem(_join(fpath, "name"), "field name is required", "BASE_TYPE_REQUIRED")
                )
            if value is None or value == "":
                out.append(
                    Problem(_join(fpath, "value"), "field value is required", "BASE_TYPE_REQUIRED")
                )
            _max_len(name, MAX_FIELD_NAME, _join(fpath, "name"), out)
            _max_len(value, MAX_FIELD_VALUE, _join(fpath, "value"), out)
            total += len(name or "") + len(value or "")
        footer = embed.get("footer") or {}
        _max_len(footer.get("text"), MAX_FOOTER_TEXT, _join(path, "footer.text"), out)
        total += len(footer.get("text") or "")
        author = embed.get("author") or {}
        _max_len(author.get("name"), MAX_AUTHOR_NAME, _join(path, "author.name"), out)
        total += len(author.get("name") or "")
        color = embed.get("color")
        if color is not None and not (isinstance(color, int) and 0 <= color <= 0xFFFFFF):
            out.append(
                Problem(_join(path, "color"), f"invalid colour {color!r}", "NUMBER_TYPE_MAX")
            )
    if total > MAX_EMBED_TOTAL:
        out.append(
            Problem(
                prefix,
                f"embeds total {total} characters > {MAX_EMBED_TOTAL}",
                "MAX_EMBED_SIZE_EXCEEDED",
            )
        )
    return out


def _check_interactive(comp: dict[str, Any], path: str, seen: set[str], out: list[Problem]) -> None:
    """Check custom_id/label rules shared by buttons and selects, v1 and v2 layouts alike."""
    ctype = comp.get("type")
    custom_id = comp.get("custom_id")
    if ctype == 2:
        style = comp.get("style")
        if style == 5:
            if not comp.get("url"):
                out.append(
                    Problem(_join(path, "url"), "link button needs a url", "BASE_TYPE_REQUIRED")
                )
            if custom_id is not None:
                out.append(Problem(_join(path, "custom_id"), "link button cannot have custom_id"))
        elif style == 6:
            if not comp.get("sku_id"):
                out.append(
                    Problem(
                        _join(path, "sku_id"), "premium button needs sku_id", "BASE_TYPE_REQUIRED"
                    )
                )
        elif not custom_id:
            out.append(
                Problem(_join(path, "custom_id"), "button needs a custom_id", "BASE_TYPE_REQUIRED")
            )
        _max_len(comp.get("label"), MAX_BUTTON_LABEL, _join(path, "label"), out)
    if ctype in SELECT_TYPES and not custom_id:
        out.append(
            Problem(_join(path, "custom_id"), "select needs a custom_id", "BASE_TYPE_REQUIRED")
        )
    if ctype in SELECT_TYPES:
        options = comp.get("options") or []
        if ctype == 3 and not 1 <= len(options) <= 25:
            out.append(Problem(_join(path, "options"), f"{len(options)} options, need 1..25"))
        for k, opt in enumerate(options):
            _max_len(
                opt.get("label"), 100, _join(_join(path, "options"), f"{k}.label"), out, minimum=1
            )
            _max_len(
                opt.get("value"), 100, _join(_join(path, "options"), f"{k}.value"), out, minimum=1
            )
            _max_len(
                opt.get("description"), 100, _join(_join(path, "options"), f"{k}.description"), out
            )
        _max_len(comp.get("placeholder"), 150, _join(path, "placeholder"), out)
    if custom_id is not None:
        _max_len(custom_id, MAX_CUSTOM_ID, _join(path, "custom_id"), out, minimum=1)
        if custom_id in seen:
            out.append(
                Problem(
                    _join(path, "custom_id"),
                    f"duplicate custom_id {custom_id!r}",
                    "COMPONENT_CUSTOM_ID_DUPLICATED",
                )
            )
        seen.add(custom_id)


def _walk_v2(comp: Any, path: str, seen: set[str], out: list[Problem]) -> int:
    if not isinstance(comp, dict):
        out.append(Problem(path, "component must be an object"))
        return 0
    _check_interactive(comp, path, seen, out)
    count = 1
    for key in ("components", "accessory"):
        child = comp.get(key)
        if isinstance(child, list):
            for i, sub in enumerate(child):
                count += _walk_v2(sub, _join(_join(path, key), i), seen, out)
        elif isinstance(child, dict):
            count += _walk_v2(child, _join(path, key), seen, out)
    return count


def validate_components(
    components: Any, flags: int = 0, prefix: str = "components"
) -> list[Problem]:
    """Check action rows, buttons, selects and custom_ids (v1), or the 40-component v2 cap."""
    out: list[Problem] = []
    if components is None:
        return out
    if not isinstance(components, list):
        return [Problem(prefix, "must be a list", "BASE_TYPE_LIST")]
    seen: set[str] = set()
    if flags & FLAG_COMPONENTS_V2:
        total = sum(_walk_v2(c, _join(prefix, i), seen, out) for i, c in enumerate(components))
        if total > MAX_V2_COMPONENTS:
            out.append(
                Problem(prefix, f"{total} components > {MAX_V2_COMPONENTS}", "BASE_TYPE_MAX_LENGTH")
            )
        return out
    if len(components) > MAX_ACTION_ROWS:
        out.append(
            Problem(
                prefix, f"{len(components)} action rows > {MAX_ACTION_ROWS}", "BASE_TYPE_MAX_LENGTH"
            )
        )
    for i, row in enumerate(components):
        path = _join(prefix, i)
        if not isinstance(row, dict) or row.get("type") != 1:
            out.append(
                Problem(
                    path, "top-level components must be action rows (type 1)", "UNION_TYPE_CHOICES"
                )
            )
            continue
        children = row.get("components") or []
        if not children:
            out.append(
                Problem(_join(path, "components"), "action row is empty", "BASE_TYPE_MIN_LENGTH")
            )
        buttons = [c for c in children if isinstance(c, dict) and c.get("type") == 2]
        selects = [c for c in children if isinstance(c, dict) and c.get("type") in SELECT_TYPES]
        if len(buttons) > MAX_ROW_BUTTONS:
            out.append(
                Problem(
                    _join(path, "components"),
                    f"{len(buttons)} buttons in one row > {MAX_ROW_BUTTONS}",
                    "BASE_TYPE_MAX_LENGTH",
                )
            )
        if selects and len(children) > 1:
            out.append(Problem(_join(path, "components"), "a select menu must be alone in its row"))
        for j, comp in enumerate(children):
            if isinstance(comp, dict):
                _check_interactive(comp, _join(_join(path, "components"), j), seen, out)
    return out


def validate_allowed_mentions(payload: dict[str, Any], *, editing: bool = False) -> list[Problem]:
    """Apply Pitwall's rule: every message payload pings nobody.

    Creating a message must always carry ``allowed_mentions`` with ``parse == []`` and no
    user/role lists; an edit must carry it whenever it sets ``content`` (discord.py only sends
    it then, and only content can ping). ``replied_user`` must be false or absent.
    """
    out: list[Problem] = []
    path = "allowed_mentions"
    if "allowed_mentions" not in payload or payload.get("allowed_mentions") is None:
        if not editing or payload.get("content"):
            out.append(
                Problem(
                    path,
                    "missing: Pitwall requires allowed_mentions={'parse': []}",
                    "PITWALL_RULE",
                    False,
                )
            )
        return out
    am = payload["allowed_mentions"]
    if not isinstance(am, dict):
        return [Problem(path, "must be an object", "PITWALL_RULE", False)]
    if am.get("parse") != []:
        out.append(
            Problem(
                _join(path, "parse"), f"must be [], got {am.get('parse')!r}", "PITWALL_RULE", False
            )
        )
    for key in ("users", "roles"):
        if am.get(key):
            out.append(
                Problem(_join(path, key), f"must be empty, got {am[key]!r}", "PITWALL_RULE", False)
            )
    if am.get("replied_user"):
        out.append(
            Problem(_join(path, "replied_user"), "must be false or absent", "PITWALL_RULE", False)
        )
    return out


def is_empty_message(payload: dict[str, Any], *, file_count: int = 0) -> bool:
    """Return True when a message would have nothing to show (Discord error 50006)."""
    return not (
        payload.get("content")
        or payload.get("embeds")
        or payload.get("components")
        or payload.get("attachments")
        or payload.get("sticker_ids")
        or payload.get("poll")
        or file_count
    )


def validate_message(
    payload: Any,
    *,
    editing: bool = False,
    file_count: int = 0,
    pitwall_rules: bool = True,
) -> list[Problem]:
    """Check a message create/edit payload (channel message, callback data, webhook body)."""
    if not isinstance(payload, dict):
        return [Problem("", "message payload must be a JSON object", "DICT_TYPE_CONVERT")]
    out: list[Problem] = []
    content = payload.get("content")
    if content is not None:
        _max_len(content, MAX_CONTENT, "content", out)
    flags = payload.get("flags") or 0
    if not isinstance(flags, int):
        out.append(Problem("flags", "must be an integer", "NUMBER_TYPE_COERCE"))
        flags = 0
    elif flags & ~SENDABLE_FLAGS:
        out.append(Problem("flags", f"flags {flags} include bits a bot cannot set"))
    out.extend(validate_embeds(payload.get("embeds")))
    out.extend(validate_components(payload.get("components"), flags))
    if flags & FLAG_COMPONENTS_V2 and (content or payload.get("embeds")):
        out.append(Problem("content", "content/embeds cannot be used with IS_COMPONENTS_V2"))
    attachments = payload.get("attachments") or []
    if len(attachments) > MAX_ATTACHMENTS or file_count > MAX_ATTACHMENTS:
        out.append(
            Problem(
                "attachments", f"more than {MAX_ATTACHMENTS} attachments", "BASE_TYPE_MAX_LENGTH"
            )
        )
    if not editing and is_empty_message(payload, file_count=file_count):
        out.append(Problem("", "Cannot send an empty message", "EMPTY_MESSAGE"))
    if pitwall_rules:
        out.extend(validate_allowed_mentions(payload, editing=editing))
    return out


def validate_autocomplete(data: Any) -> list[Problem]:
    """Check an autocomplete result: at most 25 choices, names 1..100, string values <= 100."""
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        return [
            Problem(
                "data.choices", "autocomplete result needs a choices list", "BASE_TYPE_REQUIRED"
            )
        ]
    out: list[Problem] = []
    choices = data["choices"]
    if len(choices) > MAX_CHOICES:
        out.append(
            Problem(
                "data.choices", f"{len(choices)} choices > {MAX_CHOICES}", "BASE_TYPE_MAX_LENGTH"
            )
        )
    for i, choice in enumerate(choices):
        path = f"data.choices.{i}"
        name = choice.get("name")
        _max_len(name, MAX_CHOICE_NAME, f"{path}.name", out, minimum=1)
        if name is None:
            out.append(Problem(f"{path}.name", "choice name is required", "BASE_TYPE_REQUIRED"))
        value = choice.get("value")
        if isinstance(value, str):
            _max_len(value, MAX_CHOICE_STRING_VALUE, f"{path}.value", out)
        elif not isinstance(value, (int, float)) or isinstance(value, bool):
            out.append(Problem(f"{path}.value", f"invalid choice value {value!r}"))
    return out


def validate_modal(data: Any) -> list[Problem]:
    """Check a modal: custom_id 1..100, title 1..45, 1..5 top-level components."""
    if not isinstance(data, dict):
        return [Problem("data", "modal data is required", "BASE_TYPE_REQUIRED")]
    out: list[Problem] = []
    _max_len(data.get("custom_id"), MAX_CUSTOM_ID, "data.custom_id", out, minimum=1)
    _max_len(data.get("title"), MAX_MODAL_TITLE, "data.title", out, minimum=1)
    components = data.get("components") or []
    if not 1 <= len(components) <= 5:
        out.append(Problem("data.components", f"{len(components)} components, need 1..5"))
    seen: set[str] = set()
    for i, comp in enumerate(components):
        _walk_v2(comp, f"data.components.{i}", seen, out)
    return out


def validate_callback(body: Any, interaction_type: int, *, file_count: int = 0) -> list[Problem]:
    """Check an interaction callback body for the interaction it answers.

    Interaction types: 1 ping, 2 command, 3 component, 4 autocomplete, 5 modal submit.
    """
    if not isinstance(body, dict) or not isinstance(body.get("type"), int):
        return [Problem("type", "callback needs an integer type", "BASE_TYPE_REQUIRED")]
    ctype = body["type"]
    data = body.get("data")
    allowed = {
        1: {1},
        2: {4, 5, 9},
        3: {4, 5, 6, 7, 9},
        4: {8},
        5: {4, 5, 6, 7},
    }.get(interaction_type, set())
    if ctype not in allowed:
        return [
            Problem(
                "type",
                f"callback type {ctype} is not valid for interaction type {interaction_type}",
                "INTERACTION_RESPONSE_TYPE_INVALID",
            )
        ]
    if ctype == 4:
        return [_prefixed(p, "data") for p in validate_message(data, file_count=file_count)]
    if ctype == 7:
        return [
            _prefixed(p, "data")
            for p in validate_message(data or {}, editing=True, file_count=file_count)
        ]
    if ctype in (5, 6):
        flags = (data or {}).get("flags") or 0
        if flags & ~FLAG_EPHEMERAL:
            return [Problem("data.flags", f"only EPHEMERAL may be set when deferring, got {flags}")]
        return []
    if ctype == 8:
        return validate_autocomplete(data)
    if ctype == 9:
        return validate_modal(data)
    return []


def _prefixed(problem: Problem, prefix: str) -> Problem:
    return Problem(
        _join(prefix, problem.path) if problem.path else prefix,
        problem.message,
        problem.code,
        problem.rejected,
    )


def _validate_option(opt: Any, path: str, depth: int, out: list[Problem]) -> int:
    """Validate one option recursively; return its character count toward the command total."""
    if not isinstance(opt, dict):
        out.append(Problem(path, "option must be an object"))
        return 0
    otype = opt.get("type")
    name = opt.get("name")
    chars = 0
    if not isinstance(name, str) or not COMMAND_NAME_RE.match(name) or name != name.lower():
        out.append(
            Problem(
                _join(path, "name"),
                f"invalid option name {name!r}",
                "APPLICATION_COMMAND_INVALID_NAME",
            )
        )
    description = opt.get("description")
    if not isinstance(description, str) or not 1 <= len(description) <= MAX_COMMAND_DESCRIPTION:
        out.append(
            Problem(
                _join(path, "description"), f"description must be 1..100 chars, got {description!r}"
            )
        )
    chars += len(name or "") + len(description or "")
    if otype not in range(1, 12):
        out.append(Problem(_join(path, "type"), f"unknown option type {otype!r}"))
        return chars
    if otype in (SUBCOMMAND, SUBCOMMAND_GROUP):
        if opt.get("required"):
            out.append(Problem(_join(path, "required"), "subcommands cannot be required"))
        if otype == SUBCOMMAND_GROUP and depth > 0:
            out.append(Problem(path, "subcommand groups cannot be nested"))
        if otype == SUBCOMMAND and depth > 1:
            out.append(Problem(path, "subcommands nest at most one group deep"))
        children = opt.get("options") or []
        if otype == SUBCOMMAND_GROUP and any(
            isinstance(c, dict) and c.get("type") != SUBCOMMAND for c in children
        ):
            out.append(
                Problem(_join(path, "options"), "a subcommand group may only contain subcommands")
            )
        if otype == SUBCOMMAND and any(
            isinstance(c, dict) and c.get("type") in (SUBCOMMAND, SUBCOMMAND_GROUP)
            for c in children
        ):
            out.append(Problem(_join(path, "options"), "a subcommand cannot contain subcommands"))
        chars += _validate_option_list(children, _join(path, "options"), depth + 1, out)
        return chars
    choices = opt.get("choices")
    if choices:
        if otype not in (STRING, INTEGER, NUMBER):
            out.append(
                Problem(
                    _join(path, "choices"), "choices only apply to string/integer/number options"
                )
            )
        if opt.get("autocomplete"):
            out.append(
                Problem(_join(path, "autocomplete"), "autocomplete cannot be combined with choices")
            )
        if len(choices) > MAX_CHOICES:
            out.append(
                Problem(
                    _join(path, "choices"),
                    f"{len(choices)} choices > {MAX_CHOICES}",
                    "BASE_TYPE_MAX_LENGTH",
                )
            )
        for i, choice in enumerate(choices):
            cpath = _join(_join(path, "choices"), i)
            _max_len(choice.get("name"), MAX_CHOICE_NAME, _join(cpath, "name"), out, minimum=1)
            value = choice.get("value")
            if otype == STRING:
                if not isinstance(value, str):
                    out.append(
                        Problem(
                            _join(cpath, "value"),
                            f"string option choice value must be a string: {value!r}",
                        )
                    )
                else:
                    _max_len(value, MAX_CHOICE_STRING_VALUE, _join(cpath, "value"), out)
            elif otype == INTEGER and (not isinstance(value, int) or isinstance(value, bool)):
                out.append(
                    Problem(
                        _join(cpath, "value"),
                        f"integer option choice value must be an int: {value!r}",
                    )
                )
            elif otype == NUMBER and (
                not isinstance(value, (int, float)) or isinstance(value, bool)
            ):
                out.append(
                    Problem(
                        _join(cpath, "value"),
                        f"number option choice value must be a number: {value!r}",
                    )
                )
            chars += len(choice.get("name") or "") + len(str(value))
    if opt.get("autocomplete") and otype not in (STRING, INTEGER, NUMBER):
        out.append(
            Problem(
                _join(path, "autocomplete"),
                "autocomplete only applies to string/integer/number options",
            )
        )
    has_value_bounds = "min_value" in opt or "max_value" in opt
    if has_value_bounds:
        if otype not in (INTEGER, NUMBER):
            out.append(Problem(path, "min_value/max_value only apply to integer/number options"))
        lo, hi = opt.get("min_value"), opt.get("max_value")
        for key, bound in (("min_value", lo), ("max_value", hi)):
            if bound is not None and (
                not isinstance(bound, (int, float)) or isinstance(bound, bool)
            ):
                out.append(Problem(_join(path, key), f"must be a number, got {bound!r}"))
            elif otype == INTEGER and isinstance(bound, float) and not bound.is_integer():
                out.append(
                    Problem(_join(path, key), f"integer option bound must be whole, got {bound!r}")
                )
        if isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo > hi:
            out.append(Problem(path, f"min_value {lo} > max_value {hi}"))
    if "min_length" in opt or "max_length" in opt:
        if otype != STRING:
            out.append(Problem(path, "min_length/max_length only apply to string options"))
        lo, hi = opt.get("min_length"), opt.get("max_length")
        if lo is not None and not (isinstance(lo, int) and 0 <= lo <= 6000):
            out.append(Problem(_join(path, "min_length"), f"must be 0..6000, got {lo!r}"))
        if hi is not None and not (isinstance(hi, int) and 1 <= hi <= 6000):
            out.append(Problem(_join(path, "max_length"), f"must be 1..6000, got {hi!r}"))
        if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
            out.append(Problem(path, f"min_length {lo} > max_length {hi}"))
    if "channel_types" in opt and otype != CHANNEL:
        out.append(
            Problem(_join(path, "channel_types"), "channel_types only apply to channel options")
        )
    return chars


def _validate_option_list(options: Any, path: str, depth: int, out: list[Problem]) -> int:
    if not isinstance(options, list):
        out.append(Problem(path, "options must be a list", "BASE_TYPE_LIST"))
        return 0
    if len(options) > MAX_OPTIONS:
        out.append(Problem(path, f"{len(options)} options > {MAX_OPTIONS}", "BASE_TYPE_MAX_LENGTH"))
    names = [o.get("name") for o in options if isinstance(o, dict)]
    for dup in sorted({n for n in names if names.count(n) > 1 and n is not None}):
        out.append(
            Problem(
                path, f"duplicate option name {dup!r}", "APPLICATION_COMMAND_OPTION_NAME_NOT_UNIQUE"
            )
        )
    kinds = {
        "sub"
        if isinstance(o, dict) and o.get("type") in (SUBCOMMAND, SUBCOMMAND_GROUP)
        else "value"
        for o in options
    }
    if len(kinds) > 1:
        out.append(Problem(path, "cannot mix subcommands/groups with other options"))
    seen_optional = False
    for i, opt in enumerate(options):
        if not isinstance(opt, dict) or opt.get("type") in (SUBCOMMAND, SUBCOMMAND_GROUP):
            continue
        if opt.get("required"):
            if seen_optional:
                out.append(
                    Problem(
                        _join(path, i),
                        "required options must come before optional ones",
                        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    )
                )
        else:
            seen_optional = True
    return sum(_validate_option(opt, _join(path, i), depth, out) for i, opt in enumerate(options))


def _validate_command(cmd: Any, path: str) -> list[Problem]:
    if not isinstance(cmd, dict):
        return [Problem(path, "command must be an object")]
    out: list[Problem] = []
    ctype = cmd.get("type", 1)
    name = cmd.get("name")
    description = cmd.get("description")
    if ctype == 1:
        if not isinstance(name, str) or not COMMAND_NAME_RE.match(name) or name != name.lower():
            out.append(
                Problem(
                    _join(path, "name"),
                    f"invalid command name {name!r} (must match ^[-_\\w]{{1,32}}$, lowercase)",
                    "APPLICATION_COMMAND_INVALID_NAME",
                )
            )
        if not isinstance(description, str) or not 1 <= len(description) <= MAX_COMMAND_DESCRIPTION:
            out.append(
                Problem(
                    _join(path, "description"),
                    f"description must be 1..100 chars, got {description!r}",
                )
            )
    elif ctype in (2, 3):
        if not isinstance(name, str) or not 1 <= len(name) <= 32:
            out.append(Problem(_join(path, "name"), f"invalid context menu name {name!r}"))
        if description not in (None, ""):
            out.append(
                Problem(_join(path, "description"), "context menus must have an empty description")
            )
        if cmd.get("options"):
            out.append(Problem(_join(path, "options"), "context menus cannot have options"))
    else:
        out.append(Problem(_join(path, "type"), f"unsupported command type {ctype!r}"))
    dmp = cmd.get("default_member_permissions")
    # The OpenAPI spec types it as an integer; Discord also accepts a digit string.
    if dmp is not None and not (
        (isinstance(dmp, int) and not isinstance(dmp, bool) and dmp >= 0)
        or (isinstance(dmp, str) and dmp.isdigit())
    ):
        out.append(
            Problem(
                _join(path, "default_member_permissions"),
                f"must be a permission bit string or null, got {dmp!r}",
            )
        )
    chars = len(name or "") + len(description or "")
    chars += _validate_option_list(cmd.get("options") or [], _join(path, "options"), 0, out)
    if chars > MAX_COMMAND_TOTAL_CHARS:
        out.append(
            Problem(
                path,
                f"command is {chars} characters > {MAX_COMMAND_TOTAL_CHARS}",
                "APPLICATION_COMMAND_TOO_LARGE",
            )
        )
    return out


def validate_commands(commands: Any) -> list[Problem]:
    """Check a bulk-overwrite command list: per-command rules, unique names, per-type counts."""
    if not isinstance(commands, list):
        return [Problem("", "bulk overwrite body must be a list", "BASE_TYPE_LIST")]
    out: list[Problem] = []
    seen: set[tuple[int, str]] = set()
    counts: dict[int, int] = {}
    for i, cmd in enumerate(commands):
        out.extend(_validate_command(cmd, str(i)))
        if isinstance(cmd, dict):
            key = (cmd.get("type", 1), cmd.get("name"))
            if key in seen:
                out.append(
                    Problem(
                        str(i),
                        f"duplicate command name {key[1]!r}",
                        "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    )
                )
            seen.add(key)  # type: ignore[arg-type]
            counts[key[0]] = counts.get(key[0], 0) + 1
    for ctype, limit in ((1, 100), (2, 15), (3, 15)):
        if counts.get(ctype, 0) > limit:
            out.append(
                Problem(
                    "",
                    f"{counts[ctype]} commands of type {ctype} > {limit}",
                    "BASE_TYPE_MAX_LENGTH",
                )
            )
    return out


def form_body_error(problems: list[Problem]) -> dict[str, Any]:
    """Build Discord's 50035 Invalid Form Body error from rejected problems."""
    errors: dict[str, Any] = {}
    for problem in problems:
        if not problem.rejected:
            continue
        node = errors
        for part in [p for p in problem.path.split(".") if p]:
            node = node.setdefault(part, {})
        node.setdefault("_errors", []).append({"code": problem.code, "message": problem.message})
    return {"code": 50035, "message": "Invalid Form Body", "errors": errors}
