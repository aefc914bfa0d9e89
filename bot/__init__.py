"""Pitwall: a Discord chatbot that answers motorsport fans from real reporting."""

__version__ = "0.1.0"
