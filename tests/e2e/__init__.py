"""End-to-end tests of Pitwall's features through the local Discord emulator."""
