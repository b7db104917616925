"""Placeholder: filled by the glossary work."""


def connect():
    """Connect this module's receivers (none yet)."""
