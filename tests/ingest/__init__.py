"""Tests for bot.ingest: parsing, annotations, attribution, drafts and loading."""
