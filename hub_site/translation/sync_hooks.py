"""Admin hooks of the sync work (placeholder)."""
