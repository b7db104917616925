"""Admin hooks of the glossary work (placeholder)."""
