"""Pitwall's benchmarks: interaction latency, the store at scale, and start-up.

Each is a script (``python -m bench.<name>`` or ``python bench/<name>.py``) that prints
tables and writes ``bench/results/<name>.json``; ``python -m bench`` runs them all.
"""
