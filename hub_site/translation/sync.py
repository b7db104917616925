"""Placeholder: filled by the sync work."""


def connect():
    """Connect this module's receivers (none yet)."""
