"""Site-wide models: editable site copy and settings live here."""
