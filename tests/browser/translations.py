"""Publish a Spanish translation of the seed article for journeys that switch language.

The demo's own loader does it (load_demo publishes it already; calling it again changes
nothing), so journeys and the demo share one way of publishing translations.
"""

from hub_site.demo.translations import publish_spanish_seed_article

__all__ = ["publish_spanish_seed_article"]
