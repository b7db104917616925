"""Demo content, built from the seed page. Every step is idempotent."""
