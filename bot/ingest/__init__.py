"""Ingestion: article files and their annotations to ``Article`` records for the store."""

from __future__ import annotations

from bot.ingest.annotations import Annotations, load_annotations
from bot.ingest.draft import draft_annotation
from bot.ingest.load import IngestReport, build_article, discover, ingest
from bot.ingest.parse import ParsedText, parse_article

__all__ = [
    "Annotations",
    "IngestReport",
    "ParsedText",
    "build_article",
    "discover",
    "draft_annotation",
    "ingest",
    "load_annotations",
    "parse_article",
]
