"""Quotes and paraphrase, and who said them: the public face of ``bot.ingest.attribution``.

The sieves live in the package, a module per form; this module keeps the names callers and
tests have always imported from here.
"""

from __future__ import annotations

from bot.ingest.attribution import (
    DEFAULT_SETTING,
    Defaults,
    Speech,
    discover_people,
    extract_quotes,
    extract_reported,
    extract_speech,
)
from bot.ingest.attribution.settings import _RADIO, _REPORTERS, _SOCIAL, _STATEMENT

__all__ = [
    "DEFAULT_SETTING",
    "Defaults",
    "Speech",
    "discover_people",
    "extract_quotes",
    "extract_reported",
    "extract_speech",
]

#: The settings' needled patterns, read by the fast-path tests.
_NEEDLED = (_RADIO, _REPORTERS, _SOCIAL, _STATEMENT)
