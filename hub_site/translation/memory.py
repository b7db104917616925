"""Placeholder: filled by the memory work."""


def connect():
    """Connect this module's receivers (none yet)."""
