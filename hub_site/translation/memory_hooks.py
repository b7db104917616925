"""Admin hooks of the memory work (placeholder)."""
